import type { Command } from 'commander';
import { unreachableOwners } from '../../services/people/unreachable.js';
import { UserError, withStore, type CliContext } from '../context.js';

export function registerPeople(program: Command, ctx: CliContext): void {
  program
    .command('people')
    .description('People in the plans; --unreachable lists owners the bot cannot prompt')
    .option('--unreachable', 'only owners the bot cannot reach in Teams')
    .option('--plan <name>', 'one plan only')
    .option('--json', 'print JSON')
    .action(async (opts: { unreachable?: boolean; plan?: string; json?: boolean }) => {
      if (!opts.unreachable) throw new UserError('Only "ib people --unreachable" is available so far.');
      const owners = await withStore(ctx, (store) => unreachableOwners(store.db, opts.plan));
      if (opts.json) return ctx.out(JSON.stringify(owners, null, 2));
      if (!owners.length) return ctx.out('The bot can reach every owner.');
      ctx.out(owners.map((o) => `${o.email}${o.name ? ` (${o.name})` : ''}: ${o.reason}; milestones ${o.milestones.join(', ')}`).join('\n'));
    });
}
