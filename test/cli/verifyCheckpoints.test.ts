import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSchool } from '../../src/core/demo/seed';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

let tmp: ReturnType<typeof tempDir>;
let n = 0;
beforeAll(() => {
  tmp = tempDir('inleverpunt-cli-checkpoints-');
});
afterAll(() => tmp.cleanup());

/** A demo kiosk whose last start recorded a checkpoint at its head (every start that verifies does). */
async function kioskWithCheckpoint(): Promise<{ dbPath: string; checkpointSeq: number }> {
  const dbPath = `${tmp.dir}/db-${++n}.db`;
  const made = await cli(['demo', '--json', '--db', dbPath]);
  expect(made.code, made.stderr).toBe(0);
  const school = JSON.parse(made.stdout) as DemoSchool;
  const sticker = school.tags.find((t) => t.kind === 'device_sticker' && !t.revoked)!;
  expect((await cli(['scan', sticker.code, '--mode', 'hand-in', '--db', dbPath])).code).toBe(0);
  const db = new Database(dbPath, { readonly: true });
  const checkpointSeq = db.prepare('SELECT max(seq) FROM ledger_checkpoints').pluck().get() as number;
  db.close();
  expect(checkpointSeq).toBeGreaterThan(10);
  return { dbPath, checkpointSeq };
}

describe('verify checks the chain against its stored checkpoints, as strictly as the start does', () => {
  it('passes when every checkpoint still matches, and says how many it compared', async () => {
    const { dbPath } = await kioskWithCheckpoint();
    const result = await cli(['verify', '--db', dbPath]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/checkpoints match the chain: [1-9]\d* stored/);
  });

  it('a checkpoint whose hash no longer matches the event at its seq is reported, exit 1', async () => {
    const { dbPath, checkpointSeq } = await kioskWithCheckpoint();
    const db = new Database(dbPath);
    db.prepare('UPDATE ledger_checkpoints SET hash = randomblob(32) WHERE seq = ?').run(checkpointSeq);
    db.close();
    const result = await cli(['verify', '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('checkpoints MISMATCH');
    expect(result.stdout).toMatch(new RegExp(`seq ${checkpointSeq}: the event has another hash`));
    const json = JSON.parse((await cli(['verify', '--json', '--db', dbPath])).stdout) as { ok: boolean; checkpoints: { findings: unknown[] } };
    expect(json).toMatchObject({ ok: false, checkpoints: { findings: [{ seq: checkpointSeq, problem: 'hash_differs' }] } });
  });

  it('the newest events cut off: the chain ends before its checkpoint, and the checkpoint beyond it is named', async () => {
    const { dbPath, checkpointSeq } = await kioskWithCheckpoint();
    const keep = checkpointSeq - 5;
    const db = new Database(dbPath);
    for (const t of ['ledger_events_no_delete', 'ledger_payloads_no_delete', 'ledger_media_no_delete']) db.exec(`DROP TRIGGER ${t}`);
    db.prepare('DELETE FROM ledger_media WHERE seq > ?').run(keep);
    db.prepare('DELETE FROM ledger_payloads WHERE seq > ?').run(keep);
    db.prepare('DELETE FROM ledger_events WHERE seq > ?').run(keep);
    db.close();
    const result = await cli(['verify', '--db', dbPath]);
    expect(result.stdout).toMatch(new RegExp(`first bad event seq ${keep + 1}.*truncated`));
    expect(result.stdout).toMatch(new RegExp(`seq ${checkpointSeq}: the chain no longer reaches this seq`));
    expect(result.code).toBe(1);
  });
});
