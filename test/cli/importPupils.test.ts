import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../src/core';
import { saveMapping } from '../../src/core/import';
import { SYSTEM_ACTOR } from '../../src/core/ledger/events';
import { generatePupils, toEdexml } from '../support/edexml';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

describe('npm run cli -- import-pupils', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string[];
  const file = (name: string, content: string) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, content);
    return path;
  };
  const pupilCount = () => {
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    try {
      return core.services.listPupils().length;
    } finally {
      core.close();
    }
  };
  beforeEach(() => {
    tmp = tempDir();
    db = ['--db', tmp.dbPath];
    openCore({ dbPath: tmp.dbPath, appVersion: 'test' }).close();
  });
  afterEach(() => tmp.cleanup());

  it('--dry-run prints what would change and what is left out, and writes nothing', async () => {
    const xml = file('leerlingen.xml', toEdexml(generatePupils(40)));
    const result = await cli(['import-pupils', xml, '--dry-run', ...db]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('EDEXML 2.0: 40 leerlingen gelezen / pupils read');
    expect(result.stdout).toMatch(/nieuw \/ added:\s+40/);
    expect(result.stdout).toContain('bsn (40)');
    expect(result.stdout).toContain('dry run: nothing was changed');
    expect(pupilCount()).toBe(0);
  });

  it('imports, and a second import of the same file changes nothing', async () => {
    const xml = file('leerlingen.xml', toEdexml(generatePupils(40)));
    expect((await cli(['import-pupils', xml, ...db])).code).toBe(0);
    const again = await cli(['import-pupils', xml, ...db, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ format: 'edexml', counts: { added: 0, unchanged: 40 } });
    expect(pupilCount()).toBe(40);
  });

  it('a damaged file: a clear Dutch and English message with the line, no stack trace, nothing written', async () => {
    const xml = file('kapot.xml', toEdexml(generatePupils(5)).replace('</roepnaam>', '</roepnam>'));
    const result = await cli(['import-pupils', xml, ...db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('IMPORT_UNREADABLE: Dit bestand kan niet worden ingelezen');
    expect(result.stderr).toContain('This file cannot be read');
    expect(result.stderr).toMatch(/regel\/line \d+:\d+: de XML is beschadigd/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(pupilCount()).toBe(0);
  });

  it('a CSV with a broken row lists the row and imports nothing; a missing file says so', async () => {
    const csv = file('klas.csv', 'Leerlingnummer;Roepnaam;Achternaam;Groep\n1;Daan;Vries;7B\n2;Noor;;Jansen;7B\n');
    const result = await cli(['import-pupils', csv, ...db]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('regel/line 3: een ander aantal kolommen dan de kopregel');
    expect(result.stdout).toContain('nothing imported');
    expect(pupilCount()).toBe(0);
    const missing = await cli(['import-pupils', join(tmp.dir, 'weg.csv'), ...db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('FILE_NOT_FOUND');
  });

  it('--only-groups: a class list leaves the pupils of the other groups active', async () => {
    const school = file('school.csv', 'Leerlingnummer;Roepnaam;Achternaam;Groep\n1;Daan;Vries;7B\n2;Noor;Jansen;8A\n3;Sem;Hof;7B\n');
    expect((await cli(['import-pupils', school, ...db])).code).toBe(0);
    const class7B = file('7b.csv', 'Leerlingnummer;Roepnaam;Achternaam;Groep\n1;Daan;Vries;7B\n');
    const result = await cli(['import-pupils', class7B, '--only-groups', ...db]);
    expect(result.stdout).toMatch(/gedeactiveerd \/ deactivated:\s+1\n/);
    expect(pupilCount()).toBe(2);
  });

  it('--mapping uses a saved column mapping by name; an unknown name lists the saved ones', async () => {
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test' });
    saveMapping(core.services.context, 'Lijst Anna', { key: 'Nr', roepnaam: 'Kind', achternaam: 'Fam', groep: 'Lokaal' }, SYSTEM_ACTOR);
    core.close();
    const csv = file('anna.csv', 'Nr,Kind,Fam,Lokaal\n7,Daan,Vries,7B\n');
    expect((await cli(['import-pupils', csv, '--mapping', 'Lijst Anna', ...db])).code).toBe(0);
    expect(pupilCount()).toBe(1);
    const unknown = await cli(['import-pupils', csv, '--mapping', 'Lijst Bram', ...db]);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain('Opgeslagen / saved: Lijst Anna');
  });
});
