import { randomUUID } from 'node:crypto';
import { Prisma } from '../../generated/prisma-sqlite/client.js';
import type { MilestoneStatus } from '../../domain/milestone-status.js';
import type { Dialect } from '../store/database-target.js';
import type { Db } from '../store/database.js';

/** Everything recording an answer needs to know, read in one statement. */
export interface AnswerContext {
  actor: { id: string; email: string; name: string | null };
  /** Null when the card names a milestone that is no longer in any plan. */
  milestone: { id: string; planId: string; ref: string; text: string; ownerId: string | null; dueDate: Date | null } | null;
  /** The latest revised due date recorded for the milestone, if any. */
  revisedDueDate: Date | null;
  isDelegate: boolean;
  isAdministrator: boolean;
  /** The recorded prompt this card came from, when it was sent for this milestone. */
  promptId: string | null;
}

type ContextRow = {
  actorId: string; actorEmail: string; actorName: string | null;
  milestoneId: string | null; planId: string; ref: string; text: string; ownerId: string | null; dueDate: Date | string | null;
  revisedDueDate: Date | string | null; isDelegate: number | bigint; isAdministrator: number | bigint; promptId: string | null;
};

/**
 * Who is answering (by their AAD object id), the milestone, whether they may update it,
 * the due date in force and the card's prompt: what `recordCheckin` used to read in six
 * Prisma queries. Raw SQL because answering a card is the bot's hottest path and each
 * query costs a round trip and ~0.1–0.3 ms of client CPU (bench/submit.ts); the same SQL
 * runs on SQLite and PostgreSQL. Undefined when no person has that AAD object id.
 */
export async function readAnswerContext(db: Db, aadObjectId: string, milestoneId: string, cardId: string): Promise<AnswerContext | undefined> {
  // The due date subquery is an index seek on ("milestoneId", "recordedAt"), newest first;
  // 'PLAN_ADMINISTRATOR' is a literal so that PostgreSQL compares it as its enum type.
  const [row] = await db.$queryRaw<ContextRow[]>`SELECT p."id" AS "actorId", p."email" AS "actorEmail", p."name" AS "actorName",
      m."id" AS "milestoneId", m."planId", m."ref", m."text", m."ownerId", m."dueDate",
      (SELECT u."revisedDueDate" FROM "StatusUpdate" u WHERE u."milestoneId" = m."id" AND u."revisedDueDate" IS NOT NULL
        ORDER BY u."recordedAt" DESC, u."createdAt" DESC LIMIT 1) AS "revisedDueDate",
      CASE WHEN EXISTS (SELECT 1 FROM "Delegation" d WHERE d."milestoneId" = m."id" AND d."delegateId" = p."id" AND d."revokedAt" IS NULL) THEN 1 ELSE 0 END AS "isDelegate",
      CASE WHEN EXISTS (SELECT 1 FROM "PlanMember" a WHERE a."planId" = m."planId" AND a."personId" = p."id" AND a."role" = 'PLAN_ADMINISTRATOR') THEN 1 ELSE 0 END AS "isAdministrator",
      (SELECT q."id" FROM "Prompt" q WHERE q."cardId" = ${cardId} AND q."milestoneId" = m."id") AS "promptId"
    FROM "Person" p LEFT JOIN "Milestone" m ON m."id" = ${milestoneId}
    WHERE p."aadObjectId" = ${aadObjectId}`;
  if (!row) return undefined;
  return {
    actor: { id: row.actorId, email: row.actorEmail, name: row.actorName },
    milestone: row.milestoneId === null ? null : { id: row.milestoneId, planId: row.planId, ref: row.ref, text: row.text, ownerId: row.ownerId, dueDate: toDate(row.dueDate) },
    revisedDueDate: toDate(row.revisedDueDate),
    isDelegate: Number(row.isDelegate) === 1,
    isAdministrator: Number(row.isAdministrator) === 1,
    promptId: row.promptId,
  };
}

/** SQLite may give a timestamp back as text when it cannot tell the column's type. */
function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

export interface NewCheckin {
  updateId: string;
  milestoneId: string;
  planId: string;
  authorId: string;
  promptId: string | null;
  status: MilestoneStatus;
  workingWell: string;
  worriedAbout: string;
  needsToHappen: string;
  revisedDueDate: Date | null;
  dedupeKey: string;
  evidence: { id: string; title: string; url: string }[];
  /** What the audit entry records. */
  changes: Record<string, unknown>;
  now: Date;
}

/**
 * Stores an answer atomically: the update (its unique ("milestoneId", "dedupeKey") key
 * refuses a second copy of the same card, and everything else with it), its evidence
 * links (a link the milestone already has is kept once: the same key imports use), the
 * prompt marked answered, and the audit entry. Timestamps are written explicitly, in
 * the form Prisma writes them, so that ordering by "createdAt" holds.
 *
 * Raw SQL: Prisma's model queries cost several times the CPU on the bot's hottest path.
 * On PostgreSQL the four statements go as one, chained by data-modifying WITH clauses (a
 * single statement is atomic): a transaction of four took five more round trips, each a
 * socket write on both sides, ~0.4 ms more of our CPU and ~0.25 ms more of the server's
 * per answer (bench/submit.ts). SQLite has no data-modifying WITH; there the same four
 * statements run as one batch transaction, in process. Any other caller may leave the
 * dialect out and gets the transaction, which is right on both.
 */
export async function insertCheckin(db: Db, dialect: Dialect | undefined, c: NewCheckin): Promise<void> {
  const update = Prisma.sql`INSERT INTO "StatusUpdate" ("id", "milestoneId", "status", "workingWell", "worriedAbout", "needsToHappen", "revisedDueDate", "recordedAt", "promptId", "authorId", "source", "dedupeKey", "createdAt")
    VALUES (${c.updateId}, ${c.milestoneId}, ${c.status}, ${c.workingWell}, ${c.worriedAbout}, ${c.needsToHappen}, ${c.revisedDueDate}, ${c.now}, ${c.promptId}, ${c.authorId}, 'TEAMS', ${c.dedupeKey}, ${c.now})`;
  const links = c.evidence.length
    ? Prisma.sql`INSERT INTO "Evidence" ("id", "milestoneId", "statusUpdateId", "title", "url", "addedById", "addedAt", "dedupeKey", "createdAt")
    VALUES ${Prisma.join(c.evidence.map((e) => Prisma.sql`(${e.id}, ${c.milestoneId}, ${c.updateId}, ${e.title}, ${e.url}, ${c.authorId}, ${c.now}, ${`link:${e.url}`}, ${c.now})`))}
    ON CONFLICT ("milestoneId", "dedupeKey") DO NOTHING`
    : null;
  const prompt = c.promptId ? Prisma.sql`UPDATE "Prompt" SET "answeredAt" = ${c.now} WHERE "id" = ${c.promptId}` : null;
  const audit = Prisma.sql`INSERT INTO "AuditEntry" ("id", "at", "planId", "actorId", "channel", "action", "entity", "entityId", "changes")
    VALUES (${randomUUID()}, ${c.now}, ${c.planId}, ${c.authorId}, 'teams', 'create', 'StatusUpdate', ${c.updateId}, ${JSON.stringify(c.changes)})`;
  if (dialect === 'postgresql') {
    // Foreign keys are checked at the end of the statement, when the update exists.
    const steps = [Prisma.sql`"u" AS (${update})`];
    if (links) steps.push(Prisma.sql`"e" AS (${links})`);
    if (prompt) steps.push(Prisma.sql`"p" AS (${prompt})`);
    await db.$executeRaw`WITH ${Prisma.join(steps)} ${audit}`;
    return;
  }
  await db.$transaction([update, links, prompt, audit].flatMap((sql) => (sql ? [db.$executeRaw(sql)] : [])));
}

/** A unique key refused the row: from a model query (P2002) or a raw one (P2010). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return e.code === 'P2002' || (e.code === 'P2010' && e.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation');
}
