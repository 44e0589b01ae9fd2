import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../../src/core/scan/readImage';

/**
 * The real tools a label round trip is checked with: poppler's pdftoppm/pdftotext and zbar's
 * zbarimg (an independent decoder). Missing tools fail the test loudly: nothing is skipped.
 */
const tools = { pdftoppm: 'poppler-utils', pdftotext: 'poppler-utils', zbarimg: 'zbar-tools' } as const;

export function requireTools(): void {
  const missing = Object.entries(tools).filter(([tool]) => spawnSync(tool, ['-v']).error !== undefined);
  if (missing.length > 0) {
    throw new Error(
      `The label round trip needs ${missing.map(([t]) => t).join(', ')}: install ${[...new Set(missing.map(([, p]) => p))].join(' and ')} (Debian: apt install poppler-utils zbar-tools).`,
    );
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0 && !(command === 'zbarimg' && result.status === 4)) {
    throw new Error(`${command} exited ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

/** Every page of a PDF as RGBA pixels at `dpi`, as a printer driver would rasterise it. */
export function rasterize(pdf: Uint8Array, dpi = 300): RgbaImage[] {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-pdf-'));
  try {
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    run('pdftoppm', ['-r', String(dpi), '-png', join(dir, 'sheet.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => {
        const png = PNG.sync.read(readFileSync(join(dir, f)));
        return { width: png.width, height: png.height, data: png.data };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-pdf-'));
  try {
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    return run('pdftotext', ['-enc', 'UTF-8', join(dir, 'sheet.pdf'), '-']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rectangle (in mm, at `dpi`) cut out of a page. */
export function crop(page: RgbaImage, box: { x: number; y: number; width: number; height: number }, dpi = 300): RgbaImage {
  const px = (mm: number) => Math.round((mm * dpi) / 25.4);
  const left = Math.max(0, px(box.x));
  const top = Math.max(0, px(box.y));
  const width = Math.min(page.width - left, px(box.width));
  const height = Math.min(page.height - top, px(box.height));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * page.width + left) * 4;
    data.set(page.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

/** What zbar reads in each image (one zbarimg run per image), `null` where it finds nothing. */
export function zbarRead(images: RgbaImage[]): (string | null)[] {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-zbar-'));
  try {
    return images.map((image, i) => {
      const file = join(dir, `cell-${i}.png`);
      const png = new PNG({ width: image.width, height: image.height });
      png.data = Buffer.from(image.data);
      writeFileSync(file, PNG.sync.write(png));
      const out = run('zbarimg', ['--raw', '-q', file]).trim();
      return out === '' ? null : out;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The darkness (0 white … 255 black) of the pixel at (x, y) mm. */
export function inkAt(page: RgbaImage, xMm: number, yMm: number, dpi = 300): number {
  const x = Math.round((xMm * dpi) / 25.4);
  const y = Math.round((yMm * dpi) / 25.4);
  const i = (y * page.width + x) * 4;
  return 255 - Math.round((page.data[i]! + page.data[i + 1]! + page.data[i + 2]!) / 3);
}

/** The page count poppler's pdfinfo reads: also proves the bytes are a PDF it can parse. */
export function pdfPageCount(pdf: Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-pdf-'));
  try {
    writeFileSync(join(dir, 'file.pdf'), pdf);
    const info = run('pdfinfo', [join(dir, 'file.pdf')]);
    const pages = /^Pages:\s+(\d+)$/m.exec(info);
    if (!pages) throw new Error(`pdfinfo found no page count:\n${info}`);
    return Number(pages[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
