import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import type { TestBridge } from './support/demo';
import { fakeCameraVideo, type FakeCameraVideo } from '../support/fakeCamera';
import { launchChromium, screenshot } from './support/browser';
import { confirmationOf, eventsOfType, openDoor, doorNameOf, startDoorBridge, stickerTags } from './support/door';
import { openArea } from './support/navigation';

/** Keeps every camera stream the page opens, so the test can see whether they were stopped. */
const streamRecorder = `(() => {
  window.__cameraTracks = [];
  const md = navigator.mediaDevices;
  if (!md) return;
  const real = md.getUserMedia.bind(md);
  md.getUserMedia = async (constraints) => {
    const stream = await real(constraints);
    window.__cameraTracks.push(...stream.getVideoTracks());
    return stream;
  };
})();`;

const liveTracks = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { __cameraTracks: MediaStreamTrack[] }).__cameraTracks.filter((t) => t.readyState === 'live').length);

describe('the door with the webcam as scanner (Chromium’s fake camera showing a sticker)', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  let video: FakeCameraVideo;
  let deviceId: string;
  let pupilId: string;

  beforeAll(async () => {
    ({ bridge, demo } = await startDoorBridge({ camera: { enabled: true, deviceId: null } }));
    const tag = stickerTags(demo)[0]!;
    deviceId = tag.deviceId;
    pupilId = tag.pupilId;
    video = await fakeCameraVideo('code128', tag.code);
    browser = await launchChromium([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video.path}`,
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    video?.cleanup();
  });

  it('hands in the device whose sticker the camera sees, once, and lets go of the camera when the door closes', async () => {
    const { page, problems, context } = await openDoor(browser, bridge, { initScripts: [streamRecorder] });

    const card = confirmationOf(page, deviceId);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('door-headline').textContent()).toBe(doorNameOf(demo, pupilId));
    await screenshot(page, 'door-camera-confirmation-1366x768');
    const timings = await page.evaluate(
      () => (window as unknown as { __inleverpuntMetrics: { scanToConfirmation: { source: string }[] } }).__inleverpuntMetrics.scanToConfirmation,
    );
    expect(timings.map((t) => t.source)).toContain('camera');

    // The sticker stays in view: the camera does not hand it in again, nor flood the door with repeats.
    await page.waitForTimeout(1500);
    expect(eventsOfType(bridge, 'handed_in').filter((e) => e.deviceId === deviceId)).toHaveLength(1);
    expect(await page.locator(`[data-device="${deviceId}"]`).count()).toBe(1);
    expect(await liveTracks(page)).toBe(1);

    // Leaving the door screen turns the camera off (its light goes out).
    await openArea(page, 'Leerkracht');
    await expect.poll(() => liveTracks(page)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
