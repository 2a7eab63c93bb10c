import { formatLongDate } from '../../domain/calendar-date.js';
import type { Actor } from '../checkins/authorise.js';
import { dueDateInForce } from '../checkins/checkin-view.js';
import { displayName } from '../checkins/escalation.js';
import type { Db } from '../store/database.js';
import { milestoneHistory, type HistoryLine } from './milestone-history.js';

export type MilestoneBriefResult = { ok: true; ref: string; title: string; owner: string | null; due: string | null; history: HistoryLine[] } | { ok: false; message: string };

/**
 * A milestone and its latest updates, for someone who reads the plan's digests or alerts:
 * its members (directors, board members, administrators) and the people who own milestones in it.
 */
export async function milestoneBrief(db: Db, actor: Actor, milestoneId: string): Promise<MilestoneBriefResult> {
  const m = await db.milestone.findUnique({
    where: { id: milestoneId },
    select: { id: true, ref: true, text: true, planId: true, dueDate: true, owner: { select: { name: true, email: true } } },
  });
  if (!m) return { ok: false, message: 'That milestone is no longer in the plan.' };
  const [member, owns] = await Promise.all([
    db.planMember.findFirst({ where: { planId: m.planId, personId: actor.id }, select: { id: true } }),
    db.milestone.findFirst({ where: { planId: m.planId, ownerId: actor.id }, select: { id: true } }),
  ]);
  if (!member && !owns) return { ok: false, message: 'Only people who work on this plan can open its milestones.' };
  const [due, history] = await Promise.all([dueDateInForce(db, m.id, m.dueDate), milestoneHistory(db, m.id, 3)]);
  return { ok: true, ref: m.ref, title: m.text, owner: m.owner ? displayName(m.owner) : null, due: due ? formatLongDate(due) : null, history };
}
