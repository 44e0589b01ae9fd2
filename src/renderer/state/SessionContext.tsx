import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Session, StaffSummary } from '../../shared/contract';
import { call } from '../bridge';

interface SessionValue {
  session: Session;
  /** Throws a `CallError` (PIN_WRONG, PIN_LOCKED …) for the PIN pad to show. */
  unlock(pin: string): Promise<StaffSummary>;
  lock(endDuty?: boolean): Promise<void>;
  /** Reads the session again, after a call that changed it in the main process. */
  refresh(): Promise<void>;
}

const empty: Session = { onDuty: null, unlocked: null };
const SessionContext = createContext<SessionValue | null>(null);

/** The kiosk session lives in the main process; the screen only mirrors it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>(empty);
  useEffect(() => {
    call('getSession', {}).then(setSession, () => setSession(empty));
  }, []);
  const unlock = useCallback(async (pin: string) => {
    const staff = await call('unlockStaff', { pin });
    // Whether this unlock changed who is on duty is the core's rule: read it back, never guess.
    setSession(await call('getSession', {}));
    return staff;
  }, []);
  const lock = useCallback(async (endDuty = false) => {
    setSession(await call('lockStaff', { endDuty }));
  }, []);
  const refresh = useCallback(async () => {
    setSession(await call('getSession', {}));
  }, []);
  const value = useMemo(() => ({ session, unlock, lock, refresh }), [session, unlock, lock, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
