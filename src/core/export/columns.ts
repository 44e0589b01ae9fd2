/** One exported event, as the office reads it: names instead of ids, and the hash for checking. */
export interface ExportRow {
  seq: number;
  occurredAt: string;
  type: string;
  actor: string;
  custodian: string;
  pupil: string;
  groep: string;
  device: string;
  location: string;
  pouch: string;
  note: string;
  voids: number | null;
  voidedBy: number | null;
  kioskId: string;
  hash: string;
}

export type ExportLanguage = 'nl' | 'en';

/** The columns in order, with both languages' headers and a width for the spreadsheet. */
export const EXPORT_COLUMNS: readonly { key: keyof ExportRow; nl: string; en: string; width: number }[] = [
  { key: 'seq', nl: 'Volgnummer', en: 'Seq', width: 11 },
  { key: 'occurredAt', nl: 'Tijd', en: 'Time', width: 17 },
  { key: 'type', nl: 'Gebeurtenis', en: 'Event', width: 22 },
  { key: 'actor', nl: 'Door', en: 'By', width: 18 },
  { key: 'custodian', nl: 'In bewaring bij', en: 'Held by', width: 20 },
  { key: 'pupil', nl: 'Leerling', en: 'Pupil', width: 24 },
  { key: 'groep', nl: 'Groep', en: 'Group', width: 8 },
  { key: 'device', nl: 'Apparaat', en: 'Device', width: 24 },
  { key: 'location', nl: 'Plaats', en: 'Place', width: 18 },
  { key: 'pouch', nl: 'Vak', en: 'Pouch', width: 6 },
  { key: 'note', nl: 'Opmerking', en: 'Note', width: 40 },
  { key: 'voids', nl: 'Herstelt', en: 'Voids', width: 9 },
  { key: 'voidedBy', nl: 'Hersteld door', en: 'Voided by', width: 12 },
  { key: 'kioskId', nl: 'Kiosk', en: 'Kiosk', width: 38 },
  { key: 'hash', nl: 'Hash', en: 'Hash', width: 66 },
];
