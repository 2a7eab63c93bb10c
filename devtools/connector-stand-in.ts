import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeliveryLimits } from '../domain/delivery.js';

/** How the stand-in answers one send: an error status (with Retry-After seconds), or no answer at all. */
export type Fault = { status: number; code?: string; retryAfterSeconds?: number } | 'hang';

/** A Teams member as the connector's roster returns it. */
export interface StandInMember {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  userPrincipalName: string;
}

export interface RecordedCall {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}

/**
 * A local stand-in for the Teams connector (the service URL the bot posts to). It
 * records everything the bot sends and answers like Teams does, including refusals.
 * It lives outside test/ because the benchmarks (compiled by tsc) drive it too.
 */
export class ConnectorStandIn {
  readonly calls: RecordedCall[] = [];
  readonly members = new Map<string, StandInMember>();
  private server: Server | undefined;
  private counter = 0;
  /** Conversation ids whose sends get this status and Teams error code. */
  readonly refusals = new Map<string, { status: number; code: string }>();
  /** Activities Teams accepted (answered 200), in the order it accepted them. */
  readonly delivered: { conversationId: string; activityId: string; body: Record<string, unknown>; at: number }[] = [];
  /** Decides a fault for the n-th send (1-based) to a conversation, if any. */
  onSend: ((conversationId: string, n: number, body: Record<string, unknown> | undefined) => Fault | undefined) | undefined;
  /** Teams' rate limits, enforced with 429 and Retry-After when set. */
  limits: DeliveryLimits | undefined;
  /** Wait this long before answering each send (a slow connector). */
  delayMs = 0;
  throttled = 0;
  private readonly sendsTo = new Map<string, number>();
  private readonly acceptedAt: number[] = [];
  private readonly acceptedByConversation = new Map<string, number[]>();

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        this.calls.push({ method: req.method ?? '', path, body });
        const respond = () => this.respond(res, req.method ?? '', path, body);
        if (this.delayMs) setTimeout(respond, this.delayMs);
        else respond();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private respond(res: ServerResponse, method: string, path: string, body: Record<string, unknown> | undefined): void {
    const send = method === 'POST' ? path.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/) : null;
    if (send) {
      const conversationId = send[1]!;
      const n = (this.sendsTo.get(conversationId) ?? 0) + 1;
      this.sendsTo.set(conversationId, n);
      const fault = this.onSend?.(conversationId, n, body) ?? this.overLimit(conversationId);
      if (fault === 'hang') return; // never answers: the bot's request times out
      if (fault) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
        res.writeHead(fault.status, headers);
        res.end(JSON.stringify({ error: { code: fault.code ?? `Status${fault.status}`, message: 'fault from the stand-in' } }));
        return;
      }
    }
    const [status, answer] = this.answer(method, path, body);
    if (send && status === 200) this.accept(send[1]!, (answer as { id: string }).id, body!);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  }

  private accept(conversationId: string, activityId: string, body: Record<string, unknown>): void {
    const at = Date.now();
    this.delivered.push({ conversationId, activityId, body, at });
    this.acceptedAt.push(at);
    const times = this.acceptedByConversation.get(conversationId) ?? [];
    times.push(at);
    this.acceptedByConversation.set(conversationId, times);
  }

  /** 429 with Retry-After when this send would break Teams' limits. */
  private overLimit(conversationId: string): Fault | undefined {
    if (!this.limits) return undefined;
    const now = Date.now();
    const windows = [
      { times: this.acceptedAt, ...this.limits.perTenant },
      ...this.limits.perConversation.map((l) => ({ times: this.acceptedByConversation.get(conversationId) ?? [], ...l })),
    ];
    for (const { times, count, windowMs } of windows) {
      let inWindow = 0;
      for (let i = times.length - 1; i >= 0 && times[i]! > now - windowMs; i -= 1) inWindow += 1;
      if (inWindow >= count) {
        this.throttled += 1;
        const oldest = times[times.length - count]!;
        return { status: 429, code: 'Throttled', retryAfterSeconds: Math.max(0.001, (oldest + windowMs - now) / 1000) };
      }
    }
    return undefined;
  }

  /** Activities the bot posted to a conversation (sends and replies), oldest first. */
  sent(conversationId?: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(c.path) && (!conversationId || c.path.startsWith(`/v3/conversations/${conversationId}/`)))
      .map((c) => c.body!);
  }

  private answer(method: string, path: string, body: Record<string, unknown> | undefined): [number, unknown] {
    let m: RegExpMatchArray | null;
    if (method === 'POST' && path === '/v3/conversations') {
      const member = (body?.members as { id: string }[] | undefined)?.[0];
      return [201, { id: `a:personal-${member?.id ?? this.counter++}`, activityId: '', serviceUrl: this.url }];
    }
    if ((m = path.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/)) && (method === 'POST' || method === 'PUT')) {
      const refusal = this.refusals.get(m[1]!);
      if (refusal) return [refusal.status, { error: { code: refusal.code, message: 'refused by the stand-in' } }];
      return [200, { id: method === 'PUT' ? m[2] : `activity-${++this.counter}` }];
    }
    if ((m = path.match(/^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/)) && method === 'GET') {
      const member = this.members.get(m[2]!);
      return member ? [200, member] : [404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }];
    }
    if (path.match(/^\/v3\/conversations\/([^/]+)\/pagedmembers$/) && method === 'GET') {
      return [200, { members: [...this.members.values()] }];
    }
    return [404, { error: { code: 'NotFound', message: `${method} ${path}` } }];
  }
}
