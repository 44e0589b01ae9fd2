import { useCallback, useEffect, useState } from 'react';
import { call } from '../bridge';
import { mergeDeviceChoices, type DeviceChoice } from './deviceChoices';

export interface DeviceChoicesState {
  choices: DeviceChoice[] | null;
  /** The failed call, for `errorText`; null while loading or after success. */
  error: unknown;
  reload(): void;
}

/** The kiosk's devices with owner and custody state, loaded once per screen (a class is ~30–60). */
export function useDeviceChoices(): DeviceChoicesState {
  const [choices, setChoices] = useState<DeviceChoice[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    Promise.all([call('listDevices', {}), call('listPupils', {}), call('listCustody', { heldOnly: false })]).then(
      ([d, p, c]) => {
        if (cancelled) return;
        setChoices(mergeDeviceChoices(d.devices, p.pupils, c.items));
        setError(null);
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { choices, error, reload };
}
