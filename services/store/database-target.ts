import { resolve } from 'node:path';

/** Where the store lives: an embedded SQLite file, or a PostgreSQL server. */
export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgresql'; url: string; schema: string };

export type Dialect = DatabaseTarget['dialect'];

export const DEFAULT_DATABASE_URL = 'file:./data/improvement-board.db';

/**
 * Reads a DATABASE_URL the way Prisma users write them: `file:<path>` for SQLite,
 * `postgres://` or `postgresql://` for a server, with `?schema=` choosing the schema.
 * Relative SQLite paths are taken from `cwd`.
 */
export function parseDatabaseUrl(url: string | undefined, cwd: string): DatabaseTarget {
  const value = (url ?? '').trim() || DEFAULT_DATABASE_URL;
  if (value.startsWith('file:')) {
    const path = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new Error('DATABASE_URL "file:" needs a path, for example file:./data/improvement-board.db');
    return { dialect: 'sqlite', file: resolve(cwd, path) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    const parsed = new URL(value);
    const schema = parsed.searchParams.get('schema') ?? 'public';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`DATABASE_URL schema "${schema}" must be letters, digits and underscores`);
    }
    parsed.searchParams.delete('schema');
    return { dialect: 'postgresql', url: parsed.toString(), schema };
  }
  throw new Error('DATABASE_URL must start with file:, postgres:// or postgresql://');
}

/** The DATABASE_URL that opens the same target, for another process. */
export function toDatabaseUrl(target: DatabaseTarget): string {
  if (target.dialect === 'sqlite') return `file:${target.file}`;
  const url = new URL(target.url);
  url.searchParams.set('schema', target.schema);
  return url.toString();
}

/** A description safe to print: no password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.dialect === 'sqlite') return `SQLite at ${target.file}`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname} (schema ${target.schema})`;
}
