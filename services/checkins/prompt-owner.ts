import { randomUUID } from 'node:crypto';
import { londonDateOf } from '../../domain/calendar-date.js';
import type { ConversationAddress, Messenger } from '../messenger.js';
import type { Db } from '../store/database.js';
import { recordConversation } from '../conversations/record-conversation.js';
import { checkinView } from './checkin-view.js';

export interface PromptDeps {
  db: Db;
  messenger: Messenger;
  now: () => Date;
}

export type PromptResult =
  | { ok: true; promptId: string; activityId: string; alreadySent: boolean }
  | { ok: false; reason: 'no-owner' | 'unreachable' | 'failed'; message: string };

/**
 * Sends a milestone's owner the check-in card for a cycle, through their personal chat
 * (opening one from the team roster details when the bot has never spoken to them).
 * Each prompt is recorded: who, which milestone and cycle, when, which Teams message.
 * Asking twice for the same cycle sends nothing the second time.
 */
export async function promptOwner(deps: PromptDeps, milestoneId: string, cycle: string): Promise<PromptResult> {
  const { db, messenger } = deps;
  const milestone = await db.milestone.findUniqueOrThrow({ where: { id: milestoneId }, select: { id: true, ref: true, owner: true } });
  const owner = milestone.owner;
  if (!owner) return { ok: false, reason: 'no-owner', message: `Milestone ${milestone.ref} has no owner.` };

  const existing = await db.prompt.findFirst({ where: { milestoneId, cycle, personId: owner.id, trigger: 'SCHEDULE', activityId: { not: null } } });
  if (existing) return { ok: true, promptId: existing.id, activityId: existing.activityId!, alreadySent: true };

  const address = await personalChat(deps, owner);
  if (!address) return markUnreachable(deps, owner.id, 'not linked', `${owner.email} has not installed the bot and is not in a team the bot is in.`);

  const prompt = await db.prompt.create({
    data: { milestoneId, personId: owner.id, cycle, trigger: 'SCHEDULE', cardId: randomUUID(), conversationId: address.conversationId },
  });
  const view = await checkinView(db, milestoneId, { cardId: prompt.cardId, cycle, today: londonDateOf(deps.now()) });
  const sent = await messenger.send(address, { kind: 'checkin', view });
  if (!sent.ok) {
    if (sent.unreachable) {
      if (sent.status === 404) await db.conversation.updateMany({ where: { conversationId: address.conversationId }, data: { active: false } });
      return markUnreachable(deps, owner.id, `${sent.status} ${sent.code}`, `Teams will not deliver to ${owner.email} (${sent.code}).`);
    }
    return { ok: false, reason: 'failed', message: sent.message };
  }
  await db.prompt.update({ where: { id: prompt.id }, data: { activityId: sent.activityId, sentAt: deps.now() } });
  return { ok: true, promptId: prompt.id, activityId: sent.activityId, alreadySent: false };
}

type Owner = { id: string; teamsUserId: string | null; tenantId: string | null; serviceUrl: string | null };

async function personalChat(deps: PromptDeps, owner: Owner): Promise<ConversationAddress | undefined> {
  const chat = await deps.db.conversation.findFirst({ where: { personId: owner.id, kind: 'PERSONAL', active: true }, orderBy: { updatedAt: 'desc' } });
  if (chat) return { conversationId: chat.conversationId, serviceUrl: chat.serviceUrl, tenantId: chat.tenantId, reference: chat.reference };
  if (!owner.teamsUserId || !owner.tenantId || !owner.serviceUrl) return undefined;
  const opened = await deps.messenger.openPersonalChat({ teamsUserId: owner.teamsUserId, tenantId: owner.tenantId, serviceUrl: owner.serviceUrl });
  if (!opened.ok) return undefined;
  await recordConversation(deps.db, {
    conversationId: opened.address.conversationId,
    kind: 'PERSONAL',
    tenantId: opened.address.tenantId,
    serviceUrl: opened.address.serviceUrl,
    reference: opened.address.reference as object,
  });
  await deps.db.conversation.update({ where: { conversationId: opened.address.conversationId }, data: { personId: owner.id } });
  return opened.address;
}

async function markUnreachable(deps: PromptDeps, personId: string, reason: string, message: string): Promise<PromptResult> {
  await deps.db.person.update({ where: { id: personId }, data: { unreachableReason: reason, unreachableSince: deps.now() } });
  return { ok: false, reason: 'unreachable', message };
}
