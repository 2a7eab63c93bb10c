import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAppId, createAdapter } from '../../bot/adapter.js';
import { teamsMessenger } from '../../bot/teams-messenger.js';
import { promptOwner } from '../../services/checkins/queue-prompts.js';
import { createDispatcher } from '../../services/delivery/dispatcher.js';
import { importPlan } from '../../services/import/import-plan.js';
import { projectRoot } from '../../services/project-root.js';
import { BotServer } from '../support/bot-server.js';
import { ConnectorStandIn } from '../../devtools/connector-stand-in.js';
import { runIb } from '../support/run-cli.js';
import { cardAction, installInTeam, installPersonal, message, personalChatId, type TeamsUserFixture } from '../support/teams-activities.js';
import { databaseUrlOf, testStore, type TestStore } from '../support/test-database.js';

const owner: TeamsUserFixture = { id: '29:owner-gateway', aadObjectId: 'aad-gateway', name: 'Gateway Head' };
const other: TeamsUserFixture = { id: '29:other', aadObjectId: 'aad-other', name: 'Principal Social Worker' };
const stranger: TeamsUserFixture = { id: '29:stranger', aadObjectId: 'aad-stranger', name: 'Stranger' };
const director: TeamsUserFixture = { id: '29:director', aadObjectId: 'aad-director', name: 'Service Director' };
const admin: TeamsUserFixture = { id: '29:admin', aadObjectId: 'aad-admin', name: 'Performance Officer' };

let store: TestStore;
let connector: ConnectorStandIn;
let server: BotServer;
const messenger = teamsMessenger(createAdapter({ mode: 'local' }), botAppId({ mode: 'local' }));

beforeAll(async () => {
  store = await testStore('checkin-loop');
  expect((await importPlan(store.db, join(projectRoot(), 'demo/plan'), { source: 'DEMO' })).ok).toBe(true);
  // The demo plan names the performance officer as its plan administrator.
  connector = await new ConnectorStandIn().start();
  for (const [user, email] of [
    [owner, 'head.of.gateway@demo.gov.uk'], [other, 'principal.social.worker@demo.gov.uk'], [stranger, 'stranger@elsewhere.gov.uk'],
    [director, 'service.director@demo.gov.uk'], [admin, 'performance.officer@demo.gov.uk'],
  ] as const) {
    connector.members.set(user.id, { id: user.id, name: user.name, aadObjectId: user.aadObjectId, email, userPrincipalName: email });
  }
  server = await new BotServer({ DATABASE_URL: databaseUrlOf(store.target) }).start();
});
afterAll(async () => {
  await server?.stop();
  await connector?.stop();
  await store?.drop();
});

const milestone = (ref: string) => store.db.milestone.findFirstOrThrow({ where: { ref } });
const teamsUpdates = (milestoneId: string) => store.db.statusUpdate.findMany({ where: { milestoneId, source: 'TEAMS' } });
const texts = (card: unknown): string => JSON.stringify(card);
const lastSent = (user: TeamsUserFixture) => connector.sent(personalChatId(user)).at(-1)!;
/** Queues a milestone's prompt and delivers the outbox, as the service's jobs do. */
async function sendPrompt(milestoneId: string, cycle: string) {
  const queued = await promptOwner(store.db, milestoneId, cycle, new Date());
  await createDispatcher({ db: store.db, dialect: store.target.dialect, messenger }, { instance: 'test', retryBaseMs: 20 }).drain();
  return queued;
}
const cardOf = (activity: Record<string, unknown>) => (activity.attachments as { content: unknown }[])[0]!.content as Record<string, unknown>;

describe('the check-in loop over HTTP, as Teams drives it', () => {
  let cardData: Record<string, unknown>;

  it('install in a personal chat: welcome card, and the Teams user is linked to their person by email', async () => {
    const res = await server.post(installPersonal(connector.url, owner));
    expect(res.status).toBe(200);
    expect(texts(cardOf(lastSent(owner)))).toContain('improvement plan');
    const person = await store.db.person.findUniqueOrThrow({ where: { email: 'head.of.gateway@demo.gov.uk' } });
    expect(person.aadObjectId).toBe(owner.aadObjectId);
    expect(await store.db.conversation.count({ where: { personId: person.id, kind: 'PERSONAL', active: true } })).toBe(1);
  });

  it('a prompt is sent to the owner and recorded with its Teams activity id', async () => {
    const m = await milestone('1.1');
    const result = await sendPrompt(m.id, '2026-12');
    expect(result).toMatchObject({ ok: true, queued: true });
    const sent = lastSent(owner);
    const card = cardOf(sent);
    expect(texts(card)).toContain('Update for 1.1');
    const prompt = await store.db.prompt.findFirstOrThrow({ where: { milestoneId: m.id, cycle: '2026-12' } });
    expect(prompt.activityId).toMatch(/^activity-/);
    cardData = ((card.actions as { data: Record<string, unknown> }[])[0]!).data;
    expect(cardData).toMatchObject({ milestoneId: m.id, cardId: prompt.cardId, cycle: '2026-12' });

    const sentBefore = connector.sent(personalChatId(owner)).length;
    const again = await sendPrompt(m.id, '2026-12');
    expect(again).toMatchObject({ ok: true, queued: false });
    expect(connector.sent(personalChatId(owner))).toHaveLength(sentBefore);
  });

  it('an invalid answer comes back on the card with the error by the field, and nothing is stored', async () => {
    const m = await milestone('1.1');
    const res = await server.post(cardAction(connector.url, owner, 'checkin.submit', { ...cardData, status: 'SIGNIFICANT_SLIPPAGE', workingWell: 'x', evidence1Url: 'javascript:alert(1)' }));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = texts(res.body.value);
    expect(card).toContain('Update for 1.1');
    expect(card).toMatch(/not a web link/i);
    expect(await teamsUpdates(m.id)).toHaveLength(0);

    const noDate = await server.post(cardAction(connector.url, owner, 'checkin.submit', { ...cardData, status: 'SIGNIFICANT_SLIPPAGE' }));
    expect(texts(noDate.body.value)).toContain('Give a revised due date: significant slippage needs one.');
    expect(await teamsUpdates(m.id)).toHaveLength(0);
  });

  it('someone who is not the owner is refused and nothing is stored', async () => {
    await server.post(message(connector.url, other, 'hello'));
    const m = await milestone('1.1');
    const res = await server.post(cardAction(connector.url, other, 'checkin.submit', { ...cardData, status: 'COMPLETE' }));
    expect(res.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(res.body.value).toMatch(/^Only the owner of milestone 1\.1/);
    const unknown = await server.post(cardAction(connector.url, stranger, 'checkin.submit', { ...cardData, status: 'COMPLETE' }));
    expect(unknown.body.value).toMatch(/can't match your Teams account/);
    expect(await teamsUpdates(m.id)).toHaveLength(0);
  });

  it('the owner answers: history stored, card replaced by a receipt; the same card again is stored once', async () => {
    const m = await milestone('1.1');
    const answer = {
      ...cardData, status: 'SLIGHT_SLIPPAGE', workingWell: 'Workflow tracker live', worriedAbout: 'Agency staff turnover',
      needsToHappen: 'Recruit two permanent managers', evidence1Title: 'Audit', evidence1Url: 'https://council.example/audit-1',
      revisedDueDate: '2027-03-31',
    };
    const res = await server.post(cardAction(connector.url, owner, 'checkin.submit', answer));
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(texts(res.body.value)).toMatch(/Update for 1\.1 recorded \d\d:\d\d, \d{1,2} [A-Z][a-z]+ \d{4}/);
    const stored = await teamsUpdates(m.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'SLIGHT_SLIPPAGE', workingWell: 'Workflow tracker live' });
    expect(stored[0]!.revisedDueDate?.toISOString().slice(0, 10)).toBe('2027-03-31');
    const prompt = await store.db.prompt.findFirstOrThrow({ where: { cardId: String(cardData.cardId) } });
    expect(prompt.answeredAt).not.toBeNull();
    expect(stored[0]!.promptId).toBe(prompt.id);

    const [twice, thrice] = await Promise.all([
      server.post(cardAction(connector.url, owner, 'checkin.submit', answer)),
      server.post(cardAction(connector.url, owner, 'checkin.submit', answer)),
    ]);
    expect(texts(twice.body.value) + texts(thrice.body.value)).toContain('already recorded');
    expect(await teamsUpdates(m.id)).toHaveLength(1);
    expect(await store.db.evidence.count({ where: { milestoneId: m.id, url: 'https://council.example/audit-1' } })).toBe(1);
  });
});

describe('commands in a personal chat', () => {
  it('help, my milestones, update, history, evidence', async () => {
    await server.post(message(connector.url, owner, 'help'));
    expect(String(lastSent(owner).text)).toContain('my milestones');

    await server.post(message(connector.url, owner, 'my milestones'));
    const list = texts(cardOf(lastSent(owner)));
    expect(list).toContain('1.1');
    expect(list).toContain('1.7');
    expect(list).not.toContain('"2.1"');

    await server.post(message(connector.url, owner, 'update 1.2'));
    expect(texts(cardOf(lastSent(owner)))).toContain('Update for 1.2');

    await server.post(message(connector.url, owner, 'history 1.1'));
    expect(String(lastSent(owner).text)).toMatch(/SLIGHT SLIPPAGE.*by Gateway Head \(teams\)/);

    await server.post(message(connector.url, owner, 'evidence 1.1'));
    expect(String(lastSent(owner).text)).toContain('[Audit](https://council.example/audit-1)');

    await server.post(message(connector.url, owner, 'update 9.9'));
    expect(String(lastSent(owner).text)).toBe('There is no milestone 9.9.');

    await server.post(message(connector.url, owner, 'what is this'));
    expect(String(lastSent(owner).text)).toMatch(/didn't understand/);
  });

  it('a file sent while updating is recorded as evidence for that milestone', async () => {
    const m = await milestone('1.2');
    await server.post(message(connector.url, owner, '', {
      attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'Audit summary.docx', contentUrl: 'https://council.sharepoint.example/audit.docx', content: { uniqueId: 'u1' } }],
    }));
    expect(String(lastSent(owner).text)).toBe('Recorded 1 file as evidence for 1.2.');
    expect(await store.db.evidence.count({ where: { milestoneId: m.id, fileRef: 'https://council.sharepoint.example/audit.docx' } })).toBe(1);
  });

  it('delegate and undelegate: only the owner may, and the delegate can then update', async () => {
    await server.post(message(connector.url, other, 'delegate 1.3 to principal.social.worker@demo.gov.uk'));
    expect(String(lastSent(other).text)).toBe('Only the owner of 1.3 or a plan administrator can delegate it.');

    await server.post(message(connector.url, owner, 'delegate 1.3 to principal.social.worker@demo.gov.uk'));
    expect(String(lastSent(owner).text)).toMatch(/can now update 1\.3/);
    await server.post(message(connector.url, other, 'update 1.3'));
    const card = cardOf(lastSent(other));
    const data = (card.actions as { data: Record<string, unknown> }[])[0]!.data;
    // 1.3 was due in December 2019, so a revised date is required.
    const res = await server.post(cardAction(connector.url, other, 'checkin.submit', { ...data, status: 'ON_TRACK', revisedDueDate: '2027-06-30' }));
    expect(texts(res.body.value)).toContain('Update for 1.3 recorded');

    await server.post(message(connector.url, owner, 'undelegate 1.3'));
    expect(String(lastSent(owner).text)).toMatch(/can no longer update 1\.3/);
    const refused = await server.post(cardAction(connector.url, other, 'checkin.submit', { ...data, cardId: 'another-card', status: 'ON_TRACK', revisedDueDate: '2027-06-30' }));
    expect(refused.body.value).toMatch(/^Only the owner of milestone 1\.3/);
  });
});

describe('owners who never spoke to the bot', () => {
  it('added to the board team, the bot reads the roster and can open a 1:1 chat to prompt them', async () => {
    await server.post(installInTeam(connector.url, admin, { id: '19:board-team', name: 'Improvement Board' }));
    const director = await store.db.person.findUniqueOrThrow({ where: { email: 'service.director@demo.gov.uk' } });
    expect(director.teamsUserId).toBe('29:director');
    const m = await milestone('2.1');
    const result = await sendPrompt(m.id, '2026-12');
    expect(result).toMatchObject({ ok: true });
    expect(connector.calls.some((c) => c.method === 'POST' && c.path === '/v3/conversations')).toBe(true);
    expect(texts(cardOf(connector.sent('a:personal-29:director').at(-1)!))).toContain('Update for 2.1');
  });

  it('an owner Teams refuses to reach (403) is marked unreachable and listed for plan administrators', async () => {
    connector.refusals.set(personalChatId(other), { status: 403, code: 'ConversationBlockedByUser' });
    const m = await milestone('2.2');
    await sendPrompt(m.id, '2026-12');
    connector.refusals.clear();
    const refused = await store.db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `prompt:${m.id}:2026-12` } });
    expect(refused).toMatchObject({ status: 'DEAD', lastError: expect.stringContaining('403 ConversationBlockedByUser') });
    // The plan administrators are told once; the prompt goes to the service director instead.
    const person = await store.db.person.findUniqueOrThrow({ where: { email: 'principal.social.worker@demo.gov.uk' } });
    expect(await store.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `notice:unreachable:${person.id}:` } } })).toBe(1);
    expect(await store.db.outboxMessage.count({ where: { kind: 'escalation', idempotencyKey: { startsWith: `escalation:${m.id}:2026-12:` } } })).toBeGreaterThan(0);
    await sendPrompt((await milestone('2.3')).id, '2026-12');
    expect(await store.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `notice:unreachable:${person.id}:` } } })).toBe(1);

    await server.post(message(connector.url, admin, "who can't be reached"));
    const text = String(lastSent(admin).text);
    expect(text).toContain('principal.social.worker@demo.gov.uk');
    expect(text).toContain('ConversationBlockedByUser');

    const cli = await runIb(['people', '--unreachable'], { DATABASE_URL: databaseUrlOf(store.target) });
    expect(cli.stdout).toContain('principal.social.worker@demo.gov.uk');
  });
});
