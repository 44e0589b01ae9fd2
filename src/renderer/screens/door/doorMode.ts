import type { ScanMode } from './types';

/** What a scan at the door does: hand the device in, or give it back. */
export type DoorMode = ScanMode;

/**
 * A teacher's choice that overrides the clock. It remembers which mode the clock gave when it was
 * made: once the clock moves on to another mode (at the return time, or at midnight) the schedule
 * takes over again, so a switch made yesterday never keeps today's door in the wrong mode.
 */
export interface ModeOverride {
  mode: DoorMode;
  scheduled: DoorMode;
}

/** Minutes since local midnight of an "HH:MM" setting; null when it is not one. */
export function minutesOf(clock: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The clock's mode: hand in until `returnModeAt` (local time), return from then until midnight. */
export function scheduledMode(now: Date, returnModeAt: string): DoorMode {
  const at = minutesOf(returnModeAt);
  if (at === null) return 'hand-in';
  return now.getHours() * 60 + now.getMinutes() >= at ? 'return' : 'hand-in';
}

/** The door's mode now, and the override that still applies (null once the schedule took over). */
export function effectiveMode(
  now: Date,
  returnModeAt: string,
  override: ModeOverride | null,
): { mode: DoorMode; override: ModeOverride | null } {
  const scheduled = scheduledMode(now, returnModeAt);
  if (override && override.scheduled === scheduled) return { mode: override.mode, override };
  return { mode: scheduled, override: null };
}

/** A teacher switches the door to `mode`; switching to what the clock says anyway clears the override. */
export function overrideTo(now: Date, returnModeAt: string, mode: DoorMode): ModeOverride | null {
  const scheduled = scheduledMode(now, returnModeAt);
  return mode === scheduled ? null : { mode, scheduled };
}
