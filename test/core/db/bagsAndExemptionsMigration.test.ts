import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/core/db/migrations';
import { openDatabase } from '../../../src/core/db/open';
import { tempDir } from '../../support/tempDb';

describe('migration 13: phone bags per group, retired pouches, exemptions', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  const before = migrations.findIndex((m) => m.name === 'phone bags per group, retired pouches, exemptions');

  it('keeps the bags and pouches of the version before: no group yet, every pouch in use', () => {
    const old = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, before) });
    old.prepare("INSERT INTO locations (location_id, kind, name, created_at) VALUES ('L1', 'phone_bag', 'Tas', '2025-01-01')").run();
    old.prepare("INSERT INTO pouches (pouch_id, location_id, number) VALUES ('P1', 'L1', 7)").run();
    old.close();
    const db = openDatabase(tmp.dbPath);
    try {
      expect(db.prepare('SELECT groep FROM locations').get()).toEqual({ groep: null });
      expect(db.prepare('SELECT number, active FROM pouches').get()).toEqual({ number: 7, active: 1 });
      expect(db.prepare('SELECT count(*) AS n FROM exemptions').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('refuses an exemption with an unknown category or that ends before it starts', () => {
    const db = openDatabase(tmp.dbPath);
    try {
      db.prepare("INSERT INTO pupils (pupil_id, roepnaam, achternaam, created_at) VALUES ('U1', 'A', 'B', 'x')").run();
      db.prepare("INSERT INTO staff (staff_id, display_name, role, pin_hash, created_at) VALUES ('S1', 'C', 'office', 'h', 'x')").run();
      const insert = db.prepare(
        "INSERT INTO exemptions (exemption_id, pupil_id, reason, valid_from, valid_until, agreed_by, created_at) VALUES (?, 'U1', ?, ?, ?, 'S1', 'x')",
      );
      expect(() => insert.run('E1', 'medisch', '2025-09-01', '2025-09-05')).not.toThrow();
      expect(() => insert.run('E2', 'diabetes', '2025-09-01', '2025-09-05')).toThrow(/CHECK/);
      expect(() => insert.run('E3', 'overig', '2025-09-05', '2025-09-01')).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
