import { fromStoredDate, toStoredDate, type IsoDate } from '../../domain/calendar-date.js';
import { DEFAULT_BOARD_RULE, describeBoardRule, parseBoardRule, WEEKDAYS } from '../../domain/board-dates.js';
import { parseClockTime } from '../../domain/london-time.js';
import { DEFAULT_SCHEDULE, describePromptRule, parsePromptRule, type ScheduleSettings } from '../../domain/schedule.js';
import { recordAudit } from '../audit.js';
import type { Db } from '../store/database.js';

/** A plan's schedule, its defaults filled in. */
export async function loadSchedule(db: Db, planId: string): Promise<ScheduleSettings> {
  const [row, meetings, closures] = await Promise.all([
    db.planSchedule.findUnique({ where: { planId } }),
    db.boardMeeting.findMany({ where: { planId }, orderBy: { date: 'asc' }, select: { date: true } }),
    db.closureDay.findMany({ where: { planId }, select: { date: true } }),
  ]);
  const d = DEFAULT_SCHEDULE;
  return {
    board: { rule: (row && parseBoardRule(row.boardRule)) || d.board.rule, dates: meetings.map((m) => fromStoredDate(m.date)) },
    prompt: (row && parsePromptRule(row.promptRule)) || d.prompt,
    promptTime: row?.promptTime ?? d.promptTime,
    reminderAfterWorkingDays: row?.reminderAfterWorkingDays ?? d.reminderAfterWorkingDays,
    escalateAfterWorkingDays: row?.escalateAfterWorkingDays ?? d.escalateAfterWorkingDays,
    chaseTime: row?.chaseTime ?? d.chaseTime,
    weeklyDigest: { weekday: row?.weeklyDigestDay ?? d.weeklyDigest.weekday, time: row?.weeklyDigestTime ?? d.weeklyDigest.time },
    boardPack: { workingDaysBefore: row?.boardPackWorkingDays ?? d.boardPack.workingDaysBefore, time: row?.boardPackTime ?? d.boardPack.time },
    sweepTime: row?.sweepTime ?? d.sweepTime,
    closures: closures.map((c) => fromStoredDate(c.date)),
  };
}

/** Changes as a person types them (`ib schedule set`); each is checked before anything is saved. */
export interface ScheduleChanges {
  boardRule?: string;
  boardDates?: IsoDate[];
  prompt?: string;
  promptTime?: string;
  reminderAfter?: string;
  escalateAfter?: string;
  chaseTime?: string;
  weeklyDigest?: string;
  boardPackDays?: string;
  boardPackTime?: string;
  sweepTime?: string;
}

export type ChangeResult = { ok: true } | { ok: false; message: string };

/** `channel` says where the change came from (cli, teams) for the audit log. */
export async function changeSchedule(db: Db, planId: string, changes: ScheduleChanges, actor: string): Promise<ChangeResult> {
  const data: Record<string, string | number> = {};
  const problems: string[] = [];
  const time = (field: string, value: string | undefined, label: string) => {
    if (value === undefined) return;
    const t = parseClockTime(value);
    if (t) data[field] = t;
    else problems.push(`${label} "${value}" is not a time; use 24-hour HH:MM, such as 09:00.`);
  };
  const count = (field: string, value: string | undefined, label: string) => {
    if (value === undefined) return;
    const n = Number(value);
    if (Number.isInteger(n) && n >= 1 && n <= 30) data[field] = n;
    else problems.push(`${label} "${value}" must be a whole number of working days from 1 to 30.`);
  };
  if (changes.boardRule !== undefined) {
    const rule = parseBoardRule(changes.boardRule);
    if (rule) data.boardRule = describeBoardRule(rule).replace(/ of each month$/, '');
    else problems.push(`Board rule "${changes.boardRule}" is not one I know; write it like "${DEFAULT_BOARD_RULE}" or "first Tuesday".`);
  }
  if (changes.prompt !== undefined) {
    if (parsePromptRule(changes.prompt)) data.promptRule = changes.prompt.trim();
    else problems.push(`Prompt rule "${changes.prompt}" is not one I know; write "10 working days before the board" or "day 22 of each month".`);
  }
  time('promptTime', changes.promptTime, 'Prompt time');
  count('reminderAfterWorkingDays', changes.reminderAfter, 'Reminder after');
  count('escalateAfterWorkingDays', changes.escalateAfter, 'Escalate after');
  time('chaseTime', changes.chaseTime, 'Chase time');
  if (changes.weeklyDigest !== undefined) {
    const m = /^([a-z]+)\s+(\S+)$/i.exec(changes.weeklyDigest.trim());
    const day = m ? WEEKDAYS.findIndex((w) => w.startsWith(m[1]!.toLowerCase()) && m[1]!.length >= 3) : -1;
    const t = m ? parseClockTime(m[2]!) : undefined;
    if (day >= 0 && t) Object.assign(data, { weeklyDigestDay: day, weeklyDigestTime: t });
    else problems.push(`Weekly digest "${changes.weeklyDigest}" should be a day and a time, such as "Monday 08:00".`);
  }
  count('boardPackWorkingDays', changes.boardPackDays, 'Board pack days');
  time('boardPackTime', changes.boardPackTime, 'Board pack time');
  time('sweepTime', changes.sweepTime, 'Sweep time');
  const current = await loadSchedule(db, planId);
  const reminder = Number(data.reminderAfterWorkingDays ?? current.reminderAfterWorkingDays);
  const escalate = Number(data.escalateAfterWorkingDays ?? current.escalateAfterWorkingDays);
  if (escalate <= reminder) problems.push(`Escalation (${escalate} working days) must come after the reminder (${reminder}).`);
  if (problems.length) return { ok: false, message: problems.join('\n') };

  await db.$transaction(async (tx) => {
    await tx.planSchedule.upsert({ where: { planId }, create: { planId, ...data }, update: data });
    if (changes.boardDates) {
      await tx.boardMeeting.deleteMany({ where: { planId } });
      await tx.boardMeeting.createMany({ data: [...new Set(changes.boardDates)].map((d) => ({ planId, date: toStoredDate(d) })) });
    }
    await recordAudit(tx, [{ planId, channel: actor, entity: 'PlanSchedule', entityId: planId, action: 'update', changes: { ...data, ...(changes.boardDates ? { boardDates: changes.boardDates } : {}) } }]);
  });
  return { ok: true };
}

export async function setClosure(db: Db, planId: string, date: IsoDate, closed: boolean, reason: string, actor: string): Promise<void> {
  await db.$transaction(async (tx) => {
    if (closed) await tx.closureDay.upsert({ where: { planId_date: { planId, date: toStoredDate(date) } }, create: { planId, date: toStoredDate(date), reason }, update: { reason } });
    else await tx.closureDay.deleteMany({ where: { planId, date: toStoredDate(date) } });
    await recordAudit(tx, [{ planId, channel: actor, entity: 'ClosureDay', entityId: `${planId}:${date}`, action: closed ? 'create' : 'delete', changes: { date, reason } }]);
  });
}

export function describeSchedule(s: ScheduleSettings): string[] {
  const day = WEEKDAYS[s.weeklyDigest.weekday]!;
  return [
    `Board meetings: ${s.board.dates.length ? s.board.dates.join(', ') : describeBoardRule(s.board.rule)}`,
    `Prompts: ${describePromptRule(s.prompt)}, at ${s.promptTime}`,
    `Reminder after ${s.reminderAfterWorkingDays} working days without an answer; escalation after ${s.escalateAfterWorkingDays} (checked daily at ${s.chaseTime})`,
    `Weekly digest: ${day[0]!.toUpperCase()}${day.slice(1)} at ${s.weeklyDigest.time}`,
    `Board pack: ${s.boardPack.workingDaysBefore} working days before the board, at ${s.boardPack.time}`,
    `Slippage sweep: every working day at ${s.sweepTime}`,
    `Closure days: ${s.closures.length ? s.closures.sort().join(', ') : 'none'} (weekends and England and Wales bank holidays always)`,
  ];
}
