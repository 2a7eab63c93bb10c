import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from './database-target.js';

const LOCK_WAIT_MS = 120_000;

/**
 * Runs `work` while holding a lock that every process migrating the same database takes,
 * so two processes starting at once apply each migration once. Both locks die with their
 * process, so a crash never leaves a stale lock behind.
 */
export async function withMigrationLock<T>(target: DatabaseTarget, work: () => Promise<T>): Promise<T> {
  return target.dialect === 'sqlite' ? withSqliteLock(target.file, work) : withPostgresLock(target, work);
}

async function withSqliteLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(file), { recursive: true });
  // A separate lock database: an exclusive transaction on it is a cross-process mutex.
  const lock = new Database(`${file}.migrate-lock`, { timeout: LOCK_WAIT_MS });
  try {
    lock.exec('BEGIN EXCLUSIVE');
    try {
      return await work();
    } finally {
      lock.exec('COMMIT');
    }
  } finally {
    lock.close();
  }
}

async function withPostgresLock<T>(target: Extract<DatabaseTarget, { dialect: 'postgresql' }>, work: () => Promise<T>) {
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(`SET lock_timeout = ${LOCK_WAIT_MS}`);
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`improvement-board:migrate:${target.schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
    return await work();
  } finally {
    await client.end(); // ends the session, which releases the advisory lock
  }
}
