/**
 * The card the bot sends when it is installed for a person, a team or a group chat.
 */
import { adaptiveCard, heading, textBlock, type AdaptiveCardJson, type CardElement } from './card-kit.js';

export interface WelcomeView {
  name: string | null;
  scope: 'personal' | 'team' | 'groupChat';
}

/** The commands the bot answers in a one-to-one chat, with what each does. */
export const HELP_COMMANDS: readonly { command: string; description: string }[] = [
  { command: 'help', description: 'show this list of commands' },
  { command: 'my milestones', description: 'list the milestones you own, with a button to update each' },
  { command: 'update 2.1', description: 'give an update on milestone 2.1' },
  { command: 'history 2.1', description: 'see the past updates on milestone 2.1' },
  { command: 'evidence 2.1', description: 'see the evidence recorded for milestone 2.1' },
  { command: 'delegate 2.1 to name@council.gov.uk', description: 'ask someone else to give the updates on milestone 2.1' },
  { command: 'undelegate 2.1', description: 'take the updates on milestone 2.1 back' },
];

/** The same list as lines of text, for the bot's `help` reply. */
export const HELP_LINES: string[] = HELP_COMMANDS.map((c) => `${c.command}: ${c.description}`);

export const WELCOME_LINES: readonly string[] = [
  'I help keep the improvement plan up to date.',
  'When an update on a milestone is due, I ask its owner how it is going.',
  'I record every update, so each milestone keeps its history.',
  'I tell the Improvement Board which milestones are slipping.',
];

export function renderWelcomeCard(view: WelcomeView): AdaptiveCardJson {
  const name = view.name?.trim();
  const body: CardElement[] = [heading(name ? `Hello ${name}` : 'Hello')];
  WELCOME_LINES.forEach((line, index) => body.push(textBlock(line, { spacing: index === 0 ? 'Medium' : 'Small' })));

  if (view.scope === 'personal') {
    body.push(textBlock('You can type:', { weight: 'Bolder', spacing: 'Medium' }));
    body.push({ type: 'FactSet', spacing: 'Small', facts: HELP_COMMANDS.map((c) => ({ title: c.command, value: c.description })) });
  } else {
    body.push(
      textBlock('To give an update or see your milestones, chat with me one to one.', {
        spacing: 'Medium',
      }),
    );
  }
  return adaptiveCard(body);
}
