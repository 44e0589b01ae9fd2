import type { RetentionEntry } from '../ledger/retentionReads';

/**
 * A confiscation or an incident and the device's events around it: kept whole until the case is
 * closed and then for the closed-case period. A case opens at `confiscated` or
 * `incident_reported` and takes in the device's stay at school it happened in (from that
 * hand-in on). It closes when the device leaves the school's custody (returned, or released to a
 * guardian). An incident reported about a device the school does not hold has nothing to wait
 * for: it is closed as it is reported.
 */
export interface CustodyCase {
  deviceId: string;
  pupilId: string | null;
  openedSeq: number;
  /** First event of the case: the hand-in of the stay it happened in, or the opening itself. */
  fromSeq: number;
  /** The event that closed it; null while open. */
  closedSeq: number | null;
  closedAt: string | null;
}

const holdStarts = new Set(['handed_in', 'confiscated']);
const holdEnds = new Set(['returned', 'released_to_guardian']);

export function findCases(entries: readonly RetentionEntry[]): CustodyCase[] {
  const cases: CustodyCase[] = [];
  const heldFrom = new Map<string, number>();
  const open = new Map<string, CustodyCase[]>();
  const voided = new Set(entries.filter((e) => e.type === 'corrected' && e.voidsSeq !== null).map((e) => e.voidsSeq as number));
  for (const e of entries) {
    if (!e.deviceId || voided.has(e.seq)) continue;
    const device = e.deviceId;
    if (holdStarts.has(e.type) && !heldFrom.has(device)) heldFrom.set(device, e.seq);
    if (e.type === 'confiscated' || e.type === 'incident_reported') {
      const from = heldFrom.get(device);
      const c: CustodyCase = { deviceId: device, pupilId: e.pupilId, openedSeq: e.seq, fromSeq: from ?? e.seq, closedSeq: null, closedAt: null };
      cases.push(c);
      if (from === undefined) {
        c.closedSeq = e.seq;
        c.closedAt = e.occurredAt;
      } else {
        open.set(device, [...(open.get(device) ?? []), c]);
      }
    }
    if (holdEnds.has(e.type)) {
      for (const c of open.get(device) ?? []) {
        c.closedSeq = e.seq;
        c.closedAt = e.occurredAt;
      }
      open.delete(device);
      heldFrom.delete(device);
    }
  }
  return cases;
}

/** The case each event belongs to, if any (a correction belongs to the case of what it voids). */
export function caseOfEvent(entries: readonly RetentionEntry[], cases: readonly CustodyCase[]): Map<number, CustodyCase> {
  const byDevice = new Map<string, CustodyCase[]>();
  for (const c of cases) byDevice.set(c.deviceId, [...(byDevice.get(c.deviceId) ?? []), c]);
  const out = new Map<number, CustodyCase>();
  for (const e of entries) {
    const candidates = e.deviceId ? byDevice.get(e.deviceId) : undefined;
    const c = candidates?.find((k) => e.seq >= k.fromSeq && (k.closedSeq === null || e.seq <= k.closedSeq));
    if (c) out.set(e.seq, c);
  }
  for (const e of entries) {
    if (e.type !== 'corrected' || e.voidsSeq === null) continue;
    const c = out.get(e.voidsSeq);
    if (c) out.set(e.seq, c);
  }
  return out;
}
