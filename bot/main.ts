import { ConfigError, readConfig } from '../config/config.js';
import { createLogger } from '../services/logger.js';
import { describeTarget } from '../services/store/database-target.js';
import { openStore } from '../services/store/database.js';
import { applyMigrations } from '../services/store/migrations.js';
import { createHttpServer } from './server.js';

/** Starts the service: configuration, migrations, store, HTTP. */
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
  const applied = await applyMigrations(config.database);
  logger.info({ database: describeTarget(config.database), applied }, applied.length ? 'migrations applied' : 'database up to date');
  const store = openStore(config.database);
  const server = createHttpServer({ db: store.db, logger });
  server.listen(config.port, () => logger.info({ port: config.port }, `listening on http://localhost:${config.port} (health: /healthz)`));

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    server.close(() => {
      store.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Improvement Board failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
