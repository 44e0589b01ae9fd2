/**
 * The app's pages are served from a custom scheme so that "our own origin" is one exact string
 * that no web page, `file://` path or data URL can share.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'inleverpunt';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The origins whose pages may talk to the app: our scheme, plus the dev server in development. */
export function trustedOrigins(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN];
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  if (dev && isLoopbackHttp(dev)) origins.push(dev);
  return origins;
}

/** The origin of a URL, or null for anything unparsable or opaque (data:, javascript:, about:). */
export function originOf(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host.toLowerCase() === APP_HOST ? APP_ORIGIN : null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed.origin;
}

export function isTrustedUrl(url: unknown, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

function isLoopbackHttp(origin: string): boolean {
  const { protocol, hostname } = new URL(origin);
  return protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]');
}
