import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../services/project-root.js';
import type { DatabaseTarget } from '../../../services/store/database-target.js';
import { openStore } from '../../../services/store/database.js';
import { readMigrationList, snapshotPath } from '../../../services/store/migration-files.js';
import { applyMigrations, diffDatamodels } from '../../../services/store/migrations.js';
import { readSchemaSource } from '../../../services/store/schema-source.js';
import { readFileSync } from 'node:fs';
import { databaseUrlOf, dropTarget, testDialect, unmigratedTarget } from '../../support/test-database.js';
import { runIb } from '../../support/run-cli.js';
import { servicePort } from '../../support/ports.js';

const targets: DatabaseTarget[] = [];
function newTarget(label: string) {
  const target = unmigratedTarget(label);
  targets.push(target);
  return target;
}
afterAll(async () => {
  for (const target of targets) await dropTarget(target);
});

async function appliedMigrations(target: DatabaseTarget): Promise<string[]> {
  const store = await openStore(target, { poolSize: 1 });
  try {
    const rows = await store.db.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name');
    return rows.map((r) => r.migration_name);
  } finally {
    await store.close();
  }
}

const allMigrations = () => readMigrationList(testDialect()).migrationDirectories.map((d) => d.path);

describe(`migrations on ${testDialect()}`, () => {
  it('the migrations are up to date with the schema source', async () => {
    const snapshot = readFileSync(snapshotPath(), 'utf8');
    const target = testDialect() === 'sqlite' ? { dialect: 'sqlite' as const, file: ':memory:' } : newTarget('diff');
    const sql = await diffDatamodels(target, snapshot, readSchemaSource());
    expect(sql.split('\n').filter((l) => l.trim() && !l.startsWith('--'))).toEqual([]);
  });

  it('applies every migration to an empty database, then nothing the second time', async () => {
    const target = newTarget('twice');
    expect(await applyMigrations(target)).toEqual(allMigrations());
    expect(await applyMigrations(target)).toEqual([]);
    expect(await appliedMigrations(target)).toEqual(allMigrations());
  });

  it('two processes migrating at once apply each migration once', async () => {
    const target = newTarget('race');
    const env = { DATABASE_URL: databaseUrlOf(target) };
    const [a, b] = await Promise.all([runIb(['db', 'migrate'], env), runIb(['db', 'migrate'], env)]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    const outputs = [a.stdout, b.stdout].sort();
    expect(outputs[0]).toMatch(/^Applied /);
    expect(outputs[1]).toMatch(/is up to date/);
    expect(await appliedMigrations(target)).toEqual(allMigrations());
  });

  it('the CLI reads and writes while the service is running on the same database', async () => {
    const target = newTarget('shared');
    const env = { DATABASE_URL: databaseUrlOf(target), PORT: String(servicePort()), LOG_LEVEL: 'warn' };
    const service = spawn(process.execPath, [join(projectRoot(), 'dist/bot/main.js')], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
    try {
      await waitForHealth(Number(env.PORT));
      const polling = pollHealth(Number(env.PORT));
      const demo = await runIb(['demo'], env);
      expect(demo.code, demo.stderr).toBe(0);
      const status = await runIb(['status', '--as-of', '2019-05-31', '--json'], env);
      expect(JSON.parse(status.stdout).summary.percentOnTrack).toBe(68.2);
      expect(await polling.stop()).toEqual({ failures: 0 });
    } finally {
      service.kill('SIGTERM');
    }
  });
});

async function waitForHealth(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service did not become healthy within 30 s');
}

/** Keeps asking the service for its health while the CLI works; counts failures. */
function pollHealth(port: number) {
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      if (!res?.ok) failures += 1;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { failures };
    },
  };
}
