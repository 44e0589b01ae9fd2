/**
 * School days and wall-clock times in the Netherlands. The demo's history must read naturally
 * (hand-ins at 08:20 Dutch time), whatever the time zone of the machine that seeds it.
 */
const TIME_ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A calendar date in Amsterdam. */
export interface SchoolDate {
  year: number;
  month: number; // 1-12
  day: number;
}

function fields(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts.formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

export function amsterdamDate(instant: Date): SchoolDate {
  const f = fields(instant);
  return { year: f.year as number, month: f.month as number, day: f.day as number };
}

/** The instant at `hh:mm` Amsterdam time on `date` (CET or CEST as it applies that day). */
export function atAmsterdam(date: SchoolDate, hours: number, minutes: number, seconds = 0): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hours, minutes, seconds);
  const f = fields(new Date(guess));
  const shown = Date.UTC(f.year as number, (f.month as number) - 1, f.day as number, f.hour as number, f.minute as number, f.second as number);
  return new Date(guess - (shown - guess));
}

function addDays(date: SchoolDate, days: number): SchoolDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: SchoolDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The `count` weekdays before `now`'s date (today excluded), oldest first. */
export function schoolDaysBefore(now: Date, count: number): SchoolDate[] {
  const days: SchoolDate[] = [];
  let date = amsterdamDate(now);
  while (days.length < count) {
    date = addDays(date, -1);
    const wd = weekday(date);
    if (wd !== 0 && wd !== 6) days.unshift(date);
  }
  return days;
}

export function daysBefore(date: SchoolDate, days: number): SchoolDate {
  return addDays(date, -days);
}
