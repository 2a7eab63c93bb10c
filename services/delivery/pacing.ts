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

/**
 * One instance's reserved send times, handed out earliest first to whichever message is
 * ready (composed) first. A time that went by while the process was busy (a slow query, a
 * pause for garbage collection, a busy machine) is given up rather than used late: a late
 * send bunches up with the sends after it, fills Teams' window and draws a 429, and on a
 * busy machine one 429 leads to more. A message left without a time reserves one at the end.
 */
export function sendSlots(db: Db, key: string, pace: { intervalMs: number; toleranceMs: number; readyInMs: number }, nowMs: () => number) {
  const free: number[] = [];
  let heldUntil = 0;
  const reserve = async (count: number) => {
    // No earlier than a message can be composed (a time reserved for right now is missed),
    // nor while a 429 holds sending back (a time then would be given up unused).
    const times = await reserveSendTimes(db, key, count, pace.intervalMs, Math.max(nowMs() + pace.readyInMs, heldUntil));
    free.push(...times);
    free.sort((a, b) => a - b); // in order already, unless clocks differ between instances
    return times;
  };
  return {
    reserve,
    /** Returns when this message may go. */
    async wait(): Promise<void> {
      for (let late = 0; ; ) {
        while (free.length && free[0]! < Math.max(nowMs() - pace.toleranceMs, heldUntil)) free.shift();
        if (!free.length) await reserve(1);
        const at = free.shift()!;
        // Timers count whole milliseconds on a monotonic clock and may wake up to one before
        // the wall clock reaches the time: one more millisecond, so nothing goes early.
        const wait = at - nowMs();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 1));
        if (nowMs() < heldUntil) continue; // a 429 arrived meanwhile
        // Woken too late (the process was busy): take a later time; after a few, send anyway.
        if (nowMs() - at <= pace.toleranceMs || ++late >= 3) return;
      }
    },
    /** After a 429: nobody here sends before `untilMs` either. */
    hold(untilMs: number): void {
      heldUntil = Math.max(heldUntil, untilMs);
    },
  };
}
