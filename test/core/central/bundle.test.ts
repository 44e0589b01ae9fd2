import { createHash, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCentralBundle, type CentralBundleRequest } from '../../../src/core/central/exportBundle';
import { importBundle } from '../../../src/core/central/importBundle';
import { syncKiosk } from '../../../src/core/central/sync';
import { cosignedNote, witnessCheckpoints, witnessFromKeyFile, type Witness } from '../../../src/core/central/witness';
import { sealText } from '../../../src/core/evidence/bundleFormat';
import { ed25519Signer, signNote, type NoteSigner } from '../../../src/core/evidence/signedNote';
import { verifyBundle, type BundleVerdict, type VerifyBundleOptions } from '../../../src/core/evidence/verifyBundle';
import { exportBundle, type BundleRequest } from '../../../src/core/export/exportBundle';
import { kioskNoteSigner, kioskVerifierKey } from '../../../src/core/kiosk/signer';
import { AppError } from '../../../src/shared/errors';
import type { PgCluster } from '../../support/postgres';
import { standaloneVerifier } from '../../support/standaloneVerifier';
import { tempDir } from '../../support/tempDb';
import { classFixture, type ClassFixture } from '../support/custodyFixture';
import { boardWithWitness, registerKioskDb } from './support/central';

let cluster: PgCluster;
let database: string;
let admin: pg.Client;
let witness: Witness;
let keyDir: string;
let stopBoard: () => Promise<void>;
const files = tempDir();

/** One kiosk, synced and witnessed twice: a day of four hand-ins (checkpoint `first`), then returns (the newest). */
let f: ClassFixture;
let kioskId: string;
let kioskKey: string;
let first: { treeSize: number; note: string };
let newest: { treeSize: number; note: string };

beforeAll(async () => {
  // initdb and a first start take a while on a shared machine: a hang guard, not a speed claim.
  ({ cluster, name: database, admin, witness, keyDir, stop: stopBoard } = await boardWithWitness());
  f = classFixture({ size: 4 });
  f.clock.set('2026-03-02T08:15:00.000Z');
  kioskId = f.core.kiosk().kioskId;
  kioskKey = kioskVerifierKey(f.core.db);
  for (let n = 1; n <= 4; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
  f.s.signCheckpoint('day_closed');
  const url = await registerKioskDb(admin, cluster, database, f.core.db);
  await syncKiosk(f.core.db, url);
  await witnessCheckpoints(admin, witness, { now: () => new Date('2026-03-02T16:00:00Z') });
  first = (await cosignedNote(admin, kioskId))!;
  f.clock.set('2026-03-03T14:30:00.000Z');
  for (let n = 1; n <= 3; n++) f.s.scan({ code: `STK-${n}`, mode: 'return', actor: 'pupil' });
  f.s.signCheckpoint('day_closed');
  await syncKiosk(f.core.db, url);
  await witnessCheckpoints(admin, witness, { now: () => new Date('2026-03-03T16:00:00Z') });
  newest = (await cosignedNote(admin, kioskId))!;
}, 120_000);
afterAll(async () => {
  f?.close();
  files.cleanup();
  await stopBoard?.();
});

async function collect(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

const central = (request: Partial<CentralBundleRequest> = {}) =>
  collect((out) => exportCentralBundle(admin, { kioskId, witness, now: () => new Date('2026-03-04T09:00:00Z'), ...request }, out));
const kioskOwn = (request: Partial<BundleRequest>) => collect((out) => exportBundle(f.s.context, { filter: {}, actor: f.office.staffId, ...request }, out));

const lines = (bytes: Buffer) => bytes.toString('utf8').split('\n').slice(0, -1);
const joined = (ls: string[]) => Buffer.from(ls.map((l) => `${l}\n`).join(''));
const reason = (v: BundleVerdict) => (v.ok ? 'ok' : v.reason);
/** What a reader holds: the kiosk's key and the witness's vkey, pinned rather than taken from the file. */
const pinned = (extra: VerifyBundleOptions = {}): VerifyBundleOptions => ({ key: kioskKey, witness: witness.verifierKey, ...extra });

/** The standalone verifier, as an auditor runs it: one file, node:crypto only. */
function standalone(bytes: Buffer, ...args: string[]): { status: number | null; stdout: string } {
  const file = join(files.dir, `bundle-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.jsonl`);
  writeFileSync(file, bytes);
  const r = standaloneVerifier([file, '--key', kioskKey, ...args]);
  return { status: r.status, stdout: r.stdout };
}

/** The bundle with its end line's seal signed again, over the same bytes, by `signer`. */
function resealed(bytes: Buffer, signer: NoteSigner): Buffer {
  const ls = lines(bytes);
  const body = joined(ls.slice(0, -1));
  const end = JSON.parse(ls.at(-1)!) as { end: { events: number; subtrees: number; seal: string } };
  const origin = (JSON.parse(ls[0]!) as { origin: string }).origin;
  end.end.seal = signNote(sealText(origin, createHash('sha256').update(body).digest()), [signer]);
  return Buffer.concat([body, Buffer.from(`${JSON.stringify(end)}\n`)]);
}

describe("a kiosk's evidence bundle rebuilt from the central database", () => {
  it('the whole chain against the newest cosigned checkpoint verifies, with the witness key, in the app and in the standalone verifier', async () => {
    const bytes = await central();
    const header = JSON.parse(lines(bytes)[0]!) as Record<string, unknown>;
    expect(header).toMatchObject({ bundle: 'inleverpunt-bundle/v1', kioskId, sealedBy: 'witness', checkpoint: newest.note, verifierKey: kioskKey, madeAt: '2026-03-04T09:00:00.000Z' });
    const verdict = verifyBundle(bytes, pinned());
    expect(verdict).toMatchObject({ ok: true, treeSize: newest.treeSize, events: newest.treeSize, sealedBy: 'witness', witnessed: { witness: witness.name, time: Date.parse('2026-03-03T16:00:00Z') / 1000 } });
    expect(standalone(bytes, '--witness', witness.verifierKey)).toEqual({
      status: 0,
      stdout: `OK inleverpunt.kiosk/${kioskId}: ${newest.treeSize} events, tree size ${newest.treeSize}, cosigned by the witness at 2026-03-03T16:00:00.000Z, sealed by the witness (made from the central database)\n`,
    });
  });

  it("one device's events are the kiosk's own event lines, byte for byte, without the texts the centre never held", async () => {
    const deviceId = f.phones[1]!.deviceId;
    const fromCentre = lines(await central({ filter: { deviceId } }));
    const fromKiosk = lines(await kioskOwn({ filter: { deviceId }, cosigned: newest.note }));
    // Same tree, same filter: the same events and the same subtrees between them, in the same order.
    const body = (ls: string[]) => ls.slice(1, -1);
    const withoutText = body(fromKiosk).map((l) => {
      const { payload: _text, ...rest } = JSON.parse(l) as Record<string, unknown>;
      return JSON.stringify(rest);
    });
    expect(body(fromCentre)).toEqual(withoutText);
    expect(body(fromCentre).filter((l) => l.startsWith('{"leaf"')).length).toBeGreaterThanOrEqual(3);
    // The device's own hand-in and return carry no text: those lines are the kiosk's bytes exactly.
    const scans = body(fromKiosk).filter((l) => l.includes('"handed_in"') || l.includes('"returned"'));
    expect(scans.length).toBe(2);
    for (const l of scans) expect(body(fromCentre)).toContain(l);
    expect(body(fromCentre).join('\n')).not.toContain('"payload"');

    const bytes = joined(fromCentre);
    expect(verifyBundle(bytes, pinned())).toMatchObject({ ok: true, events: body(fromCentre).filter((l) => l.startsWith('{"leaf"')).length });
    expect(standalone(bytes, '--witness', witness.verifierKey).status).toBe(0);
  });

  it('without the witness key a reader cannot check the seal: seal_needs_witness, in both verifiers', async () => {
    const bytes = await central();
    expect(verifyBundle(bytes, { key: kioskKey })).toEqual({ ok: false, reason: 'seal_needs_witness', line: 1 });
    expect(standalone(bytes)).toEqual({ status: 1, stdout: 'FAIL seal_needs_witness (line 1)\n' });
  });

  it("a seal by any other key is bad_seal: another witness key under the witness's name, another name, the kiosk's own key", async () => {
    const bytes = await central();
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const forgeries = [ed25519Signer(witness.name, stranger), ed25519Signer('elders.central/witness', stranger), kioskNoteSigner(f.s.context), witness.noteSigner];
    const verdicts = forgeries.map((signer) => resealed(bytes, signer));
    // The last is the witness's own seal again: the forgeries differ only in who sealed.
    expect(verdicts.map((b) => reason(verifyBundle(b, pinned())))).toEqual(['bad_seal', 'bad_seal', 'bad_seal', 'ok']);
    expect(verdicts.map((b) => standalone(b, '--witness', witness.verifierKey).stdout)).toEqual([
      'FAIL bad_seal\n',
      'FAIL bad_seal\n',
      'FAIL bad_seal\n',
      expect.stringMatching(/^OK /),
    ]);
    // A reader holding another witness's key finds no cosignature of it on the checkpoint, as with a kiosk's bundle.
    const other = witnessFromKeyFile(join(keyDir, 'other-witness.pem'), { create: true });
    expect(verifyBundle(bytes, pinned({ witness: other.verifierKey }))).toMatchObject({ ok: false, reason: 'no_cosignature' });
    expect(standalone(bytes, '--witness', other.verifierKey).stdout).toBe('FAIL no_cosignature\n');
  });

  it('a changed byte, a removed line, or the header made to say the kiosk sealed it are caught', async () => {
    const ls = lines(await central({ filter: { deviceId: f.phones[0]!.deviceId } }));
    const changed = [...ls];
    const at = changed.findIndex((l) => l.includes('"returned"'));
    changed[at] = changed[at]!.replace('"actor":"pupil"', '"actor":"pupiL"');
    const removed = ls.filter((_, i) => i !== 2);
    const header = JSON.parse(ls[0]!) as Record<string, unknown>;
    delete header.sealedBy;
    const unsealed = [JSON.stringify(header), ...ls.slice(1)];
    const cases = [changed, removed, unsealed].map(joined);
    expect(cases.map((b) => reason(verifyBundle(b, pinned())))).toEqual(['event_hash', 'missing_event', 'bad_seal']);
    expect(cases.map((b) => standalone(b, '--witness', witness.verifierKey).stdout.split(' ').slice(0, 2).join(' ').trim())).toEqual([
      'FAIL event_hash',
      'FAIL missing_event',
      'FAIL bad_seal',
    ]);
  });

  it('from an earlier checkpoint the reader kept (--since): the consistency proof; --size makes it against an older cosigned tree', async () => {
    const sinceFirst = await central({ since: first.note });
    const proof = lines(sinceFirst).find((l) => l.startsWith('{"consistency"'));
    expect(proof).toBeDefined();
    expect(verifyBundle(sinceFirst, pinned())).toMatchObject({ ok: true, consistentWith: first.treeSize, treeSize: newest.treeSize });
    expect(verifyBundle(sinceFirst, pinned({ since: first.note }))).toMatchObject({ ok: true, consistentWith: first.treeSize });
    const sinceFile = join(files.dir, 'first.checkpoint.txt');
    writeFileSync(sinceFile, first.note);
    expect(standalone(sinceFirst, '--witness', witness.verifierKey, '--since', sinceFile).stdout).toContain(`consistent with checkpoint ${first.treeSize}`);
    // Without the proof, a reader holding the earlier checkpoint is told so.
    expect(reason(verifyBundle(await central(), pinned({ since: first.note })))).toBe('no_consistency_proof');

    const older = await central({ size: first.treeSize });
    expect(JSON.parse(lines(older)[0]!)).toMatchObject({ checkpoint: first.note });
    expect(verifyBundle(older, pinned())).toMatchObject({ ok: true, treeSize: first.treeSize, witnessed: { time: Date.parse('2026-03-02T16:00:00Z') / 1000 } });
    await expect(central({ size: first.treeSize, since: newest.note })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'since' } });
  });

  it('is not made without a checkpoint this witness cosigned, nor for a kiosk the centre does not know', async () => {
    const other = witnessFromKeyFile(join(keyDir, 'not-the-witness.pem'), { create: true });
    const codes: string[] = [];
    // One after the other: one connection runs one query at a time.
    for (const request of [{ size: first.treeSize + 1 }, { witness: other }, { kioskId: 'kiosk-die-niet-bestaat' }]) {
      codes.push(await central(request).then(() => 'made', (e: unknown) => (e instanceof AppError ? e.code : String(e))));
    }
    expect(codes).toEqual(['CENTRAL_NOT_COSIGNED', 'CENTRAL_NOT_COSIGNED', 'INVALID_ARGUMENT']);
  });

  it('import-bundle refuses it: it came from a central database, not from the kiosk', async () => {
    const bytes = await central();
    const before = await admin.query('SELECT count(*)::int AS n FROM central.findings');
    expect(await importBundle(admin, bytes)).toEqual({ outcome: 'central_bundle', kioskId });
    const header = JSON.parse(lines(bytes)[0]!) as Record<string, unknown>;
    delete header.sealedBy;
    const disguised = joined([JSON.stringify(header), ...lines(bytes).slice(1)]);
    expect(await importBundle(admin, disguised)).toMatchObject({ outcome: 'not_verified', reason: 'bad_seal' });
    expect((await admin.query('SELECT count(*)::int AS n FROM central.findings')).rows).toEqual(before.rows);
  });
});
