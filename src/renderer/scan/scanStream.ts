import type { ScanEvent } from '../../shared/contract/events';

export interface ScanStreamOptions {
  /** The same code from a different source within this window is one scan seen twice. */
  windowMs?: number;
  /** Monotonic clock for the window; injected in tests. */
  now?: () => number;
}

export interface ScanStream {
  /** Every source (wedge listener, HID push event, camera loop) delivers here. */
  push(event: ScanEvent): void;
}

/**
 * Joins every scan source into one handler. A sticker can be seen by two sources at once — the
 * webcam and the hand scanner, or an NFC reader that is both a keyboard and opened as HID — and a
 * pupil must not hand in one phone twice for it: the same code from a *different* source within
 * one second is dropped. The same code from the *same* source is passed on: a pupil scanning
 * again on purpose is the ledger's business (it acknowledges a repeat within 60 s).
 *
 * Timing uses arrival here, not `event.at`: a HID scan's `at` was stamped in another process.
 */
export function createScanStream(handler: (event: ScanEvent) => void, options: ScanStreamOptions = {}): ScanStream {
  const windowMs = options.windowMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  /** Last delivery per code: when, and from which source. Pruned as it goes. */
  const recent = new Map<string, { at: number; source: ScanEvent['source'] }>();

  return {
    push(event) {
      const t = now();
      for (const [code, seen] of recent) if (t - seen.at > windowMs) recent.delete(code);
      const seen = recent.get(event.code);
      if (seen && seen.source !== event.source && t - seen.at <= windowMs) return;
      recent.set(event.code, { at: t, source: event.source });
      handler(event);
    },
  };
}
