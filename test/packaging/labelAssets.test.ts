import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontBytes, fontFiles, fontPath } from '../../src/core/labels/fonts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/**
 * Sticker sheets need pdfkit, bwip-js and the DejaVu font files at run time. electron-builder
 * packs only `dependencies`, and the main build leaves them outside its bundle, so a package
 * listed as a devDependency would be missing from the installed app.
 */
describe('what a packaged app needs to print stickers', () => {
  it('pdfkit, bwip-js and the fonts are runtime dependencies', () => {
    for (const name of ['pdfkit', 'bwip-js', 'dejavu-fonts-ttf']) {
      expect(pkg.dependencies[name], name).toBeDefined();
      expect(pkg.devDependencies[name], name).toBeUndefined();
    }
  });

  it('every font is a TrueType file found through the package, with its licence beside it', () => {
    for (const name of Object.keys(fontFiles) as (keyof typeof fontFiles)[]) {
      expect(fontPath(name).replaceAll('\\', '/')).toContain('node_modules/dejavu-fonts-ttf/ttf/');
      expect(fontBytes(name).readUInt32BE(0)).toBe(0x00010000); // the sfnt version of a TrueType font
    }
    expect(existsSync('node_modules/dejavu-fonts-ttf/LICENSE')).toBe(true);
  });
});
