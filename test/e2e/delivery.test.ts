import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botAppId, createAdapter } from '../../bot/adapter.js';
import { teamsMessenger } from '../../bot/teams-messenger.js';
import { createDispatcher, type DispatcherOptions } from '../../services/delivery/dispatcher.js';
import { enqueue, type NewMessage } from '../../services/delivery/outbox.js';
import { importPlan } from '../../services/import/import-plan.js';
import { projectRoot } from '../../services/project-root.js';
import { BotServer } from '../support/bot-server.js';
import { ConnectorStandIn } from '../../devtools/connector-stand-in.js';
import { runIb } from '../support/run-cli.js';
import { databaseUrlOf, testStore, type TestStore } from '../support/test-database.js';

let store: TestStore;
let connector: ConnectorStandIn;
const people: { id: string; email: string; chat: string }[] = [];
const messenger = teamsMessenger(createAdapter({ mode: 'local' }), botAppId({ mode: 'local' }), { timeoutMs: 300 });

beforeAll(async () => {
  store = await testStore('delivery');
  connector = await new ConnectorStandIn().start();
  expect((await importPlan(store.db, join(projectRoot(), 'demo/plan'), { source: 'DEMO' })).ok).toBe(true);
  for (const email of ['head.of.gateway@demo.gov.uk', 'head.of.permanency@demo.gov.uk', 'principal.social.worker@demo.gov.uk', 'performance.officer@demo.gov.uk', 'head.of.referral.assessment@demo.gov.uk']) {
    const person = await store.db.person.findUniqueOrThrow({ where: { email } });
    const chat = `a:chat-${people.length}`;
    await store.db.conversation.create({
      data: {
        conversationId: chat, kind: 'PERSONAL', serviceUrl: connector.url, tenantId: 'tenant', personId: person.id,
        reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: chat, conversationType: 'personal', tenantId: 'tenant' }, bot: { id: '28:bot', name: 'Improvement Board' }, user: { id: `29:${people.length}` } },
      },
    });
    people.push({ id: person.id, email, chat });
  }
});
afterAll(async () => {
  await connector?.stop();
  await store?.drop();
});
beforeEach(async () => {
  await store.db.outboxMessage.deleteMany();
  await store.db.person.updateMany({ data: { unreachableReason: null, unreachableSince: null } });
  connector.onSend = undefined;
  connector.refusals.clear();
  connector.delivered.length = 0;
  connector.delayMs = 0;
});

const dispatcher = (opts: Partial<DispatcherOptions> = {}) =>
  createDispatcher({ db: store.db, dialect: store.target.dialect, messenger }, { instance: 'test', retryBaseMs: 30, pollMs: 20, claimTtlMs: 10_000, ...opts });

function texts(to: { personId: string }, label: string, count: number): NewMessage[] {
  return Array.from({ length: count }, (_, i) => ({ idempotencyKey: `test:${label}:${i}`, kind: 'notice' as const, planId: null, to, payload: { type: 'text' as const, text: `${label} #${i}` } }));
}

async function until(condition: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const allSettled = async () => (await store.db.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } })) === 0;
const deliveredTexts = (chat: string) => connector.delivered.filter((d) => d.conversationId === chat).map((d) => d.body.text);

describe('the outbox dispatcher against a connector that throttles, fails and hangs', () => {
  it('delivers every message exactly once, in order for each conversation', async () => {
    const recipients = people.slice(0, 3);
    await enqueue(store.db, recipients.flatMap((p) => texts({ personId: p.id }, p.email, 8)), new Date());
    // Each chat: 1st send throttled (Retry-After 0.2 s), 3rd a 500, 5th never answered (times out), 6th a 412.
    connector.onSend = (_chat, n) => ({ 1: { status: 429, code: 'Throttled', retryAfterSeconds: 0.2 }, 3: { status: 500 }, 5: 'hang' as const, 6: { status: 412 } })[n];
    const d = dispatcher();
    d.start();
    await until(allSettled);
    await d.stop();
    for (const p of recipients) expect(deliveredTexts(p.chat)).toEqual(Array.from({ length: 8 }, (_, i) => `${p.email} #${i}`));
    expect(d.stats).toMatchObject({ delivered: 24, throttled: 3, dead: 0 });
    expect(d.stats.retried).toBe(9);
    const rows = await store.db.outboxMessage.findMany();
    expect(rows.every((r) => r.status === 'DELIVERED' && r.activityId?.startsWith('activity-'))).toBe(true);
    // The timed-out sends are recorded as possibly shown (Teams gives no way to know).
    expect(rows.filter((r) => r.ambiguousAttempts > 0)).toHaveLength(3);
  });

  it('two dispatchers share the work without sending anything twice', async () => {
    await enqueue(store.db, people.slice(0, 4).flatMap((p) => texts({ personId: p.id }, `pair ${p.email}`, 10)), new Date());
    connector.delayMs = 5;
    const a = dispatcher({ instance: 'a' });
    const b = dispatcher({ instance: 'b' });
    a.start();
    b.start();
    await until(allSettled);
    await Promise.all([a.stop(), b.stop()]);
    expect(connector.delivered).toHaveLength(40);
    for (const p of people.slice(0, 4)) expect(deliveredTexts(p.chat)).toEqual(Array.from({ length: 10 }, (_, i) => `pair ${p.email} #${i}`));
    expect(a.stats.delivered + b.stats.delivered).toBe(40);
  });

  it('413 is dead-lettered with a clear reason and never retried; "ib outbox" lists it and can retry it', async () => {
    const [p] = people;
    await enqueue(store.db, texts({ personId: p!.id }, 'big', 1), new Date());
    connector.onSend = () => ({ status: 413, code: 'MessageSizeTooBig' });
    await dispatcher().drain();
    const dead = await store.db.outboxMessage.findFirstOrThrow();
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 1, lastError: expect.stringMatching(/too big \(413 MessageSizeTooBig\)/) });
    const env = { DATABASE_URL: databaseUrlOf(store.target) };
    const listed = await runIb(['outbox', '--status', 'dead'], env);
    expect(listed.stdout).toContain(dead.id);
    expect(listed.stdout).toContain('MessageSizeTooBig');
    expect((await runIb(['outbox', 'retry', 'no-such-id'], env)).stderr).toContain('There is no message no-such-id');
    const retried = await runIb(['outbox', 'retry', dead.id], env);
    expect(retried.stdout).toContain('queued again');
    connector.onSend = undefined;
    await dispatcher().drain();
    expect(await store.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'DELIVERED' });
    expect(deliveredTexts(p!.chat)).toEqual(['big #0']);
  });

  it('gives up after a bounded number of failures and keeps the last error', async () => {
    await enqueue(store.db, texts({ personId: people[0]!.id }, 'doomed', 1), new Date());
    connector.onSend = () => ({ status: 503, code: 'ServiceUnavailable' });
    const d = dispatcher({ retryBaseMs: 1 });
    d.start();
    await until(async () => (await store.db.outboxMessage.findFirstOrThrow()).status === 'DEAD');
    await d.stop();
    expect(await store.db.outboxMessage.findFirstOrThrow()).toMatchObject({ attempts: 8, lastError: expect.stringMatching(/gave up after 8 attempts; last: 503 ServiceUnavailable/) });
    expect(connector.delivered).toHaveLength(0);
  });

  it('keeps to the per-conversation limits itself: a burst of 12 to one chat takes over a second and draws no 429', async () => {
    const { TEAMS_LIMITS } = await import('../../domain/delivery.js');
    connector.limits = TEAMS_LIMITS;
    try {
      await enqueue(store.db, texts({ personId: people[1]!.id }, 'burst', 12), new Date());
      const started = Date.now();
      const d = dispatcher();
      d.start();
      await until(allSettled);
      await d.stop();
      expect(Date.now() - started).toBeGreaterThan(1000);
      expect(connector.throttled).toBe(0);
      expect(deliveredTexts(people[1]!.chat)).toHaveLength(12);
    } finally {
      connector.limits = undefined;
    }
  });
});

describe('a crash in the middle of sending', () => {
  it('a service killed with SIGKILL mid-dispatch loses nothing: after a restart every message arrives', async () => {
    await enqueue(store.db, people.flatMap((p) => texts({ personId: p.id }, `crash ${p.email}`, 12)), new Date());
    connector.delayMs = 40; // a slow connector, so the kill lands mid-send
    const env = { DATABASE_URL: databaseUrlOf(store.target), JOBS: 'on', DELIVERY_CLAIM_SECONDS: '1' };
    const first = await new BotServer(env).start();
    await until(async () => connector.delivered.length >= 10);
    await first.kill();
    const before = connector.delivered.length;
    expect(before).toBeLessThan(60);
    const second = await new BotServer(env).start();
    try {
      await until(async () => (await store.db.outboxMessage.count({ where: { status: 'DELIVERED' } })) === 60, 60_000);
    } finally {
      await second.stop();
    }
    for (const p of people) {
      const got = deliveredTexts(p.chat);
      // Every message arrived; a message in flight at the kill may have arrived twice, and is recorded so.
      expect(new Set(got)).toEqual(new Set(Array.from({ length: 12 }, (_, i) => `crash ${p.email} #${i}`)));
    }
    const duplicates = connector.delivered.length - 60;
    expect(await store.db.outboxMessage.count({ where: { ambiguousAttempts: { gt: 0 } } })).toBeGreaterThanOrEqual(duplicates);
  }, 90_000);
});
