import { addDays, type IsoDate } from './calendar-date.js';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays.js';

/** Days nothing is sent: weekends, bank holidays and a plan's own closure days. */
export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
}

export function workingCalendar(closures: Iterable<IsoDate> = []): WorkingCalendar {
  const closed = new Set<IsoDate>([...ENGLAND_AND_WALES_BANK_HOLIDAYS, ...closures]);
  return { isWorkingDay: (date) => !isWeekend(date) && !closed.has(date) };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function isWeekend(date: IsoDate): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

/** The day itself when it is a working day, else the next one. */
export function onOrAfterWorkingDay(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** `count` working days after (positive) or before (negative) a day, not counting the day itself. */
export function addWorkingDays(calendar: WorkingCalendar, date: IsoDate, count: number): IsoDate {
  const step = count < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(count); left > 0; ) {
    day = addDays(day, step);
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) count += 1;
  return count;
}
