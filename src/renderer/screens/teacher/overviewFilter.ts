/** The overview's search and group filter: one pure rule, so the list and its count agree. */

export interface OverviewFilter {
  /** What the teacher typed: part of a pupil's name or of a device's kind or description. */
  query: string;
  /** One group, or null for every group. */
  groep: string | null;
}

export const noFilter: OverviewFilter = { query: '', groep: null };

/** Lower case without accents, so "zoe" finds "Zoë" and "ozturk" finds "Öztürk". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Whether a row with these words (name, device) and this group passes the filter. */
export function passes(filter: OverviewFilter, row: { groep: string | null; words: string[] }): boolean {
  if (filter.groep !== null && row.groep !== filter.groep) return false;
  const terms = folded(filter.query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = folded(row.words.join(' '));
  return terms.every((term) => haystack.includes(term));
}

/** The groups to choose from: those the kiosk serves and those on the screen, sorted ("7A" before "8B"). */
export function groupsOf(...lists: (readonly (string | null | undefined)[])[]): string[] {
  const groups = new Set<string>();
  for (const list of lists) for (const g of list) if (g) groups.add(g);
  return [...groups].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true }));
}
