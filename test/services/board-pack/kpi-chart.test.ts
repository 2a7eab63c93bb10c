import { describe, expect, it } from 'vitest';
import { KPIS_PER_CHART, renderKpiCharts } from '../../../services/board-pack/kpi-chart.js';
import type { KpiRow } from '../../../services/board-pack/kpi-table.js';

const MONTHS = ['2018-04', '2018-05', '2018-06', '2018-07', '2018-08', '2018-09', '2018-10', '2018-11', '2018-12', '2019-01', '2019-02', '2019-03'];

function kpi(name: string, overrides: Partial<KpiRow> = {}): KpiRow {
  return {
    name,
    unit: '%',
    polarity: 'HIGHER_IS_BETTER',
    target: 70,
    tolerance: 0.15,
    benchmark: null,
    figures: MONTHS.map((_, i) => ({ value: 60 + i, numerator: null, denominator: null, rag: 'amber' })),
    latest: null,
    ...overrides,
  };
}

const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('KPI trend charts', () => {
  it('draws a priority’s KPIs on one chart: a PNG at 1.5 times its logical size, white where nothing is drawn', async () => {
    const charts = await renderKpiCharts(MONTHS, [kpi('A'), kpi('B', { target: null })]);
    expect(charts).toHaveLength(1);
    expect(charts[0]!.kpis).toEqual(['A', 'B']);
    expect(size(charts[0]!.png)).toEqual([1350, 510]);
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const image = await loadImage(charts[0]!.png);
    const ctx = createCanvas(image.width, image.height).getContext('2d');
    ctx.drawImage(image, 0, 0);
    expect([...ctx.getImageData(2, 2, 1, 1).data]).toEqual([255, 255, 255, 255]);
  });

  it('leaves out KPIs with no figure in the months, and draws nothing when none has one', async () => {
    const empty = kpi('No figures', { figures: MONTHS.map(() => null) });
    expect(await renderKpiCharts(MONTHS, [empty])).toEqual([]);
    expect(await renderKpiCharts(MONTHS, [])).toEqual([]);
    expect((await renderKpiCharts(MONTHS, [empty, kpi('A')]))[0]!.kpis).toEqual(['A']);
  });

  it('gives each unit its own chart, and splits a crowded priority so each chart stays readable', async () => {
    const rates = Array.from({ length: KPIS_PER_CHART + 2 }, (_, i) => kpi(`Rate ${i + 1}`));
    const charts = await renderKpiCharts(MONTHS, [...rates, kpi('Per 10,000', { unit: 'per 10,000' })]);
    expect(charts.map((c) => [c.unit, c.kpis.length])).toEqual([['%', KPIS_PER_CHART], ['%', 2], ['per 10,000', 1]]);
  });
});
