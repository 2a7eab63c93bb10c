import { rmSync } from 'node:fs';
import { useSupportedSqliteDriver } from '../../services/store/sqlite-driver.js';

/** Migrates the SQLite template once; each test file copies it. */
export default async function setup(): Promise<void> {
  useSupportedSqliteDriver();
  const { SQLITE_TEMPLATE, testDialect } = await import('./test-database.js');
  if (testDialect() !== 'sqlite') return;
  const { applyMigrations } = await import('../../services/store/migrations.js');
  for (const suffix of ['', '-wal', '-shm', '.migrate-lock']) rmSync(`${SQLITE_TEMPLATE}${suffix}`, { force: true });
  await applyMigrations({ dialect: 'sqlite', file: SQLITE_TEMPLATE });
  // Fold the WAL back into the file so a plain copy carries the whole schema.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(SQLITE_TEMPLATE);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
