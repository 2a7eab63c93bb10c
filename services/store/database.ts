import { PrismaClient } from '../../generated/prisma-sqlite/client.js';
import { openAdapter } from './adapters.js';
import type { DatabaseTarget } from './database-target.js';
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { PrismaPg } from '@prisma/adapter-pg';

/**
 * The database client every service receives. Both generated clients share the models;
 * their types differ only in dialect details (isolation levels), so the code is written
 * against the SQLite client's type, which keeps it to what both dialects support.
 */
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface Store {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
}

/** Opens the store; the caller applies migrations first (see migrations.ts) and closes it. */
export async function openStore(target: DatabaseTarget, opts: { poolSize?: number; onQuery?: (sql: string, ms?: number) => void } = {}): Promise<Store> {
  const adapter = await openAdapter(target, opts);
  const log = opts.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  // 'minimal': otherwise Prisma captures a stack trace on every query to decorate error
  // messages nobody reads here (users see our own messages); it cost ~0.2 ms per query.
  const options = { log, errorFormat: 'minimal' as const };
  const db =
    target.dialect === 'sqlite'
      ? new PrismaClient({ adapter: adapter.factory as PrismaBetterSqlite3, ...options })
      : (new (await import('../../generated/prisma-postgresql/client.js')).PrismaClient({ adapter: adapter.factory as PrismaPg, ...options }) as unknown as Db);
  const onQuery = opts.onQuery;
  // Counting queries is how benchmarks prove a use case is not N+1.
  if (onQuery) (db as unknown as { $on(e: 'query', f: (q: { query: string; duration: number }) => void): void }).$on('query', (q) => onQuery(q.query, q.duration));
  return {
    db,
    target,
    async close() {
      await db.$disconnect();
      await adapter.close();
    },
  };
}
