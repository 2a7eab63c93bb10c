import { hostname } from 'node:os';
import { z } from 'zod';
import { parseDatabaseUrl, type DatabaseTarget } from '../services/store/database-target.js';

const ZEnv = z.object({
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  MICROSOFT_APP_ID: z.string().trim().optional(),
  MICROSOFT_APP_PASSWORD: z.string().optional(),
  MICROSOFT_APP_TENANT_ID: z.string().trim().optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  /** Optional: answer only this tenant (the council's). */
  ALLOWED_TENANT_ID: z.string().trim().optional(),
  /** "off" runs the bot without scheduled jobs and delivery (another instance does them). */
  JOBS: z.enum(['on', 'off']).default('on'),
  /** Slots missed while the service was down for up to this long still run once. */
  CATCH_UP_HOURS: z.coerce.number().min(0).max(24 * 14).default(24),
  /** Names this instance in job runs and message claims. */
  INSTANCE_ID: z.string().trim().min(1).max(100).optional(),
  /** The service's address as people reach it (https://…), for board pack links; local mode defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A message claimed by an instance that then dies is retaken after this long. */
  DELIVERY_CLAIM_SECONDS: z.coerce.number().min(1).max(3600).default(120),
});

/** How the bot proves itself to Teams and checks that Teams is calling. */
export type BotAuth =
  | { mode: 'bot-framework'; appId: string; appPassword: string | undefined; tenantId: string | undefined; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI' }
  /** No app id: requests are not authenticated. For a laptop and the Agents Playground only. */
  | { mode: 'local' };

export interface Config {
  database: DatabaseTarget;
  port: number;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  production: boolean;
  bot: BotAuth;
  allowedTenantId: string | undefined;
  /** Where links in messages point (board pack downloads); null when unknown. */
  publicUrl: string | null;
  jobs: { enabled: boolean; catchUpMs: number; instance: string; claimTtlMs: number };
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
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (!e.MICROSOFT_APP_ID && production) {
    throw new ConfigError('MICROSOFT_APP_ID is not set: with NODE_ENV=production the bot must authenticate with Teams. Set the app registration, or unset NODE_ENV to run locally.');
  }
  // Board pack links carry safeguarding documents: never over plain HTTP outside a laptop.
  if (production && e.PUBLIC_URL && !e.PUBLIC_URL.startsWith('https://')) {
    throw new ConfigError('PUBLIC_URL must start with https:// when NODE_ENV=production: board pack links must not travel unencrypted.');
  }
  if (e.MICROSOFT_APP_TYPE === 'SingleTenant' && e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_TENANT_ID) {
    throw new ConfigError('MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE is SingleTenant.');
  }
  return {
    database,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    production,
    bot: e.MICROSOFT_APP_ID
      ? { mode: 'bot-framework', appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID, appType: e.MICROSOFT_APP_TYPE }
      : { mode: 'local' },
    allowedTenantId: e.ALLOWED_TENANT_ID || undefined,
    publicUrl: e.PUBLIC_URL ?? (e.MICROSOFT_APP_ID ? null : `http://localhost:${e.PORT}`),
    jobs: { enabled: e.JOBS === 'on', catchUpMs: e.CATCH_UP_HOURS * 3_600_000, instance: e.INSTANCE_ID ?? `${hostname()}:${process.pid}`, claimTtlMs: e.DELIVERY_CLAIM_SECONDS * 1000 },
  };
}
