import { useEffect, useState } from 'react';

/** The kiosk's areas. The door screen is home: every idle timeout returns there. */
export const areas = ['door', 'teacher', 'office', 'settings'] as const;
export type Area = (typeof areas)[number];

export interface Route {
  area: Area;
  /** A screen inside the area, e.g. `confiscate` in `#/teacher/confiscate`. */
  screen: string | null;
  /** Query parameters, e.g. the device a screen is about: `#/teacher/transfer?device=…`. */
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [area = '', screen] = path.split('/');
  const known = (areas as readonly string[]).includes(area);
  return {
    area: known ? (area as Area) : 'door',
    screen: known && screen && /^[a-z-]{1,40}$/.test(screen) ? screen : null,
    params: new URLSearchParams(known ? query : ''),
  };
}

export function routeHash(area: Area, screen?: string | null, params?: Record<string, string>): string {
  const query = params && Object.keys(params).length ? `?${new URLSearchParams(params).toString()}` : '';
  return `#/${area}${screen ? `/${screen}` : ''}${query}`;
}

/** Changing the hash never navigates the window, which the main process forbids. */
export function navigate(area: Area, screen?: string | null, params?: Record<string, string>): void {
  window.location.hash = routeHash(area, screen, params);
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}
