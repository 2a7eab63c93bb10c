import type { Command } from 'commander';
import type { OutboxFilter } from '../../services/delivery/outbox-admin.js';

const admin = () => import('../../services/delivery/outbox-admin.js');
import { UserError, withStore, type CliContext } from '../context.js';
import { table } from '../table.js';

const FILTERS: OutboxFilter[] = ['pending', 'failed', 'dead', 'all'];

export function registerOutbox(program: Command, ctx: CliContext): void {
  const outbox = program.command('outbox').description('Messages waiting to go to Teams, failing, or given up on')
    .option('--status <status>', `one of ${FILTERS.join(', ')}`, 'pending').option('--json', 'print JSON')
    .action(async (opts: { status: string; json?: boolean }) => {
      if (!FILTERS.includes(opts.status as OutboxFilter)) throw new UserError(`--status "${opts.status}" is not one of ${FILTERS.join(', ')}.`);
      const { listOutbox } = await admin();
      const lines = await withStore(ctx, (store) => listOutbox(store.db, opts.status as OutboxFilter));
      if (opts.json) return ctx.out(JSON.stringify(lines, null, 2));
      if (!lines.length) return ctx.out(`No ${opts.status === 'all' ? '' : `${opts.status} `}messages.`);
      ctx.out(table(['Id', 'Kind', 'To', 'Status', 'Attempts', 'Last error'], lines.map((l) => [l.id, l.kind, l.to, l.status.toLowerCase(), String(l.attempts), l.lastError ?? ''])).join('\n'));
    });
  outbox.command('retry').description('Send a dead message again').argument('<id>', 'its id, from "ib outbox --status dead"')
    .action(async (id: string) => {
      const { retryDead } = await admin();
      const result = await withStore(ctx, (store) => retryDead(store.db, id, ctx.now(), 'cli'));
      if (!result.ok) throw new UserError(result.message);
      ctx.out(`Message ${id} is queued again.`);
    });
}
