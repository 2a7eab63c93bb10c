import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl, type DatabaseTarget } from '../../../services/store/database-target.js';
import { applyMigrations } from '../../../services/store/migrations.js';
import { dropTarget } from '../../support/test-database.js';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

// Runs in the PostgreSQL pass only (see vitest.config.ts): it needs both databases.
const id = randomBytes(4).toString('hex');
const sqlite: DatabaseTarget = { dialect: 'sqlite', file: join(tmpdir(), 'improvement-board-tests', `parity_${id}`, 'board.db') };
const postgres = { ...parseDatabaseUrl(process.env.TEST_DATABASE_URL, process.cwd()), schema: `t_parity_${id}` } as Extract<DatabaseTarget, { dialect: 'postgresql' }>;
afterAll(async () => {
  await dropTarget(sqlite);
  await dropTarget(postgres);
});

type Shape = { columns: string[]; indexes: string[] };

function sqliteShape(file: string): Shape {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    const columns = tables.flatMap((t) =>
      (db.prepare('SELECT name, "notnull" AS nn, pk FROM pragma_table_info(?)').all(t.name) as { name: string; nn: number; pk: number }[])
        .map((c) => `${t.name}.${c.name} ${c.nn || c.pk ? 'required' : 'optional'}`),
    );
    const indexes = tables.flatMap((t) =>
      (db.prepare("SELECT name, \"unique\" AS u FROM pragma_index_list(?) WHERE origin = 'c'").all(t.name) as { name: string; u: number }[])
        .map((i) => `${i.name}${i.u ? ' unique' : ''}`),
    );
    return { columns: columns.sort(), indexes: indexes.sort() };
  } finally {
    db.close();
  }
}

async function postgresShape(target: typeof postgres): Promise<Shape> {
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const columns = await client.query<{ t: string; c: string; n: string }>(
      'SELECT table_name AS t, column_name AS c, is_nullable AS n FROM information_schema.columns WHERE table_schema = $1',
      [target.schema],
    );
    const indexes = await client.query<{ name: string; def: string }>(
      "SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND indexname NOT LIKE '%_pkey'",
      [target.schema],
    );
    return {
      columns: columns.rows.map((r) => `${r.t}.${r.c} ${r.n === 'YES' ? 'optional' : 'required'}`).sort(),
      indexes: indexes.rows.map((r) => `${r.name}${/UNIQUE/.test(r.def) ? ' unique' : ''}`).sort(),
    };
  } finally {
    await client.end();
  }
}

describe('the two dialects’ migrations', () => {
  it('produce the same tables, columns, nullability and indexes', async () => {
    await applyMigrations(sqlite);
    await applyMigrations(postgres);
    const a = sqliteShape((sqlite as { file: string }).file);
    const b = await postgresShape(postgres);
    expect(a.columns.length).toBeGreaterThan(50);
    expect(b.columns).toEqual(a.columns);
    expect(b.indexes).toEqual(a.indexes);
  });
});
