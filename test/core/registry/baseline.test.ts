import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { schemaVersion } from '../../../src/core/db/migrate';
import { migrations } from '../../../src/core/db/migrations';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { ensureKioskIdentity } from '../../../src/core/kiosk/identity';
import { appendEvent } from '../../../src/core/ledger/append';
import { readEvents } from '../../../src/core/ledger/readModel';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { baselineDue } from '../../../src/core/registry/baseline';
import { checkRegistry } from '../../../src/core/registry/check';
import { tempDir } from '../../support/tempDb';
import { fakeClock, TEST_PIN_COST } from '../support/custodyFixture';

const T = '2025-06-01T08:00:00.000Z';

/** A kiosk of the previous version (schema 4): a registry in tables, and only tags and staff in the ledger. */
function writeVersion4Kiosk(db: Db, kioskId: string): void {
  db.exec(`
    INSERT INTO pupils (pupil_id, external_key, roepnaam, achternaam, jaargroep, groep, created_at)
      VALUES ('pupil-1', 'EXT-1', 'Daan', 'Vries', 7, '7B', '${T}'), ('pupil-2', NULL, 'Lotte', 'Bakker', 7, '7B', '${T}');
    INSERT INTO staff (staff_id, display_name, role, pin_hash, pin_hint, created_at)
      VALUES ('staff-1', 'Beheerder', 'admin', 'scrypt$x', 3, '${T}');
    INSERT INTO locations (location_id, kind, name, created_at) VALUES ('bag-1', 'phone_bag', 'Telefoontas 7B', '${T}');
    INSERT INTO pouches (pouch_id, location_id, number, pupil_id) VALUES ('pouch-1', 'bag-1', 1, 'pupil-1'), ('pouch-2', 'bag-1', 2, NULL);
    INSERT INTO devices (device_id, kind, description, owner_pupil_id, created_at)
      VALUES ('phone-1', 'smartphone', 'iPhone, blauw hoesje', 'pupil-1', '${T}'), ('watch-2', 'smartwatch', '', 'pupil-2', '${T}');
    INSERT INTO tags (tag_id, kind, canonical, raw_input, device_id, created_at) VALUES ('tag-1', 'device_sticker', 'STK-1', 'STK-1', 'phone-1', '${T}');
    INSERT INTO tags (tag_id, kind, canonical, raw_input, device_id, status, created_at, revoked_at)
      VALUES ('tag-old', 'device_sticker', 'STK-0', 'STK-0', 'phone-1', 'revoked', '${T}', '${T}');
    INSERT INTO tags (tag_id, kind, canonical, raw_input, pouch_id, created_at) VALUES ('tag-p1', 'pouch', 'POUCH-1', 'POUCH-1', 'pouch-1', '${T}');
  `);
  // The events that version wrote: staff and tags, without the tag's code.
  const writer = { db, kioskId, now: () => new Date(T) };
  db.transaction(() => {
    appendEvent(writer, { type: 'staff_changed', actor: 'system', details: { change: 'created', staffId: 'staff-1', role: 'admin' }, payload: { displayName: 'Beheerder' } });
    appendEvent(writer, { type: 'tag_assigned', actor: 'system', deviceId: 'phone-1', pupilId: 'pupil-1', details: { tagId: 'tag-1', kind: 'device_sticker' } });
  }).immediate();
}

describe('migration 6 and the registry baseline of an older kiosk', () => {
  let tmp: ReturnType<typeof tempDir>;
  let kioskId: string;
  const clock = fakeClock('2025-09-01T07:00:00.000Z');
  const open = (): Core => openCore({ dbPath: tmp.dbPath, appVersion: 'test', now: clock.now, pinCost: TEST_PIN_COST });
  beforeEach(() => {
    tmp = tempDir();
    const v4 = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, 4) });
    kioskId = ensureKioskIdentity(v4, new Date(T)).kioskId;
    writeVersion4Kiosk(v4, kioskId);
    v4.close();
  });
  afterEach(() => tmp.cleanup());

  it('marks a database that holds a registry; the migration itself appends nothing', () => {
    const db = openDatabase(tmp.dbPath);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(baselineDue(db)).toBe(true);
    expect(readEvents(db, {}).events).toHaveLength(2);
    // Not comparable yet: the check says so instead of reporting every row.
    expect(checkRegistry(db)).toEqual({ status: 'baseline_due' });
    db.close();
  });

  it('records the tables as a baseline at the first start, after the chain verified, and checks from then on', () => {
    const core = open();
    try {
      expect(core.startup).toMatchObject({ problem: null, verify: { ok: true, lastSeq: 2 }, registry: { status: 'ok' } });
      expect(baselineDue(core.db)).toBe(false);
      const baseline = readEvents(core.db, { order: 'oldest-first', afterSeq: 2, limit: 100 }).events;
      // One event per row (2 pupils, 1 bag, 2 pouches, 2 devices, 3 tags + the old one's revocation, 1 staff), all by the system.
      expect(baseline.map((e) => e.type)).toEqual([
        'pupil_registered', 'pupil_registered', 'location_registered', 'pouch_assigned', 'pouch_assigned',
        'device_registered', 'device_registered', 'tag_assigned', 'tag_assigned', 'tag_revoked', 'tag_assigned', 'staff_changed',
      ]);
      expect(baseline.every((e) => e.actor === 'system' && e.details.baseline === true)).toBe(true);
      expect(baseline.find((e) => e.details.tagId === 'tag-1')).toMatchObject({ deviceId: 'phone-1', pupilId: 'pupil-1', details: { canonical: 'STK-1' } });
      // Names and free text are in the erasable payload, never in the chained details.
      const pupil = baseline[0]!;
      expect(pupil).toMatchObject({ pupilId: 'pupil-1', details: { groep: '7B', jaargroep: 7, active: true }, payload: { roepnaam: 'Daan', externalKey: 'EXT-1' } });
      expect(JSON.stringify(baseline.map((e) => e.details))).not.toMatch(/Daan|Vries|Lotte|Bakker|blauw|Telefoontas|Beheerder|EXT-1/);
      expect(JSON.stringify(baseline)).not.toContain('scrypt');
      expect(verifyLedger(core.db)).toMatchObject({ ok: true, lastSeq: 14 });
    } finally {
      core.close();
    }
    // Once: the next start records nothing more, and tampering after the baseline is found.
    const second = open();
    expect(second.startup).toMatchObject({ problem: null, registry: { status: 'ok' } });
    expect(verifyLedger(second.db)).toMatchObject({ lastSeq: 14 });
    second.close();
    const raw = new Database(tmp.dbPath);
    raw.prepare("UPDATE tags SET device_id = 'watch-2' WHERE tag_id = 'tag-1'").run();
    raw.close();
    const third = open();
    expect(third.problem).toBe('REGISTRY_MISMATCH');
    third.close();
  });

  it('records no baseline on a chain that fails its check: that would bury the evidence', () => {
    const raw = new Database(tmp.dbPath);
    raw.exec('DROP TRIGGER ledger_events_no_update');
    raw.prepare("UPDATE ledger_events SET actor = 'someone-else' WHERE seq = 2").run();
    raw.close();
    const core = open();
    try {
      expect(core.startup).toMatchObject({ problem: 'DB_READ_ONLY', registry: null });
      expect(baselineDue(core.db)).toBe(true);
      expect(readEvents(core.db, {}).events).toHaveLength(2);
    } finally {
      core.close();
    }
  });

  it('gives a new, empty database no mark: its registry is recorded from the first pupil on', () => {
    const fresh = tempDir();
    try {
      const core = openCore({ dbPath: fresh.dbPath, appVersion: 'test', now: clock.now, pinCost: TEST_PIN_COST });
      expect(baselineDue(core.db)).toBe(false);
      expect(core.startup.registry).toEqual({ status: 'ok', events: 0 });
      core.close();
    } finally {
      fresh.cleanup();
    }
  });
});
