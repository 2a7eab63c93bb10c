import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { DIGEST_CHASE_VERB, DIGEST_OPEN_VERB, ZDigestAction } from '../../cards/director-digest-card.js';
import { actorFor, NOT_LINKED } from '../../services/checkins/authorise.js';
import { chaseOwner } from '../../services/digests/chase-owner.js';
import { milestoneBrief } from '../../services/milestones/milestone-brief.js';
import type { BotDeps } from '../deps.js';
import { historyText } from '../history-text.js';
import { replyText } from '../replies.js';

const STALE_CARD = 'This button no longer works; wait for the next digest.';

/**
 * The Open and Chase buttons on digests and slippage alerts. Both leave the card as it was
 * and answer with a message (a string answer to Action.Execute).
 */
export function registerDigestActions(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute(DIGEST_CHASE_VERB, (context, _state, data: unknown) => chase(deps, context, data));
  app.adaptiveCards.actionExecute(DIGEST_OPEN_VERB, (context, _state, data: unknown) => open(deps, context, data));
  app.adaptiveCards.actionSubmit(DIGEST_CHASE_VERB, async (context, _state, data: unknown) => replyText(context, await chase(deps, context, data)));
  app.adaptiveCards.actionSubmit(DIGEST_OPEN_VERB, async (context, _state, data: unknown) => {
    const answer = await open(deps, context, data);
    if (answer) await replyText(context, answer);
  });
}

async function chase(deps: BotDeps, context: TurnContext, data: unknown): Promise<string> {
  const action = ZDigestAction.safeParse(data);
  if (!action.success) return STALE_CARD;
  const actor = await actorFor(deps.db, context.activity.from?.aadObjectId);
  if (!actor) return NOT_LINKED;
  return (await chaseOwner(deps.db, actor, action.data.milestoneId, deps.now())).message;
}

/** Posts the milestone's latest updates in the conversation; the answer to the button is a short line. */
async function open(deps: BotDeps, context: TurnContext, data: unknown): Promise<string> {
  const action = ZDigestAction.safeParse(data);
  if (!action.success) return STALE_CARD;
  const actor = await actorFor(deps.db, context.activity.from?.aadObjectId);
  if (!actor) return NOT_LINKED;
  const brief = await milestoneBrief(deps.db, actor, action.data.milestoneId);
  if (!brief.ok) return brief.message;
  const head = `**${brief.ref} ${brief.title}**\n\nOwner: ${brief.owner ?? 'none'} · Due: ${brief.due ?? 'no date'}`;
  const updates = brief.history.length ? historyText(brief.history) : ['No updates have been recorded yet.'];
  await replyText(context, [head, ...updates].join('\n\n---\n\n'));
  return `Milestone ${brief.ref} is below.`;
}
