import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

/**
 * "Usually hands in": handed in on at least 8 of the last 10 school days, a school day being a
 * day on which the kiosk recorded any hand-in. The clock is the fixture's, moved by hand.
 */
describe('pupils who usually hand in and have not today', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 5 });
  });
  afterEach(() => f.close());

  const phoneOf = (n: number) => f.phones[n - 1]!.deviceId;
  const pupilOf = (n: number) => f.pupils[n - 1]!.pupilId;
  /** Weekdays from Monday 1 September 2025, 08:15 local time; weekends have no hand-ins and are no school days. */
  const weekdays = (count: number): string[] => {
    const days: string[] = [];
    for (let day = 1; days.length < count; day++) {
      const d = new Date(2025, 8, day, 8, 15);
      if (d.getDay() !== 0 && d.getDay() !== 6) days.push(d.toISOString());
    }
    return days;
  };
  const dateOf = (iso: string) => {
    const d = new Date(iso);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  /** One school day: who hands in in the morning; everything goes back in the afternoon. */
  const schoolDay = (at: string, pupils: number[]) => {
    f.clock.set(at);
    for (const n of pupils) f.s.handIn({ deviceId: phoneOf(n), actor: 'pupil', dutyStaffId: f.teacher.staffId });
    f.clock.advance(6 * 3600_000);
    for (const n of pupils) f.s.returnDevice({ deviceId: phoneOf(n), actor: f.teacher.staffId });
  };
  const missingIds = (groep?: string) => f.s.missingToday(groep === undefined ? {} : { groep }).pupils.map((p) => p.pupilId);

  it('names who handed in on 8 of the last 10 school days and not yet today, most regular first', () => {
    const days = weekdays(11);
    days.slice(0, 10).forEach((at, i) => {
      const pupils = [1, 2, 3];
      if (i < 7) pupils.push(4); // 7 of 10: not "usually"
      if (i >= 2) pupils.push(5); // 8 of 10: usually
      schoolDay(at, pupils);
    });
    f.clock.set(days[10]!);
    f.s.handIn({ deviceId: phoneOf(1), actor: 'pupil', dutyStaffId: f.teacher.staffId });

    const missing = f.s.missingToday({});
    expect(missing.rule).toEqual({ schoolDays: 10, minDays: 8, enoughHistory: true });
    expect(missing.pupils.map((p) => [p.roepnaam, p.daysHandedIn])).toEqual([
      ['Kind2', 10],
      ['Kind3', 10],
      ['Kind5', 8],
    ]);
  });

  it('a hand-in today, a device still held, or an exemption used today takes a pupil off the list', () => {
    const days = weekdays(11);
    days.slice(0, 9).forEach((at) => schoolDay(at, [1, 2, 3, 4, 5]));
    // Day 10: pupil 3's phone stays at school overnight.
    f.clock.set(days[9]!);
    [1, 2, 3, 4, 5].forEach((n) => f.s.handIn({ deviceId: phoneOf(n), actor: 'pupil', dutyStaffId: f.teacher.staffId }));
    f.clock.advance(6 * 3600_000);
    [1, 2, 4, 5].forEach((n) => f.s.returnDevice({ deviceId: phoneOf(n), actor: f.teacher.staffId }));
    f.s.keepOvernight({ deviceId: phoneOf(3), reason: 'ouder haalt hem op', actor: f.teacher.staffId });

    f.clock.set(days[10]!);
    f.s.grantExemption(
      {
        pupilId: pupilOf(4),
        deviceId: phoneOf(4),
        reason: 'medisch',
        validFrom: dateOf(days[10]!),
        validUntil: dateOf(days[10]!),
        agreedBy: f.admin.staffId,
      },
      f.office.staffId,
    );
    f.s.scan({ code: 'STK-4', mode: 'hand-in', actor: 'pupil', dutyStaffId: f.teacher.staffId });
    f.s.handIn({ deviceId: phoneOf(1), actor: 'pupil', dutyStaffId: f.teacher.staffId });
    expect(missingIds()).toEqual([pupilOf(2), pupilOf(5)]);
  });

  it('a hand-in voided by a correction does not count', () => {
    const days = weekdays(11);
    days.slice(0, 10).forEach((at) => schoolDay(at, [1, 2, 3, 4, 5]));
    f.clock.set(days[10]!);
    const wrong = f.s.handIn({ deviceId: phoneOf(1), actor: f.teacher.staffId, dutyStaffId: f.teacher.staffId });
    [2, 3, 4, 5].forEach((n) => f.s.handIn({ deviceId: phoneOf(n), actor: 'pupil', dutyStaffId: f.teacher.staffId }));
    expect(missingIds()).toEqual([]);
    f.s.correct({ seq: wrong.event.seq, reason: 'verkeerde leerling', actor: f.teacher.staffId });
    expect(missingIds()).toEqual([pupilOf(1)]);
  });

  it('looks at the last 10 school days only: a pupil who stopped handing in recently is not "usual"', () => {
    const days = weekdays(13);
    days.slice(0, 12).forEach((at, i) => {
      const pupils = [1, 2, 3, 5];
      // Pupil 4: the first 4 days and 4 of the last 10: 8 in all, but only 6 of the last 10.
      if (i < 4 || i >= 8) pupils.push(4);
      schoolDay(at, pupils);
    });
    f.clock.set(days[12]!);
    const missing = f.s.missingToday({});
    expect(missing.rule).toEqual({ schoolDays: 10, minDays: 8, enoughHistory: true });
    expect(missing.pupils.map((p) => p.roepnaam)).toEqual(['Kind1', 'Kind2', 'Kind3', 'Kind5']);
  });

  it('weekends, when nobody hands in, are no school days; with less than 3 days of history nobody is listed', () => {
    const days = weekdays(3);
    schoolDay(days[0]!, [1, 2]);
    schoolDay(days[1]!, [1, 2]);
    f.clock.set(days[2]!);
    expect(f.s.missingToday({})).toEqual({ rule: { schoolDays: 2, minDays: 2, enoughHistory: false }, pupils: [] });

    // Friday and Monday: the weekend between them is not counted against anyone.
    const more = weekdays(7);
    schoolDay(more[2]!, [1, 2]);
    schoolDay(more[3]!, [1]);
    schoolDay(more[4]!, [1, 2]);
    schoolDay(more[5]!, [1, 2]);
    f.clock.set(more[6]!);
    const missing = f.s.missingToday({});
    expect(missing.rule).toEqual({ schoolDays: 6, minDays: 5, enoughHistory: true });
    expect(missing.pupils.map((p) => [p.roepnaam, p.daysHandedIn])).toEqual([
      ['Kind1', 6],
      ['Kind2', 5],
    ]);
    expect(missingIds('7B')).toEqual([pupilOf(1), pupilOf(2)]);
    expect(missingIds('8A')).toEqual([]);
  });
});
