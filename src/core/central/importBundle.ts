import type { ClientBase } from 'pg';
import type { BundleReason } from '../evidence/bundleReasons';
import { readBundle } from '../evidence/readBundle';
import type { BundleEventLine, BundleHeader } from '../evidence/bundleFormat';
import { verifyBundle } from '../evidence/verifyBundle';
import type { LedgerEvent } from '../ledger/events';
import type { EventType } from '../../shared/contract/eventTypes';
import { parseCheckpointText } from '../evidence/checkpoint';
import { noteSignedBy, openNote, parseVerifierKey } from '../evidence/signedNote';
import { importEvents, type CentralImportResult, type ImportedCheckpoint } from './importEvents';

/** What became of one bundle: not checked out (with the verifier's reason), from a kiosk the centre does not know, or imported / refused. */
export type BundleImport =
  | { outcome: 'not_verified'; reason: BundleReason; line?: number }
  | { outcome: 'unknown_kiosk'; kioskId: string }
  /** Sealed by the witness: rebuilt from a central database, not a kiosk's own; it adds nothing a sync did not. */
  | { outcome: 'central_bundle'; kioskId: string }
  /**
   * Filtered at the kiosk (a group, some days, some kinds): it verifies, but its events leave gaps
   * in the chain. Not read in, and not held against the kiosk as a finding: it is the office's
   * choice of file, not a contradiction.
   */
  | { outcome: 'partial_bundle'; kioskId: string }
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
  const events = readBundle(bytes).events.map(ledgerEventOf);
  if (events.length !== verdict.treeSize) return { outcome: 'partial_bundle', kioskId };
  return importEvents(client, events, bundleCheckpoint(header, key));
}

/**
 * The kiosk-signed checkpoint a whole bundle proves its events against, to be stored as a sync
 * stores the kiosk's checkpoints: the witness then checks and countersigns it, and the office sees
 * an offline kiosk verified like any other.
 */
function bundleCheckpoint(header: BundleHeader, key: string): ImportedCheckpoint | undefined {
  const kiosk = parseVerifierKey(key);
  // As the kiosk signed it, without a witness's line (a bundle made with --cosigned carries one):
  // the same checkpoint arriving by sync is then the same note, not a conflicting one.
  const note = noteSignedBy(header.checkpoint, kiosk);
  const body = parseCheckpointText(openNote(note, [kiosk]).text);
  if (!body) return undefined;
  // The note holds no time of its own; the kiosk signed it when the bundle was made (madeAt) or before.
  return { treeSize: body.size, root: body.root, note, reason: 'export', signedAt: header.madeAt };
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
