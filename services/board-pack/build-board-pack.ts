import type { IsoDate } from '../../domain/calendar-date.js';
import type { PlanLookup } from '../status/find-plan.js';
import type { Db } from '../store/database.js';
import { boardPackView, type BoardPackView } from './board-pack-view.js';
import { boardPackFileName } from './pack-format.js';
import { renderBoardPackDocx } from './render-docx.js';

export type BuildBoardPackResult = { ok: true; view: BoardPackView; docx: Buffer; fileName: string } | { ok: false; message: string };

/**
 * The monthly board pack as a Word document, from the plan's stored history as of a day:
 * what the board-pack job stores and posts, and what `ib export --format docx` writes.
 */
export async function buildBoardPack(db: Db, lookup: PlanLookup, asOf: IsoDate): Promise<BuildBoardPackResult> {
  const result = await boardPackView(db, lookup, asOf);
  if (!result.ok) return result;
  const docx = await renderBoardPackDocx(result.view);
  return { ok: true, view: result.view, docx, fileName: boardPackFileName(result.view.plan.name, asOf, 'docx') };
}
