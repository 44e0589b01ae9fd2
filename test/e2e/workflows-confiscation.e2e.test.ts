import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PINS, type DemoDevice, type DemoSchool } from '../../src/core/demo/seed';
import { getEvent } from '../../src/core/ledger/rows';
import { startDemoBridge, type TestBridge } from './support/demo';
import { launchChromium, openKiosk, screenshot } from './support/browser';
import { lockKiosk, openTeacherScreen, tapPin } from './support/pin';

/** Draws a scribble on the signature pad with the mouse, as a finger would. */
async function sign(page: Page): Promise<void> {
  const box = await page.getByTestId('signature-pad').boundingBox();
  if (!box) throw new Error('signature pad not visible');
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  await page.mouse.move(...at(0.1, 0.6));
  await page.mouse.down();
  for (const [fx, fy] of [[0.2, 0.3], [0.3, 0.7], [0.4, 0.35], [0.5, 0.65], [0.6, 0.4], [0.75, 0.55], [0.9, 0.45]] as const) {
    await page.mouse.move(...at(fx, fy), { steps: 6 });
  }
  await page.mouse.up();
}

describe('taking a device into custody with a witness and handing it to a parent', () => {
  let bridge: TestBridge;
  let browser: Browser;
  let demo: DemoSchool;
  let device: DemoDevice;

  beforeAll(async () => {
    ({ bridge, demo } = await startDemoBridge({ kiosk: { name: 'Groep 7A — lokaal 3', school: 'Basisschool De Regenboog' } }));
    device = demo.devices.find((d) => d.kind === 'smartphone' && demo.pupils.find((p) => p.pupilId === d.pupilId)?.groep === '7A')!;
    browser = await launchChromium();
  });
  beforeEach(() => lockKiosk(bridge.url));
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  const eventsOf = (deviceId: string) => bridge.core.services.listEvents({ deviceId, limit: 50 }).events;

  it('a confiscation needs a witness: a wrong witness PIN is refused and nothing is recorded; the right one records it', async () => {
    const { page, problems, context } = await openKiosk(browser, bridge);
    const pupil = demo.pupils.find((p) => p.pupilId === device.pupilId)!;
    // Opened from the teacher menu, without a device: the teacher finds the pupil by name.
    await openTeacherScreen(page, bridge.url, 'overview', DEMO_PINS.teacher7A);
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).getByRole('button', { name: 'In beslag nemen' }).click();
    await page.getByLabel('Zoek op naam, groep of apparaat').fill(`${pupil.roepnaam} ${pupil.achternaam}`);
    await screenshot(page, 'workflows-confiscate-picker-1366x768');
    await page.getByRole('button', { name: new RegExp(device.description) }).first().click();
    await expect.poll(() => page.url()).toContain(`device=${device.deviceId}`);

    await page.getByRole('button', { name: 'B · gebruikt op school' }).click();
    await expect.poll(() => page.getByLabel('Reden').inputValue()).toBe('Apparaat gebruikt tijdens activiteiten op school (protocol B).');
    await page.getByLabel('Nummer verzegelde zak').fill('Z-0042');
    await page.getByRole('button', { name: 'Kluis administratie' }).click();
    await screenshot(page, 'workflows-confiscate-form-1366x768');
    await page.getByRole('button', { name: 'Verder: getuige' }).click();

    // The witness sees what they confirm, picks their own name and types their own PIN.
    await page.getByRole('heading', { name: 'De getuige bevestigt' }).waitFor();
    expect(await page.locator('.wf-facts').textContent()).toContain('Z-0042');
    await page.getByRole('button', { name: demo.staff.witness.displayName }).click();
    const witnessPad = page.getByRole('form', { name: `Pincode van ${demo.staff.witness.displayName}` });
    await screenshot(page, 'workflows-confiscate-witness-1366x768');

    await tapPin(witnessPad, '0000');
    await witnessPad.getByRole('alert').waitFor();
    expect(await witnessPad.getByRole('alert').textContent()).toMatch(/pincode/i);
    await screenshot(page, 'workflows-confiscate-wrong-witness-pin-1366x768');
    expect(eventsOf(device.deviceId).filter((e) => e.type === 'confiscated')).toEqual([]);

    await tapPin(witnessPad, DEMO_PINS.witness);
    await page.getByRole('heading', { name: 'In beslag genomen' }).waitFor();
    await page.getByText('Geef het apparaat in principe vandaag nog terug aan een ouder of verzorger.').waitFor();
    await screenshot(page, 'workflows-confiscate-done-1366x768');
    // The done card says where the phone is now: the safe, not the pouch it came from.
    const state = await page.getByTestId('wf-device').locator('.wf-state').textContent();
    expect(state).toContain('Kluis administratie');
    expect(state).not.toMatch(/vak \d/i);

    const [confiscated] = eventsOf(device.deviceId).filter((e) => e.type === 'confiscated');
    expect(confiscated).toMatchObject({
      actor: demo.staff.teacher7A.staffId,
      custodian: `location:${demo.locations.officeSafe}`,
      details: { witnessStaffId: demo.staff.witness.staffId, article: 'B', sealedBagNumber: 'Z-0042' },
      payload: { reason: 'Apparaat gebruikt tijdens activiteiten op school (protocol B).' },
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the witness cannot be the teacher who confiscates, and the teacher is not offered as witness', async () => {
    const { page, context } = await openKiosk(browser, bridge);
    await openTeacherScreen(page, bridge.url, `confiscate?device=${demo.devices[5]!.deviceId}`, DEMO_PINS.teacher7A);
    // Without a reason the witness step does not open.
    await page.getByRole('button', { name: 'Verder: getuige' }).click();
    await page.getByText('Vul eerst een reden in.').waitFor();
    await page.getByLabel('Reden').fill('Filmde in de klas');
    await page.getByRole('button', { name: 'Verder: getuige' }).click();
    // The staff list arrives after the step opens: wait for a colleague before reading them all.
    await page.getByRole('group', { name: /Getuige/ }).getByRole('button', { name: demo.staff.witness.displayName }).waitFor();
    const names = await page.getByRole('group', { name: /Getuige/ }).getByRole('button').allTextContents();
    expect(names).toContain(demo.staff.witness.displayName);
    expect(names).not.toContain(demo.staff.teacher7A.displayName);
    await context.close();
  });

  it('release goes only to a named guardian, with a drawn signature whose hash is in the ledger, and a printable receipt', async () => {
    const { page, problems, context } = await openKiosk(browser, bridge);
    // From the menu: the list offers only devices taken into custody.
    await openTeacherScreen(page, bridge.url, 'release', DEMO_PINS.teacher7A);
    const offered = page.getByRole('list', { name: 'Apparaten' }).getByRole('button');
    await expect.poll(() => offered.count()).toBe(1);
    await screenshot(page, 'workflows-release-picker-1366x768');
    await offered.first().click();

    await page.getByText(/In beslag genomen op .* door Juf Anna\./).waitFor();
    await page.getByRole('button', { name: 'Meegeven' }).click();
    await page.getByText('Vul de volledige naam van de ouder of verzorger in.').waitFor();
    expect(eventsOf(device.deviceId).some((e) => e.type === 'released_to_guardian')).toBe(false);

    await page.getByLabel('Volledige naam van de ouder of verzorger').pressSequentially('Fatima el Amrani', { delay: 90 });
    await sign(page);
    await page.getByText('Getekend.').waitFor();
    await screenshot(page, 'workflows-release-form-1366x768');
    await page.getByRole('button', { name: 'Meegeven' }).click();

    await page.getByRole('heading', { name: 'Meegegeven aan Fatima el Amrani' }).waitFor();
    const released = eventsOf(device.deviceId).find((e) => e.type === 'released_to_guardian')!;
    const confiscated = eventsOf(device.deviceId).find((e) => e.type === 'confiscated')!;
    expect(released).toMatchObject({
      custodian: 'guardian',
      details: { confiscatedSeq: confiscated.seq, signed: true },
      payload: { guardianName: 'Fatima el Amrani', signatureImageHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    // The receipt shows the signature the kiosk kept, read back from the core: the SHA-256 of
    // exactly that image is the hash in the ledger.
    const signatureImage = page.getByRole('img', { name: 'Handtekening, getekend op het scherm' });
    await signatureImage.waitFor();
    const src = await signatureImage.getAttribute('src');
    const png = Buffer.from(src!.replace(/^data:image\/png;base64,/, ''), 'base64');
    const signatureHash = released.payload?.signatureImageHash as string;
    expect(createHash('sha256').update(png).digest('hex')).toBe(signatureHash);
    expect(bridge.core.services.getMedia(signatureHash)).toMatchObject({ mime: 'image/png', byteSize: png.length });

    const receipt = page.getByTestId('receipt');
    expect(await receipt.getByTestId('receipt-guardian').textContent()).toBe('Fatima el Amrani');
    const hashPrefix = getEvent(bridge.core.db, released.seq)!.hash.toString('hex').slice(0, 16);
    const ledgerLine = await receipt.getByTestId('receipt-ledger').textContent();
    expect(ledgerLine).toContain(`Logboek: gebeurtenis ${released.seq} · ${hashPrefix}`);
    expect(ledgerLine).toContain(`gebeurtenis ${confiscated.seq}`);
    const text = await receipt.textContent();
    const pupil = demo.pupils.find((p) => p.pupilId === device.pupilId)!;
    expect(text).toContain('Basisschool De Regenboog');
    // In full: the receipt goes to this pupil's own parent, and 7A has two of some first names.
    expect(text).toContain(`${pupil.name}, groep 7A`);
    expect(text).toContain(demo.staff.witness.displayName);
    expect(text).toContain('Artikel B:');
    await screenshot(page, 'workflows-release-receipt-1366x768');

    // "Afdrukken" opens the print dialog; printed, only the receipt is on the paper.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).isVisible()).toBe(false);
    expect(await receipt.isVisible()).toBe(true);
    await screenshot(page, 'workflows-release-receipt-print');
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads in English and fits a full-HD screen', async () => {
    const { page, problems, context } = await openKiosk(browser, bridge, { viewport: { width: 1920, height: 1080 } });
    await openTeacherScreen(page, bridge.url, `confiscate?device=${demo.devices[7]!.deviceId}`, DEMO_PINS.teacher7A);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Confiscate', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'A · recording without consent' }).click();
    await page.getByRole('button', { name: 'Next: witness' }).click();
    await page.getByRole('heading', { name: 'The witness confirms' }).waitFor();
    await page.getByRole('button', { name: demo.staff.witness.displayName }).click();
    await screenshot(page, 'workflows-confiscate-witness-en-1920x1080');
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a device that was only handed in cannot be given to a parent from this screen', async () => {
    const other = demo.devices.find((d) => d.deviceId !== device.deviceId && d.kind === 'smartphone')!;
    bridge.core.services.handIn({ deviceId: other.deviceId, actor: 'pupil', dutyStaffId: demo.staff.teacher7A.staffId });
    const { page, context } = await openKiosk(browser, bridge);
    await openTeacherScreen(page, bridge.url, `release?device=${other.deviceId}`, DEMO_PINS.teacher7A);
    await page.getByText(/Dit apparaat is niet in beslag genomen\./).waitFor();
    expect(await page.getByLabel('Volledige naam van de ouder of verzorger').count()).toBe(0);
    await context.close();
  });
});
