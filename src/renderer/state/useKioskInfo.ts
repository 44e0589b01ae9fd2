import { useEffect, useState } from 'react';
import type { Health, KioskInfo } from '../../shared/contract';
import { call } from '../bridge';

export interface KioskState {
  info: KioskInfo | null;
  health: Health | null;
  unreachable: boolean;
}

/** Who this kiosk is and whether it may write, asked once when the screen starts. */
export function useKioskInfo(): KioskState {
  const [state, setState] = useState<KioskState>({ info: null, health: null, unreachable: false });
  useEffect(() => {
    let cancelled = false;
    Promise.all([call('getKioskInfo', {}), call('getHealth', {})])
      .then(([info, health]) => !cancelled && setState({ info, health, unreachable: false }))
      .catch(() => !cancelled && setState({ info: null, health: null, unreachable: true }));
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
