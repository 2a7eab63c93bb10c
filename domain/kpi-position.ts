import { periodEnd, type IsoDate } from './calendar-date.js';
import { directionOfTravel, kpiRag, type Direction, type KpiTarget, type Rag } from './kpi-rag.js';

export interface KpiFigure {
  period: string;
  value: number;
}

export interface KpiPosition {
  period: string | null;
  value: number | null;
  previous: KpiFigure | null;
  rag: Rag | null;
  direction: Direction | null;
}

/**
 * The latest figure known at the end of a day (a month's figure counts from the month's
 * last day), its RAG against target, and its direction of travel from the figure before.
 */
export function kpiPositionAsOf(kpi: KpiTarget, figures: readonly KpiFigure[], asOf: IsoDate): KpiPosition {
  const lastCounted = lastPeriodKnown(asOf);
  const known = figures.filter((f) => f.period <= lastCounted).sort((a, b) => a.period.localeCompare(b.period));
  const latest = known.at(-1);
  if (!latest) return { period: null, value: null, previous: null, rag: null, direction: null };
  const previous = known.at(-2) ?? null;
  return {
    period: latest.period,
    value: latest.value,
    previous,
    rag: kpiRag(latest.value, kpi),
    direction: directionOfTravel(latest.value, previous?.value, kpi.polarity),
  };
}

/** The latest month whose figure counts at the end of a day: this month only on its last day. */
export function lastPeriodKnown(asOf: IsoDate): string {
  const month = asOf.slice(0, 7);
  return periodEnd(month) === asOf ? month : previousPeriod(month);
}

function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
