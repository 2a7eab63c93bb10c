import { describe, expect, it } from 'vitest';
import { renderBoardPackCard } from '../../cards/board-pack-card.js';
import type { BoardPackCardView } from '../../services/messenger.js';
import { actions, allText } from './card-query.js';

const counts = { total: 22, onTrack: 15, slightSlippage: 6, significantSlippage: 0, complete: 0, notYetDue: 1, percentOnTrack: 68.2 };
const view: BoardPackCardView = {
  planName: 'Improvement Plan', asOf: '2019-05-23', boardDate: '2019-05-30', fileName: 'Improvement Plan board pack 2019-05-23.docx',
  summary: counts,
  priorities: [{ number: 1, title: 'Front door', ...counts, total: 4, onTrack: 3, percentOnTrack: 75 }],
  slipping: [{ ref: '1.4', title: 'Step-down audit', owner: 'gateway@council.gov.uk', flags: ['overdue', 'date-moved'] }],
  slippingTotal: 14,
  url: 'https://ib.council.gov.uk/board-packs/tok',
};

describe('the board pack card', () => {
  it('summarises progress against milestones and each priority', () => {
    const text = allText(renderBoardPackCard(view));
    expect(text).toContain('Progress as of 23 May 2019, for the board on 30 May 2019');
    expect(text).toContain('15 of 22 milestones on track or complete (68.2%)');
    expect(text).toContain('15 on track, 6 slight slippage, 0 significant slippage, 0 complete, 1 not yet due');
    expect(text).toContain('Priority 1: Front door: 3 of 4 (75%)');
  });

  it('lists the worst slippage and says how many more the pack has', () => {
    const text = allText(renderBoardPackCard(view));
    expect(text).toContain('1.4 Step-down audit (gateway@council.gov.uk): overdue, date moved');
    expect(text).toContain('and 13 more in the full pack');
  });

  it('links the Word document, or says how to get it when there is no public address', () => {
    expect(actions(renderBoardPackCard(view)).map((a) => a.url)).toEqual(['https://ib.council.gov.uk/board-packs/tok']);
    const offline = renderBoardPackCard({ ...view, url: null });
    expect(actions(offline)).toEqual([]);
    expect(allText(offline)).toContain('ask your plan administrator for a copy');
  });
});
