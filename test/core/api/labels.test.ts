import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { labelFixture, type LabelFixture } from '../labels/labelFixture';

/** The office's sticker calls through the same gateway the kiosk window uses. */
describe('sticker sheets through the contract', () => {
  let f: LabelFixture;
  let gateway: Gateway;
  beforeAll(async () => {
    f = labelFixture(4);
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }), {
      onInternalError: (method, error) => {
        throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
      },
    });
    expect(await gateway.invoke('unlockStaff', { pin: '246800', staffId: f.officeId })).toMatchObject({ ok: true });
  });
  afterAll(() => f.close());

  it('lists the five layouts with what each holds and prints', async () => {
    const result = await gateway.invoke('labelLayouts', {});
    expect(result).toMatchObject({ ok: true });
    const layouts = (result as { value: { layouts: { id: string; perPage: number; symbology: string }[] } }).value.layouts;
    expect(layouts.map((l) => `${l.id}:${l.perPage}:${l.symbology}`)).toEqual([
      'L7651:65:qrcode',
      'L7160:21:code128',
      'L7163:14:code128',
      '3x8:24:code128',
      'single62:1:code128',
    ]);
  });

  it("returns a group's sheet as a base64 PDF with its page and label count", async () => {
    const result = await gateway.invoke('makeLabelSheet', { layout: 'L7163', source: { kind: 'group', groep: '7A' }, start: 12 });
    if (!result.ok) throw new Error(result.error.code);
    const value = result.value as { fileName: string; base64: string; pageCount: number; labelCount: number };
    expect(value).toMatchObject({ labelCount: 4, pageCount: 2, fileName: 'stickers-7A-L7163-2026-09-01.pdf' });
    expect(Buffer.from(value.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses a start position the layout does not have, and an unknown layout', async () => {
    expect(await gateway.invoke('makeLabelSheet', { layout: 'L7163', source: { kind: 'newCodes', count: 2 }, start: 15 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', details: { field: 'start' } },
    });
    expect(await gateway.invoke('makeLabelSheet', { layout: 'L9999', source: { kind: 'newCodes', count: 2 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('stores a calibration and rejects one beyond ±5 mm', async () => {
    const calibration = { offsetX: 0.4, offsetY: -0.6, pitchX: 0, pitchY: 0.1 };
    expect(await gateway.invoke('setLabelCalibration', { layout: '3x8', calibration })).toEqual({ ok: true, value: { layout: '3x8', calibration } });
    expect(await gateway.invoke('setLabelCalibration', { layout: '3x8', calibration: { ...calibration, offsetX: 9 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    const page = await gateway.invoke('makeCalibrationPage', { layout: '3x8' });
    expect(page).toMatchObject({ ok: true, value: { fileName: 'kalibratie-3x8.pdf', pageCount: 1 } });
  });
});
