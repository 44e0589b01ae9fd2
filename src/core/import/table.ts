/** A class list as rows of text cells: what CSV and XLSX both become before mapping. */
export interface Table {
  headers: string[];
  /** `line`: the file's line (CSV) or the sheet's row number (XLSX) of the row's first cell. */
  rows: { line: number; cells: string[] }[];
  /** The line of the header row. */
  headerLine: number;
  /**
   * Every row must have as many cells as the header (CSV: a missing or extra separator shifts
   * every field after it). XLSX leaves trailing empty cells out, so there only extra cells count.
   */
  exactColumns: boolean;
}

export const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');
