import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAppId, createAdapter } from '../../bot/adapter.js';
import { teamsMessenger } from '../../bot/teams-messenger.js';
import { ConnectorStandIn } from '../../devtools/connector-stand-in.js';
import { postBoardPack } from '../../services/board-pack/post-board-pack.js';
import { createDispatcher } from '../../services/delivery/dispatcher.js';
import { queueWeeklyDigest } from '../../services/digests/queue-weekly-digest.js';
import { sweepSlippage } from '../../services/digests/slippage-sweep.js';
import { importPlan } from '../../services/import/import-plan.js';
import { projectRoot } from '../../services/project-root.js';
import { BotServer } from '../support/bot-server.js';
import { cardAction, installPersonal, message, personalChatId, TENANT, type TeamsUserFixture } from '../support/teams-activities.js';
import { databaseUrlOf, testStore, type TestStore } from '../support/test-database.js';

const director: TeamsUserFixture = { id: '29:director', aadObjectId: 'aad-director', name: 'Service Director' };
const owner: TeamsUserFixture = { id: '29:owner-gateway', aadObjectId: 'aad-gateway', name: 'Gateway Head' };
const boardChannel = '19:board-channel@thread.tacv2';

let store: TestStore;
let connector: ConnectorStandIn;
let server: BotServer;
let planId: string;
const messenger = teamsMessenger(createAdapter({ mode: 'local' }), botAppId({ mode: 'local' }));
/** Delivers everything queued, waiting out the per-conversation pacing (a burst of alerts to one channel is paced). */
async function deliver(): Promise<void> {
  const dispatcher = createDispatcher({ db: store.db, dialect: store.target.dialect, messenger }, { instance: 'test', retryBaseMs: 20 });
  const deadline = Date.now() + 20_000;
  do {
    await dispatcher.drain();
    if (!(await store.db.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } }))) return;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  throw new Error('the outbox did not empty');
}
const cardOf = (activity: Record<string, unknown>) => JSON.stringify((activity.attachments as { content: unknown }[])[0]!.content);

beforeAll(async () => {
  store = await testStore('digests-e2e');
  expect((await importPlan(store.db, join(projectRoot(), 'demo/plan'), { source: 'DEMO' })).ok).toBe(true);
  planId = (await store.db.plan.findFirstOrThrow()).id;
  connector = await new ConnectorStandIn().start();
  for (const [user, email] of [[director, 'service.director@demo.gov.uk'], [owner, 'head.of.gateway@demo.gov.uk']] as const) {
    connector.members.set(user.id, { id: user.id, name: user.name, aadObjectId: user.aadObjectId, email, userPrincipalName: email });
  }
  server = await new BotServer({ DATABASE_URL: databaseUrlOf(store.target) }).start();
  for (const user of [director, owner]) await server.post(installPersonal(connector.url, user));
});
afterAll(async () => {
  await server?.stop();
  await connector?.stop();
  await store?.drop();
});

/** A message @mentioning the bot in a thread of a team channel. */
function channelMessage(user: TeamsUserFixture, text: string) {
  return {
    ...message(connector.url, user, `<at>Improvement Board</at> ${text}`),
    conversation: { id: `${boardChannel};messageid=1700000000000`, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    channelData: { tenant: { id: TENANT }, team: { id: '19:board-team', name: 'Improvement Board' }, channel: { id: boardChannel, name: 'Board' } },
  };
}

describe('digests, alerts and the board pack, through Teams', () => {
  it('only a director or administrator can make a channel the board channel', async () => {
    await server.post(channelMessage(owner, 'board channel'));
    expect(String(connector.sent().at(-1)!.text)).toMatch(/Only a plan's service directors and administrators/);
    expect((await store.db.plan.findUniqueOrThrow({ where: { id: planId } })).boardChannelId).toBeNull();

    await server.post(channelMessage(director, 'board channel'));
    expect(String(connector.sent().at(-1)!.text)).toMatch(/This channel is now the board channel for Children's Services Improvement Plan \(demo\)/);
    expect((await store.db.plan.findUniqueOrThrow({ where: { id: planId } })).boardChannelId).toBe(boardChannel);
  });

  it('slippage alerts are posted to the board channel itself, not the thread', async () => {
    await sweepSlippage(store.db, planId, new Date('2019-05-31T06:00:00Z'));
    await deliver();
    const posted = connector.sent(boardChannel);
    expect(posted).toHaveLength(1);
    expect(cardOf(posted[0]!)).toContain(`${await store.db.slippageAlert.count()} new slippage alerts`);
    expect(cardOf(posted[0]!)).toContain('Milestone 4.1 is overdue');
  });

  it('the board pack card links the stored Word document, which downloads from the service', async () => {
    // A name as councils write it (a typographic apostrophe, an accent), which an HTTP header cannot carry as it is.
    const { name } = await store.db.plan.update({ where: { id: planId }, data: { name: 'Children’s Services Improvement Plan (démo)' } });
    try {
      await postBoardPack(store.db, planId, { cycle: '2019-06', boardDate: '2019-06-27', now: new Date('2019-06-24T08:00:00Z'), publicUrl: server.url });
    } finally {
      await store.db.plan.update({ where: { id: planId }, data: { name: "Children's Services Improvement Plan (demo)" } });
    }
    expect(name).toContain('’');
    await deliver();
    const card = connector.sent(boardChannel).map(cardOf).find((c) => c.includes('Board pack: Children'))!;
    expect(card).toBeDefined();
    const url = /"url":"([^"]+\/board-packs\/[^"]+)"/.exec(card)![1]!;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="Children's Services Improvement Plan \(demo\) board pack 2019-06-24\.docx"; /);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe('Children’s Services Improvement Plan (démo) board pack 2019-06-24.docx');
    expect((await fetch(`${server.url}/board-packs/guessed-token-guessed-token`)).status).toBe(404);
    expect((await fetch(`${server.url}/board-packs/%E0%A4`)).status).toBe(404);
  });

  it('the weekly digest reaches the director, whose Chase button sends the owner a check-in card once a day', async () => {
    await queueWeeklyDigest(store.db, planId, new Date(), server.url);
    await deliver();
    const digest = connector.sent(personalChatId(director)).at(-1)!;
    expect(cardOf(digest)).toContain('Weekly digest: Children');
    const m = await store.db.milestone.findFirstOrThrow({ where: { ref: '1.2' } });

    const before = connector.sent(personalChatId(owner)).length;
    const res = await server.post(cardAction(connector.url, director, 'digest.chase', { milestoneId: m.id }));
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/^I've asked .+ for an update on 1\.2\.$/) });
    const again = await server.post(cardAction(connector.url, director, 'digest.chase', { milestoneId: m.id }));
    expect(again.body.value).toMatch(/already been chased about 1\.2 today/);
    await deliver();
    const toOwner = connector.sent(personalChatId(owner)).slice(before);
    expect(toOwner).toHaveLength(1);
    expect(cardOf(toOwner[0]!)).toContain('Update for 1.2');
  });

  it('an owner cannot chase, and a tampered button changes nothing', async () => {
    const m = await store.db.milestone.findFirstOrThrow({ where: { ref: '1.3' } });
    const refused = await server.post(cardAction(connector.url, owner, 'digest.chase', { milestoneId: m.id }));
    expect(refused.body.value).toMatch(/Only the plan's service directors and administrators/);
    const tampered = await server.post(cardAction(connector.url, director, 'digest.chase', { milestoneId: { $ne: null } }));
    expect(tampered.body.value).toMatch(/no longer works/);
    expect(await store.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `chase:${m.id}:` } } })).toBe(0);
  });

  it('Open shows the milestone’s latest updates in the chat', async () => {
    const m = await store.db.milestone.findFirstOrThrow({ where: { ref: '1.2' } });
    // Its owner has moved its due date: Open shows the date in force, not the plan's.
    await store.db.statusUpdate.create({ data: { milestoneId: m.id, status: 'SLIGHT_SLIPPAGE', revisedDueDate: new Date('2020-03-31T00:00:00Z'), recordedAt: new Date('2019-06-20T09:00:00Z'), source: 'CLI', dedupeKey: 'test-1.2-revised' } });
    const res = await server.post(cardAction(connector.url, director, 'digest.open', { milestoneId: m.id }));
    expect(res.body.value).toBe('Milestone 1.2 is below.');
    const shown = String(connector.sent(personalChatId(director)).at(-1)!.text);
    expect(shown).toContain('**1.2 ');
    expect(shown).toContain('Due: 31 March 2020');
    expect(shown).toContain('15 May 2019: ON TRACK');
  });
});
