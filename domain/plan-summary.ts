import type { MilestoneStatus } from './milestone-status.js';

export interface StatusCounts {
  total: number;
  onTrack: number;
  slightSlippage: number;
  significantSlippage: number;
  complete: number;
  notYetDue: number;
  /** (ON TRACK + COMPLETE) / all milestones, as a percentage to one decimal place. */
  percentOnTrack: number;
}

const FIELD: Record<MilestoneStatus, keyof Omit<StatusCounts, 'total' | 'percentOnTrack'>> = {
  ON_TRACK: 'onTrack',
  SLIGHT_SLIPPAGE: 'slightSlippage',
  SIGNIFICANT_SLIPPAGE: 'significantSlippage',
  COMPLETE: 'complete',
  NOT_YET_DUE: 'notYetDue',
};

export function summarise(statuses: readonly MilestoneStatus[]): StatusCounts {
  const counts = { total: statuses.length, onTrack: 0, slightSlippage: 0, significantSlippage: 0, complete: 0, notYetDue: 0 };
  for (const status of statuses) counts[FIELD[status]] += 1;
  return { ...counts, percentOnTrack: percentOf(counts.onTrack + counts.complete, counts.total) };
}

/** A percentage to one decimal place; 0 when there is nothing to count. */
export function percentOf(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.round((part / whole) * 1000) / 10;
}
