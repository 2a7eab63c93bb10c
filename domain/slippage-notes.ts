import { formatLongDate, formatPeriod } from './calendar-date.js';
import { statusLabel } from './milestone-status.js';
import type { Slippage } from './slippage.js';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** Flag names as words in a sentence: "overdue, date moved". */
export const flagWords = (flags: readonly string[]) => flags.map((f) => f.replace(/-/g, ' ')).join(', ');

/** One line of plain English a board member reads beside the flag, such as "due 31 March 2019, 61 days ago". */
export function explainSlippage(s: Slippage): string {
  switch (s.flag) {
    case 'overdue':
      return `due ${formatLongDate(s.dueDate)}, ${days(s.daysLate)} ago`;
    case 'update-missing':
      return `asked for the ${formatPeriod(s.cycle)} update on ${formatLongDate(s.askedOn)}, none came by ${formatLongDate(s.deadline)}`;
    case 'stale':
      return s.sinceStart
        ? `no update in the ${days(s.days)} since it started on ${formatLongDate(s.since)} (a ${s.cadence.toLowerCase()} milestone allows ${days(s.allowedDays)})`
        : `no update for ${days(s.days)}, since ${formatLongDate(s.since)} (a ${s.cadence.toLowerCase()} milestone allows ${days(s.allowedDays)})`;
    case 'worsened':
      return `${statusLabel(s.from)} ${s.atBoard ? 'at the board on' : 'on'} ${formatLongDate(s.since)}, now ${statusLabel(s.to)}`;
    case 'date-moved':
      return `moved ${times(s.times)}, ${movedBy(s)}`;
    case 'not-started':
      return `was to start on ${formatLongDate(s.startDate)}, ${days(s.daysLate)} ago, and is still NOT YET DUE`;
    case 'contradicted': {
      const reasons = [...(s.overdue ? ['overdue'] : []), ...s.redKpis.map((k) => `${k.name} red in ${formatPeriod(k.periods[0])} and ${formatPeriod(k.periods[1])}`)];
      return `reported ON TRACK, but ${reasons.join('; ')}`;
    }
    case 'unevidenced':
      return 'COMPLETE, but no evidence has been attached';
  }
}

function movedBy(s: Extract<Slippage, { flag: 'date-moved' }>): string {
  if (s.totalDays === null) return s.dueDate ? `now due ${formatLongDate(s.dueDate)}` : 'with no due date now';
  if (s.totalDays === 0) return 'back to the planned date';
  const way = s.totalDays > 0 ? 'later' : 'earlier';
  return `${days(Math.abs(s.totalDays))} ${way}${s.times > 1 ? ' in all' : ''}`;
}

