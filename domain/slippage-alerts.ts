/**
 * Which slippage alerts the board channel hears about. A milestone raises one alert when it
 * becomes overdue, worsens to SIGNIFICANT SLIPPAGE, or reports ON TRACK against the facts;
 * the same milestone and flag is not raised again until it has cleared and come back.
 */
export const ALERT_FLAGS = ['overdue', 'worsened', 'contradicted'] as const;
export type AlertFlag = (typeof ALERT_FLAGS)[number];

export interface FlaggedMilestone {
  id: string;
  status: string;
  flags: readonly string[];
}

export interface AlertKey {
  milestoneId: string;
  flag: AlertFlag;
}

/** The alert-worthy flags a milestone holds now. "worsened" counts only when it is now SIGNIFICANT SLIPPAGE. */
export function alertFlagsOf(m: FlaggedMilestone): AlertFlag[] {
  return ALERT_FLAGS.filter((flag) => m.flags.includes(flag) && (flag !== 'worsened' || m.status === 'SIGNIFICANT SLIPPAGE' || m.status === 'SIGNIFICANT_SLIPPAGE'));
}

/** Compares what holds now with the alerts still open: what to raise, and which open alerts have cleared. */
export function alertChanges(milestones: readonly FlaggedMilestone[], open: readonly AlertKey[]): { raise: AlertKey[]; clear: AlertKey[] } {
  const holding = milestones.flatMap((m) => alertFlagsOf(m).map((flag) => ({ milestoneId: m.id, flag })));
  const holdingKeys = new Set(holding.map(openKeyOf));
  const openKeys = new Set(open.map(openKeyOf));
  return {
    raise: holding.filter((h) => !openKeys.has(openKeyOf(h))),
    clear: open.filter((o) => !holdingKeys.has(openKeyOf(o))),
  };
}

/** What keeps two open alerts for one milestone and flag apart (unique while open). */
export function openKeyOf(k: AlertKey): string {
  return `${k.milestoneId}:${k.flag}`;
}
