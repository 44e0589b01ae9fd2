import { dirname, join } from 'node:path';
import pg from 'pg';
import { backupDirFor, makeBackup } from '../../../src/core/backup/backup';
import { scheduledBackup } from '../../../src/core/backup/folder';
import { storeCentral } from '../../../src/core/central/connection';
import { novemberDay, wipeHeader } from '../backup/support/kioskDb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthOf } from '../../../src/core/api/health';
import { SYNC_TIMING, startAutoSync, type AutoSync } from '../../../src/core/central/autoSync';
import { syncStatusOf } from '../../../src/core/central/syncRecord';
import { chainSince } from '../../../src/core/ledger/importChain';
import { classFixture, type ClassFixture } from '../support/custodyFixture';
import { startPostgres, type PgCluster } from '../../support/postgres';
import { centralChain, centralDatabase, registerKioskDb } from './support/central';
import { manualTimers, type ManualTimers } from './support/manualTimers';
import { cuttableProxy } from './support/proxy';
import { rewriteHistory } from './support/rewrite';
import { seedDemoSchool, type DemoSchool } from '../../../src/core/demo/seed';
import { openCoreOf, startHost } from '../host/support/hostFixture';
import { purgeWaitsForCatchUp } from '../../../src/core/backup/restoreMark';
import { ledgerHead } from '../../../src/core/ledger/rows';
import { chainOf, restoredKiosk } from './support/restored';

let cluster: PgCluster;
let database: string;
let admin: pg.Client;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  ({ name: database, admin } = await centralDatabase(cluster));
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await admin?.end();
  cluster?.stop();
});

/** A kiosk whose morning has begun: a class of `size` handed in. */
function kiosk(size = 3): ClassFixture {
  const f = classFixture({ size });
  for (let n = 1; n <= size; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
  cleanups.push(() => f.close());
  return f;
}

/** The kiosk's schedule on its central database, with timers the test fires. */
function schedule(f: ClassFixture, url: string): { sync: AutoSync; timers: ManualTimers } {
  const timers = manualTimers();
  const sync = startAutoSync({
    core: () => f.core,
    connection: () => ({ url, board: false, source: 'settings' }),
    timers,
    sync: { retries: 1, retryDelayMs: 10 },
  });
  cleanups.push(() => sync.stop());
  return { sync, timers };
}

const localChain = (f: ClassFixture): [number, string][] =>
  chainSince(f.core.db, f.core.kiosk().kioskId).map((r) => [r.event.seq, r.event.hash.toString('hex')]);
const status = (f: ClassFixture, sync: AutoSync) => syncStatusOf(f.core.db, f.core.health, true, sync.running);
const alerts = (f: ClassFixture) => healthOf(f.core, undefined, true).alerts;

/** Fires the schedule's next timer and, when that started a sync, waits for it to end. */
async function tick(timers: ManualTimers, sync: AutoSync): Promise<boolean> {
  timers.fire();
  const started = sync.running;
  if (started) await sync.syncNow();
  await timers.settled();
  return started;
}

describe('a kiosk with a central database syncs on its own', () => {
  it('shortly after start it uploads its chain; what the door records later goes up once the door is quiet', async () => {
    const f = kiosk(3);
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    const { sync, timers } = schedule(f, url);
    expect(timers.nextDelay).toBe(SYNC_TIMING.firstAfterMs);
    expect(await tick(timers, sync)).toBe(true);
    expect(await centralChain(admin, f.core.kiosk().kioskId)).toEqual(localChain(f));
    expect(status(f, sync)).toMatchObject({ configured: true, running: false, last: { outcome: 'ok', uploaded: localChain(f).length }, waiting: 0 });

    // The returns at the end of the day: while pupils are still at the door, nothing is sent.
    f.clock.advance(2 * 60_000);
    for (let n = 1; n <= 3; n++) f.s.scan({ code: `STK-${n}`, mode: 'return', actor: 'pupil' });
    f.clock.advance(10_000);
    expect(await tick(timers, sync)).toBe(false);
    expect(status(f, sync).waiting).toBe(3);

    // A minute without a scan: the returns go up, well before the five minutes are out.
    f.clock.advance(SYNC_TIMING.quietMs);
    expect(await tick(timers, sync)).toBe(true);
    expect(await centralChain(admin, f.core.kiosk().kioskId)).toEqual(localChain(f));
    expect(status(f, sync)).toMatchObject({ last: { outcome: 'ok', uploaded: 3 }, waiting: 0 });

    // Nothing new: the next sync is the periodic one.
    f.clock.advance(60_000);
    expect(await tick(timers, sync)).toBe(false);
    f.clock.advance(SYNC_TIMING.periodMs);
    expect(await tick(timers, sync)).toBe(true);
    expect(status(f, sync).last).toMatchObject({ outcome: 'ok', uploaded: 0 });
  });

  it('a central database that cannot be reached: offline, the kiosk works on, the schedule backs off, and the next run catches up', async () => {
    const f = kiosk(4);
    const proxy = await cuttableProxy(cluster.port);
    cleanups.push(() => proxy.close());
    const url = await registerKioskDb(admin, cluster, database, f.core.db, proxy.port);
    const { sync, timers } = schedule(f, url);
    proxy.down();
    expect(await tick(timers, sync)).toBe(true);
    expect(status(f, sync)).toMatchObject({ last: { outcome: 'offline', problem: 'offline' }, lastOkAt: null, waiting: localChain(f).length });
    expect(alerts(f)).toMatchObject({ syncRefused: null, syncOffline: null });

    // The door goes on recording; the schedule tries again after its first back-off step, not sooner.
    for (let n = 1; n <= 4; n++) f.s.scan({ code: `STK-${n}`, mode: 'return', actor: 'pupil' });
    f.clock.advance(SYNC_TIMING.offlineBackoffMs[0] - 1000);
    expect(await tick(timers, sync)).toBe(false);
    f.clock.advance(1000);
    expect(await tick(timers, sync)).toBe(true);
    expect(status(f, sync).last?.outcome).toBe('offline');
    // The second failure in a row waits the second step.
    f.clock.advance(SYNC_TIMING.offlineBackoffMs[0]);
    expect(await tick(timers, sync)).toBe(false);

    // A day and more without the centre, events waiting: the office hears of it, quietly.
    f.clock.advance(25 * 60 * 60_000);
    expect(await tick(timers, sync)).toBe(true);
    expect(alerts(f).syncOffline).toEqual({ since: expect.any(String), waiting: localChain(f).length });

    proxy.up();
    f.clock.advance(SYNC_TIMING.offlineBackoffMs.at(-1)!);
    expect(await tick(timers, sync)).toBe(true);
    expect(await centralChain(admin, f.core.kiosk().kioskId)).toEqual(localChain(f));
    expect(status(f, sync)).toMatchObject({ last: { outcome: 'ok', uploaded: localChain(f).length }, waiting: 0 });
    expect(alerts(f)).toMatchObject({ syncRefused: null, syncOffline: null });
  });

  it('a kiosk that rewrote its history is caught at its next sync; the finding stands until a sync succeeds', async () => {
    const f = kiosk(3);
    const kioskId = f.core.kiosk().kioskId;
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    const { sync } = schedule(f, url);
    expect(await sync.syncNow()).toMatchObject({ outcome: 'ok' });
    rewriteHistory(f.core.db, kioskId, 3);
    f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    expect(await sync.syncNow()).toMatchObject({ outcome: 'diverged', problem: 'head_differs' });
    expect(status(f, sync).last).toMatchObject({ outcome: 'diverged', problem: 'head_differs' });
    expect(alerts(f).syncRefused).toEqual({ at: f.clock.now().toISOString(), outcome: 'diverged', problem: 'head_differs', seq: expect.any(Number) });
    const findings = await admin.query('SELECT source, problem FROM central.findings WHERE kiosk_id = $1', [kioskId]);
    expect(findings.rows).toEqual([{ source: 'sync', problem: 'head_differs' }]);
    // Without a central database the banner goes: there is nobody to sync with.
    expect(healthOf(f.core, undefined, false).alerts.syncRefused).toBeNull();
  });

  it('a kiosk put back on an older backup takes back what the central database holds, then runs the restore’s purge; staff are told', async () => {
    const r = await restoredKiosk(admin, cluster, database);
    cleanups.push(() => r.close());
    expect(purgeWaitsForCatchUp(r.core.db)).toBe(true);
    const sync = startAutoSync({ core: () => r.core, connection: () => ({ url: r.url, board: false, source: 'settings' }), timers: manualTimers(), sync: { retries: 1, retryDelayMs: 10 } });
    cleanups.push(() => sync.stop());
    expect(await sync.syncAfterRestore()).toMatchObject({ outcome: 'ok', takenBack: r.centralSeq - r.backupSeq, uploaded: 1 });
    expect(await centralChain(admin, r.kioskId)).toEqual(chainOf(r.core));
    // The purge waited for the sync and has run now.
    expect(purgeWaitsForCatchUp(r.core.db)).toBe(false);
    const status = syncStatusOf(r.core.db, r.core.health, true, sync.running);
    expect(status).toMatchObject({ last: { outcome: 'ok', takenBack: r.centralSeq - r.backupSeq, uploaded: 1 }, waiting: 0 });
    const health = healthOf(r.core, undefined, true);
    expect(health.alerts).toMatchObject({ syncRefused: null, syncTakenBack: { at: r.f.clock.now().toISOString(), count: r.centralSeq - r.backupSeq } });
    // The next syncs take nothing back, and the notice stays for a day.
    expect(await sync.syncNow()).toMatchObject({ outcome: 'ok', takenBack: 0, uploaded: 0 });
    expect(healthOf(r.core, undefined, true).alerts.syncTakenBack).toMatchObject({ count: r.centralSeq - r.backupSeq });
    r.f.clock.advance(25 * 60 * 60_000);
    expect(healthOf(r.core, undefined, true).alerts.syncTakenBack).toBeNull();
  });

  it('a core that refuses writes takes nothing back: the central database is ahead, and staff are told that rather than that history changed', async () => {
    const r = await restoredKiosk(admin, cluster, database);
    cleanups.push(() => r.close());
    r.core.refuseWrites('DB_CORRUPT');
    const sync = startAutoSync({ core: () => r.core, connection: () => ({ url: r.url, board: false, source: 'settings' }), timers: manualTimers(), sync: { retries: 1, retryDelayMs: 10 } });
    cleanups.push(() => sync.stop());
    expect(await sync.syncNow()).toMatchObject({ outcome: 'diverged', problem: 'central_ahead', takenBack: 0 });
    expect(healthOf(r.core, undefined, true).alerts.syncRefused).toMatchObject({ outcome: 'diverged', problem: 'central_ahead' });
    expect(ledgerHead(r.core.db).seq).toBe(r.backupSeq);
  });

  it('an event the central database refuses is recorded as refused, with its code', async () => {
    const f = kiosk(3);
    const kioskId = f.core.kiosk().kioskId;
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    const { sync } = schedule(f, url);
    const first = await sync.syncNow();
    f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    f.core.db.exec('DROP TRIGGER ledger_events_no_update');
    f.core.db.prepare("UPDATE ledger_events SET actor = 'someone-else' WHERE kiosk_id = ? AND seq = ?").run(kioskId, first!.centralSeq + 1);
    expect(await sync.syncNow()).toMatchObject({ outcome: 'refused', problem: 'bad_hash' });
    expect(alerts(f).syncRefused).toMatchObject({ outcome: 'refused', problem: 'bad_hash' });
  });

  it('never two syncs at once: a sync asked for while one runs joins it', async () => {
    const f = kiosk(5);
    const kioskId = f.core.kiosk().kioskId;
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    const { sync, timers } = schedule(f, url);
    const count = async () => Number((await admin.query('SELECT count(*) AS n FROM central.syncs WHERE kiosk_id = $1', [kioskId])).rows[0].n);
    const asked = [sync.syncNow(), sync.syncNow()];
    expect(sync.running).toBe(true);
    // The schedule's own first run, due meanwhile, finds the sync running and joins it too.
    timers.fire();
    const [a, b] = await Promise.all([...asked, sync.syncNow()]);
    expect(a).toBe(b);
    expect(await count()).toBe(1);
    expect(await centralChain(admin, kioskId)).toEqual(localChain(f));
  });

  it('the record holds counts and codes, never the password of the URL', async () => {
    const f = kiosk(2);
    const url = await registerKioskDb(admin, cluster, database, f.core.db);
    const password = new URL(url).password;
    expect(password).not.toBe('');
    const lines: string[] = [];
    const sync = startAutoSync({ core: () => f.core, connection: () => ({ url, board: false, source: 'settings' }), timers: manualTimers(), onResult: (l) => lines.push(l) });
    cleanups.push(() => sync.stop());
    await sync.syncNow();
    const stored = f.core.db.prepare("SELECT * FROM kiosk_checks WHERE job = 'sync'").get();
    expect(JSON.stringify(stored)).not.toContain(password);
    expect(JSON.stringify(stored)).not.toContain(new URL(url).hostname);
    expect(lines).toEqual([`[sync] ok: ${localChain(f).length} uploaded`]);
  });

  it('the host runs it on the central database from the environment, offers "sync now" to the administrator, and stops it on close', async () => {
    const timers = manualTimers();
    let demo: DemoSchool | undefined;
    const env: NodeJS.ProcessEnv = {};
    const { host } = startHost({ env, autoSync: { timers }, seed: (core) => void (demo = seedDemoSchool(core, { history: false })) });
    const core = openCoreOf(host);
    env.INLEVERPUNT_CENTRAL_URL = await registerKioskDb(admin, cluster, database, core.db);
    const admin_ = demo!.staff.admin;
    expect(await host.gateway.invoke('unlockStaff', { staffId: admin_.staffId, pin: admin_.pin })).toMatchObject({ ok: true });
    expect(await host.gateway.invoke('getSyncStatus', {})).toMatchObject({ ok: true, value: { configured: true, last: null } });
    const now = await host.gateway.invoke('syncNow', {});
    expect(now).toMatchObject({ ok: true, value: { configured: true, running: false, last: { outcome: 'ok' }, waiting: 0 } });
    expect(await centralChain(admin, core.kiosk().kioskId)).toHaveLength(chainSince(core.db, core.kiosk().kioskId).length);
    expect(timers.pending).toBe(1);
    host.close();
    expect(timers.pending).toBe(0);
  });

  it('the host restoring a backup takes back what the backup lacks before the restore’s purge or anything else appends', async () => {
    const env: NodeJS.ProcessEnv = {};
    const timers = manualTimers();
    let demo: DemoSchool | undefined;
    const { host, dbPath, restarts } = startHost({ env, autoSync: { timers }, seed: (core) => void (demo = seedDemoSchool(core, { history: false })) });
    const core = openCoreOf(host);
    const kioskId = core.kiosk().kioskId;
    env.INLEVERPUNT_CENTRAL_URL = await registerKioskDb(admin, cluster, database, core.db);
    const backup = join(dirname(dbPath), 'backups', 'before-the-logins.db');
    const { lastSeq: backupSeq } = await makeBackup(core.db, backup);
    const admin_ = demo!.staff.admin;
    for (let n = 0; n < 3; n++) expect(await host.gateway.invoke('unlockStaff', { staffId: admin_.staffId, pin: admin_.pin })).toMatchObject({ ok: true });
    expect(await host.sync!.syncNow()).toMatchObject({ outcome: 'ok' });
    const centralSeq = ledgerHead(core.db).seq;
    expect(centralSeq).toBeGreaterThan(backupSeq);

    expect(host.restoreBackupFile(backup)).toEqual({ lastSeq: backupSeq });
    expect(restarts).toBe(0);
    // The sync started with the restored core; joining it waits for its end.
    expect(host.sync!.running).toBe(true);
    expect(await host.sync!.syncNow()).toMatchObject({ outcome: 'ok', takenBack: centralSeq - backupSeq });
    const restored = openCoreOf(host);
    expect(purgeWaitsForCatchUp(restored.db)).toBe(false);
    expect(await centralChain(admin, kioskId)).toEqual(chainOf(restored));
    expect(chainOf(restored).length).toBeGreaterThanOrEqual(centralSeq);
    host.close();
  });

  it('a kiosk whose database did not open at all, restored from the failure screen, also takes back before the purge', async () => {
    const env: NodeJS.ProcessEnv = {};
    let demo: DemoSchool | undefined;
    const first = startHost({ env, autoSync: { timers: manualTimers() }, seed: (core) => void (demo = seedDemoSchool(core, { history: false })) });
    const core = openCoreOf(first.host);
    const kioskId = core.kiosk().kioskId;
    // The address is saved in the kiosk's settings, so the backup holds it too.
    storeCentral(core.services.context, demo!.staff.admin.staffId, { url: await registerKioskDb(admin, cluster, database, core.db), board: false });
    const backupSeq = ledgerHead(core.db).seq;
    await scheduledBackup(core.db, backupDirFor(first.dbPath), novemberDay(7));
    const admin_ = demo!.staff.admin;
    for (let n = 0; n < 3; n++) expect(await first.host.gateway.invoke('unlockStaff', { staffId: admin_.staffId, pin: admin_.pin })).toMatchObject({ ok: true });
    expect(await first.host.sync!.syncNow()).toMatchObject({ outcome: 'ok' });
    const centralSeq = ledgerHead(core.db).seq;
    first.host.close();
    wipeHeader(first.dbPath);

    const { host } = startHost({ dbPath: first.dbPath, env, autoSync: { timers: manualTimers() } });
    expect(host.state).toMatchObject({ kind: 'failed', failure: { code: 'DB_CORRUPT' } });
    expect(host.restoreFromBackup()).toEqual({ lastSeq: backupSeq });
    // Read from the files, as no core was open: the purge waits for the sync that started.
    expect(purgeWaitsForCatchUp(openCoreOf(host).db)).toBe(true);
    expect(await host.sync!.syncNow()).toMatchObject({ outcome: 'ok', takenBack: centralSeq - backupSeq });
    const restored = openCoreOf(host);
    expect(purgeWaitsForCatchUp(restored.db)).toBe(false);
    expect(await centralChain(admin, kioskId)).toEqual(chainOf(restored));
    host.close();
  });

  it('without a central database there is nothing to sync, and "sync now" says so', async () => {
    let demo: DemoSchool | undefined;
    const { host } = startHost({ env: {}, autoSync: { timers: manualTimers() }, seed: (core) => void (demo = seedDemoSchool(core, { history: false })) });
    expect(await host.sync?.syncNow()).toBeNull();
    const admin_ = demo!.staff.admin;
    await host.gateway.invoke('unlockStaff', { staffId: admin_.staffId, pin: admin_.pin });
    expect(await host.gateway.invoke('getSyncStatus', {})).toMatchObject({ ok: true, value: { configured: false, last: null } });
    expect(await host.gateway.invoke('syncNow', {})).toMatchObject({ ok: false, error: { code: 'CENTRAL_URL_MISSING' } });
    expect(healthOf(openCoreOf(host), undefined, false).alerts).toMatchObject({ syncRefused: null, syncOffline: null });
  });
});
