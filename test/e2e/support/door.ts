import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoSchool, DemoTag } from '../../../src/core/demo/seed';
import type { SettingsPatch } from '../../../src/shared/contract/settings';
import { bridgeClientSource } from '../../bridge/client';
import { afterAll, beforeAll } from 'vitest';
import type { Bridge } from '../../bridge/server';
import { launchChromium } from './browser';
import { startDemoBridge, type DemoBridge } from './demo';

export type DoorBridge = DemoBridge;

/**
 * The wedge thresholds for the test kiosk. A real scanner's keys carry the keyboard's own
 * timestamps, a few ms apart whatever the PC is doing; Playwright's keys are separate CDP round
 * trips, which on a busy two-core CI machine now and then arrive 60–100 ms apart. A longer
 * allowed pause keeps those bursts scans; the average (30 ms per key) still tells a person
 * (80–150 ms per key) from a scanner.
 */
export const testWedge: SettingsPatch['wedge'] = {
  maxGapMs: 250,
  maxAvgGapMs: 30,
  minLength: 4,
  suffix: 'enter-or-tab',
  prefix: '',
  nfcProfile: null,
};

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

/** The demo school behind the bridge, with the test kiosk's wedge thresholds. */
export function startDoorBridge(patch: SettingsPatch = {}): Promise<DoorBridge> {
  return startDemoBridge({ settings: { wedge: testWedge, ...patch } });
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

export function roepnaamOf(demo: DemoSchool, pupilId: string): string {
  const pupil = demo.pupils.find((p) => p.pupilId === pupilId);
  if (!pupil) throw new Error('no such demo pupil');
  return pupil.roepnaam;
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

export interface DoorPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations: a clean kiosk has none. */
  problems: string[];
}

/** A morning at school (local time), so the door opens in hand-in mode whatever the real hour. */
export function schoolTime(hours: number, minutes: number): Date {
  const d = new Date();
  d.setHours(hours, minutes, 0, 0);
  return d;
}

/**
 * The kiosk page at the door, with the page's wall clock set to `time` and running on from there
 * (the core keeps real time), the bridge client and the sound recorder installed first.
 */
export async function openDoor(
  browser: Browser,
  url: string,
  {
    viewport = { width: 1366, height: 768 },
    time = schoolTime(8, 15),
    initScripts = [],
  }: { viewport?: { width: number; height: number }; time?: Date; initScripts?: string[] } = {},
): Promise<DoorPage> {
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  for (const content of [bridgeClientSource(), soundRecorder, ...initScripts]) await context.addInitScript({ content });
  const page = await context.newPage();
  await page.clock.install({ time });
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${url}/index.html`);
  await page.getByRole('heading', { level: 1, name: 'Scan je telefoon of horloge' }).waitFor();
  return { context, page, problems };
}

/** A keyboard-wedge scanner: the whole code in a few milliseconds per key, then Enter. */
export async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(`${code}\n`, { delay: 5 });
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
