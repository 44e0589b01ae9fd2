import {
  BarcodeFormat,
  BinaryBitmap,
  ChecksumException,
  Code128Reader,
  Code39Reader,
  DecodeHintType,
  EAN13Reader,
  MultiFormatOneDReader,
  FormatException,
  HybridBinarizer,
  NotFoundException,
  QRCodeReader,
  RGBLuminanceSource,
  type Reader,
} from '@zxing/library';

/**
 * Finds a QR code, Code 128, Code 39 (pupil and library cards), EAN-13 or EAN-8 in a still frame: the webcam fallback scanner in the
 * renderer and `decode-image` in the CLI share this. Pure (no DOM, no Node): pixels in, text out.
 */

export const imageFormats = ['QR_CODE', 'CODE_128', 'CODE_39', 'EAN_13', 'EAN_8'] as const;
export type ImageFormat = (typeof imageFormats)[number];

export interface DecodedImage {
  text: string;
  format: ImageFormat;
}

export interface ImageDecoderOptions {
  /** Which symbologies to look for; fewer is faster. Default: every kind of code we meet. */
  formats?: readonly ImageFormat[];
  /**
   * If nothing is found, look again at the frame turned a quarter: ZXing's 1D readers only scan
   * horizontal rows unless TRY_HARDER is on, and a pupil may hold a Code 128 sticker upright.
   * QR codes and upside-down barcodes need no help. Costs a second pass only on frames without a
   * code. Default true.
   */
  tryRotated?: boolean;
  /** ZXing's TRY_HARDER: several times slower per frame; off by default for the camera loop. */
  tryHarder?: boolean;
}

export interface ImageDecoder {
  decodeLuminance(width: number, height: number, luminance: Uint8ClampedArray): DecodedImage | null;
  decodeRgba(width: number, height: number, rgba: Uint8ClampedArray | Uint8Array): DecodedImage | null;
}

/**
 * One decoder per scanning loop: the reader and its hints are set up once and reused for every
 * frame, and the luminance buffer is reused between frames of the same size.
 */
export function createImageDecoder(options: ImageDecoderOptions = {}): ImageDecoder {
  const formats = options.formats ?? imageFormats;
  const tryRotated = options.tryRotated ?? true;
  const hints = new Map<DecodeHintType, unknown>();
  hints.set(DecodeHintType.POSSIBLE_FORMATS, formats.map((f) => BarcodeFormat[f]));
  if (options.tryHarder) hints.set(DecodeHintType.TRY_HARDER, true);
  // The readers are called one by one rather than through ZXing's MultiFormatReader: in 0.23 its
  // NotFoundException no longer extends ReaderException, so MultiFormatReader console.warn()s for
  // every reader on every frame without a code — 20 log lines a second from the camera loop.
  // Cheap 1D readers go first; the QR finder-pattern search is the expensive one.
  const readers = readerOrder.filter((f) => formats.includes(f)).map((f) => newReader[f]());
  let scratch = new Uint8ClampedArray(0);

  function attempt(width: number, height: number, luminance: Uint8ClampedArray): DecodedImage | null {
    // One bitmap for all readers: the binarised matrix is computed once and cached by it.
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
    for (const reader of readers) {
      try {
        const result = reader.decode(bitmap, hints);
        return { text: result.getText(), format: BarcodeFormat[result.getBarcodeFormat()] as ImageFormat };
      } catch (error) {
        // "Nothing here" is the normal outcome for most camera frames, not an error.
        if (!(error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException)) {
          throw error;
        }
      } finally {
        reader.reset();
      }
    }
    return null;
  }

  function decodeLuminance(width: number, height: number, luminance: Uint8ClampedArray): DecodedImage | null {
    if (luminance.length < width * height) throw new RangeError('luminance buffer smaller than width × height');
    const found = attempt(width, height, luminance);
    if (found || !tryRotated) return found;
    return attempt(height, width, rotateQuarter(width, height, luminance));
  }

  function decodeRgba(width: number, height: number, rgba: Uint8ClampedArray | Uint8Array): DecodedImage | null {
    if (scratch.length !== width * height) scratch = new Uint8ClampedArray(width * height);
    return decodeLuminance(width, height, rgbaToLuminance(rgba, width, height, scratch));
  }

  return { decodeLuminance, decodeRgba };
}

/**
 * 1D readers before the QR search. Code 128 before Code 39: ZXing's Code 39 reader does not check
 * an (optional) check digit, so on a Code 128 it finds nothing rather than a wrong text, but the
 * stricter reader first costs nothing. EAN-13 before EAN-8: a 13-digit code is never half-read as 8.
 */
const readerOrder = ['CODE_128', 'CODE_39', 'EAN_13', 'EAN_8', 'QR_CODE'] as const satisfies readonly ImageFormat[];
const newReader: Record<ImageFormat, () => Reader> = {
  CODE_128: () => new Code128Reader(),
  // Standard Code 39 as cards print it: no check digit assumed, no Full ASCII re-mapping.
  CODE_39: () => new Code39Reader(false, false),
  EAN_13: () => new EAN13Reader(),
  // @zxing/library 0.23 does not export its EAN8Reader; this wrapper holds exactly that one.
  EAN_8: () => new MultiFormatOneDReader(new Map([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.EAN_8]]])),
  QR_CODE: () => new QRCodeReader(),
};

let shared: ImageDecoder | undefined;

/** Decodes one grey-scale frame (one byte per pixel, row by row) with the default options. */
export function decodeLuminance(width: number, height: number, luminance: Uint8ClampedArray): DecodedImage | null {
  shared ??= createImageDecoder();
  return shared.decodeLuminance(width, height, luminance);
}

/** Decodes one RGBA frame (as from `canvas.getImageData` or a PNG decoder). */
export function decodeRgba(width: number, height: number, rgba: Uint8ClampedArray | Uint8Array): DecodedImage | null {
  shared ??= createImageDecoder();
  return shared.decodeRgba(width, height, rgba);
}

/**
 * RGBA → luminance with integer BT.601 weights (the same green-heavy average ZXing uses);
 * transparent pixels count as white, as a sticker on a transparent PNG is printed on paper.
 */
export function rgbaToLuminance(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
  out: Uint8ClampedArray = new Uint8ClampedArray(width * height),
): Uint8ClampedArray {
  const size = width * height;
  if (rgba.length < size * 4) throw new RangeError('RGBA buffer smaller than width × height × 4');
  for (let i = 0, j = 0; i < size; i++, j += 4) {
    const alpha = rgba[j + 3]!;
    const grey = (rgba[j]! * 306 + rgba[j + 1]! * 601 + rgba[j + 2]! * 117) >> 10;
    out[i] = alpha === 255 ? grey : (grey * alpha + 255 * (255 - alpha)) / 255;
  }
  return out;
}

/** The frame turned 90° clockwise: the result is `height` wide and `width` high. */
export function rotateQuarter(width: number, height: number, luminance: Uint8ClampedArray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const column = height - 1 - y;
    for (let x = 0; x < width; x++) out[x * height + column] = luminance[row + x]!;
  }
  return out;
}
