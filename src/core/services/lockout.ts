/**
 * The PIN lock-out of one account, as a pure schedule. Wrong PINs are counted per account over a
 * day: the first five are free, then each wrong PIN locks the account for 1, 5, 15 and at most 60
 * minutes. A correct PIN does not give the free attempts back (an outsider guessing at a colleague
 * would otherwise get five new guesses at each of her logins); only the end of the day's window,
 * or the office clearing the lock, does.
 */
export interface PinAttempts {
  /** Wrong PINs since `windowStartedAt`. */
  failures: number;
  /** The first wrong PIN of the current window (ISO), or null before any. */
  windowStartedAt: string | null;
  /** While in the future, the PIN is not even checked. */
  lockedUntil: string | null;
}

export const FREE_ATTEMPTS = 5;
export const LOCK_STEPS_SECONDS = [60, 5 * 60, 15 * 60, 60 * 60] as const;
export const WINDOW_MS = 24 * 60 * 60 * 1000;

export const noAttempts: PinAttempts = { failures: 0, windowStartedAt: null, lockedUntil: null };

/** Seconds locked after the `failures`-th wrong PIN of a window. */
export function lockoutSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  const step = Math.min(failures - FREE_ATTEMPTS, LOCK_STEPS_SECONDS.length - 1);
  return LOCK_STEPS_SECONDS[step] as number;
}

export function secondsLocked(attempts: PinAttempts, now: Date): number {
  if (!attempts.lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(attempts.lockedUntil) - now.getTime()) / 1000));
}

/** The counter as it stands if the PIN being checked now turns out wrong. */
export function afterWrongPin(attempts: PinAttempts, now: Date): PinAttempts {
  const windowOpen = attempts.windowStartedAt !== null && now.getTime() - Date.parse(attempts.windowStartedAt) < WINDOW_MS;
  const failures = windowOpen ? attempts.failures + 1 : 1;
  const windowStartedAt = windowOpen ? attempts.windowStartedAt : now.toISOString();
  const seconds = lockoutSeconds(failures);
  return { failures, windowStartedAt, lockedUntil: seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null };
}

/** Free wrong PINs left before the next one locks the account. */
export function attemptsLeft(attempts: PinAttempts): number {
  return Math.max(0, FREE_ATTEMPTS - attempts.failures);
}
