import {
  AlignmentType, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type FileChild,
} from 'docx';
import { bragColour } from '../../domain/milestone-status.js';
import type { BoardPackView, PriorityView } from './board-pack-view.js';
import { TABLE_TEXT_STYLE, kpiTable, milestoneTable, slippingTable, summaryTable } from './docx-tables.js';
import { CHART_SIZE, renderKpiCharts, type KpiChart } from './kpi-chart.js';
import {
  COLOUR_KEY, QUESTIONS, SLIPPING_SHOWN, formatDate, howAreWeDoing, kpiMonthsHeading, kpiMonthsRange, packSubtitle, packTitle, priorityHeading, shorten, summarySentences,
} from './pack-format.js';
import { flagWords } from '../../domain/slippage-notes.js';

const FONT = 'Arial';

/**
 * The board pack as a Word document, laid out as councils' improvement plan progress
 * reports are: the summary of progress against milestones, then each priority with its
 * milestone table, KPI table and trend chart, and the owners' answers to the three questions.
 */
export async function renderBoardPackDocx(view: BoardPackView): Promise<Buffer> {
  // The charts are drawn now and encoded as PNG off the main thread while the tables are built.
  const pendingCharts = Promise.all(view.priorities.map((p) => renderKpiCharts(view.kpiMonths, p.kpis)));
  const sections = view.priorities.map((p) => prioritySection(view, p));
  const charts = await pendingCharts;
  const children: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(packTitle(view))] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: packSubtitle(view), size: 24, color: '404040' })] }),
    heading1('Summary of progress against milestones'),
    ...summarySentences(view).map((s) => body(s)),
    summaryTable(view),
    spacer(),
    ...slippingSection(view),
    ...sections.flatMap((section, i) => [...section.head, ...chartsOf(view, view.priorities[i]!, charts[i]!), ...section.answers]),
    ...otherKpisSection(view),
  ];
  const doc = new Document({
    creator: 'Improvement Board',
    title: packTitle(view),
    description: `Board pack as of ${formatDate(view.asOf)}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20 }, paragraph: { spacing: { after: 100 } } },
        title: { run: { font: FONT, size: 40, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT_STYLE.id,
          name: TABLE_TEXT_STYLE.name,
          basedOn: 'Normal',
          run: { size: TABLE_TEXT_STYLE.size },
          paragraph: { spacing: { after: TABLE_TEXT_STYLE.spacingAfter } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 851, bottom: 851, left: 851, right: 851 },
          },
        },
        footers: { default: footer(view) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A priority's section, but for its charts: what comes before them, and the answers after. */
function prioritySection(view: BoardPackView, p: PriorityView): { head: FileChild[]; answers: FileChild[] } {
  const head: FileChild[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(priorityHeading(p))] })];
  if (p.aim) head.push(labelled('What we want to achieve: ', p.aim));
  head.push(labelled('How are we doing? ', howAreWeDoing(p)));
  if (p.milestones.length) head.push(heading2('Progress milestones'), milestoneTable(p.milestones), spacer());
  if (p.kpis.length) head.push(heading2(kpiMonthsHeading(view)), kpiTable(view, p.kpis), small(COLOUR_KEY));
  const answers: FileChild[] = [];
  for (const [key, question] of QUESTIONS) {
    answers.push(heading2(question));
    const given = p.answers[key];
    if (!given.length) answers.push(body('No answers recorded.', { italics: true }));
    for (const a of given) answers.push(labelled(`${a.ref}: `, a.text));
  }
  return { head, answers };
}

function chartsOf(view: BoardPackView, p: PriorityView, charts: KpiChart[]): Paragraph[] {
  return charts.flatMap((chart) => [chartCaption(view, chart, charts.length), chartParagraph(p, chart, charts.length)]);
}

/** Kept with its chart, so a chart pushed onto the next page is not left without a title. */
function chartCaption(view: BoardPackView, chart: KpiChart, count: number): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 200, after: 60 },
    children: [new TextRun({ text: `Trend, ${kpiMonthsRange(view)}${count > 1 ? ` (${chart.kpis.length} KPIs in ${chart.unit || 'figures'})` : ''}`, bold: true, size: 20, color: '1F3864' })],
  });
}

function chartParagraph(p: PriorityView, chart: KpiChart, count: number): Paragraph {
  const width = CHART_SIZE.shownWidth;
  return new Paragraph({
    keepLines: true,
    spacing: { after: 160 },
    children: [
      new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width, height: Math.round((width * CHART_SIZE.height) / CHART_SIZE.width) },
        altText: {
          name: `KPI trend, priority ${p.number}`,
          description: `Trend over the last twelve months${count > 1 ? ` (${chart.unit})` : ''}: ${chart.kpis.join('; ')}`,
          title: `KPI trend, priority ${p.number}`,
        },
      }),
    ],
  });
}

function slippingSection(view: BoardPackView): FileChild[] {
  if (!view.slipping.length) return [];
  const shown = view.slipping.slice(0, SLIPPING_SHOWN);
  const more = view.slipping.length - shown.length;
  return [
    heading1('What is slipping'),
    slippingTable(shown.map((m) => ({ ...m, text: shorten(m.text), brag: bragColour(m.status), why: m.notes.length ? m.notes.join('; ') : flagWords(m.flags) }))),
    ...(more > 0 ? [body(`And ${more} more.`, { italics: true })] : []),
    spacer(),
  ];
}

function otherKpisSection(view: BoardPackView): FileChild[] {
  if (!view.otherKpis.length) return [];
  return [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('Other KPIs')] }), kpiTable(view, view.otherKpis), small(COLOUR_KEY)];
}

function footer(view: BoardPackView): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ size: 16, color: '595959', children: [`${view.plan.name}, as of ${formatDate(view.asOf)}. Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

const heading1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
const heading2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const spacer = () => new Paragraph({ spacing: { after: 120 }, children: [] });
const small = (text: string) => new Paragraph({ spacing: { before: 80 }, children: [new TextRun({ text, size: 16, color: '404040' })] });

function body(text: string, opts: { italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, italics: opts.italics ?? false })] });
}

/** A bold lead-in ("1.1: ", "What we want to achieve: ") and its text; line breaks kept. */
function labelled(label: string, text: string): Paragraph {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return new Paragraph({
    spacing: { after: 120 },
    children: [new TextRun({ text: label, bold: true }), ...lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }))],
  });
}
