import { z } from 'zod';
import { method } from './define';

/**
 * Images the kiosk keeps beside the ledger: a webcam photo of a device (an incident) and a
 * guardian's signature drawn on the touch screen (a release). The event names each by its SHA-256;
 * the bytes travel as base64 because the test bridge speaks JSON.
 */
export const MediaMime = z.enum(['image/png', 'image/jpeg']);
export type MediaMime = z.infer<typeof MediaMime>;

/** A cropped device photo as JPEG is a few hundred kB, a signature PNG a few dozen. */
export const MAX_MEDIA_BYTES = 2 * 1024 * 1024;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** An image sent with the event that records it; the core checks type, size and hash again. */
export const MediaUpload = z.strictObject({
  mime: MediaMime,
  base64: z.base64().max(Math.ceil(MAX_MEDIA_BYTES / 3) * 4),
});
export type MediaUpload = z.infer<typeof MediaUpload>;

export const StoredMedia = z.object({
  sha256: Sha256Hex,
  mime: MediaMime,
  byteSize: z.number().int(),
  /** Shown as is in an `<img>`: the CSP allows `data:` images and nothing else from outside. */
  dataUrl: z.string(),
});
export type StoredMedia = z.infer<typeof StoredMedia>;

export const mediaMethods = {
  /**
   * A kept image by the hash its event records. Teachers (and the administrator) see the events
   * themselves, so they see their images; the office reads them through its reports and exports,
   * which are recorded, not through this call. An unknown or erased image is UNKNOWN_MEDIA.
   */
  getMedia: method('teacher', z.strictObject({ sha256: Sha256Hex }), StoredMedia),
};
