import { execFileSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskOrigin, parseCheckpointText } from '../../../src/core/evidence/checkpoint';
import { openNote, parseVerifierKey } from '../../../src/core/evidence/signedNote';
import { kioskVerifierKey } from '../../../src/core/kiosk/signer';
import { signedCheckpoints } from '../../../src/core/ledger/signedCheckpoints';
import { chainTreeHead } from '../../../src/core/ledger/treeHead';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

describe('signed checkpoints', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.clock.advance(6 * 3600_000);
    f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
  });
  afterEach(() => f.close());

  const kioskId = () => f.core.kiosk().kioskId;

  it('closing the day signs the chain as it stands, and the note opens with the kiosk’s verifier key', () => {
    f.s.closeDay({ actor: f.teacher.staffId });
    const [checkpoint] = signedCheckpoints(f.core.db, kioskId());
    const head = chainTreeHead(f.core.db, kioskId());
    expect(checkpoint).toMatchObject({ treeSize: head.size, reason: 'day_closed' });
    const { text, signedBy } = openNote(checkpoint!.note, [parseVerifierKey(kioskVerifierKey(f.core.db))]);
    expect(signedBy).toEqual([kioskOrigin(kioskId())]);
    expect(parseCheckpointText(text)).toEqual({ origin: kioskOrigin(kioskId()), size: head.size, root: head.root });
  });

  it('OpenSSL, knowing nothing of the app, accepts the signature over the checkpoint text', () => {
    const checkpoint = f.s.signCheckpoint('on_request');
    const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-openssl-'));
    try {
      const split = checkpoint.note.lastIndexOf('\n\n');
      const signature = Buffer.from(checkpoint.note.slice(split + 2).trim().split(' ')[2] as string, 'base64').subarray(4);
      const publicKey = f.core.db.prepare('SELECT public_key FROM kiosk').pluck().get() as Buffer;
      writeFileSync(join(dir, 'text'), checkpoint.note.slice(0, split + 1));
      writeFileSync(join(dir, 'sig'), signature);
      writeFileSync(join(dir, 'key.pem'), createPublicKey({ key: publicKey, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }));
      const run = (file: string) =>
        execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'key.pem'), '-rawin', '-in', join(dir, file), '-sigfile', join(dir, 'sig')]).toString();
      expect(run('text')).toContain('Signature Verified Successfully');
      writeFileSync(join(dir, 'other'), checkpoint.note.slice(0, split + 1).replace(/\n\d+\n/, '\n999\n'));
      expect(() => run('other')).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('signing the same size twice gives the same note; a new event, a new checkpoint', () => {
    const first = f.s.signCheckpoint('export');
    expect(f.s.signCheckpoint('export').note).toBe(first.note);
    f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    const next = f.s.signCheckpoint('export');
    expect(next.treeSize).toBe(first.treeSize + 1);
    expect(signedCheckpoints(f.core.db, kioskId()).map((c) => c.treeSize)).toEqual([first.treeSize, next.treeSize]);
    expect(f.s.checkSignedCheckpoints()).toEqual({ checked: 2, findings: [] });
  });

  it('a checkpoint signed on top of an earlier one has the root of the whole chain read from its start', () => {
    f.s.signCheckpoint('day_closed');
    for (const code of ['STK-2', 'STK-1']) f.s.scan({ code, mode: 'hand-in', actor: 'pupil' });
    const next = f.s.signCheckpoint('export');
    const fromScratch = chainTreeHead(f.core.db, kioskId());
    expect({ size: next.treeSize, root: next.root.toString('hex') }).toEqual({ size: fromScratch.size, root: fromScratch.root.toString('hex') });
    expect(f.s.checkSignedCheckpoints()).toEqual({ checked: 2, findings: [] });
  });

  it('catch what the unsigned checks cannot: a chain rewritten with every hash and checkpoint recomputed', () => {
    const signed = f.s.signCheckpoint('on_request');
    const db = f.core.db;
    db.exec('DROP TRIGGER ledger_events_no_delete');
    // The newest event removed, and the unsigned checkpoint moved back with it: verify is content.
    db.prepare('DELETE FROM ledger_events WHERE kiosk_id = ? AND seq = ?').run(kioskId(), signed.treeSize);
    db.prepare('DELETE FROM ledger_checkpoints WHERE seq >= ?').run(signed.treeSize);
    expect(verifyLedger(db)).toMatchObject({ ok: true });
    expect(f.s.checkSignedCheckpoints().findings).toEqual([{ treeSize: signed.treeSize, problem: 'beyond_chain' }]);
  });

  it('a changed event hash under a signed size, or a signed note edited in the file, is reported', () => {
    const signed = f.s.signCheckpoint('on_request');
    const db = f.core.db;
    db.exec('DROP TRIGGER ledger_events_no_update; DROP TRIGGER ledger_signed_checkpoints_no_update');
    db.prepare('UPDATE ledger_events SET hash = randomblob(32) WHERE kiosk_id = ? AND seq = 2').run(kioskId());
    expect(f.s.checkSignedCheckpoints().findings).toEqual([{ treeSize: signed.treeSize, problem: 'root_differs' }]);
    db.prepare("UPDATE ledger_signed_checkpoints SET note = replace(note, ?, ?)").run(`\n${signed.treeSize}\n`, `\n${signed.treeSize}0\n`);
    expect(f.s.checkSignedCheckpoints().findings).toEqual([{ treeSize: signed.treeSize, problem: 'bad_signature' }]);
  });

  it('are append-only', () => {
    f.s.signCheckpoint('on_request');
    expect(() => f.core.db.prepare('DELETE FROM ledger_signed_checkpoints').run()).toThrow(/kept as signed/);
    expect(() => f.core.db.prepare("UPDATE ledger_signed_checkpoints SET reason = 'export'").run()).toThrow(/kept as signed/);
  });
});
