import { createHash } from 'node:crypto';
import { sealText, type BundleEventLine, type BundleHeader } from '../../../src/core/evidence/bundleFormat';
import { checkpointText } from '../../../src/core/evidence/checkpoint';
import { merkleRoot } from '../../../src/core/evidence/merkle';
import { consistencyProof } from '../../../src/core/evidence/proofs';
import { signNote, type NoteSigner } from '../../../src/core/evidence/signedNote';
import { readBundle } from '../../../src/core/evidence/readBundle';
import { hashEvent } from '../../../src/core/ledger/hash';
import { headerFromFields } from '../../../src/core/evidence/bundleFormat';

/**
 * What someone holding the kiosk's key could do: rewrite the history of an unfiltered bundle
 * from event `fromSeq` on (here: every event's time moved a minute), recompute every hash, the
 * chain, the root and any consistency proof, and sign it all again. Internally the forgery is
 * flawless; only a checkpoint the reader kept from before can tell.
 */
export function rewriteHistory(bytes: Buffer, fromSeq: number, signer: NoteSigner, headerChanges: Partial<BundleHeader> = {}): Buffer {
  const bundle = readBundle(bytes);
  let prev: Buffer | null = null;
  const events: BundleEventLine[] = bundle.events.map((line) => {
    const header = headerFromFields(line.event);
    if (!header) throw new Error('not an event');
    if (header.seq >= fromSeq) {
      header.occurredAt = new Date(Date.parse(header.occurredAt) + 60_000).toISOString();
      if (prev) header.prevHash = prev;
    }
    const hash = hashEvent(header);
    prev = hash;
    return { ...line, hash: hash.toString('hex'), event: { ...line.event, occurredAt: header.occurredAt, prevHash: Buffer.from(header.prevHash).toString('hex') } };
  });
  const leaves = events.map((e) => Buffer.from(e.hash, 'hex'));
  const note = signNote(checkpointText({ origin: bundle.header.origin, size: leaves.length, root: merkleRoot(leaves) }), [signer]);
  const header: BundleHeader = { ...bundle.header, ...headerChanges, checkpoint: note };
  const lines: unknown[] = [header, ...events];
  if (bundle.consistency) {
    const path = consistencyProof((i) => leaves[i] as Buffer, bundle.consistency.size, leaves.length).map((p) => p.toString('hex'));
    lines.push({ consistency: { ...bundle.consistency, path } });
  }
  const body = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
  const seal = signNote(sealText(header.origin, createHash('sha256').update(body).digest()), [signer]);
  return Buffer.from(`${body}${JSON.stringify({ end: { events: events.length, subtrees: 0, seal } })}\n`);
}
