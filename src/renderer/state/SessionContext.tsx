import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MethodResult, Session } from '../../shared/contract';
import { call } from '../bridge';

type Unlocked = MethodResult<'unlockStaff'>;

interface SessionValue {
  session: Session;
  /**
   * True after an unlock whose PIN is shorter than the role now asks for: the staff areas ask for
   * a new PIN before anything else.
   */
  pinChangeRequired: boolean;
  /** Throws a `CallError` (PIN_WRONG, PIN_LOCKED …) for the PIN pad to show. */
  unlock(staffId: string, pin: string): Promise<Unlocked>;
  lock(endDuty?: boolean): Promise<void>;
  /** Reads the session again, after a call that changed it in the main process. */
  refresh(): Promise<void>;
  /** The unlocked staff member chose a new PIN. */
  pinChanged(): void;
}

const empty: Session = { onDuty: null, unlocked: null };
const SessionContext = createContext<SessionValue | null>(null);

/** The kiosk session lives in the main process; the screen only mirrors it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>(empty);
  const [pinChangeRequired, setPinChangeRequired] = useState(false);
  useEffect(() => {
    call('getSession', {}).then(setSession, () => setSession(empty));
  }, []);
  const unlock = useCallback(async (staffId: string, pin: string) => {
    const staff = await call('unlockStaff', { staffId, pin });
    setPinChangeRequired(staff.pinChangeRequired);
    // Whether this unlock changed who is on duty is the core's rule: read it back, never guess.
    setSession(await call('getSession', {}));
    return staff;
  }, []);
  const lock = useCallback(async (endDuty = false) => {
    setPinChangeRequired(false);
    setSession(await call('lockStaff', { endDuty }));
  }, []);
  const refresh = useCallback(async () => {
    setSession(await call('getSession', {}));
  }, []);
  const pinChanged = useCallback(() => setPinChangeRequired(false), []);
  const value = useMemo(
    () => ({ session, pinChangeRequired, unlock, lock, refresh, pinChanged }),
    [session, pinChangeRequired, unlock, lock, refresh, pinChanged],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
