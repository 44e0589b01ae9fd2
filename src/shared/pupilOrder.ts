/** A pupil's names as the kiosk keeps them: the tussenvoegsel apart from the achternaam. */
export interface PupilNameParts {
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/**
 * Class-list order the Dutch way: by achternaam without its tussenvoegsel ("van Dijk" under D,
 * "’t Hart" under H), then first name; accents and case do not move a name.
 */
export function compareDutch(a: PupilNameParts, b: PupilNameParts): number {
  return (
    collator.compare(a.achternaam, b.achternaam) ||
    collator.compare(a.roepnaam, b.roepnaam) ||
    collator.compare(a.voorvoegsel, b.voorvoegsel)
  );
}

/** "Daan de Vries"; a pupil without achternaam is just "Daan". */
export const displayName = (p: PupilNameParts): string => [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ');

/**
 * The initial that tells two pupils of one group with the same first name apart at the door
 * ("Lucas V."): the first letter of the achternaam (Dutch usage ignores the tussenvoegsel), or
 * of the tussenvoegsel when there is no achternaam; null when there is neither.
 */
export function surnameInitial(p: Pick<PupilNameParts, 'voorvoegsel' | 'achternaam'>): string | null {
  const source = p.achternaam.trim() || p.voorvoegsel.trim();
  const first = [...source][0];
  return first ? first.toLocaleUpperCase('nl') : null;
}
