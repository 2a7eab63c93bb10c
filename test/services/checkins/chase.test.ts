import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAppId, createAdapter } from '../../../bot/adapter.js';
import { teamsMessenger } from '../../../bot/teams-messenger.js';
import { ConnectorStandIn } from '../../../devtools/connector-stand-in.js';
import { refSortKey } from '../../../domain/milestone-ref.js';
import type { ScheduleSettings } from '../../../domain/schedule.js';
import { chaseOwners } from '../../../services/checkins/chase.js';
import { queuePrompts } from '../../../services/checkins/queue-prompts.js';
import { recordCheckin } from '../../../services/checkins/record-checkin.js';
import { createDispatcher } from '../../../services/delivery/dispatcher.js';
import { loadSchedule } from '../../../services/scheduling/schedule-settings.js';
import { testStore, type TestStore } from '../../support/test-database.js';

// Easter 2019: Good Friday 19 April and Easter Monday 22 April are bank holidays. A prompt
// sent on Wednesday 17 April has waited 1 working day by Thursday, 2 by Tuesday 23 April
// (six calendar days later), 3 by Wednesday 24 (the default reminder) and 6 by Monday 29
// (the default escalation).
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+01:00`); // BST

type Who = 'olivia' | 'nora' | 'ada' | 'max' | 'dana' | 'sam';
let store: TestStore;
let connector: ConnectorStandIn;
let clock = at('2019-04-17', '09:00');
let planId: string;
let settings: ScheduleSettings;
let people: Record<Who, { id: string; chat: string }>;
let milestones: Record<'olivia' | 'nora' | 'ada', string>;

beforeAll(async () => {
  store = await testStore('chase');
  connector = await new ConnectorStandIn().start();
  const db = store.db;
  const org = await db.organisation.create({ data: { name: 'Chase council' } });
  planId = (await db.plan.create({ data: { name: 'Chase plan', organisationId: org.id } })).id;
  const priority = await db.priority.create({ data: { planId, number: 1, title: 'Front door' } });
  /** Someone the bot already has a personal chat with (at the stand-in). */
  const person = async (key: Who, name: string) => {
    const { id } = await db.person.create({ data: { email: `${key}@chase.gov.uk`, name, aadObjectId: `aad-${key}`, organisationId: org.id } });
    const chat = `a:chat-${key}`;
    await db.conversation.create({
      data: {
        conversationId: chat, kind: 'PERSONAL', serviceUrl: connector.url, tenantId: 'tenant', personId: id,
        reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: chat, conversationType: 'personal', tenantId: 'tenant' }, bot: { id: '28:bot', name: 'Improvement Board' }, user: { id: `29:${key}` } },
      },
    });
    return { id, chat };
  };
  people = {
    olivia: await person('olivia', 'Olivia Owner'), nora: await person('nora', 'Nora Owner'), ada: await person('ada', 'Ada Owner'),
    max: await person('max', 'Max Manager'), dana: await person('dana', 'Dana Director'), sam: await person('sam', 'Sam Director'),
  };
  // Olivia has a line manager; Nora and Ada have none, so theirs go to the service directors.
  await db.person.update({ where: { id: people.olivia.id }, data: { managerId: people.max.id } });
  await db.planMember.createMany({ data: [people.dana, people.sam].map((p) => ({ planId, personId: p.id, role: 'SERVICE_DIRECTOR' as const })) });
  const milestone = async (ref: string, owner: Who) => {
    const m = await db.milestone.create({
      data: { planId, priorityId: priority.id, ref, sortKey: refSortKey(ref), text: `Front door milestone ${ref}`, ownerId: people[owner].id, dueDate: new Date('2030-12-31') },
    });
    return m.id;
  };
  milestones = { olivia: await milestone('1.1', 'olivia'), nora: await milestone('1.2', 'nora'), ada: await milestone('1.3', 'ada') };
  settings = await loadSchedule(db, planId);
});
afterAll(async () => {
  await connector?.stop();
  await store?.drop();
});

const messenger = teamsMessenger(createAdapter({ mode: 'local' }), botAppId({ mode: 'local' }), { timeoutMs: 2000 });
/** Delivers everything queued, on the test's clock (sent times are what the chase counts from). */
const deliver = () => createDispatcher({ db: store.db, dialect: store.target.dialect, messenger, now: () => clock }, { instance: 'chase-test', pollMs: 20 }).drain();
const chase = (day: string, time?: string) => chaseOwners(store.db, planId, settings, (clock = at(day, time)));
const texts = (who: Who) => connector.delivered.filter((d) => d.conversationId === people[who].chat).map((d) => d.body.text ?? 'a card');
const queued = (kind: string) => store.db.outboxMessage.findMany({ where: { kind }, orderBy: { seq: 'asc' } });

describe('the chase job, day by day after a prompt', () => {
  it('the prompts go out on Wednesday 17 April 2019', async () => {
    expect(await queuePrompts(store.db, planId, '2019-04', clock)).toMatch(/^3 prompts queued/);
    await deliver();
    for (const who of ['olivia', 'nora', 'ada'] as const) expect(texts(who)).toEqual(['a card']);
    const prompts = await store.db.prompt.findMany();
    expect(prompts.every((p) => p.sentAt?.getTime() === at('2019-04-17', '09:00').getTime())).toBe(true);
  });

  it('nothing is chased before 3 working days, however many calendar days (Easter in between)', async () => {
    for (const day of ['2019-04-18', '2019-04-22', '2019-04-23']) {
      expect(await chase(day)).toMatch(/^0 reminders and 0 escalations due; 0 newly queued/);
    }
    expect(await store.db.outboxMessage.count({ where: { kind: { in: ['reminder', 'escalation'] } } })).toBe(0);
  });

  it('on the 3rd working day each owner is reminded once, however often the job runs', async () => {
    expect(await chase('2019-04-24')).toMatch(/^3 reminders and 0 escalations due; 3 newly queued/);
    expect(await chase('2019-04-24', '15:00')).toMatch(/; 0 newly queued/);
    const reminders = await queued('reminder');
    expect(reminders.map((r) => r.recipientKey).sort()).toEqual([people.olivia, people.nora, people.ada].map((p) => `person:${p.id}`).sort());
    expect((reminders[0]!.payload as { text: string }).text).toContain('milestone 1.1 (Front door milestone 1.1), asked for on 17 April 2019');
  });

  it('an answer given before the reminder goes cancels it at send time, and stops the chase', async () => {
    const prompt = await store.db.prompt.findFirstOrThrow({ where: { milestoneId: milestones.ada } });
    const answer = { milestoneId: milestones.ada, cardId: prompt.cardId, cycle: '2019-04', status: 'ON_TRACK' as const, workingWell: 'Audits are up to date.', worriedAbout: '', needsToHappen: '', revisedDueDate: null, evidence: [] };
    expect((await recordCheckin(store.db, 'aad-ada', answer, (clock = at('2019-04-24', '15:30')))).ok).toBe(true);
    clock = at('2019-04-24', '16:00');
    await deliver();
    expect(texts('olivia')).toEqual(['a card', expect.stringContaining('A reminder: the Improvement Board is waiting for your update on milestone 1.1')]);
    expect(texts('nora')).toHaveLength(2);
    expect(texts('ada')).toEqual(['a card']);
    const ada = (await queued('reminder')).find((r) => r.personId === people.ada.id)!;
    expect(ada).toMatchObject({ status: 'CANCELLED', lastError: expect.stringMatching(/updated before it was sent/) });
    // The other reminders are not sent twice, and Ada is not chased again.
    expect(await chase('2019-04-25')).toMatch(/^2 reminders and 0 escalations due; 0 newly queued/);
  });

  it('on the 6th working day the line manager hears, or else the service directors, naming the milestone, the owner and the delay', async () => {
    expect(await chase('2019-04-26')).toMatch(/0 escalations due; 0 newly queued/);
    expect(await chase('2019-04-29')).toMatch(/^2 reminders and 3 escalations due; 3 newly queued/);
    await deliver();
    expect(texts('max')).toEqual(['No update yet on milestone 1.1 (Front door milestone 1.1) from Olivia Owner: asked on 17 April 2019, 6 working days ago. Could you follow it up?']);
    for (const director of ['dana', 'sam'] as const) {
      expect(texts(director)).toEqual(['No update yet on milestone 1.2 (Front door milestone 1.2) from Nora Owner: asked on 17 April 2019, 6 working days ago. Could you follow it up?']);
    }
    // Nobody hears about Ada, who answered, and nobody is told twice.
    expect(connector.delivered.filter((d) => String(d.body.text).includes('1.3'))).toEqual([]);
    expect(await chase('2019-04-30')).toMatch(/3 escalations due; 0 newly queued/);
  });

  it('an answer after the escalation takes that milestone out of the chase', async () => {
    const prompt = await store.db.prompt.findFirstOrThrow({ where: { milestoneId: milestones.nora } });
    const answer = { milestoneId: milestones.nora, cardId: prompt.cardId, cycle: '2019-04', status: 'SLIGHT_SLIPPAGE' as const, workingWell: '', worriedAbout: 'Two vacancies.', needsToHappen: 'Recruit.', revisedDueDate: null, evidence: [] };
    expect((await recordCheckin(store.db, 'aad-nora', answer, (clock = at('2019-04-30', '11:00')))).ok).toBe(true);
    expect(await chase('2019-05-01')).toMatch(/^1 reminders and 1 escalations due; 0 newly queued/);
  });
});
