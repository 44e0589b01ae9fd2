import { describe, expect, it } from 'vitest';
import { createPdf, finish, turnLayoutCaches, useFont, type Pdf } from '../../../src/core/labels/pdfDocument';

/** What pdfkit has cached for a word in the regular face: the contract turnLayoutCaches relies on. */
function cached(doc: Pdf, word: string): unknown {
  const fonts = (doc as unknown as { _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }> })._fontFamilies;
  const regular = Object.values(fonts).find((f) => f.layoutCache);
  expect(regular, 'pdfkit keeps a layout cache per font (EmbeddedFont.layoutCache)').toBeDefined();
  return regular?.layoutCache?.[word];
}

describe('pdfkit’s layout cache in a long document', () => {
  it('keeps the words the pages keep using and forgets a page’s one-off words some pages later', async () => {
    const doc = createPdf({ title: 'test', width: 297, height: 210, now: new Date(0) });
    doc.addPage();
    useFont(doc, 'regular').fontSize(8);
    doc.widthOfString('Ingeleverd #1');
    expect(cached(doc, '#1')).toBeDefined();
    const first = cached(doc, 'Ingeleverd ');
    for (let page = 2; page <= 30; page++) {
      turnLayoutCaches(doc);
      doc.widthOfString(`Ingeleverd #${page}`);
    }
    // Laid out once, found again on every page since.
    expect(cached(doc, 'Ingeleverd ')).toBe(first);
    expect(cached(doc, '#30')).toBeDefined();
    // Page 1's number, not used since: gone, so a thousand pages do not keep a thousand numbers.
    expect(cached(doc, '#1')).toBeUndefined();
    await finish(doc);
  });
});
