import type {
  ConditionNote,
  CustodyOutcome,
  DayCounts,
  DayMovement,
  DayOverview,
  EventSummary,
} from '../../../shared/contract';
import { dayMovementTypes, type EventType } from '../../../shared/contract/eventTypes';
import { AppError } from '../../../shared/errors';
import { prepared } from '../../db/statements';
import { appendEvent } from '../../ledger/append';
import { eventsOfHeldDevices, outstandingDevices } from '../../ledger/custodyReads';
import { countMatching, MAX_PAGE, newestEvent, readEvents } from '../../ledger/readModel';
import { signCheckpoint } from '../checkpoints';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../context';
import { getDevice } from '../devices';
import { getPupil } from '../pupils';
import { deviceForStaffStep, outcome, requireActor, summarizeEvent, text } from './common';

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
    const { device, current } = deviceForStaffStep(ctx, input, { held: true });
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

/** Today's standing events of one type (voided ones are not counted). */
function countToday(ctx: ServiceContext, type: EventType, dayStart: string): number {
  return countMatching(ctx.db, { kioskId: ctx.kioskId, types: [type], from: dayStart, standingOnly: true });
}

/**
 * Devices kept today with an exemption, each counted once however often it was scanned. They were
 * never handed in, so they are not outstanding: the end of day asks nothing about them.
 */
function exemptedToday(ctx: ServiceContext, dayStart: string): number {
  const devices = new Set<string>();
  let beforeSeq: number | undefined;
  for (;;) {
    const page = readEvents(ctx.db, {
      kioskId: ctx.kioskId,
      types: ['exemption_used'],
      from: dayStart,
      standingOnly: true,
      limit: MAX_PAGE,
      ...(beforeSeq === undefined ? {} : { beforeSeq }),
    });
    for (const e of page.events) if (e.deviceId !== null) devices.add(e.deviceId);
    if (page.next === null) return devices.size;
    beforeSeq = page.next;
  }
}

/** The dashboard lists at most this many of today's handovers. */
const MOVEMENTS_SHOWN = 500;

/** Today's handovers, newest first, voided ones included (marked), with the device and its pupil. */
function movementsToday(ctx: ServiceContext, dayStart: string): DayMovement[] {
  const { events } = readEvents(ctx.db, { kioskId: ctx.kioskId, types: dayMovementTypes, from: dayStart, limit: MOVEMENTS_SHOWN });
  const movements: DayMovement[] = [];
  for (const e of events) {
    const device = e.deviceId === null ? undefined : getDevice(ctx, e.deviceId);
    if (!device) continue;
    const pupil = e.pupilId === null ? undefined : getPupil(ctx, e.pupilId);
    movements.push({
      seq: e.seq,
      type: e.type,
      occurredAt: e.occurredAt,
      actor: e.actor,
      deviceId: device.deviceId,
      deviceKind: device.kind,
      description: device.description,
      pupil: pupil
        ? { roepnaam: pupil.roepnaam, voorvoegsel: pupil.voorvoegsel, achternaam: pupil.achternaam, groep: pupil.groep }
        : null,
      voidedBySeq: e.voidedBySeq,
    });
  }
  return movements;
}

/** Condition notes about the devices held now, made since their hand-in. */
function conditionsOfHeld(ctx: ServiceContext): ConditionNote[] {
  return eventsOfHeldDevices(ctx.db, ctx.kioskId, 'condition_noted').map((e) => {
    const marks = e.details.marks;
    const note = e.payload?.note;
    return {
      seq: e.seq,
      deviceId: e.deviceId ?? '',
      occurredAt: e.occurredAt,
      marks: Array.isArray(marks) ? marks.filter((m): m is string => typeof m === 'string') : [],
      note: typeof note === 'string' ? note : null,
    };
  });
}

function closedToday(ctx: ServiceContext, dayStart: string): DayOverview['closed'] {
  const closed = newestEvent(ctx.db, { kioskId: ctx.kioskId, types: ['day_closed'], from: dayStart });
  return closed ? { seq: closed.seq, occurredAt: closed.occurredAt, actor: closed.actor } : null;
}

/** Everything the teacher's dashboard and end-of-day screen need about today, in one read. */
export function dayOverview(ctx: ServiceContext): DayOverview {
  const dayStart = startOfLocalDay(ctx.now()).toISOString();
  return {
    dayStart,
    handedIn: countToday(ctx, 'handed_in', dayStart),
    returned: countToday(ctx, 'returned', dayStart),
    exempted: exemptedToday(ctx, dayStart),
    movements: movementsToday(ctx, dayStart),
    conditions: conditionsOfHeld(ctx),
    outstanding: outstandingDevices(ctx.db, ctx.kioskId, dayStart),
    closed: closedToday(ctx, dayStart),
  };
}

/**
 * Closes the day once nothing is outstanding: DAY_NOT_CLEAR (with the number left) otherwise.
 * The event holds numbers only, so it never needs redacting.
 */
export function closeDay(ctx: ServiceContext, input: { actor: string }): { event: EventSummary; counts: DayCounts } {
  return writeTransaction(ctx, () => {
    requireActor(ctx, input.actor, { pupilAllowed: false });
    const dayStart = startOfLocalDay(ctx.now()).toISOString();
    const left = outstandingDevices(ctx.db, ctx.kioskId, dayStart);
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
      exempted: exemptedToday(ctx, dayStart),
    };
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'day_closed',
      actor: input.actor,
      details: { dayStart, ...counts },
    });
    // The day's record, sealed with the kiosk's key in the same transaction as its last event. A
    // key the OS store will not open must not keep the teacher from closing the day: the next
    // checkpoint signed covers this day's events too.
    try {
      signCheckpoint(ctx, 'day_closed');
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'KEY_PROTECTED')) throw error;
    }
    return { event: summarizeEvent(event), counts };
  });
}
