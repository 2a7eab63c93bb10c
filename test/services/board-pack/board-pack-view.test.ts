import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generatePlan } from '../../../bench/generate-plan.js';
import { boardPackView, type BoardPackView } from '../../../services/board-pack/board-pack-view.js';
import { renderBoardPackMarkdown } from '../../../services/board-pack/render-markdown.js';
import { importPlan } from '../../../services/import/import-plan.js';
import { projectRoot } from '../../../services/project-root.js';
import { planStatus } from '../../../services/status/plan-status.js';
import { openStore } from '../../../services/store/database.js';
import { testStore, type TestStore } from '../../support/test-database.js';

const DEMO = "Children's Services Improvement Plan (demo)";

let store: TestStore;
beforeAll(async () => {
  store = await testStore('board-pack-view');
  const result = await importPlan(store.db, join(projectRoot(), 'demo/plan'), { source: 'DEMO' });
  expect(result.ok).toBe(true);
});
afterAll(() => store.drop());

async function viewAsOf(asOf: string, name = DEMO): Promise<BoardPackView> {
  const result = await boardPackView(store.db, { name }, asOf);
  if (!result.ok) throw new Error(result.message);
  return result.view;
}

const kpiNamed = (view: BoardPackView, name: string) => view.priorities.flatMap((p) => p.kpis).find((k) => k.name === name)!;

describe('the demo board pack as of 31 May 2019 (the May 2019 report)', () => {
  it('has the plan, the summary and six priorities with their 22 milestones in order', async () => {
    const view = await viewAsOf('2019-05-31');
    expect(view.plan).toEqual({ name: DEMO, organisation: 'Demo City Council', source: 'Ofsted ILACS' });
    expect(view.summary).toMatchObject({ total: 22, onTrack: 15, slightSlippage: 6, notYetDue: 1, percentOnTrack: 68.2 });
    expect(view.notYetDue).toEqual([expect.objectContaining({ ref: '1.4', start: '2019-07-01' })]);
    expect(view.priorities.map((p) => [p.number, p.title, p.milestones.length])).toEqual([
      [1, 'Strategy discussions', 7],
      [2, 'Written plans', 4],
      [3, 'Sufficiency of local placements', 3],
      [4, 'Supervision and management oversight', 3],
      [5, 'Care leavers', 3],
      [6, 'Auditing of casework', 2],
    ]);
    expect(view.priorities.flatMap((p) => p.milestones.map((m) => m.ref))).toEqual([
      '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '6.1', '6.2',
    ]);
    const p1 = view.priorities[0]!;
    expect(p1.aim).toMatch(/^We will raise the quality of strategy discussions/);
    expect(p1.counts).toMatchObject({ total: 7, onTrack: 4, slightSlippage: 2, notYetDue: 1 });
    expect(p1.milestones[0]).toMatchObject({ ref: '1.1', start: '2019-01-01', due: '2019-12-31', plannedDue: null, status: 'ON_TRACK', brag: 'Green' });
    expect(p1.milestones[0]!.impactEvidence).toMatch(/^KPIs show steady conversion rates/);
    expect(p1.milestones[0]!.monitoring).toMatch(/^Monthly KPI and audit review/);
    expect(p1.milestones.find((m) => m.ref === '1.5')).toMatchObject({ status: 'SLIGHT_SLIPPAGE', brag: 'Amber', lastUpdate: '2019-05-15' });
    expect(p1.milestones.find((m) => m.ref === '1.4')).toMatchObject({ status: 'NOT_YET_DUE', brag: 'Grey' });
  });

  it('shows KPIs for April 2018 to March 2019 with the RAG and direction of travel the report gives for March 2019', async () => {
    const view = await viewAsOf('2019-05-31');
    expect(view.kpiMonths).toEqual(['2018-04', '2018-05', '2018-06', '2018-07', '2018-08', '2018-09', '2018-10', '2018-11', '2018-12', '2019-01', '2019-02', '2019-03']);
    expect(view.priorities.map((p) => p.kpis.length)).toEqual([6, 2, 2, 0, 2, 0]);
    const reReferrals = kpiNamed(view, 'Re-referrals within 12 months');
    expect(reReferrals.figures.map((f) => f?.value)).toEqual([29.7, 30.9, 32.1, 32.7, 33.4, 33.3, 33.0, 33.1, 32.9, 33.0, 32.6, 32.4]);
    expect(reReferrals.figures.every((f) => f?.rag === 'red')).toBe(true);
    expect(reReferrals.latest).toEqual({ period: '2019-03', value: 32.4, rag: 'red', direction: 'improving' });
    expect(reReferrals).toMatchObject({ target: 25, polarity: 'LOWER_IS_BETTER', benchmark: { value: 23.9 } });

    const multiplePlans = kpiNamed(view, 'Children on multiple CP plans');
    // Target 23%, lower is better, amber within 15%: 36.8 red, 23.8 amber, 19.6 green.
    expect(multiplePlans.figures.slice(0, 4).map((f) => f?.rag)).toEqual(['red', 'amber', 'amber', 'green']);
    expect(multiplePlans.latest).toMatchObject({ value: 22.7, rag: 'green', direction: 'improving' });
    expect(kpiNamed(view, 'Long-term placement stability (2.5+ years)').latest).toMatchObject({ value: 66.1, rag: 'amber', direction: 'worsening' });
    expect(kpiNamed(view, 'Care leavers in suitable accommodation').latest).toMatchObject({ value: 94.3, rag: 'green', direction: 'worsening' });
    const leaversEet = kpiNamed(view, 'Care leavers in education, employment or training');
    // Target 65%, amber down to 55.25%.
    expect(leaversEet.figures[11]).toEqual({ value: 56.6, numerator: 129, denominator: 228, rag: 'amber' });

    const strategy = kpiNamed(view, 'Strategy discussions leading to s47');
    expect(strategy.target).toBeNull();
    expect(strategy.figures.every((f) => f !== null && f.rag === null)).toBe(true);
    expect(strategy.latest).toMatchObject({ value: 57.3, rag: null, direction: 'improving' });
    const noFigures = kpiNamed(view, 'Section 47 enquiries per 10,000');
    expect(noFigures.figures.every((f) => f === null)).toBe(true);
    expect(noFigures.latest).toBeNull();
  });

  it("groups the owners' latest answers by question, labelled with the milestone ref", async () => {
    const [p1, , , p4] = (await viewAsOf('2019-05-31')).priorities;
    expect(p1!.answers.workingWell.map((a) => a.ref)).toEqual(['1.1', '1.2', '1.3', '1.5', '1.6', '1.7']);
    expect(p1!.answers.workingWell[0]).toEqual({ ref: '1.1', date: '2019-05-15', text: expect.stringMatching(/^Review completed in January 2019 and repeated in March/) });
    expect(p1!.answers.worriedAbout.map((a) => a.ref)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7']);
    expect(p1!.answers.needsToHappen).toHaveLength(7);
    // 4.1's May update answers only the first question; its March answers are not brought forward.
    expect(p4!.answers.needsToHappen.map((a) => a.ref)).toEqual(['4.2', '4.3']);
    expect(p4!.answers.worriedAbout.map((a) => a.ref)).toEqual(['4.2', '4.3']);
  });
});

describe('nothing recorded after the day counts', () => {
  it('as of 31 March 2019: the March answers and statuses, KPIs to March', async () => {
    const view = await viewAsOf('2019-03-31');
    const [p1, p2] = view.priorities;
    expect(p1!.answers.workingWell).toEqual([
      { ref: '1.1', date: '2019-03-20', text: 'Gateway workflow review completed in January; repeat review under way.' },
      { ref: '1.5', date: '2019-03-20', text: 'Practice reflection seminar held with team managers on SMART actions.' },
    ]);
    expect(p2!.milestones.map((m) => m.status)).toEqual(['ON_TRACK', 'SLIGHT_SLIPPAGE', 'NOT_YET_DUE', 'NOT_YET_DUE']);
    expect(view.kpiMonths.at(-1)).toBe('2019-03');
  });

  it("as of 30 March 2019: March's KPI figures are not in yet", async () => {
    const view = await viewAsOf('2019-03-30');
    expect(view.kpiMonths[0]).toBe('2018-03');
    expect(view.kpiMonths.at(-1)).toBe('2019-02');
    const reReferrals = kpiNamed(view, 'Re-referrals within 12 months');
    expect(reReferrals.figures[0]).toBeNull();
    expect(reReferrals.latest).toMatchObject({ period: '2019-02', value: 32.6 });
  });

  it('before any update: no answers, every milestone at its plan status', async () => {
    const view = await viewAsOf('2019-03-19');
    expect(view.priorities.flatMap((p) => [...p.answers.workingWell, ...p.answers.worriedAbout, ...p.answers.needsToHappen])).toEqual([]);
    expect(view.priorities.flatMap((p) => p.milestones.map((m) => m.lastUpdate))).toEqual(Array(22).fill(null));
  });

  it("an update made at 00:30 on 1 June in England (23:30 UTC on 31 May) is not in the pack for 31 May", async () => {
    const milestone = await store.db.milestone.findFirstOrThrow({ where: { ref: '6.2', plan: { name: DEMO } } });
    await store.db.statusUpdate.create({
      data: {
        milestoneId: milestone.id, status: 'SIGNIFICANT_SLIPPAGE', worriedAbout: 'Platform launch has stalled.', recordedAt: new Date('2019-05-31T23:30:00Z'),
        source: 'CLI', dedupeKey: 'test:after-day',
      },
    });
    const may = await viewAsOf('2019-05-31');
    expect(may.priorities[5]!.milestones[1]).toMatchObject({ ref: '6.2', status: 'SLIGHT_SLIPPAGE' });
    expect(may.priorities[5]!.answers.worriedAbout.map((a) => a.text)).not.toContain('Platform launch has stalled.');
    const june = await viewAsOf('2019-06-01');
    expect(june.priorities[5]!.milestones[1]).toMatchObject({ ref: '6.2', status: 'SIGNIFICANT_SLIPPAGE', brag: 'Red' });
    expect(june.priorities[5]!.answers.worriedAbout).toContainEqual({ ref: '6.2', date: '2019-06-01', text: 'Platform launch has stalled.' });
  });
});

describe('KPIs tied to no priority', () => {
  it('are listed on their own, after the priorities', async () => {
    const plan = await store.db.plan.findUniqueOrThrow({ where: { name: DEMO } });
    await store.db.kpi.create({
      data: { planId: plan.id, name: 'Social worker turnover', unit: '%', polarity: 'LOWER_IS_BETTER', target: 15, values: { create: [{ period: '2019-02', value: 18 }, { period: '2019-03', value: 16.5 }] } },
    });
    const view = await viewAsOf('2019-05-31');
    expect(view.otherKpis.map((k) => [k.name, k.figures.at(-1)?.rag, k.latest?.direction])).toEqual([['Social worker turnover', 'amber', 'improving']]);
    expect(view.priorities.flatMap((p) => p.kpis.map((k) => k.name))).not.toContain('Social worker turnover');
    const markdown = renderBoardPackMarkdown(view);
    expect(markdown).toMatch(/## Other KPIs\n\n\| KPI \| Apr 2018 \|[^\n]*\n[^\n]*\n\| Social worker turnover \|/);
  });
});

describe('queries', () => {
  it("a fixed number of its own on top of the plan status's, whatever the plan size", async () => {
    // Over a thousand milestones: Prisma loads an included relation (a milestone's owner)
    // with an IN list it splits at about a thousand.
    await generatePlan(store.db, 'Large plan', { milestones: 1100, updates: 2000, kpis: 20, months: 24, people: 50 });
    let queries = 0;
    const counted = await openStore(store.target, { onQuery: () => (queries += 1) });
    try {
      const count = async (work: () => Promise<{ ok: boolean }>) => {
        queries = 0;
        expect((await work()).ok).toBe(true);
        return queries;
      };
      const ownQueries = async (name: string) =>
        (await count(() => boardPackView(counted.db, { name }, '2020-06-30'))) - (await count(() => planStatus(counted.db, { name }, '2020-06-30')));
      const small = await ownQueries(DEMO);
      expect(await ownQueries('Large plan')).toBe(small);
      expect(small).toBeLessThanOrEqual(10);
    } finally {
      await counted.close();
    }
  });

  it('an unknown plan is named in the answer', async () => {
    const result = await boardPackView(store.db, { name: 'No such plan' }, '2019-05-31');
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('There is no plan called "No such plan"') });
  });
});
