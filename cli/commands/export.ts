import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError, withStore, type CliContext } from '../context.js';

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('Write a plan, with its whole history, as a workbook that ib import reads back')
    .requiredOption('--out <file>', 'the .xlsx file to write')
    .option('--plan <name>', 'the plan (may be left out when there is only one)')
    .option('--format <format>', 'xlsx (the import workbook)', 'xlsx')
    .action(async (opts: { out: string; plan?: string; format: string }) => {
      if (opts.format !== 'xlsx') throw new UserError(`--format ${opts.format} is not available yet; use xlsx.`);
      if (!opts.out.toLowerCase().endsWith('.xlsx')) throw new UserError(`--out ${opts.out} should end in .xlsx.`);
      const out = resolve(ctx.cwd, opts.out);
      const { exportPlanWorkbook } = await import('../../services/export/plan-workbook.js');
      const result = await withStore(ctx, async (store) => {
        const exported = await exportPlanWorkbook(store.db, opts.plan ? { name: opts.plan } : {});
        if (exported.ok) await exported.workbook.xlsx.writeFile(out);
        return exported;
      });
      if (!result.ok) throw new UserError(result.message);
      ctx.out(`Wrote "${result.planName}" to ${out}.`);
    });
}
