import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../src/shared/contract/events';
import { newOwnCode } from '../../src/shared/scan/codes';
import { decodeRgba } from '../../src/shared/scan/imageDecode';
import { makeScanEvent } from '../../src/shared/scan/scanEvent';
import { nfcProfiles, type NfcProfile } from '../../src/shared/scan/nfc';
import { createWedgeDetector } from '../../src/renderer/scan/wedgeDetector';
import { createScanStream } from '../../src/renderer/scan/scanStream';
import { createHidReaderService, type HidDeviceHandle } from '../../src/core/hid/readerService';
import { classFixture, type ClassFixture } from '../core/support/custodyFixture';
import { cameraFrame } from '../support/barcodes';
import { keyEvent, keyOn, usStroke } from '../renderer/scan/keyboards';

/** HID usage ids from the USB HID usage tables: a–z 0x04–0x1D, 1–9 0x1E–0x26, 0 0x27. */
function usageOf(char: string): number {
  if (/[A-Z]/.test(char)) return 0x04 + char.charCodeAt(0) - 65;
  if (char === '0') return 0x27;
  if (/[1-9]/.test(char)) return 0x1e + Number(char) - 1;
  throw new Error(`no usage for ${char}`);
}

/**
 * Issue "Scanning", done when: a code typed at scanner speed, a HID report sequence from a fake
 * device, an NFC UID in each reader profile and a barcode shown to a camera all arrive as the
 * same scan event and resolve, through the kiosk's own scan service, to the same device.
 */
describe('one scan stream from every source, to the same device', () => {
  let f: ClassFixture;
  let sticker: string;
  const uid = '04A1B2C3D4E5F6'; // a 7-byte NTAG UID, hex in transmission order
  let deviceId: string;

  beforeEach(() => {
    f = classFixture({ size: 1 });
    deviceId = f.phones[0]!.deviceId;
    sticker = newOwnCode();
    f.s.assignTag({ kind: 'device_sticker', raw: sticker, deviceId }, f.admin.staffId);
    f.s.assignTag({ kind: 'nfc', raw: uid, canonical: uid, deviceId }, f.admin.staffId);
  });
  afterEach(() => f.close());

  /** Hands the device in and back again, so every source gets a fresh hand-in. */
  function resolve(event: ScanEvent): string {
    const outcome = f.s.scan({ code: event.code, mode: 'hand-in', actor: 'pupil' });
    f.s.returnDevice({ deviceId: outcome.device.deviceId, actor: f.teacher.staffId });
    return outcome.device.deviceId;
  }

  it('a keyboard-wedge scanner typing at 5 ms per key, on a Belgian AZERTY layout', () => {
    const events: ScanEvent[] = [];
    const detector = createWedgeDetector({}, {
      onScan: (scan) => {
        const event = makeScanEvent('wedge', scan.raw, 0);
        if (event) events.push(event);
      },
      onRelease: () => false,
    });
    let t = 1000;
    for (const char of sticker) {
      const { code, shift } = usStroke(char.toLowerCase());
      detector.handleKeyDown(keyEvent({ code, key: keyOn('be-azerty', code, shift), shiftKey: shift }, (t += 5)));
    }
    detector.handleKeyDown(keyEvent({ code: 'Enter', key: 'Enter' }, t + 5));
    expect(events.map((e) => e.code)).toEqual([sticker]);
    expect(resolve(events[0]!)).toBe(deviceId);
  });

  it('a HID boot-keyboard scanner, read through the reader service from a fake device', async () => {
    let listener: ((data: Uint8Array) => void) | undefined;
    const device: HidDeviceHandle = {
      on: (event: string, l: (arg: never) => void) => {
        if (event === 'data') listener = l as (data: Uint8Array) => void;
        return device;
      },
      close: () => undefined,
    };
    const events: ScanEvent[] = [];
    const service = createHidReaderService({
      vendorId: 0x05e0,
      productId: 0x1200,
      format: 'boot',
      open: () => device,
      listDevices: async () => [{ vendorId: 0x05e0, productId: 0x1200, usagePage: 1, path: 'fake' }],
      onScan: (e) => events.push(e),
    });
    service.start();
    await expect.poll(() => listener !== undefined).toBe(true);
    for (const char of `${sticker}\n`) {
      const usage = char === '\n' ? 0x28 : usageOf(char);
      listener!(Uint8Array.from([/[A-Z]/.test(char) ? 0x02 : 0, 0, usage, 0, 0, 0, 0, 0]));
      listener!(new Uint8Array(8)); // key released
    }
    service.stop();
    expect(events.map((e) => [e.source, e.code])).toEqual([['hid', sticker]]);
    expect(resolve(events[0]!)).toBe(deviceId);
  });

  it.each(nfcProfiles)('an NFC reader whose profile is %s', (profile: NfcProfile) => {
    const bytes = uid.match(/../g)!;
    const ordered = profile.endsWith('reversed') ? [...bytes].reverse() : bytes;
    const hex = ordered.join('');
    const raw = profile.startsWith('decimal') ? BigInt(`0x${hex}`).toString(10).padStart(17, '0') : hex.toLowerCase();
    const event = makeScanEvent('wedge', raw, 0, { nfcProfile: profile })!;
    expect(event.code).toBe(uid);
    expect(resolve(event)).toBe(deviceId);
  });

  it('a Code 128 sticker held up to the camera, in a noisy 640×480 frame', async () => {
    const frame = await cameraFrame('code128', sticker, { noise: 10 });
    const decoded = decodeRgba(frame.width, frame.height, frame.data);
    expect(decoded?.text).toBe(sticker);
    expect(resolve(makeScanEvent('camera', decoded!.text, 0)!)).toBe(deviceId);
  });

  it('the same code from two sources within a second is one scan', () => {
    const seen: ScanEvent[] = [];
    let now = 0;
    const stream = createScanStream((e) => seen.push(e), { now: () => now });
    stream.push(makeScanEvent('wedge', sticker, 0)!);
    now = 400;
    stream.push(makeScanEvent('hid', sticker, 400)!);
    now = 1600;
    stream.push(makeScanEvent('camera', sticker, 1600)!);
    expect(seen.map((e) => e.source)).toEqual(['wedge', 'camera']);
  });
});
