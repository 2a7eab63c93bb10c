import { describe, expect, it } from 'vitest';
import { MY_MILESTONES_UPDATE_VERB, NO_MILESTONES_TEXT, renderMyMilestonesCard, type MyMilestonesView } from '../../cards/my-milestones-card.js';
import { actions, allElements, allText, texts } from './card-query.js';

type Row = MyMilestonesView['milestones'][number];

function row(n: number, overrides: Partial<Row> = {}): Row {
  return {
    milestoneId: `0b6c7a52-8a8e-4f39-9a43-${String(n).padStart(12, '0')}`,
    ref: `2.${n}`,
    title: `Milestone number ${n} makes sure that every child is seen.`,
    status: 'ON_TRACK',
    dueDate: '2019-05-31',
    nextUpdateDue: '2019-06-03',
    planName: 'Improvement Plan 2019',
    ...overrides,
  };
}

describe('renderMyMilestonesCard', () => {
  it('says when there is nothing to update', () => {
    const card = renderMyMilestonesCard({ personName: 'Jo Bloggs', milestones: [] });
    expect(card).toMatchObject({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5' });
    expect(texts(card)).toEqual(['You have no milestones to update.']);
    expect(NO_MILESTONES_TEXT).toBe('You have no milestones to update.');
    expect(actions(card)).toEqual([]);
  });

  it('shows a row per milestone with ref, title, status, next update and an Update button', () => {
    const card = renderMyMilestonesCard({ personName: null, milestones: [row(1), row(2, { status: 'SIGNIFICANT_SLIPPAGE', nextUpdateDue: null })] });
    const all = texts(card);
    expect(all[0]).toBe('Your milestones');
    const first = all.indexOf('2.1 Milestone number 1 makes sure that every child is seen.');
    expect(first).toBeGreaterThan(0);
    expect(all[first + 1]).toBe('**ON TRACK** · Next update due 3 June 2019');
    const second = all.indexOf('2.2 Milestone number 2 makes sure that every child is seen.');
    expect(all[second + 1]).toBe('**SIGNIFICANT SLIPPAGE**');
    expect(allText(card)).not.toContain('Improvement Plan 2019');
    expect(allElements(card).filter((e) => e.type === 'ActionSet')).toHaveLength(2);
  });

  it('colours the status line by BRAG status', () => {
    const card = renderMyMilestonesCard({ personName: null, milestones: [row(1, { status: 'SIGNIFICANT_SLIPPAGE' })] });
    const line = allElements(card).find((e) => e.type === 'TextBlock' && String(e.text).includes('SIGNIFICANT SLIPPAGE'));
    expect(line?.color).toBe('Attention');
  });

  it('groups milestones under their plan names when there is more than one plan', () => {
    const card = renderMyMilestonesCard({
      personName: null,
      milestones: [row(1), row(2, { planName: 'Ofsted action plan' }), row(3)],
    });
    const all = texts(card);
    const order = ['Improvement Plan 2019', '2.1 ', '2.3 ', 'Ofsted action plan', '2.2 '].map((start) => all.findIndex((t) => t.startsWith(start)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('gives each Update button the open verb and the milestone, with an Action.Submit fallback', () => {
    const card = renderMyMilestonesCard({ personName: null, milestones: [row(1), row(2)] });
    const buttons = actions(card);
    expect(buttons).toHaveLength(2);
    expect(MY_MILESTONES_UPDATE_VERB).toBe('checkin.open');
    buttons.forEach((button, i) => {
      expect(button).toMatchObject({ type: 'Action.Execute', title: 'Update', verb: 'checkin.open' });
      expect(button.data).toEqual({ verb: 'checkin.open', milestoneId: row(i + 1).milestoneId });
      expect(button.fallback).toMatchObject({ type: 'Action.Submit', title: 'Update' });
      expect((button.fallback as { data: unknown }).data).toEqual(button.data);
    });
  });

  it('shortens long titles to about 120 characters', () => {
    const title = 'Ensure that '.repeat(40);
    const shown = texts(renderMyMilestonesCard({ personName: null, milestones: [row(1, { title })] })).find((t) => t.startsWith('2.1 '))!;
    const shortTitle = shown.slice('2.1 '.length);
    expect(shortTitle.length).toBeLessThanOrEqual(120);
    expect(shortTitle.length).toBeGreaterThan(90);
    expect(shortTitle.endsWith('…')).toBe(true);
  });

  it('shows at most 30 milestones, then says how many more, and stays small', () => {
    const milestones = Array.from({ length: 45 }, (_, i) =>
      row(i + 1, {
        ref: `12.${i + 1}`,
        title: 'word '.repeat(100),
        status: 'SIGNIFICANT_SLIPPAGE',
        nextUpdateDue: '2019-09-30',
        planName: i % 2 ? 'Ofsted improvement plan for children' : 'Local area SEND written statement of action',
      }),
    );
    const card = renderMyMilestonesCard({ personName: 'Jo Bloggs', milestones });
    expect(actions(card)).toHaveLength(30);
    expect(texts(card)).toContain('and 15 more: type update <ref> to open one.');
    expect(texts(card).at(-1)).toBe('and 15 more: type update <ref> to open one.');
    expect(JSON.stringify(card).length).toBeLessThan(28 * 1024);
  });

  it('has no "more" line at exactly 30', () => {
    const card = renderMyMilestonesCard({ personName: null, milestones: Array.from({ length: 30 }, (_, i) => row(i + 1)) });
    expect(actions(card)).toHaveLength(30);
    expect(texts(card).some((t) => t.includes('more:'))).toBe(false);
  });
});
