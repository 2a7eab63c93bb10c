import type { Application, TurnState } from '@microsoft/teams-ai';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { renderWelcomeCard } from '../../cards/welcome-card.js';
import { linkRoster } from '../../services/conversations/link-roster.js';
import { deactivateConversation, type TeamsUser } from '../../services/conversations/record-conversation.js';
import type { BotDeps } from '../deps.js';
import { replyCard } from '../replies.js';
import { conversationKind, rememberConversation } from '../teams-user.js';

const ROSTER_PAGE = 500;
const ROSTER_PAGES_MAX = 200;

/** Installation, removal, and reading a team's roster so its owners can be prompted. */
export function registerInstall(app: Application<TurnState>, deps: BotDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id);
    if (!botAdded) return;
    const { personId } = await rememberConversation(deps, context);
    const kind = conversationKind(context);
    if (kind === 'CHANNEL') await linkTeamRoster(deps, context);
    const name = personId ? (await deps.db.person.findUnique({ where: { id: personId }, select: { name: true } }))?.name ?? null : null;
    await replyCard(context, renderWelcomeCard({ name, scope: kind === 'CHANNEL' ? 'team' : kind === 'GROUP_CHAT' ? 'groupChat' : 'personal' }));
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const botRemoved = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient.id);
    if (botRemoved) await deactivateConversation(deps.db, context.activity.conversation.id);
  });

  app.activity('installationUpdate', async (context) => {
    const action = (context.activity as { action?: string }).action ?? '';
    if (action.startsWith('remove')) await deactivateConversation(deps.db, context.activity.conversation.id);
    else await rememberConversation(deps, context);
  });
}

/** Pages through the team's members (Teams returns at most 500 a page). */
async function linkTeamRoster(deps: BotDeps, context: TurnContext): Promise<void> {
  const members: TeamsUser[] = [];
  let token: string | undefined;
  for (let page = 0; page < ROSTER_PAGES_MAX; page += 1) {
    const result = await TeamsInfo.getPagedMembers(context, ROSTER_PAGE, token);
    for (const m of result.members) {
      if (!m.aadObjectId) continue;
      members.push({ aadObjectId: m.aadObjectId, teamsUserId: m.id, name: m.name ?? null, email: m.email ?? null, upn: m.userPrincipalName ?? null });
    }
    token = result.continuationToken;
    if (!token) break;
  }
  const tenantId = context.activity.conversation.tenantId ?? null;
  const result = await linkRoster(deps.db, members, { tenantId, serviceUrl: context.activity.serviceUrl });
  deps.logger.info({ conversationId: context.activity.conversation.id, ...result }, 'team roster linked');
}
