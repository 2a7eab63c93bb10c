import { fromStoredDate, londonDateOf, type IsoDate } from '../../domain/calendar-date.js';
import { isOverdue } from '../../domain/checkin-rules.js';
import type { CheckinView } from '../messenger.js';
import type { Db } from '../store/database.js';

/** The due date in force: the latest revision, else the plan's. */
export async function dueDateInForce(db: Db, milestoneId: string, planned: Date | null): Promise<IsoDate | null> {
  const revision = await db.statusUpdate.findFirst({
    where: { milestoneId, revisedDueDate: { not: null } },
    orderBy: [{ recordedAt: 'desc' }, { createdAt: 'desc' }],
    select: { revisedDueDate: true },
  });
  const due = revision?.revisedDueDate ?? planned;
  return due ? fromStoredDate(due) : null;
}

/** The due date in force and the latest update, for a card. */
export async function milestoneNow(db: Db, milestoneId: string) {
  const [milestone, latest] = await Promise.all([
    db.milestone.findUniqueOrThrow({
      where: { id: milestoneId },
      select: { id: true, ref: true, text: true, dueDate: true, initialStatus: true, planId: true, ownerId: true, plan: { select: { name: true } } },
    }),
    db.statusUpdate.findFirst({
      where: { milestoneId },
      orderBy: [{ recordedAt: 'desc' }, { createdAt: 'desc' }],
      include: { author: { select: { email: true, name: true } } },
    }),
  ]);
  return {
    milestone,
    status: latest?.status ?? milestone.initialStatus,
    dueDate: await dueDateInForce(db, milestoneId, milestone.dueDate),
    latest,
  };
}

export async function checkinView(db: Db, milestoneId: string, card: { cardId: string; cycle: string | null; today: IsoDate }): Promise<CheckinView> {
  const now = await milestoneNow(db, milestoneId);
  const { milestone, latest } = now;
  return {
    milestoneId,
    ref: milestone.ref,
    title: milestone.text,
    planName: milestone.plan.name,
    dueDate: now.dueDate,
    currentStatus: now.status,
    lastUpdate: latest
      ? {
          date: londonDateOf(latest.recordedAt),
          status: latest.status,
          by: latest.author?.name ?? latest.author?.email ?? null,
          workingWell: latest.workingWell,
          worriedAbout: latest.worriedAbout,
          needsToHappen: latest.needsToHappen,
        }
      : null,
    cycle: card.cycle,
    cardId: card.cardId,
    overdue: isOverdue(now.dueDate, now.status, card.today),
  };
}
