import bwipjs from 'bwip-js/node';
import { readImage, type RgbaImage } from '../../src/core/scan/readImage';

export type Symbology = 'qrcode' | 'code128' | 'code39' | 'ean13' | 'ean8';
export type Rotation = 'N' | 'R' | 'I' | 'L';

/** A barcode as bwip-js prints it: a PNG with a quiet zone, `scale` pixels per module. */
export async function barcodePng(bcid: Symbology, text: string, scale = 2, rotate: Rotation = 'N'): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid,
    text,
    scale,
    rotate,
    ...(bcid === 'qrcode' ? {} : { height: 12 }),
    paddingwidth: 10,
    paddingheight: 10,
    backgroundcolor: 'FFFFFF',
    includetext: false,
  });
}

/**
 * The barcode placed on a grey-white 640×480 "camera frame" (RGBA), centred, optionally with
 * uniform noise of ±`noise` grey levels on every pixel: what the webcam loop sees.
 */
export async function cameraFrame(
  bcid: Symbology,
  text: string,
  { scale = 2, rotate = 'N' as Rotation, noise = 0, seed = 1, width = 640, height = 480 } = {},
): Promise<RgbaImage> {
  const code = readImage(await barcodePng(bcid, text, scale, rotate));
  if (code.width > width || code.height > height) throw new Error('barcode larger than the frame');
  const data = new Uint8Array(width * height * 4).fill(235);
  const left = Math.floor((width - code.width) / 2);
  const top = Math.floor((height - code.height) / 2);
  for (let y = 0; y < code.height; y++) {
    data.set(code.data.subarray(y * code.width * 4, (y + 1) * code.width * 4), ((top + y) * width + left) * 4);
  }
  let s = seed >>> 0;
  for (let i = 0; i < data.length; i += 4) {
    if (noise > 0) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const delta = Math.round(((s >>> 8) / 0xffffff) * 2 * noise - noise);
      for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, data[i + c]! + delta));
    }
    data[i + 3] = 255;
  }
  return { width, height, data };
}
