import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultDbPath } from '../../src/core/paths';

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
