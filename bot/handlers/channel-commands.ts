import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { useAsBoardChannel } from '../../services/plans/board-channel.js';
import type { BotDeps } from '../deps.js';
import { replyText } from '../replies.js';
import { conversationKind, rememberConversation } from '../teams-user.js';
import { actorFor, NOT_LINKED } from '../../services/checkins/authorise.js';
import { commandText } from './commands.js';

type Handler = (deps: BotDeps, context: TurnContext, match: RegExpMatchArray) => Promise<void>;

/** Commands the bot answers in a team channel (with an @mention). */
export const CHANNEL_COMMANDS: [RegExp, Handler][] = [[/^board channel(?:\s+for\s+(.+))?$/i, boardChannel]];

export function registerChannelCommands(app: Application<TurnState>, deps: BotDeps): void {
  for (const [pattern, handler] of CHANNEL_COMMANDS) {
    app.message(
      (context) => Promise.resolve(context.activity.type === 'message' && conversationKind(context) === 'CHANNEL' && pattern.test(commandText(context))),
      (context) => handler(deps, context, commandText(context).match(pattern)!),
    );
  }
}

/** "@Improvement Board board channel [for PLAN]": board packs and alerts go to this channel. */
async function boardChannel(deps: BotDeps, context: TurnContext, match: RegExpMatchArray): Promise<void> {
  const actor = await actorFor(deps.db, context.activity.from?.aadObjectId);
  if (!actor) return replyText(context, NOT_LINKED);
  // A reply in a thread carries ";messageid=…"; posts to the channel itself go to its base id.
  const conversationId = context.activity.conversation.id.split(';')[0]!;
  await rememberConversation(deps, context, conversationId);
  const channelName = (context.activity.channelData as { channel?: { name?: string } } | undefined)?.channel?.name ?? null;
  const result = await useAsBoardChannel(deps.db, actor, { conversationId, name: channelName }, match[1]?.trim());
  await replyText(context, result.message);
}
