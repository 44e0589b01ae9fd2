import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIRROR,
  binaryState,
  downloadSkipped,
  downloadSource,
  failureDetail,
  installerEnv,
} from '../../scripts/lib/electron-binary.mjs';

describe('the Electron binary', () => {
  it('follows ELECTRON_EXEC_PATH, as electron-vite does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inleverpunt-exec-'));
    const executable = path.join(dir, 'electron');
    expect(binaryState(dir, { ELECTRON_EXEC_PATH: executable })).toEqual({
      present: false,
      reason: 'exec-path-missing',
      executable,
    });
    fs.writeFileSync(executable, '');
    expect(binaryState(dir, { ELECTRON_EXEC_PATH: executable })).toEqual({ present: true, executable });
    fs.rmSync(dir, { recursive: true });
  });

  it('counts as missing when path.txt names a file that is not there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inleverpunt-dist-'));
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(binaryState(dir, {})).toEqual({ present: false, reason: 'missing' });
    fs.rmSync(dir, { recursive: true });
  });

  it('treats ELECTRON_SKIP_BINARY_DOWNLOAD as set unless it is empty, 0 or false', () => {
    expect(downloadSkipped({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toBe(true);
    expect(downloadSkipped({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' })).toBe(true);
    for (const value of [undefined, '', '0', 'false', 'FALSE']) {
      expect(downloadSkipped({ ELECTRON_SKIP_BINARY_DOWNLOAD: value })).toBe(false);
    }
  });

  it("lets the installer use the school's proxy", () => {
    expect(installerEnv({ HTTPS_PROXY: 'http://proxy:8080' })).toMatchObject({ NODE_USE_ENV_PROXY: '1' });
    expect(installerEnv({ http_proxy: 'http://proxy:8080' })).toMatchObject({ NODE_USE_ENV_PROXY: '1' });
    expect(installerEnv({ HTTPS_PROXY: 'http://proxy:8080', NODE_USE_ENV_PROXY: '0' }).NODE_USE_ENV_PROXY).toBe('0');
    expect(installerEnv({}).NODE_USE_ENV_PROXY).toBeUndefined();
  });

  it('names the download source: a mirror from npm config or the environment, else GitHub', () => {
    expect(downloadSource({})).toBe(DEFAULT_MIRROR);
    expect(downloadSource({ ELECTRON_MIRROR: 'https://mirror.example/e/' })).toBe('https://mirror.example/e/');
    expect(downloadSource({ ELECTRON_MIRROR: 'https://b/', npm_config_electron_mirror: 'https://a/' })).toBe('https://a/');
  });

  it("keeps only the installer's message, not its stack trace", () => {
    const stderr = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13\n    at async x (y.js:1:1)\n';
    expect(failureDetail(stderr)).toBe('fetch failed');
    expect(failureDetail('')).toBe('no output');
  });
});
