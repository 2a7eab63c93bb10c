import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../services/project-root.js';

const run = promisify(execFile);

describe('npm start', () => {
  it('refuses to start on a DATABASE_URL it cannot use, naming the variable', async () => {
    const result = await run(process.execPath, [join(projectRoot(), 'dist/bot/main.js')], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'mysql://localhost/board' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr.trim()).toBe('Cannot start: DATABASE_URL must start with file:, postgres:// or postgresql://');
  });

  it('refuses a port that is not a number', async () => {
    const result = await run(process.execPath, [join(projectRoot(), 'dist/bot/main.js')], {
      env: { PATH: process.env.PATH ?? '', PORT: 'eighty' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toMatch(/^Cannot start: PORT is not valid/);
  });
});
