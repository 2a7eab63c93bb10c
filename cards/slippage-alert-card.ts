/**
 * A sweep's new slippage alerts in the board's channel: for each, which milestone, whose,
 * and what changed, with a button to chase its owner.
 */
import { formatLongDate } from '../domain/calendar-date.js';
import type { AlertFlag } from '../domain/slippage-alerts.js';
import type { SlippageAlertItem, SlippageAlertView } from '../services/messenger.js';
import { DIGEST_CHASE_VERB, DIGEST_OPEN_VERB } from './director-digest-card.js';
import { adaptiveCard, executeAction, heading, shorten, textBlock, type AdaptiveCardJson, type CardElement } from './card-kit.js';

const WHAT: Record<AlertFlag, string> = {
  overdue: 'is overdue',
  worsened: 'has worsened to SIGNIFICANT SLIPPAGE',
  contradicted: 'reports ON TRACK against the facts',
};

export function alertHeadline(alert: Pick<SlippageAlertItem, 'ref' | 'flag'>): string {
  return `Milestone ${alert.ref} ${WHAT[alert.flag]}`;
}

export function renderSlippageAlertCard(view: SlippageAlertView): AdaptiveCardJson {
  const single = view.total === 1 ? view.alerts[0] : undefined;
  const body: CardElement[] = single
    ? [heading(alertHeadline(single), 'Medium'), ...details(single)]
    : [heading(`${view.total} new slippage alerts`, 'Medium'), ...view.alerts.flatMap((a) => [textBlock(alertHeadline(a), { weight: 'Bolder', separator: true, spacing: 'Medium' }), ...details(a), buttons(a)])];
  if (view.total > view.alerts.length) body.push(textBlock(`and ${view.total - view.alerts.length} more: the board pack lists everything that is slipping`, { isSubtle: true }));
  body.push(textBlock(`${view.planName}, ${formatLongDate(view.raisedOn)}. We won't send an alert again for the same milestone and problem unless it clears and comes back.`, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  return adaptiveCard(body, single ? { actions: actionsFor(single) } : { fullWidth: true });
}

function details(a: SlippageAlertItem): CardElement[] {
  return [
    textBlock(`${a.ref} ${shorten(a.title, 160)}`, { spacing: 'Small' }),
    textBlock(`Owner: ${a.owner ?? 'no owner'} · Status: ${a.status}`, { size: 'Small', spacing: 'None' }),
    textBlock(a.note, { color: 'Attention', size: 'Small', spacing: 'None' }),
  ];
}

function actionsFor(a: SlippageAlertItem): CardElement[] {
  const data = { milestoneId: a.milestoneId };
  return [executeAction('Open', DIGEST_OPEN_VERB, { verb: DIGEST_OPEN_VERB, ...data }), executeAction('Chase the owner', DIGEST_CHASE_VERB, { verb: DIGEST_CHASE_VERB, ...data })];
}

const buttons = (a: SlippageAlertItem): CardElement => ({ type: 'ActionSet', actions: actionsFor(a) });
