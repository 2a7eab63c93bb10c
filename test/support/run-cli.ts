import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../services/project-root.js';

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `ib` as a user would, in its own process. */
export async function runIb(args: string[], env: Record<string, string>, cwd = projectRoot()): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(projectRoot(), 'dist/cli/main.js'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
