import type { Writable } from 'node:stream';
import { AppError } from '../../shared/errors';
import { BUNDLE_FORMAT, eventFields, type BundleEventLine, type BundleHeader } from '../evidence/bundleFormat';
import { kioskOrigin, parseCheckpointText } from '../evidence/checkpoint';
import type { Leaves } from '../evidence/proofs';
import { NoteError, openNote } from '../evidence/signedNote';
import { kioskNoteSigner, kioskNoteVerifier, kioskVerifierKey } from '../kiosk/signer';
import { chainLeaves, payloadParts } from '../ledger/bundleReads';
import type { Actor } from '../ledger/events';
import { MAX_PAGE, readEvents } from '../ledger/readModel';
import { getEvent } from '../ledger/rows';
import { signedCheckpoints, type SignedCheckpoint } from '../ledger/signedCheckpoints';
import { chainTreeHead } from '../ledger/treeHead';
import { signCheckpoint } from '../services/checkpoints';
import type { ServiceContext } from '../services/context';
import { requireRole } from '../services/staff';
import { eventQuery, recordExport, type ExportFilter, type ExportReport } from './exportEvents';
import { startBundle } from './bundleWriter';

export interface BundleRequest {
  filter: ExportFilter;
  /** An earlier checkpoint of this kiosk (its signed note) the reader holds: the bundle proves it still holds. */
  since?: string;
  /**
   * One of this kiosk's own signed checkpoints as a witness cosigned it (from the central
   * database): the bundle is made against that tree instead of a new one, so it carries the
   * witness's line for a reader's `verify-bundle --witness`.
   */
  cosigned?: string;
  actor: Actor;
}

/**
 * Writes the evidence bundle of the events a filter picks (see evidence/bundleFormat.ts): signs
 * the chain, then streams header, events and the subtrees standing for the events between them,
 * the consistency proof from `since`, and the seal (through bundleWriter.ts, which the central
 * database's bundle shares). Recorded as `export_made` like the other formats. Only the kiosk's
 * own chain: a bundle is signed with the kiosk's key.
 */
export async function exportBundle(ctx: ServiceContext, request: BundleRequest, out: Writable): Promise<ExportReport> {
  requireRole(ctx, request.actor, ['office', 'admin']);
  const kioskId = request.filter.kioskId ?? ctx.kioskId;
  if (kioskId !== ctx.kioskId) throw new AppError('INVALID_ARGUMENT', { field: 'kioskId' });
  const origin = kioskOrigin(kioskId);
  const earlier = request.since === undefined ? null : earlierCheckpoint(ctx, request.since);
  const checkpoint = request.cosigned === undefined ? signCheckpoint(ctx, 'export') : cosignedCheckpoint(ctx, request.cosigned);
  if (earlier && earlier.size > checkpoint.treeSize) throw new AppError('INVALID_ARGUMENT', { field: 'since' });
  const leafBytes = chainLeaves(ctx.db, kioskId, checkpoint.treeSize);
  const leaves: Leaves = (i) => leafBytes.subarray(i * 32, i * 32 + 32);

  const filter = { ...request.filter, kioskId };
  const header: BundleHeader = {
    bundle: BUNDLE_FORMAT,
    origin,
    kioskId,
    verifierKey: kioskVerifierKey(ctx.db),
    madeAt: ctx.now().toISOString(),
    filter: JSON.parse(JSON.stringify(filter)) as Record<string, unknown>,
    checkpoint: checkpoint.note,
  };
  const writer = await startBundle(out, header, { size: checkpoint.treeSize, leaves });
  const query = eventQuery(ctx, request.filter, kioskId, checkpoint.treeSize);
  for (let afterSeq = 0; ; ) {
    const page = readEvents(ctx.db, { ...query, order: 'oldest-first', afterSeq, limit: MAX_PAGE });
    for (const stored of page.events) {
      const event = getEvent(ctx.db, stored.seq, kioskId);
      if (!event) throw new Error(`event ${stored.seq} vanished during the export`);
      const line: BundleEventLine = { leaf: event.seq - 1, hash: event.hash.toString('hex'), event: eventFields(event) };
      if (event.payloadHash !== null) {
        const parts = payloadParts(ctx.db, kioskId, event.seq);
        line.payload = parts === undefined || parts.body === null ? null : { salt: parts.salt?.toString('hex') ?? null, body: parts.body };
      }
      await writer.event(line);
    }
    if (page.next === null) break;
    afterSeq = page.next;
  }
  const { events: rows, sha256 } = await writer.end(kioskNoteSigner(ctx), earlier ?? undefined);
  recordExport(ctx, { format: 'bundle', actor: request.actor, filter, rows, checkpoint, sha256 });
  return { rows, checkpoint: { treeSize: checkpoint.treeSize, root: checkpoint.root, note: checkpoint.note }, sha256 };
}

/** The reader's earlier checkpoint, if it is this kiosk's and signed by its key. */
function earlierCheckpoint(ctx: ServiceContext, note: string): { note: string; size: number } {
  try {
    const body = parseCheckpointText(openNote(note, [kioskNoteVerifier(ctx.db)]).text);
    if (body && body.origin === kioskOrigin(ctx.kioskId)) return { note, size: body.size };
  } catch (error) {
    if (!(error instanceof NoteError)) throw error;
  }
  throw new AppError('INVALID_ARGUMENT', { field: 'since' });
}

/**
 * The kept checkpoint a cosigned note extends: the same note with signature lines added below,
 * still opening with the kiosk's key, over a tree the chain still has. The added lines are the
 * reader's to check (verify-bundle --witness); here only that nothing but lines was added.
 */
function cosignedCheckpoint(ctx: ServiceContext, cosigned: string): SignedCheckpoint {
  const kept = signedCheckpoints(ctx.db, ctx.kioskId).find((c) => cosigned.startsWith(c.note) && /^(?:\u2014 \S+ [A-Za-z0-9+/]+=*\n)+$/.test(cosigned.slice(c.note.length)));
  try {
    if (kept && openNote(cosigned, [kioskNoteVerifier(ctx.db)]) && chainTreeHead(ctx.db, ctx.kioskId, kept.treeSize).root.equals(kept.root)) {
      return { ...kept, note: cosigned };
    }
  } catch (error) {
    if (!(error instanceof NoteError)) throw error;
  }
  throw new AppError('INVALID_ARGUMENT', { field: 'cosigned' });
}
