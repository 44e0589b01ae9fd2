import { BarcodeFormat, QRCodeWriter } from '@zxing/library';

/**
 * A 640×480 RGBA camera frame showing a QR code, made with ZXing's own encoder so that renderer
 * tests need nothing from Node (bwip-js renders PNGs for the Node-side tests).
 */
export function qrCameraFrame(text: string, size = 240, width = 640, height = 480): Uint8ClampedArray {
  const matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, new Map());
  const frame = new Uint8ClampedArray(width * height * 4).fill(235);
  const left = Math.floor((width - matrix.getWidth()) / 2);
  const top = Math.floor((height - matrix.getHeight()) / 2);
  for (let y = 0; y < matrix.getHeight(); y++) {
    for (let x = 0; x < matrix.getWidth(); x++) {
      const i = ((top + y) * width + left + x) * 4;
      const v = matrix.get(x, y) ? 0 : 255;
      frame[i] = frame[i + 1] = frame[i + 2] = v;
    }
  }
  for (let i = 3; i < frame.length; i += 4) frame[i] = 255;
  return frame;
}
