import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { isBlankRow, type Cell, type ImportProblem, type Sheet, type Workbook } from './workbook.js';

export type ReadResult = { ok: true; workbook: Workbook } | { ok: false; problems: ImportProblem[] };

/** Reads an .xlsx workbook, or a folder of CSV files named after the sheets. */
export async function readWorkbook(path: string): Promise<ReadResult> {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return fail(`Cannot find ${path}.`);
  }
  if (stats.isDirectory()) return readCsvFolder(path);
  if (extname(path).toLowerCase() === '.xlsx') return readXlsx(path);
  return fail(`${basename(path)} is not an .xlsx workbook or a folder of .csv files.`);
}

function fail(message: string): ReadResult {
  return { ok: false, problems: [{ message }] };
}

function toSheet(name: string, table: Cell[][]): Sheet {
  const [header = [], ...body] = table;
  const rows = body.map((cells, i) => ({ row: i + 2, cells })).filter((r) => !isBlankRow(r.cells));
  return { name, headers: header.map((h) => (h === null ? '' : String(h).trim())), rows };
}

function readCsvFolder(dir: string): ReadResult {
  const workbook: Workbook = new Map();
  const problems: ImportProblem[] = [];
  for (const file of readdirSync(dir).filter((f) => extname(f).toLowerCase() === '.csv').sort()) {
    const name = basename(file, extname(file));
    try {
      const table = parse(readFileSync(join(dir, file), 'utf8'), {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: false,
      }) as string[][];
      workbook.set(name.toLowerCase(), toSheet(name, table));
    } catch (error) {
      problems.push({ sheet: name, message: `${file} is not a readable CSV file (${(error as Error).message}).` });
    }
  }
  if (problems.length) return { ok: false, problems };
  if (workbook.size === 0) return fail(`${dir} has no .csv files. Add at least Milestones.csv.`);
  return { ok: true, workbook };
}

async function readXlsx(path: string): Promise<ReadResult> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (error) {
    return fail(`${basename(path)} could not be opened as an Excel workbook (${(error as Error).message}).`);
  }
  const workbook: Workbook = new Map();
  for (const sheet of book.worksheets) {
    const table: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellValue(cell.value);
      });
      table[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
    });
    workbook.set(sheet.name.trim().toLowerCase(), toSheet(sheet.name.trim(), Array.from(table, (r) => r ?? [])));
  }
  return { ok: true, workbook };
}

/** Flattens ExcelJS's cell shapes (rich text, formulas, hyperlinks) to a plain value. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return (value as ExcelJS.CellHyperlinkValue).text ?? (value as ExcelJS.CellHyperlinkValue).hyperlink;
  if ('error' in value) return null;
  return String(value);
}
