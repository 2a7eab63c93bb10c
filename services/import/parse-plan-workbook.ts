import { DEFAULT_TOLERANCE, type Polarity } from '../../domain/kpi-rag.js';
import { normaliseRef, priorityOfRef } from '../../domain/milestone-ref.js';
import { KPI_COLUMNS, KPI_VALUE_COLUMNS, locateColumns, MILESTONE_COLUMNS, UPDATE_COLUMNS, type ColumnSpec } from './columns.js';
import { parseEvidenceList } from './evidence-list.js';
import { parseKeyDates } from './key-dates.js';
import type { Cadence, KpiDraft, KpiValueDraft, MilestoneDraft, PlanDraft, PlanRoleName, PlanSource, PriorityDraft, UpdateDraft } from './plan-draft.js';
import { RowReader } from './row-reader.js';
import { cellText, type ImportProblem, type Sheet, type Workbook } from './workbook.js';

export type ParseResult = { ok: true; draft: PlanDraft } | { ok: false; problems: ImportProblem[] };

const SOURCES: Record<string, PlanSource> = {
  'ofsted ilacs': 'OFSTED_ILACS',
  ilacs: 'OFSTED_ILACS',
  'ofsted sif': 'OFSTED_SIF',
  sif: 'OFSTED_SIF',
  'lga peer review': 'LGA_PEER_REVIEW',
  'peer review': 'LGA_PEER_REVIEW',
  'local assurance test': 'LOCAL_ASSURANCE_TEST',
  lat: 'LOCAL_ASSURANCE_TEST',
  other: 'OTHER',
};
const CADENCES: Record<string, Cadence> = { monthly: 'MONTHLY', quarterly: 'QUARTERLY' };
const POLARITIES: Record<string, Polarity> = {
  higher: 'HIGHER_IS_BETTER',
  'higher is better': 'HIGHER_IS_BETTER',
  high: 'HIGHER_IS_BETTER',
  lower: 'LOWER_IS_BETTER',
  'lower is better': 'LOWER_IS_BETTER',
  low: 'LOWER_IS_BETTER',
};

/** Checks a whole workbook; any problem anywhere means no draft, and every problem is listed. */
export function parsePlanWorkbook(workbook: Workbook): ParseResult {
  const problems: ImportProblem[] = [];
  const milestonesSheet = workbook.get('milestones');
  if (!milestonesSheet) {
    return { ok: false, problems: [{ message: 'There is no Milestones sheet (or Milestones.csv); it is the one sheet every import needs.' }] };
  }
  const plan = parsePlanSheet(workbook.get('plan'), problems);
  const { milestones, priorities } = parseMilestones(milestonesSheet, problems);
  const kpis = parseKpis(workbook.get('kpis'), new Set(milestones.map((m) => m.ref)), problems);
  const kpiValues = parseKpiValues(workbook.get('kpi values'), new Set(kpis.map((k) => k.name.toLowerCase())), workbook.has('kpis'), problems);
  const updates = parseUpdates(workbook.get('updates'), new Set(milestones.map((m) => m.ref)), problems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, draft: { ...plan, priorities, milestones, kpis, kpiValues, updates } };
}

function rowsOf<K extends string>(sheet: Sheet, specs: Record<K, ColumnSpec>, problems: ImportProblem[]): RowReader<K>[] {
  const before = problems.length;
  const columns = locateColumns(sheet, specs, problems);
  if (problems.length > before) return [];
  return sheet.rows.map((row) => new RowReader(sheet, row, columns, specs, problems));
}

function parsePlanSheet(sheet: Sheet | undefined, problems: ImportProblem[]) {
  const plan = {
    name: null as string | null, source: null as PlanSource | null, organisation: null as string | null, startDate: null as string | null, endDate: null as string | null,
    roles: [] as { email: string; role: PlanRoleName }[],
  };
  if (!sheet) return plan;
  // Field/Value rows; the header row may be "Field, Value" or already a field.
  const rows = [{ row: 1, cells: sheet.headers }, ...sheet.rows];
  const specs = { value: { label: 'Value', synonyms: [] } } satisfies Record<string, ColumnSpec>;
  for (const row of rows) {
    const field = cellText(row.cells[0] ?? null).toLowerCase();
    const reader = new RowReader(sheet, { row: row.row, cells: row.cells }, { value: 1 }, specs, problems);
    if (field === 'name') plan.name = reader.text('value', { required: true, max: 200 }) ?? null;
    else if (field === 'organisation' || field === 'organization') plan.organisation = reader.text('value', { max: 200 }) || null;
    else if (field === 'source') plan.source = reader.choice('value', SOURCES, 'Ofsted ILACS, Ofsted SIF, LGA peer review, Local Assurance Test or Other') ?? null;
    else if (field === 'start') plan.startDate = reader.date('value') ?? null;
    else if (field === 'end') plan.endDate = reader.date('value') ?? null;
    else if (ROLE_FIELDS[field]) plan.roles.push(...roleEmails(reader, row.row, ROLE_FIELDS[field], problems));
  }
  return plan;
}

const ROLE_FIELDS: Record<string, PlanRoleName> = {
  'service director': 'SERVICE_DIRECTOR', 'service directors': 'SERVICE_DIRECTOR',
  'plan administrator': 'PLAN_ADMINISTRATOR', 'plan administrators': 'PLAN_ADMINISTRATOR',
  'board member': 'BOARD_MEMBER', 'board members': 'BOARD_MEMBER',
};

/** A role row's value: one or more email addresses, separated by commas or semicolons. */
function roleEmails(reader: RowReader<'value'>, row: number, role: PlanRoleName, problems: ImportProblem[]) {
  const text = reader.text('value', { max: 2000 }) ?? '';
  return text.split(/[,;]/).map((e) => e.trim().toLowerCase()).filter(Boolean).flatMap((email) => {
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return [{ email, role }];
    problems.push({ sheet: 'Plan', row, column: 'Value', message: `"${email}" is not an email address.` });
    return [];
  });
}

function parseMilestones(sheet: Sheet, problems: ImportProblem[]) {
  const milestones: MilestoneDraft[] = [];
  const priorities = new Map<number, PriorityDraft>();
  const seen = new Map<string, number>();
  for (const r of rowsOf(sheet, MILESTONE_COLUMNS, problems)) {
    const refText = r.text('ref', { required: true, max: 20 });
    const ref = refText ? normaliseRef(refText) : undefined;
    if (refText && !ref) r.problem('ref', `"${refText}" is not a milestone reference; use numbers such as 1.4.`);
    if (ref && seen.has(ref)) r.problem('ref', `${ref} appears twice (also row ${seen.get(ref)}); each milestone needs its own ref.`);
    if (ref) seen.set(ref, r.rowNumber);
    const priority = priorityNumber(r, ref);
    const keyDates = r.has('keyDates') ? parseKeyDates(r.text('keyDates') ?? '') : { start: null, due: null, status: null };
    const start = r.date('start') ?? keyDates.start;
    const due = r.date('due') ?? keyDates.due;
    if (start && due && due < start) r.problem('due', `${due} is before the start date ${start}.`);
    const draft = {
      priority,
      ref,
      text: r.text('text', { required: true }),
      impactEvidence: r.text('impact') ?? '',
      monitoring: r.text('monitoring') ?? '',
      ownerEmail: r.email('owner'),
      managerEmail: r.has('manager') ? r.email('manager') : null,
      startDate: start,
      dueDate: due,
      initialStatus: r.status('status') ?? keyDates.status ?? 'NOT_YET_DUE',
      cadence: r.choice('cadence', CADENCES, 'monthly or quarterly') ?? 'MONTHLY',
    };
    if (priority !== undefined) notePriority(priorities, priority, r.text('priorityTitle', { max: 300 }) || null, r.text('priorityAim') || null);
    if (isComplete(draft)) milestones.push(draft);
  }
  return { milestones, priorities: [...priorities.values()].sort((a, b) => a.number - b.number) };
}

function priorityNumber(r: RowReader<keyof typeof MILESTONE_COLUMNS>, ref: string | undefined): number | undefined {
  const n = r.number('priority');
  if (n === undefined) return undefined;
  if (n === null) return ref ? priorityOfRef(ref) : undefined;
  if (!Number.isInteger(n) || n < 1 || n > 999) return r.problem('priority', `${n} is not a priority number (a whole number from 1).`);
  return n;
}

function notePriority(priorities: Map<number, PriorityDraft>, number: number, title: string | null, aim: string | null) {
  const existing = priorities.get(number);
  if (!existing) priorities.set(number, { number, title, aim });
  else {
    existing.title ??= title;
    existing.aim ??= aim;
  }
}

/** True when every field was read without a problem. */
function isComplete<T extends object>(draft: { [K in keyof T]: T[K] }): draft is { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.values(draft).every((v) => v !== undefined);
}

function parseKpis(sheet: Sheet | undefined, refs: Set<string>, problems: ImportProblem[]): KpiDraft[] {
  if (!sheet) return [];
  const kpis: KpiDraft[] = [];
  const seen = new Set<string>();
  for (const r of rowsOf(sheet, KPI_COLUMNS, problems)) {
    const name = r.text('name', { required: true, max: 200 });
    if (name && seen.has(name.toLowerCase())) r.problem('name', `"${name}" appears twice; each KPI needs its own name.`);
    if (name) seen.add(name.toLowerCase());
    const target = r.number('target');
    const tolerance = toleranceOf(r);
    const priority = r.number('priority');
    if (priority !== undefined && priority !== null && (!Number.isInteger(priority) || priority < 1)) r.problem('priority', `${priority} is not a priority number.`);
    const draft = {
      name,
      priority,
      unit: r.text('unit', { max: 50 }) ?? '',
      polarity: r.choice('polarity', POLARITIES, 'higher or lower (which is better)') ?? r.problem('polarity', 'is empty; say whether higher or lower is better.'),
      target,
      tolerance,
      monitorOnly: target === null,
      benchmark: r.number('benchmark'),
      milestoneRefs: r.has('milestones') ? milestoneRefsOf(r, refs) : null,
    };
    if (isComplete(draft)) kpis.push(draft);
  }
  return kpis;
}

/**
 * "1.1; 1.7" or "1.1, 1.7": each must be a milestone on the Milestones sheet. An unknown
 * ref is a problem, but the KPI stays in the draft so its figures are not reported as
 * belonging to no KPI.
 */
function milestoneRefsOf(r: RowReader<keyof typeof KPI_COLUMNS>, refs: Set<string>): string[] {
  const parts = (r.text('milestones', { max: 2000 }) ?? '').split(/[;,]/).map((p) => p.trim()).filter(Boolean);
  const found = new Set<string>();
  for (const part of parts) {
    const ref = normaliseRef(part);
    if (ref && refs.has(ref)) found.add(ref);
    else r.problem('milestones', `${part} is not a milestone on the Milestones sheet.`);
  }
  return [...found];
}

/** "15%", "15" and "0.15" all mean 15%. */
function toleranceOf(r: RowReader<keyof typeof KPI_COLUMNS>): number | undefined {
  const n = r.number('tolerance');
  if (n === undefined) return undefined;
  if (n === null) return DEFAULT_TOLERANCE;
  const relative = n > 1 ? n / 100 : n;
  if (relative < 0 || relative > 1) return r.problem('tolerance', `${n} is not a tolerance; give a percentage such as 15%.`);
  return relative;
}

function parseKpiValues(sheet: Sheet | undefined, kpiNames: Set<string>, hasKpiSheet: boolean, problems: ImportProblem[]): KpiValueDraft[] {
  if (!sheet) return [];
  const values: KpiValueDraft[] = [];
  const seen = new Map<string, number>();
  for (const r of rowsOf(sheet, KPI_VALUE_COLUMNS, problems)) {
    const kpi = r.text('kpi', { required: true, max: 200 });
    // Without a KPIs sheet the KPI may already be in the plan; the writer checks that.
    if (kpi && hasKpiSheet && !kpiNames.has(kpi.toLowerCase())) r.problem('kpi', `"${kpi}" is not on the KPIs sheet.`);
    const period = r.period('period');
    const key = `${kpi?.toLowerCase()}|${period}`;
    if (kpi && period && seen.has(key)) r.problem('period', `${kpi} has two figures for ${period} (also row ${seen.get(key)}).`);
    seen.set(key, r.rowNumber);
    const draft = { kpi, period, value: r.number('value', { required: true }), numerator: r.number('numerator'), denominator: r.number('denominator') };
    if (isComplete(draft) && draft.value !== null) values.push({ ...draft, value: draft.value, row: r.rowNumber });
  }
  return values;
}

function parseUpdates(sheet: Sheet | undefined, refs: Set<string>, problems: ImportProblem[]): UpdateDraft[] {
  if (!sheet) return [];
  const updates: UpdateDraft[] = [];
  for (const r of rowsOf(sheet, UPDATE_COLUMNS, problems)) {
    const refText = r.text('ref', { required: true, max: 20 });
    const ref = refText ? normaliseRef(refText) : undefined;
    if (refText && (!ref || !refs.has(ref))) r.problem('ref', `${refText} is not a milestone on the Milestones sheet.`);
    const draft = {
      ref,
      date: r.date('date', { required: true }),
      status: r.status('status', { required: true }),
      workingWell: r.text('workingWell') ?? '',
      worriedAbout: r.text('worriedAbout') ?? '',
      needsToHappen: r.text('needsToHappen') ?? '',
      revisedDueDate: r.date('revisedDue'),
      evidence: parseEvidenceList(r.text('evidence') ?? '', (message) => r.problem('evidence', message)),
      byEmail: r.email('by'),
    };
    if (isComplete(draft) && draft.date !== null && draft.status !== null) updates.push({ ...draft, date: draft.date, status: draft.status });
  }
  return updates;
}
