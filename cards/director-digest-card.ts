/**
 * The weekly digest a service director gets: the headline, what changed since last week,
 * what is slipping (each with Open and Chase buttons), missing updates and KPIs gone red.
 */
import { z } from 'zod';
import { formatLongDate, formatPeriod } from '../domain/calendar-date.js';
import { describeTrend } from '../domain/digest-changes.js';
import { flagWords } from '../domain/slippage-notes.js';
import type { DigestMilestone, DirectorDigestView } from '../services/digests/weekly-digest.js';
import { adaptiveCard, executeAction, heading, shorten, textBlock, type AdaptiveCardJson, type CardElement } from './card-kit.js';

export const DIGEST_CHASE_VERB = 'digest.chase';
export const DIGEST_OPEN_VERB = 'digest.open';

/** What the Open and Chase buttons send: the milestone only; who pressed comes from Teams. */
export const ZDigestAction = z.object({
  verb: z.enum([DIGEST_CHASE_VERB, DIGEST_OPEN_VERB]),
  milestoneId: z.string().min(1).max(100),
});
export type TDigestAction = z.infer<typeof ZDigestAction>;

const TITLE_SHOWN = 90;


export function renderDirectorDigestCard(view: DirectorDigestView): AdaptiveCardJson {
  const h = view.headline;
  const body: CardElement[] = [
    heading(`Weekly digest: ${view.planName}`),
    textBlock(`As of ${formatLongDate(view.asOf)}`, { isSubtle: true, spacing: 'None' }),
    textBlock(`**${h.onTrack} of ${h.total} milestones on track, ${describeTrend(h.percent, h.previousPercent)}**`, { size: 'Medium' }),
    ...section('Changed since last week', changeLines(view), view.changes.more),
    ...slippingRows(view),
    ...section(`Updates missing (${view.updatesMissingTotal})`, view.updatesMissing.map((m) => `${m.ref} ${shorten(m.title, TITLE_SHOWN)}: ${m.owner ?? 'no owner'}`), view.updatesMissingTotal - view.updatesMissing.length),
    ...section('KPIs that turned red', view.kpisTurnedRed.map((k) => `${k.name}: ${figure(k.value, k.unit)}${k.period ? ` (${formatPeriod(k.period)})` : ''} against a target of ${figure(k.target, k.unit)}`), view.kpisTurnedRedTotal - view.kpisTurnedRed.length),
  ];
  const actions: CardElement[] = view.packUrl ? [{ type: 'Action.OpenUrl', title: 'Open the latest board pack', url: view.packUrl }] : [];
  return adaptiveCard(body, { actions, fullWidth: true });
}

function changeLines(view: DirectorDigestView): string[] {
  const c = view.changes;
  const lines = [
    ...c.statusChanges.map((s) => `${s.ref}: ${s.from} → ${s.to}`),
    ...c.newlyFlagged.map((f) => `${f.ref} now flagged: ${flagWords(f.flags)}`),
    ...c.cleared.map((f) => `${f.ref} no longer flagged (was ${flagWords(f.flags)})`),
  ];
  const updated = c.updatedCount;
  lines.push(updated ? `${updated} milestone${updated === 1 ? '' : 's'} updated this week` : 'No milestone was updated this week');
  return lines;
}

/** A heading and a bullet list; nothing at all when the list is empty. */
function section(title: string, lines: string[], more = 0): CardElement[] {
  if (!lines.length) return [];
  const text = lines.map((l) => `- ${l}`).join('\n');
  return [
    textBlock(title, { weight: 'Bolder', spacing: 'Large', separator: true }),
    textBlock(text, { spacing: 'Small' }),
    ...(more > 0 ? [moreLine(more)] : []),
  ];
}

function slippingRows(view: DirectorDigestView): CardElement[] {
  if (!view.slippingTotal) return [textBlock('Nothing is slipping.', { weight: 'Bolder', spacing: 'Large', separator: true })];
  return [
    textBlock(`Slipping (${view.slippingTotal})`, { weight: 'Bolder', spacing: 'Large', separator: true }),
    ...view.slipping.map(slippingRow),
    ...(view.slippingTotal > view.slipping.length ? [moreLine(view.slippingTotal - view.slipping.length)] : []),
  ];
}

function slippingRow(m: DigestMilestone): CardElement {
  const data = { milestoneId: m.id };
  return {
    type: 'ColumnSet',
    separator: true,
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          textBlock(`**${m.ref}** ${shorten(m.title, TITLE_SHOWN)}`),
          textBlock(`${m.status} · ${m.owner ?? 'no owner'}`, { size: 'Small', spacing: 'None', isSubtle: true }),
          textBlock(m.notes.join('; '), { size: 'Small', spacing: 'None', color: 'Attention' }),
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        items: [{ type: 'ActionSet', actions: [executeAction('Open', DIGEST_OPEN_VERB, { verb: DIGEST_OPEN_VERB, ...data }), executeAction('Chase', DIGEST_CHASE_VERB, { verb: DIGEST_CHASE_VERB, ...data })] }],
      },
    ],
  };
}

const moreLine = (n: number) => textBlock(`and ${n} more: see the full board pack`, { isSubtle: true, size: 'Small' });

const figure = (value: number | null, unit: string) => (value === null ? 'none' : `${value}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`);
