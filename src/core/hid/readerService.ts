import type { ScanEvent } from '../../shared/contract/events';
import type { ErrorCode } from '../../shared/errors';
import type { NfcProfile } from '../../shared/scan/nfc';
import { makeScanEvent } from '../../shared/scan/scanEvent';
import type { HidFormat } from './decoder';
import { createDecoder } from './decoders';

/** The part of node-hid's `HID` object the reader uses; tests pass a fake with the same shape. */
export interface HidDeviceHandle {
  on(event: 'data', listener: (data: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
  removeAllListeners?(event?: string): unknown;
}

/** A visible device as the device list reports it (see `listHidDevices()`). */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  usagePage: number | null;
  path: string | null;
}

export type OpenHidDevice = (device: HidDeviceInfo) => HidDeviceHandle | Promise<HidDeviceHandle>;
export type ListHidDevices = () => Promise<HidDeviceInfo[]>;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type ReaderState =
  | { state: 'stopped' }
  | { state: 'connecting' }
  | { state: 'connected' }
  /** Not plugged in (or not visible): the device list is polled until it appears. */
  | { state: 'waiting-for-device'; error: 'SCANNER_NOT_FOUND' }
  /** Opening failed or the device stopped answering: another try in `retryInMs`. */
  | { state: 'retrying'; error: ErrorCode; retryInMs: number };

export interface HidReaderOptions {
  vendorId: number;
  productId: number;
  /**
   * Which interface, when the scanner exposes several (many show a keyboard and a HID-POS
   * interface side by side): 0x8C for HID-POS, 0x01 (Generic Desktop) for a keyboard.
   */
  usagePage?: number;
  format: HidFormat;
  /** When this reader is an NFC reader: its input profile, so UIDs arrive canonical. */
  nfcProfile?: NfcProfile;
  open: OpenHidDevice;
  listDevices: ListHidDevices;
  onScan(event: ScanEvent): void;
  /** For the settings screen and the logs: never contains scanned data. */
  onState?(state: ReaderState): void;
  /** Wall clock for `ScanEvent.at`. */
  now?: () => number;
  timers?: Timers;
  /** How often to look for an unplugged device. */
  pollIntervalMs?: number;
  /** Waits between failed opens: doubling from `initialMs` up to `maxMs`. */
  backoff?: { initialMs: number; maxMs: number };
}

export interface HidReaderService {
  start(): void;
  stop(): void;
  readonly state: ReaderState;
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Reads one scanner opened directly through HID: opens it by vendor/product id, decodes its reports
 * and emits `ScanEvent`s (source 'hid'). When it errors — in practice, when it is unplugged — the
 * device is closed, a half-received code is forgotten, and the service keeps trying: it polls the
 * device list until the scanner is back and opens it again, waiting longer after each failed open
 * (a device that is visible but cannot be opened should not be hammered). No Electron here: the
 * main process creates this with node-hid's `HID` as `open`, tests with a fake.
 */
export function createHidReaderService(options: HidReaderOptions): HidReaderService {
  const timers = options.timers ?? defaultTimers;
  const now = options.now ?? Date.now;
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const { initialMs, maxMs } = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
  const decoder = createDecoder(options.format);
  const nfcOptions = options.nfcProfile ? { nfcProfile: options.nfcProfile } : {};

  let state: ReaderState = { state: 'stopped' };
  let running = false;
  let timer: unknown = null;
  let device: HidDeviceHandle | null = null;
  /** Bumped on every open and close, so late events from a closed device are ignored. */
  let generation = 0;
  let nextBackoffMs = initialMs;

  function setState(next: ReaderState): void {
    state = next;
    options.onState?.(next);
  }

  function schedule(ms: number): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      void attempt();
    }, ms);
  }

  function matches(d: HidDeviceInfo): boolean {
    return (
      d.vendorId === options.vendorId &&
      d.productId === options.productId &&
      (options.usagePage === undefined || d.usagePage === options.usagePage)
    );
  }

  function retry(error: ErrorCode): void {
    const wait = nextBackoffMs;
    nextBackoffMs = Math.min(nextBackoffMs * 2, maxMs);
    setState({ state: 'retrying', error, retryInMs: wait });
    schedule(wait);
  }

  async function attempt(): Promise<void> {
    if (!running) return;
    const myGeneration = generation;
    let found: HidDeviceInfo | undefined;
    try {
      found = (await options.listDevices()).find(matches);
    } catch {
      found = undefined; // enumeration can fail while a device is being unplugged; just look again
    }
    if (!running || myGeneration !== generation) return;
    if (!found) {
      setState({ state: 'waiting-for-device', error: 'SCANNER_NOT_FOUND' });
      schedule(pollIntervalMs);
      return;
    }
    setState({ state: 'connecting' });
    let handle: HidDeviceHandle;
    try {
      handle = await options.open(found);
    } catch {
      if (running && myGeneration === generation) retry('SCANNER_OPEN_FAILED');
      return;
    }
    if (!running || myGeneration !== generation) {
      safeClose(handle);
      return;
    }
    attach(handle);
  }

  function attach(handle: HidDeviceHandle): void {
    const mine = ++generation;
    device = handle;
    decoder.reset();
    handle.on('data', (data) => {
      if (mine !== generation) return;
      for (const scan of decoder.push(data)) {
        const event = makeScanEvent('hid', scan.raw, now(), nfcOptions);
        if (event) options.onScan(event);
      }
    });
    handle.on('error', () => {
      if (mine !== generation) return;
      detach();
      retry('SCANNER_NOT_FOUND');
    });
    nextBackoffMs = initialMs;
    setState({ state: 'connected' });
  }

  function detach(): void {
    generation++;
    decoder.reset();
    if (device) safeClose(device);
    device = null;
  }

  return {
    start() {
      if (running) return;
      running = true;
      nextBackoffMs = initialMs;
      setState({ state: 'connecting' });
      void attempt();
    },
    stop() {
      running = false;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      detach();
      setState({ state: 'stopped' });
    },
    get state() {
      return state;
    },
  };
}

function safeClose(handle: HidDeviceHandle): void {
  try {
    handle.removeAllListeners?.('data');
    handle.close();
  } catch {
    // Closing a device that has gone away may throw; it is closed either way.
  }
}
