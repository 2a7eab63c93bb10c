import { addDays, isoDate, lastDayOfMonth, type IsoDate } from './calendar-date.js';
import { boardDatesBetween, DEFAULT_BOARD_RULE, parseBoardRule, type BoardRule } from './board-dates.js';
import { daysFrom, londonInstant, londonWallClock, type ClockTime } from './london-time.js';
import { addWorkingDays, onOrAfterWorkingDay, weekdayOf, workingCalendar, type WorkingCalendar } from './working-days.js';

/** The scheduled jobs. Each runs once per slot, whatever the number of instances. */
export const JOBS = ['prompts', 'chase', 'weekly-digest', 'board-pack', 'slippage-sweep'] as const;
export type JobName = (typeof JOBS)[number];

export type PromptRule = { kind: 'before-board'; workingDays: number } | { kind: 'day-of-month'; day: number };

/** A plan's schedule. All times are wall-clock times in England. */
export interface ScheduleSettings {
  board: { rule: BoardRule; dates: IsoDate[] };
  prompt: PromptRule;
  promptTime: ClockTime;
  /** Working days without an answer before the owner is reminded, then escalated. */
  reminderAfterWorkingDays: number;
  escalateAfterWorkingDays: number;
  chaseTime: ClockTime;
  weeklyDigest: { weekday: number; time: ClockTime };
  boardPack: { workingDaysBefore: number; time: ClockTime };
  sweepTime: ClockTime;
  closures: IsoDate[];
}

export const DEFAULT_SCHEDULE: ScheduleSettings = {
  board: { rule: parseBoardRule(DEFAULT_BOARD_RULE)!, dates: [] },
  prompt: { kind: 'before-board', workingDays: 10 },
  promptTime: '09:00',
  reminderAfterWorkingDays: 3,
  escalateAfterWorkingDays: 6,
  chaseTime: '10:00',
  weeklyDigest: { weekday: 1, time: '08:00' },
  boardPack: { workingDaysBefore: 3, time: '09:00' },
  sweepTime: '07:00',
  closures: [],
};

/** One time a job is due. `cycle` is the update cycle (the board's month) a prompt asks about. */
export interface Slot {
  job: JobName;
  date: IsoDate;
  time: ClockTime;
  at: Date;
  cycle?: string;
  boardDate?: IsoDate;
}

export const slotKey = (slot: Pick<Slot, 'job' | 'date' | 'time'>) => `${slot.job}@${slot.date}T${slot.time}`;

/** Far enough ahead to find the board meeting a prompt or board pack serves. */
const BOARD_LOOKAHEAD_DAYS = 62;

/**
 * Every slot due at an instant in [from, to), in time order. Nothing falls on a weekend,
 * bank holiday or closure day: a day-based send moves to the next working day.
 */
export function slotsBetween(settings: ScheduleSettings, from: Date, to: Date): Slot[] {
  const calendar = workingCalendar(settings.closures);
  // Moved sends land up to a couple of weeks after their nominal day: start early.
  const first = addDays(londonWallClock(from).date, -14);
  const last = londonWallClock(to).date;
  const boards = boardDatesBetween(settings.board, first, addDays(last, BOARD_LOOKAHEAD_DAYS), calendar);
  const slots: Slot[] = [
    ...promptSlots(settings, calendar, boards, first, last),
    ...boards.map((b) => slot('board-pack', addWorkingDays(calendar, b, -settings.boardPack.workingDaysBefore), settings.boardPack.time, { boardDate: b, cycle: b.slice(0, 7) })),
    ...everyWorkingDay(calendar, first, last).flatMap((d) => [slot('chase', d, settings.chaseTime), slot('slippage-sweep', d, settings.sweepTime)]),
    ...[...daysFrom(first, last)].filter((d) => weekdayOf(d) === settings.weeklyDigest.weekday).map((d) => slot('weekly-digest', onOrAfterWorkingDay(calendar, d), settings.weeklyDigest.time)),
  ];
  return slots.filter((s) => s.at >= from && s.at < to).sort((a, b) => a.at.getTime() - b.at.getTime() || a.job.localeCompare(b.job));
}

function promptSlots(settings: ScheduleSettings, calendar: WorkingCalendar, boards: IsoDate[], first: IsoDate, last: IsoDate): Slot[] {
  const rule = settings.prompt;
  if (rule.kind === 'before-board') {
    return boards.map((b) => slot('prompts', addWorkingDays(calendar, b, -rule.workingDays), settings.promptTime, { boardDate: b, cycle: b.slice(0, 7) }));
  }
  const slots: Slot[] = [];
  for (let month = first.slice(0, 7); month <= last.slice(0, 7); month = addDays(`${month}-28`, 7).slice(0, 7)) {
    const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    const nominal = isoDate(y, m, Math.min(rule.day, Number(lastDayOfMonth(y, m).slice(8))))!;
    const date = onOrAfterWorkingDay(calendar, nominal);
    const boardDate = boards.find((b) => b >= date);
    slots.push(slot('prompts', date, settings.promptTime, { cycle: month, ...(boardDate ? { boardDate } : {}) }));
  }
  return slots;
}

function everyWorkingDay(calendar: WorkingCalendar, first: IsoDate, last: IsoDate): IsoDate[] {
  return [...daysFrom(first, last)].filter((d) => calendar.isWorkingDay(d));
}

function slot(job: JobName, date: IsoDate, time: ClockTime, extra: { cycle?: string; boardDate?: IsoDate } = {}): Slot {
  return { job, date, time, at: londonInstant(date, time), ...extra };
}

/** Quarterly milestones are asked about in March, June, September and December only. */
export function dueInCycle(cadence: 'MONTHLY' | 'QUARTERLY', cycle: string): boolean {
  return cadence === 'MONTHLY' || [3, 6, 9, 12].includes(Number(cycle.slice(5, 7)));
}

/** Reads "10 working days before the board" or "day 22 of each month". */
export function parsePromptRule(text: string): PromptRule | undefined {
  const t = text.trim().toLowerCase();
  let m = /^(\d{1,2}) working days? before (the )?board( meeting)?$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 30) return { kind: 'before-board', workingDays: Number(m[1]) };
  m = /^(on )?(the )?day (\d{1,2})( of (each|the|every) month)?$/.exec(t);
  if (m && Number(m[3]) >= 1 && Number(m[3]) <= 31) return { kind: 'day-of-month', day: Number(m[3]) };
  return undefined;
}

export function describePromptRule(rule: PromptRule): string {
  return rule.kind === 'before-board' ? `${rule.workingDays} working days before the board` : `day ${rule.day} of each month (next working day if closed)`;
}

/**
 * Who a cycle's prompt for a milestone goes to: its owner, or their first delegate while
 * the owner is away on that day (null when there is none). Undefined when the milestone is
 * not asked this cycle: it is complete, or quarterly outside its quarter's last month.
 */
export function promptRecipient(
  m: { status: string; cadence: 'MONTHLY' | 'QUARTERLY'; ownerId: string; ownerAwayUntil: IsoDate | null; delegateIds: string[] },
  cycle: string,
  on: IsoDate,
): { personId: string | null } | undefined {
  if (m.status === 'COMPLETE' || !dueInCycle(m.cadence, cycle)) return undefined;
  return { personId: whoAnswersFor(m, on) };
}

/** Who answers for a milestone on a day: its owner, or their first delegate while the owner is away (null when there is none). */
export function whoAnswersFor(m: { ownerId: string; ownerAwayUntil: IsoDate | null; delegateIds: string[] }, on: IsoDate): string | null {
  const away = m.ownerAwayUntil !== null && m.ownerAwayUntil >= on;
  return away ? (m.delegateIds[0] ?? null) : m.ownerId;
}
