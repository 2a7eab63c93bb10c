#!/usr/bin/env node
// npm run dev: the demo plan, the bot, and the Microsoft 365 Agents Playground (local Teams).
// Open http://localhost:56150 and say "my milestones".
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3978';
const env = { ...process.env, PORT: port };
const node = process.execPath;

const demo = spawnSync(node, [join(root, 'dist/cli/main.js'), 'demo'], { cwd: root, env, stdio: 'inherit' });
if (demo.status !== 0) process.exit(demo.status ?? 1);

const children = [];
const bot = spawn(node, [join(root, 'dist/bot/main.js')], { cwd: root, env, stdio: 'inherit' });
children.push(bot);

await waitForHealth(`http://127.0.0.1:${port}/healthz`);
const playground = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
// Without a display there is no browser to open; the Playground still serves its page.
const browser = process.env.TEAMSAPPTESTER_BROWSER ?? (process.env.DISPLAY ? undefined : 'none');
children.push(
  spawn(node, [playground, '-e', `http://localhost:${port}/api/messages`, '-c', 'msteams', '--dt'], {
    cwd: root,
    env: { ...env, ...(browser ? { TEAMSAPPTESTER_BROWSER: browser } : {}) },
    stdio: 'inherit',
  }),
);
console.log('\nChat with the bot at http://localhost:56150 (you are "Gateway Head", owner of 1.1 to 1.4 and 1.7). Ctrl+C stops both.\n');

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => { if (code) stop(); });

async function waitForHealth(url) {
  for (let i = 0; i < 300; i += 1) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bot did not start; see its output above');
}
