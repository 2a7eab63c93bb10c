import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { TeamsAdapter, Application, TurnState } from '@microsoft/teams-ai';
import { findBoardPack } from '../services/board-pack/stored-board-pack.js';
import { checkHealth } from '../services/health.js';
import type { Logger } from '../services/logger.js';
import type { Db } from '../services/store/database.js';
import { BodyError, readJson, toBotRequest, toBotResponse } from './http-bridge.js';

export interface ServerDeps {
  db: Db;
  logger: Logger;
  adapter: TeamsAdapter;
  bot: Application<TurnState>;
}

/** The HTTP front door: Teams' messaging endpoint and a health check. */
export function createHttpServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    route(deps, req, res).catch((error: unknown) => {
      if (error instanceof BodyError) return sendJson(res, error.status, { error: error.message });
      deps.logger.error({ err: error, url: req.url }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Something went wrong; it has been logged.' });
      else res.end();
    });
  });
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/api/messages' && req.method === 'POST') {
    const body = await readJson(req);
    await deps.adapter.process(toBotRequest(req, body), toBotResponse(res), async (context) => {
      await deps.bot.run(context);
    });
    if (!res.writableEnded) res.end();
    return;
  }
  if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
    const health = await checkHealth(deps.db);
    sendJson(res, health.ok ? 200 : 503, health);
    return;
  }
  // Tokens are base64url: nothing to decode, and a mangled link is simply not found.
  const pack = /^\/board-packs\/([^/]+)$/.exec(path);
  if (pack && req.method === 'GET') return sendBoardPack(deps, res, pack[1]!);
  sendJson(res, 404, { error: `Nothing here: ${req.method} ${path}` });
}

/** A stored board pack, by the unguessable token in the link posted to the board channel. */
async function sendBoardPack(deps: ServerDeps, res: ServerResponse, token: string): Promise<void> {
  const pack = await findBoardPack(deps.db, token);
  if (!pack) return sendJson(res, 404, { error: 'There is no board pack at this link. Ask for the latest one in the board channel.' });
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'content-disposition': attachment(pack.fileName),
    'x-content-type-options': 'nosniff',
    'content-length': pack.content.length,
    'cache-control': 'private, no-store',
  });
  res.end(Buffer.from(pack.content));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * A download's file name, such as "Children’s Services Improvement Plan 31 May 2019.docx":
 * plain ASCII for old clients, the real name (RFC 6266) for the rest. Node refuses any
 * header character past U+00FF, so the name cannot go in as it is.
 */
function attachment(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[\u2018\u2019]/g, "'").replace(/[^\x20-\x7e]|["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
