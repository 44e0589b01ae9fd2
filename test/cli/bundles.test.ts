import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/core/evidence/verifyBundle';
import { standaloneVerifier } from '../support/standaloneVerifier';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

/** The standalone verifier exactly as a school's IT partner runs it: plain node, no app around it. */
function standalone(...args: string[]): { code: number | null; stdout: string } {
  return standaloneWith([], ...args);
}

function standaloneWith(nodeArgs: string[], ...args: string[]): { code: number | null; stdout: string } {
  const run = standaloneVerifier(args, nodeArgs);
  return { code: run.status, stdout: run.stdout + run.stderr };
}

let tmp: ReturnType<typeof tempDir>;
let dbPath: string;
let vkey: string;
beforeAll(async () => {
  tmp = tempDir('inleverpunt-bundle-cli-');
  dbPath = `${tmp.dir}/school.db`;
  expect((await cli(['demo', '--db', dbPath])).code).toBe(0);
  vkey = (JSON.parse((await cli(['checkpoint', '--json', '--db', dbPath])).stdout) as { verifierKey: string }).verifierKey;
});
afterAll(() => tmp.cleanup());

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1);
const write = (name: string, ls: string[]) => {
  const file = `${tmp.dir}/${name}`;
  writeFileSync(file, ls.map((l) => `${l}\n`).join(''));
  return file;
};

describe('export --format bundle, verify-bundle and the standalone verifier', () => {
  it('a bundle the app exports verifies in the CLI and in tools/verify-bundle.mjs, pinned to the kiosk’s key', async () => {
    const out = `${tmp.dir}/logboek.jsonl`;
    const made = await cli(['export', '--out', out, '--json', '--db', dbPath]);
    expect(made.code, made.stderr).toBe(0);
    const report = JSON.parse(made.stdout) as { rows: number; sha256: string; checkpoint: { treeSize: number } };
    expect(report.sha256).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'));
    const verified = await cli(['verify-bundle', out, '--key', vkey, '--json']);
    expect(verified.code, verified.stdout).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events: report.rows, treeSize: report.checkpoint.treeSize, keyPinned: true });
    expect(standalone(out, '--key', vkey)).toEqual({ code: 0, stdout: expect.stringMatching(new RegExp(`^OK .*: ${report.rows} events`)) });
    // Without a key of their own, both say whose key they trusted.
    expect((await cli(['verify-bundle', out])).stdout).toContain('--key');
    expect(standalone(out).stdout).toContain('pass --key');
  });

  it('the standalone verifier tells a file it cannot read, or a call without a file, from a bundle that fails: exit code 2, one line', () => {
    const cases: [string[], RegExp][] = [
      [[], /^usage: node verify-bundle\.mjs FILE/],
      [[`${tmp.dir}/not-there.jsonl`], /^cannot read .*not-there\.jsonl: ENOENT\n$/],
      [[tmp.dir], /^cannot read .*: EISDIR\n$/],
      [[`${tmp.dir}/logboek.jsonl`, '--since', `${tmp.dir}/no.checkpoint.txt`], /^cannot read .*no\.checkpoint\.txt: ENOENT\n$/],
      [[`${tmp.dir}/logboek.jsonl`, '--key'], /^usage: /],
    ];
    for (const [args, said] of cases) {
      const run = standaloneVerifier(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(said);
    }
  });

  it('a filtered bundle (--format with any file name, filters as for CSV) verifies in both', async () => {
    const out = `${tmp.dir}/groep.bewijs`;
    expect((await cli(['export', '--format', 'bundle', '--out', out, '--type', 'handed_in,returned', '--db', dbPath])).code).toBe(0);
    const events = lines(out).filter((l) => l.startsWith('{"leaf"'));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((l) => /"type":"(handed_in|returned)"/.test(l))).toBe(true);
    expect((await cli(['verify-bundle', out, '--key', vkey])).code).toBe(0);
    expect(standalone(out, '--key', vkey).code).toBe(0);
  });

  it('both name the same reason for every kind of tampering', async () => {
    const out = `${tmp.dir}/tamper.jsonl`;
    expect((await cli(['export', '--out', out, '--db', dbPath])).code).toBe(0);
    const ls = lines(out);
    const at = ls.findIndex((l) => l.includes('"type":"handed_in"'));
    const bytes = readFileSync(out);
    const cases: [string, string, RegExp][] = [
      ['changed.jsonl', write('changed.jsonl', ls.map((l, i) => (i === at ? l.replace('"type":"handed_in"', '"type":"returned"') : l))), /^event_hash$/],
      ['removed.jsonl', write('removed.jsonl', [...ls.slice(0, at), ...ls.slice(at + 1)]), /^missing_event$/],
      ['reordered.jsonl', write('reordered.jsonl', [...ls.slice(0, at), ls[at + 1] as string, ls[at] as string, ...ls.slice(at + 2)]), /^out_of_order$/],
      ['truncated.jsonl', join(tmp.dir, 'truncated.jsonl'), /^truncated$/],
      ['without-end.jsonl', write('without-end.jsonl', ls.slice(0, -1)), /^truncated$/],
      ['sealed-wrong.jsonl', write('sealed-wrong.jsonl', [...ls.slice(0, -1), ls.at(-1)!.replace('"events":', '"events":1')]), /^count_mismatch$/],
    ];
    writeFileSync(join(tmp.dir, 'truncated.jsonl'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    for (const [name, file, reason] of cases) {
      const app = await cli(['verify-bundle', file, '--key', vkey, '--json']);
      expect(app.code, name).toBe(1);
      const { reason: code, message } = JSON.parse(app.stdout) as { reason: string; message: { nl: string; en: string } };
      expect(code, name).toMatch(reason);
      expect(message.nl.length * message.en.length, name).toBeGreaterThan(0);
      const tool = standalone(file, '--key', vkey);
      expect(tool.code, name).toBe(1);
      expect(tool.stdout, name).toMatch(new RegExp(`^FAIL ${code}\\b`));
    }
  });

  it('on a Node without crypto.hash (before 20.12, an auditor’s older PC) the standalone verifier gives the same verdicts', async () => {
    const out = `${tmp.dir}/older-node.jsonl`;
    expect((await cli(['export', '--out', out, '--db', dbPath])).code).toBe(0);
    const ls = lines(out);
    const at = ls.findIndex((l) => l.includes('"type":"handed_in"'));
    const changed = write('older-node-changed.jsonl', ls.map((l, i) => (i === at ? l.replace('"type":"handed_in"', '"type":"returned"') : l)));
    // Takes crypto.hash away before the verifier loads, as on Node 18.
    const older = `${tmp.dir}/without-crypto-hash.cjs`;
    writeFileSync(older, "const c = require('node:crypto'); delete c.hash; require('node:module').syncBuiltinESMExports();\n");
    for (const file of [out, changed]) {
      const now = standalone(file, '--key', vkey);
      const then = standaloneWith(['--require', older], file, '--key', vkey);
      expect(then, file).toEqual(now);
    }
    expect(standaloneWith(['--require', older], changed, '--key', vkey).stdout).toMatch(/^FAIL event_hash\b/);
  });

  it('for any changed byte, both refuse the bundle with the same reason', async () => {
    const out = `${tmp.dir}/flips.jsonl`;
    expect((await cli(['export', '--out', out, '--type', 'handed_in', '--db', dbPath])).code).toBe(0);
    const bytes = readFileSync(out);
    const flipped = `${tmp.dir}/flipped.jsonl`;
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const changed = Buffer.from(bytes);
        changed[at] = (changed[at] as number) ^ flip;
        writeFileSync(flipped, changed);
        const app = verifyBundle(changed, { key: vkey });
        expect(app.ok).toBe(false);
        expect(standalone(flipped, '--key', vkey).stdout).toMatch(new RegExp(`^FAIL ${app.ok ? 'none' : app.reason}\\b`));
      }),
      { numRuns: 40 },
    );
  });

  it('the wrong key fails in both', async () => {
    const other = `${tmp.dir}/other.db`;
    expect((await cli(['demo', '--db', other])).code).toBe(0);
    const otherKey = (JSON.parse((await cli(['checkpoint', '--json', '--db', other])).stdout) as { verifierKey: string }).verifierKey;
    const out = `${tmp.dir}/keyed.jsonl`;
    expect((await cli(['export', '--out', out, '--db', dbPath])).code).toBe(0);
    expect(JSON.parse((await cli(['verify-bundle', out, '--key', otherKey, '--json'])).stdout)).toMatchObject({ reason: 'wrong_key' });
    expect(standalone(out, '--key', otherKey).stdout).toMatch(/^FAIL wrong_key/);
  });

  it('with --since, a bundle proves the office’s earlier checkpoint still holds; the checkpoint beside it is the next --since', async () => {
    const first = `${tmp.dir}/maand1.jsonl`;
    expect((await cli(['export', '--out', first, '--db', dbPath])).code).toBe(0);
    const kept = `${first}.checkpoint.txt`;
    // The export itself is an event: the chain has grown by the time of the next one.
    const second = `${tmp.dir}/maand2.jsonl`;
    expect((await cli(['export', '--out', second, '--since', kept, '--db', dbPath])).code).toBe(0);
    const app = JSON.parse((await cli(['verify-bundle', second, '--since', kept, '--key', vkey, '--json'])).stdout) as { consistentWith: number };
    expect(app.consistentWith).toBe(Number(readFileSync(kept, 'utf8').split('\n')[1]));
    expect(standalone(second, '--since', kept, '--key', vkey).stdout).toMatch(/consistent with checkpoint/);
    // A bundle made without --since cannot prove it: the reader is told to ask for one.
    expect(JSON.parse((await cli(['verify-bundle', first, '--since', `${second}.checkpoint.txt`, '--json'])).stdout)).toMatchObject({
      reason: 'since_newer',
    });
  });

  it('export refuses --since for CSV, and an unknown format', async () => {
    expect((await cli(['export', '--out', `${tmp.dir}/x.csv`, '--since', 'x', '--db', dbPath])).code).toBe(2);
    expect((await cli(['export', '--out', `${tmp.dir}/x.csv`, '--format', 'docx', '--db', dbPath])).code).toBe(2);
  });
});
