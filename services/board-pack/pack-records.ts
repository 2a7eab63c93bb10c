import { endOfLondonDay } from '../../domain/as-of.js';
import { londonDateOf, type IsoDate } from '../../domain/calendar-date.js';
import type { Db } from '../store/database.js';
import type { KpiDefinition } from './kpi-table.js';

const SOURCE_WORDS: Record<string, string> = {
  OFSTED_ILACS: 'Ofsted ILACS',
  OFSTED_SIF: 'Ofsted SIF',
  LGA_PEER_REVIEW: 'LGA peer review',
  LOCAL_ASSURANCE_TEST: 'Local Assurance Test',
  OTHER: '',
};

export interface PackDetails {
  organisation: string;
  /** How the plan came about, in words ("Ofsted ILACS"); empty for "Other". */
  source: string;
  aims: Map<number, string>;
  milestones: { id: string; ref: string; impactEvidence: string; monitoring: string; startDate: Date | null; dueDate: Date | null; ownerName: string | null }[];
  kpis: KpiDefinition[];
}

/** What the pack shows beyond the plan's status: the plan's own words, in six queries. */
export async function packDetails(db: Db, planId: string): Promise<PackDetails> {
  const [plan, priorities, milestones, owners, kpis] = await Promise.all([
    db.plan.findUniqueOrThrow({ where: { id: planId }, select: { source: true, organisation: { select: { name: true } } } }),
    db.priority.findMany({ where: { planId }, select: { id: true, number: true, aim: true } }),
    db.milestone.findMany({
      where: { planId },
      select: { id: true, ref: true, impactEvidence: true, monitoring: true, startDate: true, dueDate: true, ownerId: true },
    }),
    // Owners by a subquery, not by `include`: Prisma loads an included relation with an
    // IN list it splits into one query per hundred or so owners.
    db.person.findMany({ where: { ownedMilestones: { some: { planId } } }, select: { id: true, name: true } }),
    // In the plan's own order (as its KPIs sheet lists them), as reports group them.
    db.kpi.findMany({
      where: { planId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, unit: true, polarity: true, target: true, tolerance: true, monitorOnly: true, benchmark: true, benchmarkLabel: true, priorityId: true },
    }),
  ]);
  const numberOf = new Map(priorities.map((p) => [p.id, p.number]));
  const ownerNames = new Map(owners.map((o) => [o.id, o.name]));
  return {
    organisation: plan.organisation.name,
    source: SOURCE_WORDS[plan.source] ?? '',
    aims: new Map(priorities.map((p) => [p.number, p.aim])),
    milestones: milestones.map(({ ownerId, ...m }) => ({ ...m, ownerName: (ownerId && ownerNames.get(ownerId)) || null })),
    kpis: kpis.map(({ priorityId, ...k }) => ({ ...k, priority: priorityId ? (numberOf.get(priorityId) ?? null) : null })),
  };
}

export interface LatestAnswer {
  milestoneId: string;
  /** The day (in England) the update was recorded. */
  date: IsoDate;
  workingWell: string;
  worriedAbout: string;
  needsToHappen: string;
}

/**
 * Each milestone's latest update recorded before the day ends: the owner's current account,
 * so an answer left blank in it is not filled from an older one. Raw SQL because Prisma
 * cannot express "latest per group" without fetching every update (as in
 * services/status/latest-records.ts, whose ordering it shares, so the answers and the
 * status shown come from the same update). The SQL is the same on SQLite and PostgreSQL.
 */
export async function latestAnswers(db: Db, planId: string, asOf: IsoDate): Promise<LatestAnswer[]> {
  const cutoff = endOfLondonDay(asOf);
  const rows = await db.$queryRaw<RawAnswer[]>`SELECT u."milestoneId", u."recordedAt", u."workingWell", u."worriedAbout", u."needsToHappen"
    FROM "Milestone" m JOIN "StatusUpdate" u ON u."id" = (
      SELECT l."id" FROM "StatusUpdate" l WHERE l."milestoneId" = m."id" AND l."recordedAt" < ${cutoff}
      ORDER BY l."recordedAt" DESC, l."createdAt" DESC LIMIT 1)
    WHERE m."planId" = ${planId}`;
  return rows.map((r) => ({
    milestoneId: r.milestoneId,
    date: londonDateOf(new Date(r.recordedAt)),
    workingWell: r.workingWell,
    worriedAbout: r.worriedAbout,
    needsToHappen: r.needsToHappen,
  }));
}

type RawAnswer = { milestoneId: string; recordedAt: Date | string; workingWell: string; worriedAbout: string; needsToHappen: string };
