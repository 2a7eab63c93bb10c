import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { dropTarget, freshTarget, databaseUrlOf } from '../support/test-database.js';
import type { DatabaseTarget } from '../../services/store/database-target.js';
import { runIb } from '../support/run-cli.js';
import { smallPlan, tempDir, writeXlsx } from '../support/workbook-files.js';

let target: DatabaseTarget;
let env: Record<string, string>;
beforeAll(async () => {
  target = await freshTarget('cli');
  env = { DATABASE_URL: databaseUrlOf(target) };
});
afterAll(() => dropTarget(target));

describe('ib demo && ib status --as-of 2019-05-31 --json', () => {
  it('reproduces the May 2019 report, KPIs included', async () => {
    const demo = await runIb(['demo'], env);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('Milestones: 22 new');

    const again = await runIb(['demo'], env);
    expect(again.stdout).toContain('Milestones: 22 unchanged');

    const run = await runIb(['status', '--as-of', '2019-05-31', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const status = JSON.parse(run.stdout);
    expect(status.summary).toMatchObject({ total: 22, onTrack: 15, slightSlippage: 6, notYetDue: 1, percentOnTrack: 68.2 });
    expect(status.milestones.find((m: { ref: string }) => m.ref === '1.4').status).toBe('NOT YET DUE');
    const kpi = (name: string) => status.kpis.find((k: { name: string }) => k.name === name);
    expect(kpi('Re-referrals within 12 months')).toMatchObject({ period: '2019-03', value: 32.4, target: 25, rag: 'red', direction: 'improving' });
    expect(kpi('Children on multiple CP plans')).toMatchObject({ value: 22.7, rag: 'green', direction: 'improving' });
    expect(kpi('Long-term placement stability (2.5+ years)')).toMatchObject({ value: 66.1, rag: 'amber', direction: 'worsening' });
    expect(kpi('Care leavers in suitable accommodation')).toMatchObject({ value: 94.3, rag: 'green', direction: 'worsening' });
    expect(kpi('Strategy discussions leading to s47')).toMatchObject({ rag: null, direction: 'improving' });
    const milestone = (ref: string) => status.milestones.find((m: { ref: string }) => m.ref === ref);
    expect(milestone('4.1')).toMatchObject({ flags: ['overdue', 'contradicted'], flagNotes: [{ flag: 'overdue', note: 'due 31 January 2019, 120 days ago' }, { flag: 'contradicted', note: 'reported ON TRACK, but overdue' }] });
    expect(milestone('1.1').flags).toEqual(['contradicted']); // re-referrals red in February and March
    expect(status.slipping.map((m: { ref: string }) => m.ref)).toEqual(['5.1', '4.1', '3.3', '6.1', '1.1', '1.2', '1.7']);
  });

  it('prints a readable table without --json, with dates written out', async () => {
    const run = await runIb(['status', '--as-of', '31/05/2019'], env);
    expect(run.stdout).toContain('as of 31 May 2019');
    expect(run.stdout).toContain('15 of 22 milestones on track or complete (68.2%)');
    expect(run.stdout).toContain('Slipping: 7 of 22 milestones, most severe first');
    expect(run.stdout).toContain('      overdue: due 31 January 2019, 120 days ago');
  });

  it('an unreadable date is refused in plain words', async () => {
    const run = await runIb(['status', '--as-of', 'yesterday'], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('--as-of "yesterday" is not a date; use 2019-05-31, 31/05/2019 or May 2019.');
  });
});

describe('ib import', () => {
  it('a bad date in row 7 of Milestones: nothing written, one line naming sheet, row and column', async () => {
    const sheets = smallPlan('CLI plan');
    sheets.Milestones![6]![8] = '2019-02-30';
    const run = await runIb(['import', await writeXlsx(sheets)], env);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      'Nothing was imported: 1 problem to fix.',
      '  Milestones, row 7, column Due: "2019-02-30" is not a date; use 2019-05-31, 31/05/2019 or May 2019.',
    ]);
    const status = await runIb(['status', '--plan', 'CLI plan'], env);
    expect(status.stderr).toContain('There is no plan called "CLI plan"');
  });

  it('a good workbook round-trips: import, export, import elsewhere, same status', async () => {
    const imported = await runIb(['import', await writeXlsx(smallPlan('CLI plan'))], env);
    expect(imported.code, imported.stderr).toBe(0);
    const out = join(tempDir('export'), 'exported.xlsx');
    const exported = await runIb(['export', '--plan', 'CLI plan', '--out', out], env);
    expect(exported.code, exported.stderr).toBe(0);

    const reimported = await runIb(['import', out, '--json'], env);
    const report = JSON.parse(reimported.stdout).report;
    expect(report.milestones).toEqual({ created: 0, updated: 0, unchanged: 8 });
    expect(report.updates).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(report.kpiValues).toEqual({ created: 0, updated: 0, unchanged: 3 });

    const elsewhere = await freshTarget('cli-copy');
    try {
      const copyEnv = { DATABASE_URL: databaseUrlOf(elsewhere) };
      expect((await runIb(['import', out], copyEnv)).code).toBe(0);
      for (const asOf of ['2019-03-31', '2019-05-31', '2020-01-31']) {
        const a = await runIb(['status', '--plan', 'CLI plan', '--as-of', asOf, '--json'], env);
        const b = await runIb(['status', '--plan', 'CLI plan', '--as-of', asOf, '--json'], copyEnv);
        // Ids are each database's own; everything else must match.
        expect(withoutIds(JSON.parse(b.stdout))).toEqual(withoutIds(JSON.parse(a.stdout)));
      }
    } finally {
      await dropTarget(elsewhere);
    }
  });

  it('--dry-run checks and writes nothing', async () => {
    const run = await runIb(['import', await writeXlsx(smallPlan('Dry CLI plan')), '--dry-run'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Nothing was written (dry run)');
    expect((await runIb(['status', '--plan', 'Dry CLI plan'], env)).code).toBe(1);
  });
});

/** A status without the milestones' and owners' ids. */
function withoutIds(status: { milestones: object[]; slipping: object[] }) {
  const strip = ({ id: _id, ownerId: _ownerId, ...rest }: { id?: string; ownerId?: string | null }) => rest;
  return { ...status, milestones: status.milestones.map(strip), slipping: status.slipping.map(strip) };
}
