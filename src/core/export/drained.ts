import type { Writable } from 'node:stream';

/** Resolves when `out` has room again, or rejects if it fails first (one listener pair per wait). */
export function drained(out: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      out.off('drain', onDrain);
      reject(error);
    };
    const onDrain = () => {
      out.off('error', onError);
      resolve();
    };
    out.once('drain', onDrain).once('error', onError);
  });
}
