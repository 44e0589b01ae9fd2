import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { createImageDecoder, decodeRgba, rgbaToLuminance, rotateQuarter } from '../../../src/shared/scan/imageDecode';
import { readImage } from '../../../src/core/scan/readImage';
import { AppError } from '../../../src/shared/errors';
import { canonicalizeScan } from '../../../src/shared/scan/canonical';
import { barcodePng, cameraFrame, type Rotation, type Symbology } from '../../support/barcodes';

const own = 'IP7K2M9QXA7';
const ean = '8712345678906';

const stickers: Array<[Symbology, string, string]> = [
  ['code128', own, 'CODE_128'],
  ['qrcode', own, 'QR_CODE'],
  ['ean13', ean, 'EAN_13'],
  // A pupil or library card's number, and the short EAN on small boxes.
  ['code39', 'LLN0042137', 'CODE_39'],
  ['ean8', '96385074', 'EAN_8'],
];

describe('decoding a still image (webcam frame or file)', () => {
  for (const [bcid, text, format] of stickers) {
    for (const scale of [1, 2, 4]) {
      it(`reads a ${bcid} sticker printed at ${scale} px per module`, async () => {
        const image = readImage(await barcodePng(bcid, text, scale));
        expect(decodeRgba(image.width, image.height, image.data)).toEqual({ text, format });
      });
    }

    for (const rotate of ['R', 'I', 'L'] as Rotation[]) {
      it(`reads a ${bcid} sticker held ${({ N: 'upright', R: '90° right', I: 'upside down', L: '90° left' } as const)[rotate]} in a 640×480 frame`, async () => {
        const frame = await cameraFrame(bcid, text, { scale: 2, rotate });
        expect(decodeRgba(frame.width, frame.height, frame.data)).toEqual({ text, format });
      });
    }

    // ±12 grey levels of independent per-pixel noise is a cheap webcam in a dim classroom. Much
    // more than that on a flat background makes ZXing's HybridBinarizer see speckles in the quiet
    // zone (measured: QR fails from about ±16, Code 128 from about ±40); real sensor noise is
    // also blurred, which helps.
    for (const seed of [1, 2, 3]) {
      it(`reads a ${bcid} sticker through camera noise (seed ${seed})`, async () => {
        const frame = await cameraFrame(bcid, text, { scale: 3, noise: 12, seed });
        expect(decodeRgba(frame.width, frame.height, frame.data)).toEqual({ text, format });
      });
    }
  }

  it('finds nothing in an empty or noisy frame (null, not an exception)', async () => {
    const blank = new Uint8ClampedArray(640 * 480).fill(200);
    const decoder = createImageDecoder();
    expect(decoder.decodeLuminance(640, 480, blank)).toBeNull();
    const noise = Uint8ClampedArray.from({ length: 640 * 480 }, (_, i) => (i * 2654435761) >>> 24);
    expect(decoder.decodeLuminance(640, 480, noise)).toBeNull();
  });

  it('does not look sideways when told not to (the fast path only)', async () => {
    const frame = await cameraFrame('code128', own, { scale: 2, rotate: 'R' });
    const decoder = createImageDecoder({ tryRotated: false });
    expect(decoder.decodeRgba(frame.width, frame.height, frame.data)).toBeNull();
  });

  it('reads only the symbologies it is asked for', async () => {
    const frame = await cameraFrame('ean13', ean, { scale: 3 });
    expect(createImageDecoder({ formats: ['QR_CODE'] }).decodeRgba(640, 480, frame.data)).toBeNull();
  });

  it('reads a JPEG photo as well as a PNG', async () => {
    const frame = await cameraFrame('qrcode', own, { scale: 4 });
    const photo = jpeg.encode({ width: frame.width, height: frame.height, data: Buffer.from(frame.data) }, 80).data;
    const image = readImage(photo);
    expect(decodeRgba(image.width, image.height, image.data)).toEqual({ text: own, format: 'QR_CODE' });
  });

  it('a Code 39 pupil card scans as the code its card tag was enrolled under', async () => {
    const image = readImage(await barcodePng('code39', 'LLN0042137', 2));
    const read = decodeRgba(image.width, image.height, image.data);
    // Enrolment (`pupil add --card`) and every scan go through the same canonical form.
    expect(canonicalizeScan(read!.text)).toBe(canonicalizeScan('LLN0042137'));
  });

  it('one of our codes printed as Code 39 is still checked: a valid one passes, upper-case', async () => {
    const image = readImage(await barcodePng('code39', own, 2));
    expect(canonicalizeScan(decodeRgba(image.width, image.height, image.data)!.text)).toBe(own);
  });

  it('an EAN-8 is read whole, never as part of an EAN-13', async () => {
    const image = readImage(await barcodePng('ean8', '96385074', 3));
    expect(decodeRgba(image.width, image.height, image.data)).toEqual({ text: '96385074', format: 'EAN_8' });
  });

  it('refuses a file that is neither PNG nor JPEG', () => {
    expect(() => readImage(new TextEncoder().encode('GIF89a not really'))).toThrow(AppError);
    try {
      readImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    } catch (e) {
      expect((e as AppError).code).toBe('IMAGE_UNREADABLE');
    }
  });

  it('converts RGBA to luminance, counting transparency as paper white', () => {
    const rgba = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255]);
    expect([...rgbaToLuminance(rgba, 4, 1)]).toEqual([0, 255, 255, 76]);
  });

  it('turns a frame a quarter clockwise', () => {
    // 3×2:  a b c      2×3:  d a
    //       d e f            e b
    //                        f c
    const turned = rotateQuarter(3, 2, Uint8ClampedArray.from([1, 2, 3, 4, 5, 6]));
    expect([...turned]).toEqual([4, 1, 5, 2, 6, 3]);
  });
});
