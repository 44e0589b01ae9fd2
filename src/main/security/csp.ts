/**
 * The Content-Security-Policy of the app's pages. Scripts and styles come only from the app
 * itself; the camera stream and photos are blob:/mediastream:; nothing may be framed, posted or
 * fetched elsewhere. The Vite dev server needs its own origin and a websocket for hot reload.
 */
export function contentSecurityPolicy(devServerOrigin?: string): string {
  const self = devServerOrigin ? `'self' ${devServerOrigin}` : `'self'`;
  const connect = devServerOrigin ? `${self} ${devServerOrigin.replace(/^http/, 'ws')}` : self;
  const directives: [string, string][] = [
    ['default-src', `'none'`],
    ['script-src', self],
    // The dev server injects <style> elements for hot reload; the built app needs no inline style.
    ['style-src', devServerOrigin ? `${self} 'unsafe-inline'` : self],
    ['img-src', `${self} data: blob:`],
    ['media-src', `${self} blob: mediastream:`],
    ['font-src', self],
    ['connect-src', connect],
    ['worker-src', `${self} blob:`],
    ['base-uri', `'none'`],
    ['form-action', `'none'`],
    ['frame-ancestors', `'none'`],
    ['frame-src', `'none'`],
    ['object-src', `'none'`],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
