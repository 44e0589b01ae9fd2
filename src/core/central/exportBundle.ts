import type { Writable } from 'node:stream';
import type { ClientBase } from 'pg';
import { AppError } from '../../shared/errors';
import { BUNDLE_FORMAT, eventFields, type BundleHeader } from '../evidence/bundleFormat';
import { kioskOrigin, parseCheckpointText, type CheckpointBody } from '../evidence/checkpoint';
import { checkCosignature, parseCosignerKey } from '../evidence/cosignature';
import { TreeBuilder } from '../evidence/merkle';
import { ed25519Verifier, NoteError, openNote, type NoteVerifier } from '../evidence/signedNote';
import { startBundle } from '../export/bundleWriter';
import { CENTRAL_EVENT_COLUMNS, ledgerEventOf, type CentralEventRow } from './eventRow';
import { centralWhere, type CentralEventFilter } from './filter';
import { cosignedNote, type Witness } from './witness';

/** Within one kiosk's chain: by time, type, device or pupil (school and kiosk are the kiosk's own). */
export type CentralBundleFilter = Omit<CentralEventFilter, 'school' | 'kioskIds'>;

export interface CentralBundleRequest {
  kioskId: string;
  /** The witness whose cosigned checkpoint the bundle is made against, and whose key seals it. */
  witness: Witness;
  /** The tree size of the cosigned checkpoint to use; the newest this witness cosigned by default. */
  size?: number;
  /** An earlier checkpoint of the kiosk (its signed note) the reader holds: the bundle proves it still holds. */
  since?: string;
  filter?: CentralBundleFilter;
  /** The time the header states. */
  now?: () => Date;
}

export interface CentralBundleReport {
  rows: number;
  checkpoint: { treeSize: number; root: Buffer; note: string };
  sha256: string;
}

/** Rows of the hash column per query: a board's long chain is read in pages, never at once. */
const PAGE = 10_000;

/**
 * A kiosk's evidence bundle rebuilt from the central database, for when the kiosk itself is out of
 * reach (broken, replaced, or the school asks the board): the same `inleverpunt-bundle/v1` lines
 * the kiosk writes (export/bundleWriter.ts), against the newest checkpoint of that kiosk this
 * witness cosigned (or the one of `size`), so the events prove themselves against what the kiosk
 * signed. The centre never holds the kiosk's key: the seal is the witness's (`sealedBy: "witness"`)
 * and a reader checks it with `verify-bundle --witness`. The central database holds no payload
 * texts (names, notes: they stay at the school), so no event line carries one; the event's
 * payload hash is there as the kiosk hashed it.
 */
export async function exportCentralBundle(client: ClientBase, request: CentralBundleRequest, out: Writable): Promise<CentralBundleReport> {
  const { kioskId, witness } = request;
  const registered = await client.query<{ public_key: Buffer; verifier_key: string }>(
    'SELECT public_key, verifier_key FROM central.kiosks WHERE kiosk_id = $1',
    [kioskId],
  );
  const kiosk = registered.rows[0];
  if (!kiosk) throw new AppError('INVALID_ARGUMENT', { field: 'kiosk' });
  const origin = kioskOrigin(kioskId);
  const verifier = ed25519Verifier(origin, kiosk.public_key);
  const notCosigned = () => new AppError('CENTRAL_NOT_COSIGNED', request.size === undefined ? undefined : { treeSize: request.size });
  const cosigned = await cosignedNote(client, kioskId, request.size, witness.name);
  // The key file must be the witness that cosigned: a seal by another key would not match the line a reader checks.
  if (!cosigned || !checkCosignature(cosigned.note, parseCosignerKey(witness.verifierKey), { legacy: true }).ok) throw notCosigned();
  const checkpoint = kioskCheckpoint(cosigned.note, verifier, origin);
  if (!checkpoint) throw notCosigned();
  const earlier = request.since === undefined ? undefined : earlierCheckpoint(request.since, verifier, origin);
  if (earlier && earlier.size > checkpoint.size) throw new AppError('INVALID_ARGUMENT', { field: 'since' });

  const leafBytes = await storedLeaves(client, kioskId, checkpoint);
  const filter = { kioskId, ...request.filter };
  const header: BundleHeader = {
    bundle: BUNDLE_FORMAT,
    origin,
    kioskId,
    verifierKey: kiosk.verifier_key,
    madeAt: (request.now ?? (() => new Date()))().toISOString(),
    filter: JSON.parse(JSON.stringify(filter)) as Record<string, unknown>,
    checkpoint: cosigned.note,
    sealedBy: 'witness',
  };
  const writer = await startBundle(out, header, { size: checkpoint.size, leaves: (i) => leafBytes.subarray(i * 32, i * 32 + 32) });
  const where = (after: number) => centralWhere(client, { ...request.filter, kioskIds: [kioskId] }, [`e.seq > ${after}`, `e.seq <= ${checkpoint.size}`]);
  for (let after = 0; ; ) {
    const page = await client.query<CentralEventRow>(`SELECT ${CENTRAL_EVENT_COLUMNS} FROM central.events e ${where(after)} ORDER BY e.seq LIMIT ${PAGE}`);
    for (const row of page.rows) {
      const event = ledgerEventOf(kioskId, row);
      await writer.event({ leaf: event.seq - 1, hash: row.hash.toString('hex'), event: eventFields(event) });
      after = event.seq;
    }
    if (page.rows.length < PAGE) break;
  }
  const { events: rows, sha256 } = await writer.end(witness.noteSigner, earlier);
  return { rows, checkpoint: { treeSize: checkpoint.size, root: checkpoint.root, note: cosigned.note }, sha256 };
}

/** The checkpoint a cosigned note carries, if the kiosk's registered key signed it for this kiosk's log. */
function kioskCheckpoint(note: string, verifier: NoteVerifier, origin: string): CheckpointBody | null {
  try {
    const body = parseCheckpointText(openNote(note, [verifier]).text);
    return body && body.origin === origin ? body : null;
  } catch (error) {
    if (error instanceof NoteError) return null;
    throw error;
  }
}

/** The reader's earlier checkpoint, if it is this kiosk's and signed by its key. */
function earlierCheckpoint(note: string, verifier: NoteVerifier, origin: string): { note: string; size: number } {
  const body = kioskCheckpoint(note, verifier, origin);
  if (!body) throw new AppError('INVALID_ARGUMENT', { field: 'since' });
  return { note, size: body.size };
}

/**
 * The stored hashes of the chain's first `size` events, back to back (32 bytes each), checked
 * against the cosigned root before a line is written: a bundle that could not verify is not made.
 */
async function storedLeaves(client: ClientBase, kioskId: string, checkpoint: CheckpointBody): Promise<Buffer> {
  const leaves = Buffer.alloc(checkpoint.size * 32);
  const tree = new TreeBuilder();
  for (let gap = false; !gap && tree.size < checkpoint.size; ) {
    const page = await client.query<{ seq: string; hash: Buffer }>(
      `SELECT seq, hash FROM central.events WHERE kiosk_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT ${PAGE}`,
      [kioskId, tree.size, checkpoint.size],
    );
    gap = page.rows.length === 0;
    for (const row of page.rows) {
      gap = Number(row.seq) !== tree.size + 1;
      if (gap) break;
      row.hash.copy(leaves, tree.size * 32);
      tree.add(row.hash);
    }
  }
  if (tree.size !== checkpoint.size || !tree.root().equals(checkpoint.root)) {
    throw new Error(`central: the stored chain of kiosk ${kioskId} does not give its cosigned root at ${checkpoint.size}`);
  }
  return leaves;
}
