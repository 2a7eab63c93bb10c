import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseTarget } from '../../services/store/database-target.js';
import { runIb } from '../support/run-cli.js';
import { databaseUrlOf, dropTarget, freshTarget } from '../support/test-database.js';
import { tempDir } from '../support/workbook-files.js';

const PACK = "Children's Services Improvement Plan (demo) board pack";

let target: DatabaseTarget;
let env: Record<string, string>;
beforeAll(async () => {
  target = await freshTarget('export');
  env = { DATABASE_URL: databaseUrlOf(target) };
  const demo = await runIb(['demo'], env);
  expect(demo.code, demo.stderr).toBe(0);
});
afterAll(() => dropTarget(target));

describe('ib export', () => {
  it('writes the Word board pack, named after the plan and the day, in the current folder by default', async () => {
    const dir = tempDir('export-docx');
    const run = await runIb(['export', '--as-of', '31/05/2019'], env, dir);
    expect(run.code, run.stderr).toBe(0);
    const file = join(dir, `${PACK} 2019-05-31.docx`);
    expect(run.stdout.trim()).toBe(`Wrote the board pack for "Children's Services Improvement Plan (demo)" as of 31 May 2019 to ${file}.`);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes the Markdown pack with --format md, or when --out ends in .md', async () => {
    const dir = tempDir('export-md');
    expect((await runIb(['export', '--format', 'md', '--as-of', '2019-05-31'], env, dir)).code).toBe(0);
    const md = readFileSync(join(dir, `${PACK} 2019-05-31.md`), 'utf8');
    expect(md).toContain('## Priority 6: Auditing of casework');
    const out = join(dir, 'march.md');
    expect((await runIb(['export', '--as-of', '2019-03-31', '--out', out], env)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Progress as of 31 March 2019.');
  });

  it('keeps writing the import workbook with --format xlsx (no --as-of: it holds the whole history)', async () => {
    const dir = tempDir('export-xlsx');
    const run = await runIb(['export', '--format', 'xlsx'], env, dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(["Children's Services Improvement Plan (demo).xlsx"]);
    const withDate = await runIb(['export', '--format', 'xlsx', '--as-of', '2019-05-31'], env, dir);
    expect(withDate.code).toBe(1);
    expect(withDate.stderr.trim()).toBe('--as-of is for the board pack (docx, md); the xlsx workbook always holds the whole history.');
  });

  it('refuses, in one line and writing nothing, a file name that does not match the format, an unknown format or a bad date', async () => {
    const dir = tempDir('export-bad');
    const cases: [string[], string][] = [
      [['--format', 'docx', '--out', 'pack.pdf'], '--out pack.pdf should end in .docx for --format docx.'],
      [['--out', 'pack.pdf'], '--out pack.pdf should end in .docx, .md or .xlsx.'],
      [['--format', 'md', '--out', 'pack.docx'], '--out pack.docx should end in .md for --format md.'],
      [['--format', 'pdf'], '--format pdf is not one ib can write; use docx, md or xlsx.'],
      [['--as-of', 'yesterday'], '--as-of "yesterday" is not a date; use 2019-05-31, 31/05/2019 or May 2019.'],
      [['--plan', 'No such plan'], `There is no plan called "No such plan". Plans: "Children's Services Improvement Plan (demo)".`],
    ];
    for (const [args, message] of cases) {
      const run = await runIb(['export', ...args], env, dir);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr.trim()).toBe(message);
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'pack.pdf'))).toBe(false);
  });
});
