import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { createFirstAdmin, needsFirstAdmin } from '../../../src/core/services/setup';
import { tempDir } from '../../support/tempDb';
import { TEST_PIN_COST } from '../support/custodyFixture';

describe('setting up a new kiosk', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  beforeEach(() => {
    tmp = tempDir();
    core = openCore({ dbPath: tmp.dbPath, appVersion: 'test', pinCost: TEST_PIN_COST });
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  it('a kiosk without staff asks for its first administrator, who can then log in', () => {
    const ctx = core.services.context;
    expect(needsFirstAdmin(ctx)).toBe(true);
    const admin = createFirstAdmin(ctx, { displayName: 'Meester Kees', pin: '482731' });
    expect(admin).toMatchObject({ displayName: 'Meester Kees', role: 'admin' });
    expect(needsFirstAdmin(ctx)).toBe(false);
    expect(core.services.loginStaff({ staffId: admin.staffId, pin: '482731' }).staffId).toBe(admin.staffId);
  });

  it('the first administrator needs a PIN of at least 6 digits', () => {
    const ctx = core.services.context;
    expect(() => createFirstAdmin(ctx, { displayName: 'Meester Kees', pin: '4827' })).toThrow(
      expect.objectContaining({ code: 'PIN_TOO_SHORT', details: { minLength: 6 } }),
    );
    expect(needsFirstAdmin(ctx)).toBe(true);
  });

  it('once anyone is registered, nobody can make themselves administrator that way', () => {
    const ctx = core.services.context;
    createFirstAdmin(ctx, { displayName: 'Meester Kees', pin: '482731' });
    expect(() => createFirstAdmin(ctx, { displayName: 'Indringer', pin: '1234' })).toThrow(
      expect.objectContaining({ code: 'SETUP_DONE' }),
    );
  });
});
