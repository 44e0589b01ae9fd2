import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/core';
import { classFixture, codeOf, PINS, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';

describe('a kiosk whose ledger fails its start-up check', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 1 });
    f.s.handIn({ deviceId: f.phones[0]!.deviceId, actor: 'pupil' });
  });
  afterEach(() => f.close());

  function tamperAndReopen() {
    f.core.close();
    const raw = new Database(f.dbPath);
    raw.exec('DROP TRIGGER ledger_events_no_update');
    raw.prepare("UPDATE ledger_events SET actor = 'someone-else' WHERE seq = (SELECT max(seq) FROM ledger_events)").run();
    raw.close();
    return openCore({ dbPath: f.dbPath, appVersion: 'test', now: f.clock.now, pinCost: TEST_PIN_COST });
  }

  it('starts with a clean check, and checks a kiosk-sized chain in full at every start, checkpoint or not', () => {
    expect(f.core.startup).toMatchObject({ problem: null, quickCheck: 'ok', verify: { ok: true } });
    f.core.close();
    const open = () => openCore({ dbPath: f.dbPath, appVersion: 'test', now: f.clock.now, pinCost: TEST_PIN_COST });
    const whole = (core: ReturnType<typeof open>) => {
      const v = core.startup.verify as { ok: boolean; checked: number; lastSeq: number };
      expect(v.ok).toBe(true);
      expect(v.checked).toBe(v.lastSeq);
      return v.lastSeq;
    };
    const second = open();
    const before = whole(second);
    second.services.returnDevice({ deviceId: f.phones[0]!.deviceId, actor: f.teacher.staffId });
    second.close();
    const third = open();
    expect(whole(third)).toBe(before + 1);
    third.close();
  });

  it('refuses every write with DB_READ_ONLY but still lets staff log in and look', () => {
    const core = tamperAndReopen();
    try {
      expect(core.problem).toBe('DB_READ_ONLY');
      expect(core.startup.verify).toMatchObject({ ok: false, problem: 'hash_mismatch' });
      const s = core.services;
      const device = f.phones[0]!.deviceId;
      expect(codeOf(() => s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' }))).toBe('DB_READ_ONLY');
      expect(codeOf(() => s.returnDevice({ deviceId: device, actor: f.teacher.staffId }))).toBe('DB_READ_ONLY');
      expect(codeOf(() => s.noteCondition({ deviceId: device, actor: 'pupil', marks: ['other'] }))).toBe('DB_READ_ONLY');
      expect(codeOf(() => s.correct({ seq: 1, reason: 'x', actor: f.teacher.staffId }))).toBe('DB_READ_ONLY');
      expect(
        codeOf(() =>
          s.confiscate({ deviceId: device, actor: f.teacher.staffId, reason: 'x', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness }),
        ),
      ).toBe('DB_READ_ONLY');
      expect(codeOf(() => s.createPupil({ roepnaam: 'A', achternaam: 'B' }, 'system'))).toBe('DB_READ_ONLY');
      const before = (core.db.prepare('SELECT count(*) AS n FROM ledger_events').get() as { n: number }).n;
      expect(s.loginStaff({ staffId: f.teacher.staffId, pin: PINS.teacher }).staffId).toBe(f.teacher.staffId);
      expect(s.listCustody()).toHaveLength(1);
      expect((core.db.prepare('SELECT count(*) AS n FROM ledger_events').get() as { n: number }).n).toBe(before);
      // Wrong PINs still count while nothing else may be written: read-only gives no free guesses.
      for (let i = 0; i < 4; i++) expect(codeOf(() => s.verifyPin(f.witness.staffId, '0000'))).toBe('PIN_WRONG');
      expect(codeOf(() => s.verifyPin(f.witness.staffId, '0000'))).toBe('PIN_LOCKED');
    } finally {
      core.close();
    }
  });

  it('a damaged database file is reported as DB_CORRUPT by quick_check', () => {
    f.core.close();
    const raw = new Database(f.dbPath);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const page = (raw.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'tags_active_canonical'").get() as { rootpage: number }).rootpage;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    // Scribble over an index page: the file still opens, but its structure is broken.
    const fd = openSync(f.dbPath, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);
    let problem: string | null | undefined;
    try {
      const core = openCore({ dbPath: f.dbPath, appVersion: 'test', now: f.clock.now, pinCost: TEST_PIN_COST });
      problem = core.problem;
      core.close();
    } catch (e) {
      problem = (e as { code?: string }).code;
    }
    expect(problem).toBe('DB_CORRUPT');
  });
});
