import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { toStoredDate, type IsoDate } from '../../../domain/calendar-date.js';
import type { MilestoneStatus } from '../../../domain/milestone-status.js';
import { changeSchedule, setClosure } from '../../../services/scheduling/schedule-settings.js';
import { planStatus, type PlanStatus } from '../../../services/status/plan-status.js';
import type { DatabaseTarget } from '../../../services/store/database-target.js';
import { openStore, type Store } from '../../../services/store/database.js';
import { dropTarget, freshTarget } from '../../support/test-database.js';

// Every fact is written straight into the store, as the bot and the importer leave it,
// so the test proves what planStatus reads back from stored history on a given day.
let target: DatabaseTarget;
let store: Store;
let queries = 0;
let planId: string;
let ownerId: string;
let priorityId: string;

beforeAll(async () => {
  target = await freshTarget('slippage-status');
  store = await openStore(target, { poolSize: 4, onQuery: () => (queries += 1) });
  const org = await store.db.organisation.create({ data: { name: 'Slippage council' } });
  planId = (await store.db.plan.create({ data: { name: 'Slippage plan', organisationId: org.id } })).id;
  ownerId = (await store.db.person.create({ data: { email: 'owner@council.gov.uk', organisationId: org.id } })).id;
  priorityId = (await store.db.priority.create({ data: { planId, number: 1, title: 'Front door' } })).id;
  // Board meetings listed (not the default "last working Thursday", which would be 30 May);
  // reminders after 4 working days (default 3), and a closure day.
  expect(await changeSchedule(store.db, planId, { boardDates: ['2019-03-14', '2019-05-16'], reminderAfter: '4', escalateAfter: '6' }, 'test')).toEqual({ ok: true });
  await setClosure(store.db, planId, '2019-05-22', true, 'Staff day', 'test');
  await buildPlan();
});
afterAll(async () => {
  await store.close();
  await dropTarget(target);
});

type Cadence = 'MONTHLY' | 'QUARTERLY';
async function milestone(ref: string, f: { start?: IsoDate; due?: IsoDate; initial?: MilestoneStatus; cadence?: Cadence } = {}): Promise<string> {
  const m = await store.db.milestone.create({
    data: {
      planId, priorityId, ref, sortKey: ref, text: `Milestone ${ref}`, ownerId, cadence: f.cadence ?? 'MONTHLY', initialStatus: f.initial ?? 'ON_TRACK',
      startDate: toStoredDate(f.start ?? '2019-01-01'), dueDate: toStoredDate(f.due ?? '2019-12-31'),
    },
  });
  return m.id;
}
/** `at` is a day (stored at midnight, as imported) or an instant (as from Teams). */
async function update(milestoneId: string, at: string, status: MilestoneStatus, revisedDue?: IsoDate) {
  await store.db.statusUpdate.create({
    data: {
      milestoneId, status, recordedAt: at.length === 10 ? toStoredDate(at) : new Date(at), source: 'TEAMS', dedupeKey: randomUUID(),
      revisedDueDate: revisedDue ? toStoredDate(revisedDue) : null,
    },
  });
}
async function prompt(milestoneId: string, cycle: string, sentAt: string, trigger: 'SCHEDULE' | 'COMMAND' = 'SCHEDULE') {
  await store.db.prompt.create({ data: { milestoneId, personId: ownerId, cycle, trigger, cardId: randomUUID(), sentAt: new Date(sentAt) } });
}
async function evidence(milestoneId: string, addedAt: IsoDate) {
  await store.db.evidence.create({ data: { milestoneId, title: 'Audit', url: 'https://council.example/audit', addedAt: toStoredDate(addedAt), dedupeKey: randomUUID() } });
}
async function kpi(name: string, figures: [string, number][], linkedTo: string[]) {
  const k = await store.db.kpi.create({ data: { planId, name, unit: '%', polarity: 'LOWER_IS_BETTER', target: 25 } });
  await store.db.kpiValue.createMany({ data: figures.map(([period, value]) => ({ kpiId: k.id, period, value })) });
  await store.db.milestoneKpi.createMany({ data: linkedTo.map((milestoneId) => ({ milestoneId, kpiId: k.id })) });
}

async function buildPlan() {
  // 1.1: due 31 March, moved to 30 April, "moved" again to 30 April (not a move), then to 30 June; 30 September after the day.
  const moved = await milestone('1.1', { due: '2019-03-31' });
  await update(moved, '2019-03-20', 'ON_TRACK', '2019-04-30');
  await update(moved, '2019-04-20', 'SLIGHT_SLIPPAGE', '2019-04-30');
  await update(moved, '2019-04-25', 'SLIGHT_SLIPPAGE', '2019-06-30');
  await update(moved, '2019-05-10', 'SLIGHT_SLIPPAGE');
  await update(moved, '2019-06-05', 'SLIGHT_SLIPPAGE', '2019-09-30');
  // 1.2 and 1.3 worsen after the board of 16 May.
  const worse = await milestone('1.2');
  await update(worse, '2019-05-10', 'SLIGHT_SLIPPAGE');
  await update(worse, '2019-05-20', 'SIGNIFICANT_SLIPPAGE');
  const jump = await milestone('1.3');
  await update(jump, '2019-05-01', 'ON_TRACK');
  await update(jump, '2019-05-21', 'SIGNIFICANT_SLIPPAGE');
  const firstUpdate = await milestone('1.8'); // its only update came after the board: compared with the plan's own status
  await update(firstUpdate, '2019-05-20', 'SLIGHT_SLIPPAGE');
  // May's prompts went on Monday 20 May: deadline 28 May (closure on the 22nd, bank holiday on the 27th).
  const unanswered = await milestone('1.4');
  await update(unanswered, '2019-05-15', 'ON_TRACK');
  await prompt(unanswered, '2019-05', '2019-05-20T08:00:00Z');
  await prompt(unanswered, '2019-06', '2019-06-03T08:00:00Z'); // after the day
  const answered = await milestone('1.5');
  await update(answered, '2019-05-15', 'ON_TRACK');
  await prompt(answered, '2019-05', '2019-05-20T08:00:00Z');
  await update(answered, '2019-05-24T14:00:00Z', 'ON_TRACK'); // in time only with the plan's 4 working days
  const lastCycle = await milestone('1.6'); // asked in April only: not in the current cycle
  await update(lastCycle, '2019-05-15', 'ON_TRACK');
  await prompt(lastCycle, '2019-04', '2019-04-15T08:00:00Z');
  const byCommand = await milestone('1.7'); // a card opened by command is not a scheduled request
  await update(byCommand, '2019-05-15', 'ON_TRACK');
  await prompt(byCommand, '2019-05', '2019-05-20T08:00:00Z', 'COMMAND');
  // Evidence: 2.1 has some; 2.2's came after the day.
  const evidenced = await milestone('2.1');
  await update(evidenced, '2019-05-10', 'COMPLETE');
  await evidence(evidenced, '2019-05-10');
  const unevidenced = await milestone('2.2');
  await update(unevidenced, '2019-05-10', 'COMPLETE');
  await evidence(unevidenced, '2019-06-10');
  // KPIs: March and April red, May green (known from 31 May); the other red in April only.
  const kpiRedTwice = await milestone('3.1');
  await update(kpiRedTwice, '2019-05-15', 'ON_TRACK');
  await kpi('Re-referrals', [['2019-03', 32.4], ['2019-04', 33], ['2019-05', 20]], [kpiRedTwice]);
  const kpiRedOnce = await milestone('3.2');
  await update(kpiRedOnce, '2019-05-15', 'ON_TRACK');
  await kpi('Repeat plans', [['2019-03', 26], ['2019-04', 40]], [kpiRedOnce]);
  await milestone('3.3', { start: '2019-04-01', initial: 'NOT_YET_DUE' });
  const quarterly = await milestone('3.4', { cadence: 'QUARTERLY' });
  await update(quarterly, '2019-03-01', 'ON_TRACK');
}

async function statusOn(asOf: IsoDate): Promise<PlanStatus> {
  const result = await planStatus(store.db, { name: 'Slippage plan' }, asOf);
  if (!result.ok) throw new Error(result.message);
  return result.status;
}
const byRef = (s: PlanStatus) => Object.fromEntries(s.milestones.map((m) => [m.ref, m]));
const flagsByRef = (s: PlanStatus) => Object.fromEntries(s.milestones.map((m) => [m.ref, m.flags]));

describe('slippage flags from stored history', () => {
  it('as of 31 May 2019: each flag from its own facts, nothing recorded later counting', async () => {
    const s = await statusOn('2019-05-31');
    expect(flagsByRef(s)).toEqual({
      '1.1': ['date-moved'],
      '1.2': ['worsened'],
      '1.3': ['worsened'],
      '1.4': ['update-missing'],
      '1.5': [],
      '1.6': [],
      '1.7': [],
      '1.8': ['worsened'],
      '2.1': [],
      '2.2': ['unevidenced'],
      '3.1': [],
      '3.2': [],
      '3.3': ['not-started'],
      '3.4': [],
    });
    const m = byRef(s);
    expect(m['1.1']).toMatchObject({ due: '2019-06-30', flagNotes: [{ flag: 'date-moved', note: 'moved twice, 91 days later in all' }] });
    expect(m['1.2']!.flagNotes[0]!.note).toBe('SLIGHT SLIPPAGE at the board on 16 May 2019, now SIGNIFICANT SLIPPAGE');
    expect(m['1.3']!.flagNotes[0]!.note).toBe('ON TRACK at the board on 16 May 2019, now SIGNIFICANT SLIPPAGE');
    expect(m['1.8']!.flagNotes[0]!.note).toBe('ON TRACK at the board on 16 May 2019, now SLIGHT SLIPPAGE');
    expect(m['1.4']!.flagNotes[0]!.note).toBe('asked for the May 2019 update on 20 May 2019, none came by 28 May 2019');
    expect(m['1.4']).toMatchObject({ id: expect.any(String), ownerId });
  });

  it('orders the slipping list by severity and carries owner, flags and notes', async () => {
    const s = await statusOn('2019-05-31');
    expect(s.slipping.map((m) => m.ref)).toEqual(['1.2', '1.3', '1.1', '1.8', '1.4', '2.2', '3.3']);
    expect(s.slipping[0]).toEqual({
      id: byRef(s)['1.2']!.id, ref: '1.2', title: 'Milestone 1.2', priority: 1, owner: 'owner@council.gov.uk', ownerId,
      status: 'SIGNIFICANT SLIPPAGE', due: '2019-12-31', flags: ['worsened'], notes: ['SLIGHT SLIPPAGE at the board on 16 May 2019, now SIGNIFICANT SLIPPAGE'],
    });
  });

  it('on other days: deadlines not yet passed, KPI figures as known then, evidence and revisions as they came', async () => {
    const before = flagsByRef(await statusOn('2019-05-27'));
    expect(before['1.4']).toEqual([]); // deadline 28 May not passed
    expect(before['1.2']).toEqual(['worsened']);

    const may30 = flagsByRef(await statusOn('2019-05-30'));
    expect(may30['3.1']).toEqual(['contradicted']); // March and April red; May not known until the 31st
    expect(may30['3.2']).toEqual([]);

    const june = await statusOn('2019-06-30');
    const flags = flagsByRef(june);
    expect(flags['2.2']).toEqual([]); // evidence attached on 10 June
    expect(byRef(june)['1.1']).toMatchObject({ due: '2019-09-30', flags: ['date-moved'] });
    expect(byRef(june)['1.1']!.flagNotes[0]!.note).toBe('moved 3 times, 183 days later in all');
    expect(flags['1.4']).toEqual(['update-missing', 'stale']); // June's prompt went on 3 June, deadline 7 June; last update 15 May
    expect(flags['1.5']).toEqual(['stale']); // not asked in June; last update 24 May
  });

  it('reads the plan in the same number of queries however many milestones it has', async () => {
    queries = 0;
    await statusOn('2019-05-31');
    const small = queries;
    for (let i = 1; i <= 5; i += 1) {
      const id = await milestone(`4.${i}`);
      await update(id, '2019-05-15', 'ON_TRACK', '2019-12-01');
      await prompt(id, '2019-05', '2019-05-20T08:00:00Z');
      await evidence(id, '2019-05-15');
    }
    queries = 0;
    await statusOn('2019-05-31');
    expect(queries).toBe(small);
  });
});
