import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from './deps.js';
import { registerHandlers } from './handlers/index.js';

/** Builds the bot: the teams-ai Application with every handler registered. No I/O here. */
export function createBot(adapter: TeamsAdapter, botAppId: string, deps: BotDeps): Application<TurnState> {
  const app = new Application<TurnState>({ adapter, botAppId, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
  registerHandlers(app, deps);
  app.error(async (context, error) => {
    deps.logger.error({ err: error, activityType: context.activity.type, conversation: context.activity.conversation?.id }, 'bot turn failed');
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on my side and nothing was changed. Please try again in a minute.');
    }
  });
  return app;
}
