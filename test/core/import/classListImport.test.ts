import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPupilImport, guessMapping, listMappings, previewPupilImport, saveMapping } from '../../../src/core/import';
import { countMatching } from '../../../src/core/ledger/readModel';
import { AppError } from '../../../src/shared/errors';
import { importKiosk } from './support';

/** Windows-1252 bytes of a text in its Latin-1 range (what Excel on Windows saves as "CSV"). */
const windows1252 = (text: string): Uint8Array => Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));

const HEADER = 'Leerlingnummer;Roepnaam;Voornaam;Tussenvoegsel;Achternaam;Groep;Geboortedatum';
const ROWS = ['0006;Zoë;Zoë Maria;van;Dijk;7B;2015-04-01', '0012;;Ismaël Hassan;;Çelik;8A;2014-02-03', "0100;Sem;Sem;van 't;Hof;7B;2015-09-09"];

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Leerlingen');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('importing a class list from CSV or Excel', () => {
  let k: ReturnType<typeof importKiosk>;
  beforeEach(() => {
    k = importKiosk();
  });
  afterEach(() => k.close());

  it('guesses the Dutch headers: Roepnaam beside Voornaam makes Voornaam the official first names, Klas is the group', () => {
    expect(guessMapping(HEADER.split(';'))).toEqual({
      key: 'Leerlingnummer',
      roepnaam: 'Roepnaam',
      voornamen: 'Voornaam',
      voorvoegsel: 'Tussenvoegsel',
      achternaam: 'Achternaam',
      groep: 'Groep',
    });
    expect(guessMapping(['Leerling-nr.', 'Voornaam', 'Tussenvoegsel', 'Achternaam', 'Klas', 'Jaargroep'])).toEqual({
      key: 'Leerling-nr.',
      roepnaam: 'Voornaam',
      voorvoegsel: 'Tussenvoegsel',
      achternaam: 'Achternaam',
      groep: 'Klas',
      jaargroep: 'Jaargroep',
    });
  });

  it('reads the same pupils from `;` in Windows-1252 and from `,` in UTF-8 with a BOM, zeros and accents kept', async () => {
    const semicolons = windows1252([HEADER, ...ROWS].join('\r\n'));
    const commas = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode([HEADER, ...ROWS].map((l) => l.replaceAll(';', ',')).join('\n'))]);
    const first = await k.preview('leerlingen.csv', semicolons);
    const second = await k.preview('leerlingen.csv', commas);
    expect(first.problems).toEqual([]);
    expect(first.added).toEqual(second.added);
    expect(first.added).toEqual([
      { key: '0012', displayName: 'Ismaël Çelik', groep: '8A', jaargroep: 8 },
      { key: '0006', displayName: 'Zoë van Dijk', groep: '7B', jaargroep: 7 },
      { key: '0100', displayName: "Sem van 't Hof", groep: '7B', jaargroep: 7 },
    ]);
    expect(first.leftOut).toEqual([{ field: 'Geboortedatum', count: 3 }]);
  });

  it('a CSV with a broken row names the row, the field and the reason, and writes nothing', async () => {
    const csv = [HEADER, ROWS[0], '0007;Bo;Bo;;de;Boer;7A;2015-01-01', ';Eva;Eva;;Dekker;7A;2015-01-02', ROWS[1]].join('\n');
    const preview = await k.preview('leerlingen.csv', csv);
    expect(preview.problems).toEqual([
      { line: 3, field: null, reason: 'wrong_column_count' },
      { line: 4, field: 'key', reason: 'missing_key' },
    ]);
    expect(preview.problemCount).toBe(2);
    const error = await refusal(applyPupilImport(k.ctx, k.file('leerlingen.csv', csv), preview.fingerprint, k.office.staffId));
    expect(error.toData()).toMatchObject({ code: 'IMPORT_HAS_PROBLEMS', details: { count: 2 } });
    expect(k.pupilRows()).toEqual([]);
    expect(countMatching(k.core.db, { types: ['pupils_imported', 'pupil_registered'] })).toBe(0);
  });

  it('a quote that is never closed makes the file unreadable, with the line where it went wrong', async () => {
    const error = await refusal(k.preview('leerlingen.csv', [HEADER, ROWS[0], '0007;"Bo;Bo;;Boer;7A;x', ROWS[1]].join('\n')));
    expect(error.code).toBe('IMPORT_UNREADABLE');
    expect(error.details).toMatchObject({ format: 'csv', reason: 'csv_malformed' });
  });

  it('a list without a pupil-number column cannot be re-imported safely, so it is refused at the header', async () => {
    const preview = await k.preview('namen.csv', 'Voornaam;Achternaam\nDaan;Vries\n');
    expect(preview.problems).toEqual([{ line: 1, field: 'key', reason: 'column_not_mapped' }]);
  });

  it('imports an Excel sheet by its guessed columns, keys typed as text keep their zeros, and a re-import changes nothing', async () => {
    const xlsx = await workbook([
      ['Leerlingnummer', 'Voornaam', 'Tussenvoegsel', 'Achternaam', 'Klas', 'Jaargroep', 'Adres'],
      ['0006', 'Zoë', 'van', 'Dijk', '7B', 7, 'Dorpsstraat 1'],
      ['0012', 'Ismaël', '', 'Çelik', '8A', 8, ''],
    ]);
    const { preview } = await k.importFile('klas.xlsx', xlsx);
    expect(preview).toMatchObject({ format: 'xlsx', columns: ['Leerlingnummer', 'Voornaam', 'Tussenvoegsel', 'Achternaam', 'Klas', 'Jaargroep', 'Adres'] });
    expect(preview.leftOut).toEqual([{ field: 'Adres', count: 1 }]);
    expect(k.pupilRows()).toEqual([
      { key: '0006', roepnaam: 'Zoë', voorvoegsel: 'van', achternaam: 'Dijk', groep: '7B', jaargroep: 7, active: 1 },
      { key: '0012', roepnaam: 'Ismaël', voorvoegsel: '', achternaam: 'Çelik', groep: '8A', jaargroep: 8, active: 1 },
    ]);
    const again = await k.importFile('klas.xlsx', xlsx);
    expect(again.preview.counts).toMatchObject({ added: 0, changed: 0, unchanged: 2 });
  });

  it('an Excel problem is reported with the sheet’s row number', async () => {
    const xlsx = await workbook([['Leerlingnummer', 'Voornaam', 'Achternaam'], ['1', 'Daan', 'Vries'], ['2', '', 'Bakker']]);
    expect((await k.preview('klas.xlsx', xlsx)).problems).toEqual([{ line: 3, field: 'roepnaam', reason: 'missing_first_name' }]);
  });

  it('a saved mapping is offered by name and maps a list whose headers Inleverpunt cannot guess', async () => {
    const mapping = { key: 'Nr', roepnaam: 'Kindnaam', achternaam: 'Fam', groep: 'Lokaal' };
    saveMapping(k.ctx, 'Export juf Anna', mapping, k.office.staffId);
    expect(listMappings(k.ctx)).toEqual([{ name: 'Export juf Anna', mapping }]);
    const csv = 'Nr,Kindnaam,Fam,Lokaal\n1,Daan,Vries,7B\n';
    expect((await k.preview('anna.csv', csv)).problems).toContainEqual({ line: 1, field: 'key', reason: 'column_not_mapped' });
    const { preview } = await k.importFile('anna.csv', csv, listMappings(k.ctx)[0]!.mapping);
    expect(preview.counts.added).toBe(1);
    expect(countMatching(k.core.db, { types: ['settings_changed'] })).toBe(1);
  });

  it('an old binary .xls is refused with a reason the office can act on', async () => {
    const error = await refusal(k.preview('klas.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
    expect(error.details).toMatchObject({ reason: 'xls_not_supported' });
  });
});

describe('a class list after the whole school', () => {
  it('with scope "groups" deactivates only the missing pupils of the groups the list names', async () => {
    const k = importKiosk();
    try {
      const school = [HEADER, ROWS[0], ROWS[1], ROWS[2], '0200;Bo;Bo;de;Boer;7B;2015-01-01'].join('\n');
      await k.importFile('school.csv', school);
      // Next term the teacher of 7B exports her class: Bo has left, Sem is still there.
      const classList = [HEADER, ROWS[0], ROWS[2]].join('\n');
      const whole = await k.preview('7b.csv', classList);
      expect(whole.deactivated.map((d) => d.key).sort()).toEqual(['0012', '0200']);
      const scoped = await previewPupilImport(k.ctx, { ...k.file('7b.csv', classList), scope: 'groups' });
      expect(scoped).toMatchObject({ scope: 'groups', counts: { deactivated: 1, unchanged: 2 } });
      expect(scoped.deactivated.map((d) => d.key)).toEqual(['0200']);
      // The scope is part of what was previewed: a preview for the whole school does not apply as a class's.
      const stale = await refusal(applyPupilImport(k.ctx, { ...k.file('7b.csv', classList), scope: 'groups' }, whole.fingerprint, k.office.staffId));
      expect(stale.code).toBe('IMPORT_STALE');
      await applyPupilImport(k.ctx, { ...k.file('7b.csv', classList), scope: 'groups' }, scoped.fingerprint, k.office.staffId);
      expect(k.pupilRows().map((r) => [r.key, r.active])).toEqual([['0006', 1], ['0012', 1], ['0100', 1], ['0200', 0]]);
    } finally {
      k.close();
    }
  });
});

describe('a class list without a tussenvoegsel column', () => {
  it('splits the tussenvoegsel off the achternaam ("van Dijk", "Vries, de"), so the list sorts the Dutch way', async () => {
    const k = importKiosk();
    try {
      const csv = ['Leerlingnummer;Voornaam;Achternaam;Groep', '1;Sem;van Dijk;7B', '2;Bo;Vries, de;7B', '3;Eva;El Amrani;7B', '4;Tim;Van der Berg;7B', '5;Noor;Cate;7B'].join('\n');
      const preview = await k.preview('7b.csv', csv);
      expect(preview.added.map((p) => p.displayName)).toEqual(['Tim Van der Berg', 'Noor Cate', 'Sem van Dijk', 'Eva El Amrani', 'Bo de Vries']);
      await k.importFile('7b.csv', csv);
      expect(k.pupilRows().map((r) => [r.voorvoegsel, r.achternaam])).toEqual([
        ['van', 'Dijk'], ['de', 'Vries'], ['', 'El Amrani'], ['Van der', 'Berg'], ['', 'Cate'],
      ]);
    } finally {
      k.close();
    }
  });
});
