import { randomUUID } from 'node:crypto';
import { fromStoredDate, londonDateOf, toStoredDate, type IsoDate } from '../../domain/calendar-date.js';
import { revisedDateProblem } from '../../domain/checkin-rules.js';
import type { MilestoneStatus } from '../../domain/milestone-status.js';
import type { Dialect } from '../store/database-target.js';
import type { Db } from '../store/database.js';
import { NOT_LINKED, refusal, roleFrom } from './authorise.js';
import { insertCheckin, isUniqueViolation, readAnswerContext } from './checkin-records.js';

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
 * The common path is two statements: one read, one write (checkin-records.ts; on
 * PostgreSQL the write is a single statement when `opts.dialect` says so).
 */
export async function recordCheckin(db: Db, actorAadObjectId: string | undefined, answer: CheckinAnswer, now: Date, opts: { dialect?: Dialect } = {}): Promise<RecordCheckinResult> {
  const found = actorAadObjectId ? await readAnswerContext(db, actorAadObjectId, answer.milestoneId, answer.cardId) : undefined;
  if (!found) return { ok: false, kind: 'refused', message: NOT_LINKED };
  const { actor, milestone } = found;
  if (!milestone) return { ok: false, kind: 'refused', message: 'That milestone is no longer in the plan. Nothing was recorded.' };
  const role = roleFrom({ isOwner: milestone.ownerId === actor.id, isDelegate: found.isDelegate, isAdministrator: found.isAdministrator });
  if (!role) return { ok: false, kind: 'refused', message: refusal(milestone.ref) };

  // A second copy of the same card (a double click, a retry by Teams) is caught by the
  // unique (milestone, card) key when stored: no read on the common path.
  const dedupeKey = `card:${answer.cardId}`;
  const due = found.revisedDueDate ?? milestone.dueDate;
  const problem = revisedDateProblem({ status: answer.status, revisedDueDate: answer.revisedDueDate, dueDate: due ? fromStoredDate(due) : null, today: londonDateOf(now) });
  if (problem) {
    const earlier = await storedAnswer(db, milestone.id, dedupeKey);
    if (earlier) return { ok: true, receipt: { ...earlier, ref: milestone.ref, title: milestone.text, duplicate: true } };
    return { ok: false, kind: 'invalid', field: 'revisedDueDate', message: problem };
  }

  try {
    await insertCheckin(db, opts.dialect, {
      updateId: randomUUID(), milestoneId: milestone.id, planId: milestone.planId, authorId: actor.id, promptId: found.promptId,
      status: answer.status, workingWell: answer.workingWell, worriedAbout: answer.worriedAbout, needsToHappen: answer.needsToHappen,
      revisedDueDate: answer.revisedDueDate ? toStoredDate(answer.revisedDueDate) : null, dedupeKey,
      // The same link twice in one answer is kept once.
      evidence: [...new Map(answer.evidence.map((e) => [e.url, e])).values()].map((e) => ({ id: randomUUID(), title: e.title, url: e.url })),
      changes: { status: answer.status, cycle: answer.cycle, cardId: answer.cardId },
      now,
    });
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
