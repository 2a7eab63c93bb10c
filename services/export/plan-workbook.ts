import ExcelJS from 'exceljs';
import { fromStoredDate, londonDateOf, toStoredDate } from '../../domain/calendar-date.js';
import { statusLabel } from '../../domain/milestone-status.js';
import type { Db } from '../store/database.js';
import { findPlan, type PlanLookup } from '../status/find-plan.js';

const SOURCE_WORDS = {
  OFSTED_ILACS: 'Ofsted ILACS',
  OFSTED_SIF: 'Ofsted SIF',
  LGA_PEER_REVIEW: 'LGA peer review',
  LOCAL_ASSURANCE_TEST: 'Local Assurance Test',
  OTHER: 'Other',
} as const;

export type ExportResult = { ok: true; workbook: ExcelJS.Workbook; planName: string } | { ok: false; message: string };

/**
 * The plan as the canonical import workbook, whole history included: what a
 * performance officer edits and imports again (re-importing it changes nothing).
 */
const ROLE_ROWS = [['SERVICE_DIRECTOR', 'Service directors'], ['PLAN_ADMINISTRATOR', 'Plan administrators'], ['BOARD_MEMBER', 'Board members']] as const;

export async function exportPlanWorkbook(db: Db, lookup: PlanLookup): Promise<ExportResult> {
  const found = await findPlan(db, lookup);
  if (!found.ok) return found;
  const plan = await db.plan.findUniqueOrThrow({
    where: { id: found.plan.id },
    include: {
      organisation: true,
      priorities: { orderBy: { number: 'asc' } },
      milestones: { orderBy: { sortKey: 'asc' }, include: { owner: { select: { email: true, manager: { select: { email: true } } } } } },
      members: { orderBy: { createdAt: 'asc' }, include: { person: { select: { email: true } } } },
      kpis: {
        orderBy: { name: 'asc' },
        include: {
          priority: { select: { number: true } },
          values: { orderBy: { period: 'asc' } },
          milestoneLinks: { select: { milestone: { select: { ref: true, sortKey: true } } } },
        },
      },
    },
  });
  const updates = await db.statusUpdate.findMany({
    where: { milestone: { planId: plan.id } },
    orderBy: [{ recordedAt: 'asc' }, { createdAt: 'asc' }],
    include: { milestone: { select: { ref: true } }, author: { select: { email: true } }, evidence: { orderBy: { addedAt: 'asc' } } },
  });
  const book = new ExcelJS.Workbook();
  book.creator = 'Improvement Board';
  const priorityById = new Map(plan.priorities.map((p) => [p.id, p]));
  addSheet(book, 'Plan', ['Field', 'Value'], [
    ['Name', plan.name],
    ['Source', SOURCE_WORDS[plan.source]],
    ['Organisation', plan.organisation.name],
    ...(plan.startDate ? [['Start', plan.startDate]] : []),
    ...(plan.endDate ? [['End', plan.endDate]] : []),
    ...ROLE_ROWS.flatMap(([role, label]) => {
      const emails = plan.members.filter((m) => m.role === role).map((m) => m.person.email);
      return emails.length ? [[label, emails.join(', ')]] : [];
    }),
  ]);
  addSheet(
    book,
    'Milestones',
    ['Priority', 'Priority title', 'Priority aim', 'Ref', 'Milestone', 'Impact / evidence', 'Monitoring', 'Owner', 'Manager', 'Start', 'Due', 'Status', 'Cadence'],
    plan.milestones.map((m) => {
      const p = priorityById.get(m.priorityId)!;
      return [p.number, p.title, p.aim, m.ref, m.text, m.impactEvidence, m.monitoring, m.owner?.email ?? '', m.owner?.manager?.email ?? '', m.startDate, m.dueDate, statusLabel(m.initialStatus), m.cadence.toLowerCase()];
    }),
  );
  addSheet(
    book,
    'KPIs',
    ['KPI', 'Priority', 'Unit', 'Polarity', 'Target', 'Tolerance', 'Benchmark', 'Milestones'],
    plan.kpis.map((k) => [
      k.name, k.priority?.number ?? null, k.unit, k.polarity === 'HIGHER_IS_BETTER' ? 'higher' : 'lower', k.target, k.tolerance, k.benchmark, linkedRefs(k.milestoneLinks),
    ]),
  );
  addSheet(
    book,
    'KPI values',
    ['KPI', 'Period', 'Value', 'Numerator', 'Denominator'],
    plan.kpis.flatMap((k) => k.values.map((v) => [k.name, v.period, v.value, v.numerator, v.denominator])),
  );
  addSheet(
    book,
    'Updates',
    ['Ref', 'Date', 'Status', 'Working well', 'Worried about', 'Needs to happen', 'Revised due', 'Evidence', 'By'],
    updates.map((u) => [
      u.milestone.ref,
      toStoredDate(londonDateOf(u.recordedAt)),
      statusLabel(u.status),
      u.workingWell,
      u.worriedAbout,
      u.needsToHappen,
      u.revisedDueDate,
      u.evidence.filter((e) => e.url).map((e) => (e.title && e.title !== e.url ? `${e.title} | ${e.url}` : e.url)).join('; '),
      u.author?.email ?? '',
    ]),
  );
  return { ok: true, workbook: book, planName: plan.name };
}

type Value = string | number | Date | null;

/** "1.1; 1.7", in the plan's order: what the KPIs sheet's Milestones column reads back. */
function linkedRefs(links: { milestone: { ref: string; sortKey: string } }[]): string {
  return links.map((l) => l.milestone).sort((a, b) => a.sortKey.localeCompare(b.sortKey)).map((m) => m.ref).join('; ');
}

function addSheet(book: ExcelJS.Workbook, name: string, headers: string[], rows: Value[][]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (v instanceof Date ? dateCell(v) : v)));
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(10, headers[i]!.length + 2));
  });
}

/** Calendar days go out as dates Excel shows in UK order; they come back as the same day. */
function dateCell(date: Date): Date {
  return toStoredDate(fromStoredDate(date));
}
