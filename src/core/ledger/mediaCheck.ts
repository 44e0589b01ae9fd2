import type { MediaMime } from '../../shared/contract/media';
import type { Db } from '../db/open';
import { prepared, preparedRaw } from '../db/statements';
import { hasMagic, mediaNamedBy, sha256Hex } from './media';

export type MediaCheckProblem =
  /** A kept image's bytes no longer give its hash, size or file type. */
  | 'media_hash_mismatch'
  /** A kept image is not the one its event names (bytes and key changed together). */
  | 'media_unreferenced'
  /** An image's bytes are gone while its event's payload is not erased. */
  | 'unrecorded_media_erasure';

// seq, sha256, mime, byte_size, bytes, the event's details, its payload body.
const MEDIA_SQL = `SELECT m.seq, m.sha256, m.mime, m.byte_size, m.bytes, e.details, p.body
  FROM ledger_media m
  JOIN ledger_events e ON e.kiosk_id = m.kiosk_id AND e.seq = m.seq
  LEFT JOIN ledger_payloads p ON p.kiosk_id = m.kiosk_id AND p.seq = m.seq
  WHERE m.kiosk_id = ? AND m.seq > ? ORDER BY m.seq`;

/**
 * The images kept with one chain's events after `afterSeq`, checked against the events that
 * stored them. The chain covers each image through the hash its event names, so a changed image
 * shows here even though the chain itself still verifies. An erased image is fine only where its
 * event's payload was erased too (the chain walk checks that a redaction record names that).
 */
export function checkMedia(db: Db, kioskId: string, afterSeq: number): { seq: number; problem: MediaCheckProblem } | null {
  // A file from before images were kept (schema 4, opened read-only by the CLI) has none to check.
  if (!prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger_media'").get()) return null;
  for (const row of preparedRaw(db, MEDIA_SQL).iterate(kioskId, afterSeq) as IterableIterator<unknown[]>) {
    const [seq, key, mime, byteSize, bytes, details, body] = row as [
      number,
      Buffer,
      MediaMime,
      number,
      Buffer | null,
      string,
      string | null,
    ];
    const sha256 = key.toString('hex');
    if (bytes === null) {
      if (body !== null) return { seq, problem: 'unrecorded_media_erasure' };
      continue;
    }
    if (bytes.length !== byteSize || !hasMagic(mime, bytes) || sha256Hex(bytes) !== sha256) {
      return { seq, problem: 'media_hash_mismatch' };
    }
    if (!mediaNamedBy(details, body).has(sha256)) return { seq, problem: 'media_unreferenced' };
  }
  return null;
}
