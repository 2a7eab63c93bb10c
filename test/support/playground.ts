import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../services/project-root.js';
import { servicePort } from './ports.js';

/** The Microsoft 365 Agents Playground (our local Teams), started headless on a port of its own. */
export class Playground {
  private child: ChildProcess | undefined;
  readonly port = servicePort();
  readonly logFile = join(mkdtempSync(join(tmpdir(), 'ib-playground-')), 'playground.log');

  constructor(private readonly botUrl: string) {}

  get url(): string {
    return `http://localhost:${this.port}/`;
  }

  async start(): Promise<this> {
    const cli = join(projectRoot(), 'node_modules/@microsoft/m365agentsplayground/cli.js');
    this.child = spawn(process.execPath, [cli, '-e', `${this.botUrl}/api/messages`, '-c', 'msteams', '--dt', '-p', String(this.port)], {
      cwd: projectRoot(), // it reads .m365agentsplayground.yml from here
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: this.logFile },
      stdio: 'ignore',
    });
    for (let i = 0; i < 300; i += 1) {
      if (this.child.exitCode !== null) throw new Error(`the Playground exited: ${this.logTail()}`);
      if (await fetch(this.url).then((r) => r.ok, () => false)) return this;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the Playground did not start: ${this.logTail()}`);
  }

  logTail(): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-20).join('\n');
    } catch {
      return '(no log)';
    }
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child!.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
