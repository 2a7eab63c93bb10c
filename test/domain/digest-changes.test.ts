import { describe, expect, it } from 'vitest';
import { describeTrend, digestChanges, type PlanSnapshot } from '../../domain/digest-changes.js';

type M = PlanSnapshot['milestones'][number];
const m = (id: string, status: string, flags: string[] = [], lastUpdate: string | null = null): M => ({ id, ref: id, title: `Milestone ${id}`, status, flags, lastUpdate });
const kpi = (name: string, rag: 'green' | 'amber' | 'red' | null) => ({ name, unit: '%', period: '2019-03', value: 30, target: 25, rag });

const lastWeek: PlanSnapshot = {
  asOf: '2019-05-24',
  percentOnTrack: 72.7,
  milestones: [m('1.1', 'ON TRACK'), m('1.2', 'SLIGHT SLIPPAGE', ['stale']), m('1.3', 'ON TRACK', ['overdue'], '2019-05-01'), m('1.4', 'ON TRACK')],
  kpis: [kpi('Re-referrals', 'amber'), kpi('Visits in time', 'red'), kpi('Assessments', null)],
};
const thisWeek: PlanSnapshot = {
  asOf: '2019-05-31',
  percentOnTrack: 68.2,
  milestones: [
    m('1.1', 'SIGNIFICANT SLIPPAGE', ['worsened'], '2019-05-28'),
    m('1.2', 'SLIGHT SLIPPAGE', [], '2019-05-30'),
    m('1.3', 'ON TRACK', ['overdue', 'contradicted'], '2019-05-01'),
    m('1.4', 'ON TRACK', [], '2019-05-24'),
    m('1.5', 'NOT YET DUE', ['not-started']),
  ],
  kpis: [kpi('Re-referrals', 'red'), kpi('Visits in time', 'red'), kpi('Assessments', 'red')],
};

describe('what changed since last week', () => {
  const changes = digestChanges(lastWeek, thisWeek);

  it('lists status changes from and to', () => {
    expect(changes.statusChanges).toEqual([{ id: '1.1', ref: '1.1', title: 'Milestone 1.1', from: 'ON TRACK', to: 'SIGNIFICANT SLIPPAGE' }]);
  });

  it('lists only the flags gained, including those of milestones new since then', () => {
    expect(changes.newlyFlagged.map((f) => [f.ref, f.flags])).toEqual([['1.1', ['worsened']], ['1.3', ['contradicted']], ['1.5', ['not-started']]]);
  });

  it('lists milestones whose flags all cleared', () => {
    expect(changes.cleared.map((f) => [f.ref, f.flags])).toEqual([['1.2', ['stale']]]);
  });

  it('counts updates recorded after last week’s day, not on it', () => {
    expect(changes.updated.map((u) => u.ref)).toEqual(['1.1', '1.2']);
  });

  it('names KPIs that turned red, not those already red', () => {
    expect(changes.kpisTurnedRed.map((k) => k.name)).toEqual(['Re-referrals', 'Assessments']);
  });

  it('keeps last week’s percentage for the headline', () => {
    expect(changes.previousPercent).toBe(72.7);
    expect(digestChanges({ ...lastWeek, milestones: [] }, thisWeek).previousPercent).toBeNull();
  });
});

describe('the headline trend', () => {
  it('says down, up or unchanged', () => {
    expect(describeTrend(68.2, 72.7)).toBe('68.2%, down from 72.7%');
    expect(describeTrend(72.7, 68.2)).toBe('72.7%, up from 68.2%');
    expect(describeTrend(68.2, 68.2)).toBe('68.2%, unchanged from last week');
    expect(describeTrend(68.2, null)).toBe('68.2%');
  });
});
