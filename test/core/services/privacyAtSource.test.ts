import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateSettings } from '../../../src/core/settings/store';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

describe('"pouch number only": the core leaves the pupil’s name out of what the door gets', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
  });
  afterEach(() => f.close());

  const pouchOnly = () => updateSettings(f.s.context, f.admin.staffId, { privacyDisplay: 'pouch-only' });

  it('a scan at the door names the pupil by first name while the school allows it', () => {
    const out = f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    expect(out.pupil).toMatchObject({ roepnaam: 'Kind1', groep: '7B' });
  });

  it('with pouch numbers only, neither the hand-in, its repeat nor the return carries a name', () => {
    pouchOnly();
    const handIn = f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    const repeat = f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.clock.advance(5 * 60_000);
    const back = f.s.scan({ code: 'POUCH-1', mode: 'return', actor: 'pupil' });
    for (const out of [handIn, repeat, back]) {
      expect(out.pupil?.roepnaam).toBeNull();
      expect(JSON.stringify(out)).not.toContain('Kind1');
    }
    // What the door needs is still there: the device and its pouch.
    expect(handIn.pouch).toMatchObject({ number: 1 });
  });

  it('a staff screen’s result (release to a guardian, for the receipt) keeps the name', () => {
    pouchOnly();
    const device = f.phones[0]!.deviceId;
    f.s.handIn({ deviceId: device, actor: 'pupil' });
    f.s.confiscate({ deviceId: device, actor: f.teacher.staffId, reason: 'toets', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness });
    const released = f.s.releaseToGuardian({ deviceId: device, actor: f.teacher.staffId, guardianName: 'Mevrouw Een' });
    expect(released.pupil?.roepnaam).toBe('Kind1');
  });
});
