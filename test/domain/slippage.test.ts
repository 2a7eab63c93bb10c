import { describe, expect, it } from 'vitest';
import { positionAsOf } from '../../domain/as-of.js';
import { parseBoardRule } from '../../domain/board-dates.js';
import type { IsoDate } from '../../domain/calendar-date.js';
import type { MilestoneStatus } from '../../domain/milestone-status.js';
import {
  assessSlippage, comparisonPoint, promptTimeline, redInLastTwoPeriods, SLIPPAGE_FLAGS,
  type Slippage, type SlippageFacts,
} from '../../domain/slippage.js';
import { explainSlippage } from '../../domain/slippage-notes.js';
import { isAlertWorthy, slippingBySeverity, type AssessedMilestone } from '../../domain/slippage-severity.js';
import { workingCalendar } from '../../domain/working-days.js';

const AS_OF = '2019-05-31';

/** A milestone with nothing wrong on 31 May 2019; each test changes what it is about. */
function facts(overrides: Partial<SlippageFacts> = {}): SlippageFacts {
  return {
    status: 'ON_TRACK', cadence: 'MONTHLY', startDate: '2019-01-01', plannedDueDate: '2019-12-31', dueDate: '2019-12-31',
    lastUpdate: '2019-05-15', earlier: { status: 'ON_TRACK', on: '2019-04-25', board: true }, dueDateMoves: 0, prompt: null,
    hasEvidence: true, redKpis: [], ...overrides,
  };
}

/** The same status now as at the comparison point, so nothing has worsened. */
const steady = (status: MilestoneStatus, overrides: Partial<SlippageFacts> = {}) =>
  facts({ status, earlier: { status, on: '2019-04-25', board: true }, ...overrides });

const flagsOf = (f: SlippageFacts, asOf: IsoDate = AS_OF) => assessSlippage(f, asOf).map((s) => s.flag);
const noteOf = (f: SlippageFacts, flag: string, asOf: IsoDate = AS_OF) => {
  const found = assessSlippage(f, asOf).find((s) => s.flag === flag);
  return found ? explainSlippage(found) : undefined;
};

describe('a milestone with nothing wrong', () => {
  it('has no flags', () => {
    expect(flagsOf(facts())).toEqual([]);
  });
});

describe('overdue', () => {
  it('the due date in force has passed and it is not COMPLETE: "due 31 March 2019, 61 days ago"', () => {
    const f = steady('SLIGHT_SLIPPAGE', { plannedDueDate: '2019-03-31', dueDate: '2019-03-31' });
    expect(flagsOf(f)).toEqual(['overdue']);
    expect(noteOf(f, 'overdue')).toBe('due 31 March 2019, 61 days ago');
    expect(flagsOf(f, '2019-04-01')).toEqual(['overdue']);
    expect(noteOf(f, 'overdue', '2019-04-01')).toBe('due 31 March 2019, 1 day ago');
  });

  it('is not overdue on its due date itself, nor once COMPLETE', () => {
    expect(flagsOf(facts({ dueDate: AS_OF }))).toEqual([]);
    expect(flagsOf(facts({ status: 'COMPLETE', dueDate: '2019-03-31' }))).toEqual([]);
  });

  it('follows revisions: a revision recorded before the date makes it no longer overdue; the revised date can pass in turn', () => {
    const history = {
      initialStatus: 'ON_TRACK' as const, dueDate: '2019-03-31',
      updates: [{ status: 'SLIGHT_SLIPPAGE' as const, recordedAt: new Date('2019-03-25T10:00:00Z'), revisedDueDate: '2019-06-30' }],
    };
    const on = (asOf: IsoDate) => {
      const p = positionAsOf(history, asOf);
      return flagsOf(steady(p.status, { plannedDueDate: history.dueDate, dueDate: p.dueDate, dueDateMoves: p.dueDate === history.dueDate ? 0 : 1, lastUpdate: asOf }), asOf);
    };
    expect(on('2019-03-24')).toEqual([]);
    expect(on('2019-04-15')).toEqual(['date-moved']);
    expect(on('2019-07-05')).toEqual(['overdue', 'date-moved']);
  });
});

describe('update-missing', () => {
  const calendar = workingCalendar(['2019-05-20']);
  const sentAt = new Date('2019-05-16T08:00:00Z'); // Thursday 16 May 2019, 09:00 in England

  it('the deadline is the day the chase job reminds: N working days after the prompt, skipping weekends, bank holidays and closures', () => {
    expect(promptTimeline(sentAt, 3, workingCalendar())).toEqual({ askedOn: '2019-05-16', deadline: '2019-05-21', answerBy: new Date('2019-05-21T23:00:00Z') });
    expect(promptTimeline(sentAt, 3, calendar).deadline).toBe('2019-05-22');
    expect(promptTimeline(new Date('2019-05-23T08:00:00Z'), 3, workingCalendar()).deadline).toBe('2019-05-29'); // over the Spring bank holiday
    expect(promptTimeline(new Date('2019-12-19T23:30:00Z'), 3, workingCalendar())).toMatchObject({ askedOn: '2019-12-19', deadline: '2019-12-24' }); // GMT: still the 19th
    expect(promptTimeline(new Date('2019-05-16T23:30:00Z'), 3, workingCalendar())).toMatchObject({ askedOn: '2019-05-17', deadline: '2019-05-22' }); // BST: already the 17th
  });

  const prompt = (firstUpdateAt: Date | null) => ({ cycle: '2019-05', firstUpdateAt, ...promptTimeline(sentAt, 3, workingCalendar()) });

  it('holds once the deadline day is over with no update since the prompt: "asked for the May 2019 update on 16 May 2019, none came by 21 May 2019"', () => {
    const f = facts({ prompt: prompt(null) });
    expect(flagsOf(f, '2019-05-20')).toEqual([]);
    expect(flagsOf(f, '2019-05-21')).toEqual(['update-missing']);
    expect(noteOf(f, 'update-missing')).toBe('asked for the May 2019 update on 16 May 2019, none came by 21 May 2019');
  });

  it('an update by the end of the deadline day answers it; one after the deadline is late and the flag stays for the cycle', () => {
    expect(flagsOf(facts({ prompt: prompt(new Date('2019-05-21T18:30:00Z')) }))).toEqual([]); // 19:30 in England, still 21 May
    expect(flagsOf(facts({ prompt: prompt(new Date('2019-05-21T23:30:00Z')) }))).toEqual(['update-missing']); // 22 May in England
  });

  it('a COMPLETE milestone is never chased', () => {
    expect(flagsOf(facts({ status: 'COMPLETE', prompt: prompt(null) }))).toEqual([]);
  });
});

describe('stale', () => {
  it('monthly: more than 35 days since the last update', () => {
    expect(flagsOf(facts({ lastUpdate: '2019-04-26' }))).toEqual([]); // 35 days
    const f = facts({ lastUpdate: '2019-04-25' });
    expect(flagsOf(f)).toEqual(['stale']);
    expect(noteOf(f, 'stale')).toBe('no update for 36 days, since 25 April 2019 (a monthly milestone allows 35 days)');
  });

  it('quarterly: stale at more than 100 days, not at 36 or at 100', () => {
    expect(flagsOf(facts({ cadence: 'QUARTERLY', lastUpdate: '2019-04-25' }))).toEqual([]);
    expect(flagsOf(facts({ cadence: 'QUARTERLY', lastUpdate: '2019-02-20' }))).toEqual([]); // 100 days
    expect(flagsOf(facts({ cadence: 'QUARTERLY', lastUpdate: '2019-02-19' }))).toEqual(['stale']); // 101 days
  });

  it('counts from the start date when there is no update; without either it is not stale', () => {
    const f = facts({ lastUpdate: null, startDate: '2019-01-01' });
    expect(flagsOf(f)).toEqual(['stale']);
    expect(noteOf(f, 'stale')).toBe('no update in the 150 days since it started on 1 January 2019 (a monthly milestone allows 35 days)');
    expect(flagsOf(facts({ lastUpdate: null, startDate: '2019-05-01' }))).toEqual([]);
    expect(flagsOf(facts({ lastUpdate: null, startDate: null }))).toEqual([]);
  });

  it('not for COMPLETE or NOT YET DUE', () => {
    expect(flagsOf(facts({ status: 'COMPLETE', lastUpdate: '2018-12-01' }))).toEqual([]);
    expect(flagsOf(facts({ status: 'NOT_YET_DUE', lastUpdate: '2018-12-01', startDate: '2019-07-01' }))).toEqual([]);
  });
});

describe('worsened', () => {
  const rule = { rule: parseBoardRule('last working Thursday')!, dates: [] };
  const calendar = workingCalendar();

  it('compares with the previous board meeting strictly before the date, from the rule or the list', () => {
    expect(comparisonPoint('2019-05-20', rule, calendar)).toEqual({ on: '2019-04-25', board: true });
    expect(comparisonPoint('2019-05-30', rule, calendar)).toEqual({ on: '2019-04-25', board: true }); // the board's own day
    expect(comparisonPoint('2019-05-31', rule, calendar)).toEqual({ on: '2019-05-30', board: true });
    expect(comparisonPoint('2019-05-31', { ...rule, dates: ['2019-03-14', '2019-06-13'] }, calendar)).toEqual({ on: '2019-03-14', board: true });
  });

  it('without a board meeting before the date, compares with 28 days before', () => {
    expect(comparisonPoint('2019-05-31', { ...rule, dates: ['2019-06-13'] }, calendar)).toEqual({ on: '2019-05-03', board: false });
    expect(comparisonPoint('2019-05-31', { ...rule, dates: ['2018-01-11'] }, calendar)).toEqual({ on: '2019-05-03', board: false });
  });

  const worse = (from: MilestoneStatus, to: MilestoneStatus, board = true) =>
    facts({ status: to, earlier: { status: from, on: board ? '2019-04-25' : '2019-05-03', board } });

  it('SLIGHT to SIGNIFICANT: "SLIGHT SLIPPAGE at the board on 25 April 2019, now SIGNIFICANT SLIPPAGE"', () => {
    const f = worse('SLIGHT_SLIPPAGE', 'SIGNIFICANT_SLIPPAGE');
    expect(assessSlippage(f, AS_OF)).toEqual([{ flag: 'worsened', from: 'SLIGHT_SLIPPAGE', to: 'SIGNIFICANT_SLIPPAGE', since: '2019-04-25', atBoard: true }]);
    expect(noteOf(f, 'worsened')).toBe('SLIGHT SLIPPAGE at the board on 25 April 2019, now SIGNIFICANT SLIPPAGE');
    expect(noteOf(worse('SLIGHT_SLIPPAGE', 'SIGNIFICANT_SLIPPAGE', false), 'worsened')).toBe('SLIGHT SLIPPAGE on 3 May 2019, now SIGNIFICANT SLIPPAGE');
  });

  it('a jump from ON TRACK straight to SIGNIFICANT SLIPPAGE is worsened to SIGNIFICANT (the board is alerted); to SLIGHT it is not alert-worthy', () => {
    const jump = assessSlippage(worse('ON_TRACK', 'SIGNIFICANT_SLIPPAGE'), AS_OF);
    expect(jump).toEqual([expect.objectContaining({ flag: 'worsened', from: 'ON_TRACK', to: 'SIGNIFICANT_SLIPPAGE' })]);
    expect(isAlertWorthy({ status: 'SIGNIFICANT_SLIPPAGE', slippages: jump })).toBe(true);
    const slight = assessSlippage(worse('ON_TRACK', 'SLIGHT_SLIPPAGE'), AS_OF);
    expect(slight.map((s) => s.flag)).toEqual(['worsened']);
    expect(isAlertWorthy({ status: 'SLIGHT_SLIPPAGE', slippages: slight })).toBe(false);
  });

  it('orders ON TRACK < SLIGHT < SIGNIFICANT; NOT YET DUE and COMPLETE are not slipping', () => {
    expect(flagsOf(worse('SIGNIFICANT_SLIPPAGE', 'SLIGHT_SLIPPAGE'))).toEqual([]);
    expect(flagsOf(worse('SLIGHT_SLIPPAGE', 'SLIGHT_SLIPPAGE'))).toEqual([]);
    expect(flagsOf(worse('NOT_YET_DUE', 'SLIGHT_SLIPPAGE'))).toEqual(['worsened']);
    expect(flagsOf(worse('SLIGHT_SLIPPAGE', 'COMPLETE'))).toEqual([]);
    expect(flagsOf({ ...worse('ON_TRACK', 'NOT_YET_DUE'), startDate: '2019-07-01' })).toEqual([]);
  });
});

describe('date-moved', () => {
  it('says how many times and by how much in all: "moved twice, 92 days later in all"', () => {
    const f = facts({ plannedDueDate: '2019-03-31', dueDate: '2019-07-01', dueDateMoves: 2 });
    expect(assessSlippage(f, AS_OF)).toEqual([{ flag: 'date-moved', times: 2, totalDays: 92, dueDate: '2019-07-01' }]);
    expect(noteOf(f, 'date-moved')).toBe('moved twice, 92 days later in all');
    expect(noteOf(facts({ plannedDueDate: '2019-12-31', dueDate: '2019-12-21', dueDateMoves: 1 }), 'date-moved')).toBe('moved once, 10 days earlier');
    expect(noteOf(facts({ dueDateMoves: 3 }), 'date-moved')).toBe('moved 3 times, back to the planned date');
    expect(noteOf(facts({ plannedDueDate: null, dueDate: '2019-06-30', dueDateMoves: 1 }), 'date-moved')).toBe('moved once, now due 30 June 2019');
  });

  it('not without a move', () => {
    expect(flagsOf(facts({ dueDateMoves: 0 }))).toEqual([]);
  });
});

describe('not-started', () => {
  it('its start date is before the date and it is still NOT YET DUE', () => {
    const f = facts({ status: 'NOT_YET_DUE', startDate: '2019-04-01' });
    expect(flagsOf(f)).toEqual(['not-started']);
    expect(noteOf(f, 'not-started')).toBe('was to start on 1 April 2019, 60 days ago, and is still NOT YET DUE');
  });

  it('not before or on the start date, nor once it reports any other status', () => {
    expect(flagsOf(facts({ status: 'NOT_YET_DUE', startDate: '2019-07-01' }))).toEqual([]);
    expect(flagsOf(facts({ status: 'NOT_YET_DUE', startDate: AS_OF }))).toEqual([]);
    expect(flagsOf(facts({ status: 'ON_TRACK', startDate: '2019-04-01' }))).toEqual([]);
  });
});

describe('contradicted', () => {
  const reReferrals = { polarity: 'LOWER_IS_BETTER' as const, target: 25, tolerance: 0.15, monitorOnly: false };

  it('a linked KPI red in its last two periods known; red only once is not enough; figures count from the end of their month', () => {
    expect(redInLastTwoPeriods(reReferrals, [{ period: '2019-02', value: 32.6 }, { period: '2019-03', value: 32.4 }], AS_OF)).toEqual(['2019-02', '2019-03']);
    expect(redInLastTwoPeriods(reReferrals, [{ period: '2019-02', value: 27 }, { period: '2019-03', value: 32.4 }], AS_OF)).toBeNull();
    const figures = [{ period: '2019-04', value: 33 }, { period: '2019-02', value: 27 }, { period: '2019-03', value: 32 }];
    expect(redInLastTwoPeriods(reReferrals, figures, '2019-04-29')).toBeNull(); // April not known yet: February (amber) and March
    expect(redInLastTwoPeriods(reReferrals, figures, '2019-04-30')).toEqual(['2019-03', '2019-04']);
    expect(redInLastTwoPeriods(reReferrals, [{ period: '2019-03', value: 40 }], AS_OF)).toBeNull();
    expect(redInLastTwoPeriods({ ...reReferrals, monitorOnly: true, target: null }, [{ period: '2019-02', value: 40 }, { period: '2019-03', value: 40 }], AS_OF)).toBeNull();
  });

  it('ON TRACK while a linked KPI has been red twice', () => {
    const f = facts({ redKpis: [{ name: 'Re-referrals within 12 months', periods: ['2019-02', '2019-03'] }] });
    expect(flagsOf(f)).toEqual(['contradicted']);
    expect(noteOf(f, 'contradicted')).toBe('reported ON TRACK, but Re-referrals within 12 months red in February 2019 and March 2019');
    expect(flagsOf(steady('SLIGHT_SLIPPAGE', { redKpis: f.redKpis }))).toEqual([]);
  });

  it('ON TRACK while overdue', () => {
    const f = facts({ dueDate: '2019-03-31', plannedDueDate: '2019-03-31' });
    expect(flagsOf(f)).toEqual(['overdue', 'contradicted']);
    expect(noteOf(f, 'contradicted')).toBe('reported ON TRACK, but overdue');
  });
});

describe('unevidenced', () => {
  it('COMPLETE with no evidence attached; not with evidence, nor before it is COMPLETE', () => {
    const f = facts({ status: 'COMPLETE', hasEvidence: false });
    expect(flagsOf(f)).toEqual(['unevidenced']);
    expect(noteOf(f, 'unevidenced')).toBe('COMPLETE, but no evidence has been attached');
    expect(flagsOf(facts({ status: 'COMPLETE', hasEvidence: true }))).toEqual([]);
    expect(flagsOf(facts({ status: 'ON_TRACK', hasEvidence: false }))).toEqual([]);
  });
});

describe('flags together', () => {
  it('are listed in the fixed order', () => {
    const f = facts({
      dueDate: '2019-04-30', plannedDueDate: '2019-03-31', dueDateMoves: 1, lastUpdate: '2019-04-01',
      earlier: { status: 'NOT_YET_DUE', on: '2019-04-25', board: true },
      prompt: { cycle: '2019-05', firstUpdateAt: null, ...promptTimeline(new Date('2019-05-16T08:00:00Z'), 3, workingCalendar()) },
      redKpis: [{ name: 'KPI', periods: ['2019-02', '2019-03'] }],
    });
    expect(flagsOf(f)).toEqual(['overdue', 'update-missing', 'stale', 'date-moved', 'contradicted']);
    expect(SLIPPAGE_FLAGS).toEqual(['overdue', 'update-missing', 'stale', 'worsened', 'date-moved', 'not-started', 'contradicted', 'unevidenced']);
  });
});

describe('severity', () => {
  const m = (name: string, status: MilestoneStatus, slippages: Slippage[]) => ({ name, status, slippages });
  const overdue = (daysLate: number): Slippage => ({ flag: 'overdue', dueDate: '2019-01-01', daysLate });
  const stale: Slippage = { flag: 'stale', since: '2019-01-01', sinceStart: false, days: 150, allowedDays: 35 };
  const contradicted: Slippage = { flag: 'contradicted', overdue: false, redKpis: [{ name: 'KPI', periods: ['2019-02', '2019-03'] }] };
  const toSignificant: Slippage = { flag: 'worsened', from: 'ON_TRACK', to: 'SIGNIFICANT_SLIPPAGE', since: '2019-04-25', atBoard: true };

  it('alerted flags first, then the worse status, then the longer overdue, then more flags, then the plan order; milestones without flags left out', () => {
    const list: (AssessedMilestone & { name: string })[] = [
      m('slight stale', 'SLIGHT_SLIPPAGE', [stale]),
      m('fine', 'ON_TRACK', []),
      m('on track contradicted', 'ON_TRACK', [contradicted]),
      m('slight overdue 10', 'SLIGHT_SLIPPAGE', [overdue(10)]),
      m('significant stale', 'SIGNIFICANT_SLIPPAGE', [stale]),
      m('jumped to significant', 'SIGNIFICANT_SLIPPAGE', [toSignificant]),
      m('slight overdue 40', 'SLIGHT_SLIPPAGE', [overdue(40)]),
      m('slight overdue 10 and stale', 'SLIGHT_SLIPPAGE', [overdue(10), stale]),
      m('another slight stale', 'SLIGHT_SLIPPAGE', [stale]),
    ];
    expect(slippingBySeverity(list).map((x) => x.name)).toEqual([
      'jumped to significant', 'slight overdue 40', 'slight overdue 10 and stale', 'slight overdue 10', 'on track contradicted',
      'significant stale', 'slight stale', 'another slight stale',
    ]);
  });
});
