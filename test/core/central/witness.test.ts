import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskHealth } from '../../../src/core/central/health';
import { syncKiosk } from '../../../src/core/central/sync';
import { verifyCentral } from '../../../src/core/central/verify';
import { cosignedNote, publishWitnessKey, witnessCheckpoints, witnessFromKeyFile, type Witness } from '../../../src/core/central/witness';
import { checkCosignature, cosignatureLine, parseCosignerKey } from '../../../src/core/evidence/cosignature';
import { ed25519Signer, openNote, rawEd25519PublicKey, signNote, verifierKey } from '../../../src/core/evidence/signedNote';
import { kioskNoteVerifier } from '../../../src/core/kiosk/signer';
import { chainSince } from '../../../src/core/ledger/importChain';
import { classFixture, type ClassFixture } from '../support/custodyFixture';
import type { PgCluster } from '../../support/postgres';
import { boardWithWitness, centralDatabase, registerKioskDb } from './support/central';
import { rewriteHistory } from './support/rewrite';

let cluster: PgCluster;
let database: string;
let admin: pg.Client;
let witness: Witness;
let keyDir: string;
const cleanups: (() => void)[] = [];

let stopBoard: () => Promise<void>;

beforeAll(async () => {
  // initdb and a first start take a while on a shared machine: a hang guard, not a speed claim.
  ({ cluster, name: database, admin, witness, keyDir, stop: stopBoard } = await boardWithWitness());
}, 120_000);
afterAll(async () => {
  for (const c of cleanups) c();
  await stopBoard?.();
});

/** The tree size a checkpoint note names (its second line). */
const health0Size = (note: string) => Number(note.split('\n')[1]);

function kiosk(size: number): ClassFixture {
  const f = classFixture({ size });
  for (let n = 1; n <= size; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
  f.s.signCheckpoint('day_closed');
  cleanups.push(() => f.close());
  return f;
}

/** The central's clock, as the witness and verify are given it. */
const at = (iso: string) => () => new Date(iso);
const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('the central database as a witness of kiosk checkpoints', () => {
  it('stores what the kiosk signed and adds its own signature line after checking it against the stored chain', async () => {
    const f = kiosk(4);
    const kioskId = f.core.kiosk().kioskId;
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    expect(await syncKiosk(f.core.db, url)).toMatchObject({ outcome: 'ok', checkpointsUploaded: 1 });
    expect(await witnessCheckpoints(admin, witness, { now: at('2026-03-02T16:05:00Z') })).toMatchObject({ cosigned: 1, findings: [] });
    expect(await witnessCheckpoints(admin, witness, { now: at('2026-03-02T16:10:00Z') })).toMatchObject({ cosigned: 0, findings: [] });
    const r = await admin.query<{ cosigned_note: string; note: string }>(
      'SELECT w.cosigned_note, c.note FROM central.cosignatures w JOIN central.checkpoints c USING (kiosk_id, tree_size) WHERE kiosk_id = $1',
      [kioskId],
    );
    const { cosigned_note: cosigned, note } = r.rows[0]!;
    // The kiosk's note with one more line: a cosignature/v1 of the witness, stating the central's time.
    expect(cosigned.startsWith(note)).toBe(true);
    expect(cosigned.split('\n').filter((l) => l.startsWith('\u2014 '))).toHaveLength(2);
    expect(witness.verifierKey).toMatch(/^inleverpunt\.central\/witness\+[0-9a-f]{8}\+/);
    expect(checkCosignature(cosigned, parseCosignerKey(witness.verifierKey))).toEqual({ ok: true, format: 'cosignature/v1', time: seconds('2026-03-02T16:05:00Z') });
    expect(openNote(cosigned, [kioskNoteVerifier(f.core.db)]).signedBy).toEqual([`inleverpunt.kiosk/${kioskId}`]);
    expect(await cosignedNote(admin, kioskId)).toEqual({ treeSize: health0Size(cosigned), witness: witness.name, note: cosigned });
    const health = await kioskHealth(admin, { kioskId });
    expect(health[0]).toMatchObject({ state: 'ok', lastSyncOutcome: 'ok', lastWitnessedSize: health[0]!.headSeq, findings: 0 });
    const verified = (await verifyCentral(admin)).kiosks.find((k) => k.kioskId === kioskId);
    expect(verified).toMatchObject({ ok: true, cosigned: 1, legacyCosigned: 0, problems: [] });
    // A cosignature dated after the verifier's clock is not taken as a statement.
    const early = (await verifyCentral(admin, { now: at('2026-03-02T16:04:59Z') })).kiosks.find((k) => k.kioskId === kioskId);
    expect(early?.problems).toEqual([{ seq: health0Size(cosigned), problem: 'cosignature' }]);
  });

  it('cosigns only the newest checkpoint that holds: a time-stamped cosignature says it is the largest tree seen', async () => {
    const f = kiosk(3);
    const kioskId = f.core.kiosk().kioskId;
    const first = chainSince(f.core.db, kioskId).length;
    f.s.scan({ code: 'STK-2', mode: 'return', actor: 'pupil' });
    const second = f.s.signCheckpoint('on_request').treeSize;
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    expect(await syncKiosk(f.core.db, url)).toMatchObject({ outcome: 'ok', checkpointsUploaded: 2 });
    expect(await witnessCheckpoints(admin, witness, { now: at('2026-03-03T15:20:00Z') })).toMatchObject({ cosigned: 1, findings: [] });
    const rows = await admin.query<{ tree_size: string }>('SELECT tree_size FROM central.cosignatures WHERE kiosk_id = $1', [kioskId]);
    expect(rows.rows.map((r) => Number(r.tree_size))).toEqual([second]);
    expect(first).toBeLessThan(second);
    // The smaller one is not left pending: the next pass has nothing to do.
    expect(await witnessCheckpoints(admin, witness)).toMatchObject({ cosigned: 0, waiting: 0, findings: [] });
    expect((await verifyCentral(admin)).kiosks.find((k) => k.kioskId === kioskId)).toMatchObject({ ok: true, checkpoints: 2, cosigned: 1 });
  });

  it('a board set up before cosignature/v1 keeps its published key and older plain lines; both still verify, new lines are v1', async () => {
    const old = await centralDatabase(cluster);
    cleanups.push(() => void old.admin.end());
    const legacy = witnessFromKeyFile(`${keyDir}/witness.pem`);
    const raw = rawEd25519PublicKey(createPrivateKey(readFileSync(`${keyDir}/witness.pem`)));
    // What the witness published and wrote then: a signed-note (0x01) vkey, a plain note signature line.
    await old.admin.query('INSERT INTO central.witness_keys (key_name, verifier_key) VALUES ($1, $2)', [legacy.name, verifierKey(legacy.name, raw)]);
    const f = kiosk(3);
    const kioskId = f.core.kiosk().kioskId;
    const url = await registerKioskDb(old.admin, cluster, old.name, f.core.db);
    await syncKiosk(f.core.db, url);
    const { rows } = await old.admin.query<{ tree_size: string; note: string }>('SELECT tree_size, note FROM central.checkpoints WHERE kiosk_id = $1', [kioskId]);
    const [checkpoint] = rows;
    const text = openNote(checkpoint!.note, [kioskNoteVerifier(f.core.db)]).text;
    const plainLine = signNote(text, [ed25519Signer(legacy.name, createPrivateKey(readFileSync(`${keyDir}/witness.pem`)))]).slice(text.length + 1);
    await old.admin.query('INSERT INTO central.cosignatures (kiosk_id, tree_size, witness, cosigned_note) VALUES ($1, $2, $3, $4)', [
      kioskId, checkpoint!.tree_size, legacy.name, checkpoint!.note + plainLine,
    ]);
    expect((await verifyCentral(old.admin)).kiosks[0]).toMatchObject({ ok: true, cosigned: 1, legacyCosigned: 1, problems: [] });

    await expect(publishWitnessKey(old.admin, legacy)).resolves.toBeUndefined();
    f.s.scan({ code: 'STK-3', mode: 'return', actor: 'pupil' });
    f.s.signCheckpoint('day_closed');
    await syncKiosk(f.core.db, url);
    expect(await witnessCheckpoints(old.admin, legacy, { now: at('2026-03-04T15:20:00Z') })).toMatchObject({ cosigned: 1, findings: [] });
    const newest = await cosignedNote(old.admin, kioskId);
    expect(checkCosignature(newest!.note, parseCosignerKey(legacy.verifierKey))).toMatchObject({ ok: true, format: 'cosignature/v1' });
    expect((await verifyCentral(old.admin)).kiosks[0]).toMatchObject({ ok: true, cosigned: 2, legacyCosigned: 1, problems: [] });

    // A second witness's line whose time was changed afterwards (by whoever can write the table) is found.
    const other = witnessFromKeyFile(`${keyDir}/other.pem`, { create: true, name: 'other.example/w' });
    await publishWitnessKey(old.admin, other);
    const signed = cosignatureLine(openNote(newest!.note, [kioskNoteVerifier(f.core.db)]).text, other.cosigner, seconds('2026-03-04T15:30:00Z'));
    const bytes = Buffer.from(signed.trimEnd().split(' ').at(-1)!, 'base64');
    bytes.writeBigUInt64BE(BigInt(seconds('2026-03-04T14:30:00Z')), 4);
    const kioskOnly = newest!.note.slice(0, newest!.note.lastIndexOf('\u2014'));
    expect(checkCosignature(kioskOnly + signed, parseCosignerKey(other.verifierKey))).toMatchObject({ ok: true });
    await old.admin.query('INSERT INTO central.cosignatures (kiosk_id, tree_size, witness, cosigned_note) VALUES ($1, $2, $3, $4)', [
      kioskId, newest!.treeSize, other.name, `${kioskOnly}\u2014 ${other.name} ${bytes.toString('base64')}\n`,
    ]);
    expect((await verifyCentral(old.admin)).kiosks[0]?.problems).toEqual([{ seq: newest!.treeSize, problem: 'cosignature' }]);
  });

  it('a kiosk that rewrote its history is caught at its next sync, and the office sees it', async () => {
    const f = kiosk(5);
    const kioskId = f.core.kiosk().kioskId;
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    await syncKiosk(f.core.db, url);
    await witnessCheckpoints(admin, witness);
    const stored = (await admin.query('SELECT count(*)::int AS n FROM central.events WHERE kiosk_id = $1', [kioskId])).rows[0];

    rewriteHistory(f.core.db, kioskId, 3);
    f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    f.s.signCheckpoint('day_closed');
    expect(await syncKiosk(f.core.db, url)).toMatchObject({ outcome: 'diverged', problem: 'checkpoint_inconsistent', uploaded: 0 });

    expect((await admin.query('SELECT count(*)::int AS n FROM central.events WHERE kiosk_id = $1', [kioskId])).rows[0]).toEqual(stored);
    expect(await kioskHealth(admin, { kioskId })).toMatchObject([{ state: 'findings', lastSyncOutcome: 'diverged', findings: 1 }]);
    const verified = (await verifyCentral(admin)).kiosks.find((k) => k.kioskId === kioskId)!;
    expect(verified.ok).toBe(false);
    expect(verified.problems).toEqual([]);
    expect(verified.findings).toMatchObject([{ source: 'sync', problem: 'checkpoint_inconsistent' }]);
  });

  it("a signed checkpoint over a tree the centre does not hold is reported, not cosigned, whoever's client sent it", async () => {
    const f = kiosk(3);
    const kioskId = f.core.kiosk().kioskId;
    const signedAt = chainSince(f.core.db, kioskId).length;
    f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    const { centralSeq: head } = await syncKiosk(f.core.db, url);
    // The kiosk rewrites its history and signs the rewritten tree at the size the centre holds, then sends that note itself.
    rewriteHistory(f.core.db, kioskId, 2);
    const forged = f.s.signCheckpoint('on_request');
    expect(forged.treeSize).toBe(head);
    const own = new pg.Client({ connectionString: url });
    await own.connect();
    const send = (size: number, note: string) =>
      own.query('INSERT INTO central.checkpoints (kiosk_id, tree_size, root, note, reason, signed_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        kioskId, size, forged.root, note, forged.reason, forged.signedAt,
      ]);
    try {
      // A second note for a size the centre already holds is refused by the database itself.
      await expect(send(signedAt, forged.note.replace(`\n${head}\n`, `\n${signedAt}\n`))).rejects.toMatchObject({ code: 'IL004' });
      await send(head, forged.note);
    } finally {
      await own.end();
    }
    const result = await witnessCheckpoints(admin, witness);
    expect(result.findings).toEqual([{ kioskId, treeSize: head, problem: 'root_differs' }]);
    const verified = (await verifyCentral(admin)).kiosks.find((k) => k.kioskId === kioskId)!;
    expect(verified.problems).toEqual([{ seq: head, problem: 'checkpoint_root' }]);
    expect(verified.findings).toMatchObject([{ source: 'witness', problem: 'root_differs', seq: head }]);
    expect(await kioskHealth(admin, { kioskId })).toMatchObject([{ state: 'findings', lastWitnessedSize: signedAt }]);
  });
});
