import type { RetentionSettings } from '../../shared/contract/retention';

/** The moments before which each kind of personal data goes, as ISO strings (the ledger stores UTC ISO). */
export interface Cutoffs {
  routineBefore: string;
  closedCaseBefore: string;
  leftPupilBefore: string;
}

export function cutoffsAt(now: Date, settings: RetentionSettings): Cutoffs {
  return {
    routineBefore: new Date(now.getTime() - settings.routineWeeks * 7 * 86_400_000).toISOString(),
    closedCaseBefore: monthsBefore(now, settings.closedCaseMonths).toISOString(),
    leftPupilBefore: monthsBefore(now, settings.leftPupilMonths).toISOString(),
  };
}

/** Calendar months back, clamped to the month's last day (31 March − 1 month = 28/29 February). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
