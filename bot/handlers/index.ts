import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../deps.js';
import { registerChannelCommands } from './channel-commands.js';
import { registerCheckinActions } from './checkin-actions.js';
import { registerCommands } from './commands.js';
import { registerDigestActions } from './digest-actions.js';
import { registerFileEvidence } from './file-evidence.js';
import { registerFallback } from './fallback.js';
import { registerInstall } from './install.js';
import { registerTenantGuard } from './tenant-guard.js';

/**
 * Everything the bot answers, in the order it is tried. Reading this and the files it
 * names lists every command and card action.
 */
export function registerHandlers(app: Application<TurnState>, deps: BotDeps): void {
  registerTenantGuard(app, deps);
  registerInstall(app, deps);
  registerCheckinActions(app, deps);
  registerDigestActions(app, deps);
  registerFileEvidence(app, deps);
  registerChannelCommands(app, deps);
  registerCommands(app, deps);
  registerFallback(app, deps); // last: the catch-all
}
