import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoDir = path.resolve(import.meta.dirname, '../../..');
const realModules = path.join(repoDir, 'node_modules');

export type Run = { code: number | null; stdout: string; stderr: string };

/**
 * A scratch project with its own node_modules/electron, so a test can add or leave out the
 * binary without touching the checkout's. Electron's own installer is copied in when asked for;
 * its dependencies (@electron/get, the zip extractor) are links into the real node_modules.
 */
export function fakeProject(options: { realInstaller?: boolean; installer?: string } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inleverpunt-electron-'));
  const electronDir = path.join(dir, 'node_modules', 'electron');
  fs.mkdirSync(electronDir, { recursive: true });
  const source = path.join(realModules, 'electron');
  fs.copyFileSync(path.join(source, 'package.json'), path.join(electronDir, 'package.json'));
  if (options.realInstaller) {
    fs.copyFileSync(path.join(source, 'install.js'), path.join(electronDir, 'install.js'));
    fs.copyFileSync(path.join(source, 'checksums.json'), path.join(electronDir, 'checksums.json'));
    for (const scope of ['@electron', '@electron-internal']) {
      fs.symlinkSync(path.join(realModules, scope), path.join(dir, 'node_modules', scope), 'junction');
    }
  }
  if (options.installer !== undefined) fs.writeFileSync(path.join(electronDir, 'install.js'), options.installer);
  fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
  return {
    dir,
    electronDir,
    /** What Electron's installer leaves behind: path.txt and the executable it names. */
    installBinary() {
      fs.mkdirSync(path.join(electronDir, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
      fs.writeFileSync(path.join(electronDir, 'dist', 'electron'), '');
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An environment without anything from this machine that would steer Electron's download. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const steering = /^(ELECTRON_|electron_|npm_config_electron|NPM_CONFIG_ELECTRON|https?_proxy$|no_proxy$|NODE_USE_ENV_PROXY$)/i;
  for (const [key, value] of Object.entries(process.env)) if (!steering.test(key)) env[key] = value;
  return { ...env, ...extra };
}

export function runScript(script: string, cwd: string, env: NodeJS.ProcessEnv, node = process.execPath): Run {
  const result = spawnSync(node, [path.join(repoDir, script)], { cwd, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A local port that nothing listens on: a download from it fails at once, with or without internet. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
