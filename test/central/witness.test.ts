import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskHealth } from '../../src/central/health';
import { syncKiosk } from '../../src/central/sync';
import { verifyCentral } from '../../src/central/verify';
import { witnessCheckpoints, witnessFromKeyFile, type Witness } from '../../src/central/witness';
import { openNote, parseVerifierKey } from '../../src/core/evidence/signedNote';
import { kioskNoteVerifier } from '../../src/core/kiosk/signer';
import { chainSince } from '../../src/core/ledger/importChain';
import { classFixture, type ClassFixture } from '../core/support/custodyFixture';
import { startPostgres, type PgCluster } from '../support/postgres';
import { tempDir } from '../support/tempDb';
import { centralDatabase, registerKioskDb } from './support/central';
import { rewriteHistory } from './support/rewrite';

let cluster: PgCluster;
let database: string;
let admin: pg.Client;
let witness: Witness;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  ({ name: database, admin } = await centralDatabase(cluster));
  const keys = tempDir();
  cleanups.push(keys.cleanup);
  witness = witnessFromKeyFile(`${keys.dir}/witness.pem`, { create: true });
});
afterAll(async () => {
  for (const c of cleanups) c();
  await admin?.end();
  cluster?.stop();
});

function kiosk(size: number): ClassFixture {
  const f = classFixture({ size });
  for (let n = 1; n <= size; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
  f.s.signCheckpoint('day_closed');
  cleanups.push(() => f.close());
  return f;
}

describe('the central database as a witness of kiosk checkpoints', () => {
  it('stores what the kiosk signed and adds its own signature line after checking it against the stored chain', async () => {
    const f = kiosk(4);
    const kioskId = f.core.kiosk().kioskId;
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    expect(await syncKiosk(f.core.db, url)).toMatchObject({ outcome: 'ok', checkpointsUploaded: 1 });
    expect(await witnessCheckpoints(admin, witness)).toMatchObject({ cosigned: 1, findings: [] });
    expect(await witnessCheckpoints(admin, witness)).toMatchObject({ cosigned: 0, findings: [] });
    const r = await admin.query<{ cosigned_note: string; note: string }>(
      'SELECT w.cosigned_note, c.note FROM central.cosignatures w JOIN central.checkpoints c USING (kiosk_id, tree_size) WHERE kiosk_id = $1',
      [kioskId],
    );
    const { cosigned_note: cosigned, note } = r.rows[0]!;
    // The kiosk's note with one more line: both keys open it, and standard note tools see two signers.
    expect(cosigned.startsWith(note)).toBe(true);
    expect(cosigned.split('\n').filter((l) => l.startsWith('\u2014 '))).toHaveLength(2);
    expect(openNote(cosigned, [kioskNoteVerifier(f.core.db), parseVerifierKey(witness.verifierKey)]).signedBy).toEqual([
      `inleverpunt.kiosk/${kioskId}`,
      'inleverpunt.central/witness',
    ]);
    const health = await kioskHealth(admin, { kioskId });
    expect(health[0]).toMatchObject({ state: 'ok', lastSyncOutcome: 'ok', lastWitnessedSize: health[0]!.headSeq, findings: 0 });
    const verified = (await verifyCentral(admin)).kiosks.find((k) => k.kioskId === kioskId);
    expect(verified).toMatchObject({ ok: true, cosigned: 1, problems: [] });
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
