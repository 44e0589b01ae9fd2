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
  return {
    stream,
    async done() {
      await finished(out);
      return hash.digest('hex');
    },
  };
}
