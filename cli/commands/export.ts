import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { DATE_FORMATS_HELP, formatLongDate, londonDateOf, parseDateText, type IsoDate } from '../../domain/calendar-date.js';
import type { PlanLookup } from '../../services/status/find-plan.js';
import { UserError, withStore, type CliContext } from '../context.js';

const FORMATS = ['docx', 'md', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

interface ExportOptions {
  plan?: string;
  format?: string;
  asOf?: string;
  out?: string;
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description("Write the board pack as of a date (Word or Markdown), or the plan's workbook that ib import reads back")
    .option('--plan <name>', 'the plan (may be left out when there is only one)')
    .option('--format <format>', 'docx (the board pack), md (the board pack as Markdown) or xlsx (the import workbook, whole history); default: from --out, else docx')
    .option('--as-of <date>', 'the day the board pack reports on, such as 2019-05-31 (default: today)')
    .option('--out <file>', 'the file to write (default: named after the plan and date, in this folder)')
    .action(async (opts: ExportOptions) => {
      const format = chooseFormat(opts);
      const lookup: PlanLookup = opts.plan ? { name: opts.plan } : {};
      if (format === 'xlsx') {
        if (opts.asOf) throw new UserError('--as-of is for the board pack (docx, md); the xlsx workbook always holds the whole history.');
        return exportWorkbook(ctx, lookup, opts.out);
      }
      const asOf = opts.asOf ? parseDateText(opts.asOf) : londonDateOf(ctx.now());
      if (!asOf) throw new UserError(`--as-of "${opts.asOf}" is not a date; ${DATE_FORMATS_HELP}.`);
      return exportBoardPack(ctx, lookup, asOf, format, opts.out);
    });
}

/** --format wins; else the extension of --out says it; else the Word board pack. Both given must agree. */
function chooseFormat(opts: ExportOptions): Format {
  const fromOut = opts.out ? extname(opts.out).slice(1).toLowerCase() : '';
  const format = opts.format?.toLowerCase() ?? (isFormat(fromOut) ? fromOut : 'docx');
  if (!isFormat(format)) throw new UserError(`--format ${opts.format} is not one ib can write; use docx, md or xlsx.`);
  if (opts.out && fromOut !== format) {
    throw new UserError(opts.format ? `--out ${opts.out} should end in .${format} for --format ${format}.` : `--out ${opts.out} should end in .docx, .md or .xlsx.`);
  }
  return format;
}

const isFormat = (text: string): text is Format => (FORMATS as readonly string[]).includes(text);

async function exportBoardPack(ctx: CliContext, lookup: PlanLookup, asOf: IsoDate, format: 'docx' | 'md', out: string | undefined): Promise<void> {
  // Loaded here, not at start-up: the Word and chart libraries are large and only this command uses them.
  const { boardPackFileName } = await import('../../services/board-pack/pack-format.js');
  const built = await withStore(ctx, async (store) => {
    if (format === 'docx') {
      const { buildBoardPack } = await import('../../services/board-pack/build-board-pack.js');
      const pack = await buildBoardPack(store.db, lookup, asOf);
      return pack.ok ? { ok: true as const, planName: pack.view.plan.name, content: pack.docx } : pack;
    }
    const { boardPackView } = await import('../../services/board-pack/board-pack-view.js');
    const { renderBoardPackMarkdown } = await import('../../services/board-pack/render-markdown.js');
    const result = await boardPackView(store.db, lookup, asOf);
    return result.ok ? { ok: true as const, planName: result.view.plan.name, content: renderBoardPackMarkdown(result.view) } : result;
  });
  if (!built.ok) throw new UserError(built.message);
  const path = resolve(ctx.cwd, out ?? boardPackFileName(built.planName, asOf, format));
  await writeFile(path, built.content);
  ctx.out(`Wrote the board pack for "${built.planName}" as of ${formatLongDate(asOf)} to ${path}.`);
}

async function exportWorkbook(ctx: CliContext, lookup: PlanLookup, out: string | undefined): Promise<void> {
  const { exportPlanWorkbook } = await import('../../services/export/plan-workbook.js');
  const { safeFileName } = await import('../../services/board-pack/pack-format.js');
  const result = await withStore(ctx, async (store) => {
    const exported = await exportPlanWorkbook(store.db, lookup);
    if (!exported.ok) return exported;
    const path = resolve(ctx.cwd, out ?? `${safeFileName(exported.planName)}.xlsx`);
    await exported.workbook.xlsx.writeFile(path);
    return { ok: true as const, planName: exported.planName, path };
  });
  if (!result.ok) throw new UserError(result.message);
  ctx.out(`Wrote "${result.planName}" to ${result.path}.`);
}
