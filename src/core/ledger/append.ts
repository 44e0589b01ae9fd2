import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import type { EventDraft, LedgerEvent } from './events';
import { newEventId } from './eventId';
import { canonicalJson, hashEvent, hashPayload, LEDGER_ENCODING, newPayloadSalt, type EventHeader, type JsonValue } from './hash';
import { applyToProjection } from './projection';
import { ledgerHead, rememberHead } from './rows';

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
export function appendEvent(writer: LedgerWriter, draft: EventDraft): LedgerEvent {
  const { db } = writer;
  if (!db.inTransaction) throw new Error('appendEvent must run inside a transaction');
  const head = ledgerHead(db, writer.kioskId);
  const occurredAt = writer.now();
  const payloadBody = draft.payload ? canonicalJson(draft.payload as JsonValue) : null;
  const salt = payloadBody === null ? null : newPayloadSalt();
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
  const event: LedgerEvent = { ...header, type: draft.type, hash: hashEvent(header) };
  prepared(
    db,
    `INSERT INTO ledger_events (seq, event_id, kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id,
       location_id, pouch_id, voids_seq, details, payload_hash, prev_hash, hash, encoding)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
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
  if (payloadBody !== null) {
    prepared(db, 'INSERT INTO ledger_payloads (kiosk_id, seq, salt, body) VALUES (?, ?, ?, ?)').run(
      event.kioskId,
      event.seq,
      salt,
      payloadBody,
    );
  }
  applyToProjection(db, event);
  rememberHead(db, writer.kioskId, { seq: event.seq, hash: event.hash });
  return event;
}
