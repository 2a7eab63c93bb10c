import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseTarget } from './database-target.js';

/** How long a SQLite writer waits for another process's lock before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export type AdapterFactory = PrismaBetterSqlite3 | PrismaPg;

export interface OpenedAdapter {
  factory: AdapterFactory;
  close(): Promise<void>;
}

/**
 * A Prisma driver adapter for the target, plus whatever must be closed with it. The
 * PostgreSQL driver is loaded only when used: every `ib` command on the embedded
 * default starts faster without it.
 */
export async function openAdapter(target: DatabaseTarget, opts: { poolSize?: number } = {}): Promise<OpenedAdapter> {
  if (target.dialect === 'sqlite') {
    const factory = new PrismaBetterSqlite3(
      { url: target.file, timeout: SQLITE_BUSY_TIMEOUT_MS },
      { timestampFormat: 'iso8601' },
    );
    return { factory, close: async () => {} };
  }
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import('pg'), import('@prisma/adapter-pg')]);
  const pool = new pg.Pool({
    connectionString: target.url,
    max: opts.poolSize ?? 10,
    // pg waits forever for a connection by default; fail instead, with a message.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    options: `-c search_path="${target.schema}"`,
  });
  // Without a listener, an idle client's network error would crash the process.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL idle connection error: ${error.message}`);
  });
  const factory = new PrismaPg(pool, { schema: target.schema });
  return { factory, close: () => pool.end() };
}
