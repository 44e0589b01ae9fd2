import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { DEMO_PINS, seedDemoSchool, type DemoSchool } from '../../../src/core/demo/seed';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { checkRegistry } from '../../../src/core/registry/check';
import { tempDir } from '../../support/tempDb';
import { TEST_PIN_COST, codeOf, errorOf } from '../support/custodyFixture';

const NOW = new Date('2025-10-15T10:00:00.000Z');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function seeded(options: { seed?: number; history?: boolean } = {}): { core: Core; school: DemoSchool } {
  const tmp = tempDir();
  const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test', now: () => NOW, pinCost: TEST_PIN_COST });
  cleanups.push(() => (core.close(), tmp.cleanup()));
  return { core, school: seedDemoSchool(core, { now: NOW, ...options }) };
}

const eventTypes = (core: Core): string[] =>
  core.db.prepare('SELECT type FROM ledger_events ORDER BY seq').pluck().all() as string[];

describe('the demo school', () => {
  it('comes out the same for the same seed: names, codes and history', () => {
    const a = seeded();
    const b = seeded();
    const shape = (s: DemoSchool) => ({
      pupils: s.pupils.map((p) => [p.name, p.groep, p.pouchNumber, p.deviceIds.length]),
      devices: s.devices.map((d) => [d.kind, d.description, d.pupilName]),
      tags: s.tags.map((t) => [t.code, t.kind, t.revoked, t.pupilName]),
      history: s.history,
    });
    expect(shape(a.school)).toEqual(shape(b.school));
    expect(eventTypes(a.core)).toEqual(eventTypes(b.core));
  });

  it('registers its school through the ledger: the registry matches a replay of it, with and without history', () => {
    for (const history of [true, false]) {
      const { core } = seeded({ history });
      expect(checkRegistry(core.db)).toMatchObject({ status: 'ok' });
      expect(eventTypes(core)).toEqual(expect.arrayContaining(['pupil_registered', 'device_registered', 'location_registered', 'pouch_assigned']));
    }
  });

  it('differs for another seed', () => {
    expect(seeded({ seed: 1 }).school.tags.map((t) => t.code)).not.toEqual(seeded({ seed: 2 }).school.tags.map((t) => t.code));
  });

  it('has two groups of about 50 pupils with pouches, phones, some watches, and every kind of tag', () => {
    const { school } = seeded({ history: false });
    expect(school.groups.map((g) => [g.groep, g.jaargroep])).toEqual([['7A', 7], ['8B', 8]]);
    expect(school.pupils).toHaveLength(50);
    expect(school.pupils.find((p) => p.voorvoegsel !== '')).toBeDefined();
    expect(school.devices.filter((d) => d.kind === 'smartphone').length).toBeGreaterThan(40);
    expect(school.pupils.filter((p) => p.deviceIds.length > 1).length).toBeGreaterThanOrEqual(2);
    expect(new Set(school.tags.map((t) => t.kind))).toEqual(new Set(['pouch', 'device_sticker', 'nfc', 'pupil_card']));
    expect(school.tags.filter((t) => t.revoked)).toHaveLength(1);
    expect(new Set(school.tags.map((t) => t.code)).size).toBe(school.tags.length);
    for (const nfc of school.tags.filter((t) => t.kind === 'nfc')) expect(nfc.code).toMatch(/^04[0-9A-F]{12}$/);
  });

  it('gives the staff the documented PINs, and they unlock the kiosk', () => {
    const { core, school } = seeded({ history: false });
    for (const [key, pin] of Object.entries(DEMO_PINS)) {
      const { staffId } = school.staff[key as keyof typeof DEMO_PINS];
      expect(core.services.loginStaff({ staffId, pin }).staffId).toBe(staffId);
    }
    expect(school.staff.teacher7A.displayName).toBe('Juf Anna');
    expect(school.staff.teacher8B.displayName).toBe('Meester Bram');
  });

  it("'s tags scan as the kiosk expects: a sticker hands in, a revoked one is refused, a card of two devices asks", () => {
    const { core, school } = seeded({ history: false });
    const scan = (code: string) => core.services.scan({ code, mode: 'hand-in', actor: 'pupil' });
    const sticker = school.tags.find((t) => t.kind === 'device_sticker' && !t.revoked)!;
    expect(scan(sticker.code).device.deviceId).toBe(sticker.deviceId);
    expect(codeOf(() => scan(school.tags.find((t) => t.revoked)!.code))).toBe('TAG_REVOKED');
    const twoDevices = school.pupils.find((p) => p.deviceIds.length > 1)!;
    const card = school.tags.find((t) => t.kind === 'pupil_card' && t.pupilId === twoDevices.pupilId)!;
    expect(errorOf(() => scan(card.code)).code).toBe('CHOOSE_DEVICE');
    const nfc = school.tags.find((t) => t.kind === 'nfc')!;
    expect(scan(nfc.code).device.deviceId).toBe(nfc.deviceId);
  });

  it('writes two weeks of school days that verify and hold every kind of custody event', () => {
    const { core, school } = seeded();
    expect(verifyLedger(core.db).ok).toBe(true);
    expect(school.history?.schoolDays).toHaveLength(10);
    const types = new Set(eventTypes(core));
    for (const type of ['handed_in', 'returned', 'transferred', 'confiscated', 'released_to_guardian', 'condition_noted', 'incident_reported', 'corrected', 'tag_revoked']) {
      expect(types, type).toContain(type);
    }
    // Everything went home: the demo starts a fresh day with nothing held.
    expect(core.services.listCustody()).toEqual([]);
  });

  it('dates hand-ins around 08:15 and returns in the afternoon, Dutch time, all before now', () => {
    const { core } = seeded();
    const hours = (type: string) =>
      (core.db.prepare('SELECT occurred_at FROM ledger_events WHERE type = ?').pluck().all(type) as string[]).map((iso) =>
        Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso))),
      );
    expect(new Set(hours('handed_in').filter((h) => h !== 8 && h !== 9)).size).toBe(0);
    expect(hours('returned').every((h) => h >= 11 && h <= 15)).toBe(true);
    const last = core.db.prepare('SELECT max(occurred_at) FROM ledger_events').pluck().get() as string;
    expect(Date.parse(last)).toBeLessThan(NOW.getTime());
  });
});
