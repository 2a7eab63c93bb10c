import type { TurnContext } from 'botbuilder';
import { actorFor, type Actor } from '../services/checkins/authorise.js';
import type { BotDeps } from './deps.js';
import { isPersonal } from './replies.js';
import { rememberConversation } from './teams-user.js';

/**
 * Who is acting: always `activity.from.aadObjectId`, never anything in card data. The
 * first time someone writes in a personal chat, the chat is remembered (so they can be
 * prompted later) and their Teams account is linked to their person record by email.
 */
export async function identify(deps: BotDeps, context: TurnContext): Promise<Actor | undefined> {
  const aad = context.activity.from?.aadObjectId;
  const actor = await actorFor(deps.db, aad);
  if (!isPersonal(context)) return actor;
  const known = await deps.db.conversation.findUnique({ where: { conversationId: context.activity.conversation.id }, select: { active: true, personId: true } });
  if (actor && known?.active && known.personId) return actor;
  await rememberConversation(deps, context);
  return actorFor(deps.db, aad);
}
