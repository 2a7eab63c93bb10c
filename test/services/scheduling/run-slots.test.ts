import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { slotKey, slotsBetween, DEFAULT_SCHEDULE, type JobName } from '../../../domain/schedule.js';
import { importPlan } from '../../../services/import/import-plan.js';
import { projectRoot } from '../../../services/project-root.js';
import { runDueSlots, type JobRunner } from '../../../services/scheduling/run-slots.js';
import { openStore, type Store } from '../../../services/store/database.js';
import { JOB_RUNNERS } from '../../../jobs/registry.js';
import { testStore, type TestStore } from '../../support/test-database.js';

const HOUR = 3_600_000;
let store: TestStore;
let second: Store;
let planId: string;

beforeAll(async () => {
  store = await testStore('run-slots');
  second = await openStore(store.target, { poolSize: 4 }); // a second instance: its own connections
  expect((await importPlan(store.db, join(projectRoot(), 'demo/plan'), { source: 'DEMO' })).ok).toBe(true);
  const plan = await store.db.plan.findFirstOrThrow();
  planId = plan.id;
  // The plan existed before the simulated months.
  await store.db.plan.update({ where: { id: planId }, data: { createdAt: new Date('2019-01-01T00:00:00Z') } });
});
afterAll(async () => {
  await second.close();
  await store.drop();
});

/** The real job runners, counting how often each slot ran. */
function counted(): { runners: Partial<Record<JobName, JobRunner>>; runs: Map<string, number> } {
  const runs = new Map<string, number>();
  const runners = Object.fromEntries(
    Object.entries(JOB_RUNNERS).map(([name, run]) => [name, async (db: Parameters<JobRunner>[0], r: Parameters<JobRunner>[1]) => {
      runs.set(slotKey(r.slot), (runs.get(slotKey(r.slot)) ?? 0) + 1);
      return run!(db, r);
    }]),
  );
  return { runners, runs };
}

async function clearRuns() {
  await store.db.outboxMessage.deleteMany();
  await store.db.prompt.deleteMany();
  await store.db.jobRun.deleteMany();
}

describe('scheduled slots across instances', () => {
  it('two instances ticking together over a month (April 2019) run every slot exactly once', async () => {
    await clearRuns();
    const { runners, runs } = counted();
    const start = Date.parse('2019-04-01T00:00:00Z');
    const end = Date.parse('2019-05-01T00:00:00Z');
    for (let t = start; t <= end; t += HOUR) {
      const now = new Date(t);
      await Promise.all([
        runDueSlots({ db: store.db, instance: 'a', catchUpMs: 24 * HOUR }, runners, now),
        runDueSlots({ db: second.db, instance: 'b', catchUpMs: 24 * HOUR }, runners, now),
      ]);
    }
    const expected = slotsBetween(DEFAULT_SCHEDULE, new Date(start), new Date(end + 1)).filter((s) => s.job in JOB_RUNNERS).map(slotKey);
    expect(expected.length).toBeGreaterThan(20);
    expect([...runs.keys()].sort()).toEqual([...expected].sort());
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const rows = await store.db.jobRun.findMany({ where: { planId, scheduledAt: { gte: new Date(start) } } });
    expect(rows).toHaveLength(expected.length);
    expect(rows.every((r) => r.status === 'DONE')).toBe(true);
    // Slots from the week before the first tick were missed by more than a day: skipped, not run.
    const before = await store.db.jobRun.findMany({ where: { planId, scheduledAt: { lt: new Date(start) } } });
    expect(before.every((r) => r.status === 'SKIPPED' && r.scheduledAt.getTime() < start - 24 * HOUR)).toBe(true);
    // The April prompts went into the outbox once per milestone.
    const prompts = await store.db.outboxMessage.findMany({ where: { kind: 'prompt' } });
    expect(prompts.length).toBe(await store.db.prompt.count({ where: { cycle: '2019-04' } }));
    expect(new Set(prompts.map((p) => p.idempotencyKey)).size).toBe(prompts.length);
    expect(prompts.length).toBeGreaterThan(15);
  });

  it('a restart after 6 hours down catches up the missed slots once', async () => {
    await clearRuns();
    const { runners, runs } = counted();
    const deps = { db: store.db, instance: 'a', catchUpMs: 24 * HOUR };
    // Up until 04:00 on 9 April 2019, down until 10:00 (the 09:00 BST prompts fall in between).
    for (let t = Date.parse('2019-04-08T00:00:00Z'); t <= Date.parse('2019-04-09T04:00:00Z'); t += HOUR) await runDueSlots(deps, runners, new Date(t));
    expect(runs.has('prompts@2019-04-09T09:00')).toBe(false);
    const restart = await runDueSlots(deps, runners, new Date('2019-04-09T10:00:00Z'));
    expect(restart.ran.map((r) => r.split('/')[1])).toEqual(['slippage-sweep@2019-04-09T07:00', 'prompts@2019-04-09T09:00', 'chase@2019-04-09T10:00']);
    for (let t = Date.parse('2019-04-09T11:00:00Z'); t <= Date.parse('2019-04-10T11:00:00Z'); t += HOUR) await runDueSlots(deps, runners, new Date(t));
    expect(runs.get('prompts@2019-04-09T09:00')).toBe(1);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it('slots missed for longer than the catch-up window are recorded as skipped, with the reason', async () => {
    await clearRuns();
    const { runners, runs } = counted();
    const deps = { db: store.db, instance: 'a', catchUpMs: 24 * HOUR };
    await runDueSlots(deps, runners, new Date('2019-04-05T12:00:00Z'));
    // Down from Friday 5 April until Wednesday 10 April 12:00.
    const result = await runDueSlots(deps, runners, new Date('2019-04-10T12:00:00Z'));
    expect(result.ran.map((r) => r.split('/')[1])).toEqual(['slippage-sweep@2019-04-10T07:00', 'chase@2019-04-10T10:00']);
    expect(result.skipped.map((r) => r.split('/')[1])).toEqual([
      'slippage-sweep@2019-04-08T07:00', 'weekly-digest@2019-04-08T08:00', 'chase@2019-04-08T10:00',
      'slippage-sweep@2019-04-09T07:00', 'prompts@2019-04-09T09:00', 'chase@2019-04-09T10:00',
    ]);
    const skipped = await store.db.jobRun.findFirstOrThrow({ where: { slot: 'prompts@2019-04-09T09:00' } });
    expect(skipped).toMatchObject({ status: 'SKIPPED', detail: expect.stringContaining('not running within 24 hours') });
    expect(runs.has('prompts@2019-04-09T09:00')).toBe(false);
    // Skipped stays skipped.
    expect((await runDueSlots(deps, runners, new Date('2019-04-10T13:00:00Z'))).ran).toEqual([]);
  });

  it('a slot left running by an instance that died is taken over once its lease has expired', async () => {
    await clearRuns();
    const { runners, runs } = counted();
    await store.db.jobRun.create({
      data: { planId, job: 'prompts', slot: 'prompts@2019-04-09T09:00', scheduledAt: new Date('2019-04-09T08:00:00Z'), status: 'RUNNING', instance: 'dead', leaseUntil: new Date('2019-04-09T08:10:00Z') },
    });
    await runDueSlots({ db: store.db, instance: 'a', catchUpMs: 24 * HOUR, leaseMs: 600_000 }, runners, new Date('2019-04-09T08:05:00Z'));
    expect(runs.has('prompts@2019-04-09T09:00')).toBe(false);
    await runDueSlots({ db: store.db, instance: 'a', catchUpMs: 24 * HOUR, leaseMs: 600_000 }, runners, new Date('2019-04-09T08:20:00Z'));
    expect(runs.get('prompts@2019-04-09T09:00')).toBe(1);
    expect(await store.db.jobRun.findFirstOrThrow({ where: { slot: 'prompts@2019-04-09T09:00' } })).toMatchObject({ status: 'DONE', instance: 'a' });
  });
});
