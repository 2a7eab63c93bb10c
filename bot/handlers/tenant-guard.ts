import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../deps.js';

/** With ALLOWED_TENANT_ID set, activities from any other tenant are ignored and logged. */
export function registerTenantGuard(app: Application<TurnState>, deps: BotDeps): void {
  if (!deps.allowedTenantId) return;
  app.turn('beforeTurn', async (context) => {
    const activity = context.activity;
    const tenant = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    if (tenant === deps.allowedTenantId) return true;
    deps.logger.warn({ tenant, type: activity.type }, 'activity from another tenant refused');
    return false;
  });
}
