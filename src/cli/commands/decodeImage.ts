import { readFile } from 'node:fs/promises';
import { output, type CliCommand } from '../command';
import { readImage } from '../../core/scan/readImage';
import { createImageDecoder } from '../../shared/scan/imageDecode';
import { tryCanonicalizeScan } from '../../shared/scan/canonical';
import { AppError } from '../../shared/errors';

/**
 * Reads a QR / Code 128 / Code 39 / EAN-13 / EAN-8 from a photo or a scan of a sticker sheet: the
 * same decoder the webcam uses, with ZXing's TRY_HARDER on since a single still can afford it.
 */
export const decodeImage: CliCommand = {
  name: 'decode-image',
  summary: 'Read a QR code, Code 128, Code 39, EAN-13 or EAN-8 from a PNG or JPEG (exit 1 if none)',
  usage: 'decode-image FILE',
  async run(ctx) {
    const file = ctx.argv[0];
    if (!file || ctx.argv.length > 1) {
      ctx.io.stderr('Usage: npm run cli -- decode-image FILE\n');
      return 2;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      ctx.io.stderr(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 1;
    }
    const image = readImage(bytes);
    const found = createImageDecoder({ tryHarder: true }).decodeRgba(image.width, image.height, image.data);
    if (!found) throw new AppError('NO_CODE_IN_IMAGE');
    const result = tryCanonicalizeScan(found.text);
    const data = { text: found.text, format: found.format, code: result.code, error: result.ok ? null : result.error.code };
    output(ctx, data, () => `${found.text}   (${found.format}${data.error ? `, ${data.error}` : ''})`);
    return 0;
  },
};
