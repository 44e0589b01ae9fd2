import { createHash } from 'node:crypto';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

/**
 * Stand-ins for a photo or a drawn signature: the file signature of the type, then a marker the
 * test can look for, so every image (and its hash) is distinct.
 */
export function fakeImage(mime: 'image/png' | 'image/jpeg', marker: string, size = 256): { mime: typeof mime; bytes: Buffer; sha256: string } {
  const head = mime === 'image/png' ? PNG_SIGNATURE : JPEG_SIGNATURE;
  const bytes = Buffer.alloc(Math.max(size, head.length + marker.length), 0x20);
  head.copy(bytes);
  bytes.write(marker, head.length, 'utf8');
  return { mime, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The same image as the contract carries it. */
export function upload(image: { mime: 'image/png' | 'image/jpeg'; bytes: Buffer }): { mime: 'image/png' | 'image/jpeg'; base64: string } {
  return { mime: image.mime, base64: image.bytes.toString('base64') };
}
