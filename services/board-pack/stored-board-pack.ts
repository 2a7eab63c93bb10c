import type { Db } from '../store/database.js';

/** The link a board pack is downloaded from, when the service has a public address. */
export function boardPackUrl(publicUrl: string | null, token: string | null): string | null {
  if (!publicUrl || !token) return null;
  return `${publicUrl.replace(/\/+$/, '')}/board-packs/${encodeURIComponent(token)}`;
}

export async function latestBoardPackToken(db: Db, planId: string): Promise<string | null> {
  const pack = await db.boardPack.findFirst({ where: { planId }, orderBy: { createdAt: 'desc' }, select: { token: true } });
  return pack?.token ?? null;
}

/** A stored pack, by the unguessable token its link carries. */
export async function findBoardPack(db: Db, token: string): Promise<{ fileName: string; content: Uint8Array } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db.boardPack.findUnique({ where: { token }, select: { fileName: true, content: true } });
}
