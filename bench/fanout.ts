// npm run bench:fanout — a prompt for each of 5,000 owners, queued by the real prompts job,
// delivered by two dispatcher processes sharing one database (SQLite, then PostgreSQL)
// through the real Teams messenger to a connector stand-in that enforces Teams' rate limits
// with 429 and Retry-After. Last line: one JSON object.
//
// It runs in real time (about 100 s a database) unless FANOUT_SCALE=n runs the limits, polls
// and backoffs n times faster. A faster clock measures the machine more than the pacing: a
// message costs about 7 ms of CPU (its queries, the Teams client), and on a shared 2-core
// machine the event loop is then too often late for a send time at 100 or more a second.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { useSupportedSqliteDriver } from '../services/store/sqlite-driver.js';

useSupportedSqliteDriver();
const { projectRoot } = await import('../services/project-root.js');
const { openStore } = await import('../services/store/database.js');
const { applyMigrations } = await import('../services/store/migrations.js');
const { queuePrompts } = await import('../services/checkins/queue-prompts.js');
const { nextConversationSlot, scaledLimits, TEAMS_LIMITS } = await import('../domain/delivery.js');
const { ConnectorStandIn } = await import('../devtools/connector-stand-in.js');
const kit = await import('./bench-kit.js');
const { seedOwners } = await import('./seed-owners.js');
type InstanceReport = import('./fanout-instance.js').InstanceReport;
type DeliveryLimits = import('../domain/delivery.js').DeliveryLimits;
type Target = Parameters<typeof applyMigrations>[0];

const OWNERS = 5000;
const PER_PLAN = 500;
const SCALE = Number(process.env.FANOUT_SCALE ?? 1);
const TARGET_RATIO = 1.05;
const LIMITS = scaledLimits(TEAMS_LIMITS, SCALE);

/**
 * The least time the limits allow between the first send and the last. The tenant window
 * lets `count` go at once and `count` more each window after; a conversation's own queue
 * waits on its windows. Each is a lower bound, so their maximum is; with one message per
 * conversation, as here, it is exact.
 */
function fastestMs(limits: DeliveryLimits, perConversation: number[]): number {
  const total = perConversation.reduce((a, b) => a + b, 0);
  const tenant = (Math.ceil(total / limits.perTenant.count) - 1) * limits.perTenant.windowMs;
  const sent: number[] = [];
  for (let i = 0, at = 0; i < Math.max(...perConversation); i += 1) sent.push((at = nextConversationSlot(sent, limits, at)));
  return Math.max(tenant, sent.at(-1)!);
}

function startInstance(databaseUrl: string, name: string): Promise<ChildProcess> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [];
  const child = fork(join(projectRoot(), 'dist/bench/fanout-instance.js'), [databaseUrl, name, String(SCALE)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: profile });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`dispatcher ${name} exited with ${code} before it was ready`)));
  });
}

function stopInstance(child: ChildProcess): Promise<InstanceReport> {
  return new Promise((resolve) => {
    child.once('message', (report) => resolve(report as InstanceReport));
    child.send('stop');
  });
}

async function measure(target: Target) {
  await applyMigrations(target);
  const store = await openStore(target);
  const connector = await new ConnectorStandIn().start();
  try {
    const { planIds, chats } = await seedOwners(store.db, OWNERS, PER_PLAN, connector.url);
    for (const planId of planIds) {
      const queued = await queuePrompts(store.db, planId, '2026-12', new Date());
      if (!queued.startsWith(`${PER_PLAN} prompts queued`)) throw new Error(`the prompts job queued the wrong number: ${queued}`);
    }
    const instances = await Promise.all(['a', 'b'].map((name) => startInstance(kit.databaseUrl(target), `${target.dialect}-${name}`)));
    connector.limits = LIMITS;
    const fastest = fastestMs(LIMITS, chats.map(() => 1));
    const started = Date.now();
    for (const child of instances) child.send('start');
    const deadline = started + fastest * 3 + 60_000;
    while ((await store.db.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } })) > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const reports = await Promise.all(instances.map(stopInstance));
    const perChat = new Map<string, number>();
    for (const d of connector.delivered) perChat.set(d.conversationId, (perChat.get(d.conversationId) ?? 0) + 1);
    const rows = await store.db.outboxMessage.groupBy({ by: ['status'], _count: true });
    const totalMs = Math.max(...connector.delivered.map((d) => d.at)) - started;
    return {
      totalMs,
      fastestMs: fastest,
      ratio: Math.round((totalMs / fastest) * 1000) / 1000,
      delivered: connector.delivered.length,
      lost: chats.filter((c) => !perChat.has(c)).length,
      duplicates: [...perChat.values()].reduce((sum, n) => sum + n - 1, 0),
      throttled: reports.reduce((sum, r) => sum + r.stats.throttled, 0),
      throttledByStandIn: connector.throttled,
      outbox: Object.fromEntries(rows.map((r) => [r.status, r._count])),
      instances: reports,
      peakRssMb: Math.max(...reports.map((r) => r.peakRssMb)),
    };
  } finally {
    await connector.stop();
    await store.close();
  }
}

const memory = kit.trackPeakRss();
const { targets, cleanUp } = await kit.benchTargets('fanout');
const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
console.log(`clock: ${SCALE === 1 ? 'real time' : `${SCALE}× faster than real time`} (tenant limit ${LIMITS.perTenant.count} per ${LIMITS.perTenant.windowMs} ms); ${OWNERS} owners, one prompt each; two dispatcher processes; duplicates counted per conversation`);
try {
  for (const target of targets) {
    results[target.dialect] = await measure(target);
    const r = results[target.dialect]!;
    console.log(`${target.dialect}: ${r.totalMs} ms against ${r.fastestMs} ms at best (ratio ${r.ratio}), ${r.throttled} 429s, ${r.lost} lost, ${r.duplicates} duplicates; ${JSON.stringify(r.instances)}`);
  }
} finally {
  await cleanUp();
}
const all = Object.values(results);
const sum = (pick: (r: (typeof all)[number]) => number) => all.reduce((s, r) => s + pick(r), 0);
const summary = {
  bench: 'fanout', owners: OWNERS, clockScale: SCALE,
  ratio: Math.max(...all.map((r) => r.ratio)), lost: sum((r) => r.lost), duplicates: sum((r) => r.duplicates), throttled: sum((r) => r.throttled),
  // A dispatcher process's peak (what a server needs); the benchmark's own holds the stand-in.
  peakRssMb: Math.max(...all.map((r) => r.peakRssMb)), benchPeakRssMb: memory.stop(),
  ...Object.fromEntries(Object.entries(results).map(([dialect, r]) => [dialect, { ratio: r.ratio, totalMs: r.totalMs, fastestMs: r.fastestMs, throttled: r.throttled, lost: r.lost, duplicates: r.duplicates, peakRssMb: r.peakRssMb }])),
  targetRatio: TARGET_RATIO,
};
const pass = summary.ratio <= TARGET_RATIO && summary.lost === 0 && summary.duplicates === 0;
console.log(JSON.stringify({ ...summary, pass }));
process.exit(pass ? 0 : 1);
