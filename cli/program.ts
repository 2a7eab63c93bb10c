import { Command } from 'commander';
import { registerDb } from './commands/db.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerOutbox } from './commands/outbox.js';
import { registerPeople } from './commands/people.js';
import { registerSchedule } from './commands/schedule.js';
import { registerStatus } from './commands/status.js';
import type { CliContext } from './context.js';

/** Every command `ib` answers, in the order `ib --help` lists them. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('ib')
    .description('Improvement Board: improvement plans, their milestones and KPIs')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => ctx.out(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) });
  registerImport(program, ctx);
  registerStatus(program, ctx);
  registerExport(program, ctx);
  registerPeople(program, ctx);
  registerSchedule(program, ctx);
  registerOutbox(program, ctx);
  registerDemo(program, ctx);
  registerDb(program, ctx);
  return program;
}
