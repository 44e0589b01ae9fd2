/** Characters of an id the board's printed log keeps: a UUID's first group ("550653b0"), as git prints a commit. */
export const PRINTED_ID_LENGTH = 8;

/**
 * An id as the board's printed log shows it. Whole, a UUID took three lines of its cell and a
 * place with its pouch six, so a page held six hand-ins. Cut to 32 bits it fits one line, and
 * beside the row's school and kiosk it still names one pupil or device: two among a kiosk's few
 * dozen sharing a prefix is about one in ten million. The CSV and XLSX keep every id whole, and
 * the event's SHA-256 on the same row is whole.
 */
export function printedId(id: string): string {
  return id.length > PRINTED_ID_LENGTH + 1 ? `${id.slice(0, PRINTED_ID_LENGTH)}…` : id;
}
