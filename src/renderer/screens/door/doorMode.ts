import type { ScanMode } from './types';

/** What a scan at the door does: hand the device in, or give it back. */
export type DoorMode = ScanMode;

/**
 * A teacher's choice that overrides the clock. It holds only on the day it was made and while the
 * clock still gives the mode it gave then: at the return time, or the next morning, the schedule
 * takes over again — a switch made yesterday never keeps today's door in the wrong mode.
 */
export interface ModeOverride {
  mode: DoorMode;
  scheduled: DoorMode;
  /** Local calendar day, "YYYY-MM-DD". */
  day: string;
}

/** Minutes since local midnight of an "HH:MM" setting; null when it is not one. */
export function minutesOf(clock: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The clock's mode: hand in until `returnModeAt` (local time), return from then until midnight. */
export function scheduledMode(now: Date, returnModeAt: string): DoorMode {
  const at = minutesOf(returnModeAt);
  if (at === null) return 'hand-in';
  return now.getHours() * 60 + now.getMinutes() >= at ? 'return' : 'hand-in';
}

/** The door's mode now: the teacher's override while it holds, the clock's otherwise. */
export function effectiveMode(now: Date, returnModeAt: string, override: ModeOverride | null): DoorMode {
  const scheduled = scheduledMode(now, returnModeAt);
  if (override && override.scheduled === scheduled && override.day === localDay(now)) return override.mode;
  return scheduled;
}

/** A teacher switches the door to `mode`; switching to what the clock says anyway clears the override. */
export function overrideTo(now: Date, returnModeAt: string, mode: DoorMode): ModeOverride | null {
  const scheduled = scheduledMode(now, returnModeAt);
  return mode === scheduled ? null : { mode, scheduled, day: localDay(now) };
}
