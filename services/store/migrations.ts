import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openAdapter } from './adapters.js';
import { openStore, type Db } from './database.js';
import type { DatabaseTarget } from './database-target.js';
import { readMigrationList, snapshotPath, writeMigration } from './migration-files.js';
import type * as SchemaEngineModule from './schema-engine.js';
import { datamodelFor, DIALECTS, readSchemaSource, type Dialect } from './schema-source.js';

/** Applies every pending migration; returns the names applied (none when up to date). */
export async function applyMigrations(target: DatabaseTarget, openDb?: Db): Promise<string[]> {
  // Loading the schema engine costs about a second; a CLI command on an up-to-date
  // database should not pay it (nor open a second client when it has one).
  if (await isUpToDate(target, openDb)) return [];
  // Loaded only when there is work to do: the engine and the lock's drivers slow every CLI start.
  const [{ withMigrationLock }, { NO_FILTERS, openSchemaEngine }] = await Promise.all([import('./migration-lock.js'), loadEngine()]);
  return withMigrationLock(target, async () => {
    if (target.dialect === 'sqlite') useWriteAheadLog(target.file);
    const adapter = await openAdapter(target, { poolSize: 4 });
    const { engine, close } = await openSchemaEngine(adapter.factory, datamodelFor(target.dialect));
    try {
      const result = await engine.applyMigrations({
        migrationsList: readMigrationList(target.dialect),
        filters: NO_FILTERS,
      });
      return result.appliedMigrationNames;
    } finally {
      await close();
      await adapter.close();
    }
  });
}

async function isUpToDate(target: DatabaseTarget, openDb?: Db): Promise<boolean> {
  const wanted = readMigrationList(target.dialect).migrationDirectories.map((d) => d.path);
  const store = openDb ? undefined : await openStore(target, { poolSize: 1 });
  const db = openDb ?? store!.db;
  try {
    // Raw SQL: _prisma_migrations is Prisma's own table, not one of our models.
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return wanted.every((name) => applied.has(name));
  } catch {
    return false; // no database or no migrations table yet
  } finally {
    await store?.close();
  }
}

/**
 * WAL lets the CLI read and write while the service runs. The mode is stored in the
 * file, so setting it once at creation is enough.
 */
function useWriteAheadLog(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

export interface NewMigration {
  dialect: Dialect;
  folder: string;
  file: string;
}

/**
 * Writes the next migration for both dialects: the SQL that takes the schema the last
 * migrations were made from to the current schema source. Offline: the diff is between
 * two datamodels, so no shadow database is needed.
 */
export async function createMigration(name: string, now = new Date(), engineDb: Record<Dialect, DatabaseTarget>): Promise<NewMigration[]> {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  if (!slug) throw new Error('A migration needs a name made of letters or digits, for example "add_schedules"');
  const folder = `${timestamp(now)}_${slug}`;
  const before = existsSync(snapshotPath()) ? readFileSync(snapshotPath(), 'utf8') : undefined;
  const current = readSchemaSource();
  const created: NewMigration[] = [];
  const scripts = new Map<Dialect, string>();
  for (const dialect of DIALECTS) {
    scripts.set(dialect, await diffDatamodels(engineDb[dialect], before, current));
  }
  if ([...scripts.values()].every((sql) => isEmptyScript(sql))) return [];
  for (const [dialect, sql] of scripts) {
    created.push({ dialect, folder, file: writeMigration(dialect, folder, sql) });
  }
  writeFileSync(snapshotPath(), current);
  return created;
}

/** The SQL from one version of the schema source to another, for the target's dialect. */
export async function diffDatamodels(target: DatabaseTarget, before: string | undefined, after: string): Promise<string> {
  const { NO_FILTERS, openSchemaEngine } = await loadEngine();
  const adapter = await openAdapter(target, { poolSize: 4 });
  const to = datamodelFor(target.dialect, after);
  const { engine, close } = await openSchemaEngine(adapter.factory, to);
  try {
    const result = await engine.diff({
      from: before === undefined ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [datamodelFor(target.dialect, before)] },
      to: { tag: 'schemaDatamodel', files: [to] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  } finally {
    await close();
    await adapter.close();
  }
}

function isEmptyScript(sql: string): boolean {
  return sql.split('\n').every((line) => !line.trim() || line.trim().startsWith('--'));
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function loadEngine(): Promise<typeof SchemaEngineModule> {
  return import('./schema-engine.js');
}
