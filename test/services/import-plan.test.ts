import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importPlan } from '../../services/import/import-plan.js';
import { describeProblem } from '../../services/import/workbook.js';
import { planStatus } from '../../services/status/plan-status.js';
import { testStore, type TestStore } from '../support/test-database.js';
import { smallPlan, writeCsvFolder, writeXlsx, type Rows } from '../support/workbook-files.js';

let store: TestStore;
beforeAll(async () => {
  store = await testStore('import-plan');
});
afterAll(() => store.drop());

async function counts() {
  const db = store.db;
  const [plans, milestones, updates, evidence, kpis, kpiValues, people, priorities] = await Promise.all([
    db.plan.count(), db.milestone.count(), db.statusUpdate.count(), db.evidence.count(),
    db.kpi.count(), db.kpiValue.count(), db.person.count(), db.priority.count(),
  ]);
  return { plans, milestones, updates, evidence, kpis, kpiValues, people, priorities };
}

async function status(plan: string, asOf: string) {
  const result = await planStatus(store.db, { name: plan }, asOf);
  if (!result.ok) throw new Error(result.message);
  return result.status;
}

describe('importing a good workbook', () => {
  it('stores the plan and status reads it back as of a date', async () => {
    const result = await importPlan(store.db, await writeXlsx(smallPlan('Good plan')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.milestones.created).toBe(8);
    expect(result.report.updates.created).toBe(3);
    expect(result.report.evidence.created).toBe(2);
    expect(result.report.kpiValues.created).toBe(3);

    const march = await status('Good plan', '2019-03-31');
    const m11 = march.milestones.find((m) => m.ref === '1.1')!;
    expect(m11).toMatchObject({ status: 'SLIGHT SLIPPAGE', due: '2020-06-30', lastUpdate: '2019-03-20', owner: 'owner1@council.gov.uk' });
    expect(march.milestones.find((m) => m.ref === '2.5')!.status).toBe('ON TRACK');

    const may = await status('Good plan', '2019-05-31');
    expect(may.milestones.find((m) => m.ref === '1.1')).toMatchObject({ status: 'ON TRACK', due: '2020-06-30' });
    expect(may.milestones.find((m) => m.ref === '2.5')).toMatchObject({ status: 'SIGNIFICANT SLIPPAGE', lastUpdate: '2019-05-31' });
    expect(may.summary).toMatchObject({ total: 8, onTrack: 7, significantSlippage: 1, percentOnTrack: 87.5 });
    expect(may.kpis.find((k) => k.name === 'Re-referrals')).toMatchObject({ period: '2019-03', value: 32.4, rag: 'red', direction: 'improving' });
    expect(may.kpis.find((k) => k.name === 'Care leavers in EET')).toMatchObject({ rag: 'amber', direction: null });
  });

  it('a figure is not known before the end of its month', async () => {
    const s = await status('Good plan', '2019-03-30');
    expect(s.kpis.find((k) => k.name === 'Re-referrals')).toMatchObject({ period: '2019-02', value: 32.6, direction: null });
  });

  it('importing the same workbook again changes nothing', async () => {
    const before = await counts();
    const result = await importPlan(store.db, await writeXlsx(smallPlan('Good plan')));
    expect(result.ok && result.report.milestones).toEqual({ created: 0, updated: 0, unchanged: 8 });
    expect(result.ok && result.report.updates).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await counts()).toEqual(before);
  });

  it('a changed cell updates the milestone and the audit log keeps the old value', async () => {
    const sheets = smallPlan('Good plan');
    sheets.Milestones![3]![8] = '2020-03-31'; // milestone 1.3's due date
    const result = await importPlan(store.db, await writeXlsx(sheets));
    expect(result.ok && result.report.milestones).toEqual({ created: 0, updated: 1, unchanged: 7 });
    const milestone = await store.db.milestone.findFirstOrThrow({ where: { ref: '1.3', plan: { name: 'Good plan' } } });
    const audit = await store.db.auditEntry.findFirstOrThrow({ where: { entity: 'Milestone', entityId: milestone.id, action: 'update' } });
    expect(audit.changes).toMatchObject({ dueDate: { from: '2019-12-31T00:00:00.000Z', to: '2020-03-31T00:00:00.000Z' } });
  });

  it('history is appended, never overwritten: an edited update is a new one', async () => {
    const sheets = smallPlan('Good plan');
    sheets.Updates!.push(['1.2', '2019-06-10', 'COMPLETE', 'Done', '', '', '', '', '']);
    const result = await importPlan(store.db, await writeXlsx(sheets));
    expect(result.ok && result.report.updates.created).toBe(1);
    const history = await store.db.statusUpdate.findMany({ where: { milestone: { ref: '1.2', plan: { name: 'Good plan' } } } });
    expect(history).toHaveLength(1);
    expect((await status('Good plan', '2019-06-10')).milestones.find((m) => m.ref === '1.2')!.status).toBe('COMPLETE');
    expect((await status('Good plan', '2019-06-09')).milestones.find((m) => m.ref === '1.2')!.status).toBe('ON TRACK');
  });
});

describe('a workbook with mistakes', () => {
  let before: Awaited<ReturnType<typeof counts>>;
  beforeEach(async () => {
    before = await counts();
  });

  it('a bad date in row 7 of Milestones writes nothing and names the sheet, row and column', async () => {
    const sheets = smallPlan('Bad plan');
    sheets.Milestones![6]![8] = '31/13/2019'; // spreadsheet row 7 (row 1 is the header)
    const result = await importPlan(store.db, await writeXlsx(sheets));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ sheet: 'Milestones', row: 7, column: 'Due' });
    expect(describeProblem(result.problems[0]!)).toBe('Milestones, row 7, column Due: "31/13/2019" is not a date; use 2019-05-31, 31/05/2019 or May 2019.');
    expect(await counts()).toEqual(before);
  });

  it('lists every problem at once', async () => {
    const sheets = smallPlan('Bad plan');
    sheets.Milestones![2]![6] = 'not an email';
    sheets.Milestones![4]![9] = 'Purple';
    sheets.Updates!.push(['9.9', '2019-05-01', 'ON TRACK', '', '', '', '', '', '']);
    sheets['KPI values']!.push(['Unknown KPI', '2019-03', 1, '', '']);
    const result = await importPlan(store.db, await writeXlsx(sheets));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.sheet}:${p.row}:${p.column}`)).toEqual([
      'Milestones:3:Owner', 'Milestones:5:Status', 'KPI values:5:KPI', 'Updates:5:Ref',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('a KPI figure for a KPI the plan lacks is refused when there is no KPIs sheet', async () => {
    const sheets = smallPlan('Bad plan');
    delete sheets.KPIs;
    const result = await importPlan(store.db, await writeXlsx(sheets));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ sheet: 'KPI values', row: 2, column: 'KPI' });
    expect(await counts()).toEqual(before);
  });

  it('no Milestones sheet', async () => {
    const result = await importPlan(store.db, await writeXlsx({ Plan: [['Field', 'Value'], ['Name', 'X']] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/no Milestones sheet/);
  });

  it('a file that is not a workbook', async () => {
    const result = await importPlan(store.db, '/etc/hostname');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/not an \.xlsx workbook/);
  });
});

describe('dry run', () => {
  it('reports what would change and writes nothing', async () => {
    const before = await counts();
    const result = await importPlan(store.db, await writeXlsx(smallPlan('Dry plan')), { dryRun: true });
    expect(result.ok && result.report).toMatchObject({ dryRun: true, milestones: { created: 8 } });
    expect(await counts()).toEqual(before);
  });
});

describe('the layout of council progress reports, from CSV files', () => {
  it('reads Ref / Progress milestone / Key Dates / Status and takes the priority from the ref', async () => {
    const milestones: Rows = [
      ['Ref', 'Progress milestone', 'Impact / Evidence', 'Quality assurance and monitoring framework', 'Key Dates / Status (RAG)'],
      ['I.1', 'Review s47 workflow', 'KPIs steady', 'Monthly board', '<p>Commenced: January 2019</p> <p>ON TRACK</p>'],
      ['I.2', 'Appoint MASH manager', '', '', 'Commencing July 2019 NOT YET DUE'],
      ['2.1', 'Review plan templates', '', '', 'Due: December 2019 SLIGHT SLIPPAGE'],
    ];
    const dir = writeCsvFolder({ Milestones: milestones });
    const result = await importPlan(store.db, dir, { planName: 'Report layout' });
    expect(result.ok).toBe(true);
    const s = await status('Report layout', '2019-05-31');
    expect(s.milestones.map((m) => [m.ref, m.priority, m.status, m.due])).toEqual([
      ['1.1', 1, 'ON TRACK', null],
      ['1.2', 1, 'NOT YET DUE', null],
      ['2.1', 2, 'SLIGHT SLIPPAGE', '2019-12-31'],
    ]);
    expect(s.priorities.map((p) => p.title)).toEqual(['Priority 1', 'Priority 2']);
  });

  it('without a plan name and with several plans, says how to name it', async () => {
    const dir = writeCsvFolder({ Milestones: [['Ref', 'Milestone'], ['1.1', 'Something']] });
    const result = await importPlan(store.db, dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/--plan NAME/);
  });
});
