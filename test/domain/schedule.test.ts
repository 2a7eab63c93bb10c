import { describe, expect, it } from 'vitest';
import { addDays, isoDate, type IsoDate } from '../../domain/calendar-date.js';
import { BANK_HOLIDAY_YEARS, ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../domain/bank-holidays.js';
import { boardDatesBetween, parseBoardRule } from '../../domain/board-dates.js';
import { londonInstant, londonWallClock } from '../../domain/london-time.js';
import { DEFAULT_SCHEDULE, dueInCycle, parsePromptRule, slotsBetween, type ScheduleSettings } from '../../domain/schedule.js';
import { addWorkingDays, onOrAfterWorkingDay, weekdayOf, workingCalendar, workingDaysBetween } from '../../domain/working-days.js';

/** Easter Sunday (anonymous Gregorian algorithm): an independent check of the shipped data. */
function easterSunday(year: number): IsoDate {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  return isoDate(year, Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1)!;
}

const mondays = (year: number, month: number) => Array.from({ length: 31 }, (_, i) => isoDate(year, month, i + 1)).filter((d): d is IsoDate => !!d && weekdayOf(d) === 1);

/** The usual rules, with substitute days; special years differ and are listed apart. */
function usualHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const fixed = [isoDate(year, 1, 1)!, isoDate(year, 12, 25)!, isoDate(year, 12, 26)!];
  const taken = new Set<IsoDate>();
  const moved = fixed.map((d) => {
    let day = d;
    while (weekdayOf(day) === 0 || weekdayOf(day) === 6 || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    return day;
  });
  return [...moved, addDays(easter, -2), addDays(easter, 1), mondays(year, 5)[0]!, mondays(year, 5).at(-1)!, mondays(year, 8).at(-1)!].sort();
}

const SPECIAL: Record<number, { add: IsoDate[]; remove: IsoDate[] }> = {
  2020: { add: ['2020-05-08'], remove: ['2020-05-04'] },
  2022: { add: ['2022-06-02', '2022-06-03', '2022-09-19'], remove: ['2022-05-30'] },
  2023: { add: ['2023-05-08'], remove: [] },
};

describe('England and Wales bank holidays', () => {
  it('match the usual rules (Easter, Mondays in May and August, substitute days) every year from 2018 to 2030, with the special days of 2020, 2022 and 2023', () => {
    for (let year = BANK_HOLIDAY_YEARS.from; year <= BANK_HOLIDAY_YEARS.to; year += 1) {
      const special = SPECIAL[year] ?? { add: [], remove: [] };
      const expected = [...usualHolidays(year).filter((d) => !special.remove.includes(d)), ...special.add].sort();
      expect(ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((d) => d.startsWith(`${year}-`)), String(year)).toEqual(expected);
    }
  });
});

describe('working days', () => {
  const calendar = workingCalendar(['2019-12-24']);
  it('skip weekends, bank holidays and closure days', () => {
    expect(calendar.isWorkingDay('2019-04-22')).toBe(false); // Easter Monday
    expect(calendar.isWorkingDay('2019-04-20')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2019-12-24')).toBe(false); // closure day
    expect(onOrAfterWorkingDay(calendar, '2019-04-19')).toBe('2019-04-23');
    expect(addWorkingDays(calendar, '2019-04-18', 1)).toBe('2019-04-23');
    expect(addWorkingDays(calendar, '2019-04-23', -1)).toBe('2019-04-18');
    expect(workingDaysBetween(calendar, '2019-04-18', '2019-04-25')).toBe(3);
    expect(workingDaysBetween(calendar, '2019-04-25', '2019-04-18')).toBe(0);
  });
});

describe('board dates', () => {
  const calendar = workingCalendar();
  it('read rules as people write them', () => {
    expect(parseBoardRule('last working Thursday')).toEqual({ nth: 'last', weekday: 4, working: true });
    expect(parseBoardRule('First Tuesday of each month')).toEqual({ nth: 1, weekday: 2, working: false });
    expect(parseBoardRule('every other Thursday')).toBeUndefined();
  });
  it('"last working Thursday" steps back from a bank-holiday Thursday; a list wins over the rule', () => {
    const rule = parseBoardRule('last working Thursday')!;
    expect(boardDatesBetween({ rule, dates: [] }, '2019-01-01', '2019-06-30', calendar)).toEqual(['2019-01-31', '2019-02-28', '2019-03-28', '2019-04-25', '2019-05-30', '2019-06-27']);
    // Christmas Day 2025 is the last Thursday of December.
    expect(boardDatesBetween({ rule, dates: [] }, '2025-12-01', '2025-12-31', calendar)).toEqual(['2025-12-18']);
    expect(boardDatesBetween({ rule, dates: ['2019-02-14', '2019-07-01'] }, '2019-01-01', '2019-06-30', calendar)).toEqual(['2019-02-14']);
  });
});

describe('England time', () => {
  it('maps wall-clock times to instants across the clock changes', () => {
    expect(londonInstant('2019-03-25', '08:00').toISOString()).toBe('2019-03-25T08:00:00.000Z'); // GMT
    expect(londonInstant('2019-04-01', '08:00').toISOString()).toBe('2019-04-01T07:00:00.000Z'); // BST
    expect(londonInstant('2019-03-31', '01:30').toISOString()).toBe('2019-03-31T01:30:00.000Z'); // skipped hour: read after the change
    expect(londonWallClock(new Date('2019-10-27T09:00:00Z'))).toEqual({ date: '2019-10-27', time: '09:00' });
  });
});

describe('schedule slots', () => {
  const between = (s: ScheduleSettings, from: string, to: string) => slotsBetween(s, new Date(from), new Date(to));

  it('a prompt due on Easter Monday 2019 goes out on Tuesday 23 April 2019, at 09:00 BST', () => {
    const settings = { ...DEFAULT_SCHEDULE, prompt: parsePromptRule('day 22 of each month')! };
    const prompts = between(settings, '2019-04-01T00:00:00Z', '2019-05-01T00:00:00Z').filter((s) => s.job === 'prompts');
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toMatchObject({ date: '2019-04-23', time: '09:00', cycle: '2019-04', boardDate: '2019-04-25' });
    expect(prompts[0]!.at.toISOString()).toBe('2019-04-23T08:00:00.000Z');
  });

  it('by default prompts go 10 working days before the last working Thursday, and the board pack 3 before', () => {
    const slots = between(DEFAULT_SCHEDULE, '2019-04-01T00:00:00Z', '2019-05-01T00:00:00Z');
    expect(slots.filter((s) => s.job === 'prompts').map((s) => s.date)).toEqual(['2019-04-09']); // Easter skipped in the count
    expect(slots.filter((s) => s.job === 'board-pack').map((s) => s.date)).toEqual(['2019-04-18']);
  });

  it('the weekly digest keeps 08:00 in England through both clock changes and moves off bank holidays', () => {
    const digests = between(DEFAULT_SCHEDULE, '2019-03-18T00:00:00Z', '2019-11-05T00:00:00Z').filter((s) => s.job === 'weekly-digest');
    const byDate = new Map(digests.map((d) => [d.date, d.at.toISOString()]));
    expect(byDate.get('2019-03-25')).toBe('2019-03-25T08:00:00.000Z');
    expect(byDate.get('2019-04-01')).toBe('2019-04-01T07:00:00.000Z');
    expect(byDate.has('2019-04-22')).toBe(false);
    expect(byDate.get('2019-04-23')).toBe('2019-04-23T07:00:00.000Z');
    expect(byDate.get('2019-10-28')).toBe('2019-10-28T08:00:00.000Z');
    expect(digests.every((d) => workingCalendar().isWorkingDay(d.date))).toBe(true);
  });

  it('nothing lands on a weekend, a bank holiday or a closure day', () => {
    const settings = { ...DEFAULT_SCHEDULE, closures: ['2019-12-24', '2019-12-27'] };
    const slots = between(settings, '2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z');
    const calendar = workingCalendar(settings.closures);
    expect(slots.length).toBeGreaterThan(500);
    expect(slots.filter((s) => !calendar.isWorkingDay(s.date))).toEqual([]);
  });

  it('quarterly milestones are asked in quarter-end months only', () => {
    expect(['2019-01', '2019-03', '2019-06', '2019-11', '2019-12'].filter((c) => dueInCycle('QUARTERLY', c))).toEqual(['2019-03', '2019-06', '2019-12']);
    expect(dueInCycle('MONTHLY', '2019-11')).toBe(true);
  });

  it('prompt rules are read or refused', () => {
    expect(parsePromptRule('10 working days before the board')).toEqual({ kind: 'before-board', workingDays: 10 });
    expect(parsePromptRule('day 22 of each month')).toEqual({ kind: 'day-of-month', day: 22 });
    expect(parsePromptRule('fortnightly')).toBeUndefined();
    expect(parsePromptRule('day 40')).toBeUndefined();
  });
});
