import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { readCustody } from '../../../src/core/ledger/projection';
import { updateSettings } from '../../../src/core/settings/store';
import { classFixture, codeOf, errorOf, type ClassFixture } from '../support/custodyFixture';

const eventCount = (f: ClassFixture) =>
  (f.core.db.prepare('SELECT count(*) AS n FROM ledger_events').get() as { n: number }).n;

describe('two pupils of one group with the same first name', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    const twin = f.s.createPupil({ roepnaam: 'kind1', voorvoegsel: 'van', achternaam: 'Vliet', groep: '7B', jaargroep: 7 }, f.office.staffId);
    const phone = f.s.createDevice({ ownerPupilId: twin.pupilId, kind: 'smartphone', description: 'telefoon' }, f.office.staffId);
    f.s.assignTag({ kind: 'device_sticker', raw: 'STK-TWIN', deviceId: phone.deviceId }, f.office.staffId);
    f.s.createPupil({ roepnaam: 'Kind2', achternaam: 'Anders', groep: '8A', jaargroep: 8 }, f.office.staffId);
  });
  afterEach(() => f.close());

  it('the door gets the initial of each one’s surname (tussenvoegsel ignored), and only theirs', () => {
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }).pupil).toMatchObject({ roepnaam: 'Kind1', surnameInitial: 'A' });
    expect(f.s.scan({ code: 'STK-TWIN', mode: 'hand-in', actor: 'pupil' }).pupil).toMatchObject({ roepnaam: 'kind1', surnameInitial: 'V' });
    // A namesake in another group does not count: the door serves a group.
    expect(f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' }).pupil).toMatchObject({ roepnaam: 'Kind2', surnameInitial: null });
  });

  it('with "pouch number only" the door gets neither the name nor the initial', () => {
    updateSettings(f.s.context, f.admin.staffId, { privacyDisplay: 'pouch-only' });
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }).pupil).toMatchObject({ roepnaam: null, surnameInitial: null, fullName: null });
  });
});

describe('scanning at the door', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 3 });
  });
  afterEach(() => f.close());

  it('a device sticker hands the phone in, into the pupil’s own pouch, showing the first name', () => {
    const out = f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    expect(out.repeat).toBe(false);
    expect(out.event.type).toBe('handed_in');
    expect(out.device.deviceId).toBe(f.phones[1]!.deviceId);
    expect(out.pupil).toEqual({ pupilId: f.pupils[1]!.pupilId, roepnaam: 'Kind2', surnameInitial: null, fullName: null, groep: '7B' });
    expect(out.pouch).toMatchObject({ number: 2, locationName: 'Telefoontas 7B' });
    expect(readCustody(f.core.db, f.phones[1]!.deviceId)).toMatchObject({
      held: true,
      custodian: `location:${f.bag.locationId}`,
      pouchId: f.pouches[1]!.pouchId,
      handedInSeq: out.event.seq,
    });
  });

  it('reads stickers through the canonicaliser (surrounding whitespace from the scanner is ignored)', () => {
    expect(f.s.scan({ code: '  STK-1\r\n', mode: 'hand-in', actor: 'pupil' }).device.deviceId).toBe(f.phones[0]!.deviceId);
  });

  it('a second scan within 60 s does not create a second hand-in', () => {
    const first = f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    const before = eventCount(f);
    f.clock.advance(59_000);
    const second = f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    expect(second.repeat).toBe(true);
    expect(second.event).toEqual(first.event);
    expect(eventCount(f)).toBe(before);
  });

  it('a hand-in of a device already held for more than 60 s is ALREADY_IN_CUSTODY', () => {
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.clock.advance(61_000);
    expect(codeOf(() => f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }))).toBe('ALREADY_IN_CUSTODY');
  });

  it('an unknown sticker is UNKNOWN_TAG and writes nothing', () => {
    const before = eventCount(f);
    expect(codeOf(() => f.s.scan({ code: 'NOT-A-TAG', mode: 'hand-in', actor: 'pupil' }))).toBe('UNKNOWN_TAG');
    expect(eventCount(f)).toBe(before);
  });

  it('a revoked sticker is refused with TAG_REVOKED, and its code can be given to a new sticker', () => {
    const tag = f.core.db.prepare("SELECT tag_id FROM tags WHERE canonical = 'STK-3'").get() as { tag_id: string };
    f.s.revokeTag(tag.tag_id, f.office.staffId);
    expect(codeOf(() => f.s.scan({ code: 'STK-3', mode: 'hand-in', actor: 'pupil' }))).toBe('TAG_REVOKED');
    f.s.assignTag({ kind: 'device_sticker', raw: 'STK-3', deviceId: f.phones[0]!.deviceId }, f.office.staffId);
    expect(f.s.scan({ code: 'STK-3', mode: 'hand-in', actor: 'pupil' }).device.deviceId).toBe(f.phones[0]!.deviceId);
  });

  it('an active code cannot be given to a second tag', () => {
    expect(
      codeOf(() => f.s.assignTag({ kind: 'device_sticker', raw: 'STK-1', deviceId: f.phones[1]!.deviceId }, f.office.staffId)),
    ).toBe('TAG_IN_USE');
  });

  it('a pouch tag hands in the device of the pupil that pouch belongs to', () => {
    const out = f.s.scan({ code: 'POUCH-3', mode: 'hand-in', actor: 'pupil' });
    expect(out.device.deviceId).toBe(f.phones[2]!.deviceId);
    expect(out.pouch?.number).toBe(3);
  });

  it('in return mode a pouch tag returns the device held in that pouch', () => {
    f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    f.clock.advance(6 * 3600_000);
    const out = f.s.scan({ code: 'POUCH-2', mode: 'return', actor: f.teacher.staffId });
    expect(out.event.type).toBe('returned');
    expect(out.device.deviceId).toBe(f.phones[1]!.deviceId);
    expect(readCustody(f.core.db, f.phones[1]!.deviceId)).toMatchObject({ held: false, custodian: 'pupil' });
  });

  it('a pupil card with one device hands it in at once; with several it asks CHOOSE_DEVICE with the list', () => {
    const pupil = f.pupils[0]!;
    f.s.assignTag({ kind: 'pupil_card', raw: 'CARD-1', pupilId: pupil.pupilId }, f.office.staffId);
    expect(f.s.scan({ code: 'CARD-1', mode: 'hand-in', actor: 'pupil' }).device.deviceId).toBe(f.phones[0]!.deviceId);
    const watch = f.s.createDevice({ ownerPupilId: pupil.pupilId, kind: 'smartwatch', description: 'horloge' }, f.office.staffId);
    f.clock.advance(120_000);
    const error = errorOf(() => f.s.scan({ code: 'CARD-1', mode: 'hand-in', actor: 'pupil' }));
    expect(error.code).toBe('CHOOSE_DEVICE');
    expect(error.details).toEqual({
      devices: [
        { deviceId: f.phones[0]!.deviceId, kind: 'smartphone', description: 'telefoon 1' },
        { deviceId: watch.deviceId, kind: 'smartwatch', description: 'horloge' },
      ],
    });
    // In return mode only the held device is a candidate, so no choice is needed.
    expect(f.s.scan({ code: 'CARD-1', mode: 'return', actor: 'pupil' }).device.deviceId).toBe(f.phones[0]!.deviceId);
  });

  it('a pupil card of a pupil without a device is NO_DEVICE', () => {
    const pupil = f.s.createPupil({ roepnaam: 'Nieuw', achternaam: 'Kind', groep: '7B' }, f.office.staffId);
    f.s.assignTag({ kind: 'pupil_card', raw: 'CARD-9', pupilId: pupil.pupilId }, f.office.staffId);
    expect(codeOf(() => f.s.scan({ code: 'CARD-9', mode: 'hand-in', actor: 'pupil' }))).toBe('NO_DEVICE');
  });

  it('returning a device that is not held is NOT_IN_CUSTODY; a repeated return within 60 s is acknowledged', () => {
    expect(codeOf(() => f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' }))).toBe('NOT_IN_CUSTODY');
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.clock.advance(3600_000);
    const first = f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    f.clock.advance(10_000);
    const again = f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    expect(again).toMatchObject({ repeat: true, event: first.event });
    f.clock.advance(60_000);
    expect(codeOf(() => f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' }))).toBe('NOT_IN_CUSTODY');
  });

  it('a staff actor must exist and be active', () => {
    expect(
      codeOf(() => f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('UNKNOWN_STAFF');
  });

  it('thirty pupils in a row leave a ledger that verifies and a projection of thirty held devices', () => {
    const big = classFixture({ size: 30 });
    try {
      for (let n = 1; n <= 30; n++) {
        big.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
        big.clock.advance(4_000);
      }
      expect(big.s.listCustody().length).toBe(30);
      expect(verifyLedger(big.core.db)).toMatchObject({ ok: true });
    } finally {
      big.close();
    }
  });
});
