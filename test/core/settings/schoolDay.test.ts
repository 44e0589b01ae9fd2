import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettings, updateSettings } from '../../../src/core/settings/store';
import { classFixture, codeOf, type ClassFixture } from '../support/custodyFixture';

describe('the school day in the settings', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 1 });
  });
  afterEach(() => f.close());

  const events = () => f.core.db.prepare("SELECT count(*) FROM ledger_events WHERE type = 'settings_changed'").pluck().get();

  it('a return time at or after the end of the day is refused, and nothing is stored or recorded', () => {
    const before = events();
    expect(codeOf(() => updateSettings(f.s.context, f.admin.staffId, { returnModeAt: '16:00' }))).toBe('RETURN_AFTER_END_OF_DAY');
    expect(codeOf(() => updateSettings(f.s.context, f.admin.staffId, { returnModeAt: '15:15' }))).toBe('RETURN_AFTER_END_OF_DAY');
    expect(codeOf(() => updateSettings(f.s.context, f.admin.staffId, { endOfDayAt: '13:59' }))).toBe('RETURN_AFTER_END_OF_DAY');
    expect(readSettings(f.core.db)).toMatchObject({ returnModeAt: '14:00', endOfDayAt: '15:15' });
    expect(events()).toBe(before);
  });

  it('both moved together in one change is fine, as long as returning starts first', () => {
    expect(updateSettings(f.s.context, f.admin.staffId, { returnModeAt: '16:00', endOfDayAt: '16:30' })).toMatchObject({ returnModeAt: '16:00', endOfDayAt: '16:30' });
  });
});
