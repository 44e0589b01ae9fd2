/**
 * Generated EDEXML exports for tests and benchmarks: N pupils with the Dutch cases an import meets
 * (tussenvoegsels, a pupil known by roepnaam only, voornamen without roepnaam, accents, keys with
 * leading zeros, year groups outside 1–8) and the personal data an administration exports but the
 * kiosk must not keep (birth date, gender, BSN, postcode, teachers' e-mail addresses).
 */
export type EdexmlVersion = '1.0.3' | '2.0' | '2.1';

export interface GeneratedPupil {
  key: string;
  /** What the file says; `roepnaam` may be empty when only `voornamen` is given. */
  roepnaam: string;
  voornamen: string;
  voorvoegsel: string;
  achternaam: string;
  /** Key of the group in `groepen`. */
  groupKey: string;
  /** What the kiosk should keep. */
  expected: { roepnaam: string; voorvoegsel: string; achternaam: string; groep: string; jaargroep: number | null };
  geboortedatum: string;
  bsn: string;
  postcode: string;
}

const FIRST = ['Daan', 'Zoë', 'Ismaël', 'Sem', 'Noor', 'Lotte', 'Mila', 'Bram', 'Chloë', 'Fenna', 'Jesse', 'Anaïs', 'Ruben', 'Sára', 'Thijs', 'Yara'];
const LAST = ['Vries', 'Dijk', 'Jansen', 'Hof', 'Çelik', 'Müller', 'Berg', 'Bakker', 'Sánchez', 'Aa', 'Hart', 'Visser', 'Smit', 'Meer', 'Øster', 'Brink'];
const PREFIX = ['', 'van', 'de', 'v. d.', "van 't", '', 'van der', "'t", '', 'den'];

/** Groups 1A..8B, plus a kleutergroep (jaargroep 0) and a special group (S) the kiosk keeps as no year. */
export const GROUPS = [
  ...Array.from({ length: 8 }, (_, i) => [`${i + 1}A`, `${i + 1}B`]).flat().map((naam) => ({ key: `G${naam}`, naam, jaargroep: naam[0]! })),
  { key: 'GKB', naam: 'Kabouters', jaargroep: '0' },
  { key: 'GSP', naam: 'Apen', jaargroep: 'S' },
];

/**
 * `count` pupils; `round` 1 is the same school a year later: a third move to the next group,
 * every 25th spells a name differently. Pupil i is the same child (same key) in every round.
 */
export function generatePupils(count: number, { round = 0, firstIndex = 0 }: { round?: number; firstIndex?: number } = {}): GeneratedPupil[] {
  return Array.from({ length: count }, (_, n) => {
    const i = n + firstIndex;
    const group = GROUPS[(i + (round > 0 && i % 3 === 0 ? 2 : 0)) % GROUPS.length]!;
    const noLastName = i % 97 === 5;
    const onlyVoornamen = i % 41 === 7;
    const first = FIRST[i % FIRST.length]! + (round > 0 && i % 25 === 0 ? 'h' : '');
    const voorvoegsel = noLastName ? '' : PREFIX[i % PREFIX.length]!;
    const achternaam = noLastName ? '' : `${LAST[(i * 7) % LAST.length]!}${i >= LAST.length ? String.fromCharCode(97 + (i % 26)) : ''}`;
    const jaargroep = /^[1-8]$/.test(group.jaargroep) ? Number(group.jaargroep) : null;
    return {
      key: String(i + 1).padStart(5, '0'),
      roepnaam: onlyVoornamen ? '' : first,
      voornamen: `${first} Maria`,
      voorvoegsel,
      achternaam,
      groupKey: group.key,
      expected: { roepnaam: first, voorvoegsel, achternaam, groep: group.naam, jaargroep },
      geboortedatum: `${2013 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      bsn: String(190000000 + i),
      postcode: `${6800 + (i % 100)}AB`,
    };
  });
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The EDEXML text of a school with these pupils, in the layout of the version asked for. */
export function toEdexml(pupils: readonly GeneratedPupil[], { version = '2.0' }: { version?: EdexmlVersion } = {}): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<EDEX xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="EDEXML.structuur.xsd">',
    '  <school>',
    '    <schooljaar>2026-2027</schooljaar>',
    '    <brincode>99ZZ</brincode>',
    '    <dependancecode>00</dependancecode>',
    '    <schoolkey>41323</schoolkey>',
    '    <aanmaakdatum>2026-09-01T08:00:00</aanmaakdatum>',
    '    <auteur>Testgenerator</auteur>',
    `    <xsdversie>${version === '1.0.3' ? '1.03' : version}</xsdversie>`,
    '  </school>',
  ];
  if (version !== '1.0.3') lines.push('  <vestigingen>', '    <vestiging key="V1">', '      <naam>Hoofdgebouw</naam>', '    </vestiging>', '  </vestigingen>');
  lines.push('  <groepen>');
  for (const g of GROUPS) lines.push(`    <groep key="${g.key}">`, `      <naam>${esc(g.naam)}</naam>`, `      <jaargroep>${g.jaargroep}</jaargroep>`, '    </groep>');
  if (version !== '1.0.3') lines.push('    <samengestelde_groep key="SG1">', '      <naam>Plusklas</naam>', '    </samengestelde_groep>');
  lines.push('  </groepen>', '  <leerlingen>');
  pupils.forEach((p, i) => {
    const eckid = version === '2.1' ? ` eckid="https://ketenid.nl/201703/${'a'.repeat(20)}${String(i).padStart(8, '0')}"` : '';
    lines.push(`    <leerling key="${esc(p.key)}"${eckid}>`);
    if (p.achternaam) {
      lines.push(`      <achternaam>${esc(p.achternaam)}</achternaam>`);
      if (p.voorvoegsel) lines.push(`      <voorvoegsel>${esc(p.voorvoegsel)}</voorvoegsel>`);
      lines.push(`      <voornamen>${esc(p.voornamen)}</voornamen>`);
      if (p.roepnaam) lines.push(`      <roepnaam>${esc(p.roepnaam)}</roepnaam>`);
    } else {
      lines.push(`      <roepnaam>${esc(p.roepnaam || p.voornamen.split(' ')[0]!)}</roepnaam>`);
    }
    lines.push(
      `      <geboortedatum>${p.geboortedatum}</geboortedatum>`,
      `      <geslacht>${i % 2}</geslacht>`,
      `      <groep key="${p.groupKey}"/>`,
    );
    if (version !== '1.0.3') lines.push('      <samengestelde_groepen>', '        <samengestelde_groep key="SG1"/>', '      </samengestelde_groepen>', '      <vestiging key="V1"/>');
    lines.push(`      <land>NL</land>`, `      <bsn>${p.bsn}</bsn>`, `      <postcodenl>${p.postcode}</postcodenl>`, '    </leerling>');
  });
  lines.push(
    '  </leerlingen>',
    '  <leerkrachten>',
    '    <leerkracht key="LK1">',
    '      <achternaam>Bemmel</achternaam>',
    '      <voorvoegsel>van</voorvoegsel>',
    '      <emailadres>j.vanbemmel@school.example</emailadres>',
    '    </leerkracht>',
    '  </leerkrachten>',
    '</EDEX>',
    '',
  );
  return lines.join('\n');
}
