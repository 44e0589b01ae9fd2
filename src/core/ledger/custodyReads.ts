import type { OutstandingDevice } from '../../shared/contract';
import type { EventType } from '../../shared/contract/eventTypes';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { STORED_EVENT_JOINS, STORED_EVENT_SELECT, toStoredEvent, type StoredEvent, type StoredEventRow } from './readModel';
import { sqlTypeList } from './typeList';

/**
 * Reads that need the projection (who holds what now) beside the events: the door's counter and
 * the end-of-day reconciliation. `dayStart` is ISO-8601 UTC, compared as a string like
 * `occurred_at`. The projection follows the local kiosk's chain, so these read that chain
 * (`kioskId`): its seqs are what the custody table's seq columns mean.
 */

const NOT_VOIDED = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM ledger_events v WHERE v.kiosk_id = ${alias}.kiosk_id AND v.voids_seq = ${alias}.seq)`;

/** Numbers only: what is held now, and of the devices whose latest hand-in was today, how many. */
export function custodyCounts(db: Db, kioskId: string, dayStart: string): { held: number; handedInToday: number; heldFromToday: number } {
  const row = prepared<{ held: number | null; handed_in_today: number; held_from_today: number | null }>(
    db,
    `SELECT SUM(c.held) AS held,
            COUNT(e.seq) AS handed_in_today,
            SUM(CASE WHEN e.seq IS NOT NULL THEN c.held ELSE 0 END) AS held_from_today
       FROM custody c
       LEFT JOIN ledger_events e ON e.kiosk_id = @kioskId AND e.seq = c.handed_in_seq AND e.occurred_at >= @dayStart`,
  ).get({ dayStart, kioskId });
  return {
    held: row?.held ?? 0,
    handedInToday: row?.handed_in_today ?? 0,
    heldFromToday: row?.held_from_today ?? 0,
  };
}

/**
 * Held devices whose last custody event is a hand-in or confiscation (a transfer already handed
 * responsibility on) and that have no standing `kept_overnight` since it, today.
 */
export function outstandingDevices(db: Db, kioskId: string, dayStart: string): OutstandingDevice[] {
  const needDecision: readonly EventType[] = ['handed_in', 'confiscated'];
  return prepared<{ device_id: string; confiscated_seq: number | null; last_at: string }>(
    db,
    `SELECT c.device_id, c.confiscated_seq, last.occurred_at AS last_at
       FROM custody c JOIN ledger_events last ON last.kiosk_id = @kioskId AND last.seq = c.last_seq
      WHERE c.held = 1 AND last.type IN ${sqlTypeList(needDecision)}
        AND NOT EXISTS (
          SELECT 1 FROM ledger_events k
           WHERE k.kiosk_id = @kioskId AND k.device_id = c.device_id AND k.type = @keptOvernight AND k.seq > c.last_seq
             AND k.occurred_at >= @dayStart AND ${NOT_VOIDED('k')})
      ORDER BY c.last_seq`,
  )
    .all({ dayStart, kioskId, keptOvernight: 'kept_overnight' satisfies EventType })
    .map((r) => ({ deviceId: r.device_id, confiscated: r.confiscated_seq !== null, fromEarlierDay: r.last_at < dayStart }));
}

/** Standing events of one type about each held device since its hand-in, oldest first. */
export function eventsOfHeldDevices(db: Db, kioskId: string, type: EventType): StoredEvent[] {
  return prepared<StoredEventRow>(
    db,
    `${STORED_EVENT_SELECT}
       FROM custody c
       -- CROSS JOIN keeps this order: from each held device, the chain after its hand-in (a
       -- primary-key range), not the whole chain for every device.
       CROSS JOIN ledger_events e ON e.kiosk_id = @kioskId AND e.seq >= COALESCE(c.handed_in_seq, 0)
                                 AND e.device_id = c.device_id AND e.type = @type
       ${STORED_EVENT_JOINS}
      WHERE c.held = 1 AND v.seq IS NULL
      ORDER BY e.seq`,
  )
    .all({ type, kioskId })
    .map(toStoredEvent);
}
