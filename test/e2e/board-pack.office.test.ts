// Runs where LibreOffice is installed (vitest.config.ts); it also needs pdftotext (poppler-utils).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { DatabaseTarget } from '../../services/store/database-target.js';
import { runIb } from '../support/run-cli.js';
import { databaseUrlOf, dropTarget, freshTarget } from '../support/test-database.js';
import { tempDir } from '../support/workbook-files.js';

const run = promisify(execFile);

let target: DatabaseTarget;
beforeAll(async () => {
  target = await freshTarget('board-pack-office');
});
afterAll(() => dropTarget(target));

describe('ib demo && ib export --format docx, opened in LibreOffice', () => {
  it('converts to PDF, and the PDF shows the six priorities, the 22 milestones and the KPI tables', async () => {
    const env = { DATABASE_URL: databaseUrlOf(target) };
    expect((await runIb(['demo'], env)).code).toBe(0);
    const dir = tempDir('board-pack-office');
    const docx = join(dir, 'pack.docx');
    const exported = await runIb(['export', '--format', 'docx', '--as-of', '2019-05-31', '--out', docx], env);
    expect(exported.code, exported.stderr).toBe(0);

    // A profile of its own, so a LibreOffice already running (or another test) does not take the job.
    const profile = pathToFileURL(join(dir, 'lo-profile')).href;
    await run('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120_000 });
    const pdf = join(dir, 'pack.pdf');
    expect(existsSync(pdf)).toBe(true);

    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 });
    for (const heading of [
      'Priority 1: Strategy discussions', 'Priority 2: Written plans', 'Priority 3: Sufficiency of local placements',
      'Priority 4: Supervision and management oversight', 'Priority 5: Care leavers', 'Priority 6: Auditing of casework',
    ]) {
      expect(text).toContain(heading);
    }
    for (const ref of ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '6.1', '6.2']) {
      // A ref at the start of a milestone table row.
      expect(text, ref).toMatch(new RegExp(`^\\s*${ref.replace('.', '\\.')}\\s{2,}\\S`, 'm'));
    }
    expect(text).toContain('Summary of progress against milestones');
    expect(text.match(/KPIs, Apr 2018 to Mar 2019/g)).toHaveLength(4);
    expect(text).toContain('Re-referrals within 12 months');
    expect(text).toMatch(/Page 1 of \d+/);
  });
});
