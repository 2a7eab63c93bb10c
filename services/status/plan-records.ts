import type { Polarity } from '../../domain/kpi-rag.js';
import type { MilestoneStatus } from '../../domain/milestone-status.js';
import type { Db } from '../store/database.js';

/*
 * A plan's own rows for its status, in raw SQL: Prisma's row mapping took 30-50 ms of
 * `ib status` for 2,000 milestones (plus a separate query for their owners), and each new
 * query shape costs a command-line run its compilation (see bench/status.ts).
 */

export interface MilestoneRow {
  id: string;
  ref: string;
  text: string;
  priorityId: string;
  initialStatus: MilestoneStatus;
  cadence: 'MONTHLY' | 'QUARTERLY';
  startDate: Date | null;
  dueDate: Date | null;
  ownerId: string | null;
  ownerEmail: string | null;
}

type RawMilestone = Omit<MilestoneRow, 'startDate' | 'dueDate'> & { startDate: Date | string | null; dueDate: Date | string | null };

/** A plan's milestones in ref order, with their owners' emails. */
export async function planMilestones(db: Db, planId: string): Promise<MilestoneRow[]> {
  const rows = await db.$queryRaw<RawMilestone[]>`SELECT m."id", m."ref", m."text", m."priorityId", m."initialStatus", m."cadence",
      m."startDate", m."dueDate", m."ownerId", p."email" AS "ownerEmail"
    FROM "Milestone" m LEFT JOIN "Person" p ON p."id" = m."ownerId"
    WHERE m."planId" = ${planId} ORDER BY m."sortKey"`;
  return rows.map((r) => ({ ...r, startDate: toDate(r.startDate), dueDate: toDate(r.dueDate) }));
}

export async function planPriorities(db: Db, planId: string): Promise<{ id: string; number: number; title: string }[]> {
  const rows = await db.$queryRaw<{ id: string; number: number | bigint; title: string }[]>`SELECT p."id", p."number", p."title"
    FROM "Priority" p WHERE p."planId" = ${planId} ORDER BY p."number"`;
  return rows.map((r) => ({ ...r, number: Number(r.number) }));
}

export interface KpiRow {
  id: string;
  name: string;
  priorityId: string | null;
  unit: string;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  monitorOnly: boolean;
}

/** A plan's KPIs by name. */
export async function planKpis(db: Db, planId: string): Promise<KpiRow[]> {
  const rows = await db.$queryRaw<(KpiRow & { monitorOnly: boolean | number })[]>`SELECT k."id", k."name", k."priorityId", k."unit", k."polarity",
      k."target", k."tolerance", k."monitorOnly"
    FROM "Kpi" k WHERE k."planId" = ${planId} ORDER BY k."name"`;
  // SQLite keeps booleans as 0 and 1.
  return rows.map((r) => ({ ...r, target: r.target === null ? null : Number(r.target), tolerance: Number(r.tolerance), monitorOnly: Boolean(r.monitorOnly) }));
}

/** SQLite gives timestamps back as text in raw queries. */
function toDate(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}
