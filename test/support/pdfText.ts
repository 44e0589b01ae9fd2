import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PDF's text through poppler's pdftotext: `layout` as a reader sees the page, `raw` in the order
 * it was drawn (a table cell's wrapped lines one after the other) with white space dropped, so an
 * id or hash that wrapped inside its cell reads whole.
 */
export function pdfText(pdf: Uint8Array): { layout: string; raw: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-pdftext-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const run = (args: string[]) => {
      const r = spawnSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
      return r.stdout;
    };
    const layout = run(['-layout']);
    return { layout, raw: run(['-raw']).replace(/\s+/g, ''), pages: layout.split('\f').length - 1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
