import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import type { EventType } from './events';

/** What the retention policy needs of one event: when, what, about whom, and whether it still holds personal data. */
export interface RetentionEntry {
  seq: number;
  type: EventType;
  occurredAt: string;
  deviceId: string | null;
  pupilId: string | null;
  voidsSeq: number | null;
  details: Record<string, unknown>;
  /** Its payload text is still there (not erased, and it had one). */
  livePayload: boolean;
}

interface Row {
  seq: number;
  type: string;
  occurred_at: string;
  device_id: string | null;
  pupil_id: string | null;
  voids_seq: number | null;
  details: string;
  live: number;
}

/**
 * A kiosk's own chain, oldest first, without payload texts: the purge decides from the headers
 * and then erases through `erasePayloads`. A year of a classroom is ~11,000 rows, read once a day.
 */
export function readChainForRetention(db: Db, kioskId: string): RetentionEntry[] {
  return prepared<Row>(
    db,
    `SELECT e.seq, e.type, e.occurred_at, e.device_id, e.pupil_id, e.voids_seq, e.details,
            (p.body IS NOT NULL) AS live
     FROM ledger_events e LEFT JOIN ledger_payloads p ON p.kiosk_id = e.kiosk_id AND p.seq = e.seq
     WHERE e.kiosk_id = ? ORDER BY e.seq`,
  )
    .all(kioskId)
    .map((r) => ({
      seq: r.seq,
      type: r.type as EventType,
      occurredAt: r.occurred_at,
      deviceId: r.device_id,
      pupilId: r.pupil_id,
      voidsSeq: r.voids_seq,
      details: JSON.parse(r.details) as Record<string, unknown>,
      livePayload: r.live === 1,
    }));
}
