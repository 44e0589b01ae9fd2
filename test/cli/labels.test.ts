import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/core';
import { isValidOwnCode } from '../../src/shared/scan/codes';
import { pdfText, rasterize, requireTools } from '../support/pdfRaster';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

describe('labels: sticker sheets from the command line', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string[];
  const out = (name: string) => join(tmp.dir, name);
  const json = async <T>(argv: string[]): Promise<T> => {
    const result = await cli([...argv, ...db, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  const stickers: string[] = [];
  beforeEach(async () => {
    requireTools();
    tmp = tempDir();
    db = ['--db', tmp.dbPath];
    openCore({ dbPath: tmp.dbPath, appVersion: 'test' }).close();
    stickers.length = 0;
    for (const [roepnaam, achternaam] of [['Łucja', 'Zielińska'], ['Ömer', 'Aydın']] as const) {
      const pupil = await json<{ pupilId: string }>(['pupil', 'add', '--roepnaam', roepnaam, '--achternaam', achternaam, '--groep', '7B']);
      const device = await json<{ stickers: string[] }>(['device', 'add', '--pupil', pupil.pupilId, '--kind', 'smartphone', '--description', 'telefoon', '--new-sticker']);
      stickers.push(device.stickers[0]!);
    }
  });
  afterEach(() => tmp.cleanup());

  it("writes a group's sheet from a start position: names in Dutch order, one page", async () => {
    const result = await json<{ labelCount: number; pageCount: number; symbology: string; start: number }>([
      'labels', '--group', '7B', '--layout', 'L7651', '--start', '3', '--out', out('7b.pdf'),
    ]);
    expect(result).toMatchObject({ labelCount: 2, pageCount: 1, symbology: 'qrcode', start: 3 });
    const pdf = readFileSync(out('7b.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    // Aydın before Zielińska: the class list's order.
    expect(text.indexOf('Ömer')).toBeLessThan(text.indexOf('Łucja'));
    expect(text.indexOf(stickers[1]!)).toBeLessThan(text.indexOf(stickers[0]!));
    expect(rasterize(pdf, 50)).toHaveLength(1);
  });

  it('prints fresh codes and lists them, so they can be registered later', async () => {
    const result = await json<{ codes: string[]; labelCount: number; pageCount: number }>([
      'labels', '--new-codes', '30', '--layout', 'L7160', '--out', out('new.pdf'),
    ]);
    expect(result).toMatchObject({ labelCount: 30, pageCount: 2 });
    expect(result.codes.every(isValidOwnCode)).toBe(true);
    expect(result.codes).not.toContain(stickers[0]);
  });

  it('stores a calibration and prints the calibration page with it', async () => {
    expect(await json(['labels', 'calibrate', '--layout', 'L7160', '--x', '1,5', '--pitch-y=-0.2'])).toEqual({
      layout: 'L7160',
      calibration: { offsetX: 1.5, offsetY: 0, pitchX: 0, pitchY: -0.2 },
    });
    const page = await json<{ pageCount: number }>(['labels', '--calibration', '--layout', 'L7160', '--out', out('cal.pdf')]);
    expect(page.pageCount).toBe(1);
    expect(pdfText(readFileSync(out('cal.pdf')))).toContain('x +1,5 mm');
  });

  it('says clearly what is wrong, without a stack trace', async () => {
    const none = await cli(['labels', '--group', '5C', '--layout', 'L7160', '--out', out('x.pdf'), ...db]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^NOTHING_TO_PRINT: Er is niets om te printen/);
    expect(none.stderr).not.toMatch(/\bat \S+:\d+/);
    const badLayout = await cli(['labels', '--group', '7B', '--layout', 'L9999', '--out', out('x.pdf'), ...db]);
    expect(badLayout).toMatchObject({ code: 2 });
    expect(badLayout.stderr).toContain('--layout must be one of L7651|L7160|L7163|3x8|single62');
    const badStart = await cli(['labels', '--group', '7B', '--layout', 'L7163', '--start', '15', '--out', out('x.pdf'), ...db]);
    expect(badStart.stderr).toContain('--start must be a label position from 1 to 14');
    expect((await cli(['labels', '--group', '7B', '--layout', 'L7163', ...db])).stderr).toContain('--out FILE.pdf is required');
    expect((await cli(['labels', '--group', '7B', '--new-codes', '3', '--layout', 'L7163', '--out', out('x.pdf'), ...db])).stderr).toContain(
      'exactly one of',
    );
    const badCalibration = await cli(['labels', 'calibrate', '--layout', 'L7160', '--x', '12', ...db]);
    expect(badCalibration).toMatchObject({ code: 2 });
  });
});
