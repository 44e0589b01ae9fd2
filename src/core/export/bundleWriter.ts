import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { sealText, type BundleEventLine, type BundleHeader } from '../evidence/bundleFormat';
import { consistencyProof, coveringSubtrees, subtreeRoot, type Leaves } from '../evidence/proofs';
import { signNote, type NoteSigner } from '../evidence/signedNote';
import { drained } from './drained';
import { hashingOutput } from './hashingOutput';

/** The tree a bundle proves its events against: its size and the event hashes (leaves) under it. */
export interface BundleTree {
  size: number;
  leaves: Leaves;
}

export interface BundleWriter {
  /** An event line, after the subtrees standing for the leaves the filter left out before it. Events come in seq order. */
  event(line: BundleEventLine): Promise<void>;
  /**
   * The subtrees up to the tree's end, the consistency proof from `earlier` (a checkpoint the
   * reader holds), and the end line with the seal `sealer` signs; resolves once `out` took it all.
   */
  end(sealer: NoteSigner, earlier?: { note: string; size: number }): Promise<{ events: number; subtrees: number; sha256: string }>;
}

/**
 * The one writer of the bundle's lines (evidence/bundleFormat.ts), for the kiosk's export and the
 * one the central database rebuilds: the same bytes for the same events whoever writes them. The
 * seal's hash and the file's SHA-256 are taken as the lines go out, which wait for `out` to drain.
 */
export async function startBundle(out: Writable, header: BundleHeader, tree: BundleTree): Promise<BundleWriter> {
  const hashed = hashingOutput(out);
  const seal = createHash('sha256');
  // Lines go out in pieces of about 64 kB, not one by one: a stream write per line of a million costs more than the line.
  let pending = '';
  const flush = async () => {
    seal.update(pending);
    const ready = hashed.stream.write(pending);
    pending = '';
    if (!ready) await drained(hashed.stream);
  };
  const put = async (value: unknown) => {
    pending += `${JSON.stringify(value)}\n`;
    if (pending.length >= 65_536) await flush();
  };
  let covered = 0;
  let events = 0;
  let subtrees = 0;
  const cover = async (end: number) => {
    for (const s of coveringSubtrees(covered, end)) {
      await put({ subtree: { leaf: s.start, size: s.size, hash: subtreeRoot(tree.leaves, s.start, s.start + s.size).toString('hex') } });
      subtrees++;
    }
    covered = end;
  };
  await put(header);
  return {
    async event(line) {
      await cover(line.leaf);
      await put(line);
      covered = line.leaf + 1;
      events++;
    },
    async end(sealer, earlier) {
      await cover(tree.size);
      if (earlier) {
        const path = consistencyProof(tree.leaves, earlier.size, tree.size).map((p) => p.toString('hex'));
        await put({ consistency: { note: earlier.note, size: earlier.size, path } });
      }
      await flush();
      const sealNote = signNote(sealText(header.origin, seal.digest()), [sealer]);
      hashed.stream.end(`${JSON.stringify({ end: { events, subtrees, seal: sealNote } })}\n`);
      return { events, subtrees, sha256: await hashed.done() };
    },
  };
}
