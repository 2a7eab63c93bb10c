import { describe, expect, it } from 'vitest';
import { HELP_LINES, renderWelcomeCard } from '../../cards/welcome-card.js';
import { actions, allText, inputs, texts } from './card-query.js';

const COMMANDS = ['help', 'my milestones', 'update 2.1', 'history 2.1', 'evidence 2.1', 'delegate 2.1 to name@council.gov.uk', 'undelegate 2.1'];

describe('renderWelcomeCard', () => {
  it('greets by name and explains what the bot does', () => {
    const card = renderWelcomeCard({ name: 'Jo', scope: 'personal' });
    expect(card).toMatchObject({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5' });
    const text = allText(card);
    expect(texts(card)[0]).toBe('Hello Jo');
    expect(text).toMatch(/asks? .*owner/i);
    expect(text).toMatch(/record/i);
    expect(text).toMatch(/history/i);
    expect(text).toMatch(/Improvement Board .*slipping/);
    expect(inputs(card)).toEqual([]);
    expect(actions(card)).toEqual([]);
  });

  it('lists the commands in a personal chat', () => {
    const text = allText(renderWelcomeCard({ name: null, scope: 'personal' }));
    for (const command of COMMANDS) expect(text).toContain(`${command}:`);
  });

  it.each(['team', 'groupChat'] as const)('points to the personal chat instead of listing commands in a %s', (scope) => {
    const card = renderWelcomeCard({ name: null, scope });
    expect(texts(card)[0]).toBe('Hello');
    const text = allText(card);
    expect(text).not.toContain('undelegate');
    expect(text).toMatch(/chat with me one to one/);
  });

  it('exports the command list with descriptions for the help reply', () => {
    expect(HELP_LINES).toHaveLength(COMMANDS.length);
    HELP_LINES.forEach((line, i) => {
      expect(line.startsWith(`${COMMANDS[i]}: `)).toBe(true);
      expect(line.length).toBeGreaterThan(COMMANDS[i]!.length + 5);
    });
  });
});
