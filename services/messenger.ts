import type { IsoDate } from '../domain/calendar-date.js';
import type { RawSendResult } from '../domain/delivery.js';
import type { MilestoneStatus } from '../domain/milestone-status.js';

/**
 * The port services send through; `bot/` implements it on Teams. Services say what to
 * send (a check-in, some text); the Teams layer decides how it looks.
 */
export interface Messenger {
  /** One attempt, no retries of its own: the dispatcher decides what an answer means. */
  send(to: ConversationAddress, message: OutgoingMessage): Promise<SendResult>;
  /** Opens a 1:1 chat with someone found in a team roster. */
  openPersonalChat(user: { teamsUserId: string; tenantId: string; serviceUrl: string }): Promise<OpenChatResult>;
}

export interface ConversationAddress {
  conversationId: string;
  serviceUrl: string;
  tenantId: string | null;
  /** The reference exactly as Teams gave it. */
  reference: unknown;
}

export type OutgoingMessage = { kind: 'checkin'; view: CheckinView } | { kind: 'text'; text: string };

/** Teams' answer: the activity id, or the HTTP status, Teams' error code and any Retry-After. */
export type SendResult = RawSendResult;

export type OpenChatResult = { ok: true; address: ConversationAddress } | { ok: false; status: number | null; code: string };

/** What a check-in card shows; `cards/checkin-card.ts` renders it. */
export interface CheckinView {
  milestoneId: string;
  ref: string;
  title: string;
  planName: string;
  dueDate: IsoDate | null;
  currentStatus: MilestoneStatus;
  lastUpdate: {
    date: IsoDate;
    status: MilestoneStatus;
    by: string | null;
    workingWell: string;
    worriedAbout: string;
    needsToHappen: string;
  } | null;
  cycle: string | null;
  cardId: string;
  overdue: boolean;
}
