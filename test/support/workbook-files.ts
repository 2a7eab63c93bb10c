import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export type Rows = (string | number | Date | null)[][];

export function tempDir(prefix: string): string {
  mkdirSync(join(tmpdir(), 'improvement-board-tests'), { recursive: true });
  return mkdtempSync(join(tmpdir(), 'improvement-board-tests', `${prefix}-`));
}

/** Writes an .xlsx with one sheet per entry (first row = headers), as a user would save it. */
export async function writeXlsx(sheets: Record<string, Rows>, dir = tempDir('xlsx')): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  const file = join(dir, 'plan.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

/** Writes a folder of CSV files named after the sheets. */
export function writeCsvFolder(sheets: Record<string, Rows>, dir = tempDir('csv')): string {
  for (const [name, rows] of Object.entries(sheets)) {
    const text = rows.map((r) => r.map((c) => csvCell(c)).join(',')).join('\n');
    writeFileSync(join(dir, `${name}.csv`), `${text}\n`);
  }
  return dir;
}

function csvCell(value: string | number | Date | null): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const MILESTONE_HEADERS = ['Priority', 'Priority title', 'Ref', 'Milestone', 'Impact / evidence', 'Monitoring', 'Owner', 'Start', 'Due', 'Status', 'Cadence'];

/** A small valid plan: two priorities, eight milestones, two KPIs, a little history. */
export function smallPlan(name = 'Test plan'): Record<string, Rows> {
  const milestones: Rows = [MILESTONE_HEADERS];
  for (let i = 1; i <= 8; i += 1) {
    const priority = i <= 4 ? 1 : 2;
    milestones.push([priority, priority === 1 ? 'Front door' : 'Care leavers', `${priority}.${i}`, `Milestone ${i}`, 'Audit shows it', 'Monthly board', `owner${i % 3}@council.gov.uk`, '2019-01-01', '31/12/2019', 'on track', i === 2 ? 'quarterly' : 'monthly']);
  }
  return {
    Plan: [['Field', 'Value'], ['Name', name], ['Source', 'Ofsted ILACS'], ['Organisation', 'Test Council']],
    Milestones: milestones,
    KPIs: [
      ['KPI', 'Priority', 'Unit', 'Polarity', 'Target', 'Tolerance', 'Benchmark'],
      ['Re-referrals', 1, '%', 'lower', 25, '', 23.9],
      ['Care leavers in EET', 2, '%', 'Higher', 65, '10%', ''],
    ],
    'KPI values': [
      ['KPI', 'Period', 'Value', 'Numerator', 'Denominator'],
      ['Re-referrals', '2019-02', 32.6, '', ''],
      ['Re-referrals', '2019-03', 32.4, '', ''],
      ['Care leavers in EET', '2019-03', 60, 120, 200],
    ],
    Updates: [
      ['Ref', 'Date', 'Status', 'Working well', 'Worried about', 'Needs to happen', 'Revised due', 'Evidence', 'By'],
      ['1.1', '2019-03-20', 'SLIGHT SLIPPAGE', 'Team in place', 'Recruitment', 'Appoint manager', '30/06/2020', 'Audit | https://council.example/audit', 'owner1@council.gov.uk'],
      ['1.1', '15/05/2019', 'Green', 'Manager appointed', '', '', '', '', 'owner1@council.gov.uk'],
      ['2.5', 'May 2019', 'red', '', 'Housing', 'More places', '', 'https://council.example/housing', ''],
    ],
  };
}
