import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
 */
export class ConnectorStandIn {
  readonly calls: RecordedCall[] = [];
  readonly members = new Map<string, StandInMember>();
  private server: Server | undefined;
  private counter = 0;
  /** Conversation ids whose sends get this status and Teams error code. */
  readonly refusals = new Map<string, { status: number; code: string }>();

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
        const [status, answer] = this.answer(req.method ?? '', path, body);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
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
