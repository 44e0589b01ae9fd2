import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// electron-builder's own schema check, run offline: packaging itself needs the Electron download.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
};

interface BuilderConfig {
  appId: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: string[]; icon: string };
  linux: { target: string[]; icon: string };
  deb: { depends: string[] };
}
const config = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const quiet = { isEnabled: false, add: () => undefined };

describe('the installer configuration', () => {
  it('passes electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
  });

  it('is really checked: a misspelt option is rejected', async () => {
    await expect(validateConfiguration({ ...config, npmRebuilt: false }, quiet)).rejects.toThrow(/Invalid configuration/);
  });

  it('builds NSIS and MSI for Windows, AppImage and deb for Linux', () => {
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toContain('libusb-1.0-0');
  });

  it('never rebuilds the N-API native modules and unpacks them from the archive', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringContaining('better-sqlite3'), expect.stringContaining('node-hid')]));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(Object.values(pkg.scripts).join(' ')).not.toMatch(/install-app-deps|electron-rebuild/);
  });

  it('hardens the Electron binary with fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses icons that exist and packs the built app', () => {
    expect(existsSync(config.win.icon)).toBe(true);
    expect(existsSync(config.linux.icon)).toBe(true);
    expect(config.files).toContain('out/**');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });
});
