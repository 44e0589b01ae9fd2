import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHidReaderService,
  type HidDeviceHandle,
  type HidDeviceInfo,
  type ReaderState,
} from '../../../src/core/hid/readerService';
import type { ScanEvent } from '../../../src/shared/contract/events';

/** A fake node-hid device: the test feeds it reports and pulls the plug. */
class FakeDevice extends EventEmitter implements HidDeviceHandle {
  closed = false;
  close(): void {
    this.closed = true;
  }
  send(report: number[] | Uint8Array): void {
    this.emit('data', Buffer.from(report));
  }
  unplug(): void {
    this.emit('error', new Error('could not read from HID device'));
  }
}

const SCANNER: HidDeviceInfo = { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, path: '/dev/hidraw3' };
const KEYBOARD_INTERFACE: HidDeviceInfo = { ...SCANNER, usagePage: 0x01, path: '/dev/hidraw2' };

function posReport(text: string): Uint8Array {
  const r = new Uint8Array(64);
  r[0] = 0x02;
  r[1] = text.length;
  r.set(new TextEncoder().encode(`]C0${text}`), 2);
  return r;
}

function setup({ plugged = true, openFails = 0 } = {}) {
  const visible: HidDeviceInfo[] = plugged ? [KEYBOARD_INTERFACE, SCANNER] : [KEYBOARD_INTERFACE];
  const devices: FakeDevice[] = [];
  const opened: HidDeviceInfo[] = [];
  let failuresLeft = openFails;
  const scans: ScanEvent[] = [];
  const states: ReaderState['state'][] = [];
  const service = createHidReaderService({
    vendorId: SCANNER.vendorId,
    productId: SCANNER.productId,
    usagePage: 0x8c,
    format: 'hidpos',
    listDevices: async () => [...visible],
    open: (info) => {
      opened.push(info);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('cannot open device');
      }
      const d = new FakeDevice();
      devices.push(d);
      return d;
    },
    onScan: (e) => scans.push(e),
    onState: (s) => states.push(s.state),
    now: () => 1_700_000_000_000,
    pollIntervalMs: 2000,
    backoff: { initialMs: 500, maxMs: 4000 },
  });
  return {
    service,
    scans,
    states,
    devices,
    opened,
    plugIn: () => visible.push(SCANNER),
    pullOut: () => visible.splice(visible.indexOf(SCANNER), 1),
  };
}

describe('the HID reader service', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the configured interface (HID-POS, not the keyboard one) and emits hid scans', async () => {
    const t = setup();
    t.service.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.service.state).toEqual({ state: 'connected' });
    expect(t.opened).toEqual([SCANNER]);
    t.devices[0]!.send(posReport('IP7K2M9QXA7'));
    expect(t.scans).toEqual([{ source: 'hid', raw: 'IP7K2M9QXA7', code: 'IP7K2M9QXA7', at: 1_700_000_000_000 }]);
  });

  it('reconnects after the scanner is unplugged and plugged back in', async () => {
    const t = setup();
    t.service.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = t.devices[0]!;

    t.pullOut();
    first.unplug();
    expect(first.closed).toBe(true);
    expect(t.service.state).toMatchObject({ state: 'retrying', error: 'SCANNER_NOT_FOUND' });

    await vi.advanceTimersByTimeAsync(500);
    expect(t.service.state).toEqual({ state: 'waiting-for-device', error: 'SCANNER_NOT_FOUND' });
    await vi.advanceTimersByTimeAsync(10_000); // polled five more times, still not there
    expect(t.devices).toHaveLength(1);

    t.plugIn();
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.service.state).toEqual({ state: 'connected' });
    expect(t.devices).toHaveLength(2);
    t.devices[1]!.send(posReport('8712345678906'));
    expect(t.scans.map((s) => s.code)).toEqual(['8712345678906']);
  });

  it('ignores late reports from the device it closed', async () => {
    const t = setup();
    t.service.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = t.devices[0]!;
    first.unplug();
    first.send(posReport('LATE'));
    expect(t.scans).toEqual([]);
  });

  it('forgets a code half-received when the plug was pulled', async () => {
    const t = setup();
    t.service.start();
    await vi.advanceTimersByTimeAsync(0);
    const half = posReport('A'.repeat(56));
    half[63] = 0x01; // more follows…
    t.devices[0]!.send(half);
    t.devices[0]!.unplug(); // …but it never comes
    await vi.advanceTimersByTimeAsync(500);
    t.devices[1]!.send(posReport('IP7K2M9QXA7'));
    expect(t.scans.map((s) => s.code)).toEqual(['IP7K2M9QXA7']);
  });

  it('waits for a scanner that is not plugged in yet', async () => {
    const t = setup({ plugged: false });
    t.service.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.service.state).toEqual({ state: 'waiting-for-device', error: 'SCANNER_NOT_FOUND' });
    t.plugIn();
    await vi.advanceTimersByTimeAsync(2000);
    expect(t.service.state).toEqual({ state: 'connected' });
  });

  it('backs off when a visible scanner cannot be opened: 0.5 s, 1 s, 2 s, 4 s, 4 s', async () => {
    const t = setup({ openFails: 5 });
    t.service.start();
    await vi.advanceTimersByTimeAsync(0);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = t.service.state;
      expect(s).toMatchObject({ state: 'retrying', error: 'SCANNER_OPEN_FAILED' });
      if (s.state === 'retrying') {
        waits.push(s.retryInMs);
        await vi.advanceTimersByTimeAsync(s.retryInMs);
      }
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(t.service.state).toEqual({ state: 'connected' });
    expect(t.opened).toHaveLength(6);
  });

  it('starts the back-off afresh once connected again', async () => {
    const t = setup({ openFails: 2 });
    t.service.start();
    await vi.advanceTimersByTimeAsync(500 + 1000);
    expect(t.service.state).toEqual({ state: 'connected' });
    t.devices[0]!.unplug();
    expect(t.service.state).toMatchObject({ state: 'retrying', retryInMs: 500 });
  });

  it('stops cleanly: closes the device, no more timers, no more scans', async () => {
    const t = setup();
    t.service.start();
    await vi.advanceTimersByTimeAsync(0);
    t.service.stop();
    expect(t.devices[0]!.closed).toBe(true);
    expect(t.service.state).toEqual({ state: 'stopped' });
    expect(vi.getTimerCount()).toBe(0);
    t.devices[0]!.send(posReport('IP7K2M9QXA7'));
    expect(t.scans).toEqual([]);
  });

  it('does not leave a device open when stopped while opening', async () => {
    let resolveOpen: (d: FakeDevice) => void = () => {};
    const device = new FakeDevice();
    const service = createHidReaderService({
      vendorId: SCANNER.vendorId,
      productId: SCANNER.productId,
      format: 'boot',
      listDevices: async () => [SCANNER],
      open: () => new Promise<FakeDevice>((resolve) => (resolveOpen = resolve)),
      onScan: () => {},
    });
    service.start();
    await vi.advanceTimersByTimeAsync(0);
    service.stop();
    resolveOpen(device);
    await vi.advanceTimersByTimeAsync(0);
    expect(device.closed).toBe(true);
  });

  it('an NFC reader with an input profile delivers canonical UIDs, raw kept beside them', async () => {
    const device = new FakeDevice();
    const scans: ScanEvent[] = [];
    const service = createHidReaderService({
      vendorId: 1,
      productId: 2,
      format: 'boot',
      nfcProfile: 'decimal-reversed',
      listDevices: async () => [{ vendorId: 1, productId: 2, usagePage: 1, path: null }],
      open: () => device,
      onScan: (e) => scans.push(e),
    });
    service.start();
    await vi.advanceTimersByTimeAsync(0);
    // "1295788826" + Enter: usage ids of the digits, each followed by a release report
    for (const digit of '1295788826') {
      device.send([0, 0, digit === '0' ? 0x27 : 0x1d + Number(digit), 0, 0, 0, 0, 0]);
      device.send([0, 0, 0, 0, 0, 0, 0, 0]);
    }
    device.send([0, 0, 0x28, 0, 0, 0, 0, 0]);
    expect(scans).toMatchObject([{ source: 'hid', raw: '1295788826', code: '1A2B3C4D' }]);
    service.stop();
  });

  it('reads a reader in keyboard boot protocol the same way', async () => {
    const device = new FakeDevice();
    const scans: string[] = [];
    const service = createHidReaderService({
      vendorId: 1,
      productId: 2,
      format: 'boot',
      listDevices: async () => [{ vendorId: 1, productId: 2, usagePage: 1, path: null }],
      open: () => device,
      onScan: (e) => scans.push(e.code),
    });
    service.start();
    await vi.advanceTimersByTimeAsync(0);
    for (const usage of [0x1e, 0x1f, 0x20, 0x21, 0x28]) {
      device.send([0, 0, usage, 0, 0, 0, 0, 0]);
      device.send([0, 0, 0, 0, 0, 0, 0, 0]);
    }
    expect(scans).toEqual(['1234']);
    service.stop();
  });
});
