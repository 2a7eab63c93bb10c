import { fromStoredDate, type IsoDate } from '../../domain/calendar-date.js';
import { bragColour, parseStatus, type Brag, type MilestoneStatus } from '../../domain/milestone-status.js';
import type { StatusCounts } from '../../domain/plan-summary.js';
import type { Db } from '../store/database.js';
import { findPlan, type PlanLookup } from '../status/find-plan.js';
import { planStatus, type PlanStatus } from '../status/plan-status.js';
import { buildKpiRows, kpiWindow, type KpiRow } from './kpi-table.js';
import { latestAnswers, packDetails, type PackDetails } from './pack-records.js';

export type { KpiCell, KpiRow } from './kpi-table.js';

/** The monthly board pack, laid out as councils' improvement plan progress reports are. */
export interface BoardPackView {
  plan: { name: string; organisation: string; source: string };
  asOf: IsoDate;
  summary: StatusCounts;
  /** Milestones not yet due, named in the summary as reports do ("due to commence in July"). */
  notYetDue: { ref: string; text: string; start: IsoDate | null }[];
  /** Milestones with slippage flags (overdue, stale, …), worst first. */
  slipping: SlippingMilestone[];
  /** The twelve KPI months shown (`YYYY-MM`, oldest first), ending at the latest month with a figure. */
  kpiMonths: string[];
  priorities: PriorityView[];
  /** KPIs tied to no priority. */
  otherKpis: KpiRow[];
}

export interface PriorityView {
  number: number;
  title: string;
  /** "What we want to achieve". */
  aim: string;
  counts: StatusCounts;
  milestones: MilestoneRow[];
  kpis: KpiRow[];
  answers: Answers;
}

export interface MilestoneRow {
  id: string;
  ref: string;
  text: string;
  impactEvidence: string;
  monitoring: string;
  owner: string | null;
  start: IsoDate | null;
  /** The due date in force (the latest revision, else the plan's). */
  due: IsoDate | null;
  /** The plan's own due date, when a revision has moved it. */
  plannedDue: IsoDate | null;
  status: MilestoneStatus;
  brag: Brag;
  lastUpdate: IsoDate | null;
}

export interface SlippingMilestone {
  id: string;
  ref: string;
  text: string;
  owner: string | null;
  status: MilestoneStatus;
  flags: string[];
  notes: string[];
}

export interface Answer {
  ref: string;
  text: string;
  date: IsoDate;
}

/** The owners' latest answers, as the Quality Performance Review Meeting's three questions. */
export interface Answers {
  workingWell: Answer[];
  worriedAbout: Answer[];
  needsToHappen: Answer[];
}

export type BoardPackViewResult = { ok: true; view: BoardPackView } | { ok: false; message: string };

/**
 * The board pack as of a day, from stored history only: updates recorded after the day and
 * KPI months not over by then do not count. A fixed number of queries, whatever the plan's size.
 */
export async function boardPackView(db: Db, lookup: PlanLookup, asOf: IsoDate): Promise<BoardPackViewResult> {
  const found = await findPlan(db, lookup);
  if (!found.ok) return found;
  const planId = found.plan.id;
  const [statusResult, details, answers, window] = await Promise.all([
    planStatus(db, { id: planId }, asOf),
    packDetails(db, planId),
    latestAnswers(db, planId, asOf),
    kpiWindow(db, planId, asOf),
  ]);
  if (!statusResult.ok) return statusResult;
  const status = statusResult.status;
  const rows = milestoneRows(status, details);
  const kpiRows = buildKpiRows(details.kpis, window, status.kpis);
  // In the plan's order of milestones, as the tables are.
  const position = new Map(rows.map((r, i) => [r.id, i]));
  const answered = answers
    .filter((a) => position.has(a.milestoneId))
    .sort((a, b) => position.get(a.milestoneId)! - position.get(b.milestoneId)!)
    .map((a) => ({ ...a, ref: rows[position.get(a.milestoneId)!]!.ref }));
  return {
    ok: true,
    view: {
      plan: { name: status.plan.name, organisation: details.organisation, source: details.source },
      asOf,
      summary: status.summary,
      notYetDue: rows.filter((r) => r.status === 'NOT_YET_DUE').map((r) => ({ ref: r.ref, text: r.text, start: r.start })),
      slipping: slippingOf(status, rows),
      kpiMonths: window.months,
      priorities: status.priorities.map((p) => {
        const priorityRows = rows.filter((r) => r.priority === p.number);
        const refs = new Set(priorityRows.map((r) => r.ref));
        const mine = answered.filter((a) => refs.has(a.ref));
        const { number, title, ...counts } = p;
        return {
          number,
          title,
          aim: details.aims.get(number) ?? '',
          counts,
          milestones: priorityRows.map(({ priority: _, ...row }) => row),
          kpis: kpiRows.filter((k) => k.priority === number).map((k) => k.row),
          answers: {
            workingWell: answersTo(mine, 'workingWell'),
            worriedAbout: answersTo(mine, 'worriedAbout'),
            needsToHappen: answersTo(mine, 'needsToHappen'),
          },
        };
      }),
      otherKpis: kpiRows.filter((k) => k.priority === null).map((k) => k.row),
    },
  };
}

/** Each milestone as the pack's table shows it: the plan's words with its status as of the day. */
function milestoneRows(status: PlanStatus, details: PackDetails): (MilestoneRow & { priority: number })[] {
  const detailsOf = new Map(details.milestones.map((m) => [m.id, m]));
  return status.milestones.map((m) => {
    const d = detailsOf.get(m.id);
    const statusValue = parseStatus(m.status) ?? 'NOT_YET_DUE';
    const plannedDue = d?.dueDate ? fromStoredDate(d.dueDate) : null;
    return {
      id: m.id,
      priority: m.priority,
      ref: m.ref,
      text: m.title,
      impactEvidence: d?.impactEvidence ?? '',
      monitoring: d?.monitoring ?? '',
      owner: d?.ownerName || m.owner,
      start: d?.startDate ? fromStoredDate(d.startDate) : null,
      due: m.due,
      plannedDue: plannedDue !== m.due ? plannedDue : null,
      status: statusValue,
      brag: bragColour(statusValue),
      lastUpdate: m.lastUpdate,
    };
  });
}

type Question = keyof Answers;

function answersTo(answers: readonly ({ ref: string; date: IsoDate } & Record<Question, string>)[], question: Question): Answer[] {
  return answers.filter((a) => a[question].trim() !== '').map((a) => ({ ref: a.ref, text: a[question].trim(), date: a.date }));
}

/** `planStatus`'s slipping milestones (worst first), with the pack's own milestone rows' words. */
function slippingOf(status: PlanStatus, rows: readonly MilestoneRow[]): SlippingMilestone[] {
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  return status.slipping.flatMap((m) => {
    const row = rowOf.get(m.id);
    if (!row) return [];
    return [{ id: m.id, ref: m.ref, text: row.text, owner: row.owner, status: row.status, flags: [...m.flags], notes: [...m.notes] }];
  });
}
