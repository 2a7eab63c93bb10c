import type { IsoDate } from '../../domain/calendar-date.js';
import { lastPeriodKnown } from '../../domain/kpi-position.js';
import { kpiRag, type Direction, type Polarity, type Rag } from '../../domain/kpi-rag.js';
import type { PlanStatus } from '../status/plan-status.js';
import type { Db } from '../store/database.js';

/** Months a board pack's KPI tables and charts cover. */
export const KPI_MONTHS = 12;

export interface KpiDefinition {
  id: string;
  name: string;
  priority: number | null;
  unit: string;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  monitorOnly: boolean;
  benchmark: number | null;
  benchmarkLabel: string;
}

export interface KpiCell {
  value: number;
  numerator: number | null;
  denominator: number | null;
  /** Against target; null for monitor-only KPIs. */
  rag: Rag | null;
}

export interface KpiRow {
  name: string;
  unit: string;
  polarity: Polarity;
  /** Null: monitor only. */
  target: number | null;
  tolerance: number;
  benchmark: { value: number; label: string } | null;
  /** One per month of the pack's KPI months; null where there is no figure. */
  figures: (KpiCell | null)[];
  /** The latest figure known on the day (it may be older than the months shown). */
  latest: { period: string; value: number; rag: Rag | null; direction: Direction | null } | null;
}

export interface KpiWindow {
  months: string[];
  figures: { kpiId: string; period: string; value: number; numerator: number | null; denominator: number | null }[];
}

/**
 * The twelve months the tables show and the figures in them. They end at the latest month
 * with any figure known on the day, not at the day itself: figures arrive a month or two
 * late, and a table of empty recent columns tells the board nothing (the May 2019 report
 * shows April 2018 to March 2019). Two queries.
 */
export async function kpiWindow(db: Db, planId: string, asOf: IsoDate): Promise<KpiWindow> {
  const known = lastPeriodKnown(asOf);
  const latest = await db.kpiValue.aggregate({ where: { kpi: { planId }, period: { lte: known } }, _max: { period: true } });
  const last = latest._max.period ?? known;
  const months = Array.from({ length: KPI_MONTHS }, (_, i) => shiftPeriod(last, i - KPI_MONTHS + 1));
  const figures = await db.kpiValue.findMany({
    where: { kpi: { planId }, period: { gte: months[0]!, lte: last } },
    select: { kpiId: true, period: true, value: true, numerator: true, denominator: true },
  });
  return { months, figures };
}

/** Each KPI's row: its figures month by month with their RAG, and its latest position from the plan's status. */
export function buildKpiRows(kpis: readonly KpiDefinition[], window: KpiWindow, positions: PlanStatus['kpis']): { priority: number | null; row: KpiRow }[] {
  const column = new Map(window.months.map((m, i) => [m, i]));
  const figures = new Map<string, (KpiCell | null)[]>(kpis.map((k) => [k.id, window.months.map(() => null)]));
  const byId = new Map(kpis.map((k) => [k.id, k]));
  for (const f of window.figures) {
    const kpi = byId.get(f.kpiId);
    const index = column.get(f.period);
    if (!kpi || index === undefined) continue;
    figures.get(f.kpiId)![index] = { value: f.value, numerator: f.numerator, denominator: f.denominator, rag: kpiRag(f.value, kpi) };
  }
  const positionOf = new Map(positions.map((p) => [p.name, p]));
  return kpis.map((k) => {
    const p = positionOf.get(k.name);
    return {
      priority: k.priority,
      row: {
        name: k.name,
        unit: k.unit,
        polarity: k.polarity,
        target: k.monitorOnly ? null : k.target,
        tolerance: k.tolerance,
        benchmark: k.benchmark === null ? null : { value: k.benchmark, label: k.benchmarkLabel },
        figures: figures.get(k.id)!,
        latest: p?.period && p.value !== null ? { period: p.period, value: p.value, rag: p.rag, direction: p.direction } : null,
      },
    };
  });
}

/** `2019-03` moved by a number of months (negative: back). */
export function shiftPeriod(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
