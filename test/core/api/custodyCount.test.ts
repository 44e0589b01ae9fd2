import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

describe('custodyCount: the door’s return counter, without a PIN and without personal data', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  beforeEach(() => {
    // The fixture's clock starts at 2025-09-01 07:45 UTC: a school morning in any European zone.
    f = classFixture({ size: 4 });
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }), {
      onInternalError: (method, error) => {
        throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
      },
    });
  });
  afterEach(() => f.close());

  const count = async () => {
    const result = await gateway.invoke('custodyCount', {});
    if (!result.ok) throw new Error(result.error.code);
    return result.value;
  };

  it('is zero on an empty day', async () => {
    expect(await count()).toEqual({ held: 0, handedInToday: 0, heldFromToday: 0 });
  });

  it('counts today’s hand-ins and how many of them are still held, for a locked kiosk', async () => {
    for (const code of ['STK-1', 'STK-2', 'STK-3']) await gateway.invoke('scan', { code, mode: 'hand-in' });
    await gateway.invoke('scan', { code: 'STK-1', mode: 'return' });
    expect(await gateway.invoke('getSession', {})).toEqual({ ok: true, value: { onDuty: null, unlocked: null } });
    expect(await count()).toEqual({ held: 2, handedInToday: 3, heldFromToday: 2 });
  });

  it('a device kept from an earlier day is held, but not part of today’s set', async () => {
    f.s.scan({ code: 'STK-4', mode: 'hand-in', actor: 'pupil' });
    f.clock.advance(24 * 3600_000);
    await gateway.invoke('scan', { code: 'STK-1', mode: 'hand-in' });
    expect(await count()).toEqual({ held: 2, handedInToday: 1, heldFromToday: 1 });
  });

  it('carries numbers only: no names, ids or codes', async () => {
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    await gateway.invoke('scan', { code: 'STK-2', mode: 'hand-in' });
    const result = await gateway.invoke('custodyCount', {});
    expect(JSON.stringify(result)).not.toMatch(/Kind|Achternaam|STK|[0-9a-f]{8}-/);
  });

  it('takes no arguments', async () => {
    expect(await gateway.invoke('custodyCount', { groep: '7B' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
