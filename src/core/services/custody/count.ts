import { prepared } from '../../db/statements';
import type { ServiceContext } from '../context';

/** How much the school holds, as numbers only: safe to show at the door without a PIN. */
export interface CustodyCount {
  /** Devices the school holds now, whenever they were handed in (confiscations included). */
  held: number;
  /** Devices whose latest hand-in was today (kiosk's local day), held now or returned since. */
  handedInToday: number;
  /** Of those, the ones still held: the "nog N van M" of the return screen. */
  heldFromToday: number;
}

/**
 * One COUNT over the projection. "Today" is the local calendar day of the kiosk's clock: the
 * kiosk runs in the school's time zone. `occurred_at` is stored as ISO-8601 UTC, so comparing it
 * with the day's start in the same format is a plain string comparison.
 */
export function custodyCount(ctx: ServiceContext): CustodyCount {
  const dayStart = new Date(ctx.now());
  dayStart.setHours(0, 0, 0, 0);
  const row = prepared<{ held: number | null; handed_in_today: number; held_from_today: number | null }>(
    ctx.db,
    `SELECT SUM(c.held) AS held,
            COUNT(e.seq) AS handed_in_today,
            SUM(CASE WHEN e.seq IS NOT NULL THEN c.held ELSE 0 END) AS held_from_today
       FROM custody c
       LEFT JOIN ledger_events e ON e.kiosk_id = @kioskId AND e.seq = c.handed_in_seq AND e.occurred_at >= @dayStart`,
  ).get({ dayStart: dayStart.toISOString(), kioskId: ctx.kioskId });
  return {
    held: row?.held ?? 0,
    handedInToday: row?.handed_in_today ?? 0,
    heldFromToday: row?.held_from_today ?? 0,
  };
}
