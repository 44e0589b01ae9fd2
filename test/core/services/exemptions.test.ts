import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRegistry } from '../../../src/core/registry/check';
import { readCustody } from '../../../src/core/ledger/projection';
import { readEvents } from '../../../src/core/ledger/readModel';
import { updateSettings } from '../../../src/core/settings/store';
import { classFixture, codeOf, type ClassFixture } from '../support/custodyFixture';

/** A moment of the kiosk's own local day, whatever the time zone the tests run in. */
const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

describe('exemptions: a pupil who may keep a device', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 3 });
    f.clock.set(local(2025, 9, 1, 8, 15));
  });
  afterEach(() => f.close());

  const grant = (over: Partial<Parameters<ClassFixture['s']['grantExemption']>[0]> = {}) =>
    f.s.grantExemption(
      {
        pupilId: f.pupils[0]!.pupilId,
        deviceId: f.phones[0]!.deviceId,
        reason: 'medisch',
        validFrom: '2025-09-01',
        validUntil: '2025-09-05',
        agreedBy: f.admin.staffId,
        ...over,
      },
      f.office.staffId,
    );
  const used = () => readEvents(f.core.db, { types: ['exemption_used'], limit: 100 }).events;

  it('at the door the exempted device is not handed in; the kiosk records once that the exemption was used', () => {
    const exemption = grant();
    expect(exemption.status).toBe('active');
    const out = f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    expect(out.exempt).toBe(true);
    expect(out.pupil?.roepnaam).toBe('Kind1');
    expect(out.event.type).toBe('exemption_used');
    expect(readCustody(f.core.db, f.phones[0]!.deviceId)?.held ?? false).toBe(false);
    // A second scan at once is the same moment, not a second use.
    f.clock.advance(5_000);
    const again = f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    expect(again).toMatchObject({ exempt: true, repeat: true, event: { seq: out.event.seq } });
    expect(used()).toHaveLength(1);
    expect(used()[0]!.details).toMatchObject({ exemptionId: exemption.exemptionId, mode: 'hand-in', via: 'device_sticker' });
    // The next pupil hands in as always.
    expect(f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' }).exempt).toBeUndefined();
  });

  it('says "keep it" in return mode too, and never carries the reason or the note to the door', () => {
    grant({ note: 'diabetes, glucosemeter-app' });
    const out = f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    expect(out.exempt).toBe(true);
    expect(JSON.stringify(out)).not.toMatch(/medisch|diabetes/);
    expect(used()[0]!.details).toMatchObject({ mode: 'return' });
  });

  it('applies from the first day to the last day, by the kiosk clock, and not a minute outside', () => {
    grant({ validFrom: '2025-09-02', validUntil: '2025-09-03' });
    f.clock.set(local(2025, 9, 1, 23, 59));
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }).exempt).toBeUndefined();
    f.s.returnDevice({ deviceId: f.phones[0]!.deviceId, actor: f.teacher.staffId });
    f.clock.set(local(2025, 9, 2, 0, 1));
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }).exempt).toBe(true);
    f.clock.set(local(2025, 9, 3, 23, 58));
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }).exempt).toBe(true);
    f.clock.set(local(2025, 9, 4, 0, 0));
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }).exempt).toBeUndefined();
    expect(f.s.listExemptions()[0]!.status).toBe('expired');
  });

  it('"any device of this pupil" covers every device of that pupil, scanned by sticker or pouch, and no one else\'s', () => {
    const watch = f.s.createDevice({ ownerPupilId: f.pupils[0]!.pupilId, kind: 'smartwatch', description: 'horloge' }, f.office.staffId);
    f.s.assignTag({ kind: 'device_sticker', raw: 'WATCH-1', deviceId: watch.deviceId }, f.office.staffId);
    grant({ deviceId: null, reason: 'onderwijs' });
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }).exempt).toBe(true);
    expect(f.s.scan({ code: 'WATCH-1', mode: 'hand-in', actor: 'pupil' }).exempt).toBe(true);
    // The pupil chose a device at the door (a card with several): it stays with them too.
    f.clock.advance(120_000);
    expect(f.s.handIn({ deviceId: watch.deviceId, actor: 'pupil' }).exempt).toBe(true);
    expect(f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' }).exempt).toBeUndefined();
  });

  it('an exemption ended early no longer applies; ending it twice is refused', () => {
    const exemption = grant();
    f.clock.set(local(2025, 9, 2, 10, 0));
    const ended = f.s.endExemption(exemption.exemptionId, f.office.staffId);
    expect(ended.status).toBe('ended');
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' })).toMatchObject({ event: { type: 'handed_in' } });
    expect(codeOf(() => f.s.endExemption(exemption.exemptionId, f.office.staffId))).toBe('EXEMPTION_ENDED');
  });

  it('a device the school already holds is returned as always, even on an exemption day', () => {
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    grant();
    f.clock.advance(120_000);
    expect(f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' })).toMatchObject({ event: { type: 'returned' } });
  });

  it('shows only the pouch when the school shows no names at the door', () => {
    updateSettings(f.s.context, f.admin.staffId, { privacyDisplay: 'pouch-only' });
    grant();
    expect(f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' }).pupil?.roepnaam).toBeNull();
  });

  it('counts exempted devices apart in the day: not held, not outstanding, once per device', () => {
    grant();
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.clock.advance(10 * 60_000);
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    const day = f.s.dayOverview();
    expect(day).toMatchObject({ exempted: 1, handedIn: 1 });
    expect(day.outstanding.map((o) => o.deviceId)).toEqual([f.phones[1]!.deviceId]);
    f.s.returnDevice({ deviceId: f.phones[1]!.deviceId, actor: f.teacher.staffId });
    expect(f.s.closeDay({ actor: f.teacher.staffId }).counts).toMatchObject({ exempted: 1, handedIn: 1, returned: 1 });
  });

  it('refuses what does not fit: dates the wrong way round, a device of another pupil, an unknown staff member', () => {
    expect(codeOf(() => grant({ validFrom: '2025-09-05', validUntil: '2025-09-01' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => grant({ validUntil: '2025-02-30' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => grant({ deviceId: f.phones[1]!.deviceId }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => grant({ agreedBy: '00000000-0000-4000-8000-000000000000' }))).toBe('UNKNOWN_STAFF');
    expect(codeOf(() => f.s.grantExemption({ ...baseInput(), reason: 'medisch' }, f.teacher.staffId))).toBe('NOT_AUTHORISED');
  });

  const baseInput = () => ({
    pupilId: f.pupils[0]!.pupilId,
    reason: 'medisch' as const,
    validFrom: '2025-09-01',
    validUntil: '2025-09-05',
    agreedBy: f.admin.staffId,
  });

  it('keeps the category and the note out of the chained fields, and the registry check agrees after a restart', () => {
    const exemption = grant({ note: 'glucosemeter' });
    f.s.endExemption(exemption.exemptionId, f.office.staffId);
    const [granted] = readEvents(f.core.db, { types: ['exemption_granted'] }).events;
    expect(JSON.stringify(granted!.details)).not.toMatch(/medisch|glucose/);
    expect(granted!.payload).toEqual({ reason: 'medisch', note: 'glucosemeter' });
    const again = f.reopen();
    try {
      expect(checkRegistry(again.core.db)).toMatchObject({ status: 'ok' });
      expect(again.core.problem).toBeNull();
    } finally {
      again.close();
    }
  });

  it('an exemption changed behind the kiosk\'s back is found by the registry check', () => {
    const exemption = grant();
    f.core.db.prepare("UPDATE exemptions SET valid_until = '2026-07-17' WHERE exemption_id = ?").run(exemption.exemptionId);
    expect(checkRegistry(f.core.db)).toMatchObject({ status: 'mismatch', differences: [{ entity: 'exemptions', field: 'validUntil' }] });
  });
});
