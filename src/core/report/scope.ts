import { AppError } from '../../shared/errors';
import { MAX_PAGE, readEvents, type StoredEvent } from '../ledger/readModel';
import type { ServiceContext } from '../services/context';

export type ReportScope = { kind: 'device'; deviceId: string } | { kind: 'incident'; seq: number };

export interface ScopedEvents {
  deviceId: string;
  /** The incident the report is about, for an incident report. */
  incident: StoredEvent | null;
  events: StoredEvent[];
}

const OPENS_CUSTODY = new Set(['handed_in', 'confiscated']);
const ENDS_CUSTODY = new Set(['returned', 'released_to_guardian']);

/** Every event of one device up to `upToSeq`, oldest first (a device has hundreds, not millions). */
export function deviceEvents(ctx: ServiceContext, deviceId: string, upToSeq: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let afterSeq = 0; ; ) {
    const page = readEvents(ctx.db, { kioskId: ctx.kioskId, deviceId, upToSeq, order: 'oldest-first', afterSeq, limit: MAX_PAGE });
    events.push(...page.events);
    if (page.next === null) return events;
    afterSeq = page.next;
  }
}

/** What the custody window rule reads of an event: the kiosk's ledger and the central database both have it. */
export interface WindowEvent {
  seq: number;
  type: string;
  custodian: string | null;
  voidsSeq: number | null;
  voidedBySeq: number | null;
}

/**
 * The custody an incident is about, out of the device's whole history (oldest first): from the
 * hand-in (or confiscation) that began the custody before the incident up to the return (or
 * release) that ended the custody after it. When the incident is reported after the device went
 * home (a parent reports a crack a week later), that is the last custody before the report, up
 * to the report itself. Corrections of any event in that window are added, wherever they fall.
 * One rule for the kiosk's report and the board's (src/core/central/custodyEvents.ts).
 */
export function custodyWindow<E extends WindowEvent>(events: readonly E[], incidentSeq: number): E[] {
  const at = events.findIndex((e) => e.seq === incidentSeq);
  const incident = events[at];
  if (!incident) return [];
  const standing = (e: E) => e.voidedBySeq === null;
  let from = at;
  for (let i = at - 1; i >= 0; i--) {
    if (OPENS_CUSTODY.has(events[i]!.type) && standing(events[i]!)) {
      from = i;
      break;
    }
  }
  let to = at;
  // Held when the incident was recorded: the window runs on to the end of that custody.
  if (incident.custodian !== null && incident.custodian !== 'pupil' && incident.custodian !== 'guardian') {
    to = events.length - 1;
    for (let i = at + 1; i < events.length; i++) {
      if (ENDS_CUSTODY.has(events[i]!.type) && standing(events[i]!)) {
        to = i;
        break;
      }
    }
  }
  const window = events.slice(from, to + 1);
  const inWindow = new Set(window.map((e) => e.seq));
  const corrections = events.slice(to + 1).filter((e) => e.voidsSeq !== null && inWindow.has(e.voidsSeq));
  return [...window, ...corrections];
}

/** The events a report covers: a device's whole history, or the custody window of an incident (`custodyWindow`). */
export function scopedEvents(ctx: ServiceContext, scope: ReportScope, upToSeq: number): ScopedEvents {
  if (scope.kind === 'device') {
    return { deviceId: scope.deviceId, incident: null, events: deviceEvents(ctx, scope.deviceId, upToSeq) };
  }
  const incident = readEvents(ctx.db, { kioskId: ctx.kioskId, upToSeq: scope.seq, limit: 1 }).events[0];
  if (!incident || incident.seq !== scope.seq || scope.seq > upToSeq) throw new AppError('UNKNOWN_EVENT');
  if (incident.type !== 'incident_reported' || !incident.deviceId) throw new AppError('NOT_AN_INCIDENT');
  return { deviceId: incident.deviceId, incident, events: custodyWindow(deviceEvents(ctx, incident.deviceId, upToSeq), incident.seq) };
}
