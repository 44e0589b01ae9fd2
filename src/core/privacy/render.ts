import { stringify } from 'csv-stringify/sync';
import { createPdf, finish, useFont } from '../labels/pdfDocument';
import { safeText } from '../export/cells';
import { sectionTitles, type SubjectRow } from './rows';

const CSV_HEADER = [
  'Onderdeel / Section',
  'Volgnummer / Seq',
  'Tijd (UTC) / Time (UTC)',
  'Soort / Kind',
  'Apparaat / Device',
  'Gegevens / Details',
  'Persoonsgegevens / Personal data',
];

/** A CSV for Excel (BOM, semicolons, CRLF) in which no cell can run as a formula. */
export function subjectCsv(rows: readonly SubjectRow[]): Buffer {
  const text = stringify(
    [
      CSV_HEADER,
      ...rows.map((r) => [sectionTitles[r.section], r.seq ?? '', r.time ?? '', r.kind, r.deviceId ?? '', r.details, r.personal].map((v) =>
        typeof v === 'string' ? safeText(v) : v,
      )),
    ],
    { bom: true, delimiter: ';', record_delimiter: 'windows' },
  );
  return Buffer.from(text, 'utf8');
}

/**
 * A readable A4 PDF for a parent: what it is, when it was made, then each section. The text is
 * real text (DejaVu embedded), so it can be searched and read aloud, and every row of the CSV is in it.
 */
export async function subjectPdf(rows: readonly SubjectRow[], input: { pupilId: string; kioskName: string; now: Date }): Promise<Uint8Array> {
  const doc = createPdf({ title: 'Inzageverzoek / Subject access request', width: 210, height: 297, now: input.now });
  doc.addPage({ size: 'A4', margin: 50 });
  useFont(doc, 'bold').fontSize(16).text('Inzageverzoek (AVG art. 15) / Subject access request (GDPR art. 15)');
  useFont(doc, 'regular')
    .fontSize(9)
    .moveDown(0.5)
    .text(`Kiosk: ${input.kioskName}`)
    .text(`Leerling-id / Pupil id: ${input.pupilId}`)
    .text(`Gemaakt / Made: ${input.now.toISOString()}`)
    .moveDown(0.5)
    .text(
      'Alles wat deze kiosk over deze leerling bewaart: de leerling, apparaten, stickers en vakken, en elke gebeurtenis met haar gegevens. ' +
        'Everything this kiosk holds about this pupil: the pupil, devices, tags and pouches, and every event with its data.',
    );
  let section: SubjectRow['section'] | null = null;
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      useFont(doc, 'bold').fontSize(12).moveDown(0.8).text(sectionTitles[section]);
      useFont(doc, 'regular').fontSize(9);
    }
    const head = [r.seq === null ? null : `#${r.seq}`, r.time, r.kind, r.deviceId ? `apparaat/device ${r.deviceId}` : null].filter(Boolean).join('  ');
    useFont(doc, 'bold').fontSize(9).moveDown(0.3).text(head);
    useFont(doc, 'regular');
    if (r.details) doc.text(r.details, { indent: 12 });
    if (r.personal) doc.text(r.personal, { indent: 12 });
  }
  return finish(doc);
}
