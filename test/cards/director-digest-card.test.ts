import { describe, expect, it } from 'vitest';
import { DIGEST_CHASE_VERB, DIGEST_OPEN_VERB, renderDirectorDigestCard, ZDigestAction } from '../../cards/director-digest-card.js';
import { DIGEST_LIST_LIMIT, type DigestMilestone, type DirectorDigestView } from '../../services/digests/weekly-digest.js';
import { actions, allText } from './card-query.js';

const slipping = (n: number): DigestMilestone => ({
  id: `m-${n}`, ref: `2.${n}`, title: `Milestone ${n}: every child in need has a plan reviewed on time, with the child's voice recorded.`,
  owner: `owner${n}@council.gov.uk`, status: 'SLIGHT SLIPPAGE', notes: ['due 31 March 2019, 61 days ago', 'no update for 40 days'],
});

function view(overrides: Partial<DirectorDigestView> = {}): DirectorDigestView {
  return {
    planName: 'Children’s Services Improvement Plan', asOf: '2019-06-03',
    headline: { onTrack: 15, total: 22, percent: 68.2, previousPercent: 72.7 },
    changes: {
      statusChanges: [{ id: 'm-1', ref: '2.1', title: 'Milestone 1', from: 'ON TRACK', to: 'SLIGHT SLIPPAGE' }],
      newlyFlagged: [{ id: 'm-1', ref: '2.1', title: 'Milestone 1', flags: ['overdue', 'update-missing'] }],
      cleared: [], more: 0, updatedCount: 1,
    },
    slipping: [slipping(1)], slippingTotal: 1,
    updatesMissing: [slipping(1)], updatesMissingTotal: 1,
    kpisTurnedRed: [{ name: 'Re-referrals within 12 months', unit: '%', period: '2019-03', value: 32.4, target: 25, rag: 'red' }], kpisTurnedRedTotal: 1,
    packUrl: 'https://ib.council.gov.uk/board-packs/abc',
    ...overrides,
  };
}

describe('the weekly director digest card', () => {
  it('leads with the headline and its trend', () => {
    expect(allText(renderDirectorDigestCard(view()))).toContain('15 of 22 milestones on track, 68.2%, down from 72.7%');
  });

  it('says what changed since last week, what is slipping, updates missing and KPIs gone red', () => {
    const text = allText(renderDirectorDigestCard(view()));
    expect(text).toContain('2.1: ON TRACK → SLIGHT SLIPPAGE');
    expect(text).toContain('2.1 now flagged: overdue, update missing');
    expect(text).toContain('1 milestone updated this week');
    expect(text).toContain('Slipping (1)');
    expect(text).toContain('due 31 March 2019, 61 days ago; no update for 40 days');
    expect(text).toContain('Updates missing (1)');
    expect(text).toContain('Re-referrals within 12 months: 32.4% (March 2019) against a target of 25%');
  });

  it('gives each slipping milestone Open and Chase buttons that carry only its id, and links the board pack', () => {
    const card = renderDirectorDigestCard(view());
    const buttons = actions(card).filter((a) => a.type === 'Action.Execute');
    expect(buttons.map((b) => b.verb)).toEqual([DIGEST_OPEN_VERB, DIGEST_CHASE_VERB]);
    for (const b of buttons) expect(ZDigestAction.parse(b.data)).toEqual({ verb: b.verb, milestoneId: 'm-1' });
    expect(actions(card).find((a) => a.type === 'Action.OpenUrl')?.url).toBe('https://ib.council.gov.uk/board-packs/abc');
  });

  it('says so when nothing is slipping or changed', () => {
    const text = allText(renderDirectorDigestCard(view({ slipping: [], slippingTotal: 0, updatesMissing: [], updatesMissingTotal: 0, kpisTurnedRed: [], kpisTurnedRedTotal: 0, changes: { statusChanges: [], newlyFlagged: [], cleared: [], more: 0, updatedCount: 0 } })));
    expect(text).toContain('Nothing is slipping.');
    expect(text).toContain('No milestone was updated this week');
    expect(text).not.toContain('Updates missing');
  });

  it('stays well inside Teams’ message size for a plan of 200 slipping milestones, pointing to the full pack', () => {
    const all = Array.from({ length: 200 }, (_, i) => slipping(i + 1));
    const card = renderDirectorDigestCard(view({ slipping: all.slice(0, DIGEST_LIST_LIMIT), slippingTotal: 200, updatesMissing: all.slice(0, DIGEST_LIST_LIMIT), updatesMissingTotal: 200 }));
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(40_000);
    expect(allText(card)).toContain(`and ${200 - DIGEST_LIST_LIMIT} more: see the full board pack`);
  });

  it('refuses button data that is not a milestone id', () => {
    expect(ZDigestAction.safeParse({ verb: DIGEST_CHASE_VERB, milestoneId: 'x'.repeat(101) }).success).toBe(false);
    expect(ZDigestAction.safeParse({ verb: 'something.else', milestoneId: 'm-1' }).success).toBe(false);
  });
});
