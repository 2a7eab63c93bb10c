import { recordAudit } from '../audit.js';
import type { Actor } from '../checkins/authorise.js';
import type { Db } from '../store/database.js';

/** The plan's board channel, when it has one the bot is still in; what packs and alerts are posted to. */
export async function activeBoardChannel(db: Db, planId: string) {
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { boardChannelId: true } });
  const channel = plan.boardChannelId ? await db.conversation.findUnique({ where: { conversationId: plan.boardChannelId } }) : null;
  return channel?.active ? channel : null;
}

/** Why a job posted nothing to the board channel, and how to mend it. */
export const NO_BOARD_CHANNEL =
  'the plan has no board channel the bot is in (a service director or plan administrator types "board channel" in the board\'s Teams channel to choose it)';

export type BoardChannelResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * Makes a channel the plan's board channel (board packs and slippage alerts go there).
 * Only the plan's service directors and administrators may; with several such plans the
 * person names one.
 */
export async function useAsBoardChannel(db: Db, actor: Actor, channel: { conversationId: string; name: string | null }, planName: string | undefined): Promise<BoardChannelResult> {
  const plans = await db.plan.findMany({
    where: { members: { some: { personId: actor.id, role: { in: ['SERVICE_DIRECTOR', 'PLAN_ADMINISTRATOR'] } } }, ...(planName ? { name: planName } : {}) },
    select: { id: true, name: true, boardChannelId: true },
    orderBy: { name: 'asc' },
    take: 20,
  });
  if (!plans.length) {
    return { ok: false, message: planName ? `You are not a service director or administrator of a plan called "${planName}", so I can't change its board channel.` : "Only a plan's service directors and administrators can choose its board channel." };
  }
  if (plans.length > 1) return { ok: false, message: `You run more than one plan; say which: ${plans.map((p) => `"board channel for ${p.name}"`).join(', ')}.` };
  const plan = plans[0]!;
  await db.$transaction(async (tx) => {
    await tx.plan.update({ where: { id: plan.id }, data: { boardChannelId: channel.conversationId, boardChannelName: channel.name } });
    await recordAudit(tx, [{ planId: plan.id, actorId: actor.id, channel: 'teams', action: 'update', entity: 'Plan', entityId: plan.id, changes: { boardChannelId: { from: plan.boardChannelId, to: channel.conversationId } } }]);
  });
  return { ok: true, message: `This channel is now the board channel for ${plan.name}: board packs and slippage alerts will be posted here.` };
}
