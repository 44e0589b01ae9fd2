import { useEffect, useState } from 'react';
import type { MethodResult } from '../../../shared/contract';
import { call } from '../../bridge';

export type CustodyCount = MethodResult<'custodyCount'>;

/**
 * The return counter's numbers, asked again whenever `version` changes (a device came back) and
 * every minute (a colleague may return devices elsewhere). Only while `active`.
 */
export function useCustodyCount(active: boolean, version: number): CustodyCount | null {
  const [count, setCount] = useState<CustodyCount | null>(null);
  const [minute, setMinute] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setMinute((m) => m + 1), 60_000);
    return () => clearInterval(timer);
  }, [active]);
  useEffect(() => {
    if (!active) return undefined;
    let current = true;
    call('custodyCount', {}).then(
      (value) => current && setCount(value),
      () => current && setCount(null),
    );
    return () => {
      current = false;
    };
  }, [active, version, minute]);
  return active ? count : null;
}
