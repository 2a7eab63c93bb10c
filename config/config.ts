import { z } from 'zod';
import { parseDatabaseUrl, type DatabaseTarget } from '../services/store/database-target.js';

const ZEnv = z.object({
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export interface Config {
  database: DatabaseTarget;
  port: number;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  production: boolean;
}

/** A setting that stops start-up, naming the variable to fix. */
export class ConfigError extends Error {}

/** Reads configuration once, from the given environment (never from process.env directly). */
export function readConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')} is not valid: ${issue.message}`);
  }
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(parsed.data.DATABASE_URL, cwd);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return {
    database,
    port: parsed.data.PORT,
    logLevel: parsed.data.LOG_LEVEL,
    production: parsed.data.NODE_ENV === 'production',
  };
}
