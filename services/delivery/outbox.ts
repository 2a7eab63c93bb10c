import type { Db, Tx } from '../store/database.js';
import type { BoardPackCardView, DirectorDigestView, SlippageAlertView } from '../messenger.js';

/** What a queued message says; composed into a Teams message only when it is sent. */
export type OutboxPayload =
  /** A check-in card for a prompt (rendered fresh when sent, so it shows the latest update). */
  | { type: 'prompt'; promptId: string; milestoneId: string; cycle: string }
  /** Plain text; `unlessAnswered` drops it if the prompt was answered before it went. */
  | { type: 'text'; text: string; unlessAnswered?: string }
  /** Cards whose content was decided when they were queued (what the board was told stays on record). */
  | { type: 'digest'; view: DirectorDigestView }
  | { type: 'alert'; view: SlippageAlertView }
  | { type: 'board-pack'; view: BoardPackCardView };

export type MessageKind = 'prompt' | 'reminder' | 'escalation' | 'notice' | 'digest' | 'alert' | 'board-pack';

export interface NewMessage {
  /** The decision it comes from, such as prompt:<milestone>:<cycle>: queued once, whatever happens. */
  idempotencyKey: string;
  kind: MessageKind;
  planId: string | null;
  /** A person's personal chat, or a plan's board channel. */
  to: { personId: string } | { boardChannelOf: string };
  payload: OutboxPayload;
}

let counter = 0;
/** Queue order: microseconds, so messages queued together keep the order they were given in. */
function nextSeq(now: Date): bigint {
  counter = (counter + 1) % 1000;
  return BigInt(now.getTime()) * 1000n + BigInt(counter);
}

export const recipientKeyOf = (to: NewMessage['to']) => ('personId' in to ? `person:${to.personId}` : `channel:${to.boardChannelOf}`);

/**
 * Queues messages inside the caller's transaction (the same one that records the decision
 * to send them). Keys already queued are left alone: deciding twice sends once.
 */
export async function enqueue(tx: Tx | Db, messages: NewMessage[], now: Date): Promise<number> {
  if (!messages.length) return 0;
  const known = await tx.outboxMessage.findMany({ where: { idempotencyKey: { in: messages.map((m) => m.idempotencyKey) } }, select: { idempotencyKey: true } });
  const skip = new Set(known.map((k) => k.idempotencyKey));
  const fresh = [...new Map(messages.filter((m) => !skip.has(m.idempotencyKey)).map((m) => [m.idempotencyKey, m])).values()];
  if (!fresh.length) return 0;
  await tx.outboxMessage.createMany({
    data: fresh.map((m) => ({
      idempotencyKey: m.idempotencyKey, kind: m.kind, planId: m.planId, recipientKey: recipientKeyOf(m.to),
      personId: 'personId' in m.to ? m.to.personId : null, seq: nextSeq(now), payload: m.payload as object, nextAttemptAt: now,
    })),
  });
  return fresh.length;
}
