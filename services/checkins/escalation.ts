import type { Db } from '../store/database.js';

/** Who hears about an owner's missing update: their line manager, else the plan's service directors. */
export async function escalationRecipients(db: Db, ownerId: string, planId: string): Promise<{ id: string }[]> {
  const owner = await db.person.findUniqueOrThrow({ where: { id: ownerId }, select: { managerId: true } });
  if (owner.managerId && owner.managerId !== ownerId) return [{ id: owner.managerId }];
  const directors = await db.planMember.findMany({ where: { planId, role: 'SERVICE_DIRECTOR', personId: { not: ownerId } }, select: { personId: true } });
  return directors.map((d) => ({ id: d.personId }));
}

export const displayName = (p: { name: string | null; email: string }) => p.name ?? p.email;
