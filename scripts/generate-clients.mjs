#!/usr/bin/env node
// Generates one Prisma client per dialect from the one schema source, offline.
// A client refuses an adapter of another provider, so SQLite and PostgreSQL each need
// their own; the two derived schemas differ only in `provider` and `output`.
// `prisma generate` does not use the schema engine, but the CLI insists on finding one
// before it starts: any existing file satisfies it, so no download is attempted.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(join(root, 'prisma/schema.prisma'), 'utf8');
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

for (const dialect of ['sqlite', 'postgresql']) {
  const schema = source
    .replace(/provider\s*=\s*"sqlite"/, `provider = "${dialect}"`)
    .replace(/output\s*=\s*"[^"]*"/, `output = "../prisma-${dialect}"`);
  const dir = join(root, 'generated/schema');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${dialect}.prisma`);
  writeFileSync(file, schema);
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', file], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
}
console.log('Generated the SQLite and PostgreSQL Prisma clients.');
