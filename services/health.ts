import type { Db } from './store/database.js';

export interface Health {
  ok: boolean;
  database: 'ok' | 'unavailable';
}

/** Ready when the store answers. */
export async function checkHealth(db: Db): Promise<Health> {
  try {
    // Raw SQL: the cheapest round trip, and the same on both dialects.
    await db.$queryRawUnsafe('SELECT 1');
    return { ok: true, database: 'ok' };
  } catch {
    return { ok: false, database: 'unavailable' };
  }
}
