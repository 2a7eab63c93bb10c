import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';
import type { BotAuth } from '../config/config.js';

/**
 * The Bot Framework adapter. With an app id every request must carry a valid Teams
 * token (401 otherwise); without one it runs in local mode for the Agents Playground.
 */
export function createAdapter(auth: BotAuth): TeamsAdapter {
  if (auth.mode === 'local') return new ClientReusingAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  const settings = {
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.appPassword,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
  };
  return new ClientReusingAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}

export function botAppId(auth: BotAuth): string {
  return auth.mode === 'local' ? '' : auth.appId;
}

type Claims = { getClaimValue(type: string): string | null };

/** The two methods of botframework-connector's BotFrameworkAuthentication changed here. */
interface TurnAuthentication {
  authenticateRequest(activity: Activity, authHeader: string): Promise<{ claimsIdentity: Claims; connectorFactory?: { create(serviceUrl: string, audience?: string): Promise<unknown> } }>;
  createUserTokenClient(claimsIdentity: Claims): Promise<unknown>;
}

/** More keys than a deployment has service URLs means something odd: start again. */
const MAX_CACHED_CLIENTS = 100;

/**
 * For every incoming activity, botbuilder's CloudAdapter builds a new ConnectorClient
 * and UserTokenClient, each with its own HTTP pipeline: about 0.2 ms of CPU a turn,
 * a tenth of answering a check-in card (bench/submit.ts), mostly for clients a card
 * answer never uses. They hold no per-turn state, so they are reused per app id,
 * service URL and audience, as botbuilder's older BotFrameworkAdapter did. The
 * authentication of each request is untouched; proactive sends (continueConversation)
 * still get a client of their own.
 */
class ClientReusingAdapter extends TeamsAdapter {
  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    reuseTurnClients(this.botFrameworkAuthentication as unknown as TurnAuthentication);
  }
}

function reuseTurnClients(auth: TurnAuthentication): void {
  const connectors = new Map<string, Promise<unknown>>();
  const tokenClients = new Map<string, Promise<unknown>>();
  const remember = (cache: Map<string, Promise<unknown>>, key: string, make: () => Promise<unknown>) => {
    let client = cache.get(key);
    if (!client) {
      if (cache.size >= MAX_CACHED_CLIENTS) cache.clear();
      client = make();
      client.catch(() => cache.delete(key)); // a failed creation is not kept
      cache.set(key, client);
    }
    return client;
  };
  // The bot's app id, where botframework-connector reads it: the token's audience
  // ('aud'), else its 'appid' claim; none in local mode.
  const appIdOf = (claims: Claims) => claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';

  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    if (!factory) return result;
    const appId = appIdOf(result.claimsIdentity);
    return { ...result, connectorFactory: { create: (serviceUrl: string, audience?: string) => remember(connectors, `${appId}|${serviceUrl}|${audience ?? ''}`, () => factory.create(serviceUrl, audience)) } };
  };
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (claims) => remember(tokenClients, appIdOf(claims), () => createUserTokenClient(claims));
}
