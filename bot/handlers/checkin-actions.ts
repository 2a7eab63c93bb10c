import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/card-kit.js';
import { CHECKIN_SUBMIT_VERB, readCheckinSubmission, renderCheckinCard } from '../../cards/checkin-card.js';
import { formatRecordedAt, renderCheckinReceiptCard } from '../../cards/checkin-receipt-card.js';
import { MY_MILESTONES_UPDATE_VERB, renderMyMilestonesCard } from '../../cards/my-milestones-card.js';
import { NOT_LINKED } from '../../services/checkins/authorise.js';
import { openCheckin, reopenCheckin } from '../../services/checkins/open-checkin.js';
import { recordCheckin } from '../../services/checkins/record-checkin.js';
import { findMilestoneById } from '../../services/milestones/find-milestone.js';
import { myMilestones } from '../../services/milestones/my-milestones.js';
import type { BotDeps } from '../deps.js';
import { identify } from '../identify.js';
import { replyCard, replyText } from '../replies.js';

/** The card actions the bot answers (Universal Actions; Action.Submit falls back here too). */
export function registerCheckinActions(app: Application<TurnState>, deps: BotDeps): void {
  app.adaptiveCards.actionExecute(CHECKIN_SUBMIT_VERB, (context, _state, data: unknown) => submitCheckin(deps, context, data));
  app.adaptiveCards.actionExecute(MY_MILESTONES_UPDATE_VERB, (context, _state, data: unknown) => openFromList(deps, context, data));
  // Clients without Universal Actions fall back to Action.Submit: same answers, sent as messages.
  app.adaptiveCards.actionSubmit(CHECKIN_SUBMIT_VERB, async (context, _state, data: unknown) => answerInChat(context, await submitCheckin(deps, context, data)));
  app.adaptiveCards.actionSubmit(MY_MILESTONES_UPDATE_VERB, async (context, _state, data: unknown) => {
    const result = await openFromList(deps, context, data);
    if (typeof result === 'string') await replyText(context, result);
  });
}

/** Without Universal Actions the card cannot be answered in place: update it if Teams allows, else reply. */
async function answerInChat(context: TurnContext, result: AdaptiveCardJson | string): Promise<void> {
  if (typeof result === 'string') return replyText(context, result);
  const cardMessage = context.activity.replyToId;
  if (cardMessage) {
    try {
      await context.updateActivity({ id: cardMessage, type: 'message', attachments: [CardFactory.adaptiveCard(result)] });
      return;
    } catch {
      // some clients do not allow updates; a new message says the same
    }
  }
  await replyCard(context, result);
}

/**
 * An answer to a check-in card. Replaces the card with a receipt once stored; shows the
 * card again with each problem next to its field when the answer needs correcting;
 * refuses, storing nothing, anyone who may not update the milestone.
 */
async function submitCheckin(deps: BotDeps, context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> {
  const aad = context.activity.from?.aadObjectId;
  const read = readCheckinSubmission(data);
  if (!read.ok) {
    const card = cardIdentity(data);
    if (!card) return read.message ?? 'This card cannot be answered any more. Type "my milestones" to get a fresh one.';
    const reopened = await reopenCheckin(deps.db, aad, card, deps.now());
    if (!reopened.ok) return reopened.message;
    return renderCheckinCard({ ...reopened.view, values: read.values, errors: read.errors, ...(read.message ? { message: read.message } : {}) });
  }
  const submission = read.submission;
  const result = await recordCheckin(deps.db, aad, submission, deps.now(), { dialect: deps.dialect });
  if (result.ok) {
    const r = result.receipt;
    return renderCheckinReceiptCard({ ...r, recordedAt: formatRecordedAt(r.recordedAt) });
  }
  if (result.kind === 'refused') return result.message;
  const reopened = await reopenCheckin(deps.db, aad, submission, deps.now());
  if (!reopened.ok) return reopened.message;
  return renderCheckinCard({ ...reopened.view, values: submission, errors: { [result.field]: result.message } });
}

/** The card's own data (not the inputs), if it is readable enough to show the card again. */
function cardIdentity(data: unknown): { milestoneId: string; cardId: string; cycle: string | null } | undefined {
  const d = data as { milestoneId?: unknown; cardId?: unknown; cycle?: unknown } | null;
  if (!d || typeof d.milestoneId !== 'string' || typeof d.cardId !== 'string' || d.milestoneId.length > 100 || d.cardId.length > 100) return undefined;
  return { milestoneId: d.milestoneId, cardId: d.cardId, cycle: typeof d.cycle === 'string' ? d.cycle : null };
}

/** "Update" on the my-milestones card: sends a check-in card and leaves the list as it was. */
async function openFromList(deps: BotDeps, context: TurnContext, data: unknown): Promise<AdaptiveCardJson | string> {
  const actor = await identify(deps, context);
  if (!actor) return NOT_LINKED;
  const milestoneId = (data as { milestoneId?: unknown } | null)?.milestoneId;
  const milestone = typeof milestoneId === 'string' && milestoneId.length <= 100 ? await findMilestoneById(deps.db, milestoneId) : null;
  if (!milestone) return 'That milestone is no longer in the plan.';
  const opened = await openCheckin(deps.db, actor, milestone, deps.now());
  if (!opened.ok) return opened.message;
  await replyCard(context, renderCheckinCard(opened.view));
  return renderMyMilestonesCard({ personName: actor.name, milestones: await myMilestones(deps.db, actor.id, deps.now()) });
}
