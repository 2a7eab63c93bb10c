import { recordAudit } from '../audit.js';
import type { Db } from '../store/database.js';

export type OutboxFilter = 'pending' | 'failed' | 'dead' | 'all';

export interface OutboxLine {
  id: string;
  kind: string;
  to: string;
  status: string;
  attempts: number;
  ambiguousAttempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
}

/** Messages waiting (pending), retrying after a failure (failed), or given up on (dead). */
export async function listOutbox(db: Db, filter: OutboxFilter, limit = 200): Promise<OutboxLine[]> {
  const where =
    filter === 'pending' ? { status: { in: ['PENDING' as const, 'SENDING' as const] } }
    : filter === 'failed' ? { status: { in: ['PENDING' as const, 'SENDING' as const] }, lastError: { not: null } }
    : filter === 'dead' ? { status: 'DEAD' as const }
    : {};
  const rows = await db.outboxMessage.findMany({ where, orderBy: { seq: 'asc' }, take: limit });
  const people = await db.person.findMany({ where: { id: { in: rows.flatMap((r) => (r.personId ? [r.personId] : [])) } }, select: { id: true, email: true } });
  const email = new Map(people.map((p) => [p.id, p.email]));
  return rows.map((r) => ({
    id: r.id, kind: r.kind, to: r.personId ? (email.get(r.personId) ?? r.recipientKey) : 'board channel', status: r.status,
    attempts: r.attempts, ambiguousAttempts: r.ambiguousAttempts, nextAttemptAt: r.nextAttemptAt, lastError: r.lastError, createdAt: r.createdAt,
  }));
}

/** Puts a dead message back in the queue, to be sent as if new. */
export async function retryDead(db: Db, id: string, now: Date, channel: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const row = await db.outboxMessage.findUnique({ where: { id }, select: { status: true, planId: true, lastError: true } });
  if (!row) return { ok: false, message: `There is no message ${id} in the outbox; "ib outbox --status dead" lists them.` };
  if (row.status !== 'DEAD') return { ok: false, message: `Message ${id} is ${row.status.toLowerCase()}, not dead: only dead messages can be retried.` };
  await db.$transaction(async (tx) => {
    await tx.outboxMessage.update({ where: { id }, data: { status: 'PENDING', attempts: 0, nextAttemptAt: now, claimedBy: null, claimedUntil: null } });
    await recordAudit(tx, [{ planId: row.planId, channel, action: 'retry', entity: 'OutboxMessage', entityId: id, changes: { lastError: row.lastError } }]);
  });
  return { ok: true };
}
