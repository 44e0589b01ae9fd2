import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPayload } from '../../../src/core/ledger/rows';
import { verifyAllChains } from '../../../src/core/ledger/verify';
import { checkRegistry } from '../../../src/core/registry/check';
import { previewPurge, runPurge } from '../../../src/core/retention/purge';
import { readEvents } from '../../../src/core/ledger/readModel';
import { updateSettings } from '../../../src/core/settings/store';
import { getPupil } from '../../../src/core/services/pupils';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';
import { checkpoint, foundIn, freePages } from './support';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

describe('retention purge', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 3 });
  });
  afterEach(() => f.close());

  const phone = (n: number) => f.phones[n - 1]!.deviceId;
  const chainOk = () => verifyAllChains(f.core.db).firstBad;
  const purge = () => runPurge(f.s.context);

  /** Kind1: an ordinary day with a note; Kind2: a confiscation; Kind3: leaves school the next day. */
  function schoolStory() {
    f.clock.set('2025-09-01T07:45:00.000Z');
    f.s.handIn({ deviceId: phone(1), actor: 'pupil' });
    const note = f.s.noteCondition({ deviceId: phone(1), actor: 'pupil', marks: ['other'], note: 'ROUTINE-NOTE-kras-linksboven' });
    f.s.handIn({ deviceId: phone(2), actor: 'pupil' });
    const confiscation = f.s.confiscate({
      deviceId: phone(2),
      actor: f.teacher.staffId,
      reason: 'CASE-REASON-filmde-in-de-klas',
      article: 'B.3',
      witnessStaffId: f.witness.staffId,
      witnessPin: PINS.witness,
    });
    f.clock.advance(6 * 60 * 60_000);
    const returned = f.s.returnDevice({ deviceId: phone(1), actor: f.teacher.staffId });
    f.clock.set('2025-09-02T09:00:00.000Z');
    f.s.changePupil(f.pupils[2]!.pupilId, { active: false }, f.office.staffId);
    return { note: note.event.seq, confiscation: confiscation.event.seq, returned: returned.event.seq };
  }

  it('keeps routine notes for the routine period and erases them the day after, from the file, its WAL and its free pages', () => {
    const story = schoolStory();
    checkpoint(f.core.db);
    expect(foundIn(f.dbPath, 'ROUTINE-NOTE-kras-linksboven')).toEqual(['file']);

    f.clock.set(new Date(Date.parse('2025-09-01T07:45:00.000Z') + 8 * WEEK - DAY).toISOString());
    expect(previewPurge(f.s.context)).toMatchObject({ dryRun: true, routine: 0, events: 0 });
    expect(purge()).toMatchObject({ events: 0, recordSeq: null });

    f.clock.set(new Date(Date.parse('2025-09-01T07:45:00.000Z') + 8 * WEEK + DAY).toISOString());
    const dry = previewPurge(f.s.context);
    expect(dry).toMatchObject({ dryRun: true, routine: 1, closedCases: 0, leftPupils: 0, events: 1, openCases: 1 });
    expect(getPayload(f.core.db, story.note)).not.toBeNull(); // a dry run erases nothing

    const done = purge();
    expect(done).toMatchObject({ dryRun: false, routine: 1, events: 1, walEmptied: true });
    expect(getPayload(f.core.db, story.note)).toBeNull();
    expect(foundIn(f.dbPath, 'ROUTINE-NOTE-kras-linksboven')).toEqual([]);
    expect(freePages(f.core.db)).toBe(0);
    // The open confiscation is a case: its reason stays, however old.
    expect(getPayload(f.core.db, story.confiscation)).toEqual({ reason: 'CASE-REASON-filmde-in-de-klas' });
    expect(foundIn(f.dbPath, 'CASE-REASON-filmde-in-de-klas')).toEqual(['file']);

    const record = readEvents(f.core.db, { types: ['retention_purge'] }).events;
    expect(record).toHaveLength(1);
    expect(record[0]!.details).toMatchObject({ routine: 1, routineWeeks: 8, seqs: [[story.note, story.note]] });
    expect(chainOk()).toBeNull();
    expect(checkRegistry(f.core.db).status).toBe('ok');
    // And it survives a restart: the start-up check accepts the purged file.
    const again = f.reopen();
    expect(again.core.problem).toBeNull();
    again.close();
  });

  it('keeps a case until it is closed, then for the closed-case period', () => {
    const story = schoolStory();
    f.clock.set('2026-03-01T08:00:00.000Z');
    f.s.releaseToGuardian({ deviceId: phone(2), actor: f.teacher.staffId, guardianName: 'GUARDIAN-Mw-Pietersen' });
    purge();
    expect(getPayload(f.core.db, story.confiscation)).not.toBeNull();

    f.clock.set('2027-02-28T08:00:00.000Z');
    expect(previewPurge(f.s.context).closedCases).toBe(0);
    f.clock.set('2027-03-02T08:00:00.000Z');
    const done = purge();
    expect(done.closedCases).toBe(2); // the confiscation and the release (the hand-in had no payload)
    expect(getPayload(f.core.db, story.confiscation)).toBeNull();
    for (const text of ['CASE-REASON-filmde-in-de-klas', 'GUARDIAN-Mw-Pietersen']) expect(foundIn(f.dbPath, text)).toEqual([]);
    expect(chainOk()).toBeNull();
  });

  it('erases a pupil who left, names in the pupil list included, after the left-pupil period', () => {
    schoolStory();
    const left = f.pupils[2]!.pupilId;
    f.clock.set('2027-09-01T09:00:00.000Z');
    expect(previewPurge(f.s.context).leftPupils).toBe(0);
    expect(foundIn(f.dbPath, 'Achternaam3').length).toBeGreaterThan(0);

    f.clock.set('2027-09-02T09:00:01.000Z');
    const done = purge();
    expect(done.leftPupils).toBe(1);
    expect(getPupil(f.s.context, left)).toMatchObject({ roepnaam: '', achternaam: '', active: false });
    for (const text of ['Achternaam3', 'EXT-3', 'telefoon 3']) expect(foundIn(f.dbPath, text), text).toEqual([]);
    // Pupils still at school keep their names.
    expect(foundIn(f.dbPath, 'Achternaam1').length).toBeGreaterThan(0);
    expect(chainOk()).toBeNull();
    expect(checkRegistry(f.core.db).status).toBe('ok');
    const again = f.reopen();
    expect(again.core.problem).toBeNull();
    again.close();
  });

  it('a pupil the import deactivated (missing from the administration’s file) is erased after the period, from the import’s date', async () => {
    const { previewPupilImport, applyPupilImport } = await import('../../../src/core/import');
    const { generatePupils, toEdexml } = await import('../../support/edexml');
    f.clock.set('2025-10-01T08:00:00.000Z');
    // The administration's new file: the fixture's class is not in it, so all three are deactivated.
    const upload = { fileName: 'leerlingen.xml', bytes: new TextEncoder().encode(toEdexml(generatePupils(2))) };
    const preview = await previewPupilImport(f.s.context, upload);
    expect(preview.counts.deactivated).toBe(3);
    await applyPupilImport(f.s.context, upload, preview.fingerprint, f.office.staffId);
    f.clock.set('2027-09-30T08:00:00.000Z');
    expect(previewPurge(f.s.context).leftPupils).toBe(0);
    f.clock.set('2027-10-02T08:00:00.000Z');
    expect(purge().leftPupils).toBe(3);
    for (const n of [1, 2, 3]) expect(foundIn(f.dbPath, `Achternaam${n}`)).toEqual([]);
    expect(chainOk()).toBeNull();
    expect(checkRegistry(f.core.db).status).toBe('ok');
  });

  it('follows the retention periods the admin set, and records the change of settings', () => {
    schoolStory();
    updateSettings(f.s.context, f.admin.staffId, { retention: { routineWeeks: 2, closedCaseMonths: 6, leftPupilMonths: 12 } });
    f.clock.set('2025-09-16T08:00:00.000Z');
    expect(previewPurge(f.s.context)).toMatchObject({ routine: 1, retention: { routineWeeks: 2 } });
    expect(readEvents(f.core.db, { types: ['settings_changed'] }).events[0]!.details).toEqual({ keys: ['retention'] });
  });

  it('runs once a day from the maintenance, before the backup', async () => {
    const { runMaintenance } = await import('../../../src/core/health/maintenance');
    schoolStory();
    const later = new Date(Date.parse('2025-09-01T07:45:00.000Z') + 9 * WEEK);
    const first = await runMaintenance(f.core, later);
    expect(first.purge).toMatchObject({ routine: 1 });
    expect((await runMaintenance(f.core, new Date(later.getTime() + 60 * 60_000))).purge).toBeNull();
    expect((await runMaintenance(f.core, new Date(later.getTime() + DAY))).purge).toMatchObject({ events: 0 });
    expect(foundIn(f.dbPath, 'ROUTINE-NOTE-kras-linksboven')).toEqual([]);
  });
});
