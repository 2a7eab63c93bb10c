import type { Db } from '../store/database.js';

export type Role = 'owner' | 'delegate' | 'plan administrator';

export type Actor = { id: string; email: string; name: string | null };

/**
 * Who is acting, from the AAD object id Teams puts on the activity (never from card
 * data). Undefined when this Teams user is not linked to anyone in a plan.
 */
export async function actorFor(db: Db, aadObjectId: string | undefined): Promise<Actor | undefined> {
  if (!aadObjectId) return undefined;
  const person = await db.person.findUnique({ where: { aadObjectId }, select: { id: true, email: true, name: true } });
  return person ?? undefined;
}

export const NOT_LINKED =
  "I can't match your Teams account to anyone in an improvement plan yet. Ask your plan administrator to add your email address to the plan.";

/** Only the owner, an active delegate or a plan administrator may update a milestone. */
export async function roleOn(db: Db, personId: string, milestone: { id: string; planId: string; ownerId: string | null }): Promise<Role | undefined> {
  if (milestone.ownerId === personId) return 'owner';
  const [delegation, admin] = await Promise.all([
    db.delegation.findFirst({ where: { milestoneId: milestone.id, delegateId: personId, revokedAt: null }, select: { id: true } }),
    db.planMember.findFirst({ where: { planId: milestone.planId, personId, role: 'PLAN_ADMINISTRATOR' }, select: { id: true } }),
  ]);
  return roleFrom({ isOwner: false, isDelegate: delegation !== null, isAdministrator: admin !== null });
}

/** The same rule, from facts already read (see checkin-records.ts). */
export function roleFrom(facts: { isOwner: boolean; isDelegate: boolean; isAdministrator: boolean }): Role | undefined {
  if (facts.isOwner) return 'owner';
  if (facts.isDelegate) return 'delegate';
  if (facts.isAdministrator) return 'plan administrator';
  return undefined;
}

export function refusal(ref: string): string {
  return `Only the owner of milestone ${ref}, someone they have delegated it to, or a plan administrator can update it. Nothing was recorded.`;
}
