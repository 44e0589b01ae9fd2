import { isTrustedUrl } from './origins';

/**
 * The kiosk never leaves its own pages: every navigation away, redirect or new window is refused.
 * Routing inside the app uses the URL hash, which does not navigate.
 */
export function allowNavigation(targetUrl: unknown, origins: readonly string[]): boolean {
  return isTrustedUrl(targetUrl, origins);
}

/** Only the camera (for scanning stickers and photographing a device), only for our own pages. */
export function allowPermission(
  permission: unknown,
  requestingUrl: unknown,
  origins: readonly string[],
  mediaTypes: readonly unknown[] = [],
): boolean {
  if (!isTrustedUrl(requestingUrl, origins)) return false;
  if (permission !== 'media') return false;
  return mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
}

/** The permission *check* (as opposed to the request) may also ask about device enumeration. */
export function allowPermissionCheck(permission: unknown, requestingOrigin: unknown, origins: readonly string[]): boolean {
  if (!isTrustedUrl(requestingOrigin, origins)) return false;
  return permission === 'media';
}

/** An IPC message is served only when it comes from a frame showing one of our pages. */
export function isTrustedSender(senderFrameUrl: unknown, origins: readonly string[]): boolean {
  return isTrustedUrl(senderFrameUrl, origins);
}
