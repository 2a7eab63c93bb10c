import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../services/project-root.js';
import { portWasTaken, servicePort } from './ports.js';

/** The real service, started as `npm start` would, on a port of its own. */
export class BotServer {
  private child: ChildProcess | undefined;
  port = servicePort();
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    // Another test's server may take the port first: then try once more on another.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.startOnce();
      } catch (error) {
        if (attempt === 3 || !portWasTaken(this.output)) throw error;
        this.port = servicePort();
        this.output = '';
      }
    }
  }

  private async startOnce(): Promise<this> {
    this.child = spawn(process.execPath, [join(projectRoot(), 'dist/bot/main.js')], {
      // Scheduled jobs and delivery are off unless a test turns them on: tests drive them.
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', JOBS: 'off', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the service exited: ${this.output}`);
      const ok = await fetch(`${this.url}/healthz`).then((r) => r.ok, () => false);
      if (ok) return this;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the service did not start: ${this.output}`);
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child!.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  /** Kills the process outright, as a crash or a power cut would. */
  async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child!.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** Posts an activity to /api/messages as Teams does; returns the HTTP status and body. */
  async post(activity: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body };
  }
}
