// @ts-check
// Where the Electron binary should be, whether it is there, and how to run Electron's own
// installer. Electron 45 no longer downloads its binary during `npm install`, and electron-vite
// only reads node_modules/electron/path.txt, so `npm start` has to make sure of it first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/**
 * @typedef {{ dir: string, version: string }} ElectronPackage
 * @typedef {{ present: true, executable: string }
 *   | { present: false, reason: 'missing' | 'exec-path-missing', executable?: string }} BinaryState
 * @typedef {Record<string, string | undefined>} Env
 */

/**
 * The installed electron package as the project itself resolves it, or null without `npm install`.
 * @param {string} projectDir
 * @returns {ElectronPackage | null}
 */
export function findElectronPackage(projectDir) {
  try {
    const require = createRequire(path.join(projectDir, 'package.json'));
    const manifest = require.resolve('electron/package.json');
    const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    return { dir: path.dirname(manifest), version: String(version) };
  } catch {
    return null;
  }
}

/**
 * Mirrors electron-vite: ELECTRON_EXEC_PATH wins, otherwise dist/ + the name in path.txt.
 * @param {string} electronDir
 * @param {Env} env
 * @returns {BinaryState}
 */
export function binaryState(electronDir, env) {
  const override = env.ELECTRON_EXEC_PATH;
  if (override) {
    return fs.existsSync(override)
      ? { present: true, executable: override }
      : { present: false, reason: 'exec-path-missing', executable: override };
  }
  let relative;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
  } catch {
    return { present: false, reason: 'missing' };
  }
  const executable = path.join(electronDir, 'dist', relative);
  return fs.existsSync(executable) ? { present: true, executable } : { present: false, reason: 'missing' };
}

/**
 * Older Electron versions skipped their download for any non-empty value; so do we, except
 * for an explicit "0" or "false".
 * @param {Env} env
 */
export function downloadSkipped(env) {
  const value = (env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * The environment for Electron's installer. @electron/get uses Node's fetch, which ignores
 * HTTPS_PROXY unless NODE_USE_ENV_PROXY is on, so a school proxy works only with this.
 * @param {Env} env
 * @returns {Env}
 */
export function installerEnv(env) {
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => env[name]);
  if (!proxied || env.NODE_USE_ENV_PROXY !== undefined) return { ...env };
  return { ...env, NODE_USE_ENV_PROXY: '1' };
}

/**
 * The base URL the installer downloads from, with the same precedence @electron/get uses
 * (npm config first, then the environment).
 * @param {Env} env
 */
export function downloadSource(env) {
  return env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR || env.ELECTRON_MIRROR || DEFAULT_MIRROR;
}

/**
 * The installer prints a stack trace on failure; the message in its first line, without the
 * error's class name, is the part a person can use.
 * @param {string} stderr
 */
export function failureDetail(stderr) {
  const line = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at '));
  return (line ?? 'no output').replace(/^[A-Za-z]*Error:\s*/, '').slice(0, 300);
}

/**
 * Runs node_modules/electron/install.js (what `npx install-electron` runs): it downloads the
 * zip once into Electron's cache, unpacks it into dist/ and writes path.txt.
 * @param {string} electronDir
 * @param {Env} env
 * @returns {{ ok: boolean, detail: string }}
 */
export function runInstaller(electronDir, env) {
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    env: installerEnv(env),
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (result.error) return { ok: false, detail: result.error.message };
  return { ok: result.status === 0, detail: failureDetail(result.stderr ?? '') };
}
