/** A spreadsheet as the importer sees it, whichever file it came from. */
export type Cell = string | number | Date | boolean | null;

export interface SheetRow {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  headers: string[];
  rows: SheetRow[];
}

/** Sheets by lower-case name. */
export type Workbook = Map<string, Sheet>;

/** Something wrong with the input, said in the user's terms. */
export interface ImportProblem {
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
}

export function describeProblem(p: ImportProblem): string {
  const where = [p.sheet, p.row !== undefined ? `row ${p.row}` : undefined, p.column ? `column ${p.column}` : undefined]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}

/** Text of a cell for messages and text fields. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

export function isBlankRow(cells: Cell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}
