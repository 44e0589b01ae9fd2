import { useEffect, useState } from 'react';
import type { LocationItem, StaffSummary } from '../../shared/contract';
import { call } from '../bridge';

export interface StaffDirectory {
  staff: StaffSummary[];
  locations: LocationItem[];
  /** staffId → display name, for events that only carry ids. */
  names: ReadonlyMap<string, string>;
}

/** Active staff (witnesses, names on a receipt) and storage places; null until loaded. */
export function useStaffDirectory(): { directory: StaffDirectory | null; error: unknown } {
  const [directory, setDirectory] = useState<StaffDirectory | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all([call('listStaff', {}), call('listLocations', {})]).then(
      ([s, l]) =>
        !cancelled &&
        setDirectory({
          staff: s.staff,
          locations: l.locations,
          names: new Map(s.staff.map((m) => [m.staffId, m.displayName])),
        }),
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return { directory, error };
}
