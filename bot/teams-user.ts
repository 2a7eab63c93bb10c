import { TeamsInfo, TurnContext } from 'botbuilder';
import { recordConversation, type ConversationKind, type TeamsUser } from '../services/conversations/record-conversation.js';
import type { BotDeps } from './deps.js';

export function conversationKind(context: TurnContext): ConversationKind {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' ? 'CHANNEL' : type === 'groupChat' ? 'GROUP_CHAT' : 'PERSONAL';
}

/** Who sent the activity, with the email and UPN Teams knows for them. */
export async function senderDetails(context: TurnContext): Promise<TeamsUser | undefined> {
  const from = context.activity.from;
  if (!from?.aadObjectId) return undefined;
  let member: { email?: string; userPrincipalName?: string; name?: string } | undefined;
  try {
    member = await TeamsInfo.getMember(context, from.id);
  } catch {
    member = undefined; // the roster is not always readable (for example in group chats)
  }
  return {
    aadObjectId: from.aadObjectId,
    teamsUserId: from.id ?? null,
    name: member?.name ?? from.name ?? null,
    email: member?.email ?? null,
    upn: member?.userPrincipalName ?? null,
  };
}

/** Stores where this conversation is and, in a personal chat, who it is with. */
export async function rememberConversation(deps: BotDeps, context: TurnContext, conversationId = context.activity.conversation.id): Promise<{ personId: string | null }> {
  const activity = context.activity;
  const reference = TurnContext.getConversationReference(activity);
  const kind = conversationKind(context);
  const team = (activity.channelData as { team?: { id?: string; name?: string } } | undefined)?.team;
  const user = kind === 'PERSONAL' ? await senderDetails(context) : undefined;
  return recordConversation(deps.db, {
    conversationId,
    kind,
    tenantId: activity.conversation.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? null,
    serviceUrl: activity.serviceUrl,
    reference: { ...reference, conversation: { ...reference.conversation!, id: conversationId } },
    ...(user ? { user } : {}),
    ...(team?.id ? { team: { id: team.id, name: team.name ?? null } } : {}),
  });
}
