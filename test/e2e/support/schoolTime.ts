/**
 * The school day every e2e story happens on: Tuesday 17 November 2026, an ordinary day in term.
 * A fixed day rather than "today", so the weekday, the date and the hour are the story's and not
 * the CI machine's; local time, so the page (in the same time zone) shows the hour the story says.
 */
const SCHOOL_DAY = { year: 2026, monthIndex: 10, day: 17 } as const;

/** `hours:minutes` local time on the school day (`dayOffset` days later, e.g. 1 for the next morning). */
export function schoolTime(hours: number, minutes: number, dayOffset = 0): Date {
  return new Date(SCHOOL_DAY.year, SCHOOL_DAY.monthIndex, SCHOOL_DAY.day + dayOffset, hours, minutes, 0, 0);
}

/** Before school: the door opens in hand-in mode and the day is not over. */
export const schoolMorning = (): Date => schoolTime(8, 15);

/**
 * The process's time zone for the browser context, so the page and the core agree on local time
 * even where the TZ variable names a zone Chromium would read differently.
 */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
