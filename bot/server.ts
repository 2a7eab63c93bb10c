import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { checkHealth } from '../services/health.js';
import type { Logger } from '../services/logger.js';
import type { Db } from '../services/store/database.js';

export interface ServerDeps {
  db: Db;
  logger: Logger;
}

/** The HTTP front door: health now; the Teams messaging endpoint joins it here. */
export function createHttpServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    route(deps, req, res).catch((error: unknown) => {
      deps.logger.error({ err: error, url: req.url }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Something went wrong; it has been logged.' });
    });
  });
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
    const health = await checkHealth(deps.db);
    sendJson(res, health.ok ? 200 : 503, health);
    return;
  }
  sendJson(res, 404, { error: `Nothing here: ${req.method} ${path}` });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
