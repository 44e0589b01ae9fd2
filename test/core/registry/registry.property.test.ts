import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/core';
import { readEvents } from '../../../src/core/ledger/readModel';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { checkRegistry } from '../../../src/core/registry/check';
import { readRegistryTables } from '../../../src/core/registry/tables';
import { isAppError } from '../../../src/shared/errors';
import { classFixture, PINS, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';

/** What the office does, over and over, in any order; refusals (a taken pouch, a code in use) are fine. */
type Op =
  | { kind: 'pupil'; groep: string }
  | { kind: 'device'; pupil: number }
  | { kind: 'handDown'; device: number; pupil: number }
  | { kind: 'retire'; device: number }
  | { kind: 'tag'; device: number; code: number }
  | { kind: 'card'; pupil: number; code: number }
  | { kind: 'revoke'; tag: number }
  | { kind: 'move'; tag: number; device: number }
  | { kind: 'newCode'; device: number }
  | { kind: 'enrol'; pupil: number; code: number }
  | { kind: 'pouch'; number: number; pupil: number | null }
  | { kind: 'regroup'; pupil: number; groep: string; active: boolean }
  | { kind: 'rename'; pupil: number; name: number }
  | { kind: 'staffRole'; role: 'teacher' | 'office'; active: boolean }
  | { kind: 'staffPin'; how: 'reset' | 'clearLock' | 'own' }
  | { kind: 'erase'; pick: number };

const n = fc.nat({ max: 20 });
const groep = fc.constantFrom('7A', '7B', '8A');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('pupil'), groep }),
  fc.record({ kind: fc.constant('device'), pupil: n }),
  fc.record({ kind: fc.constant('handDown'), device: n, pupil: n }),
  fc.record({ kind: fc.constant('retire'), device: n }),
  fc.record({ kind: fc.constant('tag'), device: n, code: fc.nat({ max: 6 }) }),
  fc.record({ kind: fc.constant('card'), pupil: n, code: fc.nat({ max: 6 }) }),
  fc.record({ kind: fc.constant('revoke'), tag: n }),
  fc.record({ kind: fc.constant('move'), tag: n, device: n }),
  fc.record({ kind: fc.constant('newCode'), device: n }),
  fc.record({ kind: fc.constant('enrol'), pupil: n, code: fc.nat({ max: 6 }) }),
  fc.record({ kind: fc.constant('pouch'), number: fc.integer({ min: 1, max: 5 }), pupil: fc.option(n, { nil: null }) }),
  fc.record({ kind: fc.constant('regroup'), pupil: n, groep, active: fc.boolean() }),
  fc.record({ kind: fc.constant('rename'), pupil: n, name: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('staffRole'), role: fc.constantFrom('teacher', 'office'), active: fc.boolean() }),
  fc.record({ kind: fc.constant('staffPin'), how: fc.constantFrom('reset', 'clearLock', 'own') }),
  fc.record({ kind: fc.constant('erase'), pick: n }),
) as fc.Arbitrary<Op>;

const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

function apply(f: ClassFixture, o: Op): void {
  const { s, office, admin, witness } = f;
  const ids = (sql: string) => f.core.db.prepare(sql).pluck().all() as string[];
  const pupils = ids('SELECT pupil_id FROM pupils ORDER BY rowid');
  const devices = ids('SELECT device_id FROM devices ORDER BY rowid');
  const pupil = (i: number) => pick(pupils, i)!;
  switch (o.kind) {
    case 'pupil':
      s.createPupil({ roepnaam: 'Nieuw', achternaam: 'Kind', groep: o.groep }, office.staffId);
      return;
    case 'device':
      s.createDevice({ ownerPupilId: pupil(o.pupil), kind: 'smartwatch', description: o.pupil % 2 ? 'horloge' : '' }, office.staffId);
      return;
    case 'handDown':
      s.changeDevice(pick(devices, o.device)!, { ownerPupilId: pupil(o.pupil) }, office.staffId);
      return;
    case 'retire':
      s.changeDevice(pick(devices, o.device)!, { active: false }, office.staffId);
      return;
    case 'tag':
      s.assignTag({ kind: 'device_sticker', raw: `TAG-${o.code}`, deviceId: pick(devices, o.device)! }, office.staffId);
      return;
    case 'card':
      s.assignTag({ kind: 'pupil_card', raw: `CARD-${o.code}`, pupilId: pupil(o.pupil) }, office.staffId);
      return;
    case 'revoke': {
      const tag = pick(ids("SELECT tag_id FROM tags WHERE status = 'active' ORDER BY rowid"), o.tag);
      if (tag) s.revokeTag(tag, office.staffId, 'kwijt');
      return;
    }
    case 'move': {
      const tag = pick(ids("SELECT tag_id FROM tags WHERE status = 'active' AND kind = 'device_sticker' ORDER BY rowid"), o.tag);
      if (tag) s.moveTag({ tagId: tag, toDeviceId: pick(devices, o.device)!, reason: 'verkeerd apparaat' }, office.staffId);
      return;
    }
    case 'newCode':
      s.attachDeviceTag({ deviceId: pick(devices, o.device)!, source: { kind: 'newCode' } }, office.staffId);
      return;
    case 'enrol':
      s.enrolAtDoor({ code: `NEW-${o.code}`, pupilId: pupil(o.pupil), kind: 'smartphone', description: 'aan de deur', actor: f.teacher.staffId });
      return;
    case 'pouch':
      s.assignPouch({ locationId: f.bag.locationId, number: o.number, pupilId: o.pupil === null ? null : pupil(o.pupil) }, office.staffId);
      return;
    case 'regroup':
      s.changePupil(pupil(o.pupil), { groep: o.groep, active: o.active }, office.staffId);
      return;
    case 'rename': {
      const names = [['Daan', 'de', 'Vries'], ['Zoë', '', 'Çelik'], ['Sem', "van 't", 'Hof'], ['Noor', '', '']][o.name]!;
      s.changePupil(pupil(o.pupil), { names: { roepnaam: names[0]!, voorvoegsel: names[1]!, achternaam: names[2]! } }, office.staffId);
      return;
    }
    case 'staffRole':
      s.changeStaff(witness.staffId, { role: o.role, active: o.active }, admin.staffId);
      return;
    case 'staffPin':
      // PIN events state the account's role and activity like any staff change, and no PIN.
      if (o.how === 'reset') s.resetStaffPin(witness.staffId, '13572468', office.staffId);
      else if (o.how === 'clearLock') s.clearStaffLock(witness.staffId, office.staffId);
      else s.changeOwnPin({ staffId: office.staffId, currentPin: PINS.office, newPin: PINS.office });
      return;
    case 'erase': {
      const registrations = readEvents(f.core.db, { types: ['pupil_registered', 'pupil_changed', 'device_registered', 'staff_changed', 'tag_revoked', 'tag_assigned'], limit: 1000 }).events;
      const seq = pick(registrations, o.pick)?.seq;
      if (seq !== undefined) s.redactPayloads({ seqs: [seq], reason: 'request', actor: office.staffId });
      return;
    }
  }
}

function run(f: ClassFixture, ops: Op[]): void {
  for (const o of ops) {
    try {
      apply(f, o);
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
}

/** One field of one registry row changed with SQL, as someone with the sqlite3 shell would. */
const tampering = fc.constantFrom(
  "UPDATE tags SET device_id = (SELECT device_id FROM devices ORDER BY rowid DESC LIMIT 1) WHERE rowid = (SELECT min(rowid) FROM tags WHERE kind = 'device_sticker')",
  "UPDATE devices SET owner_pupil_id = (SELECT pupil_id FROM pupils ORDER BY rowid DESC LIMIT 1) WHERE rowid = 1",
  "UPDATE tags SET status = 'revoked', revoked_at = 't' WHERE rowid = 1",
  "UPDATE pouches SET pupil_id = NULL WHERE rowid = 1",
  "UPDATE pupils SET groep = 'X9' WHERE rowid = 1",
  "UPDATE staff SET role = 'admin' WHERE display_name = 'Juf Anna'",
);

const snapshot = (db: Database.Database): string =>
  JSON.stringify(Object.entries(readRegistryTables(db)).map(([entity, rows]) => [entity, [...(rows as Map<string, unknown>)]]));

describe('the registry', () => {
  it('always matches a replay of the ledger, whatever the office registers, changes, revokes or erases', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const f = classFixture({ size: 2 });
        try {
          run(f, ops);
          expect(checkRegistry(f.core.db)).toMatchObject({ status: 'ok' });
          expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
        } finally {
          f.close();
        }
      }),
      { numRuns: process.env.CI ? 100 : 30 },
    );
  });

  it('finds any such change made outside the kiosk at the next start', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 15 }), tampering, (ops, sql) => {
        const f = classFixture({ size: 2 });
        try {
          run(f, ops);
          f.core.close();
          const raw = new Database(f.dbPath);
          const before = snapshot(raw);
          raw.prepare(sql).run();
          const changed = snapshot(raw) !== before;
          raw.close();
          const core = openCore({ dbPath: f.dbPath, appVersion: 'test', now: f.clock.now, pinCost: TEST_PIN_COST });
          try {
            // A statement that set a value the row already had (or matched no row) changed nothing to find.
            expect(core.problem).toBe(changed ? 'REGISTRY_MISMATCH' : null);
          } finally {
            core.close();
          }
        } finally {
          f.close();
        }
      }),
      { numRuns: process.env.CI ? 60 : 20 },
    );
  });
});
