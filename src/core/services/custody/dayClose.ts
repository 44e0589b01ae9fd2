import { AppError } from '../../../shared/errors';
import { prepared } from '../../db/statements';
import { appendEvent } from '../../ledger/append';
import { readCustody } from '../../ledger/projection';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../context';
import { requireDevice, type DeviceKind } from '../devices';
import { outcome, requireActor, summarizeEvent, text, type CustodyOutcome, type EventSummary } from './common';

/**
 * End-of-day reconciliation. The day's expected set is every device the class still holds from a
 * hand-in or a confiscation (a transfer already handed responsibility to someone or somewhere
 * else). Each must be returned, transferred, or explicitly kept overnight with a reason; only
 * then is the day closed, with a `day_closed` event carrying the day's numbers.
 *
 * "Today" is the kiosk's local calendar day (the kiosk runs in the school's time zone), the same
 * rule as the door's counter. `occurred_at` is ISO-8601 UTC, so comparing it with the day's start
 * in the same format is a string comparison.
 */
export function startOfLocalDay(now: Date): Date {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return start;
}

export interface KeepOvernightInput {
  deviceId: string;
  /** Why it stays at school tonight, in the teacher's words: personal, so payload only. */
  reason: string;
  actor: string;
}

/** Records the decision to keep a held device overnight; who holds it does not change. */
export function keepOvernight(ctx: ServiceContext, input: KeepOvernightInput): CustodyOutcome {
  const reason = text(input.reason);
  if (!reason) throw new AppError('INVALID_ARGUMENT', { field: 'reason' });
  return writeTransaction(ctx, () => {
    requireActor(ctx, input.actor, { pupilAllowed: false });
    const device = requireDevice(ctx, input.deviceId);
    const current = readCustody(ctx.db, device.deviceId);
    if (!current?.held) throw new AppError('NOT_IN_CUSTODY');
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'kept_overnight',
      actor: input.actor,
      custodian: current.custodian,
      deviceId: device.deviceId,
      pupilId: device.ownerPupilId,
      locationId: current.locationId,
      pouchId: current.pouchId,
      details: { confiscated: current.confiscatedSeq !== null },
      payload: { reason },
    });
    return outcome(ctx, event, device, false);
  });
}

/** A device the day cannot close with: held from a hand-in or confiscation, no decision yet. */
export interface OutstandingDevice {
  deviceId: string;
  confiscated: boolean;
  /** Handed in (or confiscated) before today: left over from an earlier day. */
  fromEarlierDay: boolean;
}

/** A handover of today, for the teacher's dashboard (voided ones included, marked). */
export interface DayMovement {
  seq: number;
  type: string;
  occurredAt: string;
  actor: string;
  deviceId: string;
  deviceKind: DeviceKind;
  description: string;
  pupil: { roepnaam: string; voorvoegsel: string; achternaam: string; groep: string } | null;
  voidedBySeq: number | null;
}

/** A condition note about a device held now, made since its hand-in. */
export interface ConditionNote {
  seq: number;
  deviceId: string;
  occurredAt: string;
  marks: string[];
  note: string | null;
}

export interface DayOverview {
  dayStart: string;
  /** Today's hand-ins and returns that stand (voided ones are not counted). */
  handedIn: number;
  returned: number;
  movements: DayMovement[];
  conditions: ConditionNote[];
  outstanding: OutstandingDevice[];
  /** The last `day_closed` of today, if any. */
  closed: { seq: number; occurredAt: string; actor: string } | null;
}

const NOT_VOIDED = (alias: string) => `NOT EXISTS (SELECT 1 FROM ledger_events v WHERE v.kiosk_id = ${alias}.kiosk_id AND v.voids_seq = ${alias}.seq)`;
const MOVEMENT_TYPES = `('handed_in', 'returned', 'transferred', 'confiscated', 'released_to_guardian', 'kept_overnight')`;

export function outstandingDevices(ctx: ServiceContext, dayStart: string): OutstandingDevice[] {
  return prepared<{ device_id: string; confiscated_seq: number | null; last_at: string }>(
    ctx.db,
    `SELECT c.device_id, c.confiscated_seq, last.occurred_at AS last_at
       FROM custody c JOIN ledger_events last ON last.kiosk_id = @kioskId AND last.seq = c.last_seq
      WHERE c.held = 1 AND last.type IN ('handed_in', 'confiscated')
        AND NOT EXISTS (
          SELECT 1 FROM ledger_events k
           WHERE k.kiosk_id = @kioskId AND k.device_id = c.device_id AND k.type = 'kept_overnight' AND k.seq > c.last_seq
             AND k.occurred_at >= @dayStart AND ${NOT_VOIDED('k')})
      ORDER BY c.last_seq`,
  )
    .all({ dayStart, kioskId: ctx.kioskId })
    .map((r) => ({ deviceId: r.device_id, confiscated: r.confiscated_seq !== null, fromEarlierDay: r.last_at < dayStart }));
}

function countToday(ctx: ServiceContext, type: string, dayStart: string): number {
  const row = prepared<{ n: number }>(
    ctx.db,
    `SELECT COUNT(*) AS n FROM ledger_events e
      WHERE e.kiosk_id = ? AND e.type = ? AND e.occurred_at >= ? AND ${NOT_VOIDED('e')}`,
  ).get(ctx.kioskId, type, dayStart);
  return row?.n ?? 0;
}

function movementsToday(ctx: ServiceContext, dayStart: string): DayMovement[] {
  return prepared<{
    seq: number;
    type: string;
    occurred_at: string;
    actor: string;
    device_id: string;
    kind: DeviceKind;
    description: string;
    roepnaam: string | null;
    voorvoegsel: string | null;
    achternaam: string | null;
    groep: string | null;
    voided_by: number | null;
  }>(
    ctx.db,
    `SELECT e.seq, e.type, e.occurred_at, e.actor, e.device_id, d.kind, d.description,
            p.roepnaam, p.voorvoegsel, p.achternaam, p.groep, v.seq AS voided_by
       FROM ledger_events e
       JOIN devices d ON d.device_id = e.device_id
       LEFT JOIN pupils p ON p.pupil_id = e.pupil_id
       LEFT JOIN ledger_events v ON v.kiosk_id = e.kiosk_id AND v.voids_seq = e.seq
      WHERE e.kiosk_id = ? AND e.occurred_at >= ? AND e.type IN ${MOVEMENT_TYPES}
      ORDER BY e.seq DESC LIMIT 500`,
  )
    .all(ctx.kioskId, dayStart)
    .map((r) => ({
      seq: r.seq,
      type: r.type,
      occurredAt: r.occurred_at,
      actor: r.actor,
      deviceId: r.device_id,
      deviceKind: r.kind,
      description: r.description,
      pupil:
        r.roepnaam === null
          ? null
          : { roepnaam: r.roepnaam, voorvoegsel: r.voorvoegsel ?? '', achternaam: r.achternaam ?? '', groep: r.groep ?? '' },
      voidedBySeq: r.voided_by,
    }));
}

function conditionsOfHeld(ctx: ServiceContext): ConditionNote[] {
  return prepared<{ seq: number; device_id: string; occurred_at: string; details: string; body: string | null }>(
    ctx.db,
    `SELECT e.seq, e.device_id, e.occurred_at, e.details, pl.body
       FROM custody c
       JOIN ledger_events e ON e.kiosk_id = ? AND e.device_id = c.device_id AND e.type = 'condition_noted'
                           AND e.seq >= COALESCE(c.handed_in_seq, 0)
       LEFT JOIN ledger_payloads pl ON pl.kiosk_id = e.kiosk_id AND pl.seq = e.seq
      WHERE c.held = 1 AND ${NOT_VOIDED('e')}
      ORDER BY e.seq`,
  )
    .all(ctx.kioskId)
    .map((r) => {
      const details = JSON.parse(r.details) as { marks?: unknown };
      const body = r.body === null ? null : (JSON.parse(r.body) as { note?: unknown });
      return {
        seq: r.seq,
        deviceId: r.device_id,
        occurredAt: r.occurred_at,
        marks: Array.isArray(details.marks) ? details.marks.filter((m): m is string => typeof m === 'string') : [],
        note: typeof body?.note === 'string' ? body.note : null,
      };
    });
}

function closedToday(ctx: ServiceContext, dayStart: string): DayOverview['closed'] {
  const row = prepared<{ seq: number; occurred_at: string; actor: string }>(
    ctx.db,
    `SELECT seq, occurred_at, actor FROM ledger_events
      WHERE kiosk_id = ? AND type = 'day_closed' AND occurred_at >= ? ORDER BY seq DESC LIMIT 1`,
  ).get(ctx.kioskId, dayStart);
  return row ? { seq: row.seq, occurredAt: row.occurred_at, actor: row.actor } : null;
}

/** Everything the teacher's dashboard and end-of-day screen need about today, in one read. */
export function dayOverview(ctx: ServiceContext): DayOverview {
  const dayStart = startOfLocalDay(ctx.now()).toISOString();
  return {
    dayStart,
    handedIn: countToday(ctx, 'handed_in', dayStart),
    returned: countToday(ctx, 'returned', dayStart),
    movements: movementsToday(ctx, dayStart),
    conditions: conditionsOfHeld(ctx),
    outstanding: outstandingDevices(ctx, dayStart),
    closed: closedToday(ctx, dayStart),
  };
}

export interface DayCounts {
  handedIn: number;
  returned: number;
  transferred: number;
  keptOvernight: number;
  /** Confiscated devices the school still holds tonight (kept or moved to the safe). */
  confiscatedHeld: number;
}

/**
 * Closes the day once nothing is outstanding: DAY_NOT_CLEAR (with the number left) otherwise.
 * The event holds numbers only, so it never needs redacting.
 */
export function closeDay(ctx: ServiceContext, input: { actor: string }): { event: EventSummary; counts: DayCounts } {
  return writeTransaction(ctx, () => {
    requireActor(ctx, input.actor, { pupilAllowed: false });
    const dayStart = startOfLocalDay(ctx.now()).toISOString();
    const left = outstandingDevices(ctx, dayStart);
    if (left.length > 0) throw new AppError('DAY_NOT_CLEAR', { outstanding: left.length });
    const confiscatedHeld =
      prepared<{ n: number }>(ctx.db, 'SELECT COUNT(*) AS n FROM custody WHERE held = 1 AND confiscated_seq IS NOT NULL').get()
        ?.n ?? 0;
    const counts: DayCounts = {
      handedIn: countToday(ctx, 'handed_in', dayStart),
      returned: countToday(ctx, 'returned', dayStart),
      transferred: countToday(ctx, 'transferred', dayStart),
      keptOvernight: countToday(ctx, 'kept_overnight', dayStart),
      confiscatedHeld,
    };
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'day_closed',
      actor: input.actor,
      details: { dayStart, ...counts },
    });
    return { event: summarizeEvent(event), counts };
  });
}
