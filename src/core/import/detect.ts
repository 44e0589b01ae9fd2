import type { ImportFormat } from '../../shared/contract/pupilImport';
import { AppError } from '../../shared/errors';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// The old binary Excel format (an OLE compound file): Excel can save it as .xlsx.
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * What a file is, by its bytes first: an office worker's "leerlingen.csv" may well be the EDEXML
 * renamed, and an .xlsx is a zip whatever its name. The name decides only between text formats
 * that look alike (an XML file named .csv is still XML).
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  if (bytes.length === 0) throw new AppError('IMPORT_UNREADABLE', { format: null, reason: 'empty' });
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) throw new AppError('IMPORT_UNREADABLE', { format: 'xlsx', reason: 'xls_not_supported' });
  if (looksLikeXml(bytes)) return 'edexml';
  if (/\.xml$/i.test(fileName)) return 'edexml';
  return 'csv';
}

/** `<` as the first character after a BOM and white space. */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}
