import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { reportStory, type ReportStory } from '../report/reportFixture';
import { PINS } from '../support/custodyFixture';

/** The chain-of-custody report through the same gateway the kiosk window uses. */
describe('custody reports through the contract', () => {
  let story: ReportStory;
  let gateway: Gateway;
  const unlock = (staffId: string, pin: string) => gateway.invoke('unlockStaff', { staffId, pin });
  beforeEach(() => {
    story = reportStory();
    gateway = createGateway(createHandlers(story.f.core, { exitKiosk: () => undefined }), {
      onInternalError: (method, error) => {
        throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
      },
    });
  });
  afterEach(() => story.f.close());

  it("the office finds a group's devices with their incidents and gets the device's report as a PDF", async () => {
    expect(await unlock(story.f.office.staffId, PINS.office)).toMatchObject({ ok: true });
    const subjects = await gateway.invoke('reportSubjects', { groep: '7B' });
    if (!subjects.ok) throw new Error(subjects.error.code);
    const { groups, devices } = subjects.value as { groups: string[]; devices: { deviceId: string; pupilName: string; incidents: { seq: number }[] }[] };
    expect(groups).toEqual(['7B']);
    expect(devices.find((d) => d.deviceId === story.phone.deviceId)).toMatchObject({ pupilName: 'Zoë Ǆurić', incidents: [{ seq: story.incidentSeq }] });
    const made = await gateway.invoke('makeCustodyReport', { scope: { kind: 'device', deviceId: story.phone.deviceId } });
    if (!made.ok) throw new Error(made.error.code);
    const value = made.value as { base64: string; pageCount: number; verified: boolean; events: number };
    expect(value).toMatchObject({ verified: true, events: 10 });
    expect(Buffer.from(value.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a teacher makes an incident report but does not browse the whole school; a locked kiosk makes none', async () => {
    const scope = { kind: 'incident', seq: story.incidentSeq };
    expect(await gateway.invoke('makeCustodyReport', { scope })).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    expect(await unlock(story.f.teacher.staffId, PINS.teacher)).toMatchObject({ ok: true });
    expect(await gateway.invoke('makeCustodyReport', { scope })).toMatchObject({ ok: true, value: { events: 3 } });
    expect(await gateway.invoke('reportSubjects', {})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await gateway.invoke('makeCustodyReport', { scope: { kind: 'incident', seq: 0 } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
