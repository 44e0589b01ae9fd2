import { app, BrowserWindow, ipcMain, powerSaveBlocker, session } from 'electron';
import { join } from 'node:path';
import { openCore, type Core } from '../core';
import { createGateway } from '../core/api/gateway';
import { createHandlers } from '../core/api/handlers';
import { bindGateway } from './ipc';
import { HidReaderHost } from './hidReader';
import { startBackupSchedule } from './backupSchedule';
import { holdsSchoolData } from '../core/demo/empty';
import { seedDemoSchool } from '../core/demo/seed';
import { recoveryOffer, restoreNewestBackup } from '../core/backup/recovery';
import { AppError } from '../shared/errors';
import { readSettings } from '../core/settings/store';
import { rolloutConfigPath } from '../core/paths';
import { applyRolloutAtStart, rolloutLogLine } from '../core/rollout/startup';
import { registerAppScheme, serveAppFiles } from './protocol';
import { contentSecurityPolicy } from './security/csp';
import { APP_ENTRY_URL, originOf, trustedOrigins } from './security/origins';
import { allowNavigation, allowPermission, allowPermissionCheck } from './security/policies';
import { kioskWindowOptions, resolveKioskMode } from './windowOptions';

const here = import.meta.dirname;

/** Opens the kiosk window on the app's database; everything after `app` is ready. */
export function startKiosk(): void {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const origins = trustedOrigins(devServerUrl);
  registerAppScheme();

  if (!app.requestSingleInstanceLock()) {
    // A second start (a double click on the icon) only brings the running kiosk to the front.
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | null = null;
  let core: Core | null = null;
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
    core = openCore({ dbPath, appVersion: app.getVersion() });
    // The IT partner's machine-wide file, on the first start only; a bad file is logged, not fatal.
    const rollout = applyRolloutAtStart(core, rolloutConfigPath());
    (rollout.status === 'invalid' ? console.warn : console.log)(rolloutLogLine(rollout));
    // `--demo`: try the app with the demo school; never on a database that holds a school.
    if ((process.argv.includes('--demo') || process.env.INLEVERPUNT_DEMO === '1') && !holdsSchoolData(core.db)) {
      seedDemoSchool(core);
    }
    const stopBackups = startBackupSchedule(core, dbPath);
    app.once('will-quit', stopBackups);

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

    const hidReader = new HidReaderHost(() => mainWindow?.webContents ?? null);
    app.once('will-quit', () => hidReader.stop());
    const gateway = createGateway(
      createHandlers(core, {
        exitKiosk: () => {
          quitting = true;
          app.quit();
        },
        settingsChanged: (settings) => hidReader.apply(settings.hid),
        rollout,
        restoreFromBackup: () => {
          // Refuse before closing anything when there is nothing good to restore.
          if (!recoveryOffer(dbPath)) throw new AppError('NO_GOOD_BACKUP');
          core?.close();
          try {
            return { lastSeq: restoreNewestBackup(dbPath).lastSeq };
          } finally {
            // Start again on whatever is in place now: the restored copy, or (if the copy failed
            // its check) the untouched original. The IPC answer goes out first.
            setTimeout(() => {
              quitting = true;
              app.relaunch();
              app.exit(0);
            }, 300);
          }
        },
      }),
      { onInternalError: (method, error) => console.error(`[ipc] ${method} failed:`, (error as Error)?.name) },
    );
    bindGateway(ipcMain, gateway, origins);

    mainWindow = new BrowserWindow(
      kioskWindowOptions({ preloadPath: join(here, '../preload/index.cjs'), kiosk }),
    );
    const win = mainWindow;
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
    win.webContents.once('did-finish-load', () => hidReader.apply(readSettings(core!.db).hid));
  });

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('quit', () => core?.close());
}
