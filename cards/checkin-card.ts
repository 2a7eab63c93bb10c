/**
 * The check-in card an owner gets when an update on a milestone is due, and the schema of
 * what it sends back.
 */
import { z } from 'zod';
import { formatLongDate, isoDate, type IsoDate } from '../domain/calendar-date.js';
import { MILESTONE_STATUSES, statusLabel } from '../domain/milestone-status.js';
import { adaptiveCard, attentionText, executeAction, heading, shorten, statusColour, textBlock, type AdaptiveCardJson, type CardElement } from './card-kit.js';
import { isWebLink } from '../domain/web-link.js';
import type { CheckinView } from '../services/messenger.js';

export const CHECKIN_SUBMIT_VERB = 'checkin.submit';

/** The ids of the card's inputs, which are also the field names of the submission. */
export const CHECKIN_FIELDS = [
  'status',
  'workingWell',
  'worriedAbout',
  'needsToHappen',
  'evidence1Title',
  'evidence1Url',
  'evidence2Title',
  'evidence2Url',
  'evidence3Title',
  'evidence3Url',
  'revisedDueDate',
] as const;
export type CheckinField = (typeof CHECKIN_FIELDS)[number];

export const ANSWER_MAX = 2000;
export const EVIDENCE_TITLE_MAX = 200;
export const EVIDENCE_URL_MAX = 2000;
const EARLIEST_DATE = '2000-01-01';
const LATEST_DATE = '2100-12-31';

/** The three questions, in the order the card asks them. */
export const CHECKIN_QUESTIONS = [
  { field: 'workingWell', label: "What's working well?" },
  { field: 'worriedAbout', label: 'What are we worried about?' },
  { field: 'needsToHappen', label: 'What needs to happen?' },
] as const satisfies readonly { field: CheckinField; label: string }[];

const EVIDENCE_PAIRS = [
  { title: 'evidence1Title', url: 'evidence1Url' },
  { title: 'evidence2Title', url: 'evidence2Url' },
  { title: 'evidence3Title', url: 'evidence3Url' },
] as const satisfies readonly { title: CheckinField; url: CheckinField }[];

const MESSAGES = {
  status: 'Choose a status.',
  notALink: 'That is not a web link; it must start with https://.',
  linkMissing: 'Add the link for this evidence, or clear its title.',
  dateFormat: 'Use a date such as 31/05/2019.',
  dateRange: 'That date is too far off; give one between 2000 and 2100.',
  unreadable: 'This could not be read; please type it again.',
  cardUnreadable: 'This card could not be read. Type update and the milestone number (for example update 2.1) to get a fresh one.',
} as const;

// ---------------------------------------------------------------------------------------------
// What the card submits
// ---------------------------------------------------------------------------------------------

/** Optional free text as Teams sends it: trimmed, blank or missing → ''. */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value ?? '');
}

export { isWebLink };

const ZEvidenceUrl = z
  .string()
  .trim()
  .max(EVIDENCE_URL_MAX)
  .refine((value) => value === '' || isWebLink(value), { message: MESSAGES.notALink })
  .nullish()
  .transform((value) => value ?? '');

const ZRevisedDueDate = z
  .string()
  .trim()
  .nullish()
  .transform((value, ctx): IsoDate | null => {
    if (!value) return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m || isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === undefined) {
      ctx.addIssue({ code: 'custom', message: MESSAGES.dateFormat });
      return z.NEVER;
    }
    if (value < EARLIEST_DATE || value > LATEST_DATE) {
      ctx.addIssue({ code: 'custom', message: MESSAGES.dateRange });
      return z.NEVER;
    }
    return value;
  });

/**
 * What the check-in card sends: the action's data merged with the inputs, as Teams sends them
 * (`{ ...action.data, ...inputs }`). Input values are strings; blank inputs may be '' or missing.
 * Unknown keys are dropped.
 */
export const ZCheckinSubmission = z
  .object({
    verb: z.literal(CHECKIN_SUBMIT_VERB),
    milestoneId: z.string().min(1).max(100),
    cardId: z.string().min(1).max(100),
    cycle: z
      .string()
      .nullish()
      .transform((value) => value ?? null),
    status: z.enum(MILESTONE_STATUSES),
    workingWell: optionalText(ANSWER_MAX),
    worriedAbout: optionalText(ANSWER_MAX),
    needsToHappen: optionalText(ANSWER_MAX),
    evidence1Title: optionalText(EVIDENCE_TITLE_MAX),
    evidence1Url: ZEvidenceUrl,
    evidence2Title: optionalText(EVIDENCE_TITLE_MAX),
    evidence2Url: ZEvidenceUrl,
    evidence3Title: optionalText(EVIDENCE_TITLE_MAX),
    evidence3Url: ZEvidenceUrl,
    revisedDueDate: ZRevisedDueDate,
  })
  .superRefine(
    (value, ctx) => {
      for (const pair of EVIDENCE_PAIRS) {
        const title = (value as Record<string, unknown>)[pair.title];
        const url = (value as Record<string, unknown>)[pair.url];
        const hasTitle = typeof title === 'string' && title.trim() !== '';
        const hasUrl = typeof url === 'string' ? url.trim() !== '' : url !== undefined && url !== null;
        if (hasTitle && !hasUrl) ctx.addIssue({ code: 'custom', path: [pair.url], message: MESSAGES.linkMissing });
      }
    },
    // Run even when another field failed, so the owner sees every problem at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type TCheckinSubmission = z.infer<typeof ZCheckinSubmission>;

export type CheckinEvidence = { title: string; url: string };

export type CheckinReadResult =
  | { ok: true; submission: TCheckinSubmission & { evidence: CheckinEvidence[] } }
  | {
      ok: false;
      errors: Partial<Record<CheckinField, string>>;
      values: Partial<TCheckinSubmission>;
      /** Set when the card's own data (not an input) is wrong: the card cannot be answered. */
      message?: string;
    };

const FIELD_SET = new Set<string>(CHECKIN_FIELDS);

function isCheckinField(key: unknown): key is CheckinField {
  return typeof key === 'string' && FIELD_SET.has(key);
}

function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

function messageFor(field: CheckinField, issue: z.core.$ZodIssue, raw: Record<string, unknown>): string {
  if (issue.code === 'custom') return issue.message;
  if (field === 'status') return MESSAGES.status;
  if (issue.code === 'too_big') {
    const given = raw[field];
    const length = typeof given === 'string' ? given.trim().length : undefined;
    const has = length === undefined ? '' : ` (it has ${formatCount(length)})`;
    if (field.endsWith('Url')) return `That link is too long: ${formatCount(EVIDENCE_URL_MAX)} characters at most.`;
    if (field.endsWith('Title')) return `Keep the evidence title to ${formatCount(EVIDENCE_TITLE_MAX)} characters or fewer${has}.`;
    return `Keep this to ${formatCount(ANSWER_MAX)} characters or fewer${has}.`;
  }
  if (field === 'revisedDueDate') return MESSAGES.dateFormat;
  if (field.endsWith('Url')) return MESSAGES.notALink;
  return MESSAGES.unreadable;
}

/** The inputs as the owner typed them, to show the card again after a rejected submission. */
function echoValues(raw: Record<string, unknown>): Partial<TCheckinSubmission> {
  const values: Record<string, string> = {};
  for (const field of CHECKIN_FIELDS) {
    const given = raw[field];
    if (typeof given !== 'string') continue;
    if (field === 'status' && !(MILESTONE_STATUSES as readonly string[]).includes(given)) continue;
    values[field] = field === 'status' ? given : given.trim();
  }
  return values as Partial<TCheckinSubmission>;
}

/**
 * Checks what the check-in card sent. On success, gathers the evidence pairs (a title defaults
 * to its link); on failure, gives a short plain-English message per input and the values to
 * show again.
 */
export function readCheckinSubmission(raw: unknown): CheckinReadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: {}, values: {}, message: MESSAGES.cardUnreadable };
  }
  const input = raw as Record<string, unknown>;
  const parsed = ZCheckinSubmission.safeParse(input);
  if (parsed.success) {
    const submission = parsed.data;
    const evidence: CheckinEvidence[] = [];
    for (const pair of EVIDENCE_PAIRS) {
      const url = submission[pair.url];
      if (url !== '') evidence.push({ title: submission[pair.title] || url, url });
    }
    return { ok: true, submission: { ...submission, evidence } };
  }
  const errors: Partial<Record<CheckinField, string>> = {};
  let message: string | undefined;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (isCheckinField(field)) {
      errors[field] ??= messageFor(field, issue, input);
    } else {
      message = MESSAGES.cardUnreadable;
    }
  }
  const result: CheckinReadResult = { ok: false, errors, values: echoValues(input) };
  if (message !== undefined) result.message = message;
  return result;
}

// ---------------------------------------------------------------------------------------------
// The card
// ---------------------------------------------------------------------------------------------

/** What services say a check-in shows, plus what a rejected answer needs to be shown again. */
export interface CheckinCardView extends CheckinView {
  /** A rejected submission's values, to show again. */
  values?: Partial<TCheckinSubmission>;
  /** A message per input, shown right below it. */
  errors?: Partial<Record<CheckinField, string>>;
  /** A message for the whole card, shown at the top. */
  message?: string;
}

/** Long texts from earlier updates are cut short on the card; the history command has them in full. */
const LAST_ANSWER_SHOWN = 500;
const TITLE_SHOWN = 1000;

function lastUpdateSection(lastUpdate: CheckinCardView['lastUpdate']): CardElement {
  if (lastUpdate === null) {
    return { type: 'Container', separator: true, spacing: 'Medium', items: [textBlock('No updates have been recorded yet.', { isSubtle: true })] };
  }
  const by = lastUpdate.by ? ` by ${lastUpdate.by}` : '';
  const items: CardElement[] = [
    heading('Last update', 'Medium'),
    {
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        { type: 'Column', width: 'auto', items: [textBlock(`${formatLongDate(lastUpdate.date)}${by}:`, { isSubtle: true })] },
        {
          type: 'Column',
          width: 'stretch',
          items: [textBlock(statusLabel(lastUpdate.status), { weight: 'Bolder', color: statusColour(lastUpdate.status) })],
        },
      ],
    },
  ];
  for (const question of CHECKIN_QUESTIONS) {
    const answer = lastUpdate[question.field].trim();
    if (answer === '') continue;
    items.push(textBlock(question.label, { weight: 'Bolder', spacing: 'Small' }));
    items.push(textBlock(shorten(answer, LAST_ANSWER_SHOWN), { spacing: 'None' }));
  }
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

export function renderCheckinCard(view: CheckinCardView): AdaptiveCardJson {
  const values = view.values ?? {};
  const errors = view.errors ?? {};

  /** The input, then its error message (if any) right below it. */
  const withError = (field: CheckinField, input: CardElement): CardElement[] => {
    const error = errors[field];
    if (!error) return [input];
    return [{ ...input, errorMessage: error }, attentionText(error, { id: `${field}Error` })];
  };
  const text = (field: CheckinField): string => {
    const value = (values as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : '';
  };
  const valueProp = (field: CheckinField): { value?: string } => (text(field) === '' ? {} : { value: text(field) });

  const body: CardElement[] = [];
  if (view.message) body.push(attentionText(view.message, { weight: 'Bolder', spacing: 'None' }));
  body.push(heading(`Update for ${view.ref}`));
  body.push(textBlock(shorten(view.title, TITLE_SHOWN), { spacing: 'Small' }));
  body.push(textBlock(`Plan: ${view.planName}`, { isSubtle: true, spacing: 'Small' }));

  const dueColumns: CardElement[] = [
    { type: 'Column', width: 'auto', items: [textBlock(view.dueDate ? `Due ${formatLongDate(view.dueDate)}` : 'No due date set')] },
  ];
  if (view.overdue) {
    dueColumns.push({ type: 'Column', width: 'auto', items: [textBlock('overdue', { color: 'Attention', weight: 'Bolder' })] });
  }
  body.push({ type: 'ColumnSet', spacing: 'Small', columns: dueColumns });
  body.push({
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 'auto', items: [textBlock('Current status:')] },
      {
        type: 'Column',
        width: 'stretch',
        items: [textBlock(statusLabel(view.currentStatus), { weight: 'Bolder', color: statusColour(view.currentStatus) })],
      },
    ],
  });

  body.push(lastUpdateSection(view.lastUpdate));

  const form: CardElement[] = [heading('Your update', 'Medium')];
  form.push(
    ...withError('status', {
      type: 'Input.ChoiceSet',
      id: 'status',
      label: 'Status',
      style: 'compact',
      isRequired: true,
      errorMessage: MESSAGES.status,
      value: values.status ?? view.currentStatus,
      choices: MILESTONE_STATUSES.map((status) => ({ title: statusLabel(status), value: status })),
    }),
  );
  for (const question of CHECKIN_QUESTIONS) {
    form.push(
      ...withError(question.field, {
        type: 'Input.Text',
        id: question.field,
        label: question.label,
        isMultiline: true,
        maxLength: ANSWER_MAX,
        ...valueProp(question.field),
      }),
    );
  }

  form.push(textBlock('Evidence (optional)', { weight: 'Bolder', spacing: 'Medium' }));
  form.push(textBlock('Add up to three links to documents or pages that show progress.', { isSubtle: true, spacing: 'None' }));
  EVIDENCE_PAIRS.forEach((pair, index) => {
    form.push(
      ...withError(pair.title, {
        type: 'Input.Text',
        id: pair.title,
        label: `Evidence ${index + 1} title`,
        maxLength: EVIDENCE_TITLE_MAX,
        ...valueProp(pair.title),
      }),
      ...withError(pair.url, {
        type: 'Input.Text',
        id: pair.url,
        label: 'Evidence link (https://…)',
        style: 'Url',
        maxLength: EVIDENCE_URL_MAX,
        placeholder: 'https://',
        ...valueProp(pair.url),
      }),
    );
  });

  const dateLabel = view.overdue
    ? 'Revised due date (required: the due date has passed)'
    : `Revised due date (required for ${statusLabel('SIGNIFICANT_SLIPPAGE')})`;
  form.push(
    ...withError('revisedDueDate', {
      type: 'Input.Date',
      id: 'revisedDueDate',
      label: dateLabel,
      min: EARLIEST_DATE,
      max: LATEST_DATE,
      ...valueProp('revisedDueDate'),
    }),
  );
  body.push({ type: 'Container', separator: true, spacing: 'Medium', items: form });

  const data = { verb: CHECKIN_SUBMIT_VERB, milestoneId: view.milestoneId, cardId: view.cardId, cycle: view.cycle };
  return adaptiveCard(body, { actions: [executeAction('Send update', CHECKIN_SUBMIT_VERB, data, { style: 'positive' })], fullWidth: true });
}
