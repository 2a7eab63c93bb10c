import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../deps.js';
import { registerCheckinActions } from './checkin-actions.js';
import { registerCommands } from './commands.js';
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
  registerFileEvidence(app, deps);
  registerCommands(app, deps);
  registerFallback(app, deps); // last: the catch-all
}
