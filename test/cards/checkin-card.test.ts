import { describe, expect, it } from 'vitest';
import {
  CHECKIN_FIELDS,
  CHECKIN_SUBMIT_VERB,
  readCheckinSubmission,
  renderCheckinCard,
  ZCheckinSubmission,
  type CheckinCardView,
  type CheckinField,
} from '../../cards/checkin-card.js';
import { actions, allText, getById, inputs, nextSibling, textBlocks, texts } from './card-query.js';

function view(overrides: Partial<CheckinCardView> = {}): CheckinCardView {
  return {
    milestoneId: 'ms_1',
    ref: '2.1',
    title: 'Every child in care has an up-to-date care plan, reviewed with them.',
    planName: 'Improvement Plan 2019',
    dueDate: '2019-05-31',
    currentStatus: 'SLIGHT_SLIPPAGE',
    lastUpdate: {
      date: '2019-05-03',
      status: 'ON_TRACK',
      by: 'Jo Bloggs',
      workingWell: 'Reviews are happening on time.',
      worriedAbout: 'Two social workers leave in June.',
      needsToHappen: 'Recruit agency cover.',
    },
    cycle: 'cycle_7',
    cardId: 'card_9',
    overdue: false,
    ...overrides,
  };
}

describe('renderCheckinCard', () => {
  it('is an Adaptive Card 1.5', () => {
    const card = renderCheckinCard(view());
    expect(card.type).toBe('AdaptiveCard');
    expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(card.version).toBe('1.5');
  });

  it('shows the heading, milestone, plan, due date, status and the last update', () => {
    const card = renderCheckinCard(view());
    const all = texts(card);
    expect(all[0]).toBe('Update for 2.1');
    expect(all).toContain('Every child in care has an up-to-date care plan, reviewed with them.');
    expect(allText(card)).toContain('Improvement Plan 2019');
    expect(all).toContain('Due 31 May 2019');
    expect(all).not.toContain('overdue');
    expect(all).toContain('SLIGHT SLIPPAGE');
    expect(allText(card)).toContain('3 May 2019 by Jo Bloggs');
    expect(all).toContain('ON TRACK');
    for (const text of ["What's working well?", 'Reviews are happening on time.', 'Two social workers leave in June.', 'Recruit agency cover.']) {
      expect(all).toContain(text);
    }
  });

  it('says when there is no last update and no due date', () => {
    const card = renderCheckinCard(view({ lastUpdate: null, dueDate: null }));
    expect(allText(card)).toContain('No updates have been recorded yet.');
    expect(allText(card)).toContain('No due date set');
    expect(allText(card)).not.toContain('Last update');
  });

  it('marks an overdue milestone in the attention colour and requires a revised date', () => {
    const card = renderCheckinCard(view({ overdue: true }));
    const overdue = textBlocks(card).find((t) => t.text === 'overdue');
    expect(overdue?.color).toBe('Attention');
    expect(getById(card, 'revisedDueDate').label).toBe('Revised due date (required: the due date has passed)');
    const notOverdue = renderCheckinCard(view());
    expect(getById(notOverdue, 'revisedDueDate').label).toBe('Revised due date (required for SIGNIFICANT SLIPPAGE)');
  });

  it('has exactly the expected inputs', () => {
    const card = renderCheckinCard(view());
    expect(inputs(card).map((i) => i.id)).toEqual([...CHECKIN_FIELDS]);
  });

  it('offers the five statuses in a compact, required choice set defaulting to the current status', () => {
    const card = renderCheckinCard(view());
    const status = getById(card, 'status');
    expect(status.type).toBe('Input.ChoiceSet');
    expect(status.style).toBe('compact');
    expect(status.isRequired).toBe(true);
    expect(status.value).toBe('SLIGHT_SLIPPAGE');
    expect(status.choices).toEqual([
      { title: 'ON TRACK', value: 'ON_TRACK' },
      { title: 'SLIGHT SLIPPAGE', value: 'SLIGHT_SLIPPAGE' },
      { title: 'SIGNIFICANT SLIPPAGE', value: 'SIGNIFICANT_SLIPPAGE' },
      { title: 'NOT YET DUE', value: 'NOT_YET_DUE' },
      { title: 'COMPLETE', value: 'COMPLETE' },
    ]);
    expect(getById(renderCheckinCard(view({ values: { status: 'COMPLETE' } })), 'status').value).toBe('COMPLETE');
  });

  it('asks the three questions in multiline inputs of up to 2000 characters', () => {
    const card = renderCheckinCard(view());
    const expected: [CheckinField, string][] = [
      ['workingWell', "What's working well?"],
      ['worriedAbout', 'What are we worried about?'],
      ['needsToHappen', 'What needs to happen?'],
    ];
    for (const [id, label] of expected) {
      const input = getById(card, id);
      expect(input.type).toBe('Input.Text');
      expect(input.label).toBe(label);
      expect(input.isMultiline).toBe(true);
      expect(input.maxLength).toBe(2000);
      expect(input.value).toBeUndefined();
    }
  });

  it('has three evidence pairs with URL-style link inputs and a date input', () => {
    const card = renderCheckinCard(view());
    for (const n of [1, 2, 3]) {
      expect(getById(card, `evidence${n}Title`).type).toBe('Input.Text');
      const url = getById(card, `evidence${n}Url`);
      expect(url.type).toBe('Input.Text');
      expect(url.style).toBe('Url');
      expect(url.label).toBe('Evidence link (https://…)');
    }
    expect(getById(card, 'revisedDueDate').type).toBe('Input.Date');
  });

  it('pre-fills inputs from the values of a rejected submission', () => {
    const card = renderCheckinCard(
      view({
        values: { status: 'SIGNIFICANT_SLIPPAGE', workingWell: 'Good', needsToHappen: 'More staff', evidence2Title: 'Audit', evidence2Url: 'https://x.gov.uk/a', revisedDueDate: '2019-09-30' },
      }),
    );
    expect(getById(card, 'status').value).toBe('SIGNIFICANT_SLIPPAGE');
    expect(getById(card, 'workingWell').value).toBe('Good');
    expect(getById(card, 'worriedAbout').value).toBeUndefined();
    expect(getById(card, 'needsToHappen').value).toBe('More staff');
    expect(getById(card, 'evidence2Title').value).toBe('Audit');
    expect(getById(card, 'evidence2Url').value).toBe('https://x.gov.uk/a');
    expect(getById(card, 'revisedDueDate').value).toBe('2019-09-30');
  });

  it('shows each error right below its input, in the attention colour, and on the input', () => {
    const errors = { evidence2Url: 'Add the link for this evidence, or clear its title.', revisedDueDate: 'Use a date such as 31/05/2019.' };
    const card = renderCheckinCard(view({ errors }));
    for (const [field, message] of Object.entries(errors)) {
      const next = nextSibling(card, field);
      expect(next).toMatchObject({ type: 'TextBlock', text: message, color: 'Attention', wrap: true });
      expect(getById(card, field).errorMessage).toBe(message);
    }
    // No error text under the inputs that have none.
    expect(nextSibling(card, 'evidence1Url')?.id).toBe('evidence2Title');
    expect(texts(card).filter((t) => t === errors.evidence2Url)).toHaveLength(1);
  });

  it('shows a card-wide message at the top in the attention colour', () => {
    const card = renderCheckinCard(view({ message: 'Please check the answers below.' }));
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Please check the answers below.', color: 'Attention' });
  });

  it('sends with one Action.Execute whose fallback is an Action.Submit with the same data', () => {
    const card = renderCheckinCard(view());
    const all = actions(card);
    expect(all).toHaveLength(1);
    const send = all[0]!;
    expect(send).toMatchObject({ type: 'Action.Execute', title: 'Send update', verb: CHECKIN_SUBMIT_VERB });
    expect(CHECKIN_SUBMIT_VERB).toBe('checkin.submit');
    expect(send.data).toEqual({ verb: 'checkin.submit', milestoneId: 'ms_1', cardId: 'card_9', cycle: 'cycle_7' });
    expect(send.fallback).toMatchObject({ type: 'Action.Submit', title: 'Send update' });
    expect((send.fallback as { data: unknown }).data).toEqual(send.data);
    expect((renderCheckinCard(view({ cycle: null })).actions![0]!.data as { cycle: unknown }).cycle).toBeNull();
  });

  it('stays small for the largest view', () => {
    const long = (n: number) => 'word '.repeat(n / 5).slice(0, n);
    const card = renderCheckinCard(
      view({
        title: long(1500),
        planName: long(200),
        overdue: true,
        lastUpdate: { date: '2019-05-03', status: 'ON_TRACK', by: long(100), workingWell: long(2000), worriedAbout: long(2000), needsToHappen: long(2000) },
        values: {
          status: 'ON_TRACK',
          workingWell: long(2000),
          worriedAbout: long(2000),
          needsToHappen: long(2000),
          evidence1Title: long(200),
          evidence1Url: `https://x.gov.uk/${'a'.repeat(1980)}`,
          evidence2Title: long(200),
          evidence2Url: `https://x.gov.uk/${'a'.repeat(1980)}`,
          evidence3Title: long(200),
          evidence3Url: `https://x.gov.uk/${'a'.repeat(1980)}`,
          revisedDueDate: '2019-09-30',
        },
        errors: Object.fromEntries(CHECKIN_FIELDS.map((f) => [f, 'Keep this to 2,000 characters or fewer (it has 2,001).'])),
        message: 'Please check the answers below.',
      }),
    );
    expect(JSON.stringify(card).length).toBeLessThan(28 * 1024);
  });
});

describe('readCheckinSubmission', () => {
  const base = { verb: 'checkin.submit', milestoneId: 'ms_1', cardId: 'card_9', cycle: 'cycle_7', status: 'ON_TRACK' };

  function rejected(raw: unknown) {
    const result = readCheckinSubmission(raw);
    if (result.ok) throw new Error('expected a rejection');
    return result;
  }
  function accepted(raw: unknown) {
    const result = readCheckinSubmission(raw);
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)} ${result.message ?? ''}`);
    return result.submission;
  }

  it('accepts a full Teams-style submission, trimming the text', () => {
    const submission = accepted({
      ...base,
      status: 'SIGNIFICANT_SLIPPAGE',
      workingWell: '  Reviews on time. ',
      worriedAbout: 'Staffing',
      needsToHappen: 'Agency cover\nand a review',
      evidence1Title: ' Audit report ',
      evidence1Url: ' https://council.gov.uk/audit.pdf ',
      evidence2Title: '',
      evidence2Url: 'http://intranet.example/x?y=1',
      evidence3Title: '',
      evidence3Url: '',
      revisedDueDate: '2019-09-30',
    });
    expect(submission).toMatchObject({
      verb: 'checkin.submit',
      milestoneId: 'ms_1',
      cardId: 'card_9',
      cycle: 'cycle_7',
      status: 'SIGNIFICANT_SLIPPAGE',
      workingWell: 'Reviews on time.',
      needsToHappen: 'Agency cover\nand a review',
      evidence1Title: 'Audit report',
      evidence1Url: 'https://council.gov.uk/audit.pdf',
      revisedDueDate: '2019-09-30',
    });
    expect(submission.evidence).toEqual([
      { title: 'Audit report', url: 'https://council.gov.uk/audit.pdf' },
      { title: 'http://intranet.example/x?y=1', url: 'http://intranet.example/x?y=1' },
    ]);
  });

  it('accepts blanks and missing optional inputs, and a missing or null cycle', () => {
    const submission = accepted({ verb: 'checkin.submit', milestoneId: 'ms_1', cardId: 'card_9', status: 'COMPLETE', workingWell: '   ', revisedDueDate: '' });
    expect(submission).toMatchObject({
      cycle: null,
      workingWell: '',
      worriedAbout: '',
      needsToHappen: '',
      evidence1Title: '',
      evidence1Url: '',
      evidence3Url: '',
      revisedDueDate: null,
      evidence: [],
    });
    expect(accepted({ ...base, cycle: null }).cycle).toBeNull();
  });

  it('ignores unknown keys', () => {
    const submission = accepted({ ...base, msteams: { x: 1 }, somethingElse: 'x', action: 'y' });
    expect(submission).not.toHaveProperty('somethingElse');
    expect(submission).not.toHaveProperty('msteams');
  });

  it('accepts text of exactly 2000 characters', () => {
    expect(accepted({ ...base, worriedAbout: 'x'.repeat(2000) }).worriedAbout).toHaveLength(2000);
  });

  it.each([
    [{ status: 'AMBER' }, 'status', 'Choose a status.'],
    [{ status: 'on_track' }, 'status', 'Choose a status.'],
    [{ status: '' }, 'status', 'Choose a status.'],
    [{ status: undefined }, 'status', 'Choose a status.'],
    [{ workingWell: 'x'.repeat(2001) }, 'workingWell', 'Keep this to 2,000 characters or fewer (it has 2,001).'],
    [{ needsToHappen: 'x'.repeat(5000) }, 'needsToHappen', 'Keep this to 2,000 characters or fewer (it has 5,000).'],
    [{ worriedAbout: 42 }, 'worriedAbout', 'This could not be read; please type it again.'],
    [{ evidence1Title: 'Audit' }, 'evidence1Url', 'Add the link for this evidence, or clear its title.'],
    [{ evidence3Title: 'Audit', evidence3Url: '  ' }, 'evidence3Url', 'Add the link for this evidence, or clear its title.'],
    [{ evidence2Title: 'x'.repeat(201), evidence2Url: 'https://a.uk' }, 'evidence2Title', 'Keep the evidence title to 200 characters or fewer (it has 201).'],
    [{ evidence1Url: 'javascript:alert(1)' }, 'evidence1Url', 'That is not a web link; it must start with https://.'],
    [{ evidence1Url: 'ftp://files.council.gov.uk/a.pdf' }, 'evidence1Url', 'That is not a web link; it must start with https://.'],
    [{ evidence2Url: 'www.council.gov.uk/report' }, 'evidence2Url', 'That is not a web link; it must start with https://.'],
    [{ evidence2Url: 'not a link' }, 'evidence2Url', 'That is not a web link; it must start with https://.'],
    [{ evidence3Url: `https://x.uk/${'a'.repeat(2000)}` }, 'evidence3Url', 'That link is too long: 2,000 characters at most.'],
    [{ revisedDueDate: '31/05/2019' }, 'revisedDueDate', 'Use a date such as 31/05/2019.'],
    [{ revisedDueDate: '2019-02-30' }, 'revisedDueDate', 'Use a date such as 31/05/2019.'],
    [{ revisedDueDate: '2019-13-01' }, 'revisedDueDate', 'Use a date such as 31/05/2019.'],
    [{ revisedDueDate: 'soon' }, 'revisedDueDate', 'Use a date such as 31/05/2019.'],
    [{ revisedDueDate: '1999-12-31' }, 'revisedDueDate', 'That date is too far off; give one between 2000 and 2100.'],
    [{ revisedDueDate: '2101-01-01' }, 'revisedDueDate', 'That date is too far off; give one between 2000 and 2100.'],
  ] as [Record<string, unknown>, CheckinField, string][])('rejects %j on %s', (change, field, message) => {
    const result = rejected({ ...base, ...change });
    expect(result.errors).toEqual({ [field]: message });
    expect(result.message).toBeUndefined();
  });

  it('accepts the edges of the plausible date range', () => {
    expect(accepted({ ...base, revisedDueDate: '2000-01-01' }).revisedDueDate).toBe('2000-01-01');
    expect(accepted({ ...base, revisedDueDate: '2100-12-31' }).revisedDueDate).toBe('2100-12-31');
    expect(accepted({ ...base, revisedDueDate: '2024-02-29' }).revisedDueDate).toBe('2024-02-29');
  });

  it('reports every problem at once, and gives back the values to show again', () => {
    const result = rejected({ ...base, status: 'BAD', evidence1Title: 'Audit', evidence2Url: 'ftp://x', workingWell: ' kept ', revisedDueDate: '2019-02-30' });
    expect(Object.keys(result.errors).sort()).toEqual(['evidence1Url', 'evidence2Url', 'revisedDueDate', 'status']);
    expect(result.values).toEqual({ workingWell: 'kept', evidence1Title: 'Audit', evidence2Url: 'ftp://x', revisedDueDate: '2019-02-30' });
    const card = renderCheckinCard({ ...view(), values: result.values, errors: result.errors });
    expect(nextSibling(card, 'evidence1Url')).toMatchObject({ text: 'Add the link for this evidence, or clear its title.', color: 'Attention' });
    expect(getById(card, 'workingWell').value).toBe('kept');
  });

  it('never shows zod wording', () => {
    const result = rejected({ ...base, status: 7, workingWell: ['x'], evidence1Url: 5, evidence2Title: {}, revisedDueDate: 20190101 });
    for (const message of Object.values(result.errors)) {
      expect(message).not.toMatch(/invalid|expected|received|zod|input|option/i);
    }
    expect(Object.keys(result.errors).sort()).toEqual(['evidence1Url', 'evidence2Title', 'revisedDueDate', 'status', 'workingWell']);
  });

  it('rejects a payload whose card data is wrong with a card-wide message', () => {
    for (const raw of [{ ...base, verb: 'checkin.open' }, { ...base, milestoneId: '' }, { ...base, cardId: undefined }, { ...base, milestoneId: 'x'.repeat(101) }, null, 'text', [base]]) {
      const result = rejected(raw);
      expect(result.message).toMatch(/could not be read/);
      expect(result.errors).toEqual({});
    }
  });

  it('exposes the schema', () => {
    expect(ZCheckinSubmission.safeParse(base).success).toBe(true);
    expect(ZCheckinSubmission.safeParse({ ...base, evidence1Title: 'x' }).success).toBe(false);
  });
});
