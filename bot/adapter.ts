import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { BotAuth } from '../config/config.js';

/**
 * The Bot Framework adapter. With an app id every request must carry a valid Teams
 * token (401 otherwise); without one it runs in local mode for the Agents Playground.
 */
export function createAdapter(auth: BotAuth): TeamsAdapter {
  if (auth.mode === 'local') return new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  const settings = {
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.appPassword,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
  };
  return new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}

export function botAppId(auth: BotAuth): string {
  return auth.mode === 'local' ? '' : auth.appId;
}
