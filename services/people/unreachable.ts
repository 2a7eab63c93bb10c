import type { Db } from '../store/database.js';

export interface UnreachableOwner {
  email: string;
  name: string | null;
  reason: string;
  milestones: string[];
}

/**
 * Owners the bot cannot prompt: Teams refused (not installed, blocked, chat gone), or the
 * bot has never met them and they are in no team it is in.
 */
export async function unreachableOwners(db: Db, planName?: string): Promise<UnreachableOwner[]> {
  const owners = await db.person.findMany({
    where: { ownedMilestones: { some: planName ? { plan: { name: planName } } : {} } },
    orderBy: { email: 'asc' },
    select: {
      email: true, name: true, unreachableReason: true, teamsUserId: true,
      conversations: { where: { kind: 'PERSONAL', active: true }, select: { id: true }, take: 1 },
      ownedMilestones: { where: planName ? { plan: { name: planName } } : {}, select: { ref: true }, orderBy: { sortKey: 'asc' } },
    },
  });
  return owners.flatMap((o) => {
    const reason =
      o.unreachableReason ??
      (o.conversations.length === 0 && !o.teamsUserId ? 'has not installed the bot and is not in a team the bot is in' : null);
    return reason ? [{ email: o.email, name: o.name, reason, milestones: o.ownedMilestones.map((m) => m.ref) }] : [];
  });
}
