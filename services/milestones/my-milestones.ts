import { fromStoredDate, type IsoDate } from '../../domain/calendar-date.js';
import { positionAsOf } from '../../domain/as-of.js';
import { londonDateOf } from '../../domain/calendar-date.js';
import type { MilestoneStatus } from '../../domain/milestone-status.js';
import type { Db } from '../store/database.js';

export interface MyMilestone {
  milestoneId: string;
  ref: string;
  title: string;
  status: MilestoneStatus;
  dueDate: IsoDate | null;
  nextUpdateDue: IsoDate | null;
  planName: string;
}

/** The milestones someone owns or holds as a delegate, with where each stands today. */
export async function myMilestones(db: Db, personId: string, now: Date): Promise<MyMilestone[]> {
  const milestones = await db.milestone.findMany({
    where: { OR: [{ ownerId: personId }, { delegations: { some: { delegateId: personId, revokedAt: null } } }] },
    orderBy: [{ plan: { name: 'asc' } }, { sortKey: 'asc' }],
    select: {
      id: true, ref: true, text: true, dueDate: true, initialStatus: true, cadence: true,
      plan: { select: { name: true } },
      updates: { select: { status: true, recordedAt: true, revisedDueDate: true } },
      prompts: { where: { answeredAt: null, trigger: 'SCHEDULE' }, select: { createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
    },
  });
  const today = londonDateOf(now);
  return milestones.map((m) => {
    const position = positionAsOf(
      {
        initialStatus: m.initialStatus,
        dueDate: m.dueDate ? fromStoredDate(m.dueDate) : null,
        updates: m.updates.map((u) => ({ status: u.status, recordedAt: u.recordedAt, revisedDueDate: u.revisedDueDate ? fromStoredDate(u.revisedDueDate) : null })),
      },
      today,
    );
    const asked = m.prompts[0];
    return {
      milestoneId: m.id, ref: m.ref, title: m.text, status: position.status, dueDate: position.dueDate,
      // Until the scheduler sets cycles, an unanswered prompt is the update that is due.
      nextUpdateDue: asked ? londonDateOf(asked.createdAt) : null,
      planName: m.plan.name,
    };
  });
}
