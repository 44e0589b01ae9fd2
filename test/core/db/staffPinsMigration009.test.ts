import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { migrations } from '../../../src/core/db/migrations';
import { tempDir } from '../../support/tempDb';

const BEFORE = migrations.findIndex((m) => m.name === 'staff PINs per account');

describe('migration 9: staff PINs per account', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('drops the PIN hint and the kiosk-wide counter, and keeps each account, its PIN hash and its count', () => {
    const old = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, BEFORE) });
    old
      .prepare(
        `INSERT INTO staff (staff_id, display_name, role, pin_hash, pin_hint, failed_attempts, created_at)
         VALUES ('s1', 'Juf Anna', 'teacher', 'scrypt$x', 7, 2, '2025-09-01T07:00:00.000Z')`,
      )
      .run();
    old.close();
    const db = openDatabase(tmp.dbPath);
    try {
      const columns = db.prepare("SELECT name FROM pragma_table_info('staff')").pluck().all();
      expect(columns).not.toContain('pin_hint');
      expect(columns).toContain('failed_since');
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('pin_guard', 'staff_by_pin_hint')").all()).toEqual([]);
      expect(db.prepare('SELECT staff_id, pin_hash, failed_attempts FROM staff').all()).toEqual([
        { staff_id: 's1', pin_hash: 'scrypt$x', failed_attempts: 2 },
      ]);
    } finally {
      db.close();
    }
  });
});
