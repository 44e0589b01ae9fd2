import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, session } from 'electron';
import { join } from 'node:path';
import { createHost, type Host, type HostState } from '../core/host';
import { bindGateway, pushEvent } from './ipc';
import { HidReaderHost } from './hidReader';
import { chooseSaveFile } from './saveDialog';
import { osKeyProtection } from './keyProtection';
import { startBackupSchedule } from './backupSchedule';
import { readSettings } from '../core/settings/store';
import { keyStatus } from '../core/kiosk/identity';
import { rolloutConfigPath } from '../core/paths';
import { rolloutLogLine } from '../core/rollout/startup';
import { registerAppScheme, serveAppFiles } from './protocol';
import { contentSecurityPolicy } from './security/csp';
import { APP_ENTRY_URL, originOf, trustedOrigins } from './security/origins';
import { blockedInKiosk } from './security/keys';
import { allowNavigation, allowPermission, allowPermissionCheck } from './security/policies';
import { kioskWindowOptions, resolveKioskMode } from './windowOptions';

const here = import.meta.dirname;

/** Opens the kiosk window on the app's database; everything after `app` is ready. */
export function startKiosk(): void {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const origins = trustedOrigins(devServerUrl);
  registerAppScheme();
  // Chromium formats date fields and numbers in the operating system's language: on a school PC
  // installed in English the office's date fields read mm/dd/yyyy. A Dutch school's kiosk writes
  // dd-mm-jjjj everywhere, in both of its languages. INLEVERPUNT_LOCALE overrides it.
  app.commandLine.appendSwitch('lang', process.env.INLEVERPUNT_LOCALE ?? 'nl-NL');

  if (!app.requestSingleInstanceLock()) {
    // A second start (a double click on the icon) only brings the running kiosk to the front.
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | null = null;
  let host: Host | null = null;
  let quitting = false;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, including any the app never meant to create, is locked to our pages.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url, origins)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url, origins)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    const kiosk = resolveKioskMode({ packaged: app.isPackaged, argv: process.argv, env: process.env });
    const dbPath = process.env.INLEVERPUNT_DB ?? join(app.getPath('userData'), 'inleverpunt.db');
    const hidReader = new HidReaderHost(() => mainWindow?.webContents ?? null);
    app.once('will-quit', () => hidReader.stop());
    const keyProtection = osKeyProtection();
    const kioskHost = createHost({
      dbPath,
      appVersion: app.getVersion(),
      // The signing key is sealed by the OS key store (safeStorage) wherever it offers one.
      ...(keyProtection ? { keyProtection } : {}),
      // The IT partner's machine-wide file: applied on the first start only.
      rolloutConfigPath: rolloutConfigPath(),
      // `--demo`: try the app with the demo school; never on a database that holds a school.
      demo: process.argv.includes('--demo') || process.env.INLEVERPUNT_DEMO === '1',
      shell: {
        exitKiosk: () => {
          quitting = true;
          app.quit();
        },
        settingsChanged: (settings) => hidReader.apply(settings.hid),
        chooseSaveFile: (request) => chooseSaveFile(mainWindow, request),
        push: (event, payload) => {
          if (mainWindow) pushEvent(mainWindow.webContents, event, payload);
        },
        restored: () => {
          // A fresh process on the restored file (window, HID reader, timers); the IPC answer
          // goes out first.
          setTimeout(() => {
            quitting = true;
            kioskHost.close();
            app.relaunch();
            app.exit(0);
          }, 300);
        },
      },
      // Uploads the ledger to the board's central database when one is set; its log line holds codes and counts only.
      autoSync: { onResult: (line) => console.log(line) },
      onStarted: logStart,
      onInternalError: (method, error) => console.error(`[ipc] ${method} failed:`, (error as Error)?.name),
    });
    host = kioskHost;
    const stopBackups = startBackupSchedule(() => kioskHost.core);
    app.once('will-quit', stopBackups);
    app.once('will-quit', () => void kioskHost.sync?.stop());

    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
      const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
      callback(allowPermission(permission, webContents.getURL(), origins, mediaTypes));
    });
    ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
      allowPermissionCheck(permission, requestingOrigin, origins),
    );
    if (devServerUrl) {
      const devOrigin = originOf(devServerUrl) ?? undefined;
      ses.webRequest.onHeadersReceived((details, callback) => {
        callback({
          responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(devOrigin)] },
        });
      });
    } else {
      serveAppFiles(join(here, '../renderer'));
    }

    bindGateway(ipcMain, kioskHost.gateway, origins);

    // Electron's default menu carries Ctrl+Q, Ctrl+R, Ctrl+M and DevTools: a kiosk has no menu.
    if (kiosk) Menu.setApplicationMenu(null);
    mainWindow = new BrowserWindow(
      kioskWindowOptions({ preloadPath: join(here, '../preload/index.cjs'), kiosk }),
    );
    const win = mainWindow;
    win.webContents.on('before-input-event', (event, input) => {
      if (kiosk && blockedInKiosk(input)) event.preventDefault();
    });
    win.once('ready-to-show', () => win.show());
    // In kiosk mode the window closes only through the admin-PIN exit (or the OS shutting down).
    win.on('close', (event) => {
      if (kiosk && !quitting) event.preventDefault();
    });
    win.on('closed', () => {
      mainWindow = null;
    });
    // A kiosk PC that reboots (power cut, Windows update) comes back on the door screen by itself.
    if (kiosk && process.platform !== 'linux') app.setLoginItemSettings({ openAtLogin: true });
    const blocker = powerSaveBlocker.start('prevent-display-sleep');
    app.once('will-quit', () => powerSaveBlocker.stop(blocker));

    void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
    win.webContents.once('did-finish-load', () => {
      const core = kioskHost.core;
      if (core) hidReader.apply(readSettings(core.db).hid);
    });
  });

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('quit', () => host?.close());
}

/** Paths, codes and keys only: the main process's log holds no personal data. */
function logStart(state: HostState): void {
  if (state.kind === 'failed') {
    console.error(`[start] the database could not be opened: ${state.failure.code} (${state.failure.cause})`);
    return;
  }
  const key = keyStatus(state.core.db);
  console.log(`[start] signing key ${key.sealed ? `sealed (${key.scheme})` : 'in clear: no OS key store on this PC'}`);
  // A bad roll-out file is logged, not fatal.
  if (state.rollout) (state.rollout.status === 'invalid' ? console.warn : console.log)(rolloutLogLine(state.rollout));
}
