import { describe, expect, it } from 'vitest';
import { endOfLondonDay, positionAsOf } from '../../domain/as-of.js';
import { formatLongDate, londonDateOf, parseDateText, parsePeriod, periodEnd } from '../../domain/calendar-date.js';
import { kpiPositionAsOf } from '../../domain/kpi-position.js';
import { normaliseRef, refSortKey } from '../../domain/milestone-ref.js';
import { isOverdue, revisedDateProblem } from '../../domain/checkin-rules.js';

describe('dates as councils type them', () => {
  it.each([
    ['2019-05-31', '2019-05-31'], ['31/05/2019', '2019-05-31'], ['May 2019', '2019-05-31'],
    ['Feb 2020', '2020-02-29'], ['Sept 2019', '2019-09-30'], ['31/02/2019', undefined], ['2019-13-01', undefined],
    ['Mayday 2019', undefined], ['', undefined],
  ])('%s → %s', (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  it('writes dates out as 31 May 2019; KPI periods end on their last day', () => {
    expect(formatLongDate('2019-05-31')).toBe('31 May 2019');
    expect(parsePeriod('2019-3')).toBe('2019-03');
    expect(parsePeriod('2019-13')).toBeUndefined();
    expect(periodEnd('2019-02')).toBe('2019-02-28');
  });
});

describe('days in England', () => {
  it('knows which day it is in London, summer and winter', () => {
    expect(londonDateOf(new Date('2019-05-31T23:30:00Z'))).toBe('2019-06-01');
    expect(londonDateOf(new Date('2019-01-31T23:30:00Z'))).toBe('2019-01-31');
  });

  it('ends a day at London midnight, across the clock changes', () => {
    expect(endOfLondonDay('2019-05-31').toISOString()).toBe('2019-05-31T23:00:00.000Z');
    expect(endOfLondonDay('2019-01-31').toISOString()).toBe('2019-02-01T00:00:00.000Z');
    expect(endOfLondonDay('2019-03-30').toISOString()).toBe('2019-03-31T00:00:00.000Z'); // clocks go forward at 01:00 on the 31st
    expect(endOfLondonDay('2019-03-31').toISOString()).toBe('2019-03-31T23:00:00.000Z');
    expect(endOfLondonDay('2019-10-27').toISOString()).toBe('2019-10-28T00:00:00.000Z');
  });
});

describe('a milestone as of a date', () => {
  const at = (iso: string) => new Date(iso);
  const facts = {
    initialStatus: 'NOT_YET_DUE' as const,
    dueDate: '2019-12-31',
    updates: [
      { status: 'SIGNIFICANT_SLIPPAGE' as const, recordedAt: at('2019-06-10T09:00:00Z'), revisedDueDate: '2020-06-30' },
      { status: 'ON_TRACK' as const, recordedAt: at('2019-03-20T00:00:00Z'), revisedDueDate: null },
      { status: 'SLIGHT_SLIPPAGE' as const, recordedAt: at('2019-07-01T12:00:00Z'), revisedDueDate: null },
    ],
  };

  it('takes the latest update on or before the day, ignoring later ones', () => {
    expect(positionAsOf(facts, '2019-03-19').status).toBe('NOT_YET_DUE');
    expect(positionAsOf(facts, '2019-03-20').status).toBe('ON_TRACK');
    expect(positionAsOf(facts, '2019-06-10').status).toBe('SIGNIFICANT_SLIPPAGE');
    expect(positionAsOf(facts, '2019-07-01').status).toBe('SLIGHT_SLIPPAGE');
  });

  it('a revised due date replaces the due date from that update on', () => {
    expect(positionAsOf(facts, '2019-06-09').dueDate).toBe('2019-12-31');
    expect(positionAsOf(facts, '2019-06-10').dueDate).toBe('2020-06-30');
    expect(positionAsOf(facts, '2019-08-01').dueDate).toBe('2020-06-30');
  });

  it('an update late in the evening (BST) counts on its London day', () => {
    const late = { ...facts, updates: [{ status: 'COMPLETE' as const, recordedAt: at('2019-05-31T22:30:00Z'), revisedDueDate: null }] };
    expect(positionAsOf(late, '2019-05-31').status).toBe('COMPLETE');
    const afterMidnight = { ...facts, updates: [{ status: 'COMPLETE' as const, recordedAt: at('2019-05-31T23:30:00Z'), revisedDueDate: null }] };
    expect(positionAsOf(afterMidnight, '2019-05-31').status).toBe('NOT_YET_DUE');
  });
});

describe('a KPI as of a date', () => {
  const kpi = { polarity: 'LOWER_IS_BETTER' as const, target: 25, tolerance: 0.15, monitorOnly: false };
  const figures = [{ period: '2019-03', value: 32.4 }, { period: '2019-01', value: 33 }, { period: '2019-02', value: 32.6 }];
  it('counts a month’s figure from its last day', () => {
    expect(kpiPositionAsOf(kpi, figures, '2019-03-30')).toMatchObject({ period: '2019-02', value: 32.6, direction: 'improving' });
    expect(kpiPositionAsOf(kpi, figures, '2019-03-31')).toMatchObject({ period: '2019-03', value: 32.4, rag: 'red', direction: 'improving' });
    expect(kpiPositionAsOf(kpi, figures, '2018-12-31')).toMatchObject({ period: null, value: null, rag: null, direction: null });
  });
});

describe('milestone refs', () => {
  it('normalises refs and orders them by number', () => {
    expect(normaliseRef(' 2.10 ')).toBe('2.10');
    expect(normaliseRef('I.1')).toBe('1.1');
    expect(normaliseRef('IV.2')).toBe('4.2');
    expect(normaliseRef('1.4A')).toBe('1.4a');
    expect(normaliseRef('one')).toBeUndefined();
    expect(['2.1', '1.10', '1.2'].sort((a, b) => refSortKey(a).localeCompare(refSortKey(b)))).toEqual(['1.2', '1.10', '2.1']);
  });
});

describe('when a revised due date is required', () => {
  const today = '2026-11-23';
  it('for significant slippage, or when overdue and not complete', () => {
    expect(revisedDateProblem({ status: 'SIGNIFICANT_SLIPPAGE', revisedDueDate: null, dueDate: '2027-01-31', today })).toMatch(/significant slippage/);
    expect(revisedDateProblem({ status: 'ON_TRACK', revisedDueDate: null, dueDate: '2026-11-22', today })).toMatch(/due date has passed/);
    expect(revisedDateProblem({ status: 'COMPLETE', revisedDueDate: null, dueDate: '2026-11-22', today })).toBeUndefined();
    expect(revisedDateProblem({ status: 'ON_TRACK', revisedDueDate: null, dueDate: today, today })).toBeUndefined();
    expect(revisedDateProblem({ status: 'SLIGHT_SLIPPAGE', revisedDueDate: '2026-11-01', dueDate: '2026-10-01', today })).toMatch(/in the past/);
    expect(revisedDateProblem({ status: 'SLIGHT_SLIPPAGE', revisedDueDate: '2027-03-31', dueDate: '2026-10-01', today })).toBeUndefined();
    expect(isOverdue('2026-11-22', 'ON_TRACK', today)).toBe(true);
  });
});
