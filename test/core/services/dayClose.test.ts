import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { readAllCustody, rebuildProjection } from '../../../src/core/ledger/projection';
import { getEvent, getPayload } from '../../../src/core/ledger/rows';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { classFixture, codeOf, errorOf, PINS, type ClassFixture } from '../support/custodyFixture';

describe('end of the day: every device returned, transferred or kept with a reason', () => {
  let f: ClassFixture;
  let ids: string[];
  beforeEach(() => {
    f = classFixture({ size: 3 });
    ids = f.phones.map((p) => p.deviceId);
  });
  afterEach(() => f.close());

  const handInAll = () => ids.forEach((deviceId) => f.s.handIn({ deviceId, actor: 'pupil', dutyStaffId: f.teacher.staffId }));
  const outstandingIds = () => f.s.dayOverview().outstanding.map((o) => o.deviceId);

  it('lists the devices handed in today until each is returned, transferred or kept overnight', () => {
    handInAll();
    expect(outstandingIds()).toEqual(ids);
    f.clock.advance(6 * 3600_000);
    f.s.returnDevice({ deviceId: ids[0]!, actor: f.teacher.staffId });
    f.s.transfer({ deviceId: ids[1]!, actor: f.teacher.staffId, to: { locationId: f.safe.locationId } });
    expect(outstandingIds()).toEqual([ids[2]]);
    const kept = f.s.keepOvernight({ deviceId: ids[2]!, reason: 'ouder haalt hem morgen op', actor: f.teacher.staffId });
    expect(outstandingIds()).toEqual([]);
    expect(getPayload(f.core.db, kept.event.seq)).toEqual({ reason: 'ouder haalt hem morgen op' });
    expect(kept.event).toMatchObject({ type: 'kept_overnight', custodian: `staff:${f.teacher.staffId}`, deviceId: ids[2] });
  });

  it('keeping a device overnight does not change who holds it, and the projection still rebuilds the same', () => {
    handInAll();
    const before = readAllCustody(f.core.db);
    f.s.keepOvernight({ deviceId: ids[0]!, reason: 'vergeten op te halen', actor: f.teacher.staffId });
    expect(readAllCustody(f.core.db)).toEqual(before);
    rebuildProjection(f.core.db);
    expect(readAllCustody(f.core.db)).toEqual(before);
    expect(verifyLedger(f.core.db).ok).toBe(true);
  });

  it('keeping overnight needs a held device, a reason and a staff member', () => {
    expect(codeOf(() => f.s.keepOvernight({ deviceId: ids[0]!, reason: 'x', actor: f.teacher.staffId }))).toBe('NOT_IN_CUSTODY');
    handInAll();
    expect(codeOf(() => f.s.keepOvernight({ deviceId: ids[0]!, reason: '   ', actor: f.teacher.staffId }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => f.s.keepOvernight({ deviceId: ids[0]!, reason: 'x', actor: 'pupil' }))).toBe('NOT_AUTHORISED');
  });

  it('the day closes only when nothing is outstanding, and the day_closed event carries the counts', () => {
    handInAll();
    expect(errorOf(() => f.s.closeDay({ actor: f.teacher.staffId }))).toMatchObject({ code: 'DAY_NOT_CLEAR', details: { outstanding: 3 } });
    f.s.returnDevice({ deviceId: ids[0]!, actor: f.teacher.staffId });
    f.s.returnDevice({ deviceId: ids[1]!, actor: f.teacher.staffId });
    f.s.keepOvernight({ deviceId: ids[2]!, reason: 'ziek naar huis, ouder komt morgen', actor: f.teacher.staffId });
    const closed = f.s.closeDay({ actor: f.teacher.staffId });
    expect(closed.counts).toEqual({ handedIn: 3, returned: 2, transferred: 0, keptOvernight: 1, confiscatedHeld: 0, exempted: 0 });
    const stored = getEvent(f.core.db, closed.event.seq)!;
    expect(stored.type).toBe('day_closed');
    expect(JSON.parse(stored.details)).toMatchObject({ handedIn: 3, returned: 2, keptOvernight: 1 });
    expect(f.s.dayOverview().closed).toMatchObject({ seq: closed.event.seq, actor: f.teacher.staffId });
  });

  it('a voided "kept overnight" puts the device back on the list', () => {
    handInAll();
    ids.slice(0, 2).forEach((deviceId) => f.s.returnDevice({ deviceId, actor: f.teacher.staffId }));
    const kept = f.s.keepOvernight({ deviceId: ids[2]!, reason: 'per ongeluk', actor: f.teacher.staffId });
    expect(outstandingIds()).toEqual([]);
    f.s.correct({ seq: kept.event.seq, reason: 'verkeerde knop', actor: f.teacher.staffId });
    expect(outstandingIds()).toEqual([ids[2]]);
  });

  it('a device kept overnight is on the next day’s list again, marked as left over', () => {
    handInAll();
    ids.slice(0, 2).forEach((deviceId) => f.s.returnDevice({ deviceId, actor: f.teacher.staffId }));
    f.s.keepOvernight({ deviceId: ids[2]!, reason: 'ouder komt morgen', actor: f.teacher.staffId });
    f.clock.advance(24 * 3600_000);
    expect(f.s.dayOverview().outstanding).toEqual([{ deviceId: ids[2], confiscated: false, fromEarlierDay: true }]);
    expect(f.s.dayOverview().handedIn).toBe(0);
  });

  it('a confiscated device is on the list flagged as confiscated until it is moved to the safe or kept', () => {
    handInAll();
    ids.slice(1).forEach((deviceId) => f.s.returnDevice({ deviceId, actor: f.teacher.staffId }));
    f.s.confiscate({
      deviceId: ids[0]!,
      actor: f.teacher.staffId,
      reason: 'gefilmd in de klas',
      witnessStaffId: f.witness.staffId,
      witnessPin: PINS.witness,
    });
    expect(f.s.dayOverview().outstanding).toEqual([{ deviceId: ids[0], confiscated: true, fromEarlierDay: false }]);
    f.s.transfer({ deviceId: ids[0]!, actor: f.teacher.staffId, to: { locationId: f.safe.locationId } });
    const closed = f.s.closeDay({ actor: f.teacher.staffId });
    expect(closed.counts.confiscatedHeld).toBe(1);
  });

  it('today’s overview counts standing hand-ins and returns, lists voided movements marked, and shows condition notes of held devices', () => {
    handInAll();
    const wrong = f.s.returnDevice({ deviceId: ids[0]!, actor: f.teacher.staffId });
    f.s.correct({ seq: wrong.event.seq, reason: 'verkeerd kind', actor: f.teacher.staffId });
    f.s.noteCondition({ deviceId: ids[1]!, marks: ['screen_cracked'], note: 'barst linksboven', actor: 'pupil' });
    const day = f.s.dayOverview();
    expect(day.handedIn).toBe(3);
    expect(day.returned).toBe(0);
    expect(day.movements.find((m) => m.seq === wrong.event.seq)).toMatchObject({ type: 'returned', voidedBySeq: wrong.event.seq + 1 });
    expect(day.movements.find((m) => m.type === 'handed_in')?.pupil).toMatchObject({ groep: '7B' });
    expect(day.conditions).toEqual([
      expect.objectContaining({ deviceId: ids[1], marks: ['screen_cracked'], note: 'barst linksboven' }),
    ]);
  });

  it('lists active staff without PIN hashes', () => {
    const staff = f.s.listStaff();
    expect(staff.map((s) => s.displayName).sort()).toEqual(['Administratie', 'Beheerder', 'Juf Anna', 'Meester Bas']);
    expect(Object.keys(staff[0]!).sort()).toEqual(['displayName', 'role', 'staffId']);
  });
});

describe('the teacher-day methods through the contract gateway', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
  });
  afterEach(() => f.close());

  it('need a PIN unlock; then the actor of "keep overnight" and "close the day" is the unlocked teacher', async () => {
    const gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }));
    for (const method of ['listStaff', 'listLocations', 'getDay', 'closeDay'] as const) {
      expect(await gateway.invoke(method, {}), method).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    }
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    const staff = await gateway.invoke('listStaff', {});
    expect(JSON.stringify(staff)).not.toContain('scrypt');
    expect(await gateway.invoke('listLocations', {})).toMatchObject({
      ok: true,
      value: { locations: expect.arrayContaining([{ locationId: f.safe.locationId, kind: 'office_safe', name: 'Kluis kantoor' }]) },
    });
    const phone = f.phones[0]!.deviceId;
    await gateway.invoke('handIn', { deviceId: phone });
    expect(await gateway.invoke('closeDay', {})).toMatchObject({ ok: false, error: { code: 'DAY_NOT_CLEAR', details: { outstanding: 1 } } });
    expect(await gateway.invoke('keepOvernight', { deviceId: phone, reason: 'ouder komt morgen' })).toMatchObject({
      ok: true,
      value: { event: { type: 'kept_overnight', actor: f.teacher.staffId } },
    });
    expect(await gateway.invoke('getDay', {})).toMatchObject({ ok: true, value: { handedIn: 1, outstanding: [] } });
    expect(await gateway.invoke('closeDay', {})).toMatchObject({
      ok: true,
      value: { event: { type: 'day_closed', actor: f.teacher.staffId }, counts: { handedIn: 1, keptOvernight: 1 } },
    });
  });
});
