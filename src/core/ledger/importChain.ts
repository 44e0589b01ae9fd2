import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import type { LedgerEvent } from './events';
import { EVENT_COLUMNS, localKioskId, toLedgerEvent, type EventRow } from './rows';
import { verifyLedger, type VerifyResult } from './verify';

/** One stored event as it travels between databases: the event row and its payload row, if any. */
export interface ChainRow {
  event: LedgerEvent;
  /** Null when the event has no personal part; body and salt null when it was erased. */
  payload: { salt: Buffer | null; body: string | null } | null;
}

/** A kiosk's chain after `afterSeq`, in seq order (at most `limit` events: a batch): what a kiosk hands to the office. */
export function chainSince(db: Db, kioskId: string, afterSeq = 0, limit = -1): ChainRow[] {
  const events = prepared<EventRow>(
    db,
    `SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE kiosk_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  ).all(kioskId, afterSeq, limit);
  const payload = prepared<{ salt: Buffer | null; body: string | null }>(
    db,
    'SELECT salt, body FROM ledger_payloads WHERE kiosk_id = ? AND seq = ?',
  );
  return events.map((row) => ({ event: toLedgerEvent(row), payload: payload.get(kioskId, row.seq) ?? null }));
}

export class ChainImportError extends Error {
  constructor(
    message: string,
    readonly verify?: VerifyResult,
  ) {
    super(message);
    this.name = 'ChainImportError';
  }
}

/**
 * Adds another kiosk's events to this database (an office or board combining its kiosks), beside
 * the chains already here. Idempotent by (kiosk, seq): an event already stored with the same hash
 * is skipped, one with a different hash is a fork and refused. The rows are stored exactly as
 * they came — nothing is re-hashed — and the chain is verified on arrival from the first new
 * event; if it does not verify nothing is kept. The local kiosk's own chain is only appended to by
 * `appendEvent`, and the custody projection (the local kiosk's) is not touched.
 */
export function importChain(db: Db, rows: readonly ChainRow[]): { kioskId: string | null; imported: number; skipped: number } {
  const first = rows[0];
  if (!first) return { kioskId: null, imported: 0, skipped: 0 };
  const kioskId = first.event.kioskId;
  if (rows.some((r) => r.event.kioskId !== kioskId)) throw new ChainImportError('one import holds one kiosk’s chain');
  if (kioskId === localKioskId(db)) throw new ChainImportError('the local kiosk’s chain is not imported');
  const run = (): { kioskId: string; imported: number; skipped: number } => {
    const stored = prepared<{ hash: Buffer }>(db, 'SELECT hash FROM ledger_events WHERE kiosk_id = ? AND seq = ?');
    const insertEvent = prepared(
      db,
      `INSERT INTO ledger_events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPayload = prepared(db, 'INSERT INTO ledger_payloads (kiosk_id, seq, salt, body) VALUES (?, ?, ?, ?)');
    let imported = 0;
    let firstNew: number | undefined;
    for (const { event: e, payload } of [...rows].sort((a, b) => a.event.seq - b.event.seq)) {
      const existing = stored.get(kioskId, e.seq);
      if (existing) {
        if (!existing.hash.equals(e.hash)) throw new ChainImportError(`kiosk ${kioskId} seq ${e.seq} differs from the stored event`);
        continue;
      }
      // The insert trigger refuses an event that does not follow this kiosk's head.
      insertEvent.run(
        e.seq, e.eventId, e.kioskId, e.occurredAt, e.type, e.actor, e.custodian, e.deviceId, e.pupilId,
        e.locationId, e.pouchId, e.voidsSeq, e.details, e.payloadHash, e.prevHash, e.hash, e.encoding,
      );
      if (payload) insertPayload.run(kioskId, e.seq, payload.salt, payload.body);
      firstNew ??= e.seq;
      imported++;
    }
    if (firstNew !== undefined) {
      const result = verifyLedger(db, { kioskId, fromSeq: firstNew });
      if (!result.ok) throw new ChainImportError(`kiosk ${kioskId} seq ${result.firstBadSeq}: ${result.problem}`, result);
    }
    return { kioskId, imported, skipped: rows.length - imported };
  };
  return db.inTransaction ? run() : db.transaction(run).immediate();
}
