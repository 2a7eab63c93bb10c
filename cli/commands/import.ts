import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describeProblem } from '../../services/import/workbook.js';
import type { Counts, ImportReport } from '../../services/import/write-plan.js';
import { UserError, withStore, type CliContext } from '../context.js';

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('Load or refresh a plan from an .xlsx workbook or a folder of CSV files (all or nothing)')
    .argument('<path>', 'the .xlsx file, or a folder holding Milestones.csv and the other sheets')
    .option('--plan <name>', 'the plan name, when the workbook has no Plan sheet')
    .option('--dry-run', 'check everything and report what would change, writing nothing')
    .option('--json', 'print JSON')
    .action(async (path: string, opts: { plan?: string; dryRun?: boolean; json?: boolean }) => {
      // Loaded when used: the spreadsheet libraries would slow every other command.
      const { importPlan } = await import('../../services/import/import-plan.js');
      const result = await withStore(ctx, (store) =>
        importPlan(store.db, resolve(ctx.cwd, path), { dryRun: opts.dryRun ?? false, ...(opts.plan ? { planName: opts.plan } : {}) }),
      );
      if (opts.json) {
        ctx.out(JSON.stringify(result, null, 2));
        if (!result.ok) process.exitCode = 1;
        return;
      }
      if (!result.ok) {
        const n = result.problems.length;
        throw new UserError(
          [`Nothing was imported: ${n} problem${n === 1 ? '' : 's'} to fix.`, ...result.problems.map((p) => `  ${describeProblem(p)}`)].join('\n'),
        );
      }
      ctx.out(describeReport(result.report));
    });
}

function counts(label: string, c: Counts & { removed?: number }): string {
  const parts = [c.created && `${c.created} new`, c.updated && `${c.updated} changed`, c.removed && `${c.removed} removed`, c.unchanged && `${c.unchanged} unchanged`].filter(Boolean);
  return `  ${label}: ${parts.length ? parts.join(', ') : 'none'}`;
}

export function describeReport(r: ImportReport): string {
  return [
    r.dryRun ? `Checked "${r.plan}": no problems. Nothing was written (dry run); an import would make these changes:` : `Imported "${r.plan}".`,
    counts('Priorities', r.priorities),
    counts('Milestones', r.milestones),
    counts('Updates', r.updates),
    counts('Evidence', r.evidence),
    counts('KPIs', r.kpis),
    counts('KPI figures', r.kpiValues),
    counts('KPI links to milestones', r.kpiLinks),
    counts('People', r.people),
  ].join('\n');
}
