import { describe, expect, it } from 'vitest';
import { backupFileName, dbNameOf, namedFor, parseBackupFileName } from '../../../src/core/backup/naming';

const KIOSK = '6f1c1d2e-8a7b-4c3d-9e0f-123456789abc';
const OTHER_KIOSK = '0a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

describe('backup file names', () => {
  it('carry the database name, the kiosk id and the UTC time, and read back', () => {
    const owner = { dbName: 'inleverpunt', kioskId: KIOSK };
    const name = backupFileName(owner, new Date('2026-11-24T06:30:05.123Z'));
    expect(name).toBe(`inleverpunt-${KIOSK}-20261124T063005Z.db`);
    expect(parseBackupFileName(name)).toEqual({ name, takenAt: new Date('2026-11-24T06:30:05Z'), owner });
  });

  it('split in one way only, also for a database name with dashes and digits in it', () => {
    const owner = { dbName: `school-a-2026-${OTHER_KIOSK}`, kioskId: KIOSK };
    const name = backupFileName(owner, new Date('2026-11-24T06:30:05Z'));
    expect(parseBackupFileName(name)?.owner).toEqual(owner);
  });

  it('name the database by its file name without .db', () => {
    expect(dbNameOf('/data/inleverpunt.db')).toBe('inleverpunt');
    expect(dbNameOf('/data/A.DB')).toBe('A');
    expect(dbNameOf('/data/school.sqlite')).toBe('school.sqlite');
  });

  it('still recognise the old names, which do not say whose backup they are', () => {
    expect(parseBackupFileName('inleverpunt-20251015T063000Z.db')).toEqual({
      name: 'inleverpunt-20251015T063000Z.db',
      takenAt: new Date('2025-10-15T06:30:00Z'),
      owner: null,
    });
  });

  it('refuse names that are not backups, or whose time does not exist', () => {
    expect(parseBackupFileName('inleverpunt.db')).toBeNull();
    expect(parseBackupFileName('inleverpunt-20261324T063005Z.db')).toBeNull();
    expect(parseBackupFileName(`inleverpunt-${KIOSK}-20260230T063005Z.db`)).toBeNull();
    expect(parseBackupFileName(`inleverpunt-${KIOSK.toUpperCase()}-20261124T063005Z.db`)).toBeNull();
    expect(parseBackupFileName(`inleverpunt-${KIOSK}-20261124T063005Z.db.sha256`)).toBeNull();
    expect(parseBackupFileName(`${KIOSK}-20261124T063005Z.db`)).toBeNull();
  });

  it('belong to one database of one kiosk', () => {
    const file = parseBackupFileName(`a-${KIOSK}-20261124T063005Z.db`)!;
    expect(namedFor(file, { dbName: 'a', kioskId: KIOSK })).toBe(true);
    expect(namedFor(file, { dbName: 'b', kioskId: KIOSK })).toBe(false);
    expect(namedFor(file, { dbName: 'a', kioskId: OTHER_KIOSK })).toBe(false);
    expect(namedFor(parseBackupFileName('inleverpunt-20261124T063005Z.db')!, { dbName: 'inleverpunt', kioskId: KIOSK })).toBe(false);
  });

  it('cannot be made from a kiosk id that is not a UUID (it becomes part of a file name)', () => {
    expect(() => backupFileName({ dbName: 'a', kioskId: '../x' }, new Date())).toThrow();
  });
});
