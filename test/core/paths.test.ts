import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultDbPath, rolloutConfigPath } from '../../src/core/paths';

describe('where the app keeps its data', () => {
  it('is the roaming AppData folder on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\kiosk\\AppData\\Roaming' })).toBe(
      'C:\\Users\\kiosk\\AppData\\Roaming\\Inleverpunt',
    );
  });
  it('is ~/.config (or XDG_CONFIG_HOME) on Linux', () => {
    expect(defaultDataDir('linux', {}, '/home/kiosk')).toBe('/home/kiosk/.config/Inleverpunt');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/srv/cfg' }, '/home/kiosk')).toBe('/srv/cfg/Inleverpunt');
  });
  it('is Application Support on macOS', () => {
    expect(defaultDataDir('darwin', {}, '/Users/k')).toBe('/Users/k/Library/Application Support/Inleverpunt');
  });
  it('can be overridden with INLEVERPUNT_DB for every tool at once', () => {
    expect(defaultDbPath({ INLEVERPUNT_DB: '/data/school.db' }, 'linux')).toBe('/data/school.db');
    expect(defaultDbPath({ HOME: '/home/k' }, 'linux')).toBe('/home/k/.config/Inleverpunt/inleverpunt.db');
  });
});

describe('where the IT partner puts the roll-out file for every user of the PC', () => {
  it('is under ProgramData on Windows, C:\\ProgramData when the environment does not say', () => {
    expect(rolloutConfigPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Inleverpunt\\config.json');
    expect(rolloutConfigPath('win32', {})).toBe('C:\\ProgramData\\Inleverpunt\\config.json');
  });
  it('is /etc/inleverpunt on Linux and /Library/Application Support on macOS', () => {
    expect(rolloutConfigPath('linux', { HOME: '/home/kiosk' })).toBe('/etc/inleverpunt/config.json');
    expect(rolloutConfigPath('darwin', { HOME: '/Users/k' })).toBe('/Library/Application Support/Inleverpunt/config.json');
  });
  it('can be pointed elsewhere with INLEVERPUNT_CONFIG', () => {
    expect(rolloutConfigPath('win32', { INLEVERPUNT_CONFIG: 'E:\\roll-out\\7B.json' })).toBe('E:\\roll-out\\7B.json');
    expect(rolloutConfigPath('linux', { INLEVERPUNT_CONFIG: '/srv/kiosk.json' })).toBe('/srv/kiosk.json');
  });
});
