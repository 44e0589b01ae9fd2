import { useEffect, useState } from 'react';
import { call } from '../bridge';

export type KeptImageState = { status: 'idle' | 'loading' | 'missing' } | { status: 'ready'; dataUrl: string };

/** A photo or signature the core keeps, by the hash its event records; null loads nothing. */
export function useKeptImage(sha256: string | null): KeptImageState {
  // Keyed by the hash it answers, so a new hash reads as loading without resetting state here.
  const [loaded, setLoaded] = useState<{ sha256: string; dataUrl: string | null } | null>(null);
  useEffect(() => {
    if (sha256 === null) return;
    let cancelled = false;
    call('getMedia', { sha256 }).then(
      (media) => !cancelled && setLoaded({ sha256, dataUrl: media.dataUrl }),
      // Never kept (an older event) or erased: the screen says so, nothing more to tell apart.
      () => !cancelled && setLoaded({ sha256, dataUrl: null }),
    );
    return () => {
      cancelled = true;
    };
  }, [sha256]);
  if (sha256 === null) return { status: 'idle' };
  if (loaded?.sha256 !== sha256) return { status: 'loading' };
  return loaded.dataUrl === null ? { status: 'missing' } : { status: 'ready', dataUrl: loaded.dataUrl };
}
