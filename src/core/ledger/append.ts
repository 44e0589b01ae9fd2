import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import type { EventDraft, LedgerEvent } from './events';
import { newEventId } from './eventId';
import { canonicalJson, hashEvent, hashPayload, LEDGER_ENCODING, newPayloadSalt, type EventHeader, type JsonValue } from './hash';
import { applyToProjection, type CustodyRow } from './projection';
import { lastSeenHead, ledgerHead, rememberHead, type ChainHead } from './rows';

export interface LedgerWriter {
  db: Db;
  kioskId: string;
  now: () => Date;
}

/**
 * Appends one event to the writer's own kiosk's chain (other kiosks' chains in an office database
 * only arrive through `importChain`) and brings the custody projection in step with it. Must run inside the
 * caller's transaction (every service opens one): the event, its payload, the head and the
 * projection commit together or not at all. The insert trigger re-checks seq and prev_hash
 * against the head, so no other code path can fork the chain.
 */
export function appendEvent(writer: LedgerWriter, draft: EventDraft, options: AppendOptions = {}): LedgerEvent {
  const { db } = writer;
  if (!db.inTransaction) throw new Error('appendEvent must run inside a transaction');
  const occurredAt = writer.now();
  const payloadBody = draft.payload ? canonicalJson(draft.payload as JsonValue) : null;
  const salt = payloadBody === null ? null : newPayloadSalt();
  const seen = lastSeenHead(db, writer.kioskId);
  let event: LedgerEvent;
  if (seen) {
    event = chained(writer, draft, seen, occurredAt, payloadBody, salt);
    // The head this connection wrote last is the head unless another connection appended since or
    // the transaction that wrote it was rolled back; the trigger and the primary key then refuse
    // the insert (and only it: the transaction goes on), and it is made again after the real head.
    if (!tryInsert(db, event)) {
      event = chained(writer, draft, ledgerHead(db, writer.kioskId), occurredAt, payloadBody, salt);
      insertEvent(db, event);
    }
  } else {
    event = chained(writer, draft, ledgerHead(db, writer.kioskId), occurredAt, payloadBody, salt);
    insertEvent(db, event);
  }
  if (payloadBody !== null) {
    prepared(db, 'INSERT INTO ledger_payloads (kiosk_id, seq, salt, body) VALUES (?, ?, ?, ?)').run(
      event.kioskId,
      event.seq,
      salt,
      payloadBody,
    );
  }
  applyToProjection(db, event, options.custodyBefore);
  rememberHead(db, writer.kioskId, { seq: event.seq, hash: event.hash });
  return event;
}

export interface AppendOptions {
  /**
   * The device's custody row as the caller read it in this transaction (a hand-in or return has
   * just checked it), so the projection does not read it again. Wrapped, because "no row yet" is a
   * value too.
   */
  custodyBefore?: { row: CustodyRow | undefined };
}

function chained(
  writer: LedgerWriter,
  draft: EventDraft,
  head: ChainHead,
  occurredAt: Date,
  payloadBody: string | null,
  salt: Buffer | null,
): LedgerEvent {
  const header: EventHeader = {
    encoding: LEDGER_ENCODING,
    seq: head.seq + 1,
    eventId: newEventId(occurredAt),
    kioskId: writer.kioskId,
    occurredAt: occurredAt.toISOString(),
    type: draft.type,
    actor: draft.actor,
    custodian: draft.custodian ?? null,
    deviceId: draft.deviceId ?? null,
    pupilId: draft.pupilId ?? null,
    locationId: draft.locationId ?? null,
    pouchId: draft.pouchId ?? null,
    voidsSeq: draft.voidsSeq ?? null,
    details: canonicalJson((draft.details ?? {}) as JsonValue),
    payloadHash: payloadBody === null ? null : (hashPayload(LEDGER_ENCODING, payloadBody, salt) as Buffer),
    prevHash: head.hash,
  };
  return { ...header, type: draft.type, hash: hashEvent(header) };
}

const INSERT_EVENT = `INSERT INTO ledger_events (seq, event_id, kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id,
    location_id, pouch_id, voids_seq, details, payload_hash, prev_hash, hash, encoding)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function insertEvent(db: Db, event: LedgerEvent): void {
  prepared(db, INSERT_EVENT).run(
    event.seq,
    event.eventId,
    event.kioskId,
    event.occurredAt,
    event.type,
    event.actor,
    event.custodian,
    event.deviceId,
    event.pupilId,
    event.locationId,
    event.pouchId,
    event.voidsSeq,
    event.details,
    event.payloadHash,
    event.prevHash,
    event.hash,
    event.encoding,
  );
}

/** False when the chain refused the event as not the next one (a seq taken, or not after its prev_hash). */
function tryInsert(db: Db, event: LedgerEvent): boolean {
  try {
    insertEvent(db, event);
    return true;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_TRIGGER') return false;
    throw error;
  }
}
