import { randomBytes } from 'node:crypto';
import { toStoredDate, londonDateOf, type IsoDate } from '../../domain/calendar-date.js';
import type { StatusCounts } from '../../domain/plan-summary.js';
import { enqueue } from '../delivery/outbox.js';
import { activeBoardChannel, NO_BOARD_CHANNEL } from '../plans/board-channel.js';
import type { Db } from '../store/database.js';
import type { BoardPackView } from './board-pack-view.js';
import { boardPackUrl } from './stored-board-pack.js';

/** The slipping milestones a posted pack names; the Word document has them all. */
export const PACK_SLIPPING_SHOWN = 10;

/** What the board channel's card shows, kept with the stored pack. */
export interface BoardPackSummary {
  planName: string;
  asOf: IsoDate;
  boardDate: IsoDate | null;
  fileName: string;
  summary: StatusCounts;
  priorities: (StatusCounts & { number: number; title: string })[];
  slipping: { ref: string; title: string; owner: string | null; flags: string[] }[];
  slippingTotal: number;
}

/**
 * The board pack job: builds the pack for the coming board, keeps the document (one per
 * plan and cycle, never rebuilt, so what the board read stays on record) and queues its
 * card to the board's channel in the same transaction.
 */
export async function postBoardPack(db: Db, planId: string, run: { cycle: string; boardDate: IsoDate | null; now: Date; publicUrl: string | null }): Promise<string> {
  const existing = await db.boardPack.findFirst({ where: { planId, cycle: run.cycle }, select: { id: true } });
  if (existing) return `the board pack for ${run.cycle} was already built`;
  // Not built for nobody: the next run after a channel is chosen builds it, as of then.
  if (!(await activeBoardChannel(db, planId))) return `board pack for ${run.cycle} not built: ${NO_BOARD_CHANNEL}`;
  const asOf = londonDateOf(run.now);
  const { buildBoardPack } = await import('./build-board-pack.js');
  const built = await buildBoardPack(db, { id: planId }, asOf);
  if (!built.ok) return built.message;
  const summary = packSummary(built.view, { asOf, boardDate: run.boardDate, fileName: built.fileName });
  const token = randomBytes(24).toString('base64url');
  await db.$transaction(async (tx) => {
    await tx.boardPack.create({ data: { planId, cycle: run.cycle, asOf: toStoredDate(asOf), token, fileName: built.fileName, content: new Uint8Array(built.docx), summary: summary as object } });
    await enqueue(tx as Db, [{ idempotencyKey: `board-pack:${planId}:${run.cycle}`, kind: 'board-pack', planId, to: { boardChannelOf: planId }, payload: { type: 'board-pack', view: { ...summary, url: boardPackUrl(run.publicUrl, token) } } }], run.now);
  });
  return `board pack for ${run.cycle} built (${built.docx.length} bytes) and queued to the board channel`;
}

/** The card's figures, from the pack itself: the card and the document cannot disagree. */
function packSummary(view: BoardPackView, pack: { asOf: IsoDate; boardDate: IsoDate | null; fileName: string }): BoardPackSummary {
  return {
    planName: view.plan.name,
    ...pack,
    summary: view.summary,
    priorities: view.priorities.map((p) => ({ number: p.number, title: p.title, ...p.counts })),
    slipping: view.slipping.slice(0, PACK_SLIPPING_SHOWN).map((m) => ({ ref: m.ref, title: m.text, owner: m.owner, flags: m.flags })),
    slippingTotal: view.slipping.length,
  };
}
