import { basename } from 'node:path';
import type { Db } from '../store/database.js';
import { parsePlanWorkbook } from './parse-plan-workbook.js';
import { readWorkbook } from './read-workbook.js';
import type { ImportProblem } from './workbook.js';
import { writePlan, type ImportReport } from './write-plan.js';

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; problems: ImportProblem[] };

/** Imports a plan from an .xlsx workbook or a folder of CSV files: all or nothing. */
export async function importPlan(
  db: Db,
  path: string,
  opts: { dryRun?: boolean; planName?: string; source?: 'IMPORT' | 'DEMO' } = {},
): Promise<ImportResult> {
  const read = await readWorkbook(path);
  if (!read.ok) return read;
  const parsed = parsePlanWorkbook(read.workbook);
  if (!parsed.ok) return parsed;
  return writePlan(db, parsed.draft, {
    dryRun: opts.dryRun ?? false,
    channel: `import ${basename(path)}`,
    source: opts.source ?? 'IMPORT',
    ...(opts.planName ? { planName: opts.planName } : {}),
  });
}
