import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNote, parseVerifierKey } from '../../src/core/evidence/signedNote';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('inleverpunt-cli-');
});
afterAll(() => tmp.cleanup());

describe('checkpoints', () => {
  it('signs the chain on request, prints the verifier key and the note, and the note opens with that key', async () => {
    const dbPath = `${tmp.dir}/school.db`;
    expect((await cli(['demo', '--no-history', '--db', dbPath])).code).toBe(0);
    const signed = await cli(['checkpoints', '--sign', '--json', '--db', dbPath]);
    expect(signed.code, signed.stderr).toBe(0);
    const { verifierKey, checkpoints, findings } = JSON.parse(signed.stdout) as {
      verifierKey: string;
      checkpoints: { treeSize: number }[];
      findings: unknown[];
    };
    expect(findings).toEqual([]);
    const size = checkpoints.at(-1)!.treeSize;
    const note = await cli(['checkpoints', '--note', String(size), '--db', dbPath]);
    expect(openNote(note.stdout, [parseVerifierKey(verifierKey)]).text).toContain(`\n${size}\n`);
    expect((await cli(['checkpoints', '--note', '999999', '--db', dbPath])).stderr).toContain('no signed checkpoint');
  });

  it('exits 1 naming the checkpoint when the chain no longer matches what was signed', async () => {
    const dbPath = `${tmp.dir}/tampered.db`;
    expect((await cli(['demo', '--no-history', '--db', dbPath])).code).toBe(0);
    expect((await cli(['checkpoints', '--sign', '--db', dbPath])).code).toBe(0);
    const db = new Database(dbPath);
    db.exec('DROP TRIGGER ledger_events_no_update');
    db.prepare('UPDATE ledger_events SET hash = randomblob(32) WHERE seq = 3').run();
    db.close();
    const result = await cli(['checkpoints', '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('root_differs');
    const verified = await cli(['verify', '--db', dbPath]);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('signed checkpoint FAILS: root_differs');
  });
});
