import Database from 'better-sqlite3';
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/core/db/migrations';
import { openDatabase } from '../../../src/core/db/open';
import { ensureKioskIdentity } from '../../../src/core/kiosk/identity';
import { recordCheckpoint } from '../../../src/core/ledger/checkpoint';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { writeVersion3Chain } from '../db/support/version3Ledger';
import { classFixture, PINS } from '../support/custodyFixture';

/**
 * Tampering with a stored ledger, the way someone with the file and a SQLite tool could: the
 * protective triggers are dropped first. Whatever single thing is changed, verify must notice and
 * name the seq where it happened. The chain begins with events written by the version-3 app
 * (encoding 1, unsalted payloads) and goes on with version-2 events, so both encodings are tried.
 */
const EVENT_COLUMNS = [
  'seq', 'event_id', 'kiosk_id', 'occurred_at', 'type', 'actor', 'custodian', 'device_id', 'pupil_id',
  'location_id', 'pouch_id', 'voids_seq', 'details', 'payload_hash', 'prev_hash', 'hash', 'encoding',
] as const;

let dir: string;
let base: string;
let eventCount: number;
let payloadSeqs: number[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inleverpunt-tamper-'));
  base = join(dir, 'base.db');
  const v3 = openDatabase(base, { migrations: migrations.slice(0, 3) });
  writeVersion3Chain(v3, ensureKioskIdentity(v3).kioskId);
  v3.close();
  const f = classFixture({ size: 3, dbPath: base });
  const [a, b, c] = f.phones.map((p) => p.deviceId) as [string, string, string];
  const t = f.teacher.staffId;
  f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
  f.s.scan({ code: 'POUCH-2', mode: 'hand-in', actor: 'pupil' });
  f.s.noteCondition({ deviceId: a, actor: 'pupil', marks: ['screen_cracked'], note: 'barstje linksboven' });
  const wrong = f.s.handIn({ deviceId: c, actor: t });
  f.s.correct({ seq: wrong.event.seq, reason: 'verkeerd toestel', actor: t });
  f.s.confiscate({ deviceId: b, actor: t, reason: 'filmen in de klas', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness });
  f.clock.advance(3_600_000);
  f.s.transfer({ deviceId: b, actor: t, to: { locationId: f.safe.locationId }, note: 'naar de kluis' });
  f.s.releaseToGuardian({ deviceId: b, actor: f.office.staffId, guardianName: 'Mw. de Groot' });
  const note = f.s.noteCondition({ deviceId: c, actor: 'pupil', marks: [], note: 'hoesje kapot' });
  f.s.redactPayloads({ seqs: [note.event.seq], reason: 'request', actor: f.admin.staffId });
  f.s.returnDevice({ deviceId: a, actor: t });
  f.s.loginStaff({ staffId: t, pin: PINS.teacher });
  expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
  expect(f.core.db.prepare('SELECT encoding, count(*) > 0 AS some FROM ledger_events GROUP BY encoding').all()).toEqual([
    { encoding: 1, some: 1 },
    { encoding: 2, some: 1 },
  ]);
  eventCount = (f.core.db.prepare('SELECT count(*) AS n FROM ledger_events').get() as { n: number }).n;
  payloadSeqs = (f.core.db.prepare('SELECT seq FROM ledger_payloads WHERE body IS NOT NULL').all() as { seq: number }[]).map((r) => r.seq);
  // As the next start-up check leaves it: a checkpoint at the newest event, which is what vouches
  // for the end of the chain (see migration 008).
  recordCheckpoint(f.core.db, verifyLedger(f.core.db), f.clock.now());
  f.core.close(); // checkpoints the WAL into the file we copy
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let copies = 0;
function tamperedCopy(): Database.Database {
  const path = join(dir, `copy-${copies++}.db`);
  copyFileSync(base, path);
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) {
    db.exec(`DROP TRIGGER "${name}"`);
  }
  return db;
}

function flipByte(value: unknown, position: number, xor: number): unknown {
  if (typeof value === 'number') return value ^ (xor << (8 * (position % 2)));
  const bytes = Buffer.from(value as string | Buffer);
  const i = position % bytes.length;
  bytes[i] = (bytes[i] as number) ^ xor;
  return bytes;
}

describe('verify catches tampering', () => {
  it('any single changed byte in any column of any event, located at that event', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...EVENT_COLUMNS),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (pick, column, position, xor) => {
          const seq = (pick % eventCount) + 1;
          const db = tamperedCopy();
          try {
            const value = (db.prepare(`SELECT ${column} AS v FROM ledger_events WHERE seq = ?`).get(seq) as { v: unknown }).v;
            if (value === null || value === '') return; // no byte to change (NULL → value is tested below)
            const changed = flipByte(value, position, xor);
            const asText = typeof value === 'string' ? 'CAST(? AS TEXT)' : '?';
            try {
              db.prepare(`UPDATE ledger_events SET ${column} = ${asText} WHERE seq = ?`).run(changed, seq);
            } catch {
              return; // a constraint refused this change on its own (unique seq, CHECK): nothing to detect
            }
            expect(verifyLedger(db)).toMatchObject({ ok: false, firstBadSeq: seq });
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: process.env.CI ? 400 : 150 },
    );
  });

  it('any single changed byte in a payload text or its salt, located at its event', () => {
    fc.assert(
      fc.property(fc.nat(), fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 255 }), (pick, inSalt, position, xor) => {
        const seq = payloadSeqs[pick % payloadSeqs.length]!;
        const db = tamperedCopy();
        try {
          const { body, salt } = db.prepare('SELECT body, salt FROM ledger_payloads WHERE seq = ?').get(seq) as { body: string; salt: Buffer | null };
          if (inSalt && salt !== null) {
            db.prepare('UPDATE ledger_payloads SET salt = ? WHERE seq = ?').run(flipByte(salt, position, xor), seq);
          } else {
            db.prepare('UPDATE ledger_payloads SET body = CAST(? AS TEXT) WHERE seq = ?').run(flipByte(body, position, xor), seq);
          }
          expect(verifyLedger(db)).toMatchObject({ ok: false, firstBadSeq: seq, problem: 'payload_hash_mismatch' });
        } finally {
          db.close();
        }
      }),
      { numRuns: process.env.CI ? 100 : 40 },
    );
  });

  it('a value put into an empty (NULL) column', () => {
    const db = tamperedCopy();
    try {
      const seq = (db.prepare('SELECT min(seq) AS s FROM ledger_events WHERE location_id IS NULL').get() as { s: number }).s;
      db.prepare("UPDATE ledger_events SET location_id = 'somewhere' WHERE seq = ?").run(seq);
      expect(verifyLedger(db)).toMatchObject({ ok: false, firstBadSeq: seq, problem: 'hash_mismatch' });
    } finally {
      db.close();
    }
  });

  it('a deleted event, including the newest one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (pick) => {
        const seq = (pick % eventCount) + 1;
        const db = tamperedCopy();
        try {
          db.prepare('DELETE FROM ledger_events WHERE seq = ?').run(seq);
          const result = verifyLedger(db);
          expect(result).toMatchObject({ ok: false, firstBadSeq: seq });
          expect(['gap', 'truncated']).toContain((result as { problem: string }).problem);
        } finally {
          db.close();
        }
      }),
      { numRuns: process.env.CI ? 100 : 30 },
    );
  });

  it('two swapped events, located at the earlier one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (x, y) => {
        const k = (x % eventCount) + 1;
        const m = (y % eventCount) + 1;
        if (k === m) return;
        const [lo, hi] = k < m ? [k, m] : [m, k];
        const db = tamperedCopy();
        try {
          const cols = EVENT_COLUMNS.filter((c) => c !== 'seq');
          const read = db.prepare(`SELECT ${cols.join(', ')} FROM ledger_events WHERE seq = ?`).raw(true);
          const a = read.get(lo) as unknown[];
          const b = read.get(hi) as unknown[];
          const write = db.prepare(`INSERT INTO ledger_events (seq, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`);
          try {
            db.transaction(() => {
              db.prepare('DELETE FROM ledger_events WHERE seq IN (?, ?)').run(lo, hi);
              write.run(lo, ...b);
              write.run(hi, ...a);
            })();
          } catch {
            return; // the schema itself refuses this swap (a correction before the event it voids)
          }
          expect(verifyLedger(db)).toMatchObject({ ok: false, firstBadSeq: lo, problem: 'reorder' });
        } finally {
          db.close();
        }
      }),
      { numRuns: process.env.CI ? 100 : 30 },
    );
  });
});
