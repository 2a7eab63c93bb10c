import { describe, expect, it } from 'vitest';
import { DUPLICATE_UPDATE_TEXT, formatRecordedAt, renderCheckinReceiptCard, type CheckinReceiptView } from '../../cards/checkin-receipt-card.js';
import { actions, allText, inputs, texts } from './card-query.js';

function view(overrides: Partial<CheckinReceiptView> = {}): CheckinReceiptView {
  return {
    ref: '2.1',
    title: 'Every child in care has an up-to-date care plan.',
    status: 'SIGNIFICANT_SLIPPAGE',
    recordedAt: formatRecordedAt(new Date('2019-06-03T13:02:00Z')),
    by: 'Jo Bloggs',
    workingWell: 'Reviews are on time.',
    worriedAbout: '',
    needsToHappen: 'Recruit agency cover.',
    revisedDueDate: '2019-09-30',
    evidence: [
      { title: 'Audit report', url: 'https://council.gov.uk/audit.pdf' },
      { title: 'Minutes [draft]', url: 'https://council.gov.uk/minutes (1).docx' },
    ],
    ...overrides,
  };
}

describe('formatRecordedAt', () => {
  it('gives the time in England in summer (BST)', () => {
    expect(formatRecordedAt(new Date('2019-06-03T13:02:00Z'))).toBe('14:02, 3 June 2019');
  });
  it('gives the time in England in winter (GMT)', () => {
    expect(formatRecordedAt(new Date('2019-12-03T14:02:00Z'))).toBe('14:02, 3 December 2019');
    expect(formatRecordedAt(new Date('2020-01-01T00:05:00Z'))).toBe('00:05, 1 January 2020');
  });
  it('moves to the next day in England late on a summer evening', () => {
    expect(formatRecordedAt(new Date('2019-06-30T23:30:00Z'))).toBe('00:30, 1 July 2019');
  });
});

describe('renderCheckinReceiptCard', () => {
  it('is a read-only Adaptive Card 1.5', () => {
    const card = renderCheckinReceiptCard(view());
    expect(card).toMatchObject({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5' });
    expect(inputs(card)).toEqual([]);
    expect(actions(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
  });

  it('has the heading with the time recorded, BST and GMT', () => {
    expect(texts(renderCheckinReceiptCard(view()))[0]).toBe('Update for 2.1 recorded 14:02, 3 June 2019');
    const winter = renderCheckinReceiptCard(view({ recordedAt: formatRecordedAt(new Date('2019-12-03T09:15:00Z')) }));
    expect(texts(winter)[0]).toBe('Update for 2.1 recorded 09:15, 3 December 2019');
  });

  it('shows the status, answered questions only, the revised due date and who recorded it', () => {
    const card = renderCheckinReceiptCard(view());
    const all = texts(card);
    expect(all).toContain('SIGNIFICANT SLIPPAGE');
    expect(all).toContain("What's working well?");
    expect(all).toContain('Reviews are on time.');
    expect(all).not.toContain('What are we worried about?');
    expect(all.indexOf('Recruit agency cover.')).toBe(all.indexOf('What needs to happen?') + 1);
    expect(all).toContain('Revised due date: 30 September 2019');
    expect(allText(card)).toContain('Jo Bloggs');
    expect(all).not.toContain(DUPLICATE_UPDATE_TEXT);
  });

  it('lists the evidence as markdown links that survive brackets in titles and URLs', () => {
    const all = texts(renderCheckinReceiptCard(view()));
    expect(all).toContain('[Audit report](https://council.gov.uk/audit.pdf)');
    expect(all).toContain('[Minutes (draft)](https://council.gov.uk/minutes%20%281%29.docx)');
  });

  it('leaves out the revised date and evidence when there are none', () => {
    const text = allText(renderCheckinReceiptCard(view({ revisedDueDate: null, evidence: [] })));
    expect(text).not.toContain('Revised due date');
    expect(text).not.toContain('Evidence');
  });

  it('says when the update was a duplicate', () => {
    expect(texts(renderCheckinReceiptCard(view({ duplicate: true })))).toContain('This update was already recorded; it was not stored twice.');
  });
});
