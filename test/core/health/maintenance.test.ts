import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupDirFor } from '../../../src/core/backup/backup';
import { seedDemoSchool, type DemoSchool } from '../../../src/core/demo/seed';
import { backupJob } from '../../../src/core/health/backupJob';
import { runMaintenance } from '../../../src/core/health/maintenance';
import type { Host } from '../../../src/core/host';
import type { Health } from '../../../src/shared/contract';
import { novemberDay } from '../backup/support/kioskDb';
import { openCoreOf, startHost, tamperWithLedger } from '../host/support/hostFixture';

async function healthOf(host: Host): Promise<Health> {
  const answer = await host.gateway.invoke('getHealth', {});
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as Health;
}

function schoolKiosk() {
  let demo: DemoSchool | undefined;
  const started = startHost({ seed: (core) => void (demo = seedDemoSchool(core, { history: false })) });
  const sticker = demo!.tags.find((t) => t.kind === 'device_sticker' && !t.revoked)!.code;
  return { ...started, core: openCoreOf(started.host), sticker };
}

describe('the daily check of a running kiosk', () => {
  it('a good kiosk: integrity_check and the whole chain, once a day, recorded beside the ledger (not in it)', async () => {
    const { core } = schoolKiosk();
    const before = core.services.listEvents({ limit: 1 }).events[0]!.seq;
    const first = await runMaintenance(core, novemberDay(9, 0));
    expect(first.check).toMatchObject({ ok: true, sqliteCheck: 'integrity_check', problem: null });
    expect(first.check!.events).toBeGreaterThan(0);
    expect(first.backup.status).toBe('made');
    expect((await runMaintenance(core, novemberDay(9, 60))).check).toBeNull();
    expect((await runMaintenance(core, novemberDay(10, 0))).check).toMatchObject({ ok: true });
    // A check describes the file, not what anyone did: the ledger holds no event for it.
    expect(core.services.listEvents({ limit: 1 }).events[0]!.seq).toBe(before);
    expect(core.health.lastCheck('verify')).toMatchObject({ ok: true, at: novemberDay(10, 0).toISOString() });
  });

  it('waits for a quiet door: a scan two minutes ago holds the long check off, ten quiet minutes later it runs', async () => {
    let clock = novemberDay(9, 0);
    let demo: DemoSchool | undefined;
    const { host } = startHost({ now: () => clock, seed: (core) => void (demo = seedDemoSchool(core, { history: false, now: clock })) });
    const core = openCoreOf(host);
    const sticker = demo!.tags.find((t) => t.kind === 'device_sticker' && !t.revoked)!.code;
    clock = novemberDay(9, 58);
    expect(await host.gateway.invoke('scan', { code: sticker, mode: 'hand-in' })).toMatchObject({ ok: true });

    const busy = await runMaintenance(core, novemberDay(9, 60));
    expect(busy.check).toBeNull();
    expect(busy.purge).toBeNull();
    // The backup does not hold the connection (it copies in steps), so it is not held off.
    expect(busy.backup.status).toBe('made');
    expect((await runMaintenance(core, novemberDay(9, 67))).check).toBeNull();
    expect((await runMaintenance(core, novemberDay(9, 68))).check).toMatchObject({ ok: true });
  });

  it('an event altered while the kiosk runs: the check finds it, the kiosk stops writing and staff see it; no backup is made of it', async () => {
    const { host, core, dbPath, sticker } = schoolKiosk();
    const seq = core.services.listEvents({ limit: 1 }).events[0]!.seq;
    tamperWithLedger(dbPath, seq);
    const { check, backup } = await runMaintenance(core, novemberDay(9));
    expect(check).toMatchObject({ ok: false, problem: 'DB_READ_ONLY', detail: expect.stringContaining(`seq ${seq}`) });
    expect(backup).toEqual({ status: 'skipped', reason: 'DB_READ_ONLY' });
    expect(await host.gateway.invoke('scan', { code: sticker, mode: 'hand-in' })).toMatchObject({ ok: false, error: { code: 'DB_READ_ONLY' } });
    const health = await healthOf(host);
    expect(health).toMatchObject({ writable: false, problem: 'DB_READ_ONLY', alerts: { checkFailed: { problem: 'DB_READ_ONLY' } } });
    expect(health.alerts.checkFailed?.at).toBe(novemberDay(9).toISOString());
  });

  it('a chain cut back behind what the kiosk signed is found by the daily check, though the walk alone is content', async () => {
    const { core, dbPath } = schoolKiosk();
    const signed = core.services.signCheckpoint('on_request');
    const raw = new Database(dbPath);
    raw.exec('DROP TRIGGER ledger_events_no_delete');
    raw.prepare('DELETE FROM ledger_events WHERE seq = ?').run(signed.treeSize);
    raw.prepare('DELETE FROM ledger_checkpoints WHERE seq >= ?').run(signed.treeSize);
    raw.close();
    const { check } = await runMaintenance(core, novemberDay(9));
    expect(check).toMatchObject({ ok: false, problem: 'DB_READ_ONLY', detail: `signed checkpoint ${signed.treeSize}: beyond_chain` });
  });

  it('integrity_check finds an index that no longer matches its table, which quick_check lets through: a kiosk-sized start refuses it', async () => {
    const { host, dbPath } = schoolKiosk();
    host.close();
    const raw = new Database(dbPath);
    raw.unsafeMode(true); // lifts SQLite's defensive mode, so the schema itself can be changed
    raw.pragma('writable_schema = ON');
    raw.prepare("UPDATE sqlite_master SET sql = replace(sql, '(groep, achternaam)', '(achternaam, groep)') WHERE name = 'pupils_by_groep'").run();
    raw.close();
    const check = new Database(dbPath, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    expect(check.pragma('integrity_check', { simple: true })).not.toBe('ok');
    check.close();
    const again = startHost({ dbPath });
    const core = openCoreOf(again.host);
    expect(core.startup).toMatchObject({ sqliteCheck: 'integrity_check', quickCheck: 'failed', problem: 'DB_CORRUPT' });
    expect(core.problem).toBe('DB_CORRUPT');
  });
});

describe('the daily backup, heard by staff', () => {
  it('a backup whose copy fails its ledger check (the kiosk’s file was altered while it ran) is recorded, shown, and stops writing', async () => {
    const { host, core, dbPath } = schoolKiosk();
    tamperWithLedger(dbPath, core.services.listEvents({ limit: 1 }).events[0]!.seq);
    expect(await backupJob(core, novemberDay(9))).toEqual({ status: 'failed', problem: 'ledger_invalid' });
    const health = await healthOf(host);
    expect(health).toMatchObject({ writable: false, alerts: { backupFailed: { problem: 'ledger_invalid', at: novemberDay(9).toISOString() } } });
  });

  it('a backup that cannot be written stands as a failure (across a restart) until the next backup succeeds', async () => {
    const { host, core, dbPath } = schoolKiosk();
    // Something else sits where the backups folder belongs.
    writeFileSync(backupDirFor(dbPath), 'not a folder');
    expect(await backupJob(core, novemberDay(9))).toMatchObject({ status: 'failed' });
    expect((await healthOf(host)).alerts.backupFailed).toMatchObject({ at: novemberDay(9).toISOString() });
    expect((await healthOf(host)).writable).toBe(true);
    host.close();

    const again = startHost({ dbPath });
    expect((await healthOf(again.host)).alerts.backupFailed).not.toBeNull();
    rmSync(backupDirFor(dbPath));
    mkdirSync(backupDirFor(dbPath));
    expect(await backupJob(openCoreOf(again.host), novemberDay(9, 60))).toMatchObject({ status: 'made' });
    expect(readdirSync(backupDirFor(dbPath)).filter((f) => f.endsWith('.db'))).toHaveLength(1);
    expect((await healthOf(again.host)).alerts.backupFailed).toBeNull();
  });
});
