import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../src/core/export/exportBundle';
import { exportEvents } from '../../../src/core/export/exportEvents';
import { listExports } from '../../../src/core/export/exportHistory';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

const sink = () => {
  const out = new PassThrough();
  out.resume();
  return out;
};

describe('the list of exports made', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
  });
  afterEach(() => f.close());

  it('shows every export newest first: when, who by name, format, filter, how many events and the file’s SHA-256', async () => {
    expect(listExports(f.s.context)).toEqual([]);
    const csv = await exportEvents(f.s.context, { format: 'csv', filter: { groep: '7B' }, language: 'nl', actor: f.office.staffId }, sink());
    f.clock.advance(60_000);
    const bundle = await exportBundle(f.s.context, { filter: { types: ['handed_in'] }, actor: f.admin.staffId }, sink());
    const [newest, oldest] = listExports(f.s.context);
    expect(newest).toMatchObject({ by: 'Beheerder', format: 'bundle', rows: 1, sha256: bundle.sha256, filter: { types: ['handed_in'] } });
    expect(oldest).toMatchObject({ by: 'Administratie', format: 'csv', rows: csv.rows, sha256: csv.sha256, filter: { groep: '7B' } });
    expect(Date.parse(newest!.occurredAt) - Date.parse(oldest!.occurredAt)).toBe(60_000);
    expect(newest!.checkpointTreeSize).toBe(bundle.checkpoint?.treeSize);
  });
});
