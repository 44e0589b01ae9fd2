import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { AppError } from '../../shared/errors';

/** A decoded still: RGBA, 4 bytes per pixel, row by row — what `canvas.getImageData` gives too. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Large enough for any phone photo; small enough that a hostile file cannot exhaust memory. */
const MAX_PIXELS = 50_000_000;

/** Decodes a PNG or JPEG (recognised by its magic bytes, not its name) to RGBA pixels. */
export function readImage(bytes: Uint8Array): RgbaImage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (isPng(buffer)) {
      const png = PNG.sync.read(buffer);
      return checked({ width: png.width, height: png.height, data: png.data });
    }
    if (isJpeg(buffer)) {
      const image = jpeg.decode(buffer, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6 });
      return checked({ width: image.width, height: image.height, data: image.data });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IMAGE_UNREADABLE', { reason: (error as Error).message });
  }
  throw new AppError('IMAGE_UNREADABLE', { reason: 'not a PNG or JPEG file' });
}

function checked(image: RgbaImage): RgbaImage {
  if (image.width * image.height > MAX_PIXELS) throw new AppError('IMAGE_UNREADABLE', { reason: 'image too large' });
  return image;
}

const isPng = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a;
const isJpeg = (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
