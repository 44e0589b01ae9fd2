import type { BrowserWindowConstructorOptions } from 'electron';

export interface KioskWindowInput {
  preloadPath: string;
  /** Full-screen kiosk: on by default in a packaged app, off while developing. */
  kiosk: boolean;
  iconPath?: string;
}

/** The kiosk window's options as a pure function, so every security flag is unit-tested. */
export function kioskWindowOptions(input: KioskWindowInput): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#0b1f33',
    title: 'Inleverpunt',
    autoHideMenuBar: true,
    kiosk: input.kiosk,
    fullscreen: input.kiosk,
    closable: !input.kiosk,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      // The door screen must keep listening for scans while the teacher's window is not focused.
      backgroundThrottling: false,
      // The success and error tones must sound for a scan, which is not a user gesture.
      autoplayPolicy: 'no-user-gesture-required',
      devTools: !input.kiosk,
    },
  };
}

/** Kiosk mode from the environment and command line; an explicit choice wins over the default. */
export function resolveKioskMode(opts: { packaged: boolean; argv: readonly string[]; env: NodeJS.ProcessEnv }): boolean {
  if (opts.argv.includes('--no-kiosk') || opts.env.INLEVERPUNT_KIOSK === '0') return false;
  if (opts.argv.includes('--kiosk') || opts.env.INLEVERPUNT_KIOSK === '1') return true;
  return opts.packaged;
}
