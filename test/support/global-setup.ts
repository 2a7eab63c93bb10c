import { rmSync } from 'node:fs';
import { applyMigrations } from '../../services/store/migrations.js';
import { SQLITE_TEMPLATE, testDialect } from './test-database.js';

/** Migrates the SQLite template once; each test file copies it. */
export default async function setup(): Promise<void> {
  if (testDialect() !== 'sqlite') return;
  for (const suffix of ['', '-wal', '-shm', '.migrate-lock']) rmSync(`${SQLITE_TEMPLATE}${suffix}`, { force: true });
  await applyMigrations({ dialect: 'sqlite', file: SQLITE_TEMPLATE });
  // Fold the WAL back into the file so a plain copy carries the whole schema.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(SQLITE_TEMPLATE);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
