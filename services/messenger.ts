import type { IsoDate } from '../domain/calendar-date.js';
import type { MilestoneStatus } from '../domain/milestone-status.js';

/**
 * The port services send through; `bot/` implements it on Teams. Services say what to
 * send (a check-in, some text); the Teams layer decides how it looks.
 */
export interface Messenger {
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

export type SendResult =
  | { ok: true; activityId: string }
  /** Teams says never to retry these: the person or chat cannot be reached. */
  | { ok: false; unreachable: true; status: number; code: string }
  | { ok: false; unreachable: false; status: number | null; message: string };

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
