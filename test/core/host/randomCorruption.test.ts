import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskOrigin } from '../../../src/core/evidence/checkpoint';
import { startCore } from '../../../src/core/host/start';
import { kioskNoteVerifier } from '../../../src/core/kiosk/signer';
import { checkStoredCheckpoints } from '../../../src/core/ledger/checkpoint';
import { checkSignedCheckpoints } from '../../../src/core/ledger/signedCheckpoints';
import { verifyAllChains } from '../../../src/core/ledger/verify';
import { checkRegistry } from '../../../src/core/registry/check';
import { tempDir } from '../../support/tempDb';
import { classFixture } from '../support/custodyFixture';

/** mulberry32: the same 200 corruptions on every run, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Everything that can find damage, run apart from the start: SQLite's integrity_check, every chain, the checkpoints (stored and signed), the registry. */
function foundByAnyCheck(path: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') return true;
    if (!verifyAllChains(db).ok) return true;
    if (checkStoredCheckpoints(db).findings.length > 0) return true;
    const kioskId = db.prepare('SELECT kiosk_id FROM kiosk').pluck().get() as string;
    if (checkSignedCheckpoints(db, kioskId, kioskOrigin(kioskId), kioskNoteVerifier(db)).findings.length > 0) return true;
    return checkRegistry(db).status === 'mismatch';
  } catch {
    return true;
  } finally {
    db?.close();
  }
}

describe('a kiosk database with random damage', () => {
  const tmp = tempDir();
  const pristine = join(tmp.dir, 'pristine.db');
  beforeAll(() => {
    const f = classFixture({ size: 6, dbPath: pristine });
    for (let round = 0; round < 4; round++) {
      for (let n = 1; n <= 6; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
      f.clock.advance(6 * 3600_000);
      for (let n = 1; n <= 6; n++) f.s.scan({ code: `STK-${n}`, mode: 'return', actor: 'pupil' });
      f.clock.advance(18 * 3600_000);
    }
    f.s.signCheckpoint('day_closed');
    f.core.db.pragma('wal_checkpoint(TRUNCATE)');
    // A start records the unsigned checkpoint at the head, as every morning does.
    f.reopen().core.close();
  });
  afterAll(() => tmp.cleanup());

  it('never starts writable when any check can find the damage (200 random 16-byte corruptions)', () => {
    const bytes = readFileSync(pristine);
    const random = seeded(20261202);
    const silent: number[] = [];
    let found = 0;
    for (let i = 0; i < 200; i++) {
      const path = join(tmp.dir, `damaged-${i}.db`);
      const damaged = Buffer.from(bytes);
      const at = Math.floor(random() * (damaged.length - 16));
      for (let b = 0; b < 16; b++) damaged[at + b] = Math.floor(random() * 256);
      writeFileSync(path, damaged);
      const detectable = foundByAnyCheck(path);
      if (detectable) found++;
      const state = startCore({ dbPath: path, appVersion: 'test' }, { firstStart: false });
      const writable = state.kind === 'open' && state.core.problem === null;
      if (state.kind === 'open') state.core.close();
      if (detectable && writable) silent.push(at);
      for (const suffix of ['', '-wal', '-shm', '.kiosk']) rmSync(path + suffix, { force: true });
    }
    expect(silent, 'offsets of damage a check finds but the start let pass').toEqual([]);
    // The sample is not all harmless (about a quarter lands in bytes in use; the rest in free space).
    expect(found).toBeGreaterThan(20);
  });

  it('the untouched copy starts writable (the test above is not refusing everything)', () => {
    const path = join(tmp.dir, 'copy.db');
    copyFileSync(pristine, path);
    const state = startCore({ dbPath: path, appVersion: 'test' }, { firstStart: false });
    expect(state.kind === 'open' && state.core.problem).toBeNull();
    if (state.kind === 'open') state.core.close();
  });
});
