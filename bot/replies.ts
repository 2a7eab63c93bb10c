import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/card-kit.js';

/** The one place replies are shaped: text, or an Adaptive Card. */
export async function replyText(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity(MessageFactory.text(text));
}

export async function replyCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

export function isPersonal(context: TurnContext): boolean {
  return (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
}
