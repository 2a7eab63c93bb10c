// One dispatcher instance for bench:fanout, in a process of its own as a second server's
// would be (two SQLite connections in one process would block each other's busy waits).
// Driven over IPC: "start", then "stop", which answers with its figures and exits.
import { useSupportedSqliteDriver } from '../services/store/sqlite-driver.js';

useSupportedSqliteDriver();
const { botAppId, createAdapter } = await import('../bot/adapter.js');
const { teamsMessenger } = await import('../bot/teams-messenger.js');
const { scaledLimits, TEAMS_LIMITS } = await import('../domain/delivery.js');
const { createDispatcher } = await import('../services/delivery/dispatcher.js');
const { createLogger } = await import('../services/logger.js');
const { parseDatabaseUrl } = await import('../services/store/database-target.js');
const { openStore } = await import('../services/store/database.js');

export interface InstanceReport {
  instance: string;
  stats: { delivered: number; throttled: number; retried: number; dead: number; cancelled: number };
  peakRssMb: number;
}

const [databaseUrl, instance = 'fanout', scaleText = '1'] = process.argv.slice(2);
const scale = Number(scaleText);
const store = await openStore(parseDatabaseUrl(databaseUrl, process.cwd()));
const auth = { mode: 'local' as const };
const logger = createLogger('warn', process.stderr);
// The service's own wiring (jobs/start.ts), with every duration on the benchmark's clock.
const dispatcher = createDispatcher(
  { db: store.db, dialect: store.target.dialect, messenger: teamsMessenger(createAdapter(auth), botAppId(auth)), logger },
  { instance, limits: scaledLimits(TEAMS_LIMITS, scale), pollMs: 1000 / scale, claimTtlMs: 120_000 / scale, retryBaseMs: 2000 / scale },
);

process.on('message', (command) => {
  if (command === 'start') dispatcher.start();
  if (command !== 'stop') return;
  void (async () => {
    await dispatcher.stop();
    await store.close();
    // maxRSS is this process's peak resident memory, in kilobytes.
    const report: InstanceReport = { instance, stats: dispatcher.stats, peakRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10 };
    process.send!(report, () => process.exit(0));
  })();
});
process.send!('ready');
