import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { admits, contract, methodNameList, type Access } from '../../../src/shared/contract';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

type Who = 'locked' | 'teacher' | 'office' | 'admin';
const everyone: Who[] = ['locked', 'teacher', 'office', 'admin'];
const pinOf = { teacher: PINS.teacher, office: PINS.office, admin: PINS.admin } as const;

/** What the contract's declaration says a call by `who` gets: through, or which refusal. */
function expected(access: Access, who: Who): 'allowed' | 'NOT_UNLOCKED' | 'NOT_AUTHORISED' {
  if (access === 'door') return 'allowed';
  if (who === 'locked') return 'NOT_UNLOCKED';
  return admits(access, who) ? 'allowed' : 'NOT_AUTHORISED';
}

/**
 * Every method of the contract, called by every role and by a locked kiosk, against what its
 * access level declares. The list comes from the contract, so a new method is covered the day
 * it is declared. Arguments are empty: a call let through may still be refused for its input,
 * which shows it got past the access check.
 */
describe('who may call what, for every method in the contract', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  beforeAll(() => {
    f = classFixture({ size: 1 });
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }), {
      onInternalError: (method, error) => {
        throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
      },
    });
  });
  afterAll(() => f.close());

  const as = async (who: Who) => {
    await gateway.invoke('lockStaff', { endDuty: true });
    if (who !== 'locked') expect(await gateway.invoke('unlockStaff', { staffId: f[who].staffId, pin: pinOf[who] })).toMatchObject({ ok: true });
  };

  describe.each(everyone)('%s', (who) => {
    it.each([...methodNameList])('%s', async (method) => {
      await as(who);
      const result = await gateway.invoke(method, {});
      const code = result.ok ? null : result.error.code;
      const want = expected(contract[method].access, who);
      if (want === 'allowed') expect(['NOT_UNLOCKED', 'NOT_AUTHORISED'], `${method} (${contract[method].access})`).not.toContain(code);
      else expect(code, `${method} (${contract[method].access})`).toBe(want);
    });
  });

  it('the levels mean what a school needs', () => {
    // Office staff do not act as teachers, teachers do not change the kiosk, the administrator may do all.
    expect(expected(contract.confiscate.access, 'office')).toBe('NOT_AUTHORISED');
    expect(expected(contract.updateSettings.access, 'teacher')).toBe('NOT_AUTHORISED');
    expect(expected(contract.updateSettings.access, 'office')).toBe('NOT_AUTHORISED');
    expect(everyone.filter((who) => who !== 'locked').map((who) => expected(contract.scan.access, who))).toEqual(['allowed', 'allowed', 'allowed']);
    for (const level of ['teacher', 'office', 'admin'] as const) expect(admits(level, 'admin'), level).toBe(true);
  });
});
