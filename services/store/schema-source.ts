import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root.js';

export type Dialect = 'sqlite' | 'postgresql';
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgresql'];

export const SCHEMA_PATH = 'prisma/schema.prisma';

export function readSchemaSource(): string {
  return readFileSync(join(projectRoot(), SCHEMA_PATH), 'utf8');
}

/** The one schema source, as the given dialect sees it (only `provider` differs). */
export function datamodelFor(dialect: Dialect, source = readSchemaSource()) {
  return {
    path: join(projectRoot(), `generated/schema/${dialect}.prisma`),
    content: source.replace(/provider\s*=\s*"sqlite"/, `provider = "${dialect}"`),
  };
}
