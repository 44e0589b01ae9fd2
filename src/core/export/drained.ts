import type { Writable } from 'node:stream';

/**
 * Resolves when `out` has room again, or rejects if it fails first (one listener set per wait).
 * A stream that has already failed or closed never drains: that is a rejection at once, not a wait
 * forever (a file on a full disk fails once, and every later write only returns false).
 */
export function drained(out: Writable): Promise<void> {
  if (out.errored) return Promise.reject(out.errored);
  if (out.destroyed) return Promise.reject(new Error('export: the output was closed before the export ended'));
  return new Promise<void>((resolve, reject) => {
    const done = (settle: () => void) => () => {
      out.off('drain', onDrain).off('error', onError).off('close', onClose);
      settle();
    };
    const onDrain = done(resolve);
    const onError = (error: Error) => done(() => reject(error))();
    const onClose = done(() => reject(out.errored ?? new Error('export: the output was closed before the export ended')));
    out.once('drain', onDrain).once('error', onError).once('close', onClose);
  });
}
