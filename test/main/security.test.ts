import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/security/csp';
import { APP_ORIGIN, originOf, trustedOrigins } from '../../src/main/security/origins';
import {
  allowNavigation,
  allowPermission,
  allowPermissionCheck,
  isTrustedSender,
} from '../../src/main/security/policies';
import { resolveAppFile } from '../../src/main/security/appFiles';

const origins = trustedOrigins();
const hostileUrls: unknown[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/cmd.exe',
  'https://evil.example/',
  'http://localhost:5173/',
  'app://evil/index.html',
  'app://inleverpunt.evil.example/index.html',
  'https://app@inleverpunt/',
  'about:blank',
  'blob:app://inleverpunt/1234',
  '',
  ' ',
  null,
  undefined,
  42,
  { toString: () => 'app://inleverpunt/' },
  'x'.repeat(10_000),
];

describe('navigation', () => {
  it('stays on the app’s own pages', () => {
    expect(allowNavigation(`${APP_ORIGIN}/index.html#/teacher`, origins)).toBe(true);
  });
  it.each(hostileUrls)('refuses %s', (url) => {
    expect(allowNavigation(url, origins)).toBe(false);
  });
  it('allows the dev server only while developing, and only on loopback', () => {
    expect(allowNavigation('http://localhost:5173/', trustedOrigins('http://localhost:5173'))).toBe(true);
    expect(trustedOrigins('http://192.168.1.5:5173')).toEqual([APP_ORIGIN]);
    expect(trustedOrigins('https://evil.example')).toEqual([APP_ORIGIN]);
  });
});

describe('permissions', () => {
  it('grant the camera to the app’s own page', () => {
    expect(allowPermission('media', `${APP_ORIGIN}/index.html`, origins, ['video'])).toBe(true);
  });
  it('never grant the microphone', () => {
    expect(allowPermission('media', `${APP_ORIGIN}/index.html`, origins, ['audio'])).toBe(false);
    expect(allowPermission('media', `${APP_ORIGIN}/index.html`, origins, ['video', 'audio'])).toBe(false);
    expect(allowPermission('media', `${APP_ORIGIN}/index.html`, origins, [])).toBe(false);
  });
  it.each(['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial', 'fullscreen', 42, null])(
    'refuse %s',
    (permission) => {
      expect(allowPermission(permission, `${APP_ORIGIN}/index.html`, origins, ['video'])).toBe(false);
    },
  );
  it.each(hostileUrls)('refuse the camera to %s', (url) => {
    expect(allowPermission('media', url, origins, ['video'])).toBe(false);
    expect(allowPermissionCheck('media', url, origins)).toBe(false);
  });
});

describe('IPC senders', () => {
  it('are accepted only from the app’s own frames', () => {
    expect(isTrustedSender(`${APP_ORIGIN}/index.html`, origins)).toBe(true);
  });
  it.each(hostileUrls)('refuse a frame at %s', (url) => {
    expect(isTrustedSender(url, origins)).toBe(false);
  });
});

describe('origins', () => {
  it('are exact', () => {
    expect(originOf('app://inleverpunt/a/b?c#d')).toBe(APP_ORIGIN);
    expect(originOf('app://INLEVERPUNT/')).toBe(APP_ORIGIN);
    expect(originOf('https://user:pw@example.org/')).toBeNull();
  });
});

describe('the Content-Security-Policy', () => {
  const csp = contentSecurityPolicy();
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('denies everything not named', () => {
    expect(directive('default-src')).toBe(`default-src 'none'`);
  });
  it('allows scripts only from the app, never inline or eval', () => {
    expect(directive('script-src')).toBe(`script-src 'self'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });
  it('lets the camera stream play and forbids frames, plugins, forms and base changes', () => {
    expect(directive('media-src')).toContain('mediastream:');
    for (const d of ['object-src', 'frame-src', 'frame-ancestors', 'base-uri', 'form-action']) {
      expect(directive(d)).toBe(`${d} 'none'`);
    }
  });
  it('talks only to its own origin', () => {
    expect(directive('connect-src')).toBe(`connect-src 'self'`);
  });
  it('opens up for the dev server only when asked', () => {
    const dev = contentSecurityPolicy('http://localhost:5173');
    expect(dev).toContain('connect-src');
    expect(dev).toContain('ws://localhost:5173');
  });
});

describe('files served under app://', () => {
  const root = '/opt/inleverpunt/renderer';
  it('resolve inside the renderer folder', () => {
    expect(resolveAppFile('app://inleverpunt/index.html', root)).toBe(`${root}/index.html`);
    expect(resolveAppFile('app://inleverpunt/', root)).toBe(`${root}/index.html`);
    expect(resolveAppFile('app://inleverpunt/assets/x.js?v=1#y', root)).toBe(`${root}/assets/x.js`);
  });
  it.each([
    'app://inleverpunt/../../etc/passwd',
    'app://inleverpunt/%2e%2e/%2e%2e/etc/passwd',
    'app://inleverpunt/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://inleverpunt/..%5c..%5cwindows%5cwin.ini',
    'app://inleverpunt/%00index.html',
    'app://inleverpunt/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('never leave the renderer folder for %s', (url) => {
    const resolved = resolveAppFile(url, root);
    expect(resolved === null || resolved.startsWith(`${root}/`)).toBe(true);
  });
});
