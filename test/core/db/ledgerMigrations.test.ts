import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { schemaVersion } from '../../../src/core/db/migrate';
import { migrations } from '../../../src/core/db/migrations';
import { ensureKioskIdentity } from '../../../src/core/kiosk/identity';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { tempDir } from '../../support/tempDb';

describe('the custody migrations', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('upgrade a version-1 kiosk database, keeping its identity, to an empty ledger that verifies', () => {
    const v1 = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, 1) });
    const identity = ensureKioskIdentity(v1);
    v1.close();
    const db = openDatabase(tmp.dbPath);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(ensureKioskIdentity(db).kioskId).toBe(identity.kioskId);
    expect(verifyLedger(db)).toMatchObject({ ok: true, lastSeq: 0 });
    db.close();
  });

  it('apply each step on its own too (2 after 1, 3 after 2)', () => {
    for (let n = 1; n <= migrations.length; n++) {
      const db = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, n) });
      expect(schemaVersion(db)).toBe(n);
      db.close();
    }
  });
});
