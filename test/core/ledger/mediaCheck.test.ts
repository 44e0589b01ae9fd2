import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { fakeImage } from '../../support/images';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

/**
 * Someone with the file in hand can drop the triggers; verify still notices, because the event
 * names the image by its hash and the chain covers the event.
 */
describe('a kept image that was changed or removed is caught by verify', () => {
  let f: ClassFixture;
  let seq: number;
  const photo = fakeImage('image/jpeg', 'barst linksboven');
  beforeEach(() => {
    f = classFixture({ size: 1 });
    seq = f.s.reportIncident({
      deviceId: f.phones[0]!.deviceId,
      actor: f.teacher.staffId,
      kind: 'damage',
      description: 'barst',
      photoHash: photo.sha256,
      photo,
    }).event.seq;
    // A few events after it, so the bad one is named, not just the end of the chain.
    f.s.noteCondition({ deviceId: f.phones[0]!.deviceId, actor: 'pupil', marks: ['screen_cracked'] });
  });
  afterEach(() => f.close());

  const run = (sql: string, ...params: unknown[]) => () => f.core.db.prepare(sql).run(...params);
  const withoutTriggers = (sql: string, ...params: unknown[]) => {
    f.core.db.exec('DROP TRIGGER ledger_media_erase_only; DROP TRIGGER ledger_media_no_delete');
    run(sql, ...params)();
  };

  it('the triggers allow only erasing the bytes: no other change, no delete, no image for an old event', () => {
    const key = Buffer.from(photo.sha256, 'hex');
    expect(run('UPDATE ledger_media SET bytes = ? WHERE sha256 = ?', fakeImage('image/jpeg', 'anders').bytes, key)).toThrow(/only be erased/);
    expect(run("UPDATE ledger_media SET mime = 'image/png' WHERE sha256 = ?", key)).toThrow(/only be erased/);
    expect(run('DELETE FROM ledger_media')).toThrow(/never deleted/);
    const late = fakeImage('image/jpeg', 'achteraf');
    expect(
      run(
        `INSERT INTO ledger_media (kiosk_id, sha256, seq, mime, byte_size, bytes, created_at)
         VALUES ((SELECT kiosk_id FROM kiosk), ?, ?, 'image/jpeg', ?, ?, 't')`,
        Buffer.from(late.sha256, 'hex'),
        seq,
        late.bytes.length,
        late.bytes,
      ),
    ).toThrow(/newest event/);
    expect(run('UPDATE ledger_media SET bytes = NULL WHERE sha256 = ?', key)).not.toThrow();
  });

  it('names the event whose photo bytes were changed', () => {
    const tampered = Buffer.from(photo.bytes);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 0x01, tampered.length - 1);
    withoutTriggers('UPDATE ledger_media SET bytes = ? WHERE seq = ?', tampered, seq);
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: false, firstBadSeq: seq, problem: 'media_hash_mismatch' });
  });

  it('names the event whose photo was swapped for another, key and all', () => {
    const other = fakeImage('image/jpeg', 'een heel ander toestel');
    withoutTriggers('UPDATE ledger_media SET sha256 = ?, bytes = ?, byte_size = ? WHERE seq = ?', Buffer.from(other.sha256, 'hex'), other.bytes, other.bytes.length, seq);
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: false, firstBadSeq: seq, problem: 'media_unreferenced' });
  });

  it('names the event whose photo was removed without erasing the event', () => {
    run('UPDATE ledger_media SET bytes = NULL WHERE seq = ?', seq)();
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: false, firstBadSeq: seq, problem: 'unrecorded_media_erasure' });
  });

  it('a walk from a later event (as at start-up, after a checkpoint) checks only the images of the events it walks', () => {
    const tampered = Buffer.from(photo.bytes);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 0x01, tampered.length - 1);
    withoutTriggers('UPDATE ledger_media SET bytes = ? WHERE seq = ?', tampered, seq);
    expect(verifyLedger(f.core.db, { fromSeq: seq })).toMatchObject({ ok: false, firstBadSeq: seq });
    expect(verifyLedger(f.core.db, { fromSeq: seq + 1 })).toMatchObject({ ok: true });
  });
});
