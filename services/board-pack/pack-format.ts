/**
 * Words and figures the Word and Markdown packs share, so both say the same thing the
 * same way: UK dates (`31 May 2019`), months (`Mar 2019`), figures as reports print them.
 */
import { formatLongDate, type IsoDate } from '../../domain/calendar-date.js';
import type { Direction, Polarity } from '../../domain/kpi-rag.js';
import type { StatusCounts } from '../../domain/plan-summary.js';
import type { BoardPackView, KpiRow, MilestoneRow, PriorityView } from './board-pack-view.js';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const formatDate = (date: IsoDate) => formatLongDate(date);

/** `Mar 2019` for `2019-03`. */
export function formatMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${SHORT_MONTHS[m - 1]} ${y}`;
}

/** Percentages to one decimal place (`80.0%`), as the reports print them; other figures as they are. */
export function formatFigure(value: number, unit: string): string {
  if (unit === '%') return `${value.toFixed(1)}%`;
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

export function formatTarget(kpi: KpiRow): string {
  if (kpi.target === null) return 'Monitor only';
  return kpi.unit === '%' ? `${kpi.target}%` : formatFigure(kpi.target, kpi.unit);
}

/** "129/228" under a percentage, when the figure came with its numerator and denominator. */
export function formatFraction(cell: { numerator: number | null; denominator: number | null }): string | null {
  if (cell.numerator === null || cell.denominator === null) return null;
  return `${formatFigure(cell.numerator, '')}/${formatFigure(cell.denominator, '')}`;
}

/**
 * The arrow shows which way the figure moved, the word whether that is better: a falling
 * re-referral rate is ▼ and improving. (Reports colour the arrow green or amber.)
 */
export function directionMark(direction: Direction | null, polarity: Polarity): { arrow: string; words: string } | null {
  if (direction === null) return null;
  if (direction === 'unchanged') return { arrow: '=', words: 'unchanged' };
  const up = (direction === 'improving') === (polarity === 'HIGHER_IS_BETTER');
  return { arrow: up ? '▲' : '▼', words: direction };
}

export const ragWord = (rag: string | null) => (rag ? rag[0]!.toUpperCase() + rag.slice(1) : '');

/** "4 on track, 2 slight slippage, 1 not yet due": only the statuses present. */
export function describeCounts(c: StatusCounts): string {
  const parts: [number, string][] = [
    [c.onTrack, 'on track'],
    [c.complete, 'complete'],
    [c.slightSlippage, 'slight slippage'],
    [c.significantSlippage, 'significant slippage'],
    [c.notYetDue, 'not yet due'],
  ];
  return parts.filter(([n]) => n > 0).map(([n, words]) => `${n} ${words}`).join(', ');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function packTitle(view: BoardPackView): string {
  return `${view.plan.name}: progress report`;
}

export function packSubtitle(view: BoardPackView): string {
  const source = view.plan.source ? `, following ${view.plan.source}` : '';
  return `${view.plan.organisation}${source}. Progress as of ${formatDate(view.asOf)}.`;
}

/** The summary's opening, as the May 2019 report words it. */
export function summarySentences(view: BoardPackView): string[] {
  const s = view.summary;
  const lines = [
    `There are ${plural(s.total, 'milestone')} across ${plural(view.priorities.length, 'priority', 'priorities')}. ` +
      `${s.onTrack + s.complete} of them are on track or complete (${s.percentOnTrack}%)${s.total ? `: ${describeCounts(s)}` : ''}.`,
  ];
  if (view.notYetDue.length) {
    const named = view.notYetDue.slice(0, 5).map((m) => `${m.ref}${m.start && m.start > view.asOf ? ` (starts ${formatDate(m.start)})` : ''}`);
    const more = view.notYetDue.length - named.length;
    lines.push(`Not yet due: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`);
  }
  return lines;
}

export function priorityHeading(p: PriorityView): string {
  return `Priority ${p.number}: ${p.title}`;
}

export function howAreWeDoing(p: PriorityView): string {
  const c = p.counts;
  if (c.total === 0) return 'This priority has no milestones yet.';
  return `There ${c.total === 1 ? 'is 1 milestone' : `are ${c.total} milestones`}; ${c.onTrack + c.complete} on track or complete (${c.percentOnTrack}%): ${describeCounts(c)}.`;
}

/** The "Key dates" cell: start, the due date in force (and the plan's, when it has moved), last update. */
export function keyDates(m: MilestoneRow): string[] {
  const lines: string[] = [];
  if (m.start) lines.push(`Start: ${formatDate(m.start)}`);
  if (m.due) lines.push(`Due: ${formatDate(m.due)}`);
  if (m.plannedDue) lines.push(`(planned: ${formatDate(m.plannedDue)})`);
  if (m.lastUpdate) lines.push(`Updated: ${formatDate(m.lastUpdate)}`);
  return lines;
}

/** `Apr 2018 to Mar 2019`. */
export function kpiMonthsRange(view: BoardPackView): string {
  return `${formatMonth(view.kpiMonths[0]!)} to ${formatMonth(view.kpiMonths.at(-1)!)}`;
}

export const kpiMonthsHeading = (view: BoardPackView) => `KPIs, ${kpiMonthsRange(view)}`;

export const COLOUR_KEY =
  'Colour key: each figure is Red, Amber or Green against its target (Amber: short of the target by no more than its tolerance, 15% unless set otherwise). ' +
  'Direction of travel compares the latest figure with the month before: ▲ up, ▼ down, green when that is better, amber when worse.';

export const QUESTIONS = [
  ['workingWell', "What's working well?"],
  ['worriedAbout', 'What are we worried about?'],
  ['needsToHappen', 'What needs to happen?'],
] as const;


/** A milestone's words cut at a word boundary: the slipping list names it, its priority's table has it in full. */
export function shorten(text: string, max = 110): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.]+$/, '')}…`;
}

/** The slipping milestones a pack lists by name; the rest are counted. */
export const SLIPPING_SHOWN = 20;

/** A plan's name made safe as a file name on Windows, Mac and in Teams (none of \ / : * ? " < > |). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 120) || 'plan';
}

/** `Children's Services Improvement Plan (demo) board pack 2019-05-31.docx`. */
export function boardPackFileName(planName: string, asOf: IsoDate, extension: 'docx' | 'md'): string {
  return `${safeFileName(planName)} board pack ${asOf}.${extension}`;
}
