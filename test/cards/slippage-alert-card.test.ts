import { describe, expect, it } from 'vitest';
import { DIGEST_CHASE_VERB } from '../../cards/director-digest-card.js';
import { renderSlippageAlertCard } from '../../cards/slippage-alert-card.js';
import type { SlippageAlertItem, SlippageAlertView } from '../../services/messenger.js';
import { actions, allText } from './card-query.js';

const alert = (n: number, overrides: Partial<SlippageAlertItem> = {}): SlippageAlertItem => ({
  milestoneId: `m-${n}`, ref: `3.${n}`, title: 'Audit every step-down to early help', owner: 'Head of Early Help', status: 'SIGNIFICANT SLIPPAGE',
  flag: 'overdue', note: 'due 31 March 2019, 61 days ago', ...overrides,
});
const view = (alerts: SlippageAlertItem[], total = alerts.length): SlippageAlertView => ({ planName: 'Improvement Plan', raisedOn: '2019-05-02', alerts, total });

describe('the slippage alert card', () => {
  it('names the milestone, its owner, what changed and when', () => {
    const text = allText(renderSlippageAlertCard(view([alert(2, { flag: 'worsened', note: 'SLIGHT SLIPPAGE at the board on 25 April 2019, now SIGNIFICANT SLIPPAGE' })])));
    expect(text).toContain('Milestone 3.2 has worsened to SIGNIFICANT SLIPPAGE');
    expect(text).toContain('Owner: Head of Early Help');
    expect(text).toContain('SLIGHT SLIPPAGE at the board on 25 April 2019, now SIGNIFICANT SLIPPAGE');
    expect(text).toContain('2 May 2019');
  });

  it('words each alerted flag', () => {
    expect(allText(renderSlippageAlertCard(view([alert(2)])))).toContain('Milestone 3.2 is overdue');
    expect(allText(renderSlippageAlertCard(view([alert(2, { flag: 'contradicted' })])))).toContain('Milestone 3.2 reports ON TRACK against the facts');
  });

  it('offers to chase the owner of each milestone it names', () => {
    const card = renderSlippageAlertCard(view([alert(1), alert(2, { flag: 'contradicted' })]));
    expect(allText(card)).toContain('2 new slippage alerts');
    expect(actions(card).filter((a) => a.verb === DIGEST_CHASE_VERB).map((a) => a.data)).toEqual([
      { verb: DIGEST_CHASE_VERB, milestoneId: 'm-1' },
      { verb: DIGEST_CHASE_VERB, milestoneId: 'm-2' },
    ]);
  });

  it('counts what it cannot show, and stays well inside Teams’ message size', () => {
    const shown = Array.from({ length: 15 }, (_, i) => alert(i + 1, { title: 'x'.repeat(300) }));
    const card = renderSlippageAlertCard(view(shown, 2016));
    expect(allText(card)).toContain('2016 new slippage alerts');
    expect(allText(card)).toContain('and 2001 more');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(40_000);
  });
});
