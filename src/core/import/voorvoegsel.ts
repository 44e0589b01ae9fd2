/**
 * Dutch tussenvoegsels, longest first so "van der" wins over "van". Only the Dutch ones: "El" or
 * "Al" in "El Amrani" belongs to the achternaam in Dutch administrations.
 */
const PREFIXES = [
  'van de', 'van der', 'van den', "van 't", 'van het', "in 't", 'in de', 'in het', 'op de', 'op den', "op 't", 'uit de', 'uit den',
  'v. d.', 'v.d.', 'van', 'de', 'den', 'der', 'het', "'t", 'ter', 'ten', 'te',
].sort((a, b) => b.length - a.length);

/**
 * A class list without a tussenvoegsel column often writes it in the achternaam: "van Dijk" or
 * "Dijk, van". Split off, the list sorts the Dutch way ("van Dijk" under D) and a later EDEXML of
 * the same pupil shows no change of name.
 */
export function splitVoorvoegsel(achternaam: string): { voorvoegsel: string; achternaam: string } {
  const name = achternaam.trim().replace(/\s+/g, ' ');
  const comma = /^(.+?),\s*(.+)$/.exec(name);
  if (comma && PREFIXES.includes(comma[2]!.toLowerCase())) return { voorvoegsel: comma[2]!, achternaam: comma[1]! };
  const lower = name.toLowerCase();
  for (const prefix of PREFIXES) {
    if (lower.startsWith(`${prefix} `) && name.length > prefix.length + 1) {
      return { voorvoegsel: name.slice(0, prefix.length), achternaam: name.slice(prefix.length + 1) };
    }
  }
  return { voorvoegsel: '', achternaam: name };
}
