import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, closedPort, fakeProject, runScript } from './support/fakeProject';

const SCRIPT = 'scripts/ensure-electron.mjs';
const projects: Array<ReturnType<typeof fakeProject>> = [];
function project(options?: Parameters<typeof fakeProject>[0]) {
  const p = fakeProject(options);
  projects.push(p);
  return p;
}
afterEach(() => {
  for (const p of projects.splice(0)) p.remove();
});

function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/\bError:/);
}

describe('npm start: making sure the Electron binary is there', () => {
  it('does nothing, and says nothing, when the binary is installed', () => {
    const p = project(); // no installer at all: any attempt to download would fail
    p.installBinary();
    const run = runScript(SCRIPT, p.dir, cleanEnv());
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('without a network, says in Dutch and English what failed and what to do, and exits 1', async () => {
    const p = project({ realInstaller: true });
    const cache = fs.mkdtempSync(path.join(p.dir, 'cache-'));
    const mirror = `http://127.0.0.1:${await closedPort()}/`;
    const run = runScript(SCRIPT, p.dir, cleanEnv({ ELECTRON_MIRROR: mirror, electron_config_cache: cache }));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`kon niet worden gedownload van ${mirror}`);
    expect(run.stderr).toContain(`could not be downloaded from ${mirror}`);
    for (const remedy of ['HTTPS_PROXY', 'ELECTRON_MIRROR', 'ELECTRON_CUSTOM_DIR', 'electron_config_cache', 'npm start']) {
      expect(run.stderr).toContain(remedy);
    }
    expectNoStackTrace(run.stderr);
    expect(fs.existsSync(path.join(p.electronDir, 'path.txt'))).toBe(false);
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says how to lift it', async () => {
    const p = project({ realInstaller: true });
    const mirror = `http://127.0.0.1:${await closedPort()}/`;
    const run = runScript(SCRIPT, p.dir, cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_MIRROR: mirror }));

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is gezet');
    expect(run.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(run.stderr).toContain('unset ELECTRON_SKIP_BINARY_DOWNLOAD');
    expectNoStackTrace(run.stderr);
  });

  it("runs Electron's installer once when the binary is missing, and then starts", () => {
    const installer = `
      const fs = require('fs'), path = require('path');
      fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
      fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;
    const p = project({ installer });
    const run = runScript(SCRIPT, p.dir, cleanEnv());

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wordt eenmalig gedownload');
    expect(run.stdout).toContain('Downloading Electron');
    expect(run.stderr).toBe('');
    expect(runScript(SCRIPT, p.dir, cleanEnv())).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reports a failure when the installer ends without leaving a binary', () => {
    const p = project({ installer: 'process.exit(0);' });
    const run = runScript(SCRIPT, p.dir, cleanEnv());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('could not be downloaded from https://github.com/electron/electron/releases/download/');
  });

  it('asks for npm install when Electron is not installed at all', () => {
    const p = project();
    fs.rmSync(path.join(p.dir, 'node_modules'), { recursive: true });
    const run = runScript(SCRIPT, p.dir, cleanEnv());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Voer eerst uit: npm install');
    expect(run.stderr).toContain('Run first: npm install');
  });
});
