import { join } from 'node:path';
import type { Command } from 'commander';
import { describeProblem } from '../../services/import/workbook.js';
import { projectRoot } from '../../services/project-root.js';
import { withStore, type CliContext } from '../context.js';
import { describeReport } from './import.js';

export const DEMO_PLAN_DIR = () => join(projectRoot(), 'demo/plan');

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('Load the demo improvement plan (safe to run again)')
    .action(async () => {
      const { importPlan } = await import('../../services/import/import-plan.js');
      const result = await withStore(ctx, (store) => importPlan(store.db, DEMO_PLAN_DIR(), { source: 'DEMO' }));
      if (!result.ok) throw new Error(`The demo plan is broken: ${result.problems.map(describeProblem).join('; ')}`);
      ctx.out(`${describeReport(result.report)}\nTry: ib status --as-of 2019-05-31`);
    });
}
