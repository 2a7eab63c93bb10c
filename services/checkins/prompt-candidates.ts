import { fromStoredDate, type IsoDate } from '../../domain/calendar-date.js';
import { promptRecipient } from '../../domain/schedule.js';
import { latestUpdateRows } from '../status/latest-records.js';
import type { Db } from '../store/database.js';

export interface PromptCandidate {
  milestoneId: string;
  ref: string;
  ownerId: string;
  /** Who the cycle's prompt goes to: the owner, their delegate while they are away, or null (away, no delegate). */
  personId: string | null;
}

/**
 * The milestones a cycle asks about and who is asked for each (`promptRecipient`), for
 * the prompts job and for `ib schedule preview` alike. Three queries whatever the plan's
 * size: delegations are read by plan, not as a relation of each milestone, because Prisma
 * binds one id per milestone for a filtered relation, past SQLite's 999 on a large plan.
 */
export async function promptCandidates(db: Db, planId: string, cycle: string, on: IsoDate, now: Date): Promise<PromptCandidate[]> {
  const [milestones, delegations, latest] = await Promise.all([
    db.milestone.findMany({
      where: { planId, ownerId: { not: null } },
      orderBy: { sortKey: 'asc' },
      select: { id: true, ref: true, cadence: true, initialStatus: true, owner: { select: { id: true, awayUntil: true } } },
    }),
    db.delegation.findMany({ where: { revokedAt: null, milestone: { planId } }, orderBy: { createdAt: 'asc' }, select: { milestoneId: true, delegateId: true } }),
    latestUpdateRows(db, planId, now),
  ]);
  const status = new Map(latest.map((u) => [u.milestoneId, u.status]));
  const delegates = new Map<string, string[]>();
  for (const d of delegations) delegates.set(d.milestoneId, [...(delegates.get(d.milestoneId) ?? []), d.delegateId]);
  const candidates: PromptCandidate[] = [];
  for (const m of milestones) {
    const owner = m.owner!;
    const to = promptRecipient(
      { status: status.get(m.id) ?? m.initialStatus, cadence: m.cadence, ownerId: owner.id, ownerAwayUntil: owner.awayUntil && fromStoredDate(owner.awayUntil), delegateIds: delegates.get(m.id) ?? [] },
      cycle,
      on,
    );
    if (to) candidates.push({ milestoneId: m.id, ref: m.ref, ownerId: owner.id, personId: to.personId });
  }
  return candidates;
}
