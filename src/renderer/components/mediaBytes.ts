import type { MediaUpload } from '../../shared/contract';

/**
 * Hashing, encoding and geometry for the pictures the workflows take (a drawn signature, a photo
 * of a device). The event records the SHA-256; the core keeps the bytes beside the ledger and
 * checks that they give that hash.
 */

/** SHA-256 in lower-case hex, computed in the page with WebCrypto (the contract's 64-hex format). */
export async function sha256Hex(data: Blob | ArrayBuffer): Promise<string> {
  const bytes = data instanceof Blob ? await data.arrayBuffer() : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return canvasToBlob(canvas, 'image/png');
}

/** A camera picture as JPEG: a tenth of the PNG's size, and the core keeps every photo. */
export function canvasToJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return canvasToBlob(canvas, 'image/jpeg', 0.85);
}

function canvasToBlob(canvas: HTMLCanvasElement, type: MediaUpload['mime'], quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas export failed'))), type, quality);
  });
}

/** The picture and its hash as a workflow sends them with its event. */
export async function mediaArgs(blob: Blob): Promise<{ sha256: string; upload: MediaUpload }> {
  const mime = blob.type === 'image/jpeg' ? 'image/jpeg' : 'image/png';
  const dataUrl = await blobToDataUrl(blob);
  return { sha256: await sha256Hex(blob), upload: { mime, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) } };
}

/** For showing a picture in the page (CSP allows `data:` images). */
export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A pointer position on the page, in the canvas's own pixels (its CSS size may differ). */
export function canvasPoint(
  client: { x: number; y: number },
  box: Rect,
  canvas: { width: number; height: number },
): { x: number; y: number } {
  const sx = box.width > 0 ? canvas.width / box.width : 1;
  const sy = box.height > 0 ? canvas.height / box.height : 1;
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  return { x: clamp((client.x - box.x) * sx, canvas.width), y: clamp((client.y - box.y) * sy, canvas.height) };
}

/**
 * The on-screen guide for a device photo, as fractions of the camera picture: a tall,
 * phone-shaped frame (width : height = 0.62) in the middle, 90 % of the picture's height, whatever
 * the camera's aspect ratio. The CSS draws it with the same numbers, and only what is inside it is
 * kept, so a face at the edge of the picture is cut off.
 */
export const GUIDE_ASPECT = 0.62;
const GUIDE_HEIGHT = 0.9;

export function photoGuide(videoWidth: number, videoHeight: number): Rect {
  const width = videoWidth > 0 ? Math.min(0.9, (GUIDE_HEIGHT * videoHeight * GUIDE_ASPECT) / videoWidth) : 0.5;
  return { x: (1 - width) / 2, y: (1 - GUIDE_HEIGHT) / 2, width, height: GUIDE_HEIGHT };
}

/** The guide frame in the camera's own pixels: what a photo keeps. */
export function guideCrop(videoWidth: number, videoHeight: number): Rect {
  const guide = photoGuide(videoWidth, videoHeight);
  return {
    x: Math.round(videoWidth * guide.x),
    y: Math.round(videoHeight * guide.y),
    width: Math.max(1, Math.round(videoWidth * guide.width)),
    height: Math.max(1, Math.round(videoHeight * guide.height)),
  };
}
