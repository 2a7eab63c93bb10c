import type { Command } from 'commander';
import { parseDateText } from '../../domain/calendar-date.js';
import { setAway, setManager } from '../../services/people/line-management.js';
import { unreachableOwners } from '../../services/people/unreachable.js';
import { UserError, withStore, type CliContext } from '../context.js';

export function registerPeople(program: Command, ctx: CliContext): void {
  const people = program
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
  people.command('manager').description("Set someone's line manager (who hears when their updates are late)")
    .argument('<email>', 'the person').argument('<manager-email>', 'their line manager')
    .action(async (email: string, managerEmail: string) => {
      const result = await withStore(ctx, (store) => setManager(store.db, email, managerEmail, 'cli'));
      if (!result.ok) throw new UserError(result.message);
      ctx.out(`${managerEmail} is now ${email}'s line manager.`);
    });
  people.command('away').description('Mark someone away until a day (their delegate is prompted instead), or --back')
    .argument('<email>', 'the person').option('--until <date>', 'last day away, such as 2026-12-31').option('--back', 'they are back')
    .action(async (email: string, opts: { until?: string; back?: boolean }) => {
      if (Boolean(opts.until) === Boolean(opts.back)) throw new UserError('Give either --until <date> or --back.');
      const until = opts.until ? parseDateText(opts.until) : null;
      if (opts.until && !until) throw new UserError(`--until "${opts.until}" is not a date; use 2019-05-31, 31/05/2019 or May 2019.`);
      const result = await withStore(ctx, (store) => setAway(store.db, email, until ?? null, 'cli'));
      if (!result.ok) throw new UserError(result.message);
      ctx.out(until ? `${email} is away until ${until}: their delegate is prompted instead, if they have one.` : `${email} is back.`);
    });
}
