import type { Db } from '../store/database.js';

export type ConversationKind = 'PERSONAL' | 'CHANNEL' | 'GROUP_CHAT';

/** A Teams user as the roster or the activity describes them. */
export interface TeamsUser {
  aadObjectId: string;
  teamsUserId: string | null;
  name: string | null;
  email: string | null;
  upn: string | null;
}

export interface ConversationSeen {
  conversationId: string;
  kind: ConversationKind;
  tenantId: string | null;
  serviceUrl: string;
  reference: object;
  /** For a personal chat: who it is with. */
  user?: TeamsUser;
  team?: { id: string; name: string | null };
}

/**
 * Remembers where the bot can post (installation, first message) and, in a personal
 * chat, links the Teams user to their person record by AAD id, email or UPN.
 */
export async function recordConversation(db: Db, seen: ConversationSeen): Promise<{ personId: string | null }> {
  const personId = seen.user ? await linkTeamsUser(db, seen.user, seen) : null;
  const fields = {
    kind: seen.kind,
    tenantId: seen.tenantId,
    serviceUrl: seen.serviceUrl,
    personId,
    teamId: seen.team?.id ?? null,
    teamName: seen.team?.name ?? null,
    reference: seen.reference,
    active: true,
  };
  await db.conversation.upsert({ where: { conversationId: seen.conversationId }, create: { conversationId: seen.conversationId, ...fields }, update: fields });
  return { personId };
}

/** Links one Teams user; returns the person's id, or null when no person matches. */
export async function linkTeamsUser(db: Db, user: TeamsUser, where: { tenantId: string | null; serviceUrl: string }): Promise<string | null> {
  const emails = [user.email, user.upn].filter((e): e is string => !!e).map((e) => e.toLowerCase());
  const person =
    (await db.person.findUnique({ where: { aadObjectId: user.aadObjectId } })) ??
    (emails.length ? await db.person.findFirst({ where: { OR: [{ email: { in: emails } }, { upn: { in: emails } }] } }) : null);
  if (!person) return null;
  await db.person.update({
    where: { id: person.id },
    data: {
      aadObjectId: user.aadObjectId,
      name: person.name ?? user.name,
      upn: user.upn ?? person.upn,
      teamsUserId: user.teamsUserId ?? person.teamsUserId,
      tenantId: where.tenantId ?? person.tenantId,
      serviceUrl: where.serviceUrl,
      unreachableReason: null,
      unreachableSince: null,
    },
  });
  return person.id;
}

/** The bot was uninstalled or removed: stop posting there. */
export async function deactivateConversation(db: Db, conversationId: string): Promise<void> {
  await db.conversation.updateMany({ where: { conversationId }, data: { active: false } });
}
