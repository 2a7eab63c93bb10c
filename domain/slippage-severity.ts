import { slippageRank, type MilestoneStatus } from './milestone-status.js';
import type { Slippage } from './slippage.js';

export interface AssessedMilestone {
  status: MilestoneStatus;
  slippages: readonly Slippage[];
}

/**
 * Whether the board channel is alerted to it: contradicted, overdue, or worsened to
 * SIGNIFICANT SLIPPAGE (whatever it was before).
 */
export function isAlertWorthy(m: AssessedMilestone): boolean {
  return m.slippages.some((s) => s.flag === 'contradicted' || s.flag === 'overdue' || (s.flag === 'worsened' && s.to === 'SIGNIFICANT_SLIPPAGE'));
}

const daysOverdue = (m: AssessedMilestone) => m.slippages.reduce((n, s) => (s.flag === 'overdue' ? s.daysLate : n), 0);

function compareKeys(x: number[], y: number[]): number {
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/** The milestones with at least one flag, most severe first. */
export function slippingBySeverity<T extends AssessedMilestone>(milestones: readonly T[]): T[] {
  // Each key once, not once per comparison: a plan may have thousands of milestones.
  const keyed = milestones.filter((m) => m.slippages.length > 0).map((m) => ({ m, key: severityKey(m) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map(({ m }) => m);
}

/**
 * Most severe first, as numbers (smallest first):
 * 1. what the board is alerted to (`isAlertWorthy`) before everything else;
 * 2. then the worse status: SIGNIFICANT SLIPPAGE, SLIGHT SLIPPAGE, then the rest;
 * 3. then the longer overdue;
 * 4. then the more flags;
 * 5. a tie keeps the plan's order (the sort is stable).
 */
function severityKey(m: AssessedMilestone): number[] {
  return [-Number(isAlertWorthy(m)), -slippageRank(m.status), -daysOverdue(m), -m.slippages.length];
}
