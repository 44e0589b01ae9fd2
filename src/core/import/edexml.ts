import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ImportProblem, LeftOutField } from '../../shared/contract/pupilImport';
import { AppError } from '../../shared/errors';
import type { RawPupil } from './pupilRecord';

export interface EdexmlRead {
  /** `school/xsdversie`: 1.03 (ParnasSys' 1.0.3), 2.0 or 2.1; null when the file does not say. */
  version: string | null;
  pupils: RawPupil[];
  problems: ImportProblem[];
  leftOut: LeftOutField[];
}

/** What the kiosk keeps of a `leerling`; every other element is counted as left out. */
const KEPT = new Set(['achternaam', 'voorvoegsel', 'roepnaam', 'voornamen', 'jaargroep', 'groep']);

interface GroupRef {
  key: string;
  line: number;
}

/**
 * Reads an EDEXML export (1.0.3, 2.0, 2.1: the same `leerlingen/leerling` shape; 2.0 added
 * vestigingen and samengestelde groepen, 2.1 an `eckid` attribute) with a streaming parser that
 * keeps every value as text, so a key like `0006` keeps its zeros, and knows the line of each
 * element. A file that is not well-formed XML, or not EDEXML, is refused as a whole.
 */
export function readEdexml(text: string): EdexmlRead {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const path: string[] = [];
  let textBuffer = '';
  let version: string | null = null;
  let sawLeerlingen = false;
  const groups = new Map<string, { naam: string; jaargroep: string }>();
  let group: { key: string; naam: string; jaargroep: string } | null = null;
  let pupil: (RawPupil & { groupRef: GroupRef | null }) | null = null;
  const pupils: (RawPupil & { groupRef: GroupRef | null })[] = [];
  const leftOut = new Map<string, number>();
  const leave = (field: string) => leftOut.set(field, (leftOut.get(field) ?? 0) + 1);

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const depth = path.length;
    const parent = path[depth - 1];
    path.push(tag.name);
    textBuffer = '';
    if (depth === 0) {
      if (tag.name !== 'EDEX') throw new AppError('IMPORT_UNREADABLE', { format: 'edexml', reason: 'not_edexml', line: parser.line });
      return;
    }
    if (depth === 1 && tag.name === 'leerlingen') sawLeerlingen = true;
    if (depth === 1 && tag.name === 'leerkrachten') leave('leerkrachten');
    if (depth === 2 && parent === 'groepen' && tag.name === 'groep') {
      group = { key: (tag.attributes.key ?? '').trim(), naam: '', jaargroep: '' };
    }
    if (depth === 2 && parent === 'leerlingen' && tag.name === 'leerling') {
      pupil = {
        line: parser.line,
        key: tag.attributes.key ?? '',
        roepnaam: '',
        voornamen: '',
        voorvoegsel: '',
        achternaam: '',
        groep: '',
        jaargroep: '',
        groupRef: null,
      };
      for (const name of Object.keys(tag.attributes)) if (name !== 'key' && !name.startsWith('xmlns')) leave(`leerling@${name}`);
    }
    if (depth === 3 && pupil && parent === 'leerling') {
      if (!KEPT.has(tag.name)) leave(tag.name);
      else if (tag.name === 'groep') pupil.groupRef = { key: (tag.attributes.key ?? '').trim(), line: parser.line };
    }
  });

  parser.on('text', (t) => {
    textBuffer += t;
  });

  parser.on('closetag', (tag: SaxesTagPlain) => {
    const depth = path.length - 1;
    const parent = path[depth - 1];
    const value = textBuffer.trim();
    textBuffer = '';
    path.pop();
    // Recorded in the ledger's details: only a version number, never other text from the file.
    if (depth === 2 && parent === 'school' && tag.name === 'xsdversie') version = /^\d{1,2}(\.\d{1,3}){0,2}$/.test(value) ? value : null;
    if (depth === 3 && group && parent === 'groep' && path[1] === 'groepen') {
      if (tag.name === 'naam') group.naam = value;
      if (tag.name === 'jaargroep') group.jaargroep = value;
    }
    if (depth === 2 && group && tag.name === 'groep') {
      groups.set(group.key, { naam: group.naam, jaargroep: group.jaargroep });
      group = null;
    }
    if (depth === 3 && pupil && parent === 'leerling') {
      if (tag.name === 'achternaam') pupil.achternaam = value;
      if (tag.name === 'voorvoegsel') pupil.voorvoegsel = value;
      if (tag.name === 'roepnaam') pupil.roepnaam = value;
      if (tag.name === 'voornamen') pupil.voornamen = value;
      if (tag.name === 'jaargroep') pupil.jaargroep = value;
    }
    if (depth === 2 && pupil && tag.name === 'leerling') {
      pupils.push(pupil);
      pupil = null;
    }
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // saxes reports "line:column: what"; only the position and a fixed reason leave this function.
    throw new AppError('IMPORT_UNREADABLE', { format: 'edexml', reason: 'not_well_formed', line: parser.line, column: parser.column });
  }
  if (!sawLeerlingen) throw new AppError('IMPORT_UNREADABLE', { format: 'edexml', reason: 'not_edexml', line: 1 });

  const problems: ImportProblem[] = [];
  const raw: RawPupil[] = pupils.map(({ groupRef, ...p }) => {
    if (!groupRef) return p;
    const g = groups.get(groupRef.key);
    if (!g) {
      problems.push({ line: groupRef.line, field: 'groep', reason: 'unknown_group' });
      return p;
    }
    // The pupil's own jaargroep wins: a combination group (5/6) has one per pupil.
    return { ...p, groep: g.naam, jaargroep: p.jaargroep || g.jaargroep };
  });
  const leftOutFields = [...leftOut].map(([field, count]) => ({ field, count })).sort((a, b) => a.field.localeCompare(b.field));
  return { version, pupils: raw, problems, leftOut: leftOutFields };
}
