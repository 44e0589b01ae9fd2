import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPupilImport } from '../../../src/core/import';
import { countMatching, readEvents } from '../../../src/core/ledger/readModel';
import { checkRegistry } from '../../../src/core/registry/check';
import { AppError } from '../../../src/shared/errors';
import { generatePupils, toEdexml, type EdexmlVersion } from '../../support/edexml';
import { importKiosk } from './support';

const SAMPLE = readFileSync(new URL('../../fixtures/edexml/EDEXML.Voorbeeld.2.0.xml', import.meta.url), 'utf8');

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('importing pupils from EDEXML', () => {
  let k: ReturnType<typeof importKiosk>;
  beforeEach(() => {
    k = importKiosk();
  });
  afterEach(() => k.close());

  it('reads the standard’s own 2.0 example: keys with zeros, roepnaam or else the first voornaam, tussenvoegsel apart, group by key', async () => {
    const { preview } = await k.importFile('EDEXML.Voorbeeld.2.0.xml', SAMPLE);
    expect(preview).toMatchObject({ format: 'edexml', version: '2.0', problemCount: 0, counts: { read: 3, added: 3 } });
    expect(k.pupilRows()).toEqual([
      { key: '00001', roepnaam: 'Wimpie', voorvoegsel: '', achternaam: '', groep: '4B', jaargroep: 4, active: 1 },
      { key: '00002', roepnaam: 'Ismaël', voorvoegsel: '', achternaam: 'Assati', groep: '', jaargroep: 4, active: 1 },
      { key: '12345', roepnaam: 'Gradje', voorvoegsel: "van 't", achternaam: 'Hof', groep: '', jaargroep: null, active: 1 },
    ]);
    // Dutch order: a pupil known only by roepnaam first, then Assati, then Hof (under H, not under v).
    expect(preview.added.map((p) => p.displayName)).toEqual(['Wimpie', 'Ismaël Assati', "Gradje van 't Hof"]);
    expect(preview.leftOut).toEqual(
      expect.arrayContaining([
        { field: 'geboortedatum', count: 2 },
        { field: 'bsn', count: 1 },
        { field: 'postcodenl', count: 1 },
        { field: 'geslacht', count: 3 },
        { field: 'leerkrachten', count: 1 },
      ]),
    );
  });

  it.each<EdexmlVersion>(['1.0.3', '2.0', '2.1'])('imports 1,000 generated pupils of EDEXML %s exactly as the file says', async (version) => {
    const pupils = generatePupils(1000);
    const { preview } = await k.importFile('leerlingen.xml', toEdexml(pupils, { version }));
    expect(preview.counts).toEqual({ read: 1000, added: 1000, changed: 0, deactivated: 0, unchanged: 0 });
    expect(preview.version).toBe(version === '1.0.3' ? '1.03' : version);
    const rows = new Map(k.pupilRows().map((r) => [r.key, r]));
    for (const p of pupils) expect(rows.get(p.key), p.key).toEqual({ key: p.key, ...p.expected, active: 1 });
    expect(rows.has('00006')).toBe(true);
    if (version === '2.1') expect(preview.leftOut).toContainEqual({ field: 'leerling@eckid', count: 1000 });
    expect(checkRegistry(k.core.db).status).toBe('ok');
  });

  it('keeps no birth date, BSN, postcode or teacher’s e-mail: none of them is anywhere in the database file', async () => {
    const pupils = generatePupils(200);
    await k.importFile('leerlingen.xml', toEdexml(pupils));
    k.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(k.dbPath);
    // What is kept is there as text, so the search below would find the rest if it were kept.
    expect(bytes.includes(pupils[3]!.expected.achternaam)).toBe(true);
    for (const p of pupils) {
      expect(bytes.includes(p.bsn), `BSN of ${p.key}`).toBe(false);
      expect(bytes.includes(p.geboortedatum), `birth date of ${p.key}`).toBe(false);
      expect(bytes.includes(p.postcode), `postcode of ${p.key}`).toBe(false);
    }
    expect(bytes.includes('j.vanbemmel@school.example')).toBe(false);
  });

  it('a second import of the same file changes nothing, and a third neither: no duplicates', async () => {
    const xml = toEdexml(generatePupils(300));
    await k.importFile('leerlingen.xml', xml);
    const before = k.pupilRows();
    for (let i = 0; i < 2; i++) {
      const { preview } = await k.importFile('leerlingen.xml', xml);
      expect(preview.counts).toEqual({ read: 300, added: 0, changed: 0, deactivated: 0, unchanged: 300 });
    }
    expect(k.pupilRows()).toEqual(before);
    expect(countMatching(k.core.db, { types: ['pupil_registered', 'pupil_changed'] })).toBe(300);
    expect(countMatching(k.core.db, { types: ['pupils_imported'] })).toBe(3);
  });

  it('a year later: groups and names change, pupils who left are deactivated (not deleted), new pupils are added', async () => {
    await k.importFile('2026.xml', toEdexml(generatePupils(400)));
    // 50 left (the first 50), 30 new ones came, the rest moved on.
    const nextYear = [...generatePupils(350, { round: 1, firstIndex: 50 }), ...generatePupils(30, { firstIndex: 400 })];
    const preview = await k.preview('2027.xml', toEdexml(nextYear));
    const moved = nextYear.filter((p, n) => n < 350 && (n + 50) % 3 === 0);
    const renamed = nextYear.filter((p, n) => n < 350 && (n + 50) % 25 === 0);
    expect(preview.counts).toMatchObject({ read: 380, added: 30, deactivated: 50 });
    expect(preview.changed.length).toBe(new Set([...moved, ...renamed].map((p) => p.key)).size);
    expect(preview.changed.find((c) => c.key === renamed[0]!.key)?.fields).toContain('name');
    expect(preview.deactivated.map((d) => d.key).sort()).toEqual(generatePupils(50).map((p) => p.key));
    await applyPupilImport(k.ctx, k.file('2027.xml', toEdexml(nextYear)), preview.fingerprint, k.office.staffId);

    const rows = new Map(k.pupilRows().map((r) => [r.key, r]));
    expect(rows.size).toBe(430);
    for (const p of nextYear) expect(rows.get(p.key)).toEqual({ key: p.key, ...p.expected, active: 1 });
    for (const p of generatePupils(50)) expect(rows.get(p.key)).toMatchObject({ active: 0, roepnaam: p.expected.roepnaam });
    // The fold of the ledger gives the tables, renames included.
    expect(checkRegistry(k.core.db).status).toBe('ok');
  });

  it('records each import as one event with counts, the file’s hash and who, and no names or keys', async () => {
    const xml = toEdexml(generatePupils(20));
    const { preview, seq } = await k.importFile('leerlingen.xml', xml);
    const event = readEvents(k.core.db, { types: ['pupils_imported'] }).events[0]!;
    expect(event).toMatchObject({ seq, type: 'pupils_imported', actor: k.office.staffId, payload: null });
    const details = event.details;
    expect(details).toMatchObject({ format: 'edexml', version: '2.0', fileSha256: preview.fileSha256, read: 20, added: 20, changed: 0, deactivated: 0, unchanged: 0 });
    expect(details.leftOut).toContainEqual({ field: 'bsn', count: 20 });
    expect(JSON.stringify(details)).not.toContain('00001');
    expect(JSON.stringify(details)).not.toContain('Daan');
  });

  it('a pupil added by hand (no key) is left alone by an import', async () => {
    const byHand = k.core.services.createPupil({ roepnaam: 'Kees', achternaam: 'Hand', groep: '7A', jaargroep: 7 }, k.office.staffId);
    const { preview } = await k.importFile('leerlingen.xml', toEdexml(generatePupils(5)));
    expect(preview.counts.deactivated).toBe(0);
    expect(k.core.services.listPupils({ groep: '7A' }).map((p) => p.pupilId)).toContain(byHand.pupilId);
  });

  it('refuses a stale preview: when the pupils changed after it, apply writes nothing', async () => {
    const xml = toEdexml(generatePupils(10));
    const preview = await k.preview('leerlingen.xml', xml);
    k.core.services.createPupil({ roepnaam: 'Tussendoor', achternaam: 'Erbij', groep: '7A', externalKey: '99999' }, k.office.staffId);
    const before = k.pupilRows();
    const error = await refusal(applyPupilImport(k.ctx, k.file('leerlingen.xml', xml), preview.fingerprint, k.office.staffId));
    expect(error.code).toBe('IMPORT_STALE');
    expect(k.pupilRows()).toEqual(before);
  });

  it('a file that is not XML, damaged XML, or XML that is not EDEXML is refused with its line, and writes nothing', async () => {
    const good = toEdexml(generatePupils(10));
    const damaged = good.replace('</leerling>', '</leerlin>');
    const damagedLine = good.slice(0, good.indexOf('</leerling>')).split('\n').length;
    const cases: [string, string, { reason: string; line?: number }][] = [
      ['damaged.xml', damaged, { reason: 'not_well_formed', line: damagedLine }],
      ['cut.xml', good.slice(0, good.length / 2), { reason: 'not_well_formed' }],
      ['other.xml', '<?xml version="1.0"?>\n<catalog><book/></catalog>', { reason: 'not_edexml', line: 2 }],
      ['empty.xml', '', { reason: 'empty' }],
    ];
    for (const [name, content, expected] of cases) {
      const error = await refusal(k.importFile(name, content));
      expect(error.code, name).toBe('IMPORT_UNREADABLE');
      expect(error.details, name).toMatchObject(expected);
    }
    expect(k.pupilRows()).toEqual([]);
    expect(countMatching(k.core.db, { types: ['pupils_imported'] })).toBe(0);
  });

  it('problems are per pupil with their line: a missing key, a duplicate key, an unknown group; apply refuses the file', async () => {
    const xml = toEdexml(generatePupils(6))
      .replace('<leerling key="00002">', '<leerling key="">')
      .replace('<leerling key="00004">', '<leerling key="00003">')
      .replace('<groep key="G2A"/>', '<groep key="NOPE"/>');
    const lineOf = (needle: string, from = 0) => xml.slice(0, xml.indexOf(needle, from)).split('\n').length;
    const preview = await k.preview('leerlingen.xml', xml);
    expect(preview.problems).toEqual([
      { line: lineOf('<leerling key="">'), field: 'key', reason: 'missing_key' },
      { line: lineOf('<groep key="NOPE"/>'), field: 'groep', reason: 'unknown_group' },
      // The second pupil with key 00003 is the duplicate.
      { line: lineOf('<leerling key="00003">', xml.indexOf('<leerling key="00003">') + 1), field: 'key', reason: 'duplicate_key' },
    ]);
    const error = await refusal(applyPupilImport(k.ctx, k.file('leerlingen.xml', xml), preview.fingerprint, k.office.staffId));
    expect(error.code).toBe('IMPORT_HAS_PROBLEMS');
    expect(k.pupilRows()).toEqual([]);
  });

  it('lists pupils in Dutch order: "van Dijk" under D, accents where they belong', async () => {
    const names: [string, string, string][] = [
      ['Sem', 'van', 'Dijk'], ['Anna', '', 'Çelik'], ['Bo', 'de', 'Boer'], ['Eva', '', 'Dekker'], ['Tim', "'t", 'Hart'], ['Zoë', '', 'Aalders'],
    ];
    for (const [roepnaam, voorvoegsel, achternaam] of names) {
      k.core.services.createPupil({ roepnaam, voorvoegsel, achternaam, groep: '7A' }, k.office.staffId);
    }
    expect(k.core.services.listPupils({ groep: '7A' }).map((p) => p.achternaam)).toEqual(['Aalders', 'Boer', 'Çelik', 'Dekker', 'Dijk', 'Hart']);
  });
});
