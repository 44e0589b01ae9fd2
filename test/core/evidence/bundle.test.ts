import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lineBytes, readBundle } from '../../../src/core/evidence/readBundle';
import { ed25519Signer, verifierKey, rawEd25519PublicKey } from '../../../src/core/evidence/signedNote';
import { verifyBundle, verifyBundleFile, type BundleVerdict } from '../../../src/core/evidence/verifyBundle';
import { exportBundle, type BundleRequest } from '../../../src/core/export/exportBundle';
import { kioskNoteSigner, kioskVerifierKey } from '../../../src/core/kiosk/signer';
import { newestEvent } from '../../../src/core/ledger/readModel';
import { generateKeyPairSync, createHash } from 'node:crypto';
import { standaloneVerifier } from '../../support/standaloneVerifier';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';
import { rewriteHistory } from './bundleForgery';

async function bundled(f: ClassFixture, request: Partial<BundleRequest> = {}) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const report = await exportBundle(f.s.context, { filter: {}, actor: f.office.staffId, ...request }, out);
  return { bytes: Buffer.concat(chunks), report };
}

const lines = (bytes: Buffer) => bytes.toString('utf8').split('\n').slice(0, -1);
const join = (ls: string[]) => Buffer.from(ls.map((l) => `${l}\n`).join(''));
const failure = (v: BundleVerdict) => (v.ok ? 'ok' : v.reason);

describe('evidence bundles', () => {
  let f: ClassFixture;
  let key: string;
  beforeEach(() => {
    f = classFixture({ size: 3 });
    f.clock.set(new Date(2026, 10, 17, 8, 15).toISOString());
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    f.clock.advance(3600_000);
    f.s.confiscate({ deviceId: f.phones[2]!.deviceId, actor: f.teacher.staffId, reason: 'filmen', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness });
    f.s.releaseToGuardian({ deviceId: f.phones[2]!.deviceId, actor: f.office.staffId, guardianName: 'Mevrouw Jansen' });
    key = kioskVerifierKey(f.core.db);
  });
  afterEach(() => f.close());

  it('holds every event of the chain with its payload, and verifies against the kiosk’s pinned key', async () => {
    const { bytes, report } = await bundled(f);
    const verdict = verifyBundle(bytes, { key });
    expect(verdict).toMatchObject({ ok: true, keyPinned: true, events: report.rows, treeSize: report.checkpoint?.treeSize, redacted: 0 });
    const { events, subtrees } = readBundle(bytes);
    expect(events.map((e) => e.event.seq)).toEqual(Array.from({ length: report.rows }, (_, i) => i + 1));
    expect(subtrees).toEqual([]);
    expect(events.find((e) => e.event.type === 'released_to_guardian')?.payload?.body).toContain('Mevrouw Jansen');
  });

  it('read from its file a piece at a time, it gives the verdict the whole bytes give, cut files included', async () => {
    const { bytes } = await bundled(f);
    const dir = mkdtempSync(joinPath(tmpdir(), 'inleverpunt-bundle-'));
    try {
      const file = joinPath(dir, 'bundle.jsonl');
      writeFileSync(file, bytes);
      expect(verifyBundleFile(file, { key })).toEqual(verifyBundle(bytes, { key }));
      for (const cut of [10, Math.floor(bytes.length / 2), bytes.length - 1]) {
        writeFileSync(file, bytes.subarray(0, cut));
        expect(failure(verifyBundleFile(file, { key })), `cut at ${cut}`).toBe(failure(verifyBundle(bytes.subarray(0, cut), { key })));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Lines that run across the pieces a file is read in come out whole.
    const pieces = (size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, i * size + size));
    for (const size of [1, 7, 4096]) {
      expect(Buffer.concat([...lineBytes(pieces(size))].map((l) => l.bytes)).equals(bytes)).toBe(true);
      expect([...lineBytes(pieces(size))].every((l) => !l.cut && l.bytes.at(-1) === 0x0a)).toBe(true);
    }
  });

  it('is recorded as an export: who, which filter, how many events, and the SHA-256 of the file', async () => {
    const { bytes, report } = await bundled(f, { filter: { types: ['handed_in'] } });
    const made = newestEvent(f.core.db, { types: ['export_made'] });
    expect(made).toMatchObject({ actor: f.office.staffId, details: { format: 'bundle', rows: 2, filter: { types: ['handed_in'] } } });
    expect(made?.details.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(report.sha256).toBe(made?.details.sha256);
  });

  it('a filter keeps other pupils’ events out: subtrees stand in for them, and it still proves the signed root', async () => {
    const { bytes } = await bundled(f, { filter: { deviceId: f.phones[0]!.deviceId } });
    const { events, subtrees } = readBundle(bytes);
    expect(events.every((e) => e.event.deviceId === f.phones[0]!.deviceId)).toBe(true);
    expect(subtrees.length).toBeGreaterThan(0);
    expect(bytes.toString()).not.toContain('Mevrouw Jansen');
    expect(verifyBundle(bytes, { key })).toMatchObject({ ok: true, events: events.length });
  });

  it('an event whose text retention erased still verifies; the bundle says it was erased', async () => {
    const released = newestEvent(f.core.db, { types: ['released_to_guardian'] })!;
    f.s.redactPayloads({ seqs: [released.seq], reason: 'retention', actor: f.office.staffId });
    const { bytes } = await bundled(f);
    expect(bytes.toString()).not.toContain('Mevrouw Jansen');
    expect(verifyBundle(bytes, { key })).toMatchObject({ ok: true, redacted: 1 });
    // And without the app: the standalone verifier accepts the erased event too.
    const dir = mkdtempSync(joinPath(tmpdir(), 'inleverpunt-bundle-'));
    try {
      writeFileSync(joinPath(dir, 'b.jsonl'), bytes);
      const run = standaloneVerifier([joinPath(dir, 'b.jsonl'), '--key', key]);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('names exactly what is wrong with a tampered bundle', () => {
    it('any single changed byte, anywhere in the file', async () => {
      const { bytes } = await bundled(f, { filter: { types: ['handed_in', 'confiscated'] } });
      fc.assert(
        fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
          const changed = Buffer.from(bytes);
          changed[at] = (changed[at] as number) ^ flip;
          expect(verifyBundle(changed, { key }).ok).toBe(false);
        }),
        { numRuns: 300 },
      );
    });

    it('a changed event field: its hash no longer matches, at that line and seq', async () => {
      const ls = lines((await bundled(f)).bytes);
      const at = ls.findIndex((l) => l.includes('"type":"confiscated"'));
      ls[at] = (ls[at] as string).replace('"type":"confiscated"', '"type":"returned"');
      const verdict = verifyBundle(join(ls), { key });
      expect(verdict).toMatchObject({ ok: false, reason: 'event_hash', line: at + 1 });
    });

    it('a changed guardian name: the payload no longer gives the hash the event carries', async () => {
      const ls = lines((await bundled(f)).bytes);
      const at = ls.findIndex((l) => l.includes('Mevrouw Jansen'));
      ls[at] = (ls[at] as string).replace('Mevrouw Jansen', 'Meneer Jansen');
      expect(failure(verifyBundle(join(ls), { key }))).toBe('payload_mismatch');
    });

    it('a removed line', async () => {
      const ls = lines((await bundled(f)).bytes);
      expect(verifyBundle(join([...ls.slice(0, 5), ...ls.slice(6)]), { key })).toMatchObject({ ok: false, reason: 'missing_event', seq: 5 });
      // The last event gone: the tree falls short of the signed size.
      expect(failure(verifyBundle(join([...ls.slice(0, -2), ...ls.slice(-1)]), { key }))).toBe('missing_event');
    });

    it('reordered lines', async () => {
      const ls = lines((await bundled(f)).bytes);
      const swapped = [...ls];
      [swapped[3], swapped[7]] = [swapped[7] as string, swapped[3] as string];
      expect(failure(verifyBundle(join(swapped), { key }))).toBe('out_of_order');
    });

    it('a duplicated line', async () => {
      const ls = lines((await bundled(f)).bytes);
      expect(failure(verifyBundle(join([...ls.slice(0, 4), ls[3] as string, ...ls.slice(4)]), { key }))).toBe('out_of_order');
    });

    it('a truncated file, cut anywhere', async () => {
      const { bytes } = await bundled(f);
      fc.assert(
        fc.property(fc.nat(bytes.length - 1), (cut) => {
          expect(failure(verifyBundle(bytes.subarray(0, cut), { key }))).toMatch(/^(truncated|malformed)$/);
        }),
        { numRuns: 100 },
      );
      expect(failure(verifyBundle(join(lines(bytes).slice(0, -1)), { key }))).toBe('truncated');
    });

    it('the wrong key: another kiosk’s key pinned, or the bundle re-signed with another key', async () => {
      const { bytes } = await bundled(f);
      const other = generateKeyPairSync('ed25519').privateKey;
      const origin = readBundle(bytes).header.origin;
      const otherKey = verifierKey(origin, rawEd25519PublicKey(other));
      expect(failure(verifyBundle(bytes, { key: otherKey }))).toBe('wrong_key');
      const relabelled = rewriteHistory(bytes, 1_000_000, ed25519Signer(origin, other), { verifierKey: otherKey });
      // With its own key it is a perfect bundle; against the key the reader pinned it is not the kiosk's.
      expect(verifyBundle(relabelled)).toMatchObject({ ok: true, keyPinned: false });
      expect(failure(verifyBundle(relabelled, { key }))).toBe('wrong_key');
    });

    it('a history rewritten from some event on and re-signed with the kiosk’s own key: caught against an earlier checkpoint', async () => {
      const earlier = f.s.signCheckpoint('on_request');
      f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
      const { bytes } = await bundled(f);
      const forged = rewriteHistory(bytes, earlier.treeSize - 2, kioskNoteSigner(f.s.context));
      // On its own the forgery holds: every hash, the chain, the root, the signatures.
      expect(verifyBundle(forged, { key })).toMatchObject({ ok: true });
      expect(verifyBundle(bytes, { key, since: earlier.note })).toMatchObject({ ok: false, reason: 'no_consistency_proof' });
      const honest = (await bundled(f, { since: earlier.note })).bytes;
      expect(verifyBundle(honest, { key, since: earlier.note })).toMatchObject({ ok: true, consistentWith: earlier.treeSize });
      const rewritten = rewriteHistory(honest, earlier.treeSize - 2, kioskNoteSigner(f.s.context));
      expect(failure(verifyBundle(rewritten, { key, since: earlier.note }))).toBe('inconsistent');
      // Even without the reader's copy, the earlier checkpoint the bundle itself names gives it away.
      expect(failure(verifyBundle(rewritten, { key }))).toBe('inconsistent');
      // History after the earlier checkpoint may grow; rewriting only that is not what it proves.
      expect(verifyBundle(rewriteHistory(honest, earlier.treeSize + 1, kioskNoteSigner(f.s.context)), { key, since: earlier.note }).ok).toBe(true);
    });
  });
});
