export type Polarity = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
export type Rag = 'green' | 'amber' | 'red';
export type Direction = 'improving' | 'worsening' | 'unchanged';

export const DEFAULT_TOLERANCE = 0.15;

export interface KpiTarget {
  polarity: Polarity;
  target: number | null;
  /** Relative to the target: 0.15 means amber within 15% of it. */
  tolerance: number;
  monitorOnly: boolean;
}

// Figures arrive as decimals such as 32.4; compare with a little slack so 0.1 + 0.2 meets 0.3.
const EPSILON = 1e-9;

/**
 * Green when the target is met, amber when short of it by no more than the tolerance
 * (relative to the target), red otherwise; null when there is nothing to judge against.
 */
export function kpiRag(value: number, kpi: KpiTarget): Rag | null {
  if (kpi.monitorOnly || kpi.target === null) return null;
  const { target, tolerance } = kpi;
  const slack = Math.abs(target) * tolerance;
  if (kpi.polarity === 'HIGHER_IS_BETTER') {
    if (value >= target - EPSILON) return 'green';
    return value >= target - slack - EPSILON ? 'amber' : 'red';
  }
  if (value <= target + EPSILON) return 'green';
  return value <= target + slack + EPSILON ? 'amber' : 'red';
}

/** Direction of travel from the previous period's figure; null without one. */
export function directionOfTravel(value: number, previous: number | null | undefined, polarity: Polarity): Direction | null {
  if (previous === null || previous === undefined) return null;
  if (Math.abs(value - previous) < EPSILON) return 'unchanged';
  const better = polarity === 'HIGHER_IS_BETTER' ? value > previous : value < previous;
  return better ? 'improving' : 'worsening';
}
