import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

describe('a held device reported lost or stolen', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
  });
  afterEach(() => f.close());

  const missingOf = (n: number) => f.s.listCustody().find((c) => c.deviceId === f.phones[n]!.deviceId)?.reportedMissing;

  it('shows in the overview as reported lost, not as simply handed in; damage does not', () => {
    f.s.reportIncident({ deviceId: f.phones[0]!.deviceId, actor: f.teacher.staffId, kind: 'loss', description: 'niet meer in de tas' });
    f.s.reportIncident({ deviceId: f.phones[1]!.deviceId, actor: f.teacher.staffId, kind: 'damage', description: 'barst' });
    expect(missingOf(0)).toBe('loss');
    expect(missingOf(1)).toBeNull();
  });

  it('a report voided by a correction no longer counts, and the next hand-in starts clean', () => {
    const report = f.s.reportIncident({ deviceId: f.phones[0]!.deviceId, actor: f.teacher.staffId, kind: 'theft', description: 'weg' });
    expect(missingOf(0)).toBe('theft');
    f.s.correct({ seq: report.event.seq, reason: 'toch gevonden in de la', actor: f.teacher.staffId });
    expect(missingOf(0)).toBeNull();
    f.s.reportIncident({ deviceId: f.phones[1]!.deviceId, actor: f.teacher.staffId, kind: 'loss', description: 'kwijt' });
    f.clock.advance(6 * 3600_000);
    f.s.scan({ code: 'STK-2', mode: 'return', actor: 'pupil' });
    f.clock.advance(18 * 3600_000);
    f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    expect(missingOf(1)).toBeNull();
  });
});
