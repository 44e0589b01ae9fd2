// @ts-check
// The decision `npm start` makes before electron-vite runs: nothing to do, download once, or
// one clear message and a non-zero exit.
import { binaryState, downloadSkipped, downloadSource, findElectronPackage, runInstaller } from './electron-binary.mjs';
import * as messages from './electron-messages.mjs';

/**
 * @param {{
 *   projectDir: string,
 *   env: import('./electron-binary.mjs').Env,
 *   out: (text: string) => void,
 *   err: (text: string) => void,
 * }} options
 * @returns {number} the exit code
 */
export function ensureElectron({ projectDir, env, out, err }) {
  const electron = findElectronPackage(projectDir);
  if (!electron) {
    err(messages.notInstalled());
    return 1;
  }
  const state = binaryState(electron.dir, env);
  if (state.present) return 0;
  if (state.reason === 'exec-path-missing') {
    err(messages.execPathMissing(state.executable ?? ''));
    return 1;
  }
  if (downloadSkipped(env)) {
    err(messages.skipped());
    return 1;
  }
  out(messages.downloading(electron.version));
  const installed = runInstaller(electron.dir, env);
  if (installed.ok && binaryState(electron.dir, env).present) return 0;
  err(messages.downloadFailed({ version: electron.version, source: downloadSource(env), detail: installed.detail }));
  return 1;
}
