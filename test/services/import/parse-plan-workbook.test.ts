import { describe, expect, it } from 'vitest';
import { parseEvidenceList } from '../../../services/import/evidence-list.js';
import { parseKeyDates } from '../../../services/import/key-dates.js';
import { parsePlanWorkbook } from '../../../services/import/parse-plan-workbook.js';
import type { Cell, Workbook } from '../../../services/import/workbook.js';

function workbook(sheets: Record<string, Cell[][]>): Workbook {
  return new Map(Object.entries(sheets).map(([name, [headers = [], ...rows]]) => [
    name.toLowerCase(),
    { name, headers: headers.map(String), rows: rows.map((cells, i) => ({ row: i + 2, cells })) },
  ]));
}

const HEAD = ['Ref', 'Milestone', 'Due', 'Status'];

describe('reading a workbook', () => {
  it('a Milestones sheet alone is enough; priority comes from the ref; blank status is NOT YET DUE', () => {
    const result = parsePlanWorkbook(workbook({ milestones: [HEAD, ['1.1', 'Do it', new Date(Date.UTC(2019, 4, 31)), ''], ['2.3', 'More', 'May 2020', 'amber']] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.milestones.map((m) => [m.ref, m.priority, m.dueDate, m.initialStatus])).toEqual([
      ['1.1', 1, '2019-05-31', 'NOT_YET_DUE'],
      ['2.3', 2, '2020-05-31', 'SLIGHT_SLIPPAGE'],
    ]);
  });

  it('reads KPI tolerances and treats a blank target as monitor only', () => {
    const result = parsePlanWorkbook(workbook({
      Milestones: [HEAD, ['1.1', 'x', '', '']],
      KPIs: [['KPI', 'Polarity', 'Target', 'Tolerance'], ['A', 'lower', '25', '10%'], ['B', 'Higher is better', '', '']],
    }));
    expect(result.ok && result.draft.kpis.map((k) => [k.name, k.polarity, k.tolerance, k.monitorOnly])).toEqual([
      ['A', 'LOWER_IS_BETTER', 0.1, false],
      ['B', 'HIGHER_IS_BETTER', 0.15, true],
    ]);
  });

  it('lists every problem with sheet, spreadsheet row and column', () => {
    const result = parsePlanWorkbook(workbook({
      Milestones: [HEAD, ['1.1', 'a', '', ''], ['1.1', 'b', '', ''], ['1.3', '', '', ''], ['x!', 'd', '', ''], ['1.5', 'e', '', 'maybe'], ['1.6', 'f', '30/02/2019', '']],
    }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['3:Ref', '4:Milestone', '5:Ref', '6:Status', '7:Due']);
    expect(result.problems.at(-1)!.message).toContain('"30/02/2019" is not a date');
  });

  it('a missing required column is one problem on row 1', () => {
    const result = parsePlanWorkbook(workbook({ Milestones: [['Milestone'], ['x']] }));
    expect(!result.ok && result.problems).toEqual([{ sheet: 'Milestones', row: 1, message: 'the column "Ref" is missing.' }]);
  });
});

describe('cells from council progress reports', () => {
  it('reads start, due and status out of a Key Dates / Status cell', () => {
    expect(parseKeyDates('<p>Commenced: January 2019</p> <p>(Quarterly updates: Mar-19, June-19)</p> <p>ON TRACK</p>')).toEqual({ start: '2019-01-31', due: null, status: 'ON_TRACK' });
    expect(parseKeyDates('Due: December 2019 SIGNIFICANT SLIPPAGE')).toEqual({ start: null, due: '2019-12-31', status: 'SIGNIFICANT_SLIPPAGE' });
    expect(parseKeyDates('Commencing July 2019 NOT YET DUE').status).toBe('NOT_YET_DUE');
  });

  it('reads evidence links, and refuses anything but web links', () => {
    const problems: string[] = [];
    const problem = (m: string) => void problems.push(m);
    expect(parseEvidenceList('https://a.example/x; Audit report | https://b.example/y', problem)).toEqual([
      { title: 'https://a.example/x', url: 'https://a.example/x' },
      { title: 'Audit report', url: 'https://b.example/y' },
    ]);
    expect(parseEvidenceList('javascript:alert(1)', problem)).toBeUndefined();
    expect(parseEvidenceList('Minutes | ftp://files.example/m', problem)).toBeUndefined();
    expect(problems).toHaveLength(2);
    expect(parseEvidenceList('', problem)).toEqual([]);
  });
});
