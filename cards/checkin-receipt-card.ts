/**
 * What replaces the check-in card once the owner has answered: a read-only record of the
 * update, with no inputs or buttons.
 */
import { formatLongDate } from '../domain/calendar-date.js';
import { statusLabel } from '../domain/milestone-status.js';
import { adaptiveCard, heading, markdownLink, shorten, statusColour, textBlock, type AdaptiveCardJson, type CardElement } from './card-kit.js';
import { CHECKIN_QUESTIONS } from './checkin-card.js';
import type { Receipt } from '../services/checkins/record-checkin.js';

/** The stored update as services report it, with its time already written out ('14:02, 3 June 2019'). */
export type CheckinReceiptView = Omit<Receipt, 'recordedAt' | 'duplicate'> & { recordedAt: string; duplicate?: boolean };

export const DUPLICATE_UPDATE_TEXT = 'This update was already recorded; it was not stored twice.';

const TITLE_SHOWN = 1000;

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** `14:02, 3 June 2019`: the time and day in England at an instant. */
export function formatRecordedAt(date: Date): string {
  const parts: Record<string, string> = {};
  for (const part of londonTime.formatToParts(date)) parts[part.type] = part.value;
  return `${parts.hour}:${parts.minute}, ${parts.day} ${parts.month} ${parts.year}`;
}

export function renderCheckinReceiptCard(view: CheckinReceiptView): AdaptiveCardJson {
  const body: CardElement[] = [heading(`Update for ${view.ref} recorded ${view.recordedAt}`, 'Medium')];
  if (view.duplicate) body.push(textBlock(DUPLICATE_UPDATE_TEXT, { color: 'Warning', spacing: 'Small' }));
  body.push(textBlock(shorten(view.title, TITLE_SHOWN), { spacing: 'Small' }));
  body.push({
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 'auto', items: [textBlock('Status:')] },
      { type: 'Column', width: 'stretch', items: [textBlock(statusLabel(view.status), { weight: 'Bolder', color: statusColour(view.status) })] },
    ],
  });
  if (view.by.trim() !== '') body.push(textBlock(`Recorded by ${view.by}`, { isSubtle: true, spacing: 'Small' }));

  for (const question of CHECKIN_QUESTIONS) {
    const answer = view[question.field].trim();
    if (answer === '') continue;
    body.push(textBlock(question.label, { weight: 'Bolder', spacing: 'Medium' }));
    body.push(textBlock(answer, { spacing: 'None' }));
  }

  if (view.revisedDueDate) {
    body.push(textBlock(`Revised due date: ${formatLongDate(view.revisedDueDate)}`, { spacing: 'Medium' }));
  }

  if (view.evidence.length > 0) {
    body.push(textBlock('Evidence', { weight: 'Bolder', spacing: 'Medium' }));
    for (const item of view.evidence) body.push(textBlock(markdownLink(item.title, item.url), { spacing: 'Small' }));
  }

  return adaptiveCard(body, { fullWidth: true });
}
