import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_COMMANDS } from '../../bot/handlers/channel-commands.js';
import { COMMANDS } from '../../bot/handlers/commands.js';
import { projectRoot } from '../../services/project-root.js';

const manifest = JSON.parse(readFileSync(join(projectRoot(), 'appPackage/manifest.json'), 'utf8')) as {
  bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
};
const lists = manifest.bots[0]!.commandLists;
const titlesFor = (scope: string) => lists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));

describe.each([
  ['personal', COMMANDS],
  ['team', CHANNEL_COMMANDS],
] as const)('the manifest command list for %s scope', (scope, commands) => {
  const titles = titlesFor(scope);

  it('offers only commands the bot answers there', () => {
    for (const title of titles) {
      expect(commands.some(([pattern]) => pattern.test(title)), title).toBe(true);
    }
  });

  it('lists every command the bot answers there', () => {
    for (const [pattern] of commands) {
      expect(titles.some((t) => pattern.test(t)), String(pattern)).toBe(true);
    }
  });

  it('stays within Teams limits: at most 10 commands, titles of 32 characters or fewer', () => {
    expect(titles.length).toBeLessThanOrEqual(10);
    for (const title of titles) expect(title.length, title).toBeLessThanOrEqual(32);
  });
});
