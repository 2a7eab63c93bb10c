import type { TeamsAdapter } from '@microsoft/teams-ai';
import { CardFactory, MessageFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { renderBoardPackCard } from '../cards/board-pack-card.js';
import type { AdaptiveCardJson } from '../cards/card-kit.js';
import { renderCheckinCard } from '../cards/checkin-card.js';
import { renderDirectorDigestCard } from '../cards/director-digest-card.js';
import { renderSlippageAlertCard } from '../cards/slippage-alert-card.js';
import { parseRetryAfter } from '../domain/delivery.js';
import type { ConversationAddress, Messenger, OpenChatResult, OutgoingMessage, SendResult } from '../services/messenger.js';

/** How long one send may take before it counts as timed out (the request may have arrived). */
export const SEND_TIMEOUT_MS = 15_000;

/**
 * Sends proactive messages through the Bot Framework connector, one attempt each: the
 * connector client's own retry policy is removed (it would resend behind the outbox's
 * back and wait out a 429 inside the call), and each request gets a timeout.
 */
export function teamsMessenger(adapter: TeamsAdapter, appId: string, opts: { timeoutMs?: number } = {}): Messenger {
  const timeoutMs = opts.timeoutMs ?? SEND_TIMEOUT_MS;
  return {
    async send(to: ConversationAddress, message: OutgoingMessage): Promise<SendResult> {
      let activityId = '';
      try {
        await adapter.continueConversationAsync(appId, to.reference as Partial<ConversationReference>, async (context) => {
          singleAttempt(context.turnState.get(context.adapter.ConnectorClientKey), timeoutMs);
          const sent = await context.sendActivity(toActivity(message));
          activityId = sent?.id ?? '';
        });
        return { ok: true, activityId };
      } catch (error) {
        const { status, code, message: text, retryAfterMs, timedOut } = describeFailure(error);
        return { ok: false, status, code, message: text, retryAfterMs, timedOut };
      }
    },

    async openPersonalChat(user): Promise<OpenChatResult> {
      let reference: Partial<ConversationReference> | undefined;
      try {
        await adapter.createConversationAsync(
          appId,
          'msteams',
          user.serviceUrl,
          '',
          { isGroup: false, bot: { id: appId, name: 'Improvement Board' }, members: [{ id: user.teamsUserId, name: '' }], tenantId: user.tenantId, channelData: { tenant: { id: user.tenantId } } } as never,
          async (context) => {
            reference = TurnContext.getConversationReference(context.activity);
          },
        );
      } catch (error) {
        const { status, code } = describeFailure(error);
        return { ok: false, status, code };
      }
      if (!reference?.conversation?.id) return { ok: false, status: null, code: 'NoConversation' };
      return {
        ok: true,
        address: { conversationId: reference.conversation.id, serviceUrl: user.serviceUrl, tenantId: user.tenantId, reference },
      };
    },
  };
}

export function toActivity(message: OutgoingMessage): Partial<Activity> {
  if (message.kind === 'text') return MessageFactory.text(message.text);
  return MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(message)));
}

function renderCard(message: Exclude<OutgoingMessage, { kind: 'text' }>): AdaptiveCardJson {
  switch (message.kind) {
    case 'checkin':
      return renderCheckinCard(message.view);
    case 'digest':
      return renderDirectorDigestCard(message.view);
    case 'alert':
      return renderSlippageAlertCard(message.view);
    case 'board-pack':
      return renderBoardPackCard(message.view);
  }
}

type Pipeline = { removePolicy(o: { phase: string }): unknown; addPolicy(p: { name: string; sendRequest(req: { timeout: number }, next: (req: unknown) => Promise<unknown>): Promise<unknown> }): void };

/** Strips the connector client's retries and sets the request timeout (once per client). */
function singleAttempt(connector: unknown, timeoutMs: number): void {
  const client = connector as { client?: { pipeline?: Pipeline }; __singleAttempt?: boolean } | undefined;
  const pipeline = client?.client?.pipeline;
  if (!client || !pipeline || client.__singleAttempt) return;
  pipeline.removePolicy({ phase: 'Retry' });
  pipeline.addPolicy({ name: 'improvementBoardTimeout', sendRequest: (req, next) => ((req.timeout = timeoutMs), next(req)) });
  client.__singleAttempt = true;
}

/** The connector's errors carry the HTTP status and Teams' error code in several shapes. */
function describeFailure(error: unknown): { status: number | null; code: string; message: string; retryAfterMs: number | null; timedOut: boolean } {
  const e = error as {
    statusCode?: number; status?: number; code?: string; name?: string; message?: string; body?: unknown;
    response?: { status?: number; bodyAsText?: string; headers?: { get?(name: string): string | undefined } };
  };
  const status = e.statusCode ?? e.response?.status ?? (typeof e.status === 'number' ? e.status : null);
  let code = typeof e.code === 'string' ? e.code : '';
  const body = typeof e.body === 'object' && e.body ? e.body : safeJson(e.response?.bodyAsText);
  const bodyCode = (body as { error?: { code?: string } } | undefined)?.error?.code;
  if (bodyCode) code = bodyCode;
  const retryAfterMs = parseRetryAfter(e.response?.headers?.get?.('retry-after'), Date.now());
  const timedOut = status === null && (e.name === 'AbortError' || /timeout|timed out|aborted/i.test(`${e.code ?? ''} ${e.message ?? ''}`));
  return { status, code: code || 'Unknown', message: e.message ?? String(error), retryAfterMs, timedOut };
}

function safeJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
