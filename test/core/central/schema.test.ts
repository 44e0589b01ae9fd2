import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents, centralHead } from '../../../src/core/central/chain';
import { CentralSchemaError, centralSchemaVersion, centralMigrations, migrateCentral } from '../../../src/core/central/schema/migrate';
import { KIOSK_HEALTH_SQL, kioskHealth } from '../../../src/core/central/health';
import { registerKiosk } from '../../../src/core/central/registry';
import { rawEd25519PublicKey } from '../../../src/core/evidence/signedNote';
import type { LedgerEvent } from '../../../src/core/ledger/events';
import { GENESIS_HASH, hashEvent, type EventHeader } from '../../../src/core/ledger/hash';
import { startPostgres, type PgCluster } from '../../support/postgres';
import { newKioskId, syntheticChain } from './support/chains';

let cluster: PgCluster;
let database: string;
let admin: pg.Client;

const newPublicKey = () => rawEd25519PublicKey(generateKeyPairSync('ed25519').privateKey);

async function kioskClient(kioskId: string): Promise<pg.Client> {
  const { role, password } = await registerKiosk(admin, { kioskId, publicKey: newPublicKey(), school: 'De Regenboog', name: 'Groep 7' });
  const client = new pg.Client({ connectionString: cluster.urlFor(role, password, database) });
  await client.connect();
  return client;
}

/** Plain SQL, as anyone holding the kiosk's credentials could send it: no client code in between. */
async function insertPlain(client: pg.Client, e: LedgerEvent): Promise<number> {
  const r = await client.query(
    `INSERT INTO central.events (kiosk_id, seq, event_id, occurred_at, type, actor, custodian, device_id, pupil_id,
       location_id, pouch_id, voids_seq, details, payload_hash, prev_hash, hash, encoding)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [e.kioskId, e.seq, e.eventId, e.occurredAt, e.type, e.actor, e.custodian, e.deviceId, e.pupilId, e.locationId,
      e.pouchId, e.voidsSeq, e.details, e.payloadHash, e.prevHash, e.hash, e.encoding],
  );
  return r.rowCount ?? 0;
}

beforeAll(async () => {
  cluster = await startPostgres();
  database = await cluster.createDatabase();
  admin = new pg.Client({ connectionString: cluster.adminUrl(database) });
  await admin.connect();
  await migrateCentral(admin);
});
afterAll(async () => {
  await admin?.end();
  cluster?.stop();
});

describe('the central schema', () => {
  it('is versioned like the kiosk database and migrating again changes nothing', async () => {
    expect(await centralSchemaVersion(admin)).toBe(centralMigrations.length);
    expect(await migrateCentral(admin)).toEqual({ from: centralMigrations.length, to: centralMigrations.length });
  });

  it('leaves a schema from a newer app alone', async () => {
    const newer = new pg.Client({ connectionString: cluster.adminUrl(await cluster.createDatabase()) });
    await newer.connect();
    try {
      await migrateCentral(newer);
      await newer.query("INSERT INTO central.schema_migrations (version, name) VALUES (99, 'from the future')");
      await expect(migrateCentral(newer)).rejects.toBeInstanceOf(CentralSchemaError);
      expect(await centralSchemaVersion(newer)).toBe(99);
    } finally {
      await newer.end();
    }
  });

  it('migration 2 lets a kiosk read its own chain back and counts what a sync took back; a version-1 database keeps its rows', async () => {
    const older = new pg.Client({ connectionString: cluster.adminUrl(await cluster.createDatabase()) });
    await older.connect();
    try {
      expect(await migrateCentral(older, centralMigrations.slice(0, 1))).toEqual({ from: 0, to: 1 });
      const kioskId = newKioskId();
      await registerKiosk(older, { kioskId, publicKey: newPublicKey(), school: 'De Regenboog', name: 'Groep 8' });
      await older.query("INSERT INTO central.syncs (kiosk_id, uploaded, head_seq, outcome) VALUES ($1, 4, 4, 'ok')", [kioskId]);
      expect((await older.query("SELECT to_regprocedure('central.own_events(text, bigint, integer)') AS f")).rows[0].f).toBeNull();

      expect(await migrateCentral(older, centralMigrations.slice(0, 2))).toEqual({ from: 1, to: 2 });
      expect((await older.query('SELECT uploaded, taken_back FROM central.syncs WHERE kiosk_id = $1', [kioskId])).rows).toEqual([{ uploaded: 4, taken_back: 0 }]);
      const fns = await older.query<{ name: string; definer: boolean }>(
        "SELECT proname AS name, prosecdef AS definer FROM pg_proc WHERE pronamespace = 'central'::regnamespace AND proname LIKE 'own_%' ORDER BY proname",
      );
      expect(fns.rows).toEqual([{ name: 'own_event_hash', definer: true }, { name: 'own_events', definer: true }]);
      // Only the kiosks' role may call them; the table stays append-only for the new column too.
      const grants = await older.query("SELECT has_function_privilege('inleverpunt_office', 'central.own_events(text, bigint, integer)', 'EXECUTE') AS office");
      expect(grants.rows[0].office).toBe(false);
      await expect(older.query('UPDATE central.syncs SET taken_back = 1')).rejects.toMatchObject({ code: 'IL005' });
    } finally {
      await older.end();
    }
  });

  it("migration 3: the health view finds a kiosk's newest sync, and its newest one that took events back, by index", async () => {
    // A board's syncs table: 200 kiosks, and one that went quiet long ago, put back from a backup once.
    const board = new pg.Client({ connectionString: cluster.adminUrl(await cluster.createDatabase()) });
    await board.connect();
    try {
      await migrateCentral(board);
      await board.query(
        "INSERT INTO central.kiosks (kiosk_id, public_key, verifier_key, db_role) SELECT 'k' || i, decode(repeat('00', 32), 'hex'), '', 'r' || i FROM generate_series(1, 200) i",
      );
      await board.query(
        `INSERT INTO central.syncs (kiosk_id, uploaded, taken_back, head_seq, outcome)
         SELECT 'k' || (1 + n % 200), 1, CASE WHEN n = 200 THEN 7 ELSE 0 END, n, 'ok' FROM generate_series(1, 20000) n WHERE n % 200 <> 0 OR n < 400`,
      );
      await board.query('ANALYZE central.syncs');
      const [quiet] = await kioskHealth(board, { kioskId: 'k1' });
      expect(quiet).toMatchObject({ lastSyncOutcome: 'ok', lastTakenBack: { events: 7 } });
      const plan = await board.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${KIOSK_HEALTH_SQL}`, [null, 'k1']);
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toContain('syncs_kiosk_newest');
      expect(text).toContain('syncs_kiosk_taken_back');
    } finally {
      await board.end();
    }
  });

  it('recomputes in SQL exactly the hash the kiosk computes, for any fields: Unicode, empty, absent, redacted, both encodings', async () => {
    // PostgreSQL text cannot hold NUL; the kiosk's fields never do (ids, ISO times, canonical JSON).
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replaceAll('\u0000', ''));
    const optional = fc.option(text, { nil: null });
    const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n }).map((b) => Buffer.from(b));
    const header: fc.Arbitrary<EventHeader> = fc.record({
      encoding: fc.constantFrom(1, 2),
      seq: fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.constant(2 ** 32 + 7), fc.constant(Number.MAX_SAFE_INTEGER)),
      eventId: text,
      kioskId: text,
      occurredAt: text,
      type: text,
      actor: text,
      custodian: optional,
      deviceId: optional,
      pupilId: optional,
      locationId: optional,
      pouchId: optional,
      voidsSeq: fc.option(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(2 ** 40)), { nil: null }),
      details: fc.oneof(text, fc.json().map((s) => s.replaceAll('\u0000', ''))),
      // A redacted payload keeps its hash in the chain; an event without one has none.
      payloadHash: fc.option(bytes(32), { nil: null }),
      prevHash: fc.oneof(bytes(32), fc.constant(GENESIS_HASH)),
    });
    const headers = fc.sample(header, 600);
    const column = <K extends keyof EventHeader>(k: K) => headers.map((h) => h[k]);
    const r = await admin.query<{ hash: Buffer }>(
      `SELECT central.event_hash(ROW(kiosk_id, seq, event_id, occurred_at, type, actor, custodian, device_id, pupil_id, location_id,
          pouch_id, voids_seq, details, payload_hash, prev_hash, NULL, encoding, NULL)::central.events) AS hash
         FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::bigint[], $13::text[], $14::bytea[], $15::bytea[], $16::smallint[])
           WITH ORDINALITY AS t (kiosk_id, seq, event_id, occurred_at, type, actor, custodian, device_id, pupil_id, location_id,
                                 pouch_id, voids_seq, details, payload_hash, prev_hash, encoding, n)
        ORDER BY n`,
      [column('kioskId'), column('seq').map(String), column('eventId'), column('occurredAt'), column('type'), column('actor'),
        column('custodian'), column('deviceId'), column('pupilId'), column('locationId'), column('pouchId'),
        column('voidsSeq').map((v) => (v === null ? null : String(v))), column('details'), column('payloadHash'), column('prevHash'),
        column('encoding')],
    );
    expect(r.rows.map((row) => row.hash.toString('hex'))).toEqual(headers.map((h) => hashEvent(h).toString('hex')));
    expect(headers.some((h) => /[\u0080-\uffff]/.test(h.details + h.actor))).toBe(true);
  });
});

describe("a kiosk's role, with plain SQL", () => {
  it('appends its own chain in order; an event sent again is refused by (kiosk, seq) and adds nothing', async () => {
    const kioskId = newKioskId();
    const kiosk = await kioskClient(kioskId);
    try {
      const chain = syntheticChain(kioskId, 5);
      for (const e of chain) expect(await insertPlain(kiosk, e)).toBe(1);
      await expect(insertPlain(kiosk, chain[2] as LedgerEvent)).rejects.toMatchObject({ code: '23505' });
      await expect(appendEvents(kiosk, chain)).rejects.toMatchObject({ code: '23505' });
      expect(await appendEvents(kiosk, syntheticChain(kioskId, 3, { from: { seq: 5, hash: (chain[4] as LedgerEvent).hash } }))).toBe(3);
      expect((await centralHead(kiosk, kioskId)).seq).toBe(8);
    } finally {
      await kiosk.end();
    }
  });

  it('is refused an event whose hash does not match its fields', async () => {
    const kioskId = newKioskId();
    const kiosk = await kioskClient(kioskId);
    try {
      const [first] = syntheticChain(kioskId, 1) as [LedgerEvent];
      await expect(insertPlain(kiosk, { ...first, details: '{"changed":true}' })).rejects.toMatchObject({ code: 'IL001' });
      await expect(insertPlain(kiosk, { ...first, hash: Buffer.alloc(32, 7) })).rejects.toMatchObject({ code: 'IL001' });
      expect((await centralHead(kiosk, kioskId)).seq).toBe(0);
    } finally {
      await kiosk.end();
    }
  });

  it('is refused an out-of-order seq: a gap, or a first event that is not seq 1', async () => {
    const kioskId = newKioskId();
    const kiosk = await kioskClient(kioskId);
    try {
      const chain = syntheticChain(kioskId, 4);
      await expect(insertPlain(kiosk, chain[1] as LedgerEvent)).rejects.toMatchObject({ code: 'IL003' });
      await insertPlain(kiosk, chain[0] as LedgerEvent);
      await expect(insertPlain(kiosk, chain[3] as LedgerEvent)).rejects.toMatchObject({ code: 'IL003' });
      expect((await centralHead(kiosk, kioskId)).seq).toBe(1);
    } finally {
      await kiosk.end();
    }
  });

  it('is refused a fork: another event at a stored seq, or a next event that names another previous hash', async () => {
    const kioskId = newKioskId();
    const kiosk = await kioskClient(kioskId);
    try {
      const chain = syntheticChain(kioskId, 3);
      for (const e of chain) await insertPlain(kiosk, e);
      // A rewritten history: same kiosk, same seqs, other events, every hash recomputed.
      const rewritten = syntheticChain(kioskId, 3, { day: '2026-09-02T06:00:00.000Z' });
      await expect(insertPlain(kiosk, rewritten[1] as LedgerEvent)).rejects.toMatchObject({ code: '23505' });
      const forkedNext = syntheticChain(kioskId, 1, { from: { seq: 3, hash: Buffer.alloc(32, 1) } });
      await expect(insertPlain(kiosk, forkedNext[0] as LedgerEvent)).rejects.toMatchObject({ code: 'IL002' });
      // A batch whose first event does not follow the head is refused whole, however well it chains after that.
      const forkedBatch = syntheticChain(kioskId, 4, { from: { seq: 3, hash: Buffer.alloc(32, 1) } });
      await expect(appendEvents(kiosk, forkedBatch)).rejects.toMatchObject({ code: 'IL002' });
      expect((await centralHead(kiosk, kioskId)).seq).toBe(3);
      const trueNext = syntheticChain(kioskId, 1, { from: { seq: 3, hash: (chain[2] as LedgerEvent).hash } });
      expect(await insertPlain(kiosk, trueNext[0] as LedgerEvent)).toBe(1);
    } finally {
      await kiosk.end();
    }
  });

  it('can never update, delete or truncate, and neither can the owner', async () => {
    const kioskId = newKioskId();
    const kiosk = await kioskClient(kioskId);
    try {
      await insertPlain(kiosk, syntheticChain(kioskId, 1)[0] as LedgerEvent);
      await expect(kiosk.query("UPDATE central.events SET details = '{}' WHERE kiosk_id = $1", [kioskId])).rejects.toMatchObject({ code: '42501' });
      await expect(kiosk.query('DELETE FROM central.events WHERE kiosk_id = $1', [kioskId])).rejects.toMatchObject({ code: '42501' });
      await expect(kiosk.query('TRUNCATE central.events')).rejects.toMatchObject({ code: '42501' });
      await expect(admin.query("UPDATE central.events SET details = '{}' WHERE kiosk_id = $1", [kioskId])).rejects.toMatchObject({ code: 'IL005' });
      await expect(admin.query('DELETE FROM central.events WHERE kiosk_id = $1', [kioskId])).rejects.toMatchObject({ code: 'IL005' });
      await expect(admin.query('TRUNCATE central.events CASCADE')).rejects.toMatchObject({ code: 'IL005' });
      expect((await centralHead(admin, kioskId)).seq).toBe(1);
    } finally {
      await kiosk.end();
    }
  });

  it("cannot append, or even see, another kiosk's chain", async () => {
    const mine = newKioskId();
    const theirs = newKioskId();
    const kiosk = await kioskClient(mine);
    const other = await kioskClient(theirs);
    try {
      await insertPlain(other, syntheticChain(theirs, 1)[0] as LedgerEvent);
      await expect(insertPlain(kiosk, syntheticChain(theirs, 2)[1] as LedgerEvent)).rejects.toBeTruthy();
      await expect(insertPlain(kiosk, syntheticChain(newKioskId(), 1)[0] as LedgerEvent)).rejects.toBeTruthy();
      await expect(kiosk.query('SELECT count(*) FROM central.events WHERE kiosk_id = $1', [theirs])).rejects.toMatchObject({ code: '42501' });
      expect((await centralHead(kiosk, theirs)).seq).toBe(0);
      expect((await centralHead(kiosk, mine)).seq).toBe(0);
      expect((await centralHead(admin, theirs)).seq).toBe(1);
    } finally {
      await kiosk.end();
      await other.end();
    }
  });
});
