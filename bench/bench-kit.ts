import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { DatabaseTarget } from '../services/store/database-target.js';

export const POSTGRES_URL = 'postgresql://root@127.0.0.1:5432/test';

/** A SQLite file and a PostgreSQL schema of the benchmark's own, removed afterwards. */
export async function benchTargets(name: string): Promise<{ targets: DatabaseTarget[]; cleanUp(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `ib-bench-${name}-`));
  const targets: DatabaseTarget[] = [{ dialect: 'sqlite', file: join(dir, 'bench.db') }];
  const schema = `bench_${name}`;
  if (await postgresReachable()) {
    await dropSchema(schema);
    targets.push({ dialect: 'postgresql', url: POSTGRES_URL, schema });
  } else {
    console.log(`PostgreSQL is not reachable at ${POSTGRES_URL}: measuring SQLite only.`);
  }
  return {
    targets,
    async cleanUp() {
      rmSync(dir, { recursive: true, force: true });
      if (targets.length > 1) await dropSchema(schema);
    },
  };
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

export { toDatabaseUrl as databaseUrl } from '../services/store/database-target.js';

/** A repeatable pseudo-random sequence (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round1(sorted[Math.max(0, index)]!);
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.floor(sorted.length / 2)]!);
}

/** Samples this process's resident memory; call stop() for the peak in MB. */
export function trackPeakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return round1(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024);
    },
  };
}

export const run = promisify(execFile);

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
