import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNote, parseVerifierKey } from '../../src/core/evidence/signedNote';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('inleverpunt-cli-');
});
afterAll(() => tmp.cleanup());

describe('export', () => {
  it('writes the log as CSV for Dutch Excel, with the checkpoint it was signed against beside it', async () => {
    const dbPath = `${tmp.dir}/school.db`;
    expect((await cli(['demo', '--db', dbPath])).code).toBe(0);
    const out = `${tmp.dir}/logboek.csv`;
    const result = await cli(['export', '--out', out, '--type', 'handed_in,returned', '--json', '--db', dbPath]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { rows: number; checkpoint: { file: string } };
    const rows = parse(readFileSync(out, 'utf8'), { delimiter: ';', bom: true }) as string[][];
    expect(rows[0]?.[2]).toBe('Gebeurtenis');
    expect(rows).toHaveLength(report.rows + 1);
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['Ingeleverd', 'Teruggegeven']));
    const { verifierKey } = JSON.parse((await cli(['checkpoints', '--json', '--db', dbPath])).stdout) as { verifierKey: string };
    expect(openNote(readFileSync(report.checkpoint.file, 'utf8'), [parseVerifierKey(verifierKey)]).signedBy).toHaveLength(1);
  });

  it('needs a .csv, .xlsx, .pdf or .jsonl file and known event types', async () => {
    const dbPath = `${tmp.dir}/school.db`;
    expect((await cli(['export', '--out', 'x.txt', '--db', dbPath])).code).toBe(2);
    expect((await cli(['export', '--out', `${tmp.dir}/x.csv`, '--type', 'nonsense', '--db', dbPath])).code).toBe(2);
  });

  it('a disk that is full or a folder that is gone ends the export with EXPORT_FILE_FAILED, no half file and no record of it', async () => {
    const dbPath = `${tmp.dir}/school.db`;
    const exports = async () =>
      (JSON.parse((await cli(['list', 'events', '--all', '--json', '--db', dbPath])).stdout) as { events: { type: string }[] }).events.filter((e) => e.type === 'export_made').length;
    const before = await exports();
    for (const out of ['/dev/full', `${tmp.dir}/gone/logboek.csv`]) {
      const result = await cli(['export', '--out', out, '--format', 'csv', '--db', dbPath]);
      expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('EXPORT_FILE_FAILED') });
    }
    expect(existsSync(`${tmp.dir}/gone`)).toBe(false);
    expect(await exports()).toBe(before);
  });
});

describe('export --format pdf', () => {
  it('writes the printable custody log of the filter, with its checkpoint beside it, and records it', async () => {
    const dbPath = `${tmp.dir}/school-pdf.db`;
    expect((await cli(['demo', '--db', dbPath])).code).toBe(0);
    const out = `${tmp.dir}/logboek.pdf`;
    const result = await cli(['export', '--out', out, '--type', 'returned', '--lang', 'en', '--json', '--db', dbPath]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { rows: number; sha256: string; checkpoint: { treeSize: number; file: string } };
    const pdf = readFileSync(out);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(report.sha256);
    const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout;
    const rows = text.split('\n').filter((line) => /^#\d+\s/.test(line));
    expect(rows).toHaveLength(report.rows);
    expect(rows.every((line) => line.includes('Returned'))).toBe(true);
    expect(text).toMatch(/page 1 of \d+/);
    expect(readFileSync(report.checkpoint.file, 'utf8')).toContain(`\n${report.checkpoint.treeSize}\n`);
    const events = JSON.parse((await cli(['list', 'events', '--limit', '1', '--json', '--db', dbPath])).stdout) as unknown;
    expect(JSON.stringify(events)).toContain(report.sha256);
  });
});
