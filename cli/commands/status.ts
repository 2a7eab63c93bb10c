import type { Command } from 'commander';
import { formatLongDate, formatPeriod, londonDateOf, parseDateText } from '../../domain/calendar-date.js';
import { planStatus, type PlanStatus } from '../../services/status/plan-status.js';
import { UserError, withStore, type CliContext } from '../context.js';
import { table } from '../table.js';

export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description('Where a plan stands on a date, from its stored history')
    .option('--plan <name>', 'the plan (may be left out when there is only one)')
    .option('--as-of <date>', 'the date, such as 2019-05-31 (default: today)')
    .option('--json', 'print JSON')
    .action(async (opts: { plan?: string; asOf?: string; json?: boolean }) => {
      const asOf = opts.asOf ? parseDateText(opts.asOf) : londonDateOf(ctx.now());
      if (!asOf) throw new UserError(`--as-of "${opts.asOf}" is not a date; use 2019-05-31, 31/05/2019 or May 2019.`);
      const result = await withStore(ctx, (store) => planStatus(store.db, opts.plan ? { name: opts.plan } : {}, asOf));
      if (!result.ok) throw new UserError(result.message);
      ctx.out(opts.json ? JSON.stringify(result.status, null, 2) : renderStatus(result.status));
    });
}

const date = (d: string | null) => (d ? formatLongDate(d) : '–');

export function renderStatus(s: PlanStatus): string {
  const lines = [
    `${s.plan.name}, as of ${formatLongDate(s.asOf)}`,
    `${s.summary.onTrack + s.summary.complete} of ${s.summary.total} milestones on track or complete (${s.summary.percentOnTrack}%): ` +
      `${s.summary.onTrack} on track, ${s.summary.slightSlippage} slight slippage, ${s.summary.significantSlippage} significant slippage, ` +
      `${s.summary.complete} complete, ${s.summary.notYetDue} not yet due.`,
  ];
  for (const p of s.priorities) {
    lines.push('', `Priority ${p.number}: ${p.title} (${p.onTrack + p.complete} of ${p.total} on track, ${p.percentOnTrack}%)`);
    const rows = s.milestones
      .filter((m) => m.priority === p.number)
      .map((m) => [m.ref, m.status, date(m.due), date(m.lastUpdate), m.owner ?? '–', m.flags.join(', ') || '–']);
    lines.push(...table(['Ref', 'Status', 'Due', 'Last update', 'Owner', 'Flags'], rows).map((l) => `  ${l}`));
  }
  lines.push('', s.slipping.length ? `Slipping: ${s.slipping.length} of ${s.summary.total} milestones, most severe first` : 'Slipping: nothing is flagged.');
  for (const m of s.slipping) {
    lines.push(`  ${m.ref}  ${m.status}  ${m.owner ?? 'no owner'}  ${m.title.length > 70 ? `${m.title.slice(0, 69)}…` : m.title}`);
    lines.push(...m.flags.map((flag, i) => `      ${flag}: ${m.notes[i]}`));
  }
  if (s.kpis.length) {
    lines.push('', 'KPIs');
    const rows = s.kpis.map((k) => [
      k.name,
      k.period ? formatPeriod(k.period) : 'no figure yet',
      k.value === null ? '–' : `${k.value}${k.unit === '%' ? '%' : ''}`,
      k.target === null ? 'monitor only' : `${k.target}${k.unit === '%' ? '%' : ''}`,
      k.rag ? k.rag.toUpperCase() : '–',
      k.direction ?? '–',
    ]);
    lines.push(...table(['KPI', 'Period', 'Value', 'Target', 'RAG', 'Direction'], rows).map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
