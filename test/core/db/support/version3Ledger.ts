import type Database from 'better-sqlite3';
import { canonicalJson, GENESIS_HASH, hashEvent, hashPayload, type EventHeader, type JsonValue } from '../../../../src/core/ledger/hash';

/** One event of a version-3 fixture chain; `erased` stores its payload as already redacted. */
export interface V3Draft {
  type: string;
  actor?: string;
  deviceId?: string;
  voidsSeq?: number;
  details?: { [key: string]: JsonValue };
  payload?: { [key: string]: JsonValue };
  erased?: boolean;
}

/** A small custody story: hand-ins, a note, a correction, an erased note and its redaction record. */
export const version3Story: readonly V3Draft[] = [
  { type: 'staff_changed', actor: 'system', details: { role: 'admin' } },
  { type: 'handed_in', deviceId: 'dev-1' },
  { type: 'condition_noted', deviceId: 'dev-1', details: { marks: ['screen_cracked'] }, payload: { note: 'barstje linksboven' } },
  { type: 'handed_in', deviceId: 'dev-2' },
  { type: 'corrected', actor: 'staff-1', deviceId: 'dev-2', voidsSeq: 4, payload: { reason: 'verkeerd toestel' } },
  { type: 'condition_noted', deviceId: 'dev-1', payload: { note: 'moeder van Sanne belt morgen' }, erased: true },
  { type: 'payload_redacted', actor: 'staff-1', details: { reason: 'request', seqs: [[6, 6]] } },
  { type: 'returned', deviceId: 'dev-1' },
];

/**
 * Writes a chain the way version 3 of the app stored it — encoding version 1, unsalted payload
 * hashes, one global seq — into a database at schema version 3, through that schema's own
 * triggers. (hash.test.ts pins the version-1 hash to the bytes the version-3 app produced.)
 */
export function writeVersion3Chain(db: Database.Database, kioskId: string, drafts: readonly V3Draft[] = version3Story): Buffer {
  let prevHash: Buffer = GENESIS_HASH;
  const insertEvent = db.prepare(
    `INSERT INTO ledger_events (seq, event_id, kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id,
       location_id, pouch_id, voids_seq, details, payload_hash, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPayload = db.prepare('INSERT INTO ledger_payloads (seq, body) VALUES (?, ?)');
  db.transaction(() => {
    drafts.forEach((d, i) => {
      const seq = i + 1;
      const body = d.payload ? canonicalJson(d.payload) : null;
      const header: EventHeader = {
        encoding: 1,
        seq,
        eventId: `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
        kioskId,
        occurredAt: new Date(Date.UTC(2025, 8, 1, 7, 45 + seq)).toISOString(),
        type: d.type,
        actor: d.actor ?? 'pupil',
        custodian: d.type === 'handed_in' ? 'school' : null,
        deviceId: d.deviceId ?? null,
        pupilId: null,
        locationId: null,
        pouchId: null,
        voidsSeq: d.voidsSeq ?? null,
        details: canonicalJson(d.details ?? {}),
        payloadHash: body === null ? null : (hashPayload(1, body, null) as Buffer),
        prevHash,
      };
      const hash = hashEvent(header);
      insertEvent.run(
        seq, header.eventId, kioskId, header.occurredAt, header.type, header.actor, header.custodian, header.deviceId,
        null, null, null, header.voidsSeq, header.details, header.payloadHash, prevHash, hash,
      );
      if (body !== null) insertPayload.run(seq, d.erased ? null : body);
      prevHash = hash;
    });
  })();
  return prevHash;
}
