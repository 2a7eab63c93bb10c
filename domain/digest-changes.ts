import type { IsoDate } from './calendar-date.js';
import type { Rag } from './kpi-rag.js';

/** A plan as it stood on one day: what two digests a week apart are compared on. */
export interface PlanSnapshot {
  asOf: IsoDate;
  percentOnTrack: number;
  milestones: { id: string; ref: string; title: string; status: string; flags: readonly string[]; lastUpdate: IsoDate | null }[];
  kpis: { name: string; unit: string; period: string | null; value: number | null; target: number | null; rag: Rag | null }[];
}

export interface StatusChange {
  id: string;
  ref: string;
  title: string;
  from: string;
  to: string;
}

export interface FlagChange {
  id: string;
  ref: string;
  title: string;
  flags: string[];
}

/** What changed between two snapshots of a plan (normally a week apart). */
export interface DigestChanges {
  /** Percentage on track before, or null when the plan had no milestones then. */
  previousPercent: number | null;
  statusChanges: StatusChange[];
  /** Milestones that gained flags, with the new ones only. */
  newlyFlagged: FlagChange[];
  /** Milestones that had flags and have none now. */
  cleared: FlagChange[];
  /** Milestones whose latest update is after the earlier snapshot's day. */
  updated: { id: string; ref: string }[];
  /** KPIs red now that were not red (or had no figure) before. */
  kpisTurnedRed: PlanSnapshot['kpis'];
}

/** Compares a plan now with how it stood before; milestones new since then count as changes from nothing. */
export function digestChanges(before: PlanSnapshot, now: PlanSnapshot): DigestChanges {
  const earlier = new Map(before.milestones.map((m) => [m.id, m]));
  const statusChanges: StatusChange[] = [];
  const newlyFlagged: FlagChange[] = [];
  const cleared: FlagChange[] = [];
  for (const m of now.milestones) {
    const was = earlier.get(m.id);
    if (was && was.status !== m.status) statusChanges.push({ id: m.id, ref: m.ref, title: m.title, from: was.status, to: m.status });
    const gained = m.flags.filter((f) => !was?.flags.includes(f));
    if (gained.length) newlyFlagged.push({ id: m.id, ref: m.ref, title: m.title, flags: gained });
    if (was?.flags.length && !m.flags.length) cleared.push({ id: m.id, ref: m.ref, title: m.title, flags: [...was.flags] });
  }
  const redBefore = new Set(before.kpis.filter((k) => k.rag === 'red').map((k) => k.name));
  return {
    previousPercent: before.milestones.length ? before.percentOnTrack : null,
    statusChanges,
    newlyFlagged,
    cleared,
    updated: now.milestones.filter((m) => m.lastUpdate !== null && m.lastUpdate > before.asOf).map((m) => ({ id: m.id, ref: m.ref })),
    kpisTurnedRed: now.kpis.filter((k) => k.rag === 'red' && !redBefore.has(k.name)),
  };
}

/** "68.2%, down from 72.7%" — the headline's trend, in words. */
export function describeTrend(percent: number, previous: number | null): string {
  if (previous === null) return `${percent}%`;
  if (percent === previous) return `${percent}%, unchanged from last week`;
  return `${percent}%, ${percent < previous ? 'down' : 'up'} from ${previous}%`;
}
