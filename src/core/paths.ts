import { posix, win32 } from 'node:path';

export const APP_DIR_NAME = 'Inleverpunt';
export const DB_FILE_NAME = 'inleverpunt.db';

/**
 * Where the app keeps its data, the same folder Electron calls `userData` for this app, so the
 * CLI and the kiosk find the same database without Electron.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = env.HOME ?? env.USERPROFILE ?? '.',
): string {
  switch (platform) {
    case 'win32':
      return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return posix.join(env.XDG_CONFIG_HOME ?? posix.join(home, '.config'), APP_DIR_NAME);
  }
}

/** `INLEVERPUNT_DB` wins, so an IT partner can point every tool at one file. */
export function defaultDbPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.INLEVERPUNT_DB) return env.INLEVERPUNT_DB;
  const dir = defaultDataDir(platform, env);
  return platform === 'win32' ? win32.join(dir, DB_FILE_NAME) : posix.join(dir, DB_FILE_NAME);
}

export const ROLLOUT_FILE_NAME = 'config.json';

/**
 * The machine-wide roll-out file an IT partner puts on every classroom PC: a folder every user
 * can read and only an administrator can write. `INLEVERPUNT_CONFIG` points at another file.
 */
export function rolloutConfigPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (env.INLEVERPUNT_CONFIG) return env.INLEVERPUNT_CONFIG;
  switch (platform) {
    case 'win32':
      return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', APP_DIR_NAME, ROLLOUT_FILE_NAME);
    case 'darwin':
      return posix.join('/Library/Application Support', APP_DIR_NAME, ROLLOUT_FILE_NAME);
    default:
      return posix.join('/etc/inleverpunt', ROLLOUT_FILE_NAME);
  }
}
