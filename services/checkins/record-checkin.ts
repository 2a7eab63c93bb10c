import { randomUUID } from 'node:crypto';
import { londonDateOf, toStoredDate, type IsoDate } from '../../domain/calendar-date.js';
import { revisedDateProblem } from '../../domain/checkin-rules.js';
import type { MilestoneStatus } from '../../domain/milestone-status.js';
import { findMilestoneById } from '../milestones/find-milestone.js';
import type { Db } from '../store/database.js';
import { actorFor, NOT_LINKED, refusal, roleOn } from './authorise.js';
import { dueDateInForce } from './checkin-view.js';

/** A check-in card's answer, already checked for shape (see cards/checkin-card.ts). */
export interface CheckinAnswer {
  milestoneId: string;
  cardId: string;
  cycle: string | null;
  status: MilestoneStatus;
  workingWell: string;
  worriedAbout: string;
  needsToHappen: string;
  revisedDueDate: IsoDate | null;
  evidence: { title: string; url: string }[];
}

export interface Receipt {
  ref: string;
  title: string;
  status: MilestoneStatus;
  recordedAt: Date;
  by: string;
  workingWell: string;
  worriedAbout: string;
  needsToHappen: string;
  revisedDueDate: IsoDate | null;
  evidence: { title: string; url: string }[];
  duplicate: boolean;
}

export type RecordCheckinResult =
  | { ok: true; receipt: Receipt }
  /** The person may not do this, or it no longer exists: say so; nothing stored. */
  | { ok: false; kind: 'refused'; message: string }
  /** The answer needs correcting: show the card again with the message by the field. */
  | { ok: false; kind: 'invalid'; field: 'revisedDueDate'; message: string };

/**
 * Records an owner's answer to a check-in card as a new status update (history is only
 * ever appended). The card's id makes a second submission of the same card (a double
 * click, a retry by Teams) recognisable: it is stored once and acknowledged again.
 */
export async function recordCheckin(db: Db, actorAadObjectId: string | undefined, answer: CheckinAnswer, now: Date): Promise<RecordCheckinResult> {
  const actor = await actorFor(db, actorAadObjectId);
  if (!actor) return { ok: false, kind: 'refused', message: NOT_LINKED };
  const milestone = await findMilestoneById(db, answer.milestoneId);
  if (!milestone) return { ok: false, kind: 'refused', message: 'That milestone is no longer in the plan. Nothing was recorded.' };
  if (!(await roleOn(db, actor.id, milestone))) return { ok: false, kind: 'refused', message: refusal(milestone.ref) };

  // A second copy of the same card (a double click, a retry by Teams) is caught by the
  // unique (milestone, card) key when stored: no read on the common path.
  const dedupeKey = `card:${answer.cardId}`;
  const dueDate = await dueDateInForce(db, milestone.id, milestone.dueDate);
  const problem = revisedDateProblem({ status: answer.status, revisedDueDate: answer.revisedDueDate, dueDate, today: londonDateOf(now) });
  if (problem) {
    const earlier = await storedAnswer(db, milestone.id, dedupeKey);
    if (earlier) return { ok: true, receipt: { ...earlier, ref: milestone.ref, title: milestone.text, duplicate: true } };
    return { ok: false, kind: 'invalid', field: 'revisedDueDate', message: problem };
  }

  try {
    await store(db, milestone, actor.id, answer, dedupeKey, now);
  } catch (error) {
    // Two copies of the same submission raced; the other one stored it.
    if (!isUniqueViolation(error)) throw error;
    const stored = await storedAnswer(db, milestone.id, dedupeKey);
    if (!stored) throw error;
    return { ok: true, receipt: { ...stored, ref: milestone.ref, title: milestone.text, duplicate: true } };
  }
  return {
    ok: true,
    receipt: {
      ref: milestone.ref, title: milestone.text, status: answer.status, recordedAt: now, by: actor.name ?? actor.email,
      workingWell: answer.workingWell, worriedAbout: answer.worriedAbout, needsToHappen: answer.needsToHappen,
      revisedDueDate: answer.revisedDueDate, evidence: answer.evidence, duplicate: false,
    },
  };
}

/** One batch transaction: the update, its new evidence, the prompt answered, the audit entry. */
async function store(db: Db, milestone: { id: string; planId: string }, authorId: string, answer: CheckinAnswer, dedupeKey: string, now: Date) {
  const [prompt, known] = await Promise.all([
    db.prompt.findUnique({ where: { cardId: answer.cardId }, select: { id: true, milestoneId: true } }),
    answer.evidence.length
      ? db.evidence.findMany({ where: { milestoneId: milestone.id, url: { in: answer.evidence.map((e) => e.url) } }, select: { url: true } })
      : Promise.resolve([]),
  ]);
  const promptId = prompt?.milestoneId === milestone.id ? prompt.id : null;
  const updateId = randomUUID();
  const fresh = [...new Map(answer.evidence.map((e) => [e.url, e])).values()].filter((e) => !known.some((k) => k.url === e.url));
  await db.$transaction([
    db.statusUpdate.create({
      data: {
        id: updateId, milestoneId: milestone.id, status: answer.status, workingWell: answer.workingWell, worriedAbout: answer.worriedAbout,
        needsToHappen: answer.needsToHappen, revisedDueDate: answer.revisedDueDate ? toStoredDate(answer.revisedDueDate) : null,
        recordedAt: now, authorId, source: 'TEAMS', dedupeKey, promptId,
      },
      select: { id: true },
    }),
    db.evidence.createMany({
      data: fresh.map((e) => ({ id: randomUUID(), milestoneId: milestone.id, statusUpdateId: updateId, title: e.title, url: e.url, addedById: authorId, addedAt: now, dedupeKey: `link:${e.url}` })),
    }),
    ...(promptId ? [db.prompt.update({ where: { id: promptId }, data: { answeredAt: now }, select: { id: true } })] : []),
    db.auditEntry.create({
      data: { planId: milestone.planId, actorId: authorId, channel: 'teams', action: 'create', entity: 'StatusUpdate', entityId: updateId, changes: { status: answer.status, cycle: answer.cycle, cardId: answer.cardId } },
      select: { id: true },
    }),
  ]);
}


async function storedAnswer(db: Db, milestoneId: string, dedupeKey: string) {
  const update = await db.statusUpdate.findUnique({
    where: { milestoneId_dedupeKey: { milestoneId, dedupeKey } },
    include: { author: { select: { email: true, name: true } }, evidence: { select: { title: true, url: true } } },
  });
  if (!update) return undefined;
  return {
    status: update.status, recordedAt: update.recordedAt, by: update.author?.name ?? update.author?.email ?? '',
    workingWell: update.workingWell, worriedAbout: update.worriedAbout, needsToHappen: update.needsToHappen,
    revisedDueDate: update.revisedDueDate ? update.revisedDueDate.toISOString().slice(0, 10) : null,
    evidence: update.evidence.flatMap((e) => (e.url ? [{ title: e.title, url: e.url }] : [])),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
