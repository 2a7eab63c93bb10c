import { ConfigError } from '../config/config.js';
import { UserError } from './context.js';
import { buildProgram } from './program.js';

const ctx = {
  env: process.env,
  cwd: process.cwd(),
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
  now: () => new Date(),
};

try {
  await buildProgram(ctx).parseAsync(process.argv);
} catch (error) {
  if (error instanceof UserError || error instanceof ConfigError) {
    ctx.err(error.message);
    process.exitCode = 1;
  } else {
    ctx.err(`ib failed unexpectedly: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 2;
  }
}
// The schema engine's PostgreSQL migration lock leaves a 10-second timer behind inside
// its WebAssembly runtime, so end once every connection is closed and all output is
// written: a large `--json` answer to a pipe is still draining here.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));
