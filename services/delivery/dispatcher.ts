import { randomUUID } from 'node:crypto';
import { Prisma } from '../../generated/prisma-sqlite/client.js';
import { backoffMs, classifySend, MAX_ATTEMPTS, nextConversationSlot, TEAMS_LIMITS, type DeliveryLimits, type SendOutcome } from '../../domain/delivery.js';
import type { Logger } from '../logger.js';
import type { Messenger } from '../messenger.js';
import type { Dialect } from '../store/database-target.js';
import type { Db } from '../store/database.js';
import { compose } from './compose.js';
import { escalateUnreachableOwner } from './unreachable.js';
import { holdSends, sendSlots } from './pacing.js';

export interface DispatcherDeps {
  db: Db;
  dialect: Dialect;
  messenger: Messenger;
  logger?: Logger;
  now?: () => Date;
}

export interface DispatcherOptions {
  /** Names this instance in claims (host and process by default). */
  instance: string;
  limits?: DeliveryLimits;
  /** A claim not settled by then (the instance died) is taken over by another. */
  claimTtlMs?: number;
  /** The fraction of the tenant's rate to use (0.98): the time it leaves spare absorbs sends that leave a little late. */
  paceFraction?: number;
  /** The shared pacing bucket (one per tenant). */
  bucketKey?: string;
  maxInFlight?: number;
  pollMs?: number;
  /** First retry's backoff (doubling after); 2 s unless a test wants it shorter. */
  retryBaseMs?: number;
  /** How long before its send time a message is composed (its queries must be done by then). */
  composeAheadMs?: number;
}

export interface DispatchStats {
  delivered: number;
  throttled: number;
  retried: number;
  dead: number;
  cancelled: number;
}

type Claimed = { id: string; kind: string; planId: string | null; recipientKey: string; personId: string | null; payload: unknown; attempts: number; ambiguousAttempts: number };

/**
 * Delivers the outbox: claims messages that are due (the oldest of each recipient only,
 * so each conversation gets its messages in order), paces them within Teams' limits with
 * send times shared by every instance, and settles each by Teams' answer.
 */
export function createDispatcher(deps: DispatcherDeps, opts: DispatcherOptions) {
  const { db, messenger } = deps;
  const now = deps.now ?? (() => new Date());
  const limits = opts.limits ?? TEAMS_LIMITS;
  const claimTtlMs = opts.claimTtlMs ?? 120_000;
  // Paced at a fraction of the tenant's rate, each window has time to spare (20 ms a second
  // at 98%): a send may leave that much late without crowding the window. Three quarters of
  // it are for this process waking late, a quarter for the network's own jitter.
  const paceFraction = opts.paceFraction ?? 0.98;
  const { count, windowMs } = limits.perTenant;
  const intervalMs = windowMs / (count * paceFraction);
  const toleranceMs = ((windowMs / paceFraction - windowMs) * 3) / 4;
  const composeAheadMs = opts.composeAheadMs ?? 100;
  const bucketKey = opts.bucketKey ?? 'teams-tenant';
  const slots = sendSlots(db, bucketKey, { intervalMs, toleranceMs, readyInMs: composeAheadMs }, () => now().getTime());
  // Claims of about a quarter of a second's sends, the next one made this long before the
  // last one runs out (a claim and its reservation take a few queries, then composing).
  const batchSize = Math.max(1, Math.min(100, Math.ceil(250 / intervalMs)));
  const leadMs = Math.max(2 * intervalMs, composeAheadMs + 100);
  const maxInFlight = opts.maxInFlight ?? 200;
  const pollMs = opts.pollMs ?? 1000;
  const backoff = (attempt: number) => backoffMs(attempt, Math.random, opts.retryBaseMs);
  const sleepUntil = async (atMs: number) => {
    const wait = atMs - now().getTime();
    if (wait > 0) await sleep(wait);
  };
  const stats: DispatchStats = { delivered: 0, throttled: 0, retried: 0, dead: 0, cancelled: 0 };
  const inFlight = new Set<Promise<void>>();

  async function claim(limit: number): Promise<Claimed[]> {
    const at = now();
    const token = `${opts.instance}:${randomUUID()}`;
    const claimFields = { status: 'SENDING' as const, claimedBy: token, claimedUntil: new Date(at.getTime() + claimTtlMs) };
    const take = async (tx: Db) => {
      const ids = await dueHeads(tx, deps.dialect, at, limit);
      if (!ids.length) return;
      await tx.outboxMessage.updateMany({ where: { id: { in: ids }, status: 'PENDING' }, data: claimFields });
      // A claim that outlived its instance: the send may have reached Teams before it died.
      await tx.outboxMessage.updateMany({
        where: { id: { in: ids }, status: 'SENDING', claimedUntil: { lt: at } },
        data: { ...claimFields, ambiguousAttempts: { increment: 1 }, lastError: 'taken over from an instance that stopped mid-send' },
      });
    };
    if (deps.dialect === 'postgresql') await db.$transaction((tx) => take(tx as Db));
    else await take(db);
    const claimed = await db.outboxMessage.findMany({
      where: { claimedBy: token, status: 'SENDING' },
      orderBy: { seq: 'asc' },
      select: { id: true, kind: true, planId: true, recipientKey: true, personId: true, payload: true, attempts: true, ambiguousAttempts: true },
    });
    return withinConversationLimits(claimed, at);
  }

  /** Messages whose conversation has had its fill lately wait for their turn. */
  async function withinConversationLimits(claimed: Claimed[], at: Date): Promise<Claimed[]> {
    if (!claimed.length) return claimed;
    const longest = Math.max(...limits.perConversation.map((l) => l.windowMs));
    const recent = await db.outboxMessage.findMany({
      where: { recipientKey: { in: claimed.map((c) => c.recipientKey) }, lastAttemptAt: { gte: new Date(at.getTime() - longest) } },
      select: { recipientKey: true, lastAttemptAt: true },
    });
    const ready: Claimed[] = [];
    for (const message of claimed) {
      const times = recent.filter((r) => r.recipientKey === message.recipientKey).map((r) => r.lastAttemptAt!.getTime());
      const slot = nextConversationSlot(times, limits, at.getTime());
      if (slot <= at.getTime()) ready.push(message);
      else await release(message.id, new Date(slot));
    }
    return ready;
  }

  async function release(id: string, nextAttemptAt: Date, extra: { attempts?: number; lastError?: string; ambiguousAttempts?: number } = {}) {
    await db.outboxMessage.update({ where: { id }, data: { status: 'PENDING', claimedBy: null, claimedUntil: null, nextAttemptAt, ...extra } });
  }

  async function deliver(message: Claimed, sendAt: number): Promise<void> {
    // Composing takes several queries: it starts shortly before the time reserved for the
    // message, so the request leaves on time, and an answer given until then still cancels it.
    await sleepUntil(sendAt - composeAheadMs);
    const composed = await compose(db, messenger, message, now());
    if (!composed.ok) {
      if ('cancel' in composed) {
        stats.cancelled += 1;
        await db.outboxMessage.update({ where: { id: message.id }, data: { status: 'CANCELLED', lastError: composed.cancel, claimedBy: null, claimedUntil: null } });
        return;
      }
      return settle(message, { kind: 'unreachable', status: 0, code: composed.unreachable }, now(), null);
    }
    await slots.wait();
    const attemptAt = now();
    const result = await messenger.send(composed.to, composed.message);
    await settle(message, classifySend(result), attemptAt, composed.to.conversationId);
  }

  async function settle(message: Claimed, outcome: SendOutcome, attemptAt: Date, conversationId: string | null): Promise<void> {
    const base = { lastAttemptAt: attemptAt, claimedBy: null, claimedUntil: null, conversationId };
    switch (outcome.kind) {
      case 'delivered': {
        stats.delivered += 1;
        const delivered = db.outboxMessage.update({
          where: { id: message.id },
          data: { ...base, status: 'DELIVERED', attempts: message.attempts + 1, activityId: outcome.activityId, deliveredAt: now(), lastError: null },
        });
        const payload = message.payload as { type: string; promptId?: string };
        if (payload.type === 'prompt' && payload.promptId) {
          await db.$transaction([delivered, db.prompt.update({ where: { id: payload.promptId }, data: { activityId: outcome.activityId, sentAt: attemptAt, conversationId } })]);
        } else await delivered;
        return;
      }
      case 'throttled': {
        stats.throttled += 1;
        const until = attemptAt.getTime() + outcome.retryAfterMs;
        slots.hold(until);
        await holdSends(db, bucketKey, until);
        await db.outboxMessage.update({ where: { id: message.id }, data: { ...base, status: 'PENDING', nextAttemptAt: new Date(until), lastError: `429: throttled by Teams for ${outcome.retryAfterMs} ms` } });
        return;
      }
      case 'retry': {
        const attempts = message.attempts + 1;
        const ambiguousAttempts = message.ambiguousAttempts + (outcome.ambiguous ? 1 : 0);
        if (attempts >= MAX_ATTEMPTS) {
          stats.dead += 1;
          await db.outboxMessage.update({ where: { id: message.id }, data: { ...base, status: 'DEAD', attempts, ambiguousAttempts, lastError: `gave up after ${attempts} attempts; last: ${outcome.reason}` } });
          return;
        }
        stats.retried += 1;
        await db.outboxMessage.update({
          where: { id: message.id },
          data: { ...base, status: 'PENDING', attempts, ambiguousAttempts, lastError: outcome.reason, nextAttemptAt: new Date(attemptAt.getTime() + backoff(attempts)) },
        });
        return;
      }
      case 'unreachable': {
        stats.dead += 1;
        const reason = outcome.status ? `${outcome.status} ${outcome.code}` : outcome.code;
        await db.outboxMessage.update({ where: { id: message.id }, data: { ...base, status: 'DEAD', attempts: message.attempts + 1, lastError: `cannot reach the recipient: ${reason}` } });
        if (outcome.status === 404 && conversationId) await db.conversation.updateMany({ where: { conversationId }, data: { active: false } });
        if (message.personId) await escalateUnreachableOwner(db, { personId: message.personId, reason, message }, attemptAt);
        return;
      }
      case 'dead': {
        stats.dead += 1;
        await db.outboxMessage.update({ where: { id: message.id }, data: { ...base, status: 'DEAD', attempts: message.attempts + 1, lastError: outcome.reason } });
        return;
      }
    }
  }

  function track(task: Promise<void>, message: Claimed) {
    const done: Promise<void> = task
      .catch(async (error: unknown) => {
        // A bug or a lost database: leave the message to be retried, never dropped.
        deps.logger?.error({ err: error, outboxId: message.id }, 'delivering a message failed');
        await release(message.id, new Date(now().getTime() + backoff(message.attempts + 1)), { attempts: message.attempts + 1, lastError: String(error) }).catch(() => undefined);
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  }

  /** Claims one paced batch and starts sending it. Returns when the batch's last send time is near. */
  async function dispatchOnce(): Promise<number> {
    const room = maxInFlight - inFlight.size;
    if (room <= 0) {
      await Promise.race(inFlight);
      return 0;
    }
    const claimed = await claim(Math.min(batchSize, room));
    if (!claimed.length) return 0;
    const times = await slots.reserve(claimed.length);
    claimed.forEach((message, i) => track(deliver(message, times[i]!), message));
    // The next claim must be in before this batch runs out, or the shared schedule has a gap.
    await sleepUntil(times.at(-1)! - leadMs);
    return claimed.length;
  }

  let running = false;
  let loop: Promise<void> | undefined;
  return {
    stats,
    dispatchOnce,
    /** Sends everything due now and waits for the answers (tests, the CLI). */
    async drain(): Promise<void> {
      while ((await dispatchOnce()) > 0 || inFlight.size > 0) await Promise.all(inFlight);
    },
    start(): void {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          try {
            // Nothing due: wait (a timer, so SQLite's synchronous answers cannot starve the event loop).
            if ((await dispatchOnce()) === 0) await sleep(inFlight.size ? Math.min(pollMs, 20) : pollMs);
          } catch (error) {
            deps.logger?.error({ err: error }, 'dispatcher loop failed; retrying');
            await sleep(pollMs);
          }
        }
      })();
    },
    async stop(): Promise<void> {
      running = false;
      await loop;
      await Promise.all(inFlight);
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

/** Ids of due messages that are first in line for their recipient, oldest first. */
async function dueHeads(db: Db, dialect: Dialect, at: Date, limit: number): Promise<string[]> {
  // PostgreSQL: instances skip each other's candidates instead of queueing on them.
  const lock = dialect === 'postgresql' ? Prisma.raw('FOR UPDATE SKIP LOCKED') : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT o."id" FROM "OutboxMessage" o
    WHERE (o."status" = 'PENDING' OR (o."status" = 'SENDING' AND o."claimedUntil" < ${at})) AND o."nextAttemptAt" <= ${at}
      AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" p WHERE p."recipientKey" = o."recipientKey" AND p."seq" < o."seq" AND p."status" IN ('PENDING', 'SENDING'))
    ORDER BY o."seq" LIMIT ${limit} ${lock}`;
  return rows.map((r) => r.id);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
