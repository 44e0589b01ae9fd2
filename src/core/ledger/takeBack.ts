import { TAKEN_BACK_WITHOUT_PAYLOAD } from '../../shared/contract/takenBack';
import { prepared } from '../db/statements';
import type { LedgerWriter } from './append';
import { appendEvent } from './append';
import { redactionTypes, SYSTEM_ACTOR, type LedgerEvent } from './events';
import { eraseMediaOf } from './media';
import { applyToProjection } from './projection';
import { EVENT_COLUMNS, ledgerHead, rememberHead } from './rows';
import { storeSignedCheckpoint, type SignedCheckpoint } from './signedCheckpoints';
import { redactedSeqs, toRanges, verifyLedger, type VerifyResult } from './verify';

// The reason a `payload_redacted` record gives for events that came back from the centre without their text.
export { TAKEN_BACK_WITHOUT_PAYLOAD } from '../../shared/contract/takenBack';

export class TakeBackError extends Error {
  constructor(
    message: string,
    readonly verify?: VerifyResult,
  ) {
    super(message);
    this.name = 'TakeBackError';
  }
}

export interface TakeBackResult {
  /** Events of the kiosk's own chain written back, verbatim. */
  takenBack: number;
  /** Of those, events whose personal part the centre never held: their payload is marked erased. */
  withoutPayload: number[];
  /** Payloads the restored backup still held and a taken-back redaction record names: erased now. */
  erasedAgain: number[];
  /** The seq of the `payload_redacted` record naming `withoutPayload`, if any. */
  recordSeq: number | null;
}

/**
 * Writes the kiosk's own events back after a restore of an older backup: the events the central
 * copy holds after the local head, exactly as they came (nothing re-hashed, so the chain is again
 * the one the centre and every bundle hold), in the caller's transaction. The caller has checked
 * them against the centre's signed checkpoints; the insert trigger checks seq and prev-hash again
 * and the chain is verified from the first new event before anything commits.
 *
 * The centre holds payload hashes, never payload texts: such an event comes back with its payload
 * erased, and one `payload_redacted` record (reason `taken_back_without_payload`) names them, so
 * `verify` accepts the empty payloads (the salted hash stays in the chain). A redaction the
 * kiosk had made after the backup comes back too: the payloads it names are erased here again,
 * so a restore brings no erased data back. Custody follows each event as in `appendEvent`.
 */
export function takeBackEvents(
  writer: LedgerWriter,
  events: readonly LedgerEvent[],
  checkpoints: readonly SignedCheckpoint[] = [],
): TakeBackResult {
  const { db, kioskId } = writer;
  if (!db.inTransaction) throw new Error('takeBackEvents must run inside a transaction');
  const result: TakeBackResult = { takenBack: 0, withoutPayload: [], erasedAgain: [], recordSeq: null };
  const first = events[0];
  if (!first) return result;
  if (events.some((e) => e.kioskId !== kioskId)) throw new TakeBackError('only the kiosk’s own events are taken back');
  const head = ledgerHead(db, kioskId);
  if (first.seq !== head.seq + 1) throw new TakeBackError(`taken back from seq ${first.seq}, the chain ends at ${head.seq}`);

  const insertEvent = prepared(db, `INSERT INTO ledger_events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Salt and text NULL: what an erasure leaves, and all the centre could give.
  const insertErased = prepared(db, 'INSERT INTO ledger_payloads (kiosk_id, seq, salt, body) VALUES (?, ?, NULL, NULL)');
  const clear = prepared(db, 'UPDATE ledger_payloads SET body = NULL, salt = NULL WHERE kiosk_id = ? AND seq = ? AND body IS NOT NULL');
  for (const e of events) {
    // The insert trigger refuses an event that does not follow the head.
    insertEvent.run(
      e.seq, e.eventId, e.kioskId, e.occurredAt, e.type, e.actor, e.custodian, e.deviceId, e.pupilId,
      e.locationId, e.pouchId, e.voidsSeq, e.details, e.payloadHash, e.prevHash, e.hash, e.encoding,
    );
    if (e.payloadHash !== null) {
      insertErased.run(kioskId, e.seq);
      result.withoutPayload.push(e.seq);
    }
    if (redactionTypes.has(e.type)) {
      for (const seq of redactedSeqs(e.details)) {
        if (seq > head.seq) continue;
        if (clear.run(kioskId, seq).changes > 0) result.erasedAgain.push(seq);
        eraseMediaOf(db, kioskId, seq);
      }
    }
    applyToProjection(db, e);
    result.takenBack++;
  }
  const last = events.at(-1) as LedgerEvent;
  rememberHead(db, kioskId, { seq: last.seq, hash: last.hash });
  for (const c of checkpoints) {
    if (c.treeSize > head.seq && c.treeSize <= last.seq) storeSignedCheckpoint(db, c);
  }
  // The record comes after the taken-back events: a new event of this kiosk, sent up at the next sync.
  const alreadyNamed = namedByTakenBackRedactions(events);
  const named = result.withoutPayload.filter((seq) => !alreadyNamed.has(seq));
  if (named.length > 0) {
    result.recordSeq = appendEvent(writer, {
      type: 'payload_redacted',
      actor: SYSTEM_ACTOR,
      details: { reason: TAKEN_BACK_WITHOUT_PAYLOAD, seqs: toRanges(named) },
    }).seq;
  }
  const verified = verifyLedger(db, { kioskId, fromSeq: first.seq });
  if (!verified.ok) throw new TakeBackError(`seq ${verified.firstBadSeq}: ${verified.problem}`, verified);
  return result;
}

/** The seqs the taken-back redaction records name (an event erased before the restore needs no second record). */
function namedByTakenBackRedactions(events: readonly LedgerEvent[]): Set<number> {
  const named = new Set<number>();
  for (const e of events) if (redactionTypes.has(e.type)) for (const seq of redactedSeqs(e.details)) named.add(seq);
  return named;
}
