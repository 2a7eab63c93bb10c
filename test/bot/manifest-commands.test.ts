import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../bot/handlers/commands.js';
import { projectRoot } from '../../services/project-root.js';

const manifest = JSON.parse(readFileSync(join(projectRoot(), 'appPackage/manifest.json'), 'utf8')) as {
  bots: { commandLists: { commands: { title: string }[] }[] }[];
};
const titles = manifest.bots[0]!.commandLists.flatMap((l) => l.commands.map((c) => c.title));

describe('the manifest command list', () => {
  it('offers only commands the bot answers', () => {
    for (const title of titles) {
      expect(COMMANDS.some(([pattern]) => pattern.test(title)), title).toBe(true);
    }
  });

  it('lists every command the bot answers', () => {
    for (const [pattern] of COMMANDS) {
      expect(titles.some((t) => pattern.test(t)), String(pattern)).toBe(true);
    }
  });

  it('stays within Teams limits: at most 10 commands, titles of 32 characters or fewer', () => {
    expect(titles.length).toBeLessThanOrEqual(10);
    for (const title of titles) expect(title.length, title).toBeLessThanOrEqual(32);
  });
});
