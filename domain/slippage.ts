import { endOfLondonDay } from './as-of.js';
import { boardDatesBetween, type BoardRule } from './board-dates.js';
import { addDays, londonDateOf, type IsoDate } from './calendar-date.js';
import { lastPeriodKnown, type KpiFigure } from './kpi-position.js';
import { kpiRag, type KpiTarget } from './kpi-rag.js';
import { slippageRank, type MilestoneStatus } from './milestone-status.js';
import { addWorkingDays, type WorkingCalendar } from './working-days.js';

/**
 * What the board asks of every milestone: is it slipping, and do we believe its RAG?
 * Each rule is a named flag, judged as of the end of a day from stored history only:
 * - overdue: the due date in force (latest revision on or before the day, else the plan's)
 *   is before the day, and it is not COMPLETE;
 * - update-missing: it was sent the scheduled prompt of the plan's current cycle, no update
 *   came between the prompt and the end of its deadline day (`promptTimeline`), and that
 *   day is over; not for COMPLETE;
 * - stale: more days since its last update (else its start) than its cadence allows
 *   (`STALE_AFTER_DAYS`); not for COMPLETE or NOT YET DUE;
 * - worsened: its status is worse than at the comparison point (`comparisonPoint`), ranked
 *   ON TRACK < SLIGHT < SIGNIFICANT (NOT YET DUE and COMPLETE as not slipping);
 * - date-moved: its due date was revised to a different date at least once;
 * - not-started: its start date is before the day and it is still NOT YET DUE;
 * - contradicted: ON TRACK while overdue, or while a linked KPI was red in its last two periods;
 * - unevidenced: COMPLETE with no evidence ever attached.
 * The order here is the order flags are always listed in.
 */
export const SLIPPAGE_FLAGS = ['overdue', 'update-missing', 'stale', 'worsened', 'date-moved', 'not-started', 'contradicted', 'unevidenced'] as const;
export type SlippageFlag = (typeof SLIPPAGE_FLAGS)[number];

/** Longest gap between updates each cadence allows, in days: a month and a quarter, with a few days' grace. */
export const STALE_AFTER_DAYS = { MONTHLY: 35, QUARTERLY: 100 } as const;

/** Without a board meeting to compare with, a status is compared with four weeks before. */
export const FALLBACK_COMPARISON_DAYS = 28;

/**
 * How far back to look for the previous board: a monthly rule always has one within three
 * months; a listed meeting further back than a year is not "the previous board" (the list stopped).
 */
const BOARD_LOOKBACK_DAYS = { rule: 93, list: 366 } as const;

/** Everything the rules need about one milestone on one day; services gather it from the store. */
export interface SlippageFacts {
  status: MilestoneStatus;
  cadence: 'MONTHLY' | 'QUARTERLY';
  startDate: IsoDate | null;
  /** The plan's own due date, before any revision. */
  plannedDueDate: IsoDate | null;
  /** The due date in force on the day (`positionAsOf`). */
  dueDate: IsoDate | null;
  /** The day (in England) of the latest update recorded on or before the day. */
  lastUpdate: IsoDate | null;
  /** Its status at the comparison point (`comparisonPoint`). */
  earlier: { status: MilestoneStatus } & ComparisonPoint;
  /** Revisions on or before the day whose date differed from the due date in force before them. */
  dueDateMoves: number;
  /** The scheduled prompt of the plan's current cycle, when this milestone was sent one. */
  prompt: CyclePrompt | null;
  /** Whether any evidence was attached on or before the day. */
  hasEvidence: boolean;
  /** Linked KPIs red in their last two periods known on the day (`redInLastTwoPeriods`). */
  redKpis: RedKpi[];
}

export interface ComparisonPoint {
  on: IsoDate;
  /** True when `on` is a board meeting; false for the four-week fallback. */
  board: boolean;
}

export interface CyclePrompt extends PromptTimeline {
  cycle: string;
  /** The first update recorded at or after the prompt (and on or before the day), if any. */
  firstUpdateAt: Date | null;
}

/** When a prompt was sent and by when it should have been answered (`promptTimeline`). */
export interface PromptTimeline {
  /** The day (in England) it was sent. */
  askedOn: IsoDate;
  /** The last day an answer counts as in time. */
  deadline: IsoDate;
  /** The end of the deadline day: an update recorded before it answered in time. */
  answerBy: Date;
}

export interface RedKpi {
  name: string;
  /** The two periods, earlier first. */
  periods: [string, string];
}

/** A flag with the facts behind it: what a digest, an alert or a note says. */
export type Slippage =
  | { flag: 'overdue'; dueDate: IsoDate; daysLate: number }
  | { flag: 'update-missing'; cycle: string; askedOn: IsoDate; deadline: IsoDate }
  | { flag: 'stale'; since: IsoDate; sinceStart: boolean; days: number; cadence: 'MONTHLY' | 'QUARTERLY'; allowedDays: number }
  | { flag: 'worsened'; from: MilestoneStatus; to: MilestoneStatus; since: IsoDate; atBoard: boolean }
  | { flag: 'date-moved'; times: number; totalDays: number | null; dueDate: IsoDate | null }
  | { flag: 'not-started'; startDate: IsoDate; daysLate: number }
  | { flag: 'contradicted'; overdue: boolean; redKpis: RedKpi[] }
  | { flag: 'unevidenced' };

/** The flags that hold for a milestone at the end of a day, in `SLIPPAGE_FLAGS` order. */
export function assessSlippage(facts: SlippageFacts, asOf: IsoDate): Slippage[] {
  const { status } = facts;
  const found: Slippage[] = [];
  const overdue = facts.dueDate !== null && facts.dueDate < asOf && status !== 'COMPLETE';
  if (overdue) found.push({ flag: 'overdue', dueDate: facts.dueDate!, daysLate: daysBetween(facts.dueDate!, asOf) });
  if (facts.prompt && status !== 'COMPLETE' && isUnanswered(facts.prompt, asOf)) {
    found.push({ flag: 'update-missing', cycle: facts.prompt.cycle, askedOn: facts.prompt.askedOn, deadline: facts.prompt.deadline });
  }
  const stale = staleness(facts, asOf);
  if (stale) found.push(stale);
  if (slippageRank(status) > slippageRank(facts.earlier.status)) {
    found.push({ flag: 'worsened', from: facts.earlier.status, to: status, since: facts.earlier.on, atBoard: facts.earlier.board });
  }
  if (facts.dueDateMoves > 0) {
    const totalDays = facts.dueDate && facts.plannedDueDate ? daysBetween(facts.plannedDueDate, facts.dueDate) : null;
    found.push({ flag: 'date-moved', times: facts.dueDateMoves, totalDays, dueDate: facts.dueDate });
  }
  if (facts.startDate !== null && facts.startDate < asOf && status === 'NOT_YET_DUE') {
    found.push({ flag: 'not-started', startDate: facts.startDate, daysLate: daysBetween(facts.startDate, asOf) });
  }
  if (status === 'ON_TRACK' && (overdue || facts.redKpis.length > 0)) found.push({ flag: 'contradicted', overdue, redKpis: facts.redKpis });
  if (status === 'COMPLETE' && !facts.hasEvidence) found.push({ flag: 'unevidenced' });
  return found;
}

/**
 * Asked and not answered in time: no update from the moment the prompt went until the
 * end of its deadline day, and that day is over (as of the end of the day, a deadline
 * of that same day has passed). A late answer does not clear it for that cycle.
 */
function isUnanswered(prompt: CyclePrompt, asOf: IsoDate): boolean {
  if (prompt.deadline > asOf) return false;
  const inTime = prompt.firstUpdateAt !== null && prompt.firstUpdateAt < prompt.answerBy;
  return !inTime;
}

function staleness(facts: SlippageFacts, asOf: IsoDate): Slippage | undefined {
  if (facts.status === 'COMPLETE' || facts.status === 'NOT_YET_DUE') return undefined;
  const since = facts.lastUpdate ?? facts.startDate;
  if (since === null) return undefined;
  const days = daysBetween(since, asOf);
  const allowedDays = STALE_AFTER_DAYS[facts.cadence];
  return days > allowedDays ? { flag: 'stale', since, sinceStart: facts.lastUpdate === null, days, cadence: facts.cadence, allowedDays } : undefined;
}

/**
 * What "worse than before" compares with: the latest board meeting strictly before the
 * day (from the plan's list of dates or its rule), else the day four weeks earlier.
 */
export function comparisonPoint(asOf: IsoDate, board: { rule: BoardRule; dates: IsoDate[] }, calendar: WorkingCalendar): ComparisonPoint {
  const lookback = board.dates.length ? BOARD_LOOKBACK_DAYS.list : BOARD_LOOKBACK_DAYS.rule;
  const meetings = boardDatesBetween(board, addDays(asOf, -lookback), addDays(asOf, -1), calendar);
  const last = meetings.at(-1);
  return last ? { on: last, board: true } : { on: addDays(asOf, -FALLBACK_COMPARISON_DAYS), board: false };
}

/**
 * When a prompt sent at an instant should have been answered: by the end of the working
 * day on which the chase job reminds the owner (`services/checkins/chase.ts`), counted in
 * working days from the day it was sent.
 */
export function promptTimeline(sentAt: Date, reminderAfterWorkingDays: number, calendar: WorkingCalendar): PromptTimeline {
  const askedOn = londonDateOf(sentAt);
  const deadline = addWorkingDays(calendar, askedOn, reminderAfterWorkingDays);
  return { askedOn, deadline, answerBy: endOfLondonDay(deadline) };
}

/**
 * The periods of a KPI's last two figures known on the day (a month's figure counts from
 * its last day) when both are red; null otherwise, or when it has no target.
 */
export function redInLastTwoPeriods(kpi: KpiTarget, figures: readonly KpiFigure[], asOf: IsoDate): [string, string] | null {
  const lastCounted = lastPeriodKnown(asOf);
  const known = figures.filter((f) => f.period <= lastCounted).sort((a, b) => a.period.localeCompare(b.period));
  const [earlier, latest] = known.slice(-2);
  if (!earlier || !latest) return null;
  return kpiRag(earlier.value, kpi) === 'red' && kpiRag(latest.value, kpi) === 'red' ? [earlier.period, latest.period] : null;
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (dayNumber(to) - dayNumber(from)) / 86_400_000;
}

// Read by hand: parsing a date string is the slow part when thousands of milestones are judged.
function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}
