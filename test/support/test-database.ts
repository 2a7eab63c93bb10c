import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parseDatabaseUrl, toDatabaseUrl, type DatabaseTarget } from '../../services/store/database-target.js';
import { openStore, type Store } from '../../services/store/database.js';
import { applyMigrations } from '../../services/store/migrations.js';

/**
 * Tests run on SQLite unless TEST_DATABASE_URL names a PostgreSQL server (CI runs both).
 * Every test file gets a database of its own: a copy of a migrated SQLite template, or
 * a fresh PostgreSQL schema with the migrations applied.
 */
export function testDialect(): 'sqlite' | 'postgresql' {
  return process.env.TEST_DATABASE_URL?.startsWith('postgres') ? 'postgresql' : 'sqlite';
}

export const SQLITE_TEMPLATE = join(tmpdir(), 'improvement-board-tests', 'template.db');

export async function freshTarget(label: string): Promise<DatabaseTarget> {
  const id = `${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  if (testDialect() === 'sqlite') {
    const dir = join(tmpdir(), 'improvement-board-tests');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${id}.db`);
    copyFileSync(SQLITE_TEMPLATE, file);
    return { dialect: 'sqlite', file };
  }
  const base = parseDatabaseUrl(process.env.TEST_DATABASE_URL, process.cwd());
  const target = { ...base, schema: `t_${id}` } as DatabaseTarget;
  await applyMigrations(target);
  return target;
}

export interface TestStore extends Store {
  /** Removes the database; call it from afterAll. */
  drop(): Promise<void>;
}

export async function testStore(label: string): Promise<TestStore> {
  const target = await freshTarget(label);
  const store = await openStore(target, { poolSize: 4 });
  return {
    ...store,
    async drop() {
      await store.close();
      await dropTarget(target);
    },
  };
}

export async function dropTarget(target: DatabaseTarget): Promise<void> {
  if (target.dialect === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '.migrate-lock']) rmSync(`${target.file}${suffix}`, { force: true });
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** The DATABASE_URL a child process needs to open the same database. */
export const databaseUrlOf = toDatabaseUrl;

/** A database nobody has migrated yet (for tests of migrating itself). */
export function unmigratedTarget(label: string): DatabaseTarget {
  const id = `${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  if (testDialect() === 'sqlite') return { dialect: 'sqlite', file: join(tmpdir(), 'improvement-board-tests', id, 'board.db') };
  const base = parseDatabaseUrl(process.env.TEST_DATABASE_URL, process.cwd());
  return { ...base, schema: `t_${id}` } as DatabaseTarget;
}
