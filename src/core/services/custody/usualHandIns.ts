import type { MissingToday } from '../../../shared/contract';
import type { EventType } from '../../../shared/contract/eventTypes';
import { MAX_PAGE, readEvents, type EventQuery } from '../../ledger/readModel';
import type { ServiceContext } from '../context';
import { listPupils } from '../pupils';
import { startOfLocalDay } from './dayClose';
import { listCustody } from './queries';

/**
 * Who usually hands in and has not today: a nudge for the teacher at the door, not a register.
 *
 * A *school day* is a local calendar day on which this kiosk recorded at least one standing
 * hand-in: the kiosk knows no timetable, and a day nobody handed in (a holiday, a study day) says
 * nothing about a pupil. We look at the last `SCHOOL_DAYS` school days before today (within
 * `LOOKBACK_DAYS` calendar days) and call a pupil *usual* when they handed in on at least
 * `USUAL_SHARE` of them, rounded up: 8 of the last 10. With fewer than `MIN_SCHOOL_DAYS` days of
 * history nobody is usual yet. A pupil counts as "in" today with a standing hand-in today, a
 * device held now (kept overnight, say), or an exemption used today.
 */
export const USUAL_RULE = { SCHOOL_DAYS: 10, USUAL_SHARE: 0.8, MIN_SCHOOL_DAYS: 3, LOOKBACK_DAYS: 42 } as const;

/** Every standing event matching `query`, page by page (keyset paging, never one huge read). */
function* standingEvents(ctx: ServiceContext, query: EventQuery) {
  let afterSeq: number | undefined;
  for (;;) {
    const page = readEvents(ctx.db, {
      ...query,
      kioskId: ctx.kioskId,
      standingOnly: true,
      order: 'oldest-first',
      limit: MAX_PAGE,
      ...(afterSeq === undefined ? {} : { afterSeq }),
    });
    yield* page.events;
    if (page.next === null) return;
    afterSeq = page.next;
  }
}

/** The local calendar day an instant falls on, as a key ("2026-11-17"). */
function localDayKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function pupilsWith(ctx: ServiceContext, types: readonly EventType[], from: string): Set<string> {
  const ids = new Set<string>();
  for (const e of standingEvents(ctx, { types, from })) if (e.pupilId !== null) ids.add(e.pupilId);
  return ids;
}

export function missingToday(ctx: ServiceContext, filter: { groep?: string } = {}): MissingToday {
  const today = startOfLocalDay(ctx.now());
  const lookback = new Date(today);
  lookback.setDate(lookback.getDate() - USUAL_RULE.LOOKBACK_DAYS);

  // Per school day, who handed in; oldest first, so the last SCHOOL_DAYS keys are the newest days.
  const days = new Map<string, Set<string>>();
  for (const e of standingEvents(ctx, { types: ['handed_in'], from: lookback.toISOString(), to: today.toISOString() })) {
    if (e.pupilId === null) continue;
    const key = localDayKey(e.occurredAt);
    const pupils = days.get(key) ?? new Set<string>();
    pupils.add(e.pupilId);
    days.set(key, pupils);
  }
  const window = [...days.keys()].sort().slice(-USUAL_RULE.SCHOOL_DAYS);
  const minDays = Math.max(1, Math.ceil(window.length * USUAL_RULE.USUAL_SHARE));
  const rule = { schoolDays: window.length, minDays, enoughHistory: window.length >= USUAL_RULE.MIN_SCHOOL_DAYS };
  if (!rule.enoughHistory) return { rule, pupils: [] };

  const inToday = pupilsWith(ctx, ['handed_in', 'exemption_used'], today.toISOString());
  for (const item of listCustody(ctx, { heldOnly: true })) if (item.pupil) inToday.add(item.pupil.pupilId);

  const pupils = listPupils(ctx, filter.groep === undefined ? {} : { groep: filter.groep })
    .filter((p) => p.active && !inToday.has(p.pupilId))
    .map((p) => ({ pupil: p, daysHandedIn: window.filter((day) => days.get(day)?.has(p.pupilId)).length }))
    .filter((x) => x.daysHandedIn >= minDays)
    .sort((a, b) => b.daysHandedIn - a.daysHandedIn || a.pupil.roepnaam.localeCompare(b.pupil.roepnaam, 'nl'))
    .map(({ pupil, daysHandedIn }) => ({
      pupilId: pupil.pupilId,
      roepnaam: pupil.roepnaam,
      voorvoegsel: pupil.voorvoegsel,
      achternaam: pupil.achternaam,
      groep: pupil.groep,
      daysHandedIn,
    }));
  return { rule, pupils };
}
