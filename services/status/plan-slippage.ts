import { endOfLondonDay, type MilestonePosition } from '../../domain/as-of.js';
import { fromStoredDate, londonDateOf, type IsoDate } from '../../domain/calendar-date.js';
import type { KpiFigure } from '../../domain/kpi-position.js';
import type { KpiTarget } from '../../domain/kpi-rag.js';
import type { MilestoneStatus } from '../../domain/milestone-status.js';
import {
  assessSlippage, comparisonPoint, promptTimeline, redInLastTwoPeriods,
  type ComparisonPoint, type PromptTimeline, type RedKpi, type Slippage, type SlippageFacts,
} from '../../domain/slippage.js';
import { workingCalendar, type WorkingCalendar } from '../../domain/working-days.js';
import { loadSchedule } from '../scheduling/schedule-settings.js';
import type { Db } from '../store/database.js';
import { currentCyclePrompts, evidencedMilestones, kpiLinks, statusesChangedSince, type CyclePromptRecord } from './slippage-records.js';

/** The stored history behind a plan's slippage flags on one day, beyond what its status needs anyway. */
export interface PlanSlippageRecords {
  comparison: ComparisonPoint;
  /** Statuses at the comparison point of the milestones updated since (null: none before it). */
  changedSince: Map<string, MilestoneStatus | null>;
  prompts: Map<string, CyclePromptRecord>;
  evidenced: Set<string>;
  links: { milestoneId: string; kpiId: string }[];
  reminderAfterWorkingDays: number;
  calendar: WorkingCalendar;
}

/**
 * Four queries plus the schedule's three, whatever the plan's size. The comparison point
 * (the previous board) comes from the schedule, so its statuses are read once it is known.
 */
export async function loadSlippageRecords(db: Db, planId: string, asOf: IsoDate): Promise<PlanSlippageRecords> {
  const cutoff = endOfLondonDay(asOf);
  const earlier = loadSchedule(db, planId).then(async (schedule) => {
    const calendar = workingCalendar(schedule.closures);
    const comparison = comparisonPoint(asOf, schedule.board, calendar);
    const changedSince = await statusesChangedSince(db, planId, endOfLondonDay(comparison.on), cutoff);
    return { reminderAfterWorkingDays: schedule.reminderAfterWorkingDays, calendar, comparison, changedSince };
  });
  const [fromSchedule, prompts, evidenced, links] = await Promise.all([
    earlier,
    currentCyclePrompts(db, planId, cutoff),
    evidencedMilestones(db, planId, cutoff),
    kpiLinks(db, planId),
  ]);
  return { ...fromSchedule, prompts, evidenced, links };
}

export interface PlanFacts {
  milestones: readonly { id: string; initialStatus: MilestoneStatus; cadence: 'MONTHLY' | 'QUARTERLY'; startDate: Date | null; dueDate: Date | null }[];
  /** Each milestone's position on the day (`positionAsOf`). */
  positions: Map<string, MilestonePosition>;
  /** How many times each milestone's due date moved on or before the day. */
  dueDateMoves: Map<string, number>;
  kpis: readonly (KpiTarget & { id: string; name: string })[];
  /** Each KPI's latest figures known on the day. */
  figures: Map<string, KpiFigure[]>;
}

/** Each milestone's flags on the day, by milestone id. */
export function assessPlanSlippage(records: PlanSlippageRecords, plan: PlanFacts, asOf: IsoDate): Map<string, Slippage[]> {
  const redKpis = redKpisByMilestone(records.links, plan.kpis, plan.figures, asOf);
  // A cycle's prompts go out together: count the working days once per hour they went in.
  const timelines = new Map<number, PromptTimeline>();
  const timelineOf = (sentAt: Date) => {
    const hour = Math.floor(sentAt.getTime() / 3_600_000);
    return timelines.get(hour) ?? timelines.set(hour, promptTimeline(sentAt, records.reminderAfterWorkingDays, records.calendar)).get(hour)!;
  };
  // Start and due dates repeat across a plan: turn each stored date into a day once.
  const days = new Map<number, IsoDate>();
  const dayOf = (date: Date | null) => {
    if (!date) return null;
    const ms = date.getTime();
    return days.get(ms) ?? days.set(ms, fromStoredDate(date)).get(ms)!;
  };
  const result = new Map<string, Slippage[]>();
  for (const m of plan.milestones) {
    const position = plan.positions.get(m.id)!;
    const prompt = records.prompts.get(m.id);
    const earlierStatus = records.changedSince.has(m.id) ? (records.changedSince.get(m.id) ?? m.initialStatus) : position.status;
    const facts: SlippageFacts = {
      status: position.status,
      cadence: m.cadence,
      startDate: dayOf(m.startDate),
      plannedDueDate: dayOf(m.dueDate),
      dueDate: position.dueDate,
      lastUpdate: position.lastUpdate ? londonDateOf(position.lastUpdate.recordedAt) : null,
      earlier: { status: earlierStatus, ...records.comparison },
      dueDateMoves: plan.dueDateMoves.get(m.id) ?? 0,
      prompt: prompt ? { cycle: prompt.cycle, firstUpdateAt: prompt.firstUpdateAt, ...timelineOf(prompt.sentAt) } : null,
      hasEvidence: records.evidenced.has(m.id),
      redKpis: redKpis.get(m.id) ?? [],
    };
    result.set(m.id, assessSlippage(facts, asOf));
  }
  return result;
}

function redKpisByMilestone(links: PlanSlippageRecords['links'], kpis: PlanFacts['kpis'], figures: PlanFacts['figures'], asOf: IsoDate): Map<string, RedKpi[]> {
  const red = new Map<string, RedKpi>();
  for (const k of kpis) {
    const periods = redInLastTwoPeriods(k, figures.get(k.id) ?? [], asOf);
    if (periods) red.set(k.id, { name: k.name, periods });
  }
  const byMilestone = new Map<string, RedKpi[]>();
  for (const link of links) {
    const kpi = red.get(link.kpiId);
    if (!kpi) continue;
    const list = byMilestone.get(link.milestoneId);
    if (list) list.push(kpi);
    else byMilestone.set(link.milestoneId, [kpi]);
  }
  // The same order whatever order the links came back in.
  for (const list of byMilestone.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return byMilestone;
}
