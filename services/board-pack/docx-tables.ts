/**
 * The pack's Word tables: header rows that repeat on every page, BRAG-shaded status cells,
 * RAG-shaded KPI figures. Widths are in twips (1 cm = 567) on a landscape A4 page.
 */
import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { Rag } from '../../domain/kpi-rag.js';
import { bragColour, statusLabel, type Brag, type MilestoneStatus } from '../../domain/milestone-status.js';
import type { StatusCounts } from '../../domain/plan-summary.js';
import type { BoardPackView, KpiRow, MilestoneRow } from './board-pack-view.js';
import { directionMark, formatFigure, formatFraction, formatMonth, formatTarget, keyDates, ragWord } from './pack-format.js';

/** Landscape A4 less 1.5 cm margins. */
export const CONTENT_WIDTH = 15136;

/** Fills councils use for BRAG, with text that stays legible on them. */
const BRAG_FILL: Record<Brag, { fill: string; text: string }> = {
  Blue: { fill: '00B0F0', text: '000000' },
  Red: { fill: 'C00000', text: 'FFFFFF' },
  Amber: { fill: 'FFC000', text: '000000' },
  Green: { fill: '92D050', text: '000000' },
  Grey: { fill: 'BFBFBF', text: '000000' },
};

/** Lighter fills for figures, so a table of twelve months stays readable. */
const RAG_FILL: Record<Rag, { fill: string; text: string }> = {
  green: { fill: 'C6EFCE', text: '006100' },
  amber: { fill: 'FFEB9C', text: '7F4F00' },
  red: { fill: 'FFC7CE', text: '9C0006' },
};

const HEADER = { fill: '1F3864', text: 'FFFFFF' };

interface CellText {
  lines: string[];
  size?: number;
  bold?: boolean;
  colour?: { fill: string; text: string } | undefined;
  align?: 'left' | 'center';
  /** A second, smaller line (a KPI's numerator/denominator). */
  note?: string | null;
}

/** The paragraph style of table text (9 pt, tight spacing), so each cell's runs carry only what differs. */
export const TABLE_TEXT_STYLE = { id: 'TableText', name: 'Table text', size: 18, spacingAfter: 40 };

function cell(width: number, t: CellText): TableCell {
  const size = t.size ?? TABLE_TEXT_STYLE.size;
  // Only what differs from the style: a 2,000-milestone pack has 100,000 runs, and every
  // property is an XML element docx builds as objects first.
  const run = (text: string, runSize: number, colour: string | undefined) =>
    new TextRun({ text, ...(runSize !== TABLE_TEXT_STYLE.size ? { size: runSize } : {}), ...(t.bold ? { bold: true } : {}), ...(colour ? { color: colour } : {}) });
  const alignment = t.align === 'center' ? { alignment: AlignmentType.CENTER } : {};
  const paragraphs = (t.lines.length ? t.lines : ['']).map((line) => new Paragraph({ style: TABLE_TEXT_STYLE.id, ...alignment, children: [run(line, size, t.colour?.text)] }));
  if (t.note) paragraphs.push(new Paragraph({ style: TABLE_TEXT_STYLE.id, ...alignment, children: [new TextRun({ text: t.note, size: size - 3, color: t.colour?.text ?? '404040' })] }));
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: paragraphs,
    ...(t.colour ? { shading: { fill: t.colour.fill, type: ShadingType.CLEAR, color: 'auto' } } : {}),
  });
}

/** Column headings, repeated at the top of every page the table runs onto; figures' headings centred over them. */
function headerRow(headers: readonly string[], widths: readonly number[], opts: { size?: number; centreFrom?: number } = {}): TableRow {
  const centreFrom = opts.centreFrom ?? headers.length;
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h, i) => cell(widths[i]!, { lines: [h], bold: true, size: opts.size ?? 18, colour: HEADER, align: i >= centreFrom ? 'center' : 'left' })),
  });
}

function table(widths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 70, right: 70 },
    rows,
  });
}

const paragraphsOf = (text: string) => text.split(/\r?\n+/).map((l) => l.trim()).filter(Boolean);

function bragCell(width: number, status: MilestoneStatus, brag: Brag, size = 18): TableCell {
  return cell(width, { lines: [statusLabel(status)], bold: true, size, colour: BRAG_FILL[brag], align: 'center' });
}

const MILESTONE_WIDTHS = [740, 4400, 3600, 3050, 1950, 1396];

export function milestoneTable(milestones: readonly MilestoneRow[]): Table {
  const w = MILESTONE_WIDTHS;
  return table(w, [
    headerRow(['Ref', 'Progress milestone', 'Impact / evidence', 'Quality assurance and monitoring', 'Key dates', 'Status (BRAG)'], w),
    ...milestones.map(
      (m) =>
        new TableRow({
          children: [
            cell(w[0]!, { lines: [m.ref], bold: true }),
            cell(w[1]!, { lines: paragraphsOf(m.text) }),
            cell(w[2]!, { lines: paragraphsOf(m.impactEvidence) }),
            cell(w[3]!, { lines: paragraphsOf(m.monitoring) }),
            cell(w[4]!, { lines: keyDates(m), size: 16 }),
            bragCell(w[5]!, m.status, m.brag),
          ],
        }),
    ),
  ]);
}

const KPI_NAME_WIDTH = 3700;
const KPI_TAIL_WIDTHS = [1050, 900, 1150];

export function kpiTable(view: BoardPackView, kpis: readonly KpiRow[]): Table {
  const monthWidth = Math.floor((CONTENT_WIDTH - KPI_NAME_WIDTH - KPI_TAIL_WIDTHS.reduce((a, b) => a + b, 0)) / view.kpiMonths.length);
  const widths = [KPI_NAME_WIDTH, ...view.kpiMonths.map(() => monthWidth), ...KPI_TAIL_WIDTHS];
  const latestMonth = view.kpiMonths.at(-1);
  const size = 15;
  return table(widths, [
    headerRow(['KPI', ...view.kpiMonths.map(formatMonth), 'Target', 'RAG', 'Direction of travel'], widths, { size, centreFrom: 1 }),
    ...kpis.map((k) => {
      const mark = k.latest ? directionMark(k.latest.direction, k.polarity) : null;
      const stale = k.latest && k.latest.period !== latestMonth ? `${formatMonth(k.latest.period)}: ${formatFigure(k.latest.value, k.unit)}` : null;
      const benchmark = k.benchmark ? `Benchmark ${formatFigure(k.benchmark.value, k.unit)}${k.benchmark.label ? ` (${k.benchmark.label})` : ''}` : null;
      return new TableRow({
        cantSplit: true,
        children: [
          cell(widths[0]!, { lines: [k.name], size: 16, bold: true, note: benchmark }),
          ...k.figures.map((f, i) =>
            cell(widths[i + 1]!, f ? { lines: [formatFigure(f.value, k.unit)], size, align: 'center', colour: f.rag ? RAG_FILL[f.rag] : undefined, note: formatFraction(f) } : { lines: ['–'], size, align: 'center' }),
          ),
          cell(KPI_TAIL_WIDTHS[0]!, { lines: [formatTarget(k)], size, align: 'center' }),
          cell(KPI_TAIL_WIDTHS[1]!, { lines: [ragWord(k.latest?.rag ?? null) || '–'], size, bold: true, align: 'center', colour: k.latest?.rag ? RAG_FILL[k.latest.rag] : undefined, note: stale }),
          cell(KPI_TAIL_WIDTHS[2]!, {
            lines: mark ? [`${mark.arrow} ${mark.words}`] : ['–'],
            size,
            align: 'center',
            colour: mark && mark.words !== 'unchanged' ? RAG_FILL[mark.words === 'improving' ? 'green' : 'amber'] : undefined,
          }),
        ],
      });
    }),
  ]);
}

/**
 * The summary of progress: milestones by status for each priority and in all, each
 * status's column headed in its BRAG colour (one table, so the summary fits its page).
 */
export function summaryTable(view: BoardPackView): Table {
  const statuses: [MilestoneStatus, keyof StatusCounts][] = [
    ['ON_TRACK', 'onTrack'], ['COMPLETE', 'complete'], ['SLIGHT_SLIPPAGE', 'slightSlippage'], ['SIGNIFICANT_SLIPPAGE', 'significantSlippage'], ['NOT_YET_DUE', 'notYetDue'],
  ];
  const w = [5336, 1400, 1400, 1400, 1400, 1400, 1400, 1400];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell(w[0]!, { lines: ['Priority'], bold: true, colour: HEADER }),
      cell(w[1]!, { lines: ['Milestones'], bold: true, colour: HEADER, align: 'center' }),
      ...statuses.map(([status], i) => bragCell(w[i + 2]!, status, bragColour(status))),
      cell(w[7]!, { lines: ['On track or complete'], bold: true, colour: HEADER, align: 'center' }),
    ],
  });
  const row = (label: string, c: StatusCounts, bold: boolean) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(w[0]!, { lines: [label], bold }),
        cell(w[1]!, { lines: [String(c.total)], bold, align: 'center' }),
        ...statuses.map(([, key], i) => cell(w[i + 2]!, { lines: [String(c[key])], bold, align: 'center' })),
        cell(w[7]!, { lines: [`${c.percentOnTrack}%`], bold: true, align: 'center' }),
      ],
    });
  return table(w, [header, ...view.priorities.map((p) => row(`${p.number}. ${p.title}`, p.counts, false)), row('All priorities', view.summary, true)]);
}

export function slippingTable(rows: readonly { ref: string; text: string; owner: string | null; status: MilestoneStatus; why: string; brag: Brag }[]): Table {
  const w = [740, 5000, 3500, 1800, 4096];
  return table(w, [
    headerRow(['Ref', 'Milestone', 'Owner', 'Status', 'Why it is flagged'], w),
    ...rows.map(
      (m) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(w[0]!, { lines: [m.ref], bold: true }),
            cell(w[1]!, { lines: paragraphsOf(m.text) }),
            cell(w[2]!, { lines: [m.owner ?? 'no owner'] }),
            bragCell(w[3]!, m.status, m.brag),
            cell(w[4]!, { lines: [m.why] }),
          ],
        }),
    ),
  ]);
}
