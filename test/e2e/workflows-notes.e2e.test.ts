import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PINS, type DemoSchool } from '../../src/core/demo/seed';
import { startDemoBridge, type TestBridge } from './support/demo';
import { launchChromium, openKiosk, screenshot } from './support/browser';
import { lockKiosk, openTeacherScreen } from './support/pin';

/** Keeps every camera stream the page opens, so a test can check that it was stopped. */
const recordCameraStreams = `
  window.__streams = [];
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    window.__streams.push(stream);
    return stream;
  };
`;
const liveCameraTracks = () =>
  (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length;

describe('condition notes and incident reports by the teacher', () => {
  let bridge: TestBridge;
  let browser: Browser;
  let demo: DemoSchool;

  beforeAll(async () => {
    ({ bridge, demo } = await startDemoBridge());
    // Chromium's fake camera shows a moving test pattern and grants access without asking.
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
  });
  beforeEach(() => lockKiosk(bridge.url));
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  const lastEvent = (deviceId: string) => bridge.core.services.listEvents({ deviceId, limit: 1 }).events[0];

  it('notes the damage seen at a handover: marks and a note, and asks for at least one of them', async () => {
    const device = demo.devices[0]!;
    bridge.core.services.handIn({ deviceId: device.deviceId, actor: 'pupil', dutyStaffId: demo.staff.teacher7A.staffId });
    const { page, problems, context } = await openKiosk(browser, bridge);
    await openTeacherScreen(page, bridge.url, `condition?device=${device.deviceId}`, DEMO_PINS.teacher7A);
    await page.getByRole('heading', { name: 'Staat van het apparaat' }).waitFor();
    expect(await page.getByTestId('wf-device').textContent()).toContain(device.description);

    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('Kies minstens één beschadiging of schrijf een toelichting.').waitFor();
    const before = lastEvent(device.deviceId)!.seq;

    await page.getByRole('button', { name: 'Scherm gebarsten' }).click();
    await page.getByRole('button', { name: 'Hoesje kapot' }).click();
    expect(await page.getByRole('button', { name: /Scherm gebarsten/ }).getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('Toelichting').pressSequentially('barst linksboven', { delay: 80 });
    await screenshot(page, 'workflows-condition-form-1366x768');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByRole('heading', { name: 'Staat vastgelegd' }).waitFor();
    await screenshot(page, 'workflows-condition-done-1366x768');

    const noted = lastEvent(device.deviceId)!;
    expect(noted.seq).toBeGreaterThan(before);
    expect(noted).toMatchObject({
      type: 'condition_noted',
      actor: demo.staff.teacher7A.staffId,
      details: { marks: ['case_damaged', 'screen_cracked'] },
      payload: { note: 'barst linksboven' },
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reports an incident with a webcam photo of the device; the photo is kept with its hash in the ledger, and the camera stops', async () => {
    const device = demo.devices[1]!;
    const { page, problems, context } = await openKiosk(browser, bridge);
    await context.addInitScript({ content: recordCameraStreams });
    await page.reload();
    await openTeacherScreen(page, bridge.url, `incident?device=${device.deviceId}`, DEMO_PINS.teacher7A);
    await page.getByRole('heading', { name: 'Incident melden' }).waitFor();
    await screenshot(page, 'workflows-incident-form-1366x768');

    await page.getByRole('button', { name: 'Diefstal' }).click();
    await page.getByRole('button', { name: 'Melden' }).click();
    await page.getByText('Beschrijf wat er is gebeurd.').waitFor();
    await page.getByLabel('Beschrijving').pressSequentially('Telefoon weg uit de tas na de gymles.', { delay: 80 });

    await page.getByRole('button', { name: 'Camera aan' }).click();
    await page.getByRole('button', { name: 'Foto maken' }).waitFor();
    await page.getByText('Alleen het apparaat in het kader, geen gezichten').waitFor();
    await expect.poll(() => page.evaluate(() => document.querySelector('video')?.videoWidth ?? 0)).toBeGreaterThan(0);
    expect(await page.evaluate(liveCameraTracks)).toBe(1);
    await screenshot(page, 'workflows-incident-camera-1366x768');

    await page.getByRole('button', { name: 'Foto maken' }).click();
    await page.getByRole('img', { name: 'Foto van het apparaat' }).waitFor();
    // The camera is off as soon as the still is taken; only the guide frame's part is kept.
    expect(await page.evaluate(liveCameraTracks)).toBe(0);
    const still = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="photo-still"]')!;
      return { width: c.width, height: c.height };
    });
    expect(still.height).toBeGreaterThan(still.width);
    await screenshot(page, 'workflows-incident-photo-1366x768');

    await page.getByRole('button', { name: 'Melden' }).click();
    await page.getByRole('heading', { name: 'Incident gemeld' }).waitFor();
    await page.getByText('Met een foto van het apparaat:').waitFor();
    // The done screen shows the copy the kiosk kept, read back from the core.
    const kept = page.getByRole('img', { name: 'Bewaarde foto van het apparaat' });
    await kept.waitFor();
    await screenshot(page, 'workflows-incident-done-1366x768');

    const reported = lastEvent(device.deviceId)!;
    expect(reported).toMatchObject({
      type: 'incident_reported',
      details: { kind: 'theft', photoHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      payload: { description: 'Telefoon weg uit de tas na de gymles.' },
    });
    const photoHash = reported.details.photoHash as string;
    const shown = Buffer.from((await kept.getAttribute('src'))!.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
    expect(createHash('sha256').update(shown).digest('hex')).toBe(photoHash);
    expect(shown.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);

    // Later, from the list of events: the teacher opens the photo beside the incident.
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).getByRole('button', { name: 'Correcties' }).click();
    const row = page.locator(`tr[data-seq="${reported.seq}"]`);
    await row.getByRole('button', { name: 'Foto bekijken' }).click();
    await row.getByRole('img', { name: 'Bewaarde foto van het apparaat' }).waitFor();
    expect(await row.getByRole('img').getAttribute('src')).toBe(`data:image/jpeg;base64,${shown.toString('base64')}`);
    await screenshot(page, 'workflows-incident-photo-in-list-1366x768');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('stops the camera when the teacher leaves the screen while it is on', async () => {
    const device = demo.devices[2]!;
    const { page, context } = await openKiosk(browser, bridge);
    await context.addInitScript({ content: recordCameraStreams });
    await page.reload();
    await openTeacherScreen(page, bridge.url, `incident?device=${device.deviceId}`, DEMO_PINS.teacher7A);
    await page.getByRole('button', { name: 'Camera aan' }).click();
    await page.getByRole('button', { name: 'Foto maken' }).waitFor();
    expect(await page.evaluate(liveCameraTracks)).toBe(1);
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).getByRole('button', { name: 'Overzicht' }).click();
    await expect.poll(() => page.evaluate(liveCameraTracks)).toBe(0);
    await context.close();
  });

  it('an incident without a photo has no photo hash', async () => {
    const device = demo.devices[3]!;
    const { page, context } = await openKiosk(browser, bridge);
    await openTeacherScreen(page, bridge.url, `incident?device=${device.deviceId}`, DEMO_PINS.teacher7A);
    await page.getByRole('button', { name: 'Kwijt' }).click();
    await page.getByLabel('Beschrijving').fill('Kwijt sinds de pauze.');
    await page.getByRole('button', { name: 'Melden' }).click();
    await page.getByRole('heading', { name: 'Incident gemeld' }).waitFor();
    expect(lastEvent(device.deviceId)).toMatchObject({ type: 'incident_reported', details: { kind: 'loss' } });
    expect(lastEvent(device.deviceId)!.details).not.toHaveProperty('photoHash');
    await context.close();
  });
});
