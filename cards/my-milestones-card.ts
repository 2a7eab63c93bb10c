/**
 * The owner's list of milestones, each with a button that opens its check-in card.
 */
import { formatLongDate } from '../domain/calendar-date.js';
import { statusLabel } from '../domain/milestone-status.js';
import { adaptiveCard, executeAction, heading, shorten, statusColour, textBlock, type AdaptiveCardJson, type CardElement } from './card-kit.js';
import type { MyMilestone } from '../services/milestones/my-milestones.js';

export const MY_MILESTONES_UPDATE_VERB = 'checkin.open';

/** Teams limits a card to about 100 KB, and long cards are hard to read. */
export const MY_MILESTONES_SHOWN = 30;
export const MY_MILESTONES_TITLE_SHOWN = 120;
export const NO_MILESTONES_TEXT = 'You have no milestones to update.';

export interface MyMilestonesView {
  personName: string | null;
  milestones: MyMilestone[];
}

/** What the Update button sends. */
export type MyMilestonesUpdateData = { verb: typeof MY_MILESTONES_UPDATE_VERB; milestoneId: string };

type Row = MyMilestonesView['milestones'][number];

function milestoneRow(milestone: Row, first: boolean): CardElement {
  // Status and next update share one line, in the status colour: two blocks per row would
  // push 30 rows close to Teams' size limit.
  const status = `**${statusLabel(milestone.status)}**`;
  const next = milestone.nextUpdateDue ? ` · Next update due ${formatLongDate(milestone.nextUpdateDue)}` : '';
  const details: CardElement[] = [
    textBlock(`${milestone.ref} ${shorten(milestone.title, MY_MILESTONES_TITLE_SHOWN)}`, { weight: 'Bolder' }),
    textBlock(`${status}${next}`, { color: statusColour(milestone.status), size: 'Small', spacing: 'None' }),
  ];
  const data: MyMilestonesUpdateData = { verb: MY_MILESTONES_UPDATE_VERB, milestoneId: milestone.milestoneId };
  // A row is a bare ColumnSet (no Container) to keep 30 rows well inside Teams' size limit.
  const row: CardElement = {
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: details },
      { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [executeAction('Update', MY_MILESTONES_UPDATE_VERB, data)] }] },
    ],
  };
  if (!first) row.separator = true;
  return row;
}

/** Milestones grouped by plan (plans in order of first appearance), keeping their order within a plan. */
function groupByPlan(milestones: Row[]): Row[] {
  const plans = new Map<string, Row[]>();
  for (const milestone of milestones) {
    const group = plans.get(milestone.planName);
    if (group) group.push(milestone);
    else plans.set(milestone.planName, [milestone]);
  }
  return [...plans.values()].flat();
}

export function renderMyMilestonesCard(view: MyMilestonesView): AdaptiveCardJson {
  if (view.milestones.length === 0) return adaptiveCard([textBlock(NO_MILESTONES_TEXT)]);
  const severalPlans = new Set(view.milestones.map((m) => m.planName)).size > 1;
  const shown = groupByPlan(view.milestones).slice(0, MY_MILESTONES_SHOWN);
  const body: CardElement[] = [heading('Your milestones')];
  if (view.personName) body.push(textBlock(view.personName, { isSubtle: true, spacing: 'None' }));
  let plan: string | undefined;
  shown.forEach((milestone, index) => {
    // With more than one plan, each plan's milestones come under its name.
    const newPlan = severalPlans && milestone.planName !== plan;
    if (newPlan) body.push(textBlock(milestone.planName, { weight: 'Bolder', spacing: 'Large', separator: index > 0 }));
    plan = milestone.planName;
    body.push(milestoneRow(milestone, index === 0 || newPlan));
  });
  const more = view.milestones.length - shown.length;
  if (more > 0) {
    body.push(textBlock(`and ${more} more: type update <ref> to open one.`, { isSubtle: true, separator: true, spacing: 'Medium' }));
  }
  return adaptiveCard(body, { fullWidth: true });
}
