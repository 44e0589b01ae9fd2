import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classFixture, PINS } from '../core/support/custodyFixture';
import { foundIn } from '../core/retention/support';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

const DAY = 86_400_000;

/** A class whose first day was `daysAgo` days before the real now (the CLI runs on the real clock). */
function classDaysAgo(dbPath: string, daysAgo: number) {
  const f = classFixture({ size: 2, dbPath });
  f.clock.set(new Date(Date.now() - daysAgo * DAY).toISOString());
  const phone = f.phones[0]!.deviceId;
  f.s.handIn({ deviceId: phone, actor: 'pupil' });
  f.s.noteCondition({ deviceId: phone, actor: 'pupil', marks: ['other'], note: 'CLI-NOTE-kras' });
  f.s.returnDevice({ deviceId: phone, actor: f.teacher.staffId });
  const second = f.phones[1]!.deviceId;
  f.s.handIn({ deviceId: second, actor: 'pupil' });
  f.s.confiscate({ deviceId: second, actor: f.teacher.staffId, reason: 'filmen', article: 'B.3', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness });
  const ids = { first: f.pupils[0]!.pupilId, second: f.pupils[1]!.pupilId };
  f.core.close();
  return ids;
}

describe('purge and erase from the command line', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('purge --dry-run counts what would go and changes nothing; purge erases it', async () => {
    classDaysAgo(tmp.dbPath, 70);
    const dry = await cli(['purge', '--dry-run', '--json', '--db', tmp.dbPath]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, routine: 1, events: 1, openCases: 1 });
    expect(foundIn(tmp.dbPath, 'CLI-NOTE-kras')).not.toEqual([]);

    const done = await cli(['purge', '--db', tmp.dbPath]);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/Gewist \/ erased: 1 event/);
    expect(done.stdout).toMatch(/Recorded as ledger event #\d+; WAL emptied: yes/);
    expect(foundIn(tmp.dbPath, 'CLI-NOTE-kras')).toEqual([]);
    const verify = await cli(['verify', '--db', tmp.dbPath]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });

  it('erase --pupil erases one pupil, and refuses while a case about them is open', async () => {
    const { first, second } = classDaysAgo(tmp.dbPath, 3);
    const refused = await cli(['erase', '--pupil', second, '--reason', 'verzoek ouders', '--db', tmp.dbPath]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('CASE_OPEN');
    const done = await cli(['erase', '--pupil', first, '--reason', 'verzoek ouders', '--json', '--db', tmp.dbPath]);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ pupilId: first, walEmptied: true });
    expect(foundIn(tmp.dbPath, 'Achternaam1')).toEqual([]);
    expect(foundIn(tmp.dbPath, 'Achternaam2')).not.toEqual([]);
    expect((await cli(['erase', '--pupil', first, '--db', tmp.dbPath])).code).toBe(2);
  });

  it('pupil-data writes the PDF or CSV of one pupil and refuses another extension', async () => {
    const { first } = classDaysAgo(tmp.dbPath, 3);
    const csvPath = `${tmp.dir}/inzage.csv`;
    const made = await cli(['pupil-data', '--pupil', first, '--out', csvPath, '--json', '--db', tmp.dbPath]);
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ pupilId: first, events: expect.any(Number) });
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv).toContain('CLI-NOTE-kras');
    expect(csv).not.toContain('Achternaam2');
    const pdf = await cli(['pupil-data', '--pupil', first, '--out', `${tmp.dir}/inzage.pdf`, '--db', tmp.dbPath]);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(readFileSync(`${tmp.dir}/inzage.pdf`).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await cli(['pupil-data', '--pupil', first, '--out', `${tmp.dir}/x.txt`, '--db', tmp.dbPath])).code).toBe(2);
  });
});
