import type { Application, TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from '../deps.js';
import { identify } from '../identify.js';
import { isPersonal, replyText } from '../replies.js';

/** Registered last: anything no other handler took gets a short, helpful answer. */
export function registerFallback(app: Application<TurnState>, deps: BotDeps): void {
  app.activity('message', async (context) => {
    if (isPersonal(context)) await identify(deps, context);
    await replyText(context, 'Sorry, I didn\'t understand that. Try "my milestones", "update 2.1" or "help".');
  });
}
