import { londonDateOf } from '../../domain/calendar-date.js';
import { boardPackUrl, latestBoardPackToken } from '../board-pack/stored-board-pack.js';
import { enqueue } from '../delivery/outbox.js';
import type { Db } from '../store/database.js';
import { buildWeeklyDigest } from './weekly-digest.js';

/**
 * The weekly digest job: builds the digest once and queues it to each of the plan's
 * service directors, once per director and day however often the slot runs.
 */
export async function queueWeeklyDigest(db: Db, planId: string, now: Date, publicUrl: string | null): Promise<string> {
  const asOf = londonDateOf(now);
  const directors = await db.planMember.findMany({ where: { planId, role: 'SERVICE_DIRECTOR' }, select: { personId: true } });
  if (!directors.length) return 'no service director to send the digest to';
  const token = await latestBoardPackToken(db, planId);
  const digest = await buildWeeklyDigest(db, { id: planId }, asOf, boardPackUrl(publicUrl, token));
  if (!digest.ok) return digest.message;
  const queued = await enqueue(
    db,
    directors.map((d) => ({ idempotencyKey: `digest:${planId}:${asOf}:${d.personId}`, kind: 'digest', planId, to: { personId: d.personId }, payload: { type: 'digest', view: digest.view } })),
    now,
  );
  return `weekly digest for ${asOf} queued to ${queued} of ${directors.length} service directors`;
}
