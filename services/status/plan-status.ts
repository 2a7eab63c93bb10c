import { fromStoredDate, type IsoDate } from '../../domain/calendar-date.js';
import { endOfLondonDay, positionAsOf, type UpdateFact } from '../../domain/as-of.js';
import { kpiPositionAsOf, lastPeriodKnown } from '../../domain/kpi-position.js';
import type { Direction, Rag } from '../../domain/kpi-rag.js';
import { statusLabel, type MilestoneStatus } from '../../domain/milestone-status.js';
import { summarise, type StatusCounts } from '../../domain/plan-summary.js';
import type { Db } from '../store/database.js';
import { findPlan, type PlanLookup } from './find-plan.js';
import { latestKpiFigures, latestUpdates } from './latest-records.js';

export interface PlanStatus {
  plan: { name: string };
  asOf: IsoDate;
  summary: StatusCounts;
  priorities: (StatusCounts & { number: number; title: string })[];
  milestones: {
    ref: string;
    title: string;
    priority: number;
    owner: string | null;
    status: string;
    due: IsoDate | null;
    lastUpdate: IsoDate | null;
  }[];
  kpis: { name: string; priority: number | null; unit: string; period: string | null; value: number | null; target: number | null; rag: Rag | null; direction: Direction | null }[];
}

export type PlanStatusResult = { ok: true; status: PlanStatus } | { ok: false; message: string };

/**
 * Where a plan stood at the end of a day, from stored history only: nothing recorded
 * after the day counts. A fixed number of queries, however large the plan.
 */
export async function planStatus(db: Db, lookup: PlanLookup, asOf: IsoDate): Promise<PlanStatusResult> {
  const found = await findPlan(db, lookup);
  if (!found.ok) return found;
  const plan = found.plan;
  const cutoff = endOfLondonDay(asOf);
  const [priorities, milestones, updates, kpis, figures] = await Promise.all([
    db.priority.findMany({ where: { planId: plan.id }, orderBy: { number: 'asc' } }),
    db.milestone.findMany({
      where: { planId: plan.id },
      orderBy: { sortKey: 'asc' },
      select: { id: true, ref: true, text: true, priorityId: true, initialStatus: true, dueDate: true, owner: { select: { email: true } } },
    }),
    latestUpdates(db, plan.id, cutoff),
    db.kpi.findMany({ where: { planId: plan.id }, orderBy: { name: 'asc' } }),
    latestKpiFigures(db, plan.id, lastPeriodKnown(asOf)),
  ]);
  const figuresByKpi = groupBy(figures, (f) => f.kpiId);
  const updatesByMilestone = groupBy(updates, (u) => u.milestoneId);
  const priorityNumber = new Map(priorities.map((p) => [p.id, p.number]));
  const rows = milestones.map((m) => {
    const position = positionAsOf(
      {
        initialStatus: m.initialStatus,
        dueDate: m.dueDate ? fromStoredDate(m.dueDate) : null,
        updates: (updatesByMilestone.get(m.id) ?? []).map(toFact),
      },
      asOf,
    );
    return { milestone: m, position };
  });
  const statusesOf = (priorityId?: string) =>
    rows.filter((r) => priorityId === undefined || r.milestone.priorityId === priorityId).map((r) => r.position.status as MilestoneStatus);
  return {
    ok: true,
    status: {
      plan: { name: plan.name },
      asOf,
      summary: summarise(statusesOf()),
      priorities: priorities.map((p) => ({ number: p.number, title: p.title, ...summarise(statusesOf(p.id)) })),
      milestones: rows.map(({ milestone: m, position }) => ({
        ref: m.ref,
        title: m.text,
        priority: priorityNumber.get(m.priorityId)!,
        owner: m.owner?.email ?? null,
        status: statusLabel(position.status),
        due: position.dueDate,
        lastUpdate: position.lastUpdate ? fromStoredDate(position.lastUpdate.recordedAt) : null,
      })),
      kpis: kpis.map((k) => {
        const position = kpiPositionAsOf(k, figuresByKpi.get(k.id) ?? [], asOf);
        return {
          name: k.name,
          priority: k.priorityId ? priorityNumber.get(k.priorityId)! : null,
          unit: k.unit,
          period: position.period,
          value: position.value,
          target: k.target,
          rag: position.rag,
          direction: position.direction,
        };
      }),
    },
  };
}

function toFact(u: { status: MilestoneStatus; recordedAt: Date; revisedDueDate: Date | null }): UpdateFact {
  return { status: u.status, recordedAt: u.recordedAt, revisedDueDate: u.revisedDueDate ? fromStoredDate(u.revisedDueDate) : null };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

