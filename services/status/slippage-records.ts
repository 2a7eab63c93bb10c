import type { MilestoneStatus } from '../../domain/milestone-status.js';
import type { Db } from '../store/database.js';
import { toUpdateRow, type LatestUpdateRow, type RawUpdateRow } from './latest-records.js';

/*
 * The stored history the slippage rules need, a fixed number of queries per plan however
 * long the history. Raw SQL where Prisma would fetch every row to find the latest one or to
 * count (see latest-records.ts); each query is the same text on SQLite and PostgreSQL, and
 * tagged templates let Prisma write each dialect's placeholders. SQLite keeps DateTime as
 * ISO-8601 text in one format, so comparing and MIN() work on it as on timestamps.
 */

/**
 * The statuses milestones had at an earlier cutoff, for those updated since (between it
 * and `until`): any other milestone's status then is its status now. An index probe per
 * milestone finds the few that changed; only they pay for the latest-update seek.
 */
export async function statusesChangedSince(db: Db, planId: string, since: Date, until: Date): Promise<Map<string, MilestoneStatus | null>> {
  const rows = await db.$queryRaw<{ milestoneId: string; status: string | null }[]>`SELECT m."id" AS "milestoneId", (
      SELECT l."status" FROM "StatusUpdate" l WHERE l."milestoneId" = m."id" AND l."recordedAt" < ${since}
      ORDER BY l."recordedAt" DESC, l."createdAt" DESC LIMIT 1) AS "status"
    FROM "Milestone" m
    WHERE m."planId" = ${planId}
      AND EXISTS (SELECT 1 FROM "StatusUpdate" z WHERE z."milestoneId" = m."id" AND z."recordedAt" >= ${since} AND z."recordedAt" < ${until})`;
  // null: updated since, but never before it (its status then was the plan's own).
  return new Map(rows.map((r) => [r.milestoneId, r.status as MilestoneStatus | null]));
}

/**
 * Each milestone's latest update that revised its due date before the cutoff (as in
 * `latestUpdateRows`), and how many times its due date moved: revisions whose date differs
 * from the date in force just before them (the previous revision, else the plan's own
 * date); repeating the date in force is not a move. One pass over the revisions, so no
 * history row leaves the database and the latest revision costs nothing more than the count.
 */
export async function revisionsWithMoves(db: Db, planId: string, cutoff: Date): Promise<{ latest: LatestUpdateRow[]; moves: Map<string, number> }> {
  // One window ("history", oldest first) gives both the date in force before each revision
  // and the newest revision (the one with no next); grouping then counts the moves and keeps
  // the newest revision's fields (the only non-null value of each MAX).
  const rows = await db.$queryRaw<(RawUpdateRow & { moves: number | bigint })[]>`SELECT w."milestoneId", SUM(w."moved") AS "moves",
      MAX(CASE WHEN w."newest" = 1 THEN w."status" END) AS "status",
      MAX(CASE WHEN w."newest" = 1 THEN w."recordedAt" END) AS "recordedAt",
      MAX(CASE WHEN w."newest" = 1 THEN w."revisedDueDate" END) AS "revisedDueDate"
    FROM (
      SELECT u."milestoneId", u."status", u."recordedAt", u."revisedDueDate",
        CASE WHEN u."revisedDueDate" IS DISTINCT FROM COALESCE(LAG(u."revisedDueDate") OVER "history", m."dueDate") THEN 1 ELSE 0 END AS "moved",
        CASE WHEN LEAD(u."id") OVER "history" IS NULL THEN 1 ELSE 0 END AS "newest"
      FROM "Milestone" m JOIN "StatusUpdate" u ON u."milestoneId" = m."id"
      WHERE m."planId" = ${planId} AND u."recordedAt" < ${cutoff} AND u."revisedDueDate" IS NOT NULL
      WINDOW "history" AS (PARTITION BY u."milestoneId" ORDER BY u."recordedAt", u."createdAt")) w
    GROUP BY w."milestoneId"`;
  return {
    latest: rows.map(toUpdateRow),
    moves: new Map(rows.flatMap((r) => (Number(r.moves) > 0 ? [[r.milestoneId, Number(r.moves)] as const] : []))),
  };
}

export interface CyclePromptRecord {
  cycle: string;
  sentAt: Date;
  firstUpdateAt: Date | null;
}

/**
 * The scheduled prompts of the plan's current cycle (the latest cycle any scheduled prompt
 * was sent for before the cutoff), with the first update recorded from each prompt until
 * the cutoff. One index probe per milestone finds its latest scheduled prompt (the prompts
 * job asks each milestone once per cycle); the plan's current cycle is the latest of those,
 * so milestones last asked in an earlier cycle drop out.
 */
export async function currentCyclePrompts(db: Db, planId: string, cutoff: Date): Promise<Map<string, CyclePromptRecord>> {
  // 'SCHEDULE' is written as a literal: a bound text parameter is not comparable with a PostgreSQL enum.
  // MATERIALIZED: otherwise PostgreSQL runs the per-milestone probe twice (for the join and for its condition).
  const rows = await db.$queryRaw<{ milestoneId: string; cycle: string; sentAt: Date | string; firstUpdateAt: Date | string | null }[]>`
    WITH "asked" AS MATERIALIZED (
      SELECT (
        SELECT c."id" FROM "Prompt" c
        WHERE c."milestoneId" = m."id" AND c."trigger" = 'SCHEDULE' AND c."cycle" IS NOT NULL AND c."sentAt" < ${cutoff}
        ORDER BY c."cycle" DESC LIMIT 1) AS "promptId"
      FROM "Milestone" m WHERE m."planId" = ${planId})
    SELECT p."milestoneId", p."cycle", p."sentAt",
      (SELECT MIN(u."recordedAt") FROM "StatusUpdate" u
        WHERE u."milestoneId" = p."milestoneId" AND u."recordedAt" >= p."sentAt" AND u."recordedAt" < ${cutoff}) AS "firstUpdateAt"
    FROM "asked" a JOIN "Prompt" p ON p."id" = a."promptId"`;
  const current = rows.reduce<string | null>((latest, r) => (latest === null || r.cycle > latest ? r.cycle : latest), null);
  return new Map(
    rows
      .filter((r) => r.cycle === current)
      .map((r) => [r.milestoneId, { cycle: r.cycle, sentAt: toDate(r.sentAt), firstUpdateAt: r.firstUpdateAt === null ? null : toDate(r.firstUpdateAt) }]),
  );
}

/** The milestones with any evidence attached before the cutoff. */
export async function evidencedMilestones(db: Db, planId: string, cutoff: Date): Promise<Set<string>> {
  // EXISTS stops at the first row, found through the ("milestoneId", "dedupeKey") index.
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT m."id" FROM "Milestone" m
    WHERE m."planId" = ${planId} AND EXISTS (SELECT 1 FROM "Evidence" e WHERE e."milestoneId" = m."id" AND e."addedAt" < ${cutoff})`;
  return new Set(rows.map((r) => r.id));
}

/** Which KPIs show whether each milestone is working. */
export async function kpiLinks(db: Db, planId: string): Promise<{ milestoneId: string; kpiId: string }[]> {
  // Raw like the rest: a new ORM query shape costs a command-line run its compilation.
  return db.$queryRaw<{ milestoneId: string; kpiId: string }[]>`SELECT l."milestoneId", l."kpiId"
    FROM "Kpi" k JOIN "MilestoneKpi" l ON l."kpiId" = k."id" WHERE k."planId" = ${planId}`;
}

/** SQLite gives aggregated timestamps back as text. */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
