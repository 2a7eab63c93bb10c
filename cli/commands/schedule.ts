import type { Command } from 'commander';
import { formatLongDate, parseDateText, type IsoDate } from '../../domain/calendar-date.js';
import type { JobName } from '../../domain/schedule.js';
import type { ScheduleChanges } from '../../services/scheduling/schedule-settings.js';
import { findPlan } from '../../services/status/find-plan.js';
import type { Store } from '../../services/store/database.js';

// Loaded when a schedule command runs, so other commands start faster.
const settings = () => import('../../services/scheduling/schedule-settings.js');
import { UserError, withStore, type CliContext } from '../context.js';
import { table } from '../table.js';

const JOB_LABELS: Record<JobName, string> = {
  prompts: 'Check-in prompts',
  chase: 'Reminders and escalations',
  'weekly-digest': 'Weekly digest',
  'board-pack': 'Board pack',
  'slippage-sweep': 'Slippage sweep',
};

function dateOption(text: string | undefined, flag: string): IsoDate {
  const date = text ? parseDateText(text) : undefined;
  if (!date) throw new UserError(`${flag} ${text ? `"${text}" is not a date` : 'is needed'}; use 2019-05-31, 31/05/2019 or May 2019.`);
  return date;
}

async function planOf(store: Store, name: string | undefined) {
  const found = await findPlan(store.db, name ? { name } : {});
  if (!found.ok) throw new UserError(found.message);
  return found.plan;
}

export function registerSchedule(program: Command, ctx: CliContext): void {
  const schedule = program.command('schedule').description("A plan's schedule: board dates, prompts, reminders, digests (times in England)");

  schedule.command('show').description('The schedule in force').option('--plan <name>', 'the plan')
    .action(async (opts: { plan?: string }) => {
      const { describeSchedule, loadSchedule } = await settings();
      const lines = await withStore(ctx, async (store) => describeSchedule(await loadSchedule(store.db, (await planOf(store, opts.plan)).id)));
      ctx.out(lines.join('\n'));
    });

  schedule.command('set').description('Change the schedule; anything left out stays as it is')
    .option('--plan <name>', 'the plan')
    .option('--board-rule <rule>', 'when the board meets, such as "last working Thursday" or "first Tuesday"')
    .option('--board-dates <dates>', 'the board meeting dates instead of a rule, comma-separated ("none" to go back to the rule)')
    .option('--prompt <rule>', '"10 working days before the board" or "day 22 of each month"')
    .option('--prompt-time <HH:MM>', 'time prompts go out')
    .option('--reminder-after <days>', 'working days without an answer before a reminder')
    .option('--escalate-after <days>', 'working days without an answer before escalation')
    .option('--chase-time <HH:MM>', 'time reminders and escalations are checked')
    .option('--weekly-digest <day time>', 'such as "Monday 08:00"')
    .option('--board-pack-days <days>', 'working days before the board the pack goes out')
    .option('--board-pack-time <HH:MM>', 'time the board pack goes out')
    .option('--sweep-time <HH:MM>', 'time of the daily slippage sweep')
    .action(async (opts: Record<string, string | undefined>) => {
      const changes: ScheduleChanges = {
        boardRule: opts.boardRule, prompt: opts.prompt, promptTime: opts.promptTime, reminderAfter: opts.reminderAfter, escalateAfter: opts.escalateAfter,
        chaseTime: opts.chaseTime, weeklyDigest: opts.weeklyDigest, boardPackDays: opts.boardPackDays, boardPackTime: opts.boardPackTime, sweepTime: opts.sweepTime,
      };
      if (opts.boardDates !== undefined) {
        changes.boardDates = opts.boardDates.trim().toLowerCase() === 'none' ? [] : opts.boardDates.split(',').map((d) => dateOption(d.trim(), '--board-dates'));
      }
      const { changeSchedule, describeSchedule, loadSchedule } = await settings();
      const lines = await withStore(ctx, async (store) => {
        const plan = await planOf(store, opts.plan);
        const result = await changeSchedule(store.db, plan.id, changes, 'cli');
        if (!result.ok) throw new UserError(`Nothing was changed.\n${result.message}`);
        return describeSchedule(await loadSchedule(store.db, plan.id));
      });
      ctx.out(['Schedule saved.', ...lines].join('\n'));
    });

  schedule.command('closure').description('Mark a day the service is closed (nothing is sent), or --remove it')
    .argument('<date>', 'the day, such as 2026-12-24')
    .option('--plan <name>', 'the plan').option('--reason <text>', 'why', '').option('--remove', 'the day is a working day after all')
    .action(async (dateText: string, opts: { plan?: string; reason: string; remove?: boolean }) => {
      const date = dateOption(dateText, 'The closure day');
      const { setClosure } = await settings();
      await withStore(ctx, async (store) => setClosure(store.db, (await planOf(store, opts.plan)).id, date, !opts.remove, opts.reason, 'cli'));
      ctx.out(opts.remove ? `${formatLongDate(date)} is no longer a closure day.` : `${formatLongDate(date)} is a closure day: nothing will be sent then.`);
    });

  schedule.command('preview').description('Every send the schedule would make between two days')
    .option('--plan <name>', 'the plan').option('--from <date>', 'first day').option('--to <date>', 'last day').option('--json', 'print JSON')
    .action(async (opts: { plan?: string; from?: string; to?: string; json?: boolean }) => {
      const from = dateOption(opts.from, '--from');
      const to = dateOption(opts.to, '--to');
      // The preview lists the jobs this version runs.
      const jobs = Object.keys((await import('../../jobs/registry.js')).JOB_RUNNERS) as JobName[];
      const { previewSchedule } = await import('../../services/scheduling/preview.js');
      const result = await withStore(ctx, (store) => previewSchedule(store.db, opts.plan ? { name: opts.plan } : {}, from, to, jobs));
      if (!result.ok) throw new UserError(result.message);
      if (opts.json) return ctx.out(JSON.stringify(result, null, 2));
      if (!result.entries.length) return ctx.out(`Nothing is scheduled for ${result.plan} from ${formatLongDate(from)} to ${formatLongDate(to)}.`);
      const rows = result.entries.map((e) => [formatLongDate(e.date), e.time, JOB_LABELS[e.job] + (e.cycle ? ` (${e.cycle} cycle)` : ''), e.recipients.length > 3 ? `${e.recipients.length} people: ${e.recipients.slice(0, 3).join(', ')}, …` : e.recipients.join(', ') || 'nobody']);
      ctx.out([`${result.plan}: sends from ${formatLongDate(from)} to ${formatLongDate(to)} (times in England)`, ...table(['Date', 'Time', 'What', 'To'], rows)].join('\n'));
    });
}
