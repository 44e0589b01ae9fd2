import { useEffect, useRef, useState } from 'react';

export interface IdleOptions {
  /** Whether this screen should return at all (the door screen is already home). */
  active: boolean;
  timeoutMs?: number;
  /** Shown before the timeout when a form is half filled, so a teacher can keep it. */
  warningMs?: number;
  /** A form with unsaved input: warn first instead of silently dropping it. */
  dirty: boolean;
  onTimeout: () => void;
}

const activityEvents = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * After `timeoutMs` without a touch or key, every screen goes back to the door. Returns the
 * seconds left while the warning shows, else null.
 */
export function useIdleReturn({ active, timeoutMs = 120_000, warningMs = 20_000, dirty, onTimeout }: IdleOptions): number | null {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastActivity = useRef(0);
  const timeoutRef = useRef(onTimeout);
  useEffect(() => {
    timeoutRef.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
      setSecondsLeft(null);
    };
    for (const e of activityEvents) window.addEventListener(e, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= timeoutMs) {
        setSecondsLeft(null);
        timeoutRef.current();
        lastActivity.current = Date.now();
      } else if (dirty && idle >= timeoutMs - warningMs) {
        setSecondsLeft(Math.ceil((timeoutMs - idle) / 1000));
      }
    }, 250);
    return () => {
      window.clearInterval(timer);
      for (const e of activityEvents) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [active, dirty, timeoutMs, warningMs]);

  return active ? secondsLeft : null;
}
