import { DATE_FORMATS_HELP, isoDateOfCell, parseDateText, parsePeriod, type IsoDate } from '../../domain/calendar-date.js';
import { parseStatus, STATUS_WORDS_HELP, type MilestoneStatus } from '../../domain/milestone-status.js';
import type { ColumnIndex, ColumnSpec } from './columns.js';
import { cellText, type Cell, type ImportProblem, type Sheet, type SheetRow } from './workbook.js';

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const MAX_TEXT = 10_000;

/**
 * Reads one row's cells by column, turning each bad value into a problem that names the
 * sheet, the row and the column. Every getter returns undefined for a bad value.
 */
export class RowReader<K extends string> {
  constructor(
    private readonly sheet: Sheet,
    private readonly row: SheetRow,
    private readonly columns: ColumnIndex<K>,
    private readonly specs: Record<K, ColumnSpec>,
    private readonly problems: ImportProblem[],
  ) {}

  get rowNumber(): number {
    return this.row.row;
  }

  has(key: K): boolean {
    return this.columns[key] !== undefined;
  }

  raw(key: K): Cell {
    const i = this.columns[key];
    return i === undefined ? null : (this.row.cells[i] ?? null);
  }

  problem(key: K | undefined, message: string): undefined {
    this.problems.push({
      sheet: this.sheet.name,
      row: this.row.row,
      ...(key ? { column: this.specs[key].label } : {}),
      message,
    });
    return undefined;
  }

  text(key: K, opts: { required?: boolean; max?: number } = {}): string | undefined {
    const value = cellText(this.raw(key));
    if (!value && opts.required) return this.problem(key, 'is empty; it is required.');
    const max = opts.max ?? MAX_TEXT;
    if (value.length > max) return this.problem(key, `is ${value.length} characters long; the most is ${max}.`);
    return value;
  }

  /** null when blank. */
  date(key: K, opts: { required?: boolean } = {}): IsoDate | null | undefined {
    const cell = this.raw(key);
    if (cell instanceof Date) return isoDateOfCell(cell);
    const value = cellText(cell);
    if (!value) return opts.required ? this.problem(key, `is empty; it needs a date (${DATE_FORMATS_HELP}).`) : null;
    const date = parseDateText(value);
    if (!date) return this.problem(key, `"${value}" is not a date; ${DATE_FORMATS_HELP}.`);
    if (date < '1990-01-01' || date > '2100-12-31') return this.problem(key, `${value} is not a plausible date for a plan.`);
    return date;
  }

  /** null when blank; accepts "32.4%" and "1,234". */
  number(key: K, opts: { required?: boolean } = {}): number | null | undefined {
    const cell = this.raw(key);
    if (typeof cell === 'number') return Number.isFinite(cell) ? cell : this.problem(key, 'is not a number.');
    const value = cellText(cell);
    if (!value) return opts.required ? this.problem(key, 'is empty; it needs a number.') : null;
    const n = Number(value.replace(/,/g, '').replace(/%$/, '').trim());
    return Number.isFinite(n) ? n : this.problem(key, `"${value}" is not a number.`);
  }

  /** null when blank. */
  email(key: K, opts: { required?: boolean } = {}): string | null | undefined {
    const value = cellText(this.raw(key)).replace(/^mailto:/i, '');
    if (!value) return opts.required ? this.problem(key, 'is empty; it needs an email address.') : null;
    if (!EMAIL.test(value) || value.length > 254) return this.problem(key, `"${value}" is not an email address.`);
    return value.toLowerCase();
  }

  /** null when blank. */
  status(key: K, opts: { required?: boolean } = {}): MilestoneStatus | null | undefined {
    const value = cellText(this.raw(key));
    if (!value) return opts.required ? this.problem(key, `is empty; use ${STATUS_WORDS_HELP}.`) : null;
    return parseStatus(value) ?? this.problem(key, `"${value}" is not a status; use ${STATUS_WORDS_HELP}.`);
  }

  period(key: K): string | undefined {
    const cell = this.raw(key);
    if (cell instanceof Date) return isoDateOfCell(cell).slice(0, 7);
    const value = cellText(cell);
    if (!value) return this.problem(key, 'is empty; it needs a month such as 2019-03.');
    const asDate = parseDateText(value);
    return parsePeriod(value) ?? asDate?.slice(0, 7) ?? this.problem(key, `"${value}" is not a month; write it as 2019-03.`);
  }

  /** One of the choices (matched case-insensitively), or null when blank. */
  choice<T>(key: K, choices: Record<string, T>, help: string): T | null | undefined {
    const value = cellText(this.raw(key));
    if (!value) return null;
    const found = choices[value.toLowerCase().replace(/\s+/g, ' ')];
    return found ?? this.problem(key, `"${value}" is not recognised; use ${help}.`);
  }
}
