import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { projectRoot } from '../project-root.js';
import type { Dialect } from './schema-source.js';

/** Each dialect keeps its own migrations folder in Prisma's format, so `prisma migrate deploy` could read it. */
export function migrationsDir(dialect: Dialect): string {
  return join(projectRoot(), 'prisma/migrations', dialect);
}

/** The schema the newest migrations were made from: the "before" of the next diff. */
export function snapshotPath(): string {
  return join(projectRoot(), 'prisma/migrations/schema.snapshot.prisma');
}

export function readMigrationList(dialect: Dialect): MigrationList {
  const baseDir = migrationsDir(dialect);
  const lockPath = join(baseDir, 'migration_lock.toml');
  const names = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => {
      const file = join(baseDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

export function writeMigration(dialect: Dialect, folder: string, sql: string): string {
  const baseDir = migrationsDir(dialect);
  mkdirSync(join(baseDir, folder), { recursive: true });
  const lockPath = join(baseDir, 'migration_lock.toml');
  if (!existsSync(lockPath)) {
    writeFileSync(lockPath, `# Written by ib db migration; Prisma reads it too.\nprovider = "${dialect}"\n`);
  }
  const file = join(baseDir, folder, 'migration.sql');
  writeFileSync(file, sql);
  return file;
}
