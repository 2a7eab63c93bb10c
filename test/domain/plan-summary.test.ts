import { describe, expect, it } from 'vitest';
import type { MilestoneStatus } from '../../domain/milestone-status.js';
import { bragColour, parseStatus, slippageRank, statusLabel } from '../../domain/milestone-status.js';
import { percentOf, summarise } from '../../domain/plan-summary.js';

const many = (n: number, s: MilestoneStatus) => Array<MilestoneStatus>(n).fill(s);

describe('plan summary', () => {
  it('the 22 milestones of the May 2019 report: 15 on track, 6 slight slippage, 1 not yet due, 68.2%', () => {
    expect(summarise([...many(15, 'ON_TRACK'), ...many(6, 'SLIGHT_SLIPPAGE'), 'NOT_YET_DUE'])).toEqual({
      total: 22, onTrack: 15, slightSlippage: 6, significantSlippage: 0, complete: 0, notYetDue: 1, percentOnTrack: 68.2,
    });
  });

  it('counts COMPLETE as on track; rounds to one decimal; nothing counted is 0%', () => {
    expect(summarise(['COMPLETE', 'ON_TRACK', 'SIGNIFICANT_SLIPPAGE']).percentOnTrack).toBe(66.7);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(summarise([]).percentOnTrack).toBe(0);
  });
});

describe('status words and BRAG colours', () => {
  it('maps each status to its colour and label', () => {
    expect(['ON_TRACK', 'SLIGHT_SLIPPAGE', 'SIGNIFICANT_SLIPPAGE', 'COMPLETE', 'NOT_YET_DUE'].map((s) => bragColour(s as MilestoneStatus))).toEqual([
      'Green', 'Amber', 'Red', 'Blue', 'Grey',
    ]);
    expect(statusLabel('SLIGHT_SLIPPAGE')).toBe('SLIGHT SLIPPAGE');
  });

  it('reads statuses as people write them', () => {
    expect(parseStatus('on track')).toBe('ON_TRACK');
    expect(parseStatus(' Slight_Slippage ')).toBe('SLIGHT_SLIPPAGE');
    expect(parseStatus('Amber')).toBe('SLIGHT_SLIPPAGE');
    expect(parseStatus('red')).toBe('SIGNIFICANT_SLIPPAGE');
    expect(parseStatus('Gray')).toBe('NOT_YET_DUE');
    expect(parseStatus('blue')).toBe('COMPLETE');
    expect(parseStatus('Purple')).toBeUndefined();
  });

  it('ranks slippage', () => {
    expect(slippageRank('SIGNIFICANT_SLIPPAGE')).toBeGreaterThan(slippageRank('SLIGHT_SLIPPAGE'));
    expect(slippageRank('SLIGHT_SLIPPAGE')).toBeGreaterThan(slippageRank('ON_TRACK'));
  });
});
