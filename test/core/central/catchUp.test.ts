import pg from 'pg';
import { openCore } from '../../../src/core';
import { TEST_PIN_COST } from '../support/custodyFixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreMark } from '../../../src/core/backup/restoreMark';
import { kioskHealth } from '../../../src/core/central/health';
import { syncKiosk } from '../../../src/core/central/sync';
import { hashEvent } from '../../../src/core/ledger/hash';
import { readAllCustody, rebuildProjection } from '../../../src/core/ledger/projection';
import { readEvents } from '../../../src/core/ledger/readModel';
import { getPayload, ledgerHead } from '../../../src/core/ledger/rows';
import { signedCheckpoints } from '../../../src/core/ledger/signedCheckpoints';
import { TAKEN_BACK_WITHOUT_PAYLOAD } from '../../../src/core/ledger/takeBack';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { checkRegistry } from '../../../src/core/registry/check';
import { startPostgres, type PgCluster } from '../../support/postgres';
import { centralChain, centralDatabase } from './support/central';
import type { ClassFixture } from '../support/custodyFixture';
import { NO_PIN } from '../../../src/core/registry/takenBack';
import { chainOf, restoredKiosk, syncWithTakeBack, type RestoredKiosk } from './support/restored';

let cluster: PgCluster;
let database: string;
let admin: pg.Client;
const restored: RestoredKiosk[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  ({ name: database, admin } = await centralDatabase(cluster));
});
afterAll(async () => {
  for (const r of restored) r.close();
  await admin?.end();
  cluster?.stop();
});

async function kiosk(afterBackup?: (f: ClassFixture) => void): Promise<RestoredKiosk> {
  const r = await restoredKiosk(admin, cluster, database, afterBackup ? { afterBackup } : {});
  restored.push(r);
  return r;
}

/** What the board's database owner can do to a stored row: the append-only trigger is only a trigger to them. */
async function asOwner(table: 'events' | 'checkpoints', sql: string, params: unknown[]): Promise<void> {
  await admin.query(`ALTER TABLE central.${table} DISABLE TRIGGER ${table}_append_only`);
  try {
    await admin.query(sql, params);
  } finally {
    await admin.query(`ALTER TABLE central.${table} ENABLE TRIGGER ${table}_append_only`);
  }
}

describe('after a restore of an older backup the kiosk takes its missing events back from the central database', () => {
  it('takes back every event the backup lacks: the chains are identical, verify passes, and the next sync sends new events', async () => {
    const r = await kiosk();
    expect(ledgerHead(r.core.db).seq).toBe(r.backupSeq);
    const result = await syncWithTakeBack(r.core, r.url);
    expect(result).toMatchObject({ outcome: 'ok', takenBack: r.centralSeq - r.backupSeq });
    expect(result.problem).toBeUndefined();

    // One event more than the centre had: the record of the payloads that could not come back, sent up at once.
    const local = chainOf(r.core);
    expect(local).toHaveLength(r.centralSeq + 1);
    expect(await centralChain(admin, r.kioskId)).toEqual(local);
    expect(result.uploaded).toBe(1);
    expect(verifyLedger(r.core.db)).toMatchObject({ ok: true, lastSeq: r.centralSeq + 1 });

    // The centre never held the condition note's text: it came back erased, and a record says why.
    const [note] = readEvents(r.core.db, { types: ['condition_noted'] }).events;
    expect(note).toMatchObject({ redacted: true, payload: null });
    expect(getPayload(r.core.db, note!.seq)).toBeNull();
    const [record] = readEvents(r.core.db, { types: ['payload_redacted'] }).events;
    expect(record).toMatchObject({ seq: r.centralSeq + 1, actor: 'system', details: { reason: TAKEN_BACK_WITHOUT_PAYLOAD } });
    expect(JSON.stringify(record!.details)).toContain(String(note!.seq));

    // Custody follows the taken-back events: the returns happened, STK-1 was handed in again.
    const custody = readAllCustody(r.core.db);
    rebuildProjection(r.core.db);
    expect(readAllCustody(r.core.db)).toEqual(custody);
    expect(custody.filter((c) => c.held).map((c) => c.deviceId)).toEqual([r.f.phones[0]!.deviceId]);
    expect(checkRegistry(r.core.db)).toMatchObject({ status: 'ok' });
    // The kiosk's own signed checkpoint of the afternoon is back on the kiosk too.
    expect(signedCheckpoints(r.core.db, r.kioskId).map((c) => c.treeSize)).toContain(r.centralSeq - 1);
    // The restore's purge has not run here (the host runs it after this sync): the mark still says it waits.
    expect(restoreMark(r.core.db)).toMatchObject({ lastSeq: r.backupSeq, purgePending: true });

    r.core.services.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    expect(await syncWithTakeBack(r.core, r.url)).toMatchObject({ outcome: 'ok', takenBack: 0, uploaded: 1 });
    expect(await centralChain(admin, r.kioskId)).toEqual(chainOf(r.core));
    const syncs = await admin.query<{ taken_back: number }>('SELECT taken_back FROM central.syncs WHERE kiosk_id = $1 ORDER BY id', [r.kioskId]);
    expect(syncs.rows.map((s) => s.taken_back)).toEqual([0, 0, r.centralSeq - r.backupSeq, 0]);
    // The board's health view keeps saying that this kiosk was put back, also after later syncs.
    const [health] = await kioskHealth(admin, { kioskId: r.kioskId });
    const tookBack = await admin.query<{ synced_at: Date }>('SELECT synced_at FROM central.syncs WHERE kiosk_id = $1 AND taken_back > 0', [r.kioskId]);
    expect(health).toMatchObject({ state: 'ok', lastTakenBack: { events: r.centralSeq - r.backupSeq, at: tookBack.rows[0]!.synced_at.toISOString() } });
  });

  it('registrations made after the backup come back into the registry tables, without the names the centre never held', async () => {
    let added: { pupilId: string; deviceId: string; staffId: string } | undefined;
    const r = await kiosk((f) => {
      const pupil = f.s.createPupil({ roepnaam: 'Nieuw', achternaam: 'NA-BACKUP', groep: '7B', jaargroep: 7, externalKey: 'EXT-NEW' }, f.office.staffId);
      const phone = f.s.createDevice({ ownerPupilId: pupil.pupilId, kind: 'smartphone', description: 'nieuwe telefoon' }, f.office.staffId);
      f.s.assignTag({ kind: 'device_sticker', raw: 'STK-NEW', deviceId: phone.deviceId }, f.office.staffId);
      const staff = f.s.createStaff({ displayName: 'Invaller', role: 'teacher', pin: '482915', actor: f.admin.staffId });
      added = { pupilId: pupil.pupilId, deviceId: phone.deviceId, staffId: staff.staffId };
    });
    expect(await syncWithTakeBack(r.core, r.url)).toMatchObject({ outcome: 'ok' });
    expect(checkRegistry(r.core.db)).toMatchObject({ status: 'ok' });
    const pupil = r.core.db.prepare('SELECT roepnaam, achternaam, groep, active FROM pupils WHERE pupil_id = ?').get(added!.pupilId);
    expect(pupil).toEqual({ roepnaam: '', achternaam: '', groep: '7B', active: 1 });
    const staff = r.core.db.prepare('SELECT role, pin_hash, active FROM staff WHERE staff_id = ?').get(added!.staffId);
    expect(staff).toEqual({ role: 'teacher', pin_hash: NO_PIN, active: 1 });
    // The door knows the new sticker again.
    expect(r.core.services.scan({ code: 'STK-NEW', mode: 'hand-in', actor: 'pupil' })).toMatchObject({ event: { type: 'handed_in', deviceId: added!.deviceId } });
    expect(verifyLedger(r.core.db)).toMatchObject({ ok: true });
    // And the next start finds nothing wrong.
    r.core.close();
    const again = openCore({ dbPath: r.f.dbPath, appVersion: 'test', now: r.f.clock.now, pinCost: TEST_PIN_COST });
    try {
      expect(again.problem).toBeNull();
    } finally {
      again.close();
    }
  });

  it('a kiosk that recorded events of its own after the restore is told where it forked, and nothing is taken back', async () => {
    const r = await kiosk();
    r.core.services.scan({ code: 'STK-2', mode: 'return', actor: 'pupil' });
    expect(await syncWithTakeBack(r.core, r.url)).toMatchObject({ outcome: 'diverged', problem: 'forked_after_restore', seq: r.backupSeq + 1, takenBack: 0 });
    expect(ledgerHead(r.core.db).seq).toBe(r.backupSeq + 1);
    const findings = await admin.query('SELECT problem, seq FROM central.findings WHERE kiosk_id = $1', [r.kioskId]);
    expect(findings.rows).toEqual([{ problem: 'forked_after_restore', seq: String(r.backupSeq + 1) }]);
  });

  it('also when the kiosk has by now recorded more events than the centre holds', async () => {
    const r = await kiosk();
    for (let round = 0; round < 3; round++) {
      for (let n = 1; n <= 3; n++) r.core.services.scan({ code: `STK-${n}`, mode: 'return', actor: 'pupil' });
      for (let n = 1; n <= 3; n++) r.core.services.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
    }
    expect(ledgerHead(r.core.db).seq).toBeGreaterThan(r.centralSeq);
    expect(await syncWithTakeBack(r.core, r.url)).toMatchObject({ outcome: 'diverged', problem: 'forked_after_restore', seq: r.backupSeq + 1, uploaded: 0 });
  });

  it('a central event whose fields were changed is not taken back: central_event_altered, nothing appended', async () => {
    const r = await kiosk();
    const altered = r.backupSeq + 2;
    await asOwner('events', "UPDATE central.events SET actor = actor || '-altered' WHERE kiosk_id = $1 AND seq = $2", [r.kioskId, altered]);
    expect(await syncWithTakeBack(r.core, r.url)).toMatchObject({ outcome: 'diverged', problem: 'central_event_altered', seq: altered, takenBack: 0 });
    expect(ledgerHead(r.core.db).seq).toBe(r.backupSeq);
    expect(verifyLedger(r.core.db)).toMatchObject({ ok: true });
  });

  it('a central chain with an event that does not follow the one before: central_chain_broken', async () => {
    const r = await kiosk();
    const broken = r.backupSeq + 2;
    const row = (await admin.query('SELECT * FROM central.events WHERE kiosk_id = $1 AND seq = $2', [r.kioskId, broken])).rows[0];
    // A consistent row (its own hash fits its fields) that points at another event than the one before it.
    const prevHash = Buffer.alloc(32, 7);
    const hash = hashEvent({
      encoding: row.encoding, seq: broken, eventId: row.event_id, kioskId: r.kioskId, occurredAt: row.occurred_at, type: row.type,
      actor: row.actor, custodian: row.custodian, deviceId: row.device_id, pupilId: row.pupil_id, locationId: row.location_id,
      pouchId: row.pouch_id, voidsSeq: row.voids_seq === null ? null : Number(row.voids_seq), details: row.details,
      payloadHash: row.payload_hash, prevHash,
    });
    await asOwner('events', 'UPDATE central.events SET prev_hash = $3, hash = $4 WHERE kiosk_id = $1 AND seq = $2', [r.kioskId, broken, prevHash, hash]);
    expect(await syncWithTakeBack(r.core, r.url)).toMatchObject({ outcome: 'diverged', problem: 'central_chain_broken', seq: broken });
    expect(ledgerHead(r.core.db).seq).toBe(r.backupSeq);
  });

  it('a centre that rewrote the tail consistently is caught by the checkpoint the kiosk signed: central_checkpoint_mismatch', async () => {
    const r = await kiosk();
    // Every hash recomputed from the changed event on: the chain itself holds, only the kiosk's signature does not.
    const rows = (await admin.query('SELECT * FROM central.events WHERE kiosk_id = $1 AND seq > $2 ORDER BY seq', [r.kioskId, r.backupSeq])).rows;
    let prev: Buffer = (await admin.query('SELECT hash FROM central.events WHERE kiosk_id = $1 AND seq = $2', [r.kioskId, r.backupSeq])).rows[0].hash;
    await admin.query('ALTER TABLE central.events DISABLE TRIGGER events_append_only');
    try {
      for (const row of rows) {
        const actor = Number(row.seq) === r.backupSeq + 2 ? `${row.actor}-altered` : row.actor;
        const hash = hashEvent({
          encoding: row.encoding, seq: Number(row.seq), eventId: row.event_id, kioskId: r.kioskId, occurredAt: row.occurred_at, type: row.type,
          actor, custodian: row.custodian, deviceId: row.device_id, pupilId: row.pupil_id, locationId: row.location_id,
          pouchId: row.pouch_id, voidsSeq: row.voids_seq === null ? null : Number(row.voids_seq), details: row.details,
          payloadHash: row.payload_hash, prevHash: prev,
        });
        await admin.query('UPDATE central.events SET actor = $3, prev_hash = $4, hash = $5 WHERE kiosk_id = $1 AND seq = $2', [r.kioskId, row.seq, actor, prev, hash]);
        prev = hash;
      }
    } finally {
      await admin.query('ALTER TABLE central.events ENABLE TRIGGER events_append_only');
    }
    expect(await syncWithTakeBack(r.core, r.url)).toMatchObject({ outcome: 'diverged', problem: 'central_checkpoint_mismatch', seq: r.centralSeq - 1 });
    expect(ledgerHead(r.core.db).seq).toBe(r.backupSeq);
  });

  it('a checkpoint whose signature is not the kiosk’s: central_checkpoint_mismatch', async () => {
    const r = await kiosk();
    const size = r.centralSeq - 1;
    const { note } = (await admin.query('SELECT note FROM central.checkpoints WHERE kiosk_id = $1 AND tree_size = $2', [r.kioskId, size])).rows[0];
    // The signature line's base64 with its key id kept and the signature bytes changed.
    const lines = (note as string).split('\n');
    const at = lines.findIndex((l) => l.startsWith('— '));
    const [dash, name, b64] = lines[at]!.split(' ');
    const sig = Buffer.from(b64!, 'base64');
    sig[10] = (sig[10] as number) ^ 0xff;
    lines[at] = [dash, name, sig.toString('base64')].join(' ');
    await asOwner('checkpoints', 'UPDATE central.checkpoints SET note = $3 WHERE kiosk_id = $1 AND tree_size = $2', [r.kioskId, size, lines.join('\n')]);
    expect(await syncWithTakeBack(r.core, r.url)).toMatchObject({ outcome: 'diverged', problem: 'central_checkpoint_mismatch', seq: size });
    expect(ledgerHead(r.core.db).seq).toBe(r.backupSeq);
  });

  it('a read-only copy (no take-back asked) still only reports that the centre is ahead', async () => {
    const r = await kiosk();
    expect(await syncKiosk(r.core.db, r.url)).toMatchObject({ outcome: 'diverged', problem: 'central_ahead', takenBack: 0 });
    expect(ledgerHead(r.core.db).seq).toBe(r.backupSeq);
  });
});

describe('what a kiosk role can read back', () => {
  it('its own events and hashes through the functions, never another kiosk’s, and no table directly', async () => {
    const a = await kiosk();
    const b = await kiosk();
    const asA = new pg.Client({ connectionString: a.url });
    await asA.connect();
    try {
      const own = await asA.query('SELECT seq FROM central.own_events($1, 0, 5)', [a.kioskId]);
      expect(own.rows.map((row) => Number(row.seq))).toEqual([1, 2, 3, 4, 5]);
      expect((await asA.query('SELECT * FROM central.own_events($1, 0, 100)', [b.kioskId])).rows).toEqual([]);
      expect((await asA.query('SELECT central.own_event_hash($1, 1) AS h', [b.kioskId])).rows[0].h).toBeNull();
      expect((await asA.query('SELECT central.own_event_hash($1, 1) AS h', [a.kioskId])).rows[0].h).toBeInstanceOf(Buffer);
      await expect(asA.query('SELECT * FROM central.events WHERE kiosk_id = $1', [b.kioskId])).rejects.toMatchObject({ code: '42501' });
      // Its checkpoints it reads through row-level security: its own only.
      const checkpoints = await asA.query<{ kiosk_id: string }>('SELECT DISTINCT kiosk_id FROM central.checkpoints');
      expect(checkpoints.rows).toEqual([{ kiosk_id: a.kioskId }]);
      await expect(asA.query('UPDATE central.events SET actor = $2 WHERE kiosk_id = $1', [a.kioskId, 'x'])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await asA.end();
    }
  });
});
