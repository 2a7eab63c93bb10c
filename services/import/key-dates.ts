import { parseDateText, type IsoDate } from '../../domain/calendar-date.js';
import { MILESTONE_STATUSES, parseStatus, statusLabel, type MilestoneStatus } from '../../domain/milestone-status.js';

/**
 * Reports like the May 2019 progress report put dates and status in one cell:
 * "Commenced: January 2019 (Quarterly updates: Mar-19, June-19) ON TRACK".
 */
export function parseKeyDates(cell: string): { start: IsoDate | null; due: IsoDate | null; status: MilestoneStatus | null } {
  const text = cell.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const month = String.raw`([A-Za-z]+\.?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})`;
  const start = new RegExp(String.raw`(?:commenced|commencing|commences|start(?:s|ed|ing)?|launch(?:ed)?(?: date)?)\s*:?\s*${month}`, 'i').exec(text);
  const due = new RegExp(String.raw`(?:due|deadline|completion(?: date)?|complete by|end(?:s)?)\s*:?\s*${month}`, 'i').exec(text);
  return {
    start: start ? (parseDateText(start[1]!) ?? null) : null,
    due: due ? (parseDateText(due[1]!) ?? null) : null,
    status: findStatus(text),
  };
}

function findStatus(text: string): MilestoneStatus | null {
  const upper = text.toUpperCase();
  // Longest phrases first, so "SIGNIFICANT SLIPPAGE" is not read as something shorter.
  const labels = MILESTONE_STATUSES.map(statusLabel).sort((a, b) => b.length - a.length);
  const found = labels.find((label) => upper.includes(label));
  return found ? (parseStatus(found) ?? null) : null;
}
