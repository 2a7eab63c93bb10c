import type { MilestoneStatus } from '../../domain/milestone-status.js';
import type { Db } from '../store/database.js';

export interface LatestUpdateRow {
  milestoneId: string;
  status: MilestoneStatus;
  recordedAt: Date;
  revisedDueDate: Date | null;
}

/**
 * Each milestone's latest update before the cutoff, in one query whatever the history's
 * length. Raw SQL because Prisma cannot express "latest per group" without fetching every
 * row (50,000 updates took 220 ms that way; see bench/status.ts). The SQL is the same on
 * SQLite and PostgreSQL; tagged templates let Prisma write each dialect's placeholders, and
 * each subquery is an index seek on ("milestoneId", "recordedAt").
 */
export async function latestUpdateRows(db: Db, planId: string, cutoff: Date): Promise<LatestUpdateRow[]> {
  const rows = await db.$queryRaw<RawUpdateRow[]>`SELECT u."milestoneId", u."status", u."recordedAt", u."revisedDueDate"
    FROM "Milestone" m JOIN "StatusUpdate" u ON u."id" = (
      SELECT l."id" FROM "StatusUpdate" l WHERE l."milestoneId" = m."id" AND l."recordedAt" < ${cutoff}
      ORDER BY l."recordedAt" DESC, l."createdAt" DESC LIMIT 1)
    WHERE m."planId" = ${planId}`;
  return rows.map(toUpdateRow);
}

export type RawUpdateRow = { milestoneId: string; status: string; recordedAt: Date | string; revisedDueDate: Date | string | null };

/** SQLite gives timestamps back as text when it cannot tell a column's type. */
export function toUpdateRow(r: RawUpdateRow): LatestUpdateRow {
  return {
    milestoneId: r.milestoneId,
    status: r.status as MilestoneStatus,
    recordedAt: new Date(r.recordedAt),
    revisedDueDate: r.revisedDueDate === null ? null : new Date(r.revisedDueDate),
  };
}

/** Each KPI's two latest figures up to a month: the figure and the one its direction is judged from. */
export async function latestKpiFigures(db: Db, planId: string, lastPeriod: string): Promise<{ kpiId: string; period: string; value: number }[]> {
  const rows = await db.$queryRaw<{ kpiId: string; period: string; value: number }[]>`SELECT v."kpiId", v."period", v."value"
    FROM "Kpi" k JOIN "KpiValue" v ON v."kpiId" = k."id"
    WHERE k."planId" = ${planId} AND v."id" IN (
      SELECT l."id" FROM "KpiValue" l WHERE l."kpiId" = k."id" AND l."period" <= ${lastPeriod} ORDER BY l."period" DESC LIMIT 2)`;
  return rows.map((r) => ({ kpiId: r.kpiId, period: r.period, value: Number(r.value) }));
}
