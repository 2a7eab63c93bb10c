import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { exportPlanWorkbook } from '../../../services/export/plan-workbook.js';
import { importPlan } from '../../../services/import/import-plan.js';
import { describeProblem } from '../../../services/import/workbook.js';
import { testStore, type TestStore } from '../../support/test-database.js';
import { smallPlan, tempDir, writeXlsx, type Rows } from '../../support/workbook-files.js';

let store: TestStore;
beforeAll(async () => {
  store = await testStore('kpi-links');
});
afterAll(() => store.drop());

const PLAN = 'Linked plan';

/** The small plan with a Milestones column on its KPIs sheet. */
function planWithLinks(reReferrals: string, careLeavers: string) {
  const sheets = smallPlan(PLAN);
  const [header, ...rows] = sheets.KPIs!;
  sheets.KPIs = [[...header!, 'Milestones'], [...rows[0]!, reReferrals], [...rows[1]!, careLeavers]] as Rows;
  return sheets;
}

async function links(): Promise<string[]> {
  const rows = await store.db.milestoneKpi.findMany({
    where: { kpi: { plan: { name: PLAN } } },
    select: { kpi: { select: { name: true } }, milestone: { select: { ref: true } } },
  });
  return rows.map((r) => `${r.kpi.name} -> ${r.milestone.ref}`).sort();
}

describe("the KPIs sheet's Milestones column", () => {
  it('links each KPI to the milestones listed, separated by ; or ,', async () => {
    const result = await importPlan(store.db, await writeXlsx(planWithLinks('1.1; 1.2', '2.5,2.6 , 2.5')));
    expect(result.ok && result.report.kpiLinks).toEqual({ created: 4, updated: 0, unchanged: 0, removed: 0 });
    expect(await links()).toEqual(['Care leavers in EET -> 2.5', 'Care leavers in EET -> 2.6', 'Re-referrals -> 1.1', 'Re-referrals -> 1.2']);
  });

  it('importing the same sheet again changes nothing', async () => {
    const result = await importPlan(store.db, await writeXlsx(planWithLinks('1.1; 1.2', '2.5, 2.6')));
    expect(result.ok && result.report.kpiLinks).toEqual({ created: 0, updated: 0, unchanged: 4, removed: 0 });
  });

  it('a link taken off the sheet is removed, and the audit log says so', async () => {
    const result = await importPlan(store.db, await writeXlsx(planWithLinks('1.1', '2.5, 2.6')));
    expect(result.ok && result.report.kpiLinks).toEqual({ created: 0, updated: 0, unchanged: 3, removed: 1 });
    expect(await links()).toEqual(['Care leavers in EET -> 2.5', 'Care leavers in EET -> 2.6', 'Re-referrals -> 1.1']);
    const audit = await store.db.auditEntry.findMany({ where: { entity: 'MilestoneKpi', action: 'delete' } });
    expect(audit.map((a) => a.changes)).toEqual([{ kpi: 'Re-referrals', milestone: '1.2' }]);
    expect(await store.db.auditEntry.count({ where: { entity: 'MilestoneKpi', action: 'create' } })).toBe(4);
  });

  it('an unknown ref is a problem naming sheet, row and column, and nothing is written', async () => {
    const sheets = planWithLinks('1.1; 9.9', '2.5, 2.6');
    sheets.Milestones![1]![3] = 'Renamed milestone'; // a change that must not be written either
    const result = await importPlan(store.db, await writeXlsx(sheets));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(describeProblem)).toEqual(['KPIs, row 2, column Milestones: 9.9 is not a milestone on the Milestones sheet.']);
    expect(await links()).toEqual(['Care leavers in EET -> 2.5', 'Care leavers in EET -> 2.6', 'Re-referrals -> 1.1']);
    expect((await store.db.milestone.findFirstOrThrow({ where: { ref: '1.1', plan: { name: PLAN } } })).text).toBe('Milestone 1');
  });

  it('a KPIs sheet without the column leaves the links as they are', async () => {
    const result = await importPlan(store.db, await writeXlsx(smallPlan(PLAN)));
    expect(result.ok && result.report.kpiLinks).toEqual({ created: 0, updated: 0, unchanged: 0, removed: 0 });
    expect(await links()).toHaveLength(3);
  });

  it('the export writes the column back, so its round trip changes nothing', async () => {
    const exported = await exportPlanWorkbook(store.db, { name: PLAN });
    if (!exported.ok) throw new Error(exported.message);
    const kpiSheet = exported.workbook.getWorksheet('KPIs')!;
    expect(kpiSheet.getRow(1).getCell(8).value).toBe('Milestones');
    expect([2, 3].map((r) => kpiSheet.getRow(r).getCell(8).value)).toEqual(['2.5; 2.6', '1.1']);
    const file = join(tempDir('kpi-links'), 'exported.xlsx');
    await exported.workbook.xlsx.writeFile(file);
    const result = await importPlan(store.db, file);
    expect(result.ok && result.report.kpiLinks).toEqual({ created: 0, updated: 0, unchanged: 3, removed: 0 });
    expect(result.ok && result.report.kpis).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });
});
