import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncKiosk } from '../../../src/core/central/sync';
import { chainSince } from '../../../src/core/ledger/importChain';
import { classFixture, type ClassFixture } from '../support/custodyFixture';
import { startPostgres, type PgCluster } from '../../support/postgres';
import { centralChain, centralDatabase, registerKioskDb } from './support/central';
import { cuttableProxy } from './support/proxy';

let cluster: PgCluster;
let database: string;
let admin: pg.Client;
const kiosks: ClassFixture[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  ({ name: database, admin } = await centralDatabase(cluster));
});
afterAll(async () => {
  for (const k of kiosks) k.close();
  await admin?.end();
  cluster?.stop();
});

/** A kiosk of a class of `size`, with a morning's hand-ins and a signed checkpoint. */
function busyKiosk(size: number): ClassFixture {
  const f = classFixture({ size });
  for (let n = 1; n <= size; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
  f.s.signCheckpoint('on_request');
  kiosks.push(f);
  return f;
}

const localChain = (f: ClassFixture): [number, string][] =>
  chainSince(f.core.db, f.core.kiosk().kioskId).map((r) => [r.event.seq, r.event.hash.toString('hex')]);

describe('kiosks syncing to the central database', () => {
  it('several kiosks upload their chains in batches; the next sync adds nothing', async () => {
    const group = [busyKiosk(4), busyKiosk(6), busyKiosk(3)];
    // A payload erased on the kiosk (AVG) leaves its hash in the chain: the centre still verifies the event.
    const withPayload = chainSince(group[0]!.core.db, group[0]!.core.kiosk().kioskId).find((r) => r.event.payloadHash !== null)!;
    group[0]!.s.redactPayloads({ seqs: [withPayload.event.seq], reason: 'request', actor: group[0]!.office.staffId });
    // One after another: each registration is a transaction on the one owner connection.
    const urls: string[] = [];
    for (const f of group) urls.push(await registerKioskDb(admin, cluster, database, f.core.db));
    const results = await Promise.all(group.map((f, i) => syncKiosk(f.core.db, urls[i]!, { batchSize: 7 })));
    for (const [i, f] of group.entries()) {
      expect(results[i]).toMatchObject({ outcome: 'ok', uploaded: localChain(f).length, checkpointsUploaded: 1 });
      expect(await centralChain(admin, f.core.kiosk().kioskId)).toEqual(localChain(f));
    }
    const again = await syncKiosk(group[1]!.core.db, urls[1]!, { batchSize: 7 });
    expect(again).toMatchObject({ outcome: 'ok', uploaded: 0, checkpointsUploaded: 0 });
    const syncs = await admin.query('SELECT outcome FROM central.syncs WHERE kiosk_id = $1 ORDER BY id', [group[1]!.core.kiosk().kioskId]);
    expect(syncs.rows).toEqual([{ outcome: 'ok' }, { outcome: 'ok' }]);
  });

  it('a network cut in the middle of a batch loses nothing and duplicates nothing', async () => {
    const f = busyKiosk(12);
    const proxy = await cuttableProxy(cluster.port);
    try {
      const url = await registerKioskDb(admin, cluster, database, f.core.db, proxy.port);
      const result = await syncKiosk(f.core.db, url, {
        batchSize: 10,
        retryDelayMs: 10,
        // After the first batch, the next one is cut off a few hundred bytes into the statement.
        afterBatch: (n) => {
          if (n === 10) proxy.cutAfter(300);
        },
      });
      expect(proxy.cuts).toBe(1);
      expect(result.outcome).toBe('ok');
      expect(await centralChain(admin, f.core.kiosk().kioskId)).toEqual(localChain(f));
    } finally {
      await proxy.close();
    }
  });

  it('an offline kiosk keeps working and its next sync sends what it did meanwhile', async () => {
    const f = busyKiosk(5);
    const proxy = await cuttableProxy(cluster.port);
    try {
      const url = await registerKioskDb(admin, cluster, database, f.core.db, proxy.port);
      expect((await syncKiosk(f.core.db, url)).outcome).toBe('ok');
      proxy.down();
      const before = localChain(f).length;
      for (let n = 1; n <= 5; n++) f.s.scan({ code: `STK-${n}`, mode: 'return', actor: 'pupil' });
      const meanwhile = localChain(f).length - before;
      expect(meanwhile).toBeGreaterThanOrEqual(5);
      expect(await syncKiosk(f.core.db, url, { retries: 1, retryDelayMs: 10 })).toMatchObject({ outcome: 'offline', uploaded: 0 });
      proxy.up();
      expect(await syncKiosk(f.core.db, url)).toMatchObject({ outcome: 'ok', uploaded: meanwhile });
      expect(await centralChain(admin, f.core.kiosk().kioskId)).toEqual(localChain(f));
    } finally {
      await proxy.close();
    }
  });

  it('a server restart in the middle of a sync: the sync reconnects and goes on where the centre stopped', async () => {
    const f = busyKiosk(10);
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    let restarted = false;
    const result = await syncKiosk(f.core.db, url, {
      batchSize: 8,
      retryDelayMs: 200,
      retries: 20,
      afterBatch: async (n) => {
        if (n < 16 || restarted) return;
        restarted = true;
        await admin.end();
        cluster.restart();
      },
    });
    expect(restarted).toBe(true);
    expect(result.outcome).toBe('ok');
    admin = new pg.Client({ connectionString: cluster.adminUrl(database) });
    await admin.connect();
    expect(await centralChain(admin, f.core.kiosk().kioskId)).toEqual(localChain(f));
  });

  it('an event the database refuses ends the sync as refused, with nothing of that batch kept and the refusal recorded', async () => {
    const f = busyKiosk(3);
    const kioskId = f.core.kiosk().kioskId;
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    const { centralSeq } = await syncKiosk(f.core.db, url);
    for (let n = 1; n <= 3; n++) f.s.scan({ code: `STK-${n}`, mode: 'return', actor: 'pupil' });
    // An event changed on the kiosk after it was hashed (its hash no longer covers its fields).
    f.core.db.exec('DROP TRIGGER ledger_events_no_update');
    const tampered = centralSeq + 2;
    f.core.db.prepare("UPDATE ledger_events SET actor = 'someone-else' WHERE kiosk_id = ? AND seq = ?").run(kioskId, tampered);
    expect(await syncKiosk(f.core.db, url)).toMatchObject({ outcome: 'refused', problem: 'bad_hash', seq: tampered, uploaded: 0 });
    expect((await centralChain(admin, kioskId)).length).toBe(centralSeq);
    const findings = await admin.query('SELECT source, problem, seq::int FROM central.findings WHERE kiosk_id = $1', [kioskId]);
    expect(findings.rows).toEqual([{ source: 'sync', problem: 'bad_hash', seq: tampered }]);
  });
});
