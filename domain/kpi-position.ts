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
  const known = figures.filter((f) => periodEnd(f.period) <= asOf).sort((a, b) => a.period.localeCompare(b.period));
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
