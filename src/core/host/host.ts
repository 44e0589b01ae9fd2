import type { Settings } from '../../shared/contract/settings';
import { AppError } from '../../shared/errors';
import type { Core } from '../index';
import { createGateway, type Gateway } from '../api/gateway';
import { createHandlers } from '../api/handlers';
import type { ShellActions } from '../api/shellActions';
import { restoreBackup } from '../backup/backup';
import { newestRecoveryBackup, recoveryOffer, restoreNewestBackup } from '../backup/recovery';
import { centralForRestore } from '../backup/restoreCentral';
import { withCustodyPush, type Push } from './custodyPush';
import { failedStartGateway } from './failedGateway';
import { startCore, type HostState, type StartOptions } from './start';
import { startAutoSync, type AutoSync, type AutoSyncOptions } from '../central/autoSync';
import { resolveCentral } from '../central/connection';
import { purgeWaitsForCatchUp } from '../backup/restoreMark';

/** What only the process around the host can do: Electron's app, or the test bridge. */
export interface HostShell {
  exitKiosk(): void;
  /** The shell applies what it owns (the HID reader) when the settings change. */
  settingsChanged?(settings: Settings): void;
  /** Delivers a contract event to the screen (webContents.send, or the bridge's event stream). */
  push: Push;
  /** A backup is in place and the host has started again on it; Electron relaunches now. */
  restored?(): void;
  /** Where the user wants a large export saved (Electron's save dialog); null when cancelled. */
  chooseSaveFile?: ShellActions['chooseSaveFile'];
}

export interface HostOptions extends StartOptions {
  shell: HostShell;
  /** Told about unexpected failures inside a call; receives no arguments, so no personal data. */
  onInternalError?: (method: string, error: unknown) => void;
  /** Told after every start (the first, and after a restore): the shell logs what it found. */
  onStarted?: (state: HostState) => void;
  /** Where INLEVERPUNT_CENTRAL_URL is read (process.env unless a test gives its own). */
  env?: NodeJS.ProcessEnv;
  /**
   * The automatic sync to the board's central database, when one is set: the kiosk's main process
   * runs it; a test bridge may, with timers it fires itself. Off when absent.
   */
  autoSync?: Pick<AutoSyncOptions, 'timers' | 'sync' | 'onResult'>;
}

/** The core as every host sees it: Electron's main process and the test bridge alike. */
export interface Host {
  readonly dbPath: string;
  /** What the last start found; replaced when a backup is restored. */
  readonly state: HostState;
  /** The open core, or null when the database could not be opened. */
  readonly core: Core | null;
  /** The contract on whatever core is current: the one object ipcMain and the bridge bind. */
  readonly gateway: Gateway;
  /** The automatic sync, when the host runs one (it follows the current core across a restore). */
  readonly sync: AutoSync | null;
  /**
   * Closes the core, puts the newest good backup in place and starts again on it (also when the
   * database could not be opened at all). Throws NO_GOOD_BACKUP, before closing anything, when
   * there is nothing good to restore.
   */
  restoreFromBackup(): { lastSeq: number };
  /** The same with a backup the admin chose on the backups screen (checked to be this database's). */
  restoreBackupFile(path: string): { lastSeq: number };
  /** Stops the sync schedule (a sync still running is abandoned: the centre keeps whole batches only) and closes the core. */
  close(): void;
}

/**
 * Opens the database (roll-out file, demo, start-up check included) and builds the gateway from
 * the handler table. A database that cannot be opened is a state, not a crash, so the host that
 * shows the screen can also show why.
 */
export function createHost(options: HostOptions): Host {
  const { shell, onInternalError, onStarted, env = process.env, autoSync, ...start } = options;
  const now = options.now ?? (() => new Date());
  const centralOf = (core: Core) => resolveCentral({ db: core.db, env, rolloutPath: state.kind === 'open' ? state.rollout?.path : undefined });

  const gatewayFor = (state: HostState): Gateway => {
    if (state.kind === 'failed') {
      return failedStartGateway(state.failure, {
        dbPath: options.dbPath,
        now,
        restore: () => host.restoreFromBackup(),
        exit: () => shell.exitKiosk(),
        retry: () => {
          begin(false);
          return host.core !== null;
        },
      });
    }
    const handlers = createHandlers(state.core, {
      exitKiosk: () => shell.exitKiosk(),
      settingsChanged: (settings) => shell.settingsChanged?.(settings),
      restoreFromBackup: () => host.restoreFromBackup(),
      push: shell.push,
      ...(shell.chooseSaveFile ? { chooseSaveFile: shell.chooseSaveFile.bind(shell) } : {}),
      restoreBackupFile: (path) => host.restoreBackupFile(path),
      env,
      ...(sync ? { sync } : {}),
      ...(state.rollout ? { rollout: state.rollout } : {}),
    });
    return withCustodyPush(createGateway(handlers, onInternalError ? { onInternalError } : {}), shell.push);
  };
  const begin = (firstStart: boolean) => {
    state = startCore(start, { firstStart });
    current = gatewayFor(state);
    // A restored database whose purge waits for the catch-up (this start, or the one Electron
    // relaunches into): sync at once, not after the schedule's first wait, before the door, the
    // day's close or the hourly purge append anything at a seq the central copy already holds.
    if (sync && state.kind === 'open' && purgeWaitsForCatchUp(state.core.db)) void sync.syncAfterRestore().catch(() => undefined);
    onStarted?.(state);
  };

  let state: HostState;
  let current: Gateway;
  let sync: AutoSync | null = null;
  const closeCore = () => {
    if (state.kind === 'open' && state.core.db.open) state.core.close();
  };
  /**
   * Whether a restore now is followed by a sync that takes back what the backup lacks: the host
   * runs the sync and a central database is set. Then the restore's retention purge waits for
   * that sync, because it would append an event at once, at a seq the central copy already holds.
   */
  const catchesUp = (backupPath: string | null): boolean => {
    if (sync === null) return false;
    if (state.kind === 'open') return centralOf(state.core) !== null;
    // The database did not open: whether it syncs is read from the files themselves.
    return centralForRestore([options.dbPath, backupPath], env, start.rolloutConfigPath) !== null;
  };
  const host: Host = {
    dbPath: options.dbPath,
    get state() {
      return state;
    },
    get core() {
      return state.kind === 'open' ? state.core : null;
    },
    // Stable for the binding, while the core behind it is replaced by a restore.
    gateway: { invoke: (method, rawArgs) => current.invoke(method, rawArgs) },
    get sync() {
      return sync;
    },
    restoreFromBackup() {
      if (!recoveryOffer(options.dbPath)) throw new AppError('NO_GOOD_BACKUP');
      const deferPurge = catchesUp(newestRecoveryBackup(options.dbPath));
      closeCore();
      try {
        return { lastSeq: restoreNewestBackup(options.dbPath, now(), { deferPurge }).lastSeq };
      } finally {
        // Start again on whatever is in place now: the restored copy, or (if the copy failed its
        // check) the untouched original.
        begin(false);
        shell.restored?.();
      }
    },
    restoreBackupFile(path) {
      const deferPurge = catchesUp(path);
      closeCore();
      try {
        return { lastSeq: restoreBackup(path, options.dbPath, now(), { deferPurge }).lastSeq };
      } finally {
        begin(false);
        shell.restored?.();
      }
    },
    close() {
      void sync?.stop();
      closeCore();
    },
  };
  // Before the first start, so the handlers built there can offer "sync now".
  if (autoSync) sync = startAutoSync({ ...autoSync, core: () => host.core, connection: centralOf });
  begin(true);
  return host;
}
