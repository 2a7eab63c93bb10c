import type { Db } from '../store/database.js';

/**
 * Send times shared by every instance, so that together they stay within a rate: each
 * reservation takes the next `count` free times, spaced `intervalMs` apart, in one atomic
 * statement on the bucket's row (the same SQL on SQLite and PostgreSQL).
 */
export async function reserveSendTimes(db: Db, key: string, count: number, intervalMs: number, nowMs: number): Promise<number[]> {
  if (count <= 0) return [];
  const take = () => db.$queryRaw<{ nextFreeAtMs: number }[]>`UPDATE "RateBucket"
    SET "nextFreeAtMs" = (CASE WHEN "nextFreeAtMs" > ${nowMs} THEN "nextFreeAtMs" ELSE ${nowMs} END) + ${count * intervalMs}
    WHERE "key" = ${key} RETURNING "nextFreeAtMs"`;
  let [row] = await take();
  if (!row) {
    await db.$executeRaw`INSERT INTO "RateBucket" ("key", "nextFreeAtMs") VALUES (${key}, ${nowMs}) ON CONFLICT ("key") DO NOTHING`;
    [row] = await take();
  }
  const end = Number(row!.nextFreeAtMs);
  const start = end - count * intervalMs;
  return Array.from({ length: count }, (_, i) => start + i * intervalMs);
}

/** After a 429, nobody sends on this bucket until Retry-After has passed. */
export async function holdSends(db: Db, key: string, untilMs: number): Promise<void> {
  await db.$executeRaw`UPDATE "RateBucket" SET "nextFreeAtMs" = ${untilMs} WHERE "key" = ${key} AND "nextFreeAtMs" < ${untilMs}`;
}
