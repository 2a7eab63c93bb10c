import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { toStoredDate } from '../../../domain/calendar-date.js';
import { postBoardPack } from '../../../services/board-pack/post-board-pack.js';
import { findBoardPack } from '../../../services/board-pack/stored-board-pack.js';
import { chaseOwner } from '../../../services/digests/chase-owner.js';
import { queueWeeklyDigest } from '../../../services/digests/queue-weekly-digest.js';
import { sweepSlippage, type SlippageAlertView } from '../../../services/digests/slippage-sweep.js';
import { buildWeeklyDigest } from '../../../services/digests/weekly-digest.js';
import { importPlan } from '../../../services/import/import-plan.js';
import { projectRoot } from '../../../services/project-root.js';
import { renderDirectorDigestCard } from '../../../cards/director-digest-card.js';
import { DIGEST_LIST_LIMIT } from '../../../services/digests/weekly-digest.js';
import { testStore, type TestStore } from '../../support/test-database.js';
import { MILESTONE_HEADERS, writeCsvFolder, type Rows } from '../../support/workbook-files.js';

let store: TestStore;
let planId: string;
const BOARD_CHANNEL = '19:board@thread.tacv2';
beforeAll(async () => {
  store = await testStore('digests');
  expect((await importPlan(store.db, join(projectRoot(), 'demo/plan'), { source: 'DEMO' })).ok).toBe(true);
  planId = (await store.db.plan.findFirstOrThrow()).id;
  await store.db.conversation.create({ data: { conversationId: BOARD_CHANNEL, kind: 'CHANNEL', serviceUrl: 'https://smba.example/', reference: {} } });
  await store.db.plan.update({ where: { id: planId }, data: { boardChannelId: BOARD_CHANNEL } });
});
afterAll(() => store.drop());

/** 08:00 in England on a day (BST in these months). */
const at = (date: string, time = '07:00') => new Date(`${date}T${time}:00Z`);
const person = (email: string) => store.db.person.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
const outbox = (kind: string) => store.db.outboxMessage.findMany({ where: { kind }, orderBy: { seq: 'asc' } });

describe('the weekly digest', () => {
  it('of a plan of 200 milestones, all slipping and all changed this week, stays a readable card that points to the pack', async () => {
    const milestones: Rows = [MILESTONE_HEADERS];
    const updates: Rows = [['Ref', 'Date', 'Status', 'Working well', 'Worried about', 'Needs to happen', 'Revised due', 'Evidence', 'By']];
    for (let i = 1; i <= 200; i += 1) {
      const ref = `${1 + (i % 5)}.${i}`;
      milestones.push([1 + (i % 5), `Priority ${1 + (i % 5)}`, ref, `Milestone ${i}: every child in need has a plan reviewed on time, with the child's voice recorded.`, 'Audit shows it', 'Monthly board', `owner${i % 20}@big.gov.uk`, '2019-01-01', '2019-04-30', 'on track', 'monthly']);
      updates.push([ref, '2019-05-16', 'significant slippage', '', 'Capacity', 'Agency staff', '2019-05-10', '', `owner${i % 20}@big.gov.uk`]);
    }
    const folder = writeCsvFolder({ Plan: [['Field', 'Value'], ['Name', 'Big plan'], ['Source', 'Ofsted ILACS']], Milestones: milestones, Updates: updates });
    const big = await testStore('digests-big');
    onTestFinished(() => big.drop());
    expect((await importPlan(big.db, folder, {})).ok).toBe(true);
    const result = await buildWeeklyDigest(big.db, {}, '2019-05-20');
    if (!result.ok) throw new Error(result.message);
    const v = result.view;
    expect(v.headline).toMatchObject({ onTrack: 0, total: 200 });
    expect(v.slippingTotal).toBe(200);
    expect(v.slipping).toHaveLength(DIGEST_LIST_LIMIT);
    expect(v.changes.statusChanges).toHaveLength(DIGEST_LIST_LIMIT);
    expect(v.changes.updatedCount).toBe(200);
    const card = renderDirectorDigestCard(v);
    const text = JSON.stringify(card);
    // Teams refuses a message over about 100 KB; this one has room to spare.
    expect(Buffer.byteLength(text)).toBeLessThan(40_000);
    expect(text).toContain(`and ${200 - DIGEST_LIST_LIMIT} more: see the full board pack`);
    // Every cut list says how much it left out: the changes (status changes and new flags) too.
    expect(text).toContain(`and ${v.changes.more} more: see the full board pack`);
    expect(v.changes.more).toBe(400 - 2 * DIGEST_LIST_LIMIT);
    expect(text).toContain('200 milestones updated this week');
  });

  it('compares the plan with a week before: the May updates of the demo plan', async () => {
    const result = await buildWeeklyDigest(store.db, {}, '2019-05-20');
    if (!result.ok) throw new Error(result.message);
    const v = result.view;
    expect(v.headline).toMatchObject({ onTrack: 15, total: 22, percent: 68.2 });
    expect(v.headline.previousPercent).not.toBe(v.headline.percent);
    const changed = v.changes.statusChanges.map((c) => `${c.ref}: ${c.from} → ${c.to}`);
    expect(changed).toContain('1.5: ON TRACK → SLIGHT SLIPPAGE');
    expect(changed).toContain('2.2: SLIGHT SLIPPAGE → ON TRACK');
    expect(v.changes.updatedCount).toBeGreaterThan(0);
    expect(v.slippingTotal).toBe(v.slipping.length);
    expect(v.slipping.map((s) => s.ref)).toContain('4.1');
  });

  it('counts nothing recorded after its day', async () => {
    const result = await buildWeeklyDigest(store.db, {}, '2019-05-14');
    if (!result.ok) throw new Error(result.message);
    expect(result.view.changes.updatedCount).toBe(0);
    expect(result.view.changes.statusChanges).toEqual([]);
  });

  it('is queued once to each service director, however often the job runs', async () => {
    const first = await queueWeeklyDigest(store.db, planId, at('2019-05-20'), 'https://ib.example.gov.uk');
    const again = await queueWeeklyDigest(store.db, planId, at('2019-05-20', '09:00'), 'https://ib.example.gov.uk');
    expect(first).toMatch(/queued to 1 of 1 service directors/);
    expect(again).toMatch(/queued to 0 of 1/);
    const director = await person('service.director@demo.gov.uk');
    const sent = await outbox('digest');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ recipientKey: `person:${director.id}`, planId });
    expect((sent[0]!.payload as { view: { asOf: string } }).view.asOf).toBe('2019-05-20');
  });
});

/** Runs `work` while the plan's board channel is unset, or the bot has left it. */
async function withoutBoardChannel(how: 'unset' | 'left', work: () => Promise<void>) {
  if (how === 'unset') await store.db.plan.update({ where: { id: planId }, data: { boardChannelId: null } });
  else await store.db.conversation.update({ where: { conversationId: BOARD_CHANNEL }, data: { active: false } });
  try {
    await work();
  } finally {
    await store.db.plan.update({ where: { id: planId }, data: { boardChannelId: BOARD_CHANNEL } });
    await store.db.conversation.update({ where: { conversationId: BOARD_CHANNEL }, data: { active: true } });
  }
}

describe('without a board channel', () => {
  for (const how of ['unset', 'left'] as const) {
    it(`raises no alert and builds no pack, and says how to choose one (channel ${how})`, async () => {
      await withoutBoardChannel(how, async () => {
        expect(await sweepSlippage(store.db, planId, at('2019-05-31'))).toMatch(/^no alerts raised: the plan has no board channel .*types "board channel"/);
        expect(await postBoardPack(store.db, planId, { cycle: '2019-06', boardDate: '2019-06-27', now: at('2019-06-24'), publicUrl: null })).toMatch(/^board pack for 2019-06 not built: the plan has no board channel/);
      });
      expect(await store.db.slippageAlert.count()).toBe(0);
      expect(await store.db.boardPack.count()).toBe(0);
      expect(await store.db.outboxMessage.count({ where: { kind: { in: ['alert', 'board-pack'] } } })).toBe(0);
    });
  }
});

describe('slippage alerts to the board channel', () => {
  it('raises each overdue, worsened-to-significant or contradicted milestone once, and again only after it clears and recurs', async () => {
    const first = await sweepSlippage(store.db, planId, at('2019-05-31'));
    const raised = await store.db.slippageAlert.findMany({ include: { milestone: { select: { ref: true } } } });
    const keys = raised.map((a) => `${a.milestone.ref}:${a.flag}`).sort();
    // 1.1, 1.2 and 1.7 report ON TRACK while their linked re-referrals KPI has been red for two months.
    expect(keys).toEqual([
      '1.1:contradicted', '1.2:contradicted', '1.7:contradicted', '3.3:contradicted', '3.3:overdue',
      '4.1:contradicted', '4.1:overdue', '5.1:overdue', '6.1:contradicted', '6.1:overdue',
    ]);
    expect(first).toMatch(/^10 alerts raised, 0 cleared/);
    // One message to the board channel for the sweep, listing all ten, the worst first.
    const posted = await outbox('alert');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.recipientKey).toBe(`channel:${planId}`);
    const view = (posted[0]!.payload as { view: SlippageAlertView }).view;
    expect(view.total).toBe(10);
    expect(view.alerts.map((a) => `${a.ref}:${a.flag}`).sort()).toEqual(keys);

    expect(await sweepSlippage(store.db, planId, at('2019-05-31', '15:00'))).toMatch(/^0 alerts raised, 0 cleared/);
    // 6.2 was due on 31 May: overdue from the next day, raised once.
    expect(await sweepSlippage(store.db, planId, at('2019-06-03'))).toMatch(/^1 alerts raised, 0 cleared/);
    expect((await store.db.slippageAlert.findFirstOrThrow({ where: { milestone: { ref: '6.2' } } })).flag).toBe('overdue');

    // 5.1's owner moves its due date: no longer overdue, so the alert clears...
    const m51 = await store.db.milestone.findFirstOrThrow({ where: { ref: '5.1' } });
    await store.db.statusUpdate.create({ data: { milestoneId: m51.id, status: 'SLIGHT_SLIPPAGE', revisedDueDate: toStoredDate('2019-06-14'), recordedAt: at('2019-06-04', '10:00'), source: 'CLI', dedupeKey: 'test-5.1-revised' } });
    expect(await sweepSlippage(store.db, planId, at('2019-06-05'))).toMatch(/^0 alerts raised, 1 cleared/);
    // ...and when the new date passes too, it is raised again, once.
    expect(await sweepSlippage(store.db, planId, at('2019-06-17'))).toMatch(/^1 alerts raised, 0 cleared/);
    expect(await sweepSlippage(store.db, planId, at('2019-06-18'))).toMatch(/^0 alerts raised/);
    const for51 = await store.db.slippageAlert.findMany({ where: { milestoneId: m51.id }, orderBy: { raisedAt: 'asc' } });
    expect(for51.map((a) => [a.flag, a.clearedAt !== null])).toEqual([['overdue', true], ['overdue', false]]);
    expect(for51[1]!.detail).toMatch(/14 June 2019/);
  });

  it('never has two open alerts for one milestone and flag, even when two sweeps race', async () => {
    await Promise.allSettled([sweepSlippage(store.db, planId, at('2019-06-19')), sweepSlippage(store.db, planId, at('2019-06-19'))]);
    const open = await store.db.slippageAlert.groupBy({ by: ['milestoneId', 'flag'], where: { clearedAt: null }, _count: { _all: true } });
    expect(open.every((g) => g._count._all === 1)).toBe(true);
  });
});

describe('chasing an owner from a digest', () => {
  it('sends the owner a check-in card at most once a day, and only for directors and administrators', async () => {
    const director = await person('service.director@demo.gov.uk');
    const owner = await person('head.of.gateway@demo.gov.uk');
    const m = await store.db.milestone.findFirstOrThrow({ where: { ref: '1.2' } });
    expect(await chaseOwner(store.db, director, m.id, at('2019-06-03', '09:00'))).toMatchObject({ ok: true, message: expect.stringMatching(/^I've asked .+ for an update on 1\.2\.$/) });
    expect(await chaseOwner(store.db, director, m.id, at('2019-06-03', '15:00'))).toMatchObject({ ok: true, message: expect.stringMatching(/already been chased about 1\.2 today \(3 June 2019\)/) });
    expect(await chaseOwner(store.db, director, m.id, at('2019-06-04', '09:00'))).toMatchObject({ ok: true, message: expect.stringMatching(/^I've asked/) });
    expect(await chaseOwner(store.db, owner, m.id, at('2019-06-05', '09:00'))).toMatchObject({ ok: false, message: expect.stringMatching(/Only the plan's service directors and administrators/) });
    const chases = await store.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `chase:${m.id}:` } } });
    expect(chases.map((c) => c.recipientKey)).toEqual([`person:${owner.id}`, `person:${owner.id}`]);
    expect(chases.every((c) => (c.payload as { type: string }).type === 'prompt')).toBe(true);
  });

  it('asks the delegate while the owner is away, and sends nothing when an away owner has none', async () => {
    const director = await person('service.director@demo.gov.uk');
    const owner = await person('head.of.gateway@demo.gov.uk');
    const delegate = await person('head.of.referral.assessment@demo.gov.uk');
    const m = await store.db.milestone.findFirstOrThrow({ where: { ref: '1.3' } });
    expect(m.ownerId).toBe(owner.id);
    await store.db.person.update({ where: { id: owner.id }, data: { awayUntil: toStoredDate('2019-06-14') } });
    try {
      const refused = await chaseOwner(store.db, director, m.id, at('2019-06-10'));
      expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/is away until 14 June 2019 and has no delegate for 1\.3\. Nothing was sent\./) });
      expect(await store.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `chase:${m.id}:` } } })).toBe(0);

      await store.db.delegation.create({ data: { milestoneId: m.id, delegateId: delegate.id, grantedById: owner.id } });
      expect(await chaseOwner(store.db, director, m.id, at('2019-06-11'))).toMatchObject({ ok: true, message: expect.stringMatching(/is away, so I've asked their delegate .+ for an update on 1\.3\./) });
      // Back from leave: the owner is asked again.
      expect(await chaseOwner(store.db, director, m.id, at('2019-06-17'))).toMatchObject({ ok: true, message: expect.stringMatching(/^I've asked .+ for an update on 1\.3\.$/) });
      const chases = await store.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `chase:${m.id}:` } }, orderBy: { seq: 'asc' } });
      expect(chases.map((c) => c.recipientKey)).toEqual([`person:${delegate.id}`, `person:${owner.id}`]);
    } finally {
      await store.db.person.update({ where: { id: owner.id }, data: { awayUntil: null } });
    }
  });
});

describe('the board pack job', () => {
  it('keeps the pack built for a board and posts its card to the board channel once', async () => {
    const detail = await postBoardPack(store.db, planId, { cycle: '2019-06', boardDate: '2019-06-27', now: at('2019-06-24', '08:00'), publicUrl: 'https://ib.example.gov.uk' });
    expect(detail).toMatch(/board pack for 2019-06 built/);
    expect(await postBoardPack(store.db, planId, { cycle: '2019-06', boardDate: '2019-06-27', now: at('2019-06-24', '09:00'), publicUrl: null })).toMatch(/already built/);
    const packs = await store.db.boardPack.findMany({ where: { planId } });
    expect(packs).toHaveLength(1);
    const posted = await outbox('board-pack');
    expect(posted).toHaveLength(1);
    const view = (posted[0]!.payload as { view: { url: string; summary: { total: number }; boardDate: string } }).view;
    expect(view).toMatchObject({ boardDate: '2019-06-27', summary: { total: 22 }, url: `https://ib.example.gov.uk/board-packs/${packs[0]!.token}` });
    const stored = await findBoardPack(store.db, packs[0]!.token);
    expect(Buffer.from(stored!.content).subarray(0, 2).toString()).toBe('PK');
    expect(await findBoardPack(store.db, 'not-a-real-token-at-all-00000')).toBeNull();
  });
});
