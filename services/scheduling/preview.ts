import { addDays, type IsoDate } from '../../domain/calendar-date.js';
import { londonInstant } from '../../domain/london-time.js';
import { addWorkingDays, workingCalendar } from '../../domain/working-days.js';
import { slotsBetween, type JobName, type ScheduleSettings, type Slot } from '../../domain/schedule.js';
import { findPlan, type PlanLookup } from '../status/find-plan.js';
import { promptCandidates } from '../checkins/prompt-candidates.js';
import type { Db } from '../store/database.js';
import { loadSchedule } from './schedule-settings.js';

export interface PreviewEntry {
  job: JobName;
  date: IsoDate;
  time: string;
  cycle: string | null;
  recipients: string[];
}

export type PreviewResult = { ok: true; plan: string; entries: PreviewEntry[] } | { ok: false; message: string };

/**
 * Every send the plan's schedule would make from one day to another (both included), in
 * England's time, with who would get it as the plan stands today.
 */
export async function previewSchedule(db: Db, lookup: PlanLookup, from: IsoDate, to: IsoDate, jobs: JobName[]): Promise<PreviewResult> {
  if (to < from) return { ok: false, message: `--to (${to}) is before --from (${from}).` };
  if (addDays(from, 400) < to) return { ok: false, message: 'Preview at most 400 days at a time.' };
  const found = await findPlan(db, lookup);
  if (!found.ok) return found;
  const planId = found.plan.id;
  const settings = await loadSchedule(db, planId);
  const slots = slotsBetween(settings, londonInstant(from, '00:00'), londonInstant(addDays(to, 1), '00:00')).filter((s) => jobs.includes(s.job));
  const chaseDays = chaseDaysOf(settings, from, to);
  const entries: PreviewEntry[] = [];
  for (const slot of slots) {
    if (slot.job === 'chase' && !chaseDays.has(slot.date)) continue; // the daily check sends nothing then
    const cycle = slot.cycle ?? chaseDays.get(slot.date)?.cycle ?? null;
    entries.push({ job: slot.job, date: slot.date, time: slot.time, cycle, recipients: await recipientsOf(db, planId, slot, settings, chaseDays.get(slot.date)?.what) });
  }
  return { ok: true, plan: found.plan.name, entries };
}

/** Days the daily chase would send something if nobody answered: N and M working days after each prompt. */
function chaseDaysOf(settings: ScheduleSettings, from: IsoDate, to: IsoDate): Map<IsoDate, { cycle: string; what: string }> {
  const calendar = workingCalendar(settings.closures);
  const prompts = slotsBetween(settings, londonInstant(addDays(from, -40), '00:00'), londonInstant(addDays(to, 1), '00:00')).filter((s) => s.job === 'prompts');
  const days = new Map<IsoDate, { cycle: string; what: string }>();
  for (const p of prompts) {
    days.set(addWorkingDays(calendar, p.date, settings.reminderAfterWorkingDays), { cycle: p.cycle!, what: 'reminders to owners yet to answer' });
    days.set(addWorkingDays(calendar, p.date, settings.escalateAfterWorkingDays), { cycle: p.cycle!, what: "escalations to the line managers (else the service director) of owners yet to answer" });
  }
  return days;
}

async function recipientsOf(db: Db, planId: string, slot: Slot, settings: ScheduleSettings, chase?: string): Promise<string[]> {
  if (slot.job === 'prompts') return promptRecipients(db, planId, slot);
  if (slot.job === 'chase') return [chase ?? 'owners yet to answer'];
  if (slot.job === 'weekly-digest') {
    const directors = await db.planMember.findMany({ where: { planId, role: 'SERVICE_DIRECTOR' }, select: { person: { select: { email: true } } } });
    return directors.map((d) => d.person.email);
  }
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { boardChannelName: true } });
  return [plan.boardChannelName ? `board channel ${plan.boardChannelName}` : 'the board channel (not set yet)'];
}

/** The owners (or their delegates, while away) of the milestones the cycle asks about. */
async function promptRecipients(db: Db, planId: string, slot: Slot): Promise<string[]> {
  const asked = await promptCandidates(db, planId, slot.cycle!, slot.date, new Date());
  const ids = [...new Set(asked.flatMap((c) => (c.personId ? [c.personId] : [])))];
  const people = await db.person.findMany({ where: { id: { in: ids } }, select: { email: true } });
  return people.map((p) => p.email).sort();
}
