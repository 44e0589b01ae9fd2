import type { ImportProblem } from '../../shared/contract/pupilImport';

/** One pupil as a file describes them, reduced to what the kiosk keeps. */
export interface ImportedPupil {
  /** Where the pupil is in the file, for problems. */
  line: number;
  /** The administration's key, as text: `0006` keeps its zeros. */
  key: string;
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
  groep: string;
  jaargroep: number | null;
}

/** A pupil before the checks every format shares; any field may be missing. */
export interface RawPupil {
  line: number;
  key: string;
  roepnaam: string;
  voornamen: string;
  voorvoegsel: string;
  achternaam: string;
  groep: string;
  jaargroep: string;
}

// The lengths EDEXML allows (roepnaam 64, achternaam 200, key 256); a longer value is a sign of a
// wrong column, not a name.
const limits = { key: 256, roepnaam: 64, voorvoegsel: 20, achternaam: 200, groep: 60 } as const;

/** The kiosk's year group: 1–8, or none (EDEXML also knows 0, B, D, P, S, H, … for non-primary groups). */
export function toJaargroep(text: string): number | null {
  const match = /^\s*(?:groep\s*)?([1-8])\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * The first name a child is called by: the roepnaam, else the first of the official first names.
 * Problems are reported per pupil (line, field, reason), and a pupil with one is not imported.
 */
export function checkPupils(raw: readonly RawPupil[]): { pupils: ImportedPupil[]; problems: ImportProblem[] } {
  const pupils: ImportedPupil[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const key = r.key.trim();
    const roepnaam = r.roepnaam.trim() || (r.voornamen.trim().split(/\s+/)[0] ?? '');
    const pupil: ImportedPupil = {
      line: r.line,
      key,
      roepnaam,
      voorvoegsel: r.voorvoegsel.trim().replace(/\s+/g, ' '),
      achternaam: r.achternaam.trim().replace(/\s+/g, ' '),
      groep: r.groep.trim(),
      jaargroep: toJaargroep(r.jaargroep),
    };
    const before = problems.length;
    if (!key) problems.push({ line: r.line, field: 'key', reason: 'missing_key' });
    else if (seen.has(key)) problems.push({ line: r.line, field: 'key', reason: 'duplicate_key' });
    if (!roepnaam) problems.push({ line: r.line, field: 'roepnaam', reason: 'missing_first_name' });
    for (const field of Object.keys(limits) as (keyof typeof limits)[]) {
      if (pupil[field].length > limits[field]) problems.push({ line: r.line, field, reason: 'too_long' });
    }
    if (key) seen.add(key);
    if (problems.length === before) pupils.push(pupil);
  }
  return { pupils, problems };
}
