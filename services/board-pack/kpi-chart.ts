import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import type { KpiRow } from './kpi-table.js';
import { formatMonth } from './pack-format.js';

/** Lines one chart carries before it stops being readable; a priority with more gets several charts. */
export const KPIS_PER_CHART = 8;

// Okabe–Ito colours (told apart by people with colour-blind sight), black swapped for grey.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#555555', '#8C564B'];

/**
 * Logical size, drawn at 1.5 times that: about 160 dpi where the Word pack shows it, 800 px
 * (21 cm) wide, short enough that a priority's chart and answers mostly share a page. (Twice
 * would be crisper still, but PNG encoding grows with the pixels: a 2,000-milestone pack's
 * 29 charts took 2.3 s of CPU at twice, 1.5 s at 1.5 times.)
 */
export const CHART_SIZE = { width: 900, height: 340, scale: 1.5, shownWidth: 800 };

export interface KpiChart {
  png: Buffer;
  /** The KPIs it draws, in legend order. */
  kpis: string[];
  unit: string;
}

let registered = false;

/**
 * Trend charts for a priority's KPIs over the pack's months: each KPI a line, its target a
 * dashed line of the same colour. KPIs measured in different units get separate charts
 * rather than a second axis, and KPIs with no figure in the months are left out; a priority
 * with nothing to draw gets no chart.
 */
export async function renderKpiCharts(months: readonly string[], kpis: readonly KpiRow[]): Promise<KpiChart[]> {
  if (!registered) {
    Chart.register(...registerables);
    Chart.defaults.font.family = 'Liberation Sans, Arial, DejaVu Sans, sans-serif';
    registered = true;
  }
  const drawable = kpis.filter((k) => k.figures.some((f) => f !== null));
  const byUnit = new Map<string, KpiRow[]>();
  for (const k of drawable) byUnit.set(k.unit, [...(byUnit.get(k.unit) ?? []), k]);
  const groups = [...byUnit.entries()].flatMap(([unit, rows]) => chunk(rows, KPIS_PER_CHART).map((part) => ({ unit, rows: part })));
  // Drawing is synchronous; PNG encoding runs off the main thread, so the next chart is
  // drawn while the previous one encodes.
  return Promise.all(groups.map(({ unit, rows }) => drawChart(months, rows, unit)));
}

function drawChart(months: readonly string[], rows: readonly KpiRow[], unit: string): Promise<KpiChart> {
  const canvas = createCanvas(CHART_SIZE.width, CHART_SIZE.height);
  const config: ChartConfiguration<'line', (number | null)[], string> = {
    type: 'line',
    data: {
      labels: months.map(formatMonth),
      datasets: rows.flatMap((k, i) => {
        const colour = COLOURS[i % COLOURS.length]!;
        const line = { label: k.name, data: k.figures.map((f) => f?.value ?? null), borderColor: colour, backgroundColor: colour, borderWidth: 2, pointRadius: 2.5, tension: 0 };
        if (k.target === null) return [line];
        const target = k.target;
        return [line, { label: `${k.name} (target)`, data: months.map(() => target), borderColor: colour, backgroundColor: colour, borderWidth: 1.25, borderDash: [6, 4], pointRadius: 0 }];
      }),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: CHART_SIZE.scale,
      layout: { padding: 8 },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 14, font: { size: 12 }, filter: (item) => !item.text.endsWith(' (target)') } },
        subtitle: { display: rows.some((k) => k.target !== null), text: 'Dashed lines: targets', align: 'end', font: { size: 11 }, color: '#555555' },
      },
      scales: {
        x: { ticks: { font: { size: 12 } }, grid: { color: '#E5E5E5' } },
        y: { title: { display: true, text: unitTitle(unit), font: { size: 12 } }, ticks: { font: { size: 12 } }, grid: { color: '#E5E5E5' } },
      },
    },
  };
  const background = { id: 'white-background', beforeDraw: (chart: Chart) => paintWhite(chart) };
  // chart.js takes a canvas-like object; @napi-rs/canvas matches it but not the DOM type.
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, { ...config, plugins: [background] } as ChartConfiguration);
  return canvas.encode('png').then((png) => {
    chart.destroy();
    return { png, kpis: rows.map((k) => k.name), unit };
  });
}

// A transparent PNG shows black in some viewers (and in Word's dark mode).
function paintWhite(chart: Chart): void {
  const ctx = chart.ctx;
  ctx.save();
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, chart.width, chart.height);
  ctx.restore();
}

function unitTitle(unit: string): string {
  if (unit === '%') return 'Per cent';
  return unit || 'Figure';
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
