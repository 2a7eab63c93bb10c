/** The five statuses an improvement plan reports, in the words boards use. */
export const MILESTONE_STATUSES = ['ON_TRACK', 'SLIGHT_SLIPPAGE', 'SIGNIFICANT_SLIPPAGE', 'NOT_YET_DUE', 'COMPLETE'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export type Brag = 'Blue' | 'Red' | 'Amber' | 'Green' | 'Grey';

const LABELS: Record<MilestoneStatus, string> = {
  ON_TRACK: 'ON TRACK',
  SLIGHT_SLIPPAGE: 'SLIGHT SLIPPAGE',
  SIGNIFICANT_SLIPPAGE: 'SIGNIFICANT SLIPPAGE',
  NOT_YET_DUE: 'NOT YET DUE',
  COMPLETE: 'COMPLETE',
};

const BRAG: Record<MilestoneStatus, Brag> = {
  ON_TRACK: 'Green',
  SLIGHT_SLIPPAGE: 'Amber',
  SIGNIFICANT_SLIPPAGE: 'Red',
  NOT_YET_DUE: 'Grey',
  COMPLETE: 'Blue',
};

export function statusLabel(status: MilestoneStatus): string {
  return LABELS[status];
}

export function bragColour(status: MilestoneStatus): Brag {
  return BRAG[status];
}

const BY_WORDS = new Map<string, MilestoneStatus>([
  ...MILESTONE_STATUSES.map((s) => [LABELS[s].toLowerCase(), s] as const),
  ...MILESTONE_STATUSES.map((s) => [BRAG[s].toLowerCase(), s] as const),
  ['gray', 'NOT_YET_DUE'],
  ['completed', 'COMPLETE'],
]);

/**
 * Reads a status as people write it: any case, underscores or spaces, or a BRAG colour
 * name ("Amber"). Returns undefined for anything else.
 */
export function parseStatus(text: string): MilestoneStatus | undefined {
  const key = text.trim().toLowerCase().replace(/[_\s]+/g, ' ');
  return BY_WORDS.get(key);
}

export const STATUS_WORDS_HELP = 'ON TRACK, SLIGHT SLIPPAGE, SIGNIFICANT SLIPPAGE, NOT YET DUE, COMPLETE (or Green, Amber, Red, Grey, Blue)';

/** How bad a status is, for "has it got worse?" (NOT YET DUE and COMPLETE are not slippage). */
export function slippageRank(status: MilestoneStatus): number {
  return status === 'SIGNIFICANT_SLIPPAGE' ? 2 : status === 'SLIGHT_SLIPPAGE' ? 1 : 0;
}
