import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { getEvent } from '../../../src/core/ledger/rows';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { MAX_MEDIA_BYTES } from '../../../src/shared/contract/media';
import { fakeImage, upload } from '../../support/images';
import { classFixture, codeOf, errorOf, PINS, type ClassFixture } from '../support/custodyFixture';

/** What the table holds for an image (the test looks at the file; the product asks the ledger). */
type MediaRow = { seq: number; mime: string; byte_size: number; bytes: Buffer | null };

describe('photos and signatures are kept beside the ledger, named by the hash in their event', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  let phone: string;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    phone = f.phones[0]!.deviceId;
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }), {
      onInternalError: (method, error) => {
        throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
      },
    });
  });
  afterEach(() => f.close());

  const mediaRow = (sha256: string) =>
    f.core.db.prepare('SELECT seq, mime, byte_size, bytes FROM ledger_media WHERE sha256 = ?').get(Buffer.from(sha256, 'hex')) as
      | MediaRow
      | undefined;
  const dataUrlBytes = (dataUrl: string) => Buffer.from(dataUrl.replace(/^data:image\/(png|jpeg);base64,/, ''), 'base64');

  it("an incident's photo sent through the screen's contract comes back through it byte for byte", async () => {
    const photo = fakeImage('image/jpeg', 'kapot scherm, achterkant');
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    const reported = await gateway.invoke('reportIncident', {
      deviceId: phone,
      kind: 'damage',
      description: 'Scherm gebarsten in de tas',
      photoHash: photo.sha256,
      photo: upload(photo),
    });
    expect(reported).toMatchObject({ ok: true, value: { event: { type: 'incident_reported' } } });
    const seq = f.s.listEvents({ deviceId: phone, limit: 1 }).events[0]!.seq;
    expect(mediaRow(photo.sha256)).toMatchObject({ seq, mime: 'image/jpeg', byte_size: photo.bytes.length });

    const kept = await gateway.invoke('getMedia', { sha256: photo.sha256 });
    if (!kept.ok) throw new Error(kept.error.code);
    const value = kept.value as { sha256: string; mime: string; byteSize: number; dataUrl: string };
    expect(value).toMatchObject({ sha256: photo.sha256, mime: 'image/jpeg', byteSize: photo.bytes.length });
    expect(value.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(dataUrlBytes(value.dataUrl).equals(photo.bytes)).toBe(true);
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
  });

  it("a guardian's drawn signature is kept with the release and read back for the receipt", async () => {
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil', dutyStaffId: f.teacher.staffId });
    const signature = fakeImage('image/png', 'handtekening Mw. Jansen');
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    const released = await gateway.invoke('releaseToGuardian', {
      deviceId: phone,
      guardianName: 'Mw. Jansen',
      signatureImageHash: signature.sha256,
      signature: upload(signature),
    });
    expect(released).toMatchObject({ ok: true });
    const kept = await gateway.invoke('getMedia', { sha256: signature.sha256 });
    expect(kept).toMatchObject({ ok: true, value: { mime: 'image/png' } });
    if (kept.ok) expect(dataUrlBytes((kept.value as { dataUrl: string }).dataUrl).equals(signature.bytes)).toBe(true);
  });

  it('refuses an image that is not the one the event names, not a PNG or JPEG, too large, or without its hash; nothing is recorded', () => {
    const photo = fakeImage('image/jpeg', 'foto');
    const before = f.s.listEvents({ limit: 1 }).events[0]!.seq;
    const report = (extra: object) => () =>
      f.s.reportIncident({ deviceId: phone, actor: f.teacher.staffId, kind: 'damage', description: 'barst', ...extra });
    const other = fakeImage('image/jpeg', 'een andere foto');
    expect(errorOf(report({ photoHash: other.sha256, photo }))).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'photo', rule: 'hash_mismatch' } });
    expect(errorOf(report({ photoHash: photo.sha256, photo: { mime: 'image/png', bytes: photo.bytes } }))).toMatchObject({
      details: { field: 'photo', rule: 'not_that_type' },
    });
    const huge = fakeImage('image/jpeg', 'groot', MAX_MEDIA_BYTES + 1);
    expect(errorOf(report({ photoHash: huge.sha256, photo: huge }))).toMatchObject({ details: { field: 'photo', rule: 'too_large' } });
    expect(errorOf(report({ photo }))).toMatchObject({ details: { field: 'photoHash', rule: 'required_with_image' } });
    expect(f.s.listEvents({ limit: 1 }).events[0]!.seq).toBe(before);
    expect(f.core.db.prepare('SELECT count(*) AS n FROM ledger_media').get()).toEqual({ n: 0 });
  });

  it('the contract refuses an image that is not base64 before the core sees it', async () => {
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    const bad = await gateway.invoke('reportIncident', {
      deviceId: phone,
      kind: 'damage',
      description: 'x',
      photoHash: 'a'.repeat(64),
      photo: { mime: 'image/jpeg', base64: 'niet base64!' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('a teacher or the administrator may look at a kept image; a locked kiosk and the office may not', async () => {
    const photo = fakeImage('image/jpeg', 'toegang');
    f.s.reportIncident({ deviceId: phone, actor: f.teacher.staffId, kind: 'loss', description: 'kwijt', photoHash: photo.sha256, photo });
    expect(await gateway.invoke('getMedia', { sha256: photo.sha256 })).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    await gateway.invoke('unlockStaff', { staffId: f.office.staffId, pin: PINS.office });
    expect(await gateway.invoke('getMedia', { sha256: photo.sha256 })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    await gateway.invoke('unlockStaff', { staffId: f.admin.staffId, pin: PINS.admin });
    expect(await gateway.invoke('getMedia', { sha256: photo.sha256 })).toMatchObject({ ok: true });
    expect(await gateway.invoke('getMedia', { sha256: 'b'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_MEDIA' } });
  });

  it('erasing the event’s payload erases the image’s bytes; its hash, type and size stay and the chain still verifies', () => {
    const photo = fakeImage('image/jpeg', 'UNIEK-MERKTEKEN-FOTO-7B');
    const { event } = f.s.reportIncident({
      deviceId: phone,
      actor: f.teacher.staffId,
      kind: 'theft',
      description: 'weg uit de tas',
      photoHash: photo.sha256,
      photo,
    });
    const hashBefore = getEvent(f.core.db, event.seq)!.hash;
    const { redacted } = f.s.redactPayloads({ seqs: [event.seq], reason: 'request', actor: f.office.staffId });
    expect(redacted).toEqual([event.seq]);
    expect(mediaRow(photo.sha256)).toEqual({ seq: event.seq, mime: 'image/jpeg', byte_size: photo.bytes.length, bytes: null });
    expect(codeOf(() => f.s.getMedia(photo.sha256))).toBe('UNKNOWN_MEDIA');
    expect(getEvent(f.core.db, event.seq)!.hash.equals(hashBefore)).toBe(true);
    expect(f.s.listEvents({ deviceId: phone, limit: 1 }).events[0]).toMatchObject({ details: { photoHash: photo.sha256 }, redacted: true });
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
  });

  it('the same image sent again with a later event stays the first event’s, and erasing the later one leaves it', () => {
    const photo = fakeImage('image/jpeg', 'twee keer');
    const report = () =>
      f.s.reportIncident({ deviceId: phone, actor: f.teacher.staffId, kind: 'damage', description: 'barst', photoHash: photo.sha256, photo }).event.seq;
    const first = report();
    const second = report();
    f.s.redactPayloads({ seqs: [second], reason: 'request', actor: f.office.staffId });
    expect(mediaRow(photo.sha256)).toMatchObject({ seq: first, byte_size: photo.bytes.length });
    expect(mediaRow(photo.sha256)?.bytes?.equals(photo.bytes)).toBe(true);
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
  });
});
