import { randomBytes } from 'node:crypto';
import { toStoredDate, londonDateOf, type IsoDate } from '../../domain/calendar-date.js';
import type { StatusCounts } from '../../domain/plan-summary.js';
import { enqueue } from '../delivery/outbox.js';
import { planStatus } from '../status/plan-status.js';
import type { Db } from '../store/database.js';
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
  const asOf = londonDateOf(run.now);
  const { buildBoardPack } = await import('./build-board-pack.js');
  const [built, status] = await Promise.all([buildBoardPack(db, { id: planId }, asOf), planStatus(db, { id: planId }, asOf)]);
  if (!built.ok) return built.message;
  if (!status.ok) return status.message;
  const s = status.status;
  const summary: BoardPackSummary = {
    planName: s.plan.name, asOf, boardDate: run.boardDate, fileName: built.fileName, summary: s.summary, priorities: s.priorities,
    slipping: s.slipping.slice(0, PACK_SLIPPING_SHOWN).map((m) => ({ ref: m.ref, title: m.title, owner: m.owner, flags: m.flags })),
    slippingTotal: s.slipping.length,
  };
  const token = randomBytes(24).toString('base64url');
  await db.$transaction(async (tx) => {
    await tx.boardPack.create({ data: { planId, cycle: run.cycle, asOf: toStoredDate(asOf), token, fileName: built.fileName, content: new Uint8Array(built.docx), summary: summary as object } });
    await enqueue(tx as Db, [{ idempotencyKey: `board-pack:${planId}:${run.cycle}`, kind: 'board-pack', planId, to: { boardChannelOf: planId }, payload: { type: 'board-pack', view: { ...summary, url: boardPackUrl(run.publicUrl, token) } } }], run.now);
  });
  return `board pack for ${run.cycle} built (${built.docx.length} bytes) and queued to the board channel`;
}
