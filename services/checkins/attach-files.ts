import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit.js';
import type { MilestoneRow } from '../milestones/find-milestone.js';
import type { Db } from '../store/database.js';
import { refusal, roleOn, type Actor } from './authorise.js';

export interface SharedFile {
  name: string;
  /** Where Teams keeps it (a SharePoint/OneDrive link); we keep the reference, not the file. */
  location: string;
}

/** How long after opening a check-in card a file sent in chat counts as its evidence. */
const OPEN_CARD_WINDOW_MS = 24 * 60 * 60 * 1000;

export type AttachResult = { ok: true; ref: string; count: number } | { ok: false; message: string };

/**
 * Files someone sends in chat while updating become evidence references: for the
 * milestone they name, or else the one whose check-in card they opened most recently.
 */
export async function attachFiles(db: Db, actor: Actor, files: SharedFile[], named: MilestoneRow | undefined, now: Date): Promise<AttachResult> {
  const milestone = named ?? (await lastOpened(db, actor.id, now));
  if (!milestone) {
    return { ok: false, message: 'Which milestone is this evidence for? Send the file again with its ref in the message, for example: evidence 2.1' };
  }
  if (!(await roleOn(db, actor.id, milestone))) return { ok: false, message: refusal(milestone.ref) };
  await db.$transaction(async (tx) => {
    const unique = [...new Map(files.map((f) => [f.location, f])).values()];
    const rows = unique.map((f) => ({
      id: randomUUID(), milestoneId: milestone.id, title: f.name, fileRef: f.location, addedById: actor.id, addedAt: now, dedupeKey: `file:${f.location}`,
    }));
    const known = await tx.evidence.findMany({ where: { milestoneId: milestone.id, dedupeKey: { in: rows.map((r) => r.dedupeKey) } }, select: { dedupeKey: true } });
    const fresh = rows.filter((r) => !known.some((k) => k.dedupeKey === r.dedupeKey));
    if (fresh.length) await tx.evidence.createMany({ data: fresh });
    await recordAudit(tx, fresh.map((r) => ({ planId: milestone.planId, actorId: actor.id, channel: 'teams', action: 'create' as const, entity: 'Evidence', entityId: r.id, changes: { file: r.title } })));
  });
  return { ok: true, ref: milestone.ref, count: files.length };
}

async function lastOpened(db: Db, personId: string, now: Date): Promise<MilestoneRow | undefined> {
  const prompt = await db.prompt.findFirst({
    where: { personId, createdAt: { gte: new Date(now.getTime() - OPEN_CARD_WINDOW_MS) } },
    orderBy: { createdAt: 'desc' },
    select: { milestone: { select: { id: true, planId: true, ref: true, text: true, ownerId: true, dueDate: true, plan: { select: { name: true } } } } },
  });
  return prompt?.milestone;
}
