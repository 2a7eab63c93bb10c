import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Reads a JSON body, refusing anything over 1 MB (Teams' activities are far smaller). */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    return body as Record<string, unknown>;
  } catch {
    throw new BodyError(400, 'The request body is not a JSON activity.');
  }
}

/** botbuilder expects Express-shaped request and response objects; node:http needs a bridge. */
export function toBotRequest(req: IncomingMessage, body: Record<string, unknown>): Request {
  return { body, headers: req.headers, method: req.method ?? 'POST' };
}

/**
 * The answer is held until `end()` and written with its length in one piece: headers,
 * body and end separately were two socket writes (a chunked body and its terminator),
 * and on this loopback each write costs about 0.15 ms of CPU (bench/submit.ts).
 */
export function toBotResponse(res: ServerResponse): Response {
  let status = 200;
  let text: string | undefined;
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return this;
    },
    send(body?: unknown) {
      if (res.headersSent || body === undefined || body === null) return this;
      text = typeof body === 'string' ? body : JSON.stringify(body);
      if (!res.hasHeader('content-type')) res.setHeader('content-type', typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
      return this;
    },
    end() {
      if (res.writableEnded) return this;
      if (!res.headersSent) {
        res.statusCode = status;
        res.setHeader('content-length', text === undefined ? 0 : Buffer.byteLength(text));
      }
      res.end(text);
      return this;
    },
  };
}
