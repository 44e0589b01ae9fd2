import type { Browser, Page } from 'playwright-core';
import type { DemoSchool, DemoTag } from '../../../src/core/demo/seed';
import type { SettingsPatch } from '../../../src/shared/contract/settings';
import { afterAll, beforeAll } from 'vitest';
import type { Bridge } from '../../bridge/server';
import { launchChromium, openKiosk, type KioskPage, type OpenKioskOptions } from './browser';
import { startDemoBridge, type DemoBridge, type TestBridge } from './demo';

export { schoolTime } from './schoolTime';
export { wedgeScan } from './wedge';

export type DoorBridge = DemoBridge;

export interface DoorKiosk extends DemoBridge {
  browser: Browser;
}

/**
 * For the surrounding describe block: the demo school behind the bridge and a Chromium, started
 * before its tests and stopped after them. `use` receives them once they run.
 */
export function doorKioskSuite(use: (kiosk: DoorKiosk) => void, patch: SettingsPatch = {}): void {
  let kiosk: DoorKiosk | undefined;
  beforeAll(async () => {
    const started = await startDoorBridge(patch);
    kiosk = { ...started, browser: await launchChromium() };
    use(kiosk);
  });
  afterAll(async () => {
    await kiosk?.browser.close();
    await kiosk?.bridge.close();
  });
}

/** The demo school behind the bridge (with the test kiosk's wedge thresholds). */
export function startDoorBridge(patch: SettingsPatch = {}): Promise<DoorBridge> {
  return startDemoBridge({ settings: patch });
}

/** Device stickers that work (our own printed codes), one per device, in the demo's order. */
export function stickerTags(demo: DemoSchool): (DemoTag & { deviceId: string; pupilId: string })[] {
  const seen = new Set<string>();
  return demo.tags.filter((t): t is DemoTag & { deviceId: string; pupilId: string } => {
    if (t.kind !== 'device_sticker' || t.revoked || !t.deviceId || !t.pupilId || seen.has(t.deviceId)) return false;
    seen.add(t.deviceId);
    return true;
  });
}

/**
 * What the door's headline says for a pupil: the first name, and where the group has two of it
 * (the demo's 7A has two Lucas and two Bo) the initial of the surname, "Lucas V.".
 */
export function doorNameOf(demo: DemoSchool, pupilId: string): string {
  const pupil = demo.pupils.find((p) => p.pupilId === pupilId);
  if (!pupil) throw new Error('no such demo pupil');
  const namesakes = demo.pupils.filter((p) => p.groep === pupil.groep && p.roepnaam.toLowerCase() === pupil.roepnaam.toLowerCase());
  return namesakes.length > 1 ? `${pupil.roepnaam} ${pupil.achternaam.charAt(0).toUpperCase()}.` : pupil.roepnaam;
}

/**
 * Records every tone the page plays (WebAudio oscillators), so a test can tell the sounds apart
 * by their pitch — the same way a pupil does. See src/renderer/feedback/sounds.ts.
 */
const soundRecorder = `(() => {
  window.__tones = [];
  const Real = window.AudioContext;
  if (!Real) return;
  window.AudioContext = class extends Real {
    createOscillator() {
      const osc = super.createOscillator();
      const start = osc.start.bind(osc);
      osc.start = (...args) => { window.__tones.push(osc.frequency.value); return start(...args); };
      return osc;
    }
  };
})();`;

export type SoundCounts = Record<'success' | 'repeat' | 'error' | 'attention', number>;

/** How many times each sound was played (success 880+1320 Hz, repeat 990, error 2×196, attention 2×660). */
export async function soundsPlayed(page: Page): Promise<SoundCounts> {
  const tones = await page.evaluate(() => (window as unknown as { __tones: number[] }).__tones);
  const count = (hz: number) => tones.filter((t) => Math.round(t) === hz).length;
  return { success: count(880), repeat: count(990), error: count(196) / 2, attention: count(660) / 2 };
}

export type DoorPage = KioskPage;

/**
 * The kiosk page at the door, with the page's and the core's clocks set to `time` (default: the
 * bridge's clock, the school morning) and running on from there, the bridge client and the sound
 * recorder installed first.
 */
export async function openDoor(
  browser: Browser,
  bridge: TestBridge,
  { initScripts = [], ...options }: OpenKioskOptions = {},
): Promise<DoorPage> {
  const opened = await openKiosk(browser, bridge, { ...options, initScripts: [soundRecorder, ...initScripts] });
  // Hand-in mode before the return time, return mode after it: either prompt means the door is ready.
  await opened.page.getByRole('heading', { level: 1, name: /^Scan je (telefoon of horloge|vak of je telefoon om hem terug te krijgen)$/ }).waitFor();
  return opened;
}

/** The big confirmation card of this device. */
export function confirmationOf(page: Page, deviceId: string) {
  return page.locator(`[data-testid="door-confirmation"][data-device="${deviceId}"]`);
}

/** The ledger's events of one type, newest first. */
export function eventsOfType(bridge: Bridge, type: string) {
  return bridge.core.services.listEvents({ limit: 500 }).events.filter((e) => e.type === type);
}

/**
 * Waits until the page's event stream is connected, so a pushed HID scan is not lost: pushes a
 * harmless `stateChanged` until the page hears one.
 */
export async function waitForPushChannel(page: Page, bridge: Bridge): Promise<void> {
  const heard = page.evaluate(
    () =>
      new Promise<void>((done) => {
        const off = (window as unknown as { inleverpunt: { on(e: string, l: () => void): () => void } }).inleverpunt.on(
          'stateChanged',
          () => {
            off();
            done();
          },
        );
      }),
  );
  let settled = false;
  void heard.then(() => (settled = true));
  for (let i = 0; i < 100 && !settled; i++) {
    bridge.push('stateChanged', { reason: 'test-ping' });
    await new Promise((r) => setTimeout(r, 50));
  }
  await heard;
}
