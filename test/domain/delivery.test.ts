import { describe, expect, it } from 'vitest';
import { backoffMs, classifySend, nextConversationSlot, parseRetryAfter, TEAMS_LIMITS } from '../../domain/delivery.js';

describe('per-conversation limits', () => {
  it('a conversation with 7 sends in the last second waits for the oldest to leave the window', () => {
    const now = 10_000;
    const sends = [9_100, 9_200, 9_300, 9_400, 9_500, 9_600, 9_700];
    expect(nextConversationSlot(sends, TEAMS_LIMITS, now)).toBe(10_100);
    expect(nextConversationSlot(sends.slice(1), TEAMS_LIMITS, now)).toBe(now);
  });
  it('8 in two seconds and 60 in thirty seconds hold too', () => {
    const now = 100_000;
    const eight = [98_500, 98_600, 98_700, 98_800, 98_900, 98_950, 98_990, 98_999];
    expect(nextConversationSlot(eight, TEAMS_LIMITS, now)).toBe(100_500);
    const sixty = Array.from({ length: 60 }, (_, i) => 71_000 + i * 100);
    expect(nextConversationSlot(sixty, TEAMS_LIMITS, now)).toBe(101_000);
  });
});

describe("Teams' answers", () => {
  it('429 waits as told; 412 and 5xx retry; 403 and 404 mean out of reach; 413 is final', () => {
    expect(classifySend({ ok: false, status: 429, code: 'Throttled', message: '', retryAfterMs: 3000 })).toEqual({ kind: 'throttled', retryAfterMs: 3000 });
    expect(classifySend({ ok: false, status: 500, code: 'x', message: 'boom' })).toMatchObject({ kind: 'retry', ambiguous: false });
    expect(classifySend({ ok: false, status: 412, code: 'PreconditionFailed', message: '' })).toMatchObject({ kind: 'retry' });
    expect(classifySend({ ok: false, status: null, code: 'x', message: 'socket hang up', timedOut: true })).toMatchObject({ kind: 'retry', ambiguous: true });
    expect(classifySend({ ok: false, status: null, code: 'ECONNREFUSED', message: 'refused' })).toMatchObject({ kind: 'retry', ambiguous: false });
    expect(classifySend({ ok: false, status: 403, code: 'BotDisabledByAdmin', message: '' })).toEqual({ kind: 'unreachable', status: 403, code: 'BotDisabledByAdmin' });
    expect(classifySend({ ok: false, status: 404, code: 'ConversationNotFound', message: '' })).toMatchObject({ kind: 'unreachable', status: 404 });
    expect(classifySend({ ok: false, status: 413, code: 'MessageSizeTooBig', message: '' })).toMatchObject({ kind: 'dead', reason: expect.stringMatching(/too big/) });
  });
  it('Retry-After is read as seconds or a date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter(new Date(5000).toUTCString(), 1000)).toBe(4000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
  it('backoff grows and is jittered within bounds', () => {
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(1, () => 1)).toBe(2000);
    expect(backoffMs(4, () => 1)).toBe(16000);
    expect(backoffMs(30, () => 1)).toBe(600000);
  });
});
