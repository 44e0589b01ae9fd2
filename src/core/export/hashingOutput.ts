import { createHash } from 'node:crypto';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * A stream to write an export into that hashes the bytes on their way to `out`: `export_made`
 * records the SHA-256 of exactly the file the office received. `done` waits until `out` has
 * taken everything in.
 */
export function hashingOutput(out: Writable): { stream: Writable; done(): Promise<string> } {
  const hash = createHash('sha256');
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => hash.update(chunk));
  stream.pipe(out);
  // pipe() only unpipes when `out` fails (a full disk): the export writing into `stream` would then
  // wait for a drain that never comes. Failing `stream` too ends it with the file's error.
  out.once('error', (error) => stream.destroy(error));
  // The writer learns of it through its next write or drain; the stream's own 'error' needs a listener so the process does not crash on it.
  stream.on('error', () => undefined);
  return {
    stream,
    async done() {
      await finished(out);
      return hash.digest('hex');
    },
  };
}
