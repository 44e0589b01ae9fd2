import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRegistry } from '../../../src/core/registry/check';
import { updateSettings } from '../../../src/core/settings/store';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { isValidOwnCode, newOwnCode } from '../../../src/shared/scan/codes';
import { classFixture, codeOf, type ClassFixture } from '../support/custodyFixture';

const lastEvent = (f: ClassFixture) => f.s.listEvents({ limit: 1 }).events[0]!;
const eventCount = (f: ClassFixture) => (f.core.db.prepare('SELECT count(*) AS n FROM ledger_events').get() as { n: number }).n;
const tagOf = (f: ClassFixture, code: string) =>
  f.core.db.prepare('SELECT tag_id AS tagId FROM tags WHERE canonical = ?').get(code) as { tagId: string };

describe("the office's devices and tags", () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 3 });
  });
  afterEach(() => {
    // Whatever a test did, the registry tables still are what the ledger says and the chain holds.
    expect(checkRegistry(f.core.db)).toMatchObject({ status: 'ok' });
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
    f.close();
  });

  it('lists a group in class-list order with each device and its tags, withdrawn ones after the active', () => {
    const [first] = f.s.devicesOfGroup({ groep: '7B' });
    f.s.revokeTag(tagOf(f, 'STK-1').tagId, f.office.staffId, 'kwijt');
    f.s.attachDeviceTag({ deviceId: f.phones[0]!.deviceId, source: { kind: 'scan', code: 'NEW-1', tagKind: 'device_sticker' } }, f.office.staffId);
    const group = f.s.devicesOfGroup({ groep: '7B' });
    expect(group.map((p) => p.roepnaam)).toEqual(['Kind1', 'Kind2', 'Kind3']);
    expect(first!.devices[0]!.tags).toEqual([expect.objectContaining({ canonical: 'STK-1', status: 'active' })]);
    expect(group[0]!.devices[0]!.tags.map((t) => [t.canonical, t.status])).toEqual([
      ['NEW-1', 'active'],
      ['STK-1', 'revoked'],
    ]);
    expect(f.s.devicesOfGroup({ groep: '8A' })).toEqual([]);
  });

  it('registers a device and gives it a new code of its own: a valid printed code, one ledger event each', () => {
    const watch = f.s.createDevice({ ownerPupilId: f.pupils[1]!.pupilId, kind: 'smartwatch', description: 'zwart horloge' }, f.office.staffId);
    expect(lastEvent(f)).toMatchObject({ type: 'device_registered', deviceId: watch.deviceId });
    const tag = f.s.attachDeviceTag({ deviceId: watch.deviceId, source: { kind: 'newCode' } }, f.office.staffId);
    expect(isValidOwnCode(tag.canonical)).toBe(true);
    expect(lastEvent(f)).toMatchObject({ type: 'tag_assigned', deviceId: watch.deviceId, actor: f.office.staffId });
    expect(f.s.scan({ code: tag.canonical, mode: 'hand-in', actor: 'pupil' }).device.deviceId).toBe(watch.deviceId);
  });

  it('stores a scanned sticker as the door will look it up (an own code read with Caps Lock on)', () => {
    const printed = newOwnCode();
    const tag = f.s.attachDeviceTag(
      { deviceId: f.phones[2]!.deviceId, source: { kind: 'scan', code: ` ${printed.toLowerCase()}\n`, tagKind: 'device_sticker' } },
      f.office.staffId,
    );
    expect(tag.canonical).toBe(printed);
    expect(f.s.scan({ code: tag.canonical, mode: 'hand-in', actor: 'pupil' }).device.deviceId).toBe(f.phones[2]!.deviceId);
  });

  it('refuses a code already in use, saying by what kind of thing, and a misread own code', () => {
    const phone = f.phones[1]!.deviceId;
    const attach = (code: string) => () =>
      f.s.attachDeviceTag({ deviceId: phone, source: { kind: 'scan', code, tagKind: 'device_sticker' } }, f.office.staffId);
    expect(codeOf(attach('STK-1'))).toBe('TAG_IN_USE');
    expect(codeOf(attach('POUCH-1'))).toBe('TAG_ON_POUCH');
    f.s.assignTag({ kind: 'pupil_card', raw: 'PAS-0042', pupilId: f.pupils[0]!.pupilId }, f.office.staffId);
    expect(codeOf(attach('PAS-0042'))).toBe('TAG_ON_CARD');
    const printed = newOwnCode();
    const misread = printed.slice(0, -1) + (printed.endsWith('0') ? '1' : '0');
    expect(codeOf(attach(misread))).toBe('MISREAD_CODE');
  });

  it('refuses a device for an unknown pupil and for one who left the school', () => {
    expect(codeOf(() => f.s.createDevice({ ownerPupilId: crypto.randomUUID(), kind: 'smartphone' }, f.office.staffId))).toBe('UNKNOWN_PUPIL');
    f.s.changePupil(f.pupils[2]!.pupilId, { active: false }, f.office.staffId);
    expect(codeOf(() => f.s.createDevice({ ownerPupilId: f.pupils[2]!.pupilId, kind: 'smartphone' }, f.office.staffId))).toBe('PUPIL_INACTIVE');
  });

  it('revokes a lost sticker with its reason in the erasable payload: the door refuses it from then on', () => {
    const { tagId } = tagOf(f, 'STK-2');
    f.s.revokeTag(tagId, f.office.staffId, 'verloren op het schoolplein');
    const event = lastEvent(f);
    expect(event).toMatchObject({ type: 'tag_revoked', deviceId: f.phones[1]!.deviceId, pupilId: f.pupils[1]!.pupilId });
    expect(JSON.stringify(event.details)).not.toContain('verloren');
    expect(codeOf(() => f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' }))).toBe('TAG_REVOKED');
    expect(codeOf(() => f.s.revokeTag(tagId, f.office.staffId, 'nogmaals'))).toBe('TAG_REVOKED');
  });

  it('moves a sticker to another device with a reason: the next scan hands in that device', () => {
    const watch = f.s.createDevice({ ownerPupilId: f.pupils[0]!.pupilId, kind: 'smartwatch' }, f.office.staffId);
    const { tagId } = tagOf(f, 'STK-1');
    f.s.moveTag({ tagId, toDeviceId: watch.deviceId, reason: 'zat op het verkeerde apparaat' }, f.office.staffId);
    expect(lastEvent(f)).toMatchObject({
      type: 'tag_assigned',
      deviceId: watch.deviceId,
      details: expect.objectContaining({ tagId, movedFromDeviceId: f.phones[0]!.deviceId }),
    });
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }).device.deviceId).toBe(watch.deviceId);
    // The registry still agrees with the ledger after a reopen (the afterEach checks it too).
    f = f.reopen();
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }).repeat).toBe(true);
  });

  it('refuses to move a revoked tag, a pouch tag, to the same device, or without a reason', () => {
    const { tagId } = tagOf(f, 'STK-1');
    const to = f.phones[1]!.deviceId;
    expect(codeOf(() => f.s.moveTag({ tagId, toDeviceId: to, reason: '  ' }, f.office.staffId))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => f.s.moveTag({ tagId, toDeviceId: f.phones[0]!.deviceId, reason: 'x' }, f.office.staffId))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => f.s.moveTag({ tagId: tagOf(f, 'POUCH-1').tagId, toDeviceId: to, reason: 'x' }, f.office.staffId))).toBe(
      'NOT_A_DEVICE_TAG',
    );
    f.s.revokeTag(tagId, f.office.staffId, 'kapot');
    expect(codeOf(() => f.s.moveTag({ tagId, toDeviceId: to, reason: 'x' }, f.office.staffId))).toBe('TAG_REVOKED');
  });

  it('a teacher cannot do the office’s registration', () => {
    expect(codeOf(() => f.s.createDevice({ ownerPupilId: f.pupils[0]!.pupilId, kind: 'other' }, f.teacher.staffId))).toBe('NOT_AUTHORISED');
    expect(codeOf(() => f.s.revokeTag(tagOf(f, 'STK-1').tagId, f.teacher.staffId, 'x'))).toBe('NOT_AUTHORISED');
  });
});

describe('enrolment at the door', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
  });
  afterEach(() => {
    expect(checkRegistry(f.core.db)).toMatchObject({ status: 'ok' });
    f.close();
  });

  it('registers the device with the scanned code and hands it in, in one go, into the teacher on duty’s custody', () => {
    const out = f.s.enrolAtDoor({
      code: 'EAN-871234',
      pupilId: f.pupils[1]!.pupilId,
      kind: 'smartphone',
      description: 'tweede telefoon',
      actor: f.teacher.staffId,
      dutyStaffId: f.teacher.staffId,
    });
    expect(out).toMatchObject({ repeat: false, event: { type: 'handed_in' }, pupil: { roepnaam: 'Kind2' } });
    const types = f.s.listEvents({ limit: 3 }).events.map((e) => e.type);
    expect(types).toEqual(['handed_in', 'tag_assigned', 'device_registered']);
    expect(f.s.scan({ code: 'EAN-871234', mode: 'hand-in', actor: 'pupil' }).repeat).toBe(true);
  });

  it('leaves nothing behind when any part is refused', () => {
    const before = eventCount(f);
    const devices = f.s.listDevices({}).length;
    const enrol = (code: string, pupilId: string) => () =>
      f.s.enrolAtDoor({ code, pupilId, kind: 'smartphone', description: '', actor: f.teacher.staffId });
    expect(codeOf(enrol('STK-1', f.pupils[1]!.pupilId))).toBe('TAG_IN_USE');
    expect(codeOf(enrol('POUCH-2', f.pupils[1]!.pupilId))).toBe('TAG_ON_POUCH');
    expect(codeOf(enrol('NEW-9', crypto.randomUUID()))).toBe('UNKNOWN_PUPIL');
    f.s.changePupil(f.pupils[0]!.pupilId, { active: false }, f.office.staffId);
    expect(codeOf(enrol('NEW-9', f.pupils[0]!.pupilId))).toBe('PUPIL_INACTIVE');
    expect(eventCount(f)).toBe(before + 1); // only the pupil's change
    expect(f.s.listDevices({}).length).toBe(devices);
  });

  it('takes only a pupil of the kiosk’s own groups, whatever the page sends', () => {
    const groep = f.pupils[0]!.groep;
    updateSettings(f.s.context, f.admin.staffId, { groups: [`${groep}-other`] });
    const before = eventCount(f);
    expect(
      codeOf(() => f.s.enrolAtDoor({ code: 'NEW-8', pupilId: f.pupils[0]!.pupilId, kind: 'other', description: '', actor: f.teacher.staffId })),
    ).toBe('PUPIL_NOT_AT_THIS_KIOSK');
    expect(eventCount(f)).toBe(before);
    updateSettings(f.s.context, f.admin.staffId, { groups: [`${groep}-other`, groep] });
    expect(f.s.enrolAtDoor({ code: 'NEW-8', pupilId: f.pupils[0]!.pupilId, kind: 'other', description: '', actor: f.teacher.staffId })).toMatchObject({
      event: { type: 'handed_in' },
    });
  });

  it('is a teacher’s (or the administrator’s) to do, not the office’s', () => {
    expect(
      codeOf(() =>
        f.s.enrolAtDoor({ code: 'NEW-7', pupilId: f.pupils[0]!.pupilId, kind: 'other', description: '', actor: f.office.staffId }),
      ),
    ).toBe('NOT_AUTHORISED');
  });
});

