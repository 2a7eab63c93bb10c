import { ConfigError, readConfig } from '../config/config.js';
import { createLogger } from '../services/logger.js';
import { describeTarget } from '../services/store/database-target.js';
import { openStore } from '../services/store/database.js';
import { applyMigrations } from '../services/store/migrations.js';
import { startJobs } from '../jobs/start.js';
import { botAppId, createAdapter } from './adapter.js';
import { createBot } from './app.js';
import { createHttpServer } from './server.js';
import { teamsMessenger } from './teams-messenger.js';

/** Starts the service: configuration, migrations, store, bot, HTTP. */
async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.env, process.cwd());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Cannot start: ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  if (config.bot.mode === 'local') {
    logger.warn('local mode: MICROSOFT_APP_ID is not set, so requests to /api/messages are not authenticated. Use this only on your own machine.');
  }
  const applied = await applyMigrations(config.database);
  logger.info({ database: describeTarget(config.database), applied }, applied.length ? 'migrations applied' : 'database up to date');
  const store = await openStore(config.database);
  const adapter = createAdapter(config.bot);
  const bot = createBot(adapter, botAppId(config.bot), { db: store.db, dialect: config.database.dialect, logger, now: () => new Date(), allowedTenantId: config.allowedTenantId });
  const server = createHttpServer({ db: store.db, logger, adapter, bot });
  server.listen(config.port, () => logger.info({ port: config.port }, `listening on http://localhost:${config.port} (Teams: /api/messages, health: /healthz)`));
  const jobs = config.jobs.enabled
    ? startJobs({ db: store.db, dialect: config.database.dialect, messenger: teamsMessenger(adapter, botAppId(config.bot)), logger, instance: config.jobs.instance, catchUpMs: config.jobs.catchUpMs, claimTtlMs: config.jobs.claimTtlMs, publicUrl: config.publicUrl })
    : undefined;

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    server.close(() => {
      Promise.resolve(jobs?.stop())
        .then(() => store.close())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

export const started = main().catch((error: unknown) => {
  process.stderr.write(`Improvement Board failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
