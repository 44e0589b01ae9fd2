import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEvents } from '../../../src/core/ledger/readModel';
import { makeSubjectAccess } from '../../../src/core/privacy/subjectAccess';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

describe("a pupil's data on request (AVG art. 15)", () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    // Two pupils with a history each; the second's device first belonged to nobody else.
    for (const n of [0, 1]) {
      const deviceId = f.phones[n]!.deviceId;
      f.s.handIn({ deviceId, actor: 'pupil' });
      f.s.noteCondition({ deviceId, actor: 'pupil', marks: ['screen_cracked'], note: `notitie-${n + 1}-Łucja` });
      f.clock.advance(60_000);
    }
    f.s.confiscate({ deviceId: f.phones[0]!.deviceId, actor: f.teacher.staffId, reason: 'filmde in de klas', article: 'B.3', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness });
    f.s.releaseToGuardian({ deviceId: f.phones[0]!.deviceId, actor: f.teacher.staffId, guardianName: 'Mw. Één' });
    f.s.returnDevice({ deviceId: f.phones[1]!.deviceId, actor: f.teacher.staffId });
  });
  afterEach(() => f.close());

  const first = () => f.pupils[0]!.pupilId;
  const eventsOf = (pupilId: string) => readEvents(f.core.db, { pupilId, order: 'oldest-first', limit: 1000 }).events.map((e) => e.seq);
  const other = () => [f.pupils[1]!.pupilId, f.phones[1]!.deviceId, 'Kind2', 'Achternaam2', 'EXT-2', 'telefoon 2', 'notitie-2'];

  it('as a CSV holds the record, the devices and every event of the pupil with its payload, and nothing of another pupil', async () => {
    const expected = eventsOf(first());
    const file = await makeSubjectAccess(f.s.context, { pupilId: first(), format: 'csv', actor: f.office.staffId });
    const rows = parse(Buffer.from(file.bytes), { delimiter: ';', bom: true, relax_column_count: false }) as string[][];
    const events = rows.filter((r) => r[0] === 'Gebeurtenis / Event').map((r) => Number(r[1]));
    expect(events).toEqual(expected);
    const text = rows.flat().join('\n');
    for (const want of ['Kind1', 'Achternaam1', 'EXT-1', 'telefoon 1', 'notitie-1-Łucja', 'filmde in de klas', 'Mw. Één', 'STK-1', 'POUCH-1']) expect(text).toContain(want);
    for (const leak of other()) expect(text).not.toContain(leak);
  });

  it('as a PDF reads the same (checked with pdftotext), and each request is recorded in the ledger', async () => {
    const file = await makeSubjectAccess(f.s.context, { pupilId: first(), format: 'pdf', actor: f.office.staffId });
    const path = join(f.core.db.name, '..', 'inzage.pdf');
    writeFileSync(path, file.bytes);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    for (const seq of eventsOf(first()).filter((s) => s < file.recordSeq)) expect(text).toContain(`#${seq}`);
    for (const want of ['Inzageverzoek', 'Kind1', 'Achternaam1', 'notitie-1-Łucja', 'Mw. Één', 'Meegegeven aan ouder']) expect(text).toContain(want);
    for (const leak of other()) expect(text).not.toContain(leak);
    const record = readEvents(f.core.db, { types: ['export_made'] }).events[0]!;
    expect(record).toMatchObject({ seq: file.recordSeq, pupilId: first(), actor: f.office.staffId, details: { kind: 'subject_access', format: 'pdf' } });
  });

  it('shows an erased payload as erased, and is for the office only', async () => {
    const { erasePupilOnRequest } = await import('../../../src/core/retention/eraseOnRequest');
    erasePupilOnRequest(f.s.context, { pupilId: first(), reason: 'verzoek', actor: f.office.staffId });
    const file = await makeSubjectAccess(f.s.context, { pupilId: first(), format: 'csv', actor: f.admin.staffId });
    const text = Buffer.from(file.bytes).toString('utf8');
    expect(text).toContain('(gewist / erased)');
    expect(text).not.toContain('notitie-1');
    await expect(makeSubjectAccess(f.s.context, { pupilId: first(), format: 'csv', actor: f.teacher.staffId })).rejects.toMatchObject({ code: 'NOT_AUTHORISED' });
  });
});
