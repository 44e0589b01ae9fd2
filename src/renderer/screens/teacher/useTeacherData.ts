import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../bridge';
import { emptyDirectory, type Directory } from './teacherFormat';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  reload: () => void;
}

/** Runs `load` on mount and again on `reload()`; an answer to an older request is ignored. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  }, [load]);
  useEffect(() => {
    let current = true;
    loader.current().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
      },
      (e: unknown) => {
        if (current) setError(e);
      },
    );
    return () => {
      current = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}

/** Staff and places by id, to name a custodian ("bij Juf Anna", "in Kluis"). */
export function useDirectory(): Directory {
  const { data } = useLoad(async () => {
    const [{ staff }, { locations }] = await Promise.all([call('listStaff', {}), call('listLocations', {})]);
    return {
      staff: new Map(staff.map((s) => [s.staffId, s])),
      locations: new Map(locations.map((l) => [l.locationId, l])),
    } satisfies Directory;
  });
  return data ?? emptyDirectory;
}
