import { useEffect, useState } from 'react';

/** The kiosk's areas. The door screen is home: every idle timeout returns there. */
export const routes = ['door', 'teacher', 'office'] as const;
export type Route = (typeof routes)[number];

export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'door';
}

export function navigate(route: Route): void {
  window.location.hash = `#/${route}`;
}

/** Hash routing: changing the hash never navigates the window, which the main process forbids. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
