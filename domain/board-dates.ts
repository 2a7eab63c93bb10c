import { isoDate, lastDayOfMonth, type IsoDate } from './calendar-date.js';
import { weekdayOf, type WorkingCalendar } from './working-days.js';

/**
 * When the Improvement Board meets: a monthly rule such as "last working Thursday" or
 * "first Tuesday", or a list of dates (which wins when given).
 */
export interface BoardRule {
  nth: 1 | 2 | 3 | 4 | 'last';
  weekday: number; // 0 = Sunday
  /** Skip to the previous (for "last") or next matching weekday that is a working day. */
  working: boolean;
}

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ORDINALS: Record<string, BoardRule['nth']> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: 'last' };

export const DEFAULT_BOARD_RULE = 'last working Thursday';

/** Reads "last working Thursday", "first Tuesday of each month" and the like. */
export function parseBoardRule(text: string): BoardRule | undefined {
  const words = text.trim().toLowerCase().replace(/\s+of (each|the|every) month$/, '').split(/\s+/);
  const nth = ORDINALS[words[0] ?? ''];
  const working = words[1] === 'working';
  const weekday = WEEKDAYS.indexOf(words[working ? 2 : 1] ?? '');
  if (!nth || weekday < 0 || words.length !== (working ? 3 : 2)) return undefined;
  return { nth, weekday, working };
}

export function describeBoardRule(rule: BoardRule): string {
  const nth = rule.nth === 'last' ? 'last' : ['first', 'second', 'third', 'fourth'][rule.nth - 1];
  const day = WEEKDAYS[rule.weekday]!;
  return `${nth} ${rule.working ? 'working ' : ''}${day[0]!.toUpperCase()}${day.slice(1)} of each month`;
}

/** The board's date in a month under a rule (undefined if no such day qualifies). */
export function boardDateInMonth(rule: BoardRule, year: number, month: number, calendar: WorkingCalendar): IsoDate | undefined {
  const matches: IsoDate[] = [];
  const last = Number(lastDayOfMonth(year, month).slice(8));
  for (let day = 1; day <= last; day += 1) {
    const date = isoDate(year, month, day)!;
    if (weekdayOf(date) === rule.weekday) matches.push(date);
  }
  const ordered = rule.nth === 'last' ? matches.reverse() : matches.slice(rule.nth - 1);
  return rule.working ? ordered.find((d) => calendar.isWorkingDay(d)) : ordered[0];
}

/** Board dates from `from` to `to` (both included), from a list or a rule. */
export function boardDatesBetween(source: { rule: BoardRule; dates: IsoDate[] }, from: IsoDate, to: IsoDate, calendar: WorkingCalendar): IsoDate[] {
  if (source.dates.length) return source.dates.filter((d) => d >= from && d <= to).sort();
  const dates: IsoDate[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  while (`${year}-${String(month).padStart(2, '0')}` <= to.slice(0, 7)) {
    const date = boardDateInMonth(source.rule, year, month, calendar);
    if (date && date >= from && date <= to) dates.push(date);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return dates;
}
