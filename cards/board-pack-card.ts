/**
 * The monthly board pack as posted to the board's channel: the summary of progress, each
 * priority's counts, the worst slippage, and a link to the full Word document.
 */
import { formatLongDate } from '../domain/calendar-date.js';
import type { BoardPackCardView } from '../services/messenger.js';
import { flagWords } from '../domain/slippage-notes.js';
import { adaptiveCard, heading, shorten, textBlock, type AdaptiveCardJson, type CardElement } from './card-kit.js';

export function renderBoardPackCard(view: BoardPackCardView): AdaptiveCardJson {
  const s = view.summary;
  const body: CardElement[] = [
    heading(`Board pack: ${view.planName}`),
    textBlock(`Progress as of ${formatLongDate(view.asOf)}${view.boardDate ? `, for the board on ${formatLongDate(view.boardDate)}` : ''}`, { isSubtle: true, spacing: 'None' }),
    textBlock(`**${s.onTrack + s.complete} of ${s.total} milestones on track or complete (${s.percentOnTrack}%)**`, { size: 'Medium' }),
    textBlock(`${s.onTrack} on track, ${s.slightSlippage} slight slippage, ${s.significantSlippage} significant slippage, ${s.complete} complete, ${s.notYetDue} not yet due`, { spacing: 'Small' }),
    {
      type: 'FactSet',
      facts: view.priorities.map((p) => ({ title: `Priority ${p.number}`, value: `${shorten(p.title, 60)}: ${p.onTrack + p.complete} of ${p.total} (${p.percentOnTrack}%)` })),
    },
  ];
  if (view.slipping.length) {
    body.push(textBlock(`Slipping (${view.slippingTotal})`, { weight: 'Bolder', separator: true, spacing: 'Large' }));
    body.push(textBlock(view.slipping.map((m) => `- ${m.ref} ${shorten(m.title, 80)} (${m.owner ?? 'no owner'}): ${flagWords(m.flags)}`).join('\n'), { spacing: 'Small' }));
    if (view.slippingTotal > view.slipping.length) body.push(textBlock(`and ${view.slippingTotal - view.slipping.length} more in the full pack`, { isSubtle: true, size: 'Small' }));
  }
  if (!view.url) body.push(textBlock(`The full pack (${view.fileName}) is kept with the plan: ask your plan administrator for a copy.`, { isSubtle: true, size: 'Small' }));
  const actions = view.url ? [{ type: 'Action.OpenUrl', title: 'Open the full board pack (Word)', url: view.url }] : [];
  return adaptiveCard(body, { actions, fullWidth: true });
}
