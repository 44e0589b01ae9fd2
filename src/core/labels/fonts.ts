import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Sans (free licence: Bitstream Vera + public domain) from the npm package
 * `dejavu-fonts-ttf`, embedded in every PDF: PDF's built-in Helvetica covers Latin-1 only, so
 * "Łucja" or "Nguyễn" would print as boxes. The package is a runtime dependency that the main
 * build leaves outside its bundle, so the files are found the same way from a checkout, the CLI
 * and the packaged app (inside app.asar, which Electron's fs reads).
 */
const require = createRequire(import.meta.url);

export const fontFiles = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
} as const;
export type FontName = keyof typeof fontFiles;

const paths = new Map<FontName, string>();

/**
 * Resolved once per font: `useFont` asks for the regular face by path at every switch, and
 * `require.resolve` walks the module resolver each time (2 of the 5 s of a 900-row PDF log).
 */
export function fontPath(name: FontName): string {
  let path = paths.get(name);
  if (!path) {
    path = require.resolve(fontFiles[name]);
    paths.set(name, path);
  }
  return path;
}

const cache = new Map<FontName, Buffer>();

export function fontBytes(name: FontName): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(fontPath(name));
    cache.set(name, bytes);
  }
  return bytes;
}
