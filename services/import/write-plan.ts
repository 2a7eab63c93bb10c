import { createHash, randomUUID } from 'node:crypto';
import { fromStoredDate, londonDateOf, toStoredDate } from '../../domain/calendar-date.js';
import { refSortKey } from '../../domain/milestone-ref.js';
import { changedFields, recordAudit, type AuditRecord } from '../audit.js';
import type { Db, Tx } from '../store/database.js';
import type { MilestoneDraft, PlanDraft, UpdateDraft } from './plan-draft.js';
import type { ImportProblem } from './workbook.js';
import { writeKpiLinks, type LinkCounts } from './write-kpi-links.js';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  plan: string;
  dryRun: boolean;
  people: Counts;
  priorities: Counts;
  milestones: Counts;
  kpis: Counts;
  kpiValues: Counts;
  updates: Counts;
  evidence: Counts;
  /** KPI-to-milestone links (the KPIs sheet's Milestones column). */
  kpiLinks: LinkCounts;
}

export type WriteResult = { ok: true; report: ImportReport } | { ok: false; problems: ImportProblem[] };

export interface WriteOptions {
  /** Names the plan when the workbook has no Plan sheet, or overrides it. */
  planName?: string;
  /** How the change came in, for the audit log ("import Plan.xlsx"). */
  channel: string;
  dryRun: boolean;
  source: 'IMPORT' | 'DEMO';
}

const IMPORT_TIMEOUT_MS = 300_000;

class Rollback extends Error {
  constructor(readonly result: WriteResult) {
    super('rollback');
  }
}

/**
 * Writes a checked plan in one transaction: all of it or none of it. Re-importing the
 * same workbook changes nothing; changed fields are updated and audited; history rows
 * already stored are recognised by their content and never written twice.
 */
export async function writePlan(db: Db, draft: PlanDraft, opts: WriteOptions): Promise<WriteResult> {
  try {
    return await db.$transaction(
      async (tx) => {
        const result = await writeInTransaction(tx, draft, opts);
        if (!result.ok || opts.dryRun) throw new Rollback(result);
        return result;
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}

const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

async function writeInTransaction(tx: Tx, draft: PlanDraft, opts: WriteOptions): Promise<WriteResult> {
  const name = opts.planName ?? draft.name ?? (await onlyPlanName(tx));
  if (!name) {
    return { ok: false, problems: [{ message: 'The workbook does not name its plan: add a Plan sheet with a Name row, or give --plan NAME.' }] };
  }
  const report: ImportReport = {
    plan: name, dryRun: opts.dryRun, people: zero(), priorities: zero(), milestones: zero(),
    kpis: zero(), kpiValues: zero(), updates: zero(), evidence: zero(), kpiLinks: { ...zero(), removed: 0 },
  };
  const audit: AuditRecord[] = [];
  const plan = await upsertPlan(tx, draft, name, opts, report, audit);
  const people = await ensurePeople(tx, draft, plan.organisationId, report);
  const priorities = await upsertPriorities(tx, draft, plan.id, opts, report, audit);
  const milestones = await upsertMilestones(tx, draft.milestones, plan.id, priorities, people, opts, report, audit);
  const kpis = await upsertKpis(tx, draft, plan.id, priorities, opts, report, audit);
  const problems = await upsertKpiValues(tx, draft, kpis, plan.id, opts, report, audit);
  if (problems.length) return { ok: false, problems };
  const links = await writeKpiLinks(tx, draft, kpis, milestones, plan.id, opts.channel);
  report.kpiLinks = links.counts;
  audit.push(...links.audit);
  await appendUpdates(tx, draft.updates, milestones, people, opts, report);
  await linkManagers(tx, draft.milestones, people, plan.id, opts, audit);
  await addRoles(tx, draft.roles, people, plan.id, opts, audit);
  audit.push({ planId: plan.id, channel: opts.channel, action: 'import', entity: 'Plan', entityId: plan.id, changes: { ...report } });
  await recordAudit(tx, audit);
  return { ok: true, report };
}

/** The Manager column: each owner's line manager (the last one given wins). */
async function linkManagers(tx: Tx, milestones: MilestoneDraft[], people: Map<string, string>, planId: string, opts: WriteOptions, audit: AuditRecord[]) {
  const managerOf = new Map<string, string>();
  for (const m of milestones) if (m.ownerEmail && m.managerEmail && m.managerEmail !== m.ownerEmail) managerOf.set(people.get(m.ownerEmail)!, people.get(m.managerEmail)!);
  if (!managerOf.size) return;
  const owners = await tx.person.findMany({ where: { id: { in: [...managerOf.keys()] } }, select: { id: true, managerId: true } });
  for (const owner of owners) {
    const managerId = managerOf.get(owner.id)!;
    if (owner.managerId === managerId) continue;
    await tx.person.update({ where: { id: owner.id }, data: { managerId } });
    audit.push({ planId, channel: opts.channel, action: 'update', entity: 'Person', entityId: owner.id, changes: { managerId: { from: owner.managerId, to: managerId } } });
  }
}

/** Roles from the Plan sheet are added; roles not listed are left as they are (removing one is a deliberate act). */
async function addRoles(tx: Tx, roles: PlanDraft['roles'], people: Map<string, string>, planId: string, opts: WriteOptions, audit: AuditRecord[]) {
  if (!roles.length) return;
  const existing = await tx.planMember.findMany({ where: { planId }, select: { personId: true, role: true } });
  const have = new Set(existing.map((m) => `${m.personId}:${m.role}`));
  const fresh = [...new Map(roles.map((r) => [`${people.get(r.email)!}:${r.role}`, { planId, personId: people.get(r.email)!, role: r.role }])).entries()]
    .filter(([key]) => !have.has(key)).map(([, member]) => member);
  if (!fresh.length) return;
  await tx.planMember.createMany({ data: fresh });
  audit.push({ planId, channel: opts.channel, action: 'create', entity: 'PlanMember', entityId: planId, changes: { added: fresh.map((f) => ({ personId: f.personId, role: f.role })) } });
}

async function onlyPlanName(tx: Tx): Promise<string | undefined> {
  const plans = await tx.plan.findMany({ select: { name: true }, take: 2 });
  return plans.length === 1 ? plans[0]!.name : undefined;
}

async function upsertPlan(tx: Tx, draft: PlanDraft, name: string, opts: WriteOptions, report: ImportReport, audit: AuditRecord[]) {
  const orgName = draft.organisation ?? 'My organisation';
  const existing = await tx.plan.findUnique({ where: { name } });
  const organisation = existing && !draft.organisation
    ? { id: existing.organisationId }
    : await tx.organisation.upsert({ where: { name: orgName }, create: { name: orgName }, update: {} });
  const fields = {
    organisationId: organisation.id,
    ...(draft.source ? { source: draft.source } : {}),
    ...(draft.startDate ? { startDate: toStoredDate(draft.startDate) } : {}),
    ...(draft.endDate ? { endDate: toStoredDate(draft.endDate) } : {}),
  };
  if (!existing) {
    const plan = await tx.plan.create({ data: { name, ...fields } });
    audit.push({ planId: plan.id, channel: opts.channel, action: 'create', entity: 'Plan', entityId: plan.id, changes: { name, ...fields } });
    return plan;
  }
  const changes = changedFields(existing, fields);
  if (Object.keys(changes).length) {
    await tx.plan.update({ where: { id: existing.id }, data: fields });
    audit.push({ planId: existing.id, channel: opts.channel, action: 'update', entity: 'Plan', entityId: existing.id, changes });
  }
  return existing;
}

/** Person ids by lower-case email, creating people seen for the first time. */
async function ensurePeople(tx: Tx, draft: PlanDraft, organisationId: string, report: ImportReport): Promise<Map<string, string>> {
  const emails = new Set<string>();
  for (const m of draft.milestones) for (const e of [m.ownerEmail, m.managerEmail]) if (e) emails.add(e);
  for (const u of draft.updates) if (u.byEmail) emails.add(u.byEmail);
  for (const r of draft.roles) emails.add(r.email);
  const existing = await tx.person.findMany({ where: { email: { in: [...emails] } }, select: { id: true, email: true } });
  const ids = new Map(existing.map((p) => [p.email, p.id]));
  const missing = [...emails].filter((e) => !ids.has(e)).map((email) => ({ id: randomUUID(), email, organisationId }));
  if (missing.length) await tx.person.createMany({ data: missing });
  for (const p of missing) ids.set(p.email, p.id);
  report.people = { created: missing.length, updated: 0, unchanged: existing.length };
  return ids;
}

async function upsertPriorities(tx: Tx, draft: PlanDraft, planId: string, opts: WriteOptions, report: ImportReport, audit: AuditRecord[]) {
  const existing = await tx.priority.findMany({ where: { planId } });
  const byNumber = new Map(existing.map((p) => [p.number, p]));
  const wanted = new Set([...draft.priorities.map((p) => p.number), ...draft.kpis.flatMap((k) => (k.priority ? [k.priority] : []))]);
  const details = new Map(draft.priorities.map((p) => [p.number, p]));
  for (const number of [...wanted].sort((a, b) => a - b)) {
    const given = details.get(number);
    const current = byNumber.get(number);
    if (!current) {
      const created = await tx.priority.create({ data: { planId, number, title: given?.title ?? `Priority ${number}`, aim: given?.aim ?? '' } });
      byNumber.set(number, created);
      report.priorities.created += 1;
      audit.push({ planId, channel: opts.channel, action: 'create', entity: 'Priority', entityId: created.id, changes: { number, title: created.title } });
      continue;
    }
    const fields = { ...(given?.title ? { title: given.title } : {}), ...(given?.aim ? { aim: given.aim } : {}) };
    const changes = changedFields(current, fields);
    if (Object.keys(changes).length) {
      byNumber.set(number, await tx.priority.update({ where: { id: current.id }, data: fields }));
      report.priorities.updated += 1;
      audit.push({ planId, channel: opts.channel, action: 'update', entity: 'Priority', entityId: current.id, changes });
    } else report.priorities.unchanged += 1;
  }
  return new Map([...byNumber].map(([n, p]) => [n, p.id]));
}

function milestoneFields(m: MilestoneDraft, priorities: Map<number, string>, people: Map<string, string>) {
  return {
    priorityId: priorities.get(m.priority)!,
    sortKey: refSortKey(m.ref),
    text: m.text,
    impactEvidence: m.impactEvidence,
    monitoring: m.monitoring,
    ownerId: m.ownerEmail ? people.get(m.ownerEmail)! : null,
    startDate: m.startDate ? toStoredDate(m.startDate) : null,
    dueDate: m.dueDate ? toStoredDate(m.dueDate) : null,
    cadence: m.cadence,
    initialStatus: m.initialStatus,
  };
}

async function upsertMilestones(
  tx: Tx, drafts: MilestoneDraft[], planId: string, priorities: Map<number, string>, people: Map<string, string>,
  opts: WriteOptions, report: ImportReport, audit: AuditRecord[],
): Promise<Map<string, string>> {
  const existing = await tx.milestone.findMany({ where: { planId } });
  const byRef = new Map(existing.map((m) => [m.ref, m]));
  const ids = new Map(existing.map((m) => [m.ref, m.id]));
  const created = [];
  for (const draft of drafts) {
    const fields = milestoneFields(draft, priorities, people);
    const current = byRef.get(draft.ref);
    if (!current) {
      const id = randomUUID();
      created.push({ id, planId, ref: draft.ref, ...fields });
      ids.set(draft.ref, id);
      audit.push({ planId, channel: opts.channel, action: 'create', entity: 'Milestone', entityId: id, changes: { ref: draft.ref, ...fields } });
      continue;
    }
    const changes = changedFields(current, fields);
    if (Object.keys(changes).length) {
      await tx.milestone.update({ where: { id: current.id }, data: fields });
      report.milestones.updated += 1;
      audit.push({ planId, channel: opts.channel, action: 'update', entity: 'Milestone', entityId: current.id, changes });
    } else report.milestones.unchanged += 1;
  }
  if (created.length) await tx.milestone.createMany({ data: created });
  report.milestones.created = created.length;
  return ids;
}

async function upsertKpis(
  tx: Tx, draft: PlanDraft, planId: string, priorities: Map<number, string>, opts: WriteOptions, report: ImportReport, audit: AuditRecord[],
): Promise<Map<string, { id: string }>> {
  const existing = await tx.kpi.findMany({ where: { planId } });
  const byName = new Map(existing.map((k) => [k.name.toLowerCase(), k]));
  for (const k of draft.kpis) {
    const fields = {
      priorityId: k.priority ? priorities.get(k.priority)! : null,
      unit: k.unit, polarity: k.polarity, target: k.target, tolerance: k.tolerance, monitorOnly: k.monitorOnly, benchmark: k.benchmark,
    };
    const current = byName.get(k.name.toLowerCase());
    if (!current) {
      const kpi = await tx.kpi.create({ data: { planId, name: k.name, ...fields } });
      byName.set(k.name.toLowerCase(), kpi);
      report.kpis.created += 1;
      audit.push({ planId, channel: opts.channel, action: 'create', entity: 'Kpi', entityId: kpi.id, changes: { name: k.name, ...fields } });
      continue;
    }
    const changes = changedFields(current, fields);
    if (Object.keys(changes).length) {
      await tx.kpi.update({ where: { id: current.id }, data: fields });
      report.kpis.updated += 1;
      audit.push({ planId, channel: opts.channel, action: 'update', entity: 'Kpi', entityId: current.id, changes });
    } else report.kpis.unchanged += 1;
  }
  return byName;
}

async function upsertKpiValues(
  tx: Tx, draft: PlanDraft, kpis: Map<string, { id: string }>, planId: string, opts: WriteOptions, report: ImportReport, audit: AuditRecord[],
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const existing = await tx.kpiValue.findMany({ where: { kpi: { planId } } });
  const byKey = new Map(existing.map((v) => [`${v.kpiId}|${v.period}`, v]));
  const created = [];
  for (const v of draft.kpiValues) {
    const kpi = kpis.get(v.kpi.toLowerCase());
    if (!kpi) {
      problems.push({ sheet: 'KPI values', row: v.row, column: 'KPI', message: `"${v.kpi}" is not a KPI of this plan; add it to the KPIs sheet.` });
      continue;
    }
    const fields = { value: v.value, numerator: v.numerator, denominator: v.denominator };
    const current = byKey.get(`${kpi.id}|${v.period}`);
    if (!current) {
      created.push({ id: randomUUID(), kpiId: kpi.id, period: v.period, ...fields });
      continue;
    }
    const changes = changedFields(current, fields);
    if (Object.keys(changes).length) {
      // A corrected figure replaces the old one; the audit entry keeps what it was.
      await tx.kpiValue.update({ where: { id: current.id }, data: fields });
      report.kpiValues.updated += 1;
      audit.push({ planId, channel: opts.channel, action: 'update', entity: 'KpiValue', entityId: current.id, changes: { kpi: v.kpi, period: v.period, ...changes } });
    } else report.kpiValues.unchanged += 1;
  }
  if (created.length) await tx.kpiValue.createMany({ data: created });
  report.kpiValues.created = created.length;
  return problems;
}

/** The same update (same day, status, words, links and author) has the same key. */
export function updateDedupeKey(u: Omit<UpdateDraft, 'ref' | 'evidence'> & { evidence: { url: string }[] }): string {
  const urls = u.evidence.map((e) => e.url).sort();
  const content = [u.date, u.status, u.workingWell, u.worriedAbout, u.needsToHappen, u.revisedDueDate, u.byEmail, urls];
  return `import:${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32)}`;
}

/**
 * Keys of the updates already stored, both as stored and as their content would key
 * them now: an update that came from Teams and was exported is recognised when the
 * workbook comes back.
 */
async function storedUpdateKeys(tx: Tx, milestoneIds: string[]): Promise<Set<string>> {
  const stored = await tx.statusUpdate.findMany({
    where: { milestoneId: { in: milestoneIds } },
    include: { author: { select: { email: true } }, evidence: { select: { url: true } } },
  });
  const keys = new Set<string>();
  for (const s of stored) {
    keys.add(`${s.milestoneId}|${s.dedupeKey}`);
    const content = updateDedupeKey({
      date: londonDateOf(s.recordedAt),
      status: s.status,
      workingWell: s.workingWell,
      worriedAbout: s.worriedAbout,
      needsToHappen: s.needsToHappen,
      revisedDueDate: s.revisedDueDate ? fromStoredDate(s.revisedDueDate) : null,
      byEmail: s.author?.email ?? null,
      evidence: s.evidence.flatMap((e) => (e.url ? [{ url: e.url }] : [])),
    });
    keys.add(`${s.milestoneId}|${content}`);
  }
  return keys;
}

async function appendUpdates(
  tx: Tx, drafts: UpdateDraft[], milestones: Map<string, string>, people: Map<string, string>, opts: WriteOptions, report: ImportReport,
) {
  const milestoneIds = [...new Set(drafts.map((u) => milestones.get(u.ref)!))];
  const seen = await storedUpdateKeys(tx, milestoneIds);
  const storedEvidence = await tx.evidence.findMany({ where: { milestoneId: { in: milestoneIds } }, select: { milestoneId: true, dedupeKey: true } });
  const seenEvidence = new Set(storedEvidence.map((e) => `${e.milestoneId}|${e.dedupeKey}`));
  const updates = [];
  const evidence = [];
  for (const u of drafts) {
    const milestoneId = milestones.get(u.ref)!;
    const dedupeKey = updateDedupeKey(u);
    if (seen.has(`${milestoneId}|${dedupeKey}`)) {
      report.updates.unchanged += 1;
      continue;
    }
    seen.add(`${milestoneId}|${dedupeKey}`);
    const id = randomUUID();
    const authorId = u.byEmail ? people.get(u.byEmail)! : null;
    const recordedAt = toStoredDate(u.date);
    updates.push({
      id, milestoneId, status: u.status, workingWell: u.workingWell, worriedAbout: u.worriedAbout, needsToHappen: u.needsToHappen,
      revisedDueDate: u.revisedDueDate ? toStoredDate(u.revisedDueDate) : null, recordedAt, authorId, source: opts.source, dedupeKey,
    });
    for (const e of u.evidence) {
      const key = `link:${e.url}`;
      if (seenEvidence.has(`${milestoneId}|${key}`)) continue;
      seenEvidence.add(`${milestoneId}|${key}`);
      evidence.push({ id: randomUUID(), milestoneId, statusUpdateId: id, title: e.title, url: e.url, addedById: authorId, addedAt: recordedAt, dedupeKey: key });
    }
  }
  if (updates.length) await tx.statusUpdate.createMany({ data: updates });
  if (evidence.length) await tx.evidence.createMany({ data: evidence });
  report.updates.created = updates.length;
  report.evidence.created = evidence.length;
}
