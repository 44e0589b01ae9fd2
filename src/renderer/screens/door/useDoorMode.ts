import { useCallback, useEffect, useState } from 'react';
import { effectiveMode, overrideTo, type DoorMode, type ModeOverride } from './doorMode';

/**
 * The teacher's override outlives the door screen (a trip to the teacher area and back keeps it)
 * but not a restart of the app: after a restart the clock decides again.
 */
let savedOverride: ModeOverride | null = null;

/** How often the wall clock is compared with the return time. */
const CHECK_MS = 30_000;

/**
 * The door's mode: hand in until the school's return time (default 14:00), return after it; an
 * unlocked teacher may switch either way at any time, until the clock moves on to the next mode.
 */
export function useDoorMode(returnModeAt: string): { mode: DoorMode; switchTo(mode: DoorMode): void } {
  const [now, setNow] = useState(() => new Date());
  const [override, setOverride] = useState<ModeOverride | null>(savedOverride);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CHECK_MS);
    return () => clearInterval(timer);
  }, []);

  const switchTo = useCallback(
    (mode: DoorMode) => {
      const at = new Date();
      const next = overrideTo(at, returnModeAt, mode);
      savedOverride = next;
      setNow(at);
      setOverride(next);
    },
    [returnModeAt],
  );
  return { mode: effectiveMode(now, returnModeAt, override), switchTo };
}
