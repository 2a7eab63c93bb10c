import { formatLongDate } from '../domain/calendar-date.js';
import type { HistoryLine } from '../services/milestones/milestone-history.js';

/** A milestone's updates as chat text, newest first (the `history` command and a digest's Open button). */
export function historyText(lines: HistoryLine[]): string[] {
  return lines.map((l) => {
    const said = [l.workingWell && `Working well: ${l.workingWell}`, l.worriedAbout && `Worried about: ${l.worriedAbout}`, l.needsToHappen && `Needs to happen: ${l.needsToHappen}`].filter(Boolean);
    const revised = l.revisedDueDate ? ` (revised due date ${formatLongDate(l.revisedDueDate)})` : '';
    return [`**${formatLongDate(l.date)}: ${l.status}**${revised}, by ${l.by ?? 'unknown'} (${l.source})`, ...said].join('\n\n');
  });
}
