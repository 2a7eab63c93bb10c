/**
 * How the bot paces and retries what it sends to Teams. Teams documents these limits for
 * a bot: per conversation 7 messages a second, 8 per 2 s, 60 per 30 s, 1,800 per hour;
 * and 50 requests a second per app per tenant.
 */
export interface DeliveryLimits {
  perConversation: { count: number; windowMs: number }[];
  /** A window like the others, so that a scaled clock shortens it too (50 per 100 ms at 10×, not 500 per second). */
  perTenant: { count: number; windowMs: number };
}

export const TEAMS_LIMITS: DeliveryLimits = {
  perConversation: [
    { count: 7, windowMs: 1_000 },
    { count: 8, windowMs: 2_000 },
    { count: 60, windowMs: 30_000 },
    { count: 1_800, windowMs: 3_600_000 },
  ],
  perTenant: { count: 50, windowMs: 1_000 },
};

/** The same limits on a clock running `factor` times faster (benchmarks and tests). */
export function scaledLimits(limits: DeliveryLimits, factor: number): DeliveryLimits {
  return {
    perConversation: limits.perConversation.map((l) => ({ count: l.count, windowMs: l.windowMs / factor })),
    perTenant: { count: limits.perTenant.count, windowMs: limits.perTenant.windowMs / factor },
  };
}

/** The earliest time another message may go to a conversation, given when earlier ones went. */
export function nextConversationSlot(sentAtMs: readonly number[], limits: DeliveryLimits, nowMs: number): number {
  let earliest = nowMs;
  const newestFirst = [...sentAtMs].sort((a, b) => b - a);
  for (const { count, windowMs } of limits.perConversation) {
    // The window is full when `count` sends fall inside it: wait until the oldest of them leaves.
    const oldestInFullWindow = newestFirst[count - 1];
    if (oldestInFullWindow !== undefined && oldestInFullWindow + windowMs > earliest) earliest = oldestInFullWindow + windowMs;
  }
  return earliest;
}

export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 10 * 60_000;

/** Exponential backoff with jitter: attempt 1 waits 1–2 s, doubling up to 10 minutes. */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = BASE_BACKOFF_MS): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** What Teams' answer to one send means for the message. */
export type SendOutcome =
  | { kind: 'delivered'; activityId: string }
  /** 429: wait as told, then try again. Not a failed attempt. */
  | { kind: 'throttled'; retryAfterMs: number }
  /** 412, 5xx, network: back off and retry; `ambiguous` when the request may have arrived. */
  | { kind: 'retry'; reason: string; ambiguous: boolean }
  /** 403, 404: the person or chat is out of reach; retrying cannot help. */
  | { kind: 'unreachable'; status: number; code: string }
  /** 413 and other final answers: dead-letter with the reason. */
  | { kind: 'dead'; reason: string };

export type RawSendResult =
  | { ok: true; activityId: string }
  | { ok: false; status: number | null; code: string; message: string; retryAfterMs?: number | null; timedOut?: boolean };

const DEFAULT_RETRY_AFTER_MS = 1_000;

export function classifySend(result: RawSendResult): SendOutcome {
  if (result.ok) return { kind: 'delivered', activityId: result.activityId };
  const { status, code, message } = result;
  if (status === null) return { kind: 'retry', reason: result.timedOut ? `timed out: ${message}` : `network: ${message}`, ambiguous: Boolean(result.timedOut) };
  if (status === 429) return { kind: 'throttled', retryAfterMs: result.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS };
  if (status === 403 || status === 404) return { kind: 'unreachable', status, code };
  if (status === 413) return { kind: 'dead', reason: `Teams refused the message as too big (413 ${code}); it must be made smaller.` };
  if (status === 412 || status >= 500) return { kind: 'retry', reason: `${status} ${code}: ${message}`, ambiguous: false };
  return { kind: 'dead', reason: `Teams refused the message (${status} ${code}: ${message}).` };
}

/** Reads a Retry-After header: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
