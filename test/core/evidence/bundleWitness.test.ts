import { generateKeyPairSync } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cosignatureLine, ed25519Cosigner } from '../../../src/core/evidence/cosignature';
import { readBundle } from '../../../src/core/evidence/readBundle';
import { ed25519Signer, openNote, signNote } from '../../../src/core/evidence/signedNote';
import { verifyBundle, type BundleVerdict } from '../../../src/core/evidence/verifyBundle';
import { exportBundle, type BundleRequest } from '../../../src/core/export/exportBundle';
import { kioskNoteVerifier, kioskVerifierKey } from '../../../src/core/kiosk/signer';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

async function bundled(f: ClassFixture, request: Partial<BundleRequest> = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportBundle(f.s.context, { filter: {}, actor: f.office.staffId, ...request }, out);
  return Buffer.concat(chunks);
}
const failure = (v: BundleVerdict) => (v.ok ? 'ok' : v.reason);

const WITNESS = 'inleverpunt.central/witness';
const COSIGNED_AT = Date.UTC(2026, 10, 17, 15, 30) / 1000;

describe('a bundle made against a checkpoint the witness cosigned', () => {
  let f: ClassFixture;
  let kept: { note: string; treeSize: number };
  let cosigned: string;
  const witnessKey = generateKeyPairSync('ed25519').privateKey;
  const witness = ed25519Cosigner(WITNESS, witnessKey);
  beforeEach(() => {
    f = classFixture({ size: 3 });
    f.clock.set(new Date(2026, 10, 17, 8, 15).toISOString());
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    kept = f.s.signCheckpoint('day_closed');
    // What the central witness adds to the kiosk's note after sync; the kiosk goes on meanwhile.
    cosigned = kept.note + cosignatureLine(openNote(kept.note, [kioskNoteVerifier(f.core.db)]).text, witness, COSIGNED_AT);
    f.s.scan({ code: 'STK-3', mode: 'hand-in', actor: 'pupil' });
  });
  afterEach(() => f.close());

  it('covers that tree and carries the line; verify-bundle --witness checks it and says when', async () => {
    const bytes = await bundled(f, { cosigned });
    const bundle = readBundle(bytes);
    expect(bundle.header.checkpoint).toBe(cosigned);
    expect(bundle.events.map((e) => e.event.seq)).toEqual(Array.from({ length: kept.treeSize }, (_, i) => i + 1));
    const key = kioskVerifierKey(f.core.db);
    expect(verifyBundle(bytes, { key, witness: witness.verifierKey, now: COSIGNED_AT })).toMatchObject({
      ok: true,
      treeSize: kept.treeSize,
      witnessed: { witness: WITNESS, time: COSIGNED_AT },
    });
    expect(verifyBundle(bytes, { key })).toMatchObject({ ok: true, witnessed: null });
  });

  it('refuses another witness, a bundle without the line, a cosignature from after the reader’s clock, and a bad key', async () => {
    const bytes = await bundled(f, { cosigned });
    const key = kioskVerifierKey(f.core.db);
    const stranger = ed25519Cosigner(WITNESS, generateKeyPairSync('ed25519').privateKey);
    expect(failure(verifyBundle(bytes, { key, witness: stranger.verifierKey }))).toBe('no_cosignature');
    expect(failure(verifyBundle(await bundled(f), { key, witness: witness.verifierKey }))).toBe('no_cosignature');
    expect(failure(verifyBundle(bytes, { key, witness: witness.verifierKey, now: COSIGNED_AT - 1 }))).toBe('cosignature_future');
    expect(failure(verifyBundle(bytes, { key, witness: key }))).toBe('witness_key_invalid');
  });

  it('takes only the kiosk’s own kept checkpoint with signature lines added, nothing else', async () => {
    const other = classFixture({ size: 1 });
    try {
      other.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
      const foreign = other.s.signCheckpoint('day_closed').note;
      const forgedText = kept.note.replace(`\n${kept.treeSize}\n`, `\n${kept.treeSize - 1}\n`);
      const unsigned = signNote(openNote(kept.note, [kioskNoteVerifier(f.core.db)]).text, [ed25519Signer('someone.else/k', generateKeyPairSync('ed25519').privateKey)]);
      for (const note of [foreign, forgedText, `${cosigned}extra text\n`, unsigned]) {
        await expect(bundled(f, { cosigned: note })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'cosigned' } });
      }
    } finally {
      other.close();
    }
  });

  it('the witness’s older plain line (before cosignature/v1) is still accepted, and carries no time', async () => {
    const plain = signNote(openNote(kept.note, [kioskNoteVerifier(f.core.db)]).text, [ed25519Signer(WITNESS, witnessKey)]);
    const legacy = kept.note + plain.slice(plain.lastIndexOf('\u2014'));
    const bytes = await bundled(f, { cosigned: legacy });
    expect(verifyBundle(bytes, { key: kioskVerifierKey(f.core.db), witness: witness.verifierKey })).toMatchObject({
      ok: true,
      witnessed: { witness: WITNESS, time: null },
    });
  });
});
