import { createHash } from 'node:crypto';
import { MAX_MEDIA_BYTES, type MediaMime } from '../../shared/contract/media';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import type { LedgerWriter } from './append';
import type { LedgerEvent } from './events';

/** A photo or signature as the core receives it, before it is kept. */
export interface MediaImage {
  mime: MediaMime;
  bytes: Uint8Array;
}

export type MediaProblem = 'empty' | 'too_large' | 'not_that_type' | 'hash_mismatch';

// The file signatures, so a stored "image" is at least the kind of file it claims to be.
const MAGIC: Record<MediaMime, Uint8Array> = {
  'image/png': Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  'image/jpeg': Uint8Array.of(0xff, 0xd8, 0xff),
};

/**
 * Where events name their images. Photos of a device are not personal, so their hash is in the
 * chained details; a signature belongs to a named guardian, so its hash sits with the name in the
 * redactable payload.
 */
const NAMED_IN = { details: ['photoHash'], payload: ['signatureImageHash'] } as const;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function hasMagic(mime: MediaMime, bytes: Uint8Array): boolean {
  const magic = MAGIC[mime];
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Why an image cannot be kept under the hash its event records, or null when it can. */
export function mediaProblem(image: MediaImage, expectedSha256: string): MediaProblem | null {
  if (image.bytes.length === 0) return 'empty';
  if (image.bytes.length > MAX_MEDIA_BYTES) return 'too_large';
  if (!hasMagic(image.mime, image.bytes)) return 'not_that_type';
  if (sha256Hex(image.bytes) !== expectedSha256) return 'hash_mismatch';
  return null;
}

/**
 * Keeps an image with the event just appended, in the caller's transaction, so event and image
 * commit together. Only an event with a payload may carry one: erasing that payload is what
 * erases the image (see `erasePayloads`). The same image sent again with a later event stays the
 * earlier event's: its row is not replaced.
 */
export function storeMedia(writer: LedgerWriter, event: LedgerEvent, image: MediaImage, sha256: string): void {
  if (!writer.db.inTransaction) throw new Error('storeMedia must run inside a transaction');
  if (event.payloadHash === null) throw new Error('an image is kept only with an event that has a payload');
  const problem = mediaProblem(image, sha256);
  if (problem) throw new Error(`image refused: ${problem}`);
  prepared(
    writer.db,
    `INSERT INTO ledger_media (kiosk_id, sha256, seq, mime, byte_size, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (kiosk_id, sha256) DO NOTHING`,
  ).run(event.kioskId, Buffer.from(sha256, 'hex'), event.seq, image.mime, image.bytes.length, image.bytes, event.occurredAt);
}

export interface KeptMedia {
  sha256: string;
  seq: number;
  mime: MediaMime;
  byteSize: number;
  /** Null once erased. */
  bytes: Buffer | null;
}

export function readMedia(db: Db, kioskId: string, sha256: string): KeptMedia | undefined {
  const row = prepared<{ seq: number; mime: MediaMime; byte_size: number; bytes: Buffer | null }>(
    db,
    'SELECT seq, mime, byte_size, bytes FROM ledger_media WHERE kiosk_id = ? AND sha256 = ?',
  ).get(kioskId, Buffer.from(sha256, 'hex'));
  return row && { sha256, seq: row.seq, mime: row.mime, byteSize: row.byte_size, bytes: row.bytes };
}

/** Erases the images an event stored; part of erasing its payload. Returns how many. */
export function eraseMediaOf(db: Db, kioskId: string, seq: number): number {
  return prepared(db, 'UPDATE ledger_media SET bytes = NULL WHERE kiosk_id = ? AND seq = ? AND bytes IS NOT NULL').run(
    kioskId,
    seq,
  ).changes;
}

/** The image hashes an event names, from its details and (unless erased) its payload. */
export function mediaNamedBy(details: string, payloadBody: string | null): Set<string> {
  const named = new Set<string>();
  const collect = (json: string | null, keys: readonly string[]) => {
    if (json === null) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    for (const key of keys) {
      const value = (parsed as Record<string, unknown>)[key];
      if (typeof value === 'string') named.add(value);
    }
  };
  collect(details, NAMED_IN.details);
  collect(payloadBody, NAMED_IN.payload);
  return named;
}
