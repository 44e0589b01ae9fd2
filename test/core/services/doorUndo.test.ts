import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCustody } from '../../../src/core/ledger/projection';
import { getEvent, getPayload } from '../../../src/core/ledger/rows';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { classFixture, codeOf, type ClassFixture } from '../support/custodyFixture';

/** "Ongedaan maken" after a damage tap at the door: a correction, by the one who tapped, soon after. */
describe('undoing a damage tap at the door', () => {
  let f: ClassFixture;
  let deviceId: string;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    deviceId = f.phones[0]!.deviceId;
    f.s.handIn({ deviceId, actor: 'pupil', dutyStaffId: f.teacher.staffId });
  });
  afterEach(() => f.close());

  const tapDamage = (actor = 'pupil') => f.s.noteCondition({ deviceId, marks: ['screen_cracked'], actor }).event.seq;
  const undo = (seq: number, actor = 'pupil') => f.s.undoDoorNote({ seq, actor, reason: 'Ongedaan gemaakt aan de deur' });

  it('writes a correction that voids the note; the note stays in the ledger and custody is unchanged', () => {
    const before = readCustody(f.core.db, deviceId);
    const seq = tapDamage();
    f.clock.advance(5000);
    const out = undo(seq);
    expect(out.voided.seq).toBe(seq);
    const stored = getEvent(f.core.db, out.event.seq)!;
    expect(stored).toMatchObject({ type: 'corrected', actor: 'pupil', voidsSeq: seq, deviceId });
    expect(getPayload(f.core.db, out.event.seq)).toEqual({ reason: 'Ongedaan gemaakt aan de deur' });
    expect(getEvent(f.core.db, seq)?.type).toBe('condition_noted');
    expect(f.s.dayOverview().conditions).toEqual([]);
    expect(readCustody(f.core.db, deviceId)).toEqual(before);
    expect(verifyLedger(f.core.db).ok).toBe(true);
  });

  it('is refused after 30 seconds, for someone else’s note, twice, and for anything but a condition note', () => {
    const late = tapDamage();
    f.clock.advance(31_000);
    expect(codeOf(() => undo(late))).toBe('UNDO_TOO_LATE');

    const teachers = tapDamage(f.teacher.staffId);
    expect(codeOf(() => undo(teachers, 'pupil'))).toBe('UNDO_TOO_LATE');
    expect(codeOf(() => undo(teachers, f.teacher.staffId))).toBe('none');
    expect(codeOf(() => undo(teachers, f.teacher.staffId))).toBe('ALREADY_VOIDED');

    const handIn = f.s.handIn({ deviceId: f.phones[1]!.deviceId, actor: 'pupil', dutyStaffId: f.teacher.staffId });
    expect(codeOf(() => undo(handIn.event.seq))).toBe('NOT_VOIDABLE');
  });
});
