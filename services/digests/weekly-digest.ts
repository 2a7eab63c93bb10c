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
  planName: string;
  asOf: IsoDate;
  headline: { onTrack: number; total: number; percent: number; previousPercent: number | null };
  /** The week's changes, each list cut at DIGEST_LIST_LIMIT; `more` counts what was cut. */
  changes: Pick<DigestChanges, 'statusChanges' | 'newlyFlagged' | 'cleared'> & { more: number; updatedCount: number };
  slipping: DigestMilestone[];
  slippingTotal: number;
  updatesMissing: DigestMilestone[];
  updatesMissingTotal: number;
  kpisTurnedRed: DigestChanges['kpisTurnedRed'];
  kpisTurnedRedTotal: number;
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
  return { ok: true, view: digestView(now.status, before.status, packUrl) };
}

function digestView(now: PlanStatus, before: PlanStatus, packUrl: string | null): DirectorDigestView {
  const changes = digestChanges(snapshot(before), snapshot(now));
  const [statusChanges, newlyFlagged, cleared] = [changes.statusChanges, changes.newlyFlagged, changes.cleared].map((list) => list.slice(0, DIGEST_LIST_LIMIT)) as [
    DigestChanges['statusChanges'], DigestChanges['newlyFlagged'], DigestChanges['cleared'],
  ];
  const listed = changes.statusChanges.length + changes.newlyFlagged.length + changes.cleared.length;
  const missing = now.slipping.filter((m) => m.flags.includes('update-missing'));
  const s = now.summary;
  return {
    planName: now.plan.name,
    asOf: now.asOf,
    headline: { onTrack: s.onTrack + s.complete, total: s.total, percent: s.percentOnTrack, previousPercent: changes.previousPercent },
    changes: { statusChanges, newlyFlagged, cleared, more: listed - statusChanges.length - newlyFlagged.length - cleared.length, updatedCount: changes.updated.length },
    slipping: now.slipping.slice(0, DIGEST_LIST_LIMIT).map(toDigestMilestone),
    slippingTotal: now.slipping.length,
    updatesMissing: missing.slice(0, DIGEST_LIST_LIMIT).map(toDigestMilestone),
    updatesMissingTotal: missing.length,
    kpisTurnedRed: changes.kpisTurnedRed.slice(0, DIGEST_LIST_LIMIT),
    kpisTurnedRedTotal: changes.kpisTurnedRed.length,
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
