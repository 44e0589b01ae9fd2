import { describe, expect, it } from 'vitest';
import { kioskWindowOptions, resolveKioskMode } from '../../src/main/windowOptions';

describe('the kiosk window options', () => {
  const options = kioskWindowOptions({ preloadPath: '/app/out/preload/index.cjs', kiosk: true });
  const prefs = options.webPreferences ?? {};

  it('isolate the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keep web security on and forbid webviews and insecure content', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('load only the given preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('in kiosk mode fill the screen, cannot be closed and have no developer tools', () => {
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, closable: false });
    expect(prefs.devTools).toBe(false);
  });

  it('outside kiosk mode are an ordinary window with developer tools', () => {
    const dev = kioskWindowOptions({ preloadPath: 'p', kiosk: false });
    expect(dev).toMatchObject({ kiosk: false, fullscreen: false, closable: true });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(dev.webPreferences?.sandbox).toBe(true);
  });

  it('start at a size that fits the smallest supported screen, 1366×768', () => {
    expect(options.width).toBeLessThanOrEqual(1366);
    expect(options.height).toBeLessThanOrEqual(768);
  });
});

describe('kiosk mode', () => {
  const env = {} as NodeJS.ProcessEnv;
  it('is on in an installed app and off while developing', () => {
    expect(resolveKioskMode({ packaged: true, argv: [], env })).toBe(true);
    expect(resolveKioskMode({ packaged: false, argv: [], env })).toBe(false);
  });
  it('can be switched by flag or environment for testing and roll-out', () => {
    expect(resolveKioskMode({ packaged: true, argv: ['--no-kiosk'], env })).toBe(false);
    expect(resolveKioskMode({ packaged: false, argv: ['--kiosk'], env })).toBe(true);
    expect(resolveKioskMode({ packaged: true, argv: [], env: { INLEVERPUNT_KIOSK: '0' } })).toBe(false);
  });
});
