import { londonDateOf } from '../../domain/calendar-date.js';
import { checkinView } from '../checkins/checkin-view.js';
import { recordConversation } from '../conversations/record-conversation.js';
import { activeBoardChannel, NO_BOARD_CHANNEL } from '../plans/board-channel.js';
import type { ConversationAddress, Messenger, OutgoingMessage } from '../messenger.js';
import type { Db } from '../store/database.js';
import type { OutboxPayload } from './outbox.js';

export type Composed =
  | { ok: true; to: ConversationAddress; message: OutgoingMessage }
  /** No longer worth sending (the prompt was answered meanwhile). */
  | { ok: false; cancel: string }
  /** Nowhere to send it: the person never met the bot and is in no team it is in. */
  | { ok: false; unreachable: string };

interface Row {
  recipientKey: string;
  payload: unknown;
}

/** Turns a queued message into what goes to Teams, as things stand now. */
export async function compose(db: Db, messenger: Messenger, row: Row, now: Date): Promise<Composed> {
  const payload = row.payload as OutboxPayload;
  const answered = payload.type === 'prompt' ? payload.promptId : payload.type === 'text' ? payload.unlessAnswered : undefined;
  if (answered && (await wasAnswered(db, answered))) return { ok: false, cancel: 'the milestone was updated before it was sent' };
  const to = await addressOf(db, messenger, row.recipientKey);
  if (!to.ok) return to;
  if (payload.type === 'text') return { ok: true, to: to.address, message: { kind: 'text', text: payload.text } };
  if (payload.type !== 'prompt') return { ok: true, to: to.address, message: { kind: payload.type, view: payload.view } as OutgoingMessage };
  const prompt = await db.prompt.findUniqueOrThrow({ where: { id: payload.promptId }, select: { cardId: true } });
  const view = await checkinView(db, payload.milestoneId, { cardId: prompt.cardId, cycle: payload.cycle, today: londonDateOf(now) });
  return { ok: true, to: to.address, message: { kind: 'checkin', view } };
}

/** Answered on its card, or the milestone updated some other way since it was asked. */
async function wasAnswered(db: Db, promptId: string): Promise<boolean> {
  const prompt = await db.prompt.findUnique({ where: { id: promptId }, select: { answeredAt: true, milestoneId: true, createdAt: true } });
  if (!prompt) return false;
  if (prompt.answeredAt) return true;
  return (await db.statusUpdate.count({ where: { milestoneId: prompt.milestoneId, recordedAt: { gt: prompt.createdAt } } })) > 0;
}

async function addressOf(db: Db, messenger: Messenger, recipientKey: string): Promise<{ ok: true; address: ConversationAddress } | { ok: false; unreachable: string }> {
  const [kind, id] = recipientKey.split(':', 2) as [string, string];
  if (kind === 'channel') {
    const channel = await activeBoardChannel(db, id);
    if (!channel) return { ok: false, unreachable: NO_BOARD_CHANNEL };
    return { ok: true, address: toAddress(channel) };
  }
  const chat = await db.conversation.findFirst({ where: { personId: id, kind: 'PERSONAL', active: true }, orderBy: { updatedAt: 'desc' } });
  if (chat) return { ok: true, address: toAddress(chat) };
  const person = await db.person.findUniqueOrThrow({ where: { id }, select: { email: true, teamsUserId: true, tenantId: true, serviceUrl: true } });
  if (!person.teamsUserId || !person.tenantId || !person.serviceUrl) {
    return { ok: false, unreachable: `${person.email} has not installed the bot and is not in a team the bot is in` };
  }
  // Met in a team roster but never in a personal chat: open one.
  const opened = await messenger.openPersonalChat({ teamsUserId: person.teamsUserId, tenantId: person.tenantId, serviceUrl: person.serviceUrl });
  if (!opened.ok) return { ok: false, unreachable: `Teams would not open a chat with ${person.email} (${opened.code})` };
  const { address } = opened;
  await recordConversation(db, { conversationId: address.conversationId, kind: 'PERSONAL', tenantId: address.tenantId, serviceUrl: address.serviceUrl, reference: address.reference as object });
  await db.conversation.update({ where: { conversationId: address.conversationId }, data: { personId: id } });
  return { ok: true, address };
}

function toAddress(c: { conversationId: string; serviceUrl: string; tenantId: string | null; reference: unknown }): ConversationAddress {
  return { conversationId: c.conversationId, serviceUrl: c.serviceUrl, tenantId: c.tenantId, reference: c.reference };
}
