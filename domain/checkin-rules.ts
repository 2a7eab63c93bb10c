import type { IsoDate } from './calendar-date.js';
import type { MilestoneStatus } from './milestone-status.js';

export interface CheckinFacts {
  status: MilestoneStatus;
  revisedDueDate: IsoDate | null;
  /** The due date in force before this update. */
  dueDate: IsoDate | null;
  today: IsoDate;
}

/**
 * A revised due date is required when the owner reports significant slippage, or when
 * the due date has passed and the milestone is not complete: the board needs to know
 * when it will now be done. Returns the message for the revised date field, if any.
 */
export function revisedDateProblem(facts: CheckinFacts): string | undefined {
  const overdue = facts.dueDate !== null && facts.dueDate < facts.today && facts.status !== 'COMPLETE';
  if (facts.revisedDueDate === null) {
    if (facts.status === 'SIGNIFICANT_SLIPPAGE') return 'Give a revised due date: significant slippage needs one.';
    if (overdue) return 'Give a revised due date: the due date has passed.';
    return undefined;
  }
  if (facts.revisedDueDate < facts.today && facts.status !== 'COMPLETE') return 'The revised due date is in the past; give a date from today on.';
  return undefined;
}

export function isOverdue(dueDate: IsoDate | null, status: MilestoneStatus, today: IsoDate): boolean {
  return dueDate !== null && dueDate < today && status !== 'COMPLETE';
}
