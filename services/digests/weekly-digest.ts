import { addDays, type IsoDate } from '../../domain/calendar-date.js';
import { digestChanges, type DigestChanges, type PlanSnapshot } from '../../domain/digest-changes.js';
import { planStatus, type PlanStatus } from '../status/plan-status.js';
import type { Db } from '../store/database.js';
import { findPlan, type PlanLookup } from '../status/find-plan.js';

/** Teams cards stop being readable (and near the 100 KB limit) long before 200 rows: longer lists end "and N more". */
export const DIGEST_LIST_LIMIT = 12;

export interface DigestMilestone {
  id: string;
  ref: string;
  title: string;
  owner: string | null;
  status: string;
  notes: string[];
}

/** What the weekly director digest says; `cards/director-digest-card.ts` renders it. */
export interface DirectorDigestView {
  planId: string;
  planName: string;
  asOf: IsoDate;
  headline: { onTrack: number; total: number; percent: number; previousPercent: number | null };
  changes: Omit<DigestChanges, 'previousPercent' | 'kpisTurnedRed'> & { shownLimit: number };
  slipping: DigestMilestone[];
  slippingTotal: number;
  updatesMissing: DigestMilestone[];
  updatesMissingTotal: number;
  kpisTurnedRed: DigestChanges['kpisTurnedRed'];
  /** The latest board pack's download link, for everything the card leaves out. */
  packUrl: string | null;
}

export type DigestResult = { ok: true; view: DirectorDigestView } | { ok: false; message: string };

/**
 * The weekly digest of a plan as it stood at the end of a day, compared with a week
 * before, from stored history only. Two status reads, however large the plan.
 */
export async function buildWeeklyDigest(db: Db, lookup: PlanLookup, asOf: IsoDate, packUrl: string | null = null): Promise<DigestResult> {
  const found = await findPlan(db, lookup);
  if (!found.ok) return found;
  const { id } = found.plan;
  const [now, before] = await Promise.all([planStatus(db, { id }, asOf), planStatus(db, { id }, addDays(asOf, -7))]);
  if (!now.ok) return now;
  if (!before.ok) return before;
  return { ok: true, view: digestView(id, now.status, before.status, packUrl) };
}

function digestView(planId: string, now: PlanStatus, before: PlanStatus, packUrl: string | null): DirectorDigestView {
  const changes = digestChanges(snapshot(before), snapshot(now));
  const missing = now.slipping.filter((m) => m.flags.includes('update-missing'));
  const s = now.summary;
  return {
    planId,
    planName: now.plan.name,
    asOf: now.asOf,
    headline: { onTrack: s.onTrack + s.complete, total: s.total, percent: s.percentOnTrack, previousPercent: changes.previousPercent },
    changes: {
      statusChanges: changes.statusChanges.slice(0, DIGEST_LIST_LIMIT),
      newlyFlagged: changes.newlyFlagged.slice(0, DIGEST_LIST_LIMIT),
      cleared: changes.cleared.slice(0, DIGEST_LIST_LIMIT),
      updated: changes.updated,
      shownLimit: DIGEST_LIST_LIMIT,
    },
    slipping: now.slipping.slice(0, DIGEST_LIST_LIMIT).map(toDigestMilestone),
    slippingTotal: now.slipping.length,
    updatesMissing: missing.slice(0, DIGEST_LIST_LIMIT).map(toDigestMilestone),
    updatesMissingTotal: missing.length,
    kpisTurnedRed: changes.kpisTurnedRed.slice(0, DIGEST_LIST_LIMIT),
    packUrl,
  };
}

function snapshot(s: PlanStatus): PlanSnapshot {
  return {
    asOf: s.asOf,
    percentOnTrack: s.summary.percentOnTrack,
    milestones: s.milestones.map((m) => ({ id: m.id, ref: m.ref, title: m.title, status: m.status, flags: m.flags, lastUpdate: m.lastUpdate })),
    kpis: s.kpis,
  };
}

function toDigestMilestone(m: PlanStatus['slipping'][number]): DigestMilestone {
  return { id: m.id, ref: m.ref, title: m.title, owner: m.owner, status: m.status, notes: m.notes };
}
