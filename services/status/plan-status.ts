import { fromStoredDate, type IsoDate } from '../../domain/calendar-date.js';
import { endOfLondonDay, positionAsOf, type MilestonePosition, type UpdateFact } from '../../domain/as-of.js';
import { kpiPositionAsOf, lastPeriodKnown } from '../../domain/kpi-position.js';
import type { Direction, Rag } from '../../domain/kpi-rag.js';
import { statusLabel, type MilestoneStatus } from '../../domain/milestone-status.js';
import { summarise, type StatusCounts } from '../../domain/plan-summary.js';
import type { SlippageFlag } from '../../domain/slippage.js';
import { explainSlippage } from '../../domain/slippage-notes.js';
import { slippingBySeverity } from '../../domain/slippage-severity.js';
import type { Db } from '../store/database.js';
import { findPlan, type PlanLookup } from './find-plan.js';
import { latestKpiFigures, latestUpdateRows } from './latest-records.js';
import { planKpis, planMilestones, planPriorities } from './plan-records.js';
import { assessPlanSlippage, loadSlippageRecords } from './plan-slippage.js';
import { revisionsWithMoves } from './slippage-records.js';

export interface PlanStatus {
  plan: { name: string };
  asOf: IsoDate;
  summary: StatusCounts;
  priorities: (StatusCounts & { number: number; title: string })[];
  milestones: MilestoneStatusRow[];
  kpis: { name: string; priority: number | null; unit: string; period: string | null; value: number | null; target: number | null; rag: Rag | null; direction: Direction | null }[];
  /** Every milestone with at least one flag, most severe first (`domain/slippage-severity.ts`). */
  slipping: SlippingMilestone[];
}

export interface MilestoneStatusRow {
  /** The milestone's id. */
  id: string;
  ref: string;
  title: string;
  priority: number;
  /** The owner's email. */
  owner: string | null;
  /** The owner's person id. */
  ownerId: string | null;
  status: string;
  due: IsoDate | null;
  lastUpdate: IsoDate | null;
  /** Slippage flags (`SLIPPAGE_FLAGS`), in that fixed order. */
  flags: SlippageFlag[];
  /** One plain-English line per flag, in the same order. */
  flagNotes: { flag: SlippageFlag; note: string }[];
}

/** A flagged milestone, with its flags' notes, in the same order. */
export type SlippingMilestone = Omit<MilestoneStatusRow, 'lastUpdate' | 'flagNotes'> & { notes: string[] };

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
  const [priorities, milestones, latest, revisions, kpis, figures, slippageRecords] = await Promise.all([
    planPriorities(db, plan.id),
    planMilestones(db, plan.id),
    latestUpdateRows(db, plan.id, cutoff),
    revisionsWithMoves(db, plan.id, cutoff),
    planKpis(db, plan.id),
    latestKpiFigures(db, plan.id, lastPeriodKnown(asOf)),
    loadSlippageRecords(db, plan.id, asOf),
  ]);
  const figuresByKpi = groupBy(figures, (f) => f.kpiId);
  // The latest update and the latest revision: all positionAsOf needs.
  const updatesByMilestone = groupBy([...latest, ...revisions.latest], (u) => u.milestoneId);
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
  const positions = new Map<string, MilestonePosition>(rows.map((r) => [r.milestone.id, r.position]));
  const slippage = assessPlanSlippage(slippageRecords, { milestones, positions, dueDateMoves: revisions.moves, kpis, figures: figuresByKpi }, asOf);
  const milestoneRows: PlanStatus['milestones'] = rows.map(({ milestone: m, position }) => {
    const found = slippage.get(m.id)!;
    return {
      id: m.id,
      ref: m.ref,
      title: m.text,
      priority: priorityNumber.get(m.priorityId)!,
      owner: m.ownerEmail,
      ownerId: m.ownerId,
      status: statusLabel(position.status),
      due: position.dueDate,
      lastUpdate: position.lastUpdate ? fromStoredDate(position.lastUpdate.recordedAt) : null,
      flags: found.map((s) => s.flag),
      flagNotes: found.map((s) => ({ flag: s.flag, note: explainSlippage(s) })),
    };
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
      milestones: milestoneRows,
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
      slipping: slippingBySeverity(rows.map((r, i) => ({ status: r.position.status, slippages: slippage.get(r.milestone.id)!, row: milestoneRows[i]! }))).map(
        ({ row }) => toSlipping(row),
      ),
    },
  };
}

function toSlipping(m: MilestoneStatusRow): SlippingMilestone {
  return {
    id: m.id, ref: m.ref, title: m.title, priority: m.priority, owner: m.owner, ownerId: m.ownerId, status: m.status, due: m.due,
    flags: [...m.flags], notes: m.flagNotes.map((n) => n.note),
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

