import type { IsoDate } from '../domain/calendar-date.js';
import type { RawSendResult } from '../domain/delivery.js';
import type { MilestoneStatus } from '../domain/milestone-status.js';
import type { BoardPackSummary } from './board-pack/post-board-pack.js';
import type { DirectorDigestView } from './digests/weekly-digest.js';
import type { SlippageAlertView } from './digests/slippage-sweep.js';

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

export type OutgoingMessage =
  | { kind: 'checkin'; view: CheckinView }
  | { kind: 'text'; text: string }
  | { kind: 'digest'; view: DirectorDigestView }
  | { kind: 'alert'; view: SlippageAlertView }
  | { kind: 'board-pack'; view: BoardPackCardView };

export type { DirectorDigestView } from './digests/weekly-digest.js';
export type { SlippageAlertItem, SlippageAlertView } from './digests/slippage-sweep.js';
/** The posted board pack: its stored summary and the download link. */
export type BoardPackCardView = BoardPackSummary & { url: string | null };

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
