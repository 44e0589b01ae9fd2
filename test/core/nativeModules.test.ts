import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';

// better-sqlite3 13 and node-hid 3 are N-API modules with prebuilt binaries: the same file
// loads in Node and in Electron, so the app never rebuilds them. If these fail, so would the app.
describe('native modules', () => {
  it('better-sqlite3 loads and runs SQLite with WAL support', () => {
    const db = new Database(':memory:');
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toMatchObject({ v: expect.stringMatching(/^3\./) });
    db.close();
  });
  it('node-hid loads and can list devices (an empty list on a build server)', async () => {
    const hid = await import('node-hid');
    expect(Array.isArray(await hid.devicesAsync())).toBe(true);
  });
});
