/**
 * How a value is written into a spreadsheet cell the office opens by double-click. A name or a
 * note is typed by people (a guardian's name, a teacher's note): a cell that begins with = + - @
 * (or a tab or carriage return) would be run by Excel as a formula, so such text gets a leading
 * apostrophe, which Excel shows as plain text (OWASP's advice for CSV injection).
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type DateStyle = 'nl' | 'iso';

/** dd-mm-jjjj HH:mm in the kiosk's own time zone (what a Dutch Excel reads as a date), or ISO 8601 UTC. */
export function formatTime(iso: string, style: DateStyle): string {
  if (style === 'iso') return iso;
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}-${two(d.getMonth() + 1)}-${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * The local wall-clock time as a Date whose UTC fields are those of the wall clock: spreadsheet
 * dates have no time zone, and exceljs writes a Date's UTC fields, so this makes the cell show the
 * time the school saw.
 */
export function wallClockDate(iso: string): Date {
  const d = new Date(iso);
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
}
