import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRegistry } from '../../../src/core/registry/check';
import { readEvents } from '../../../src/core/ledger/readModel';
import { classFixture, codeOf, type ClassFixture } from '../support/custodyFixture';

/** Group 5A: four pupils whose class-list order is not the order they were registered in. */
const names = [
  { roepnaam: 'Sem', voorvoegsel: 'van', achternaam: 'Dijk' },
  { roepnaam: 'Anna', voorvoegsel: '', achternaam: 'Bakker' },
  { roepnaam: 'Zoë', voorvoegsel: "'t", achternaam: 'Hart' },
  { roepnaam: 'Ali', voorvoegsel: '', achternaam: 'Çelik' },
];

describe("a group's phone bag with numbered pouches", () => {
  let f: ClassFixture;
  let pupilIds: string[];
  beforeEach(() => {
    f = classFixture({ size: 1 });
    pupilIds = names.map(
      (n, i) => f.s.createPupil({ ...n, groep: '5A', jaargroep: 5, externalKey: `5A-${i}` }, f.office.staffId).pupilId,
    );
  });
  afterEach(() => f.close());

  const who = (bag: ReturnType<ClassFixture['s']['getBag']>) =>
    bag.pouches.filter((p) => p.pupil).map((p) => `${p.number}:${p.pupil!.name}`);

  it('is made with 30 pouches by default, each with its own printable pouch tag, as registry events', () => {
    const before = readEvents(f.core.db, { types: ['pouch_assigned'], limit: 1000 }).events.length;
    const bag = f.s.createBag({ groep: '5A' }, f.office.staffId);
    expect(bag.pouches.map((p) => p.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(bag.pouches.map((p) => p.code)).size).toBe(30);
    expect(bag.unassigned.map((p) => p.name)).toEqual(['Anna Bakker', 'Ali Çelik', 'Sem van Dijk', "Zoë 't Hart"]);
    expect(readEvents(f.core.db, { types: ['pouch_assigned'], limit: 1000 }).events.length - before).toBe(30);
    expect(codeOf(() => f.s.createBag({ groep: '5A' }, f.office.staffId))).toBe('BAG_EXISTS');
    expect(codeOf(() => f.s.createBag({ groep: '5B' }, f.teacher.staffId))).toBe('NOT_AUTHORISED');
  });

  it('auto-assigns in Dutch name order, and later only the newcomers, never moving anyone already placed', () => {
    const bag = f.s.createBag({ groep: '5A', pouchCount: 6 }, f.office.staffId);
    const first = f.s.autoAssignBag({ locationId: bag.locationId }, f.office.staffId);
    expect(who(first)).toEqual(['1:Anna Bakker', '2:Ali Çelik', '3:Sem van Dijk', "4:Zoë 't Hart"]);
    // Sem moves to pouch 6 by hand; a new pupil arrives; auto-assign fills the free pouches only.
    f.s.movePupilToPouch({ locationId: bag.locationId, pupilId: pupilIds[0]!, number: 6 }, f.office.staffId);
    f.s.createPupil({ roepnaam: 'Bram', voorvoegsel: 'de', achternaam: 'Boer', groep: '5A', jaargroep: 5, externalKey: '5A-9' }, f.office.staffId);
    const events = readEvents(f.core.db, { types: ['pouch_assigned'], limit: 1000 }).events.length;
    const second = f.s.autoAssignBag({ locationId: bag.locationId }, f.office.staffId);
    expect(who(second)).toEqual(['1:Anna Bakker', '2:Ali Çelik', '3:Bram de Boer', "4:Zoë 't Hart", '6:Sem van Dijk']);
    expect(readEvents(f.core.db, { types: ['pouch_assigned'], limit: 1000 }).events.length - events).toBe(1);
    // Asked for explicitly: the whole group again from pouch 1, in name order.
    const again = f.s.autoAssignBag({ locationId: bag.locationId, renumber: true }, f.office.staffId);
    expect(who(again)).toEqual(['1:Anna Bakker', '2:Bram de Boer', '3:Ali Çelik', '4:Sem van Dijk', "5:Zoë 't Hart"]);
  });

  it('leaves pupils unassigned when the pouches run out, until pouches are added after the highest number', () => {
    const bag = f.s.createBag({ groep: '5A', pouchCount: 2 }, f.office.staffId);
    const full = f.s.autoAssignBag({ locationId: bag.locationId }, f.office.staffId);
    expect(full.unassigned.map((p) => p.name)).toEqual(['Sem van Dijk', "Zoë 't Hart"]);
    f.s.retirePouch({ pouchId: full.pouches[1]!.pouchId }, f.office.staffId);
    const more = f.s.addPouches({ locationId: bag.locationId, count: 3 }, f.office.staffId);
    // Pouch 2 was retired: its number is not given out again.
    expect(more.pouches.map((p) => `${p.number}${p.active ? '' : '×'}`)).toEqual(['1', '2×', '3', '4', '5']);
    const filled = f.s.autoAssignBag({ locationId: bag.locationId }, f.office.staffId);
    expect(who(filled)).toEqual(['1:Anna Bakker', '3:Ali Çelik', '4:Sem van Dijk', "5:Zoë 't Hart"]);
  });

  it('moves by hand only to a free, active pouch', () => {
    const bag = f.s.autoAssignBag({ locationId: f.s.createBag({ groep: '5A', pouchCount: 5 }, f.office.staffId).locationId }, f.office.staffId);
    expect(codeOf(() => f.s.movePupilToPouch({ locationId: bag.locationId, pupilId: pupilIds[0]!, number: 1 }, f.office.staffId))).toBe('POUCH_TAKEN');
    f.s.retirePouch({ pouchId: bag.pouches[4]!.pouchId }, f.office.staffId);
    expect(codeOf(() => f.s.movePupilToPouch({ locationId: bag.locationId, pupilId: pupilIds[0]!, number: 5 }, f.office.staffId))).toBe('POUCH_RETIRED');
    expect(codeOf(() => f.s.movePupilToPouch({ locationId: bag.locationId, pupilId: pupilIds[0]!, number: 9 }, f.office.staffId))).toBe('INVALID_ARGUMENT');
    const freed = f.s.freePouch({ pouchId: bag.pouches[0]!.pouchId }, f.office.staffId);
    expect(freed.unassigned.map((p) => p.name)).toEqual(['Anna Bakker']);
  });

  it('a retired pouch is refused at the door and cannot be retired while a device is in it', () => {
    // The fixture's class 7B: pupil 1 has pouch 1 (tag POUCH-1) in a bag without a group.
    const bag = f.s.createBag({ groep: '7B', pouchCount: 2 }, f.office.staffId);
    const placed = f.s.movePupilToPouch({ locationId: bag.locationId, pupilId: f.pupils[0]!.pupilId, number: 2 }, f.office.staffId);
    const pouch = placed.pouches[1]!;
    const out = f.s.scan({ code: pouch.code!, mode: 'hand-in', actor: 'pupil' });
    expect(out.pouch?.number).toBe(2);
    expect(codeOf(() => f.s.retirePouch({ pouchId: pouch.pouchId }, f.office.staffId))).toBe('POUCH_HOLDS_DEVICE');
    f.s.returnDevice({ deviceId: f.phones[0]!.deviceId, actor: f.teacher.staffId });
    f.s.retirePouch({ pouchId: pouch.pouchId }, f.office.staffId);
    f.clock.advance(120_000);
    expect(codeOf(() => f.s.scan({ code: pouch.code!, mode: 'hand-in', actor: 'pupil' }))).toBe('TAG_REVOKED');
  });

  it('every change is in the ledger: the registry check agrees after a restart, and a pouch moved in the table is found', () => {
    const bag = f.s.autoAssignBag({ locationId: f.s.createBag({ groep: '5A', pouchCount: 5 }, f.office.staffId).locationId }, f.office.staffId);
    f.s.retirePouch({ pouchId: bag.pouches[4]!.pouchId }, f.office.staffId);
    const again = f.reopen();
    try {
      expect(checkRegistry(again.core.db)).toMatchObject({ status: 'ok' });
      again.core.db.prepare('UPDATE pouches SET pupil_id = NULL WHERE pouch_id = ?').run(bag.pouches[0]!.pouchId);
      expect(checkRegistry(again.core.db)).toMatchObject({ status: 'mismatch', differences: [{ entity: 'pouches', field: 'pupilId' }] });
    } finally {
      again.close();
    }
  });
});

describe('a bag registered before bags had a group', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 3 });
  });
  afterEach(() => f.close());

  it("is claimed by its group's bag: pupils keep their pouches and tags, missing pouches are added", () => {
    const bag = f.s.createBag({ groep: '7B', pouchCount: 5 }, f.office.staffId);
    expect(bag.locationId).toBe(f.bag.locationId);
    expect(bag.pouches.map((p) => `${p.number}:${p.pupil?.name ?? '-'}:${p.code}`)).toEqual([
      '1:Kind1 Achternaam1:POUCH-1',
      '2:Kind2 Achternaam2:POUCH-2',
      '3:Kind3 Achternaam3:POUCH-3',
      expect.stringMatching(/^4:-:[0-9A-Z]+$/),
      expect.stringMatching(/^5:-:[0-9A-Z]+$/),
    ]);
    expect(f.s.listBags().map((b) => b.groep)).toEqual(['7B']);
    const again = f.reopen();
    try {
      expect(checkRegistry(again.core.db)).toMatchObject({ status: 'ok' });
    } finally {
      again.close();
    }
  });
});
