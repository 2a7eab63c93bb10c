/**
 * Calendar days (due dates, update dates) as `YYYY-MM-DD` strings: they compare in order
 * as text and carry no time zone, so a due date never shifts by a day.
 */
export type IsoDate = string;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

export function isoDate(year: number, month: number, day: number): IsoDate | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m.startsWith(lower) || (lower === 'sept' && m === 'september'));
  return index < 0 ? undefined : index + 1;
}

/**
 * Reads a date as councils type it: `2019-05-31`, `31/05/2019`, or a month such as
 * `May 2019` (which means its last day). Undefined when it is not a real date.
 */
export function parseDateText(text: string): IsoDate | undefined {
  const value = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^([A-Za-z]+)\.?[\s-]+(\d{4})$/.exec(value);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? lastDayOfMonth(Number(m[2]), month) : undefined;
  }
  return undefined;
}

export const DATE_FORMATS_HELP = 'use 2019-05-31, 31/05/2019 or May 2019';

/** The calendar day of a spreadsheet date cell (spreadsheet dates carry no zone: read as UTC). */
export function isoDateOfCell(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Stored form: midnight UTC of the day. */
export function toStoredDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function fromStoredDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** `31 May 2019`, the form used in everything a person reads. */
export function formatLongDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day it is in England at an instant. */
export function londonDateOf(instant: Date): IsoDate {
  return londonDay.format(instant);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toStoredDate(date).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A KPI period `YYYY-MM`; undefined when it is not one. */
export function parsePeriod(text: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}`;
}

/** A KPI figure counts from the last day of its month. */
export function periodEnd(period: string): IsoDate {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return lastDayOfMonth(y, m);
}

/** `March 2019` for a period `2019-03`. */
export function formatPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${y}`;
}
