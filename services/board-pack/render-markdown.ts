import { bragColour, statusLabel, type MilestoneStatus } from '../../domain/milestone-status.js';
import type { StatusCounts } from '../../domain/plan-summary.js';
import type { BoardPackView, KpiRow, PriorityView } from './board-pack-view.js';
import {
  COLOUR_KEY, QUESTIONS, SLIPPING_SHOWN, directionMark, formatFigure, formatFraction, formatMonth, formatTarget, howAreWeDoing, keyDates,
  kpiMonthsHeading, packSubtitle, packTitle, priorityHeading, ragWord, shorten, summarySentences,
} from './pack-format.js';
import { flagWords } from '../../domain/slippage-notes.js';

/** The board pack as Markdown: the same sections as the Word pack, without colours or charts. */
export function renderBoardPackMarkdown(view: BoardPackView): string {
  const out: string[] = [`# ${packTitle(view)}`, '', packSubtitle(view), '', '## Summary of progress against milestones', '', ...summarySentences(view), ''];
  const counts = (label: string, c: StatusCounts) => [label, c.total, c.onTrack, c.complete, c.slightSlippage, c.significantSlippage, c.notYetDue, `${c.percentOnTrack}%`].map(String);
  out.push(
    ...table(
      ['Priority', 'Milestones', ...SUMMARY_STATUSES.map((st) => `${statusLabel(st)} (${bragColour(st)})`), 'On track or complete'],
      [...view.priorities.map((p) => counts(`${p.number}. ${p.title}`, p.counts)), counts('**All priorities**', view.summary)],
    ),
    '',
  );
  if (view.slipping.length) out.push(...slippingSection(view), '');
  for (const p of view.priorities) out.push(...prioritySection(view, p));
  if (view.otherKpis.length) out.push('## Other KPIs', '', ...kpiTable(view, view.otherKpis), '', COLOUR_KEY, '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

const SUMMARY_STATUSES: MilestoneStatus[] = ['ON_TRACK', 'COMPLETE', 'SLIGHT_SLIPPAGE', 'SIGNIFICANT_SLIPPAGE', 'NOT_YET_DUE'];

function slippingSection(view: BoardPackView): string[] {
  const shown = view.slipping.slice(0, SLIPPING_SHOWN);
  const more = view.slipping.length - shown.length;
  return [
    '## What is slipping',
    '',
    ...table(['Ref', 'Milestone', 'Owner', 'Status', 'Why'], shown.map((m) => [m.ref, shorten(m.text), m.owner ?? 'no owner', statusLabel(m.status), m.notes.length ? m.notes.join('; ') : flagWords(m.flags)])),
    ...(more > 0 ? ['', `And ${more} more.`] : []),
  ];
}

function prioritySection(view: BoardPackView, p: PriorityView): string[] {
  const out = [`## ${priorityHeading(p)}`, ''];
  if (p.aim) out.push(`**What we want to achieve:** ${oneLine(p.aim)}`, '');
  out.push(`**How are we doing?** ${howAreWeDoing(p)}`, '');
  if (p.milestones.length) {
    out.push(
      ...table(
        ['Ref', 'Progress milestone', 'Impact / evidence', 'Quality assurance and monitoring', 'Key dates', 'Status'],
        p.milestones.map((m) => [m.ref, m.text, m.impactEvidence, m.monitoring, keyDates(m).join('<br>'), `${statusLabel(m.status)} (${m.brag})`]),
      ),
      '',
    );
  }
  if (p.kpis.length) out.push(`### ${kpiMonthsHeading(view)}`, '', ...kpiTable(view, p.kpis), '', COLOUR_KEY, '');
  for (const [key, question] of QUESTIONS) {
    const answers = p.answers[key];
    out.push(`### ${question}`, '', ...(answers.length ? answers.map((a) => `- **${a.ref}:** ${oneLine(a.text)}`) : ['No answers recorded.']), '');
  }
  return out;
}

function kpiTable(view: BoardPackView, kpis: readonly KpiRow[]): string[] {
  const latestMonth = view.kpiMonths.at(-1);
  return table(
    ['KPI', ...view.kpiMonths.map(formatMonth), 'Target', 'RAG', 'Direction'],
    kpis.map((k) => {
      const mark = k.latest ? directionMark(k.latest.direction, k.polarity) : null;
      const stale = k.latest && k.latest.period !== latestMonth ? ` (${formatMonth(k.latest.period)}: ${formatFigure(k.latest.value, k.unit)})` : '';
      return [
        k.name,
        ...k.figures.map((f) => (f ? [formatFigure(f.value, k.unit), formatFraction(f)].filter(Boolean).join('<br>') : '')),
        formatTarget(k),
        `${ragWord(k.latest?.rag ?? null)}${stale}`,
        mark ? `${mark.arrow} ${mark.words}` : '',
      ];
    }),
  );
}

function table(headers: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)];
}

/** A table cell on one line: pipes escaped, line breaks as <br> (which GitHub and Teams render). */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n+/g, '<br>').trim();
}

const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ').trim();
