import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvents } from '../../../src/core/central/importEvents';
import { hashEvent } from '../../../src/core/ledger/hash';
import { chainSince } from '../../../src/core/ledger/importChain';
import type { LedgerEvent } from '../../../src/core/ledger/events';
import { classFixture, type ClassFixture } from '../support/custodyFixture';
import { startPostgres, type PgCluster } from '../../support/postgres';
import { centralChain, centralDatabase, registerKioskDb } from './support/central';

let cluster: PgCluster;
let admin: pg.Client;
let office: pg.Client;
let f: ClassFixture;

beforeAll(async () => {
  cluster = await startPostgres();
  const central = await centralDatabase(cluster);
  admin = central.admin;
  await admin.query("CREATE ROLE office_user LOGIN PASSWORD 'kantoor' IN ROLE inleverpunt_office");
  office = new pg.Client({ connectionString: cluster.urlFor('office_user', 'kantoor', central.name) });
  await office.connect();
  f = classFixture({ size: 4 });
  for (let n = 1; n <= 4; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
  await registerKioskDb(admin, cluster, central.name, f.core.db);
});
afterAll(async () => {
  f?.close();
  await office?.end();
  await admin?.end();
  cluster?.stop();
});

const events = (): LedgerEvent[] => chainSince(f.core.db, f.core.kiosk().kioskId).map((r) => r.event);

describe("the office importing an offline kiosk's events into the central database", () => {
  it('imports them under the same rules; importing the same events twice adds nothing', async () => {
    const kioskId = f.core.kiosk().kioskId;
    const all = events();
    const half = all.slice(0, 10);
    expect(await importEvents(office, half)).toMatchObject({ outcome: 'ok', imported: 10, skipped: 0 });
    expect(await importEvents(office, all)).toMatchObject({ outcome: 'ok', imported: all.length - 10, skipped: 10 });
    const before = await centralChain(admin, kioskId);
    expect(await importEvents(office, all)).toMatchObject({ outcome: 'ok', imported: 0, skipped: all.length });
    expect(await centralChain(admin, kioskId)).toEqual(before);
    expect(before).toEqual(all.map((e) => [e.seq, e.hash.toString('hex')]));
  });

  it('refuses an import that contradicts what is stored, or leaves a gap, and shows it to the office', async () => {
    const kioskId = f.core.kiosk().kioskId;
    const before = await centralChain(admin, kioskId);
    const all = events();
    const changed = all.map((e, i) => (i === 2 ? { ...e, details: '{"rewritten":true}', hash: hashEvent({ ...e, details: '{"rewritten":true}' }) } : e));
    expect(await importEvents(office, changed)).toMatchObject({ outcome: 'refused', problem: 'fork', seq: 3, imported: 0 });
    f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    f.s.scan({ code: 'STK-2', mode: 'return', actor: 'pupil' });
    const later = events().slice(all.length + 1);
    expect(await importEvents(office, later)).toMatchObject({ outcome: 'refused', problem: 'not_next', seq: all.length + 2 });
    expect(await centralChain(admin, kioskId)).toEqual(before);
    const findings = await admin.query('SELECT source, problem, seq::int FROM central.findings WHERE kiosk_id = $1 ORDER BY id', [kioskId]);
    expect(findings.rows).toEqual([
      { source: 'import', problem: 'fork', seq: 3 },
      { source: 'import', problem: 'not_next', seq: all.length + 2 },
    ]);
  });
});
