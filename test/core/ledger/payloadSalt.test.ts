import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, hashPayload, PAYLOAD_SALT_BYTES } from '../../../src/core/ledger/hash';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

/**
 * Erased means unguessable: after a payload is erased, the hash left in the chain must not let
 * anyone confirm a guessed name or note — not even someone who knows the exact text.
 */
describe('salted payloads', () => {
  let f: ClassFixture;
  let phone: string;
  beforeEach(() => {
    f = classFixture({ size: 1 });
    phone = f.phones[0]!.deviceId;
  });
  afterEach(() => f.close());

  const note = 'moeder van Sanne belt morgen';
  const knownText = canonicalJson({ note });
  const stored = (seq: number) =>
    f.core.db
      .prepare('SELECT e.payload_hash, e.encoding, p.salt, p.body FROM ledger_events e JOIN ledger_payloads p USING (kiosk_id, seq) WHERE seq = ?')
      .get(seq) as { payload_hash: Buffer; encoding: number; salt: Buffer | null; body: string | null };

  it('commit to each payload with its own random salt, stored beside the text', () => {
    const a = f.s.noteCondition({ deviceId: phone, actor: 'pupil', marks: [], note });
    const b = f.s.noteCondition({ deviceId: phone, actor: 'pupil', marks: [], note });
    const first = stored(a.event.seq);
    expect(first).toMatchObject({ encoding: 2, body: knownText });
    expect(first.salt).toHaveLength(PAYLOAD_SALT_BYTES);
    expect(hashPayload(2, knownText, first.salt)).toEqual(first.payload_hash);
    // The same words twice give unrelated hashes: the chain does not even show they were the same.
    expect(stored(b.event.seq).payload_hash).not.toEqual(first.payload_hash);
  });

  it('after redaction the chain verifies and the remaining hash cannot be reproduced from the known text', () => {
    const out = f.s.noteCondition({ deviceId: phone, actor: 'pupil', marks: [], note });
    const before = stored(out.event.seq);
    f.s.redactPayloads({ seqs: [out.event.seq], reason: 'request', actor: f.admin.staffId });
    const after = stored(out.event.seq);
    expect(after).toEqual({ payload_hash: before.payload_hash, encoding: 2, salt: null, body: null });
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });

    // Someone holding the file and the exact text tries every way to confirm it.
    const guesses = [
      createHash('sha256').update(knownText).digest(), // the version-1 hash
      createHash('sha256').update(note).digest(),
      hashPayload(2, knownText, Buffer.alloc(PAYLOAD_SALT_BYTES)),
      hashPayload(2, knownText, Buffer.alloc(PAYLOAD_SALT_BYTES, 0xff)),
      hashPayload(2, knownText, null),
    ];
    for (const guess of guesses) expect(guess?.equals(after.payload_hash) ?? false).toBe(false);
    // Only the erased salt would have confirmed it.
    expect(hashPayload(2, knownText, before.salt)).toEqual(after.payload_hash);
  });

  it('a changed salt is caught like a changed text', () => {
    const out = f.s.noteCondition({ deviceId: phone, actor: 'pupil', marks: [], note });
    f.core.db.exec('DROP TRIGGER ledger_payloads_redact_only');
    f.core.db.prepare('UPDATE ledger_payloads SET salt = randomblob(16) WHERE seq = ?').run(out.event.seq);
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: false, firstBadSeq: out.event.seq, problem: 'payload_hash_mismatch' });
  });

  it('a version-2 event cannot be passed off with an unsalted (version-1) payload hash', () => {
    const out = f.s.noteCondition({ deviceId: phone, actor: 'pupil', marks: [], note });
    f.core.db.exec('DROP TRIGGER ledger_payloads_redact_only');
    f.core.db.prepare('UPDATE ledger_payloads SET salt = NULL WHERE seq = ?').run(out.event.seq);
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: false, firstBadSeq: out.event.seq, problem: 'payload_hash_mismatch' });
  });
});
