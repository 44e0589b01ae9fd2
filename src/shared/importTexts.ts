import type { ImportProblemReason } from './contract/pupilImport';
import type { LocalizedText } from './errors';

/** Why a pupil in an import file is refused, for the office screen and the CLI alike. */
export const importProblemTexts: Record<ImportProblemReason, LocalizedText> = {
  missing_key: { nl: 'geen leerlingnummer (sleutel)', en: 'no pupil number (key)' },
  duplicate_key: { nl: 'dit leerlingnummer staat er al eerder in', en: 'this pupil number appears earlier in the file' },
  missing_first_name: { nl: 'geen roepnaam of voornaam', en: 'no roepnaam or first name' },
  unknown_group: { nl: 'de groep staat niet bij de groepen in het bestand', en: 'the group is not among the groups in the file' },
  too_long: { nl: 'te lang; is dit de goede kolom?', en: 'too long; is this the right column?' },
  column_not_mapped: { nl: 'geen kolom gekozen, of de kolom ontbreekt', en: 'no column chosen, or the column is missing' },
  wrong_column_count: {
    nl: 'een ander aantal kolommen dan de kopregel (een scheidingsteken te veel of te weinig?)',
    en: 'a different number of columns than the header (a separator too many or too few?)',
  },
  no_pupils: { nl: 'het bestand bevat geen leerlingen', en: 'the file contains no pupils' },
};

/** What is wrong with a file that cannot be read at all (IMPORT_UNREADABLE's `reason`). */
export const unreadableReasonTexts: Record<string, LocalizedText> = {
  empty: { nl: 'het bestand is leeg', en: 'the file is empty' },
  not_well_formed: { nl: 'de XML is beschadigd of onvolledig', en: 'the XML is damaged or incomplete' },
  not_edexml: { nl: 'dit is XML, maar geen EDEXML', en: 'this is XML, but not EDEXML' },
  csv_malformed: { nl: 'de CSV is beschadigd (een aanhalingsteken niet gesloten?)', en: 'the CSV is damaged (a quote not closed?)' },
  xlsx_unreadable: { nl: 'het Excelbestand kan niet worden geopend', en: 'the Excel file cannot be opened' },
  xls_not_supported: {
    nl: 'oud Excelformaat (.xls): sla het op als .xlsx of CSV',
    en: 'old Excel format (.xls): save it as .xlsx or CSV',
  },
};

export const unreadableText = (reason: string): LocalizedText =>
  unreadableReasonTexts[reason] ?? { nl: 'onbekend bestandsformaat', en: 'unknown file format' };
