import { normaliseRef } from '../../domain/milestone-ref.js';
import type { Db } from '../store/database.js';

export type MilestoneRow = { id: string; planId: string; ref: string; text: string; ownerId: string | null; dueDate: Date | null; plan: { name: string } };

export type FindMilestoneResult = { ok: true; milestone: MilestoneRow } | { ok: false; message: string };

const SELECT = { id: true, planId: true, ref: true, text: true, ownerId: true, dueDate: true, plan: { select: { name: true } } } as const;

/**
 * A milestone named by its ref, as someone types it ("2.1"). When several plans have
 * that ref, the ones this person owns or holds come first; a plan name settles the rest.
 */
export async function findMilestoneByRef(db: Db, refText: string, opts: { personId?: string; planName?: string }): Promise<FindMilestoneResult> {
  const ref = normaliseRef(refText);
  if (!ref) return { ok: false, message: `"${refText}" is not a milestone reference; use its number, such as 2.1.` };
  const candidates = await db.milestone.findMany({
    where: { ref, ...(opts.planName ? { plan: { name: opts.planName } } : {}) },
    select: { ...SELECT, delegations: { where: { revokedAt: null }, select: { delegateId: true } } },
    take: 20,
  });
  if (candidates.length === 0) return { ok: false, message: `There is no milestone ${ref}${opts.planName ? ` in ${opts.planName}` : ''}.` };
  if (candidates.length === 1) return { ok: true, milestone: candidates[0]! };
  const mine = candidates.filter((m) => m.ownerId === opts.personId || m.delegations.some((d) => d.delegateId === opts.personId));
  if (mine.length === 1) return { ok: true, milestone: mine[0]! };
  const plans = candidates.map((m) => `"${m.plan.name}"`).join(', ');
  return { ok: false, message: `Milestone ${ref} is in more than one plan (${plans}). Say which, for example: update ${ref} in ${candidates[0]!.plan.name}` };
}

export async function findMilestoneById(db: Db, id: string): Promise<MilestoneRow | null> {
  return db.milestone.findUnique({ where: { id }, select: SELECT });
}
