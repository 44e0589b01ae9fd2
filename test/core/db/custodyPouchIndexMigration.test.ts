import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { migrations } from '../../../src/core/db/migrations';
import { tempDir } from '../../support/tempDb';
import { classFixture } from '../support/custodyFixture';

describe('migration 7: custody without the pouch index', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  const indexes = (path: string, upTo?: number) => {
    const db = openDatabase(path, upTo === undefined ? {} : { migrations: migrations.slice(0, upTo) });
    try {
      return db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'custody'").pluck().all();
    } finally {
      db.close();
    }
  };

  it('drops the index that every scan paid for, and keeps the custody rows', () => {
    expect(indexes(tmp.dbPath, 6)).toContain('custody_by_pouch');
    expect(indexes(tmp.dbPath)).not.toContain('custody_by_pouch');
  });

  it('a return by pouch tag still finds the device held in that pouch', () => {
    const f = classFixture({ size: 2, dbPath: tmp.dbPath });
    try {
      f.s.scan({ code: 'POUCH-1', mode: 'hand-in', actor: 'pupil' });
      f.clock.advance(3 * 60_000);
      const back = f.s.scan({ code: 'POUCH-1', mode: 'return', actor: 'pupil' });
      expect(back.event).toMatchObject({ type: 'returned', deviceId: f.phones[0]!.deviceId });
    } finally {
      f.core.close();
    }
  });
});
