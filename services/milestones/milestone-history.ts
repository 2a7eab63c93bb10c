import { londonDateOf } from '../../domain/calendar-date.js';
import { statusLabel } from '../../domain/milestone-status.js';
import type { Db } from '../store/database.js';

export interface HistoryLine {
  date: string;
  status: string;
  by: string | null;
  source: string;
  workingWell: string;
  worriedAbout: string;
  needsToHappen: string;
  revisedDueDate: string | null;
}

/** The latest updates to a milestone, newest first, with who and when. */
export async function milestoneHistory(db: Db, milestoneId: string, take = 10): Promise<HistoryLine[]> {
  const updates = await db.statusUpdate.findMany({
    where: { milestoneId },
    orderBy: [{ recordedAt: 'desc' }, { createdAt: 'desc' }],
    take,
    include: { author: { select: { name: true, email: true } } },
  });
  return updates.map((u) => ({
    date: londonDateOf(u.recordedAt),
    status: statusLabel(u.status),
    by: u.author?.name ?? u.author?.email ?? null,
    source: u.source.toLowerCase(),
    workingWell: u.workingWell,
    worriedAbout: u.worriedAbout,
    needsToHappen: u.needsToHappen,
    revisedDueDate: u.revisedDueDate ? u.revisedDueDate.toISOString().slice(0, 10) : null,
  }));
}

export interface EvidenceLine {
  title: string;
  url: string | null;
  fileRef: string | null;
  date: string;
  by: string | null;
}

export async function milestoneEvidence(db: Db, milestoneId: string, take = 30): Promise<EvidenceLine[]> {
  const evidence = await db.evidence.findMany({
    where: { milestoneId },
    orderBy: { addedAt: 'desc' },
    take,
    include: { addedBy: { select: { name: true, email: true } } },
  });
  return evidence.map((e) => ({ title: e.title, url: e.url, fileRef: e.fileRef, date: londonDateOf(e.addedAt), by: e.addedBy?.name ?? e.addedBy?.email ?? null }));
}
