import type { TeamsAdapter } from '@microsoft/teams-ai';
import { CardFactory, MessageFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { renderCheckinCard } from '../cards/checkin-card.js';
import type { ConversationAddress, Messenger, OpenChatResult, OutgoingMessage, SendResult } from '../services/messenger.js';

/** Answers Teams documents as final: retrying cannot help, the person is out of reach. */
const UNREACHABLE_STATUSES = new Set([403, 404]);

/** Sends proactive messages through the Bot Framework connector. */
export function teamsMessenger(adapter: TeamsAdapter, appId: string): Messenger {
  return {
    async send(to: ConversationAddress, message: OutgoingMessage): Promise<SendResult> {
      let activityId = '';
      try {
        await adapter.continueConversationAsync(appId, to.reference as Partial<ConversationReference>, async (context) => {
          const sent = await context.sendActivity(toActivity(message));
          activityId = sent?.id ?? '';
        });
        return { ok: true, activityId };
      } catch (error) {
        const { status, code, message: text } = describeFailure(error);
        if (status !== null && UNREACHABLE_STATUSES.has(status)) return { ok: false, unreachable: true, status, code };
        return { ok: false, unreachable: false, status, message: text };
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
  return MessageFactory.attachment(CardFactory.adaptiveCard(renderCheckinCard(message.view)));
}

/** The connector's errors carry the HTTP status and Teams' error code in several shapes. */
function describeFailure(error: unknown): { status: number | null; code: string; message: string } {
  const e = error as { statusCode?: number; status?: number; code?: string; message?: string; body?: unknown; response?: { status?: number; bodyAsText?: string } };
  const status = e.statusCode ?? e.response?.status ?? (typeof e.status === 'number' ? e.status : null);
  let code = typeof e.code === 'string' ? e.code : '';
  const body = typeof e.body === 'object' && e.body ? e.body : safeJson(e.response?.bodyAsText);
  const bodyCode = (body as { error?: { code?: string } } | undefined)?.error?.code;
  if (bodyCode) code = bodyCode;
  return { status, code: code || 'Unknown', message: e.message ?? String(error) };
}

function safeJson(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
