import { useCallback, useEffect, useState } from 'react';
import type { Health, KioskInfo } from '../../shared/contract';
import { call } from '../bridge';

export interface KioskState {
  info: KioskInfo | null;
  health: Health | null;
  unreachable: boolean;
  /** Asks again (the staff screens do when they open: a backup may have failed since). */
  refresh(): void;
}

/**
 * Who this kiosk is and whether it may write. Health is asked on its own: a kiosk whose database
 * cannot be opened has no info to give, and its health is what its screen needs.
 */
export function useKioskInfo(): KioskState {
  const [info, setInfo] = useState<KioskInfo | null>(null);
  const [health, setHealth] = useState<Health | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let cancelled = false;
    call('getHealth', {})
      .then((h) => !cancelled && (setHealth(h), setUnreachable(false)))
      .catch(() => !cancelled && setUnreachable(true));
    call('getKioskInfo', {})
      .then((i) => !cancelled && setInfo(i))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [asked]);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { info, health, unreachable, refresh };
}
