import { describe, expect, it } from 'vitest';
import { alertChanges, alertFlagsOf, type AlertKey, type FlaggedMilestone } from '../../domain/slippage-alerts.js';

const m = (id: string, status: string, flags: string[]): FlaggedMilestone => ({ id, status, flags });

describe('which flags are alerted', () => {
  it('alerts overdue and contradicted, and worsened only when it is now SIGNIFICANT SLIPPAGE', () => {
    expect(alertFlagsOf(m('1', 'ON TRACK', ['overdue', 'contradicted', 'stale']))).toEqual(['overdue', 'contradicted']);
    expect(alertFlagsOf(m('2', 'SLIGHT SLIPPAGE', ['worsened']))).toEqual([]);
    expect(alertFlagsOf(m('3', 'SIGNIFICANT SLIPPAGE', ['worsened']))).toEqual(['worsened']);
    expect(alertFlagsOf(m('4', 'ON TRACK', ['date-moved', 'update-missing', 'unevidenced', 'not-started']))).toEqual([]);
  });
});

describe('the no-repeat rule', () => {
  /** Runs the sweep over a series of days, keeping open alerts as the service does; returns what each day raised. */
  function sweepDays(days: FlaggedMilestone[][]): string[][] {
    let open: AlertKey[] = [];
    return days.map((milestones) => {
      const { raise, clear } = alertChanges(milestones, open);
      open = [...open.filter((o) => !clear.some((c) => c.milestoneId === o.milestoneId && c.flag === o.flag)), ...raise];
      return raise.map((r) => `${r.milestoneId}:${r.flag}`);
    });
  }

  it('raises once while the flag holds, again only after it clears and recurs', () => {
    const raised = sweepDays([
      [m('2.1', 'ON TRACK', [])],
      [m('2.1', 'SLIGHT SLIPPAGE', ['overdue'])],
      [m('2.1', 'SLIGHT SLIPPAGE', ['overdue'])],
      [m('2.1', 'SLIGHT SLIPPAGE', ['overdue', 'stale'])],
      [m('2.1', 'ON TRACK', [])],
      [m('2.1', 'SLIGHT SLIPPAGE', ['overdue'])],
    ]);
    expect(raised).toEqual([[], ['2.1:overdue'], [], [], [], ['2.1:overdue']]);
  });

  it('treats each flag of a milestone on its own, and a jump from ON TRACK straight to SIGNIFICANT as worsened', () => {
    const raised = sweepDays([
      [m('3.1', 'ON TRACK', ['overdue', 'contradicted'])],
      [m('3.1', 'SIGNIFICANT SLIPPAGE', ['overdue', 'worsened'])],
      [m('3.1', 'SIGNIFICANT SLIPPAGE', ['overdue'])],
    ]);
    expect(raised).toEqual([['3.1:overdue', '3.1:contradicted'], ['3.1:worsened'], []]);
  });

  it('clears open alerts of milestones no longer in the plan', () => {
    const { clear } = alertChanges([], [{ milestoneId: 'gone', flag: 'overdue' }]);
    expect(clear).toEqual([{ milestoneId: 'gone', flag: 'overdue' }]);
  });
});
