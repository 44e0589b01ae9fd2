import type { ClientBase } from 'pg';
import { readBundle } from '../evidence/readBundle';
import type { BundleEventLine, BundleHeader } from '../evidence/bundleFormat';
import { verifyBundle } from '../evidence/verifyBundle';
import type { LedgerEvent } from '../ledger/events';
import type { EventType } from '../../shared/contract/eventTypes';
import { importEvents, type CentralImportResult } from './importEvents';

/** What became of one bundle: not checked out (with the verifier's reason), from a kiosk the centre does not know, or imported / refused. */
export type BundleImport =
  | { outcome: 'not_verified'; reason: string; line?: number }
  | { outcome: 'unknown_kiosk'; kioskId: string }
  /** Sealed by the witness: rebuilt from a central database, not a kiosk's own; it adds nothing a sync did not. */
  | { outcome: 'central_bundle'; kioskId: string }
  | CentralImportResult;

/**
 * An offline kiosk's bundle (from a USB stick) into the central database. The bundle is checked
 * first against the key the centre registered for that kiosk, never the key the bundle carries:
 * a bundle signed by anyone else is refused before a row is touched. Its events then go in under
 * the same rules as a sync (importEvents): the same bundle twice adds nothing; one that
 * contradicts what is stored, or leaves a gap after the stored head, is refused and recorded.
 * A bundle the central database rebuilt (sealed by the witness) is refused as such: it is not a
 * kiosk's word, and its seal is not the kiosk's key.
 */
export async function importBundle(client: ClientBase, bytes: Buffer): Promise<BundleImport> {
  let header: BundleHeader;
  try {
    header = readBundle(bytes).header;
  } catch {
    const verdict = verifyBundle(bytes);
    return { outcome: 'not_verified', reason: verdict.ok ? 'malformed' : verdict.reason };
  }
  const kioskId = header.kioskId;
  // Its events came from a central database already: only what the kiosk sealed itself goes in.
  if (header.sealedBy === 'witness') return { outcome: 'central_bundle', kioskId };
  const registered = await client.query<{ verifier_key: string }>('SELECT verifier_key FROM central.kiosks WHERE kiosk_id = $1', [kioskId]);
  const key = registered.rows[0]?.verifier_key;
  if (!key) return { outcome: 'unknown_kiosk', kioskId };
  const verdict = verifyBundle(bytes, { key });
  if (!verdict.ok) return { outcome: 'not_verified', reason: verdict.reason, ...(verdict.line === undefined ? {} : { line: verdict.line }) };
  return importEvents(client, readBundle(bytes).events.map(ledgerEventOf));
}

/** A bundle's event line as the ledger's event: the hashed fields, with blobs back from hex. */
function ledgerEventOf(line: BundleEventLine): LedgerEvent {
  const e = line.event;
  return {
    ...e,
    type: e.type as EventType,
    payloadHash: e.payloadHash === null ? null : Buffer.from(e.payloadHash, 'hex'),
    prevHash: Buffer.from(e.prevHash, 'hex'),
    hash: Buffer.from(line.hash, 'hex'),
  };
}
