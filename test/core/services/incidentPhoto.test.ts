import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { classFixture, codeOf, PINS, type ClassFixture } from '../support/custodyFixture';

const PHOTO = 'c0ffee'.padEnd(64, '0');

describe('an incident report with the hash of a photo of the device', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  beforeEach(() => {
    f = classFixture({ size: 1 });
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }), {
      onInternalError: (method, error) => {
        throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
      },
    });
  });
  afterEach(() => f.close());

  it('keeps only the hash, in the non-personal details, beside the kind; the description stays personal', () => {
    const phone = f.phones[0]!.deviceId;
    const { event } = f.s.reportIncident({ deviceId: phone, actor: f.teacher.staffId, kind: 'damage', description: 'barst', photoHash: PHOTO });
    const [listed] = f.s.listEvents({ deviceId: phone, limit: 1 }).events;
    expect(listed).toMatchObject({ seq: event.seq, type: 'incident_reported', details: { kind: 'damage', photoHash: PHOTO }, payload: { description: 'barst' } });
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
  });

  it('without a photo the details hold the kind only', () => {
    const phone = f.phones[0]!.deviceId;
    f.s.reportIncident({ deviceId: phone, actor: f.teacher.staffId, kind: 'loss', description: 'kwijt' });
    expect(f.s.listEvents({ deviceId: phone, limit: 1 }).events[0]?.details).toEqual({ kind: 'loss' });
  });

  it('refuses something that is not a SHA-256 in lower-case hex', () => {
    const phone = f.phones[0]!.deviceId;
    const report = (photoHash: string) => () =>
      f.s.reportIncident({ deviceId: phone, actor: f.teacher.staffId, kind: 'damage', description: 'x', photoHash });
    expect(codeOf(report('C0FFEE'.padEnd(64, '0')))).toBe('INVALID_ARGUMENT');
    expect(codeOf(report('abc'))).toBe('INVALID_ARGUMENT');
  });

  it('the screen passes the hash through the contract, and a malformed one is refused there', async () => {
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    const deviceId = f.phones[0]!.deviceId;
    const ok = await gateway.invoke('reportIncident', { deviceId, kind: 'theft', description: 'weg uit tas', photoHash: PHOTO });
    expect(ok).toMatchObject({ ok: true, value: { event: { type: 'incident_reported' } } });
    expect(f.s.listEvents({ deviceId, limit: 1 }).events[0]?.details).toEqual({ kind: 'theft', photoHash: PHOTO });
    const bad = await gateway.invoke('reportIncident', { deviceId, kind: 'theft', description: 'x', photoHash: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
