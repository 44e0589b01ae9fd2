import { importFields, type ColumnMapping, type ImportField, type ImportProblem } from '../../shared/contract/pupilImport';
import type { RawPupil } from './pupilRecord';
import type { Table } from './table';
import { splitVoorvoegsel } from './voorvoegsel';

/** A header as compared: lower case, without accents, spaces or punctuation ("Leerling-nr." → "leerlingnr"). */
const normal = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * The headers Dutch administrations and teachers write, per field, best first. "Voornaam" is the
 * name a child is called by unless a "Roepnaam" column is there too; then it is the official one.
 */
const synonyms: Record<ImportField, readonly string[]> = {
  key: ['leerlingnummer', 'leerlingnr', 'llnr', 'leerlingid', 'leerlingkey', 'key', 'id', 'nummer', 'studentnumber', 'pupilnumber'],
  roepnaam: ['roepnaam', 'voornaam', 'firstname'],
  voornamen: ['voornamen', 'officielevoornamen', 'voornaam'],
  voorvoegsel: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'voorvoegsels', 'tv'],
  achternaam: ['achternaam', 'familienaam', 'geslachtsnaam', 'lastname', 'surname'],
  groep: ['groep', 'klas', 'groepsnaam', 'klasnaam', 'group', 'class'],
  jaargroep: ['jaargroep', 'leerjaar', 'yeargroup'],
};

/** The mapping Inleverpunt proposes for these headers; each column is used for at most one field. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const byNormal = new Map<string, string>();
  for (const h of headers) if (h && !byNormal.has(normal(h))) byNormal.set(normal(h), h);
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const field of importFields) {
    for (const candidate of synonyms[field]) {
      const header = byNormal.get(candidate);
      if (header !== undefined && !used.has(header)) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

/**
 * The table's rows as pupils through the mapping. Without a key column there is nothing to match
 * a re-import on, and without a first-name column no name to show at the door: both are refused
 * at the header line. A mapped header the file does not have is refused the same way.
 */
export function mapRows(table: Table, mapping: ColumnMapping): { pupils: RawPupil[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const index: Partial<Record<ImportField, number>> = {};
  for (const field of importFields) {
    const header = mapping[field];
    if (header === undefined) continue;
    const i = table.headers.indexOf(header);
    if (i < 0) problems.push({ line: table.headerLine, field, reason: 'column_not_mapped' });
    else index[field] = i;
  }
  if (mapping.key === undefined) problems.push({ line: table.headerLine, field: 'key', reason: 'column_not_mapped' });
  if (mapping.roepnaam === undefined && mapping.voornamen === undefined) {
    problems.push({ line: table.headerLine, field: 'roepnaam', reason: 'column_not_mapped' });
  }
  if (problems.length > 0) return { pupils: [], problems };

  const pupils: RawPupil[] = [];
  for (const row of table.rows) {
    if (row.cells.length > table.headers.length || (table.exactColumns && row.cells.length < table.headers.length)) {
      problems.push({ line: row.line, field: null, reason: 'wrong_column_count' });
      continue;
    }
    const cell = (field: ImportField): string => {
      const i = index[field];
      return i === undefined ? '' : (row.cells[i] ?? '');
    };
    const groep = cell('groep');
    const names = index.voorvoegsel === undefined ? splitVoorvoegsel(cell('achternaam')) : { voorvoegsel: cell('voorvoegsel'), achternaam: cell('achternaam') };
    pupils.push({
      line: row.line,
      key: cell('key'),
      roepnaam: cell('roepnaam'),
      voornamen: cell('voornamen'),
      voorvoegsel: names.voorvoegsel,
      achternaam: names.achternaam,
      groep,
      // "7B" says groep 7 when the list has no jaargroep column.
      jaargroep: index.jaargroep === undefined ? (/^\s*([1-8])(?!\d)/.exec(groep)?.[1] ?? '') : cell('jaargroep'),
    });
  }
  return { pupils, problems };
}
