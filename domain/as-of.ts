import { addDays, londonDateOf, toStoredDate, type IsoDate } from './calendar-date.js';
import type { MilestoneStatus } from './milestone-status.js';

/**
 * The first instant after a day ends in England: everything recorded before it counts
 * "as of" that day. British Summer Time moves midnight an hour earlier in UTC.
 */
export function endOfLondonDay(date: IsoDate): Date {
  const next = addDays(date, 1);
  const utcMidnight = toStoredDate(next).getTime();
  const hourBefore = new Date(utcMidnight - 3_600_000);
  return londonDateOf(hourBefore) === next ? hourBefore : new Date(utcMidnight);
}

export interface UpdateFact {
  status: MilestoneStatus;
  recordedAt: Date;
  revisedDueDate: IsoDate | null;
}

export interface MilestoneFacts {
  initialStatus: MilestoneStatus;
  dueDate: IsoDate | null;
  /** In any order. */
  updates: readonly UpdateFact[];
}

export interface MilestonePosition {
  status: MilestoneStatus;
  /** The due date in force: the latest revision on or before the day, else the plan's. */
  dueDate: IsoDate | null;
  lastUpdate: UpdateFact | null;
}

/** Where a milestone stood at the end of a day, from its history alone. */
export function positionAsOf(facts: MilestoneFacts, asOf: IsoDate): MilestonePosition {
  const cutoff = endOfLondonDay(asOf).getTime();
  let last: UpdateFact | null = null;
  let lastRevision: UpdateFact | null = null;
  for (const update of facts.updates) {
    const at = update.recordedAt.getTime();
    if (at >= cutoff) continue;
    if (!last || at >= last.recordedAt.getTime()) last = update;
    if (update.revisedDueDate && (!lastRevision || at >= lastRevision.recordedAt.getTime())) lastRevision = update;
  }
  return {
    status: last?.status ?? facts.initialStatus,
    dueDate: lastRevision?.revisedDueDate ?? facts.dueDate,
    lastUpdate: last,
  };
}
