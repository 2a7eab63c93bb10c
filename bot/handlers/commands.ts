import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { renderCheckinCard } from '../../cards/checkin-card.js';
import { renderMyMilestonesCard } from '../../cards/my-milestones-card.js';
import { HELP_LINES } from '../../cards/welcome-card.js';
import { formatLongDate } from '../../domain/calendar-date.js';
import { NOT_LINKED, type Actor } from '../../services/checkins/authorise.js';
import { openCheckin } from '../../services/checkins/open-checkin.js';
import { findMilestoneByRef, type MilestoneRow } from '../../services/milestones/find-milestone.js';
import { milestoneEvidence, milestoneHistory } from '../../services/milestones/milestone-history.js';
import { myMilestones } from '../../services/milestones/my-milestones.js';
import { delegate, undelegate } from '../../services/people/delegation.js';
import { unreachableOwners } from '../../services/people/unreachable.js';
import type { BotDeps } from '../deps.js';
import { historyText } from '../history-text.js';
import { identify } from '../identify.js';
import { isPersonal, replyCard, replyText } from '../replies.js';

type Handler = (deps: BotDeps, context: TurnContext, actor: Actor, match: RegExpMatchArray) => Promise<void>;

/** Every command the bot answers in chat, in one list: pattern → handler. */
export const COMMANDS: [RegExp, Handler][] = [
  [/^help$/i, help],
  [/^my milestones?$/i, showMyMilestones],
  [/^update\s+(\S+)(?:\s+in\s+(.+))?$/i, update],
  [/^history\s+(\S+)$/i, history],
  [/^evidence\s+(\S+)$/i, evidence],
  [/^delegate\s+(\S+)\s+to\s+(\S+)$/i, delegateTo],
  [/^undelegate\s+(\S+)$/i, undelegateAll],
  [/^who can[’']?t be reached\??$/i, whoCantBeReached],
];

export function registerCommands(app: Application<TurnState>, deps: BotDeps): void {
  for (const [pattern, handler] of COMMANDS) {
    app.message((context) => Promise.resolve(isCommand(context, pattern)), async (context) => {
      const match = commandText(context).match(pattern)!;
      if (!isPersonal(context)) {
        await replyText(context, 'Send me that in a personal chat with Improvement Board, so your milestones stay between us.');
        return;
      }
      const actor = await identify(deps, context);
      if (!actor) return replyText(context, NOT_LINKED);
      await handler(deps, context, actor, match);
    });
  }
}

/** The message text without the bot's @mention, spaces tidied. */
export function commandText(context: TurnContext): string {
  return (context.activity.text ?? '').replace(/<at>[^<]*<\/at>/gi, '').replace(/\s+/g, ' ').trim();
}

function isCommand(context: TurnContext, pattern: RegExp): boolean {
  return context.activity.type === 'message' && pattern.test(commandText(context));
}

async function help(_deps: BotDeps, context: TurnContext): Promise<void> {
  await replyText(context, ['I answer these:', ...HELP_LINES.map((l) => `- ${l}`)].join('\n\n'));
}

async function showMyMilestones(deps: BotDeps, context: TurnContext, actor: Actor): Promise<void> {
  const milestones = await myMilestones(deps.db, actor.id, deps.now());
  await replyCard(context, renderMyMilestonesCard({ personName: actor.name, milestones }));
}

/** Finds the milestone a command names; replies and returns undefined when it cannot. */
async function milestoneNamed(deps: BotDeps, context: TurnContext, actor: Actor, ref: string, planName?: string): Promise<MilestoneRow | undefined> {
  const found = await findMilestoneByRef(deps.db, ref, { personId: actor.id, ...(planName ? { planName: planName.trim() } : {}) });
  if (found.ok) return found.milestone;
  await replyText(context, found.message);
  return undefined;
}

async function update(deps: BotDeps, context: TurnContext, actor: Actor, match: RegExpMatchArray): Promise<void> {
  const milestone = await milestoneNamed(deps, context, actor, match[1]!, match[2]);
  if (!milestone) return;
  const opened = await openCheckin(deps.db, actor, milestone, deps.now());
  if (!opened.ok) return replyText(context, opened.message);
  await replyCard(context, renderCheckinCard(opened.view));
}

async function history(deps: BotDeps, context: TurnContext, actor: Actor, match: RegExpMatchArray): Promise<void> {
  const milestone = await milestoneNamed(deps, context, actor, match[1]!);
  if (!milestone) return;
  const lines = await milestoneHistory(deps.db, milestone.id);
  if (!lines.length) return replyText(context, `No updates have been recorded for ${milestone.ref} yet.`);
  await replyText(context, [`Latest updates for ${milestone.ref}:`, ...historyText(lines)].join('\n\n---\n\n'));
}

async function evidence(deps: BotDeps, context: TurnContext, actor: Actor, match: RegExpMatchArray): Promise<void> {
  const milestone = await milestoneNamed(deps, context, actor, match[1]!);
  if (!milestone) return;
  const items = await milestoneEvidence(deps.db, milestone.id);
  if (!items.length) return replyText(context, `No evidence has been attached to ${milestone.ref} yet. Add links on its check-in card, or send a file here with "evidence ${milestone.ref}".`);
  const lines = items.map((e) => `- ${e.url ? `[${e.title}](${e.url})` : `${e.title} (file)`}, ${formatLongDate(e.date)}${e.by ? `, ${e.by}` : ''}`);
  await replyText(context, [`Evidence for ${milestone.ref}:`, ...lines].join('\n'));
}

async function delegateTo(deps: BotDeps, context: TurnContext, actor: Actor, match: RegExpMatchArray): Promise<void> {
  const milestone = await milestoneNamed(deps, context, actor, match[1]!);
  if (!milestone) return;
  const result = await delegate(deps.db, actor, milestone, match[2]!, deps.now());
  await replyText(context, result.message);
}

async function undelegateAll(deps: BotDeps, context: TurnContext, actor: Actor, match: RegExpMatchArray): Promise<void> {
  const milestone = await milestoneNamed(deps, context, actor, match[1]!);
  if (!milestone) return;
  const result = await undelegate(deps.db, actor, milestone, deps.now());
  await replyText(context, result.message);
}

async function whoCantBeReached(deps: BotDeps, context: TurnContext, actor: Actor): Promise<void> {
  const admin = await deps.db.planMember.findMany({ where: { personId: actor.id, role: 'PLAN_ADMINISTRATOR' }, select: { plan: { select: { name: true } } } });
  if (!admin.length) return replyText(context, 'Only plan administrators can see who the bot cannot reach.');
  const lines: string[] = [];
  for (const { plan } of admin) {
    const owners = await unreachableOwners(deps.db, plan.name);
    lines.push(owners.length ? `${plan.name}: ${owners.length} owner${owners.length === 1 ? '' : 's'} I can't reach:` : `${plan.name}: I can reach every owner.`);
    for (const o of owners) lines.push(`- ${o.name ?? o.email} (${o.email}), ${o.reason}; milestones ${o.milestones.join(', ')}`);
  }
  await replyText(context, lines.join('\n'));
}

