import { recordAudit } from '../audit.js';
import type { Actor } from '../checkins/authorise.js';
import type { MilestoneRow } from '../milestones/find-milestone.js';
import type { Db } from '../store/database.js';

export type DelegationResult = { ok: true; message: string } | { ok: false; message: string };

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Owners and plan administrators may let someone else update a milestone. */
async function mayDelegate(db: Db, actor: Actor, milestone: MilestoneRow): Promise<boolean> {
  if (milestone.ownerId === actor.id) return true;
  const admin = await db.planMember.findFirst({ where: { planId: milestone.planId, personId: actor.id, role: 'PLAN_ADMINISTRATOR' } });
  return admin !== null;
}

export async function delegate(db: Db, actor: Actor, milestone: MilestoneRow, emailText: string, now: Date): Promise<DelegationResult> {
  if (!(await mayDelegate(db, actor, milestone))) {
    return { ok: false, message: `Only the owner of ${milestone.ref} or a plan administrator can delegate it.` };
  }
  const email = emailText.trim().replace(/^mailto:/i, '').toLowerCase();
  if (!EMAIL.test(email)) return { ok: false, message: `"${emailText}" is not an email address. Try: delegate ${milestone.ref} to name@council.gov.uk` };
  return db.$transaction(async (tx) => {
    const person = await tx.person.upsert({ where: { email }, create: { email }, update: {} });
    if (person.id === milestone.ownerId) return { ok: false as const, message: `${email} already owns ${milestone.ref}.` };
    const active = await tx.delegation.findFirst({ where: { milestoneId: milestone.id, delegateId: person.id, revokedAt: null } });
    if (active) return { ok: true as const, message: `${email} can already update ${milestone.ref}.` };
    const created = await tx.delegation.create({ data: { milestoneId: milestone.id, delegateId: person.id, grantedById: actor.id, createdAt: now } });
    await recordAudit(tx, [{ planId: milestone.planId, actorId: actor.id, channel: 'teams', action: 'create', entity: 'Delegation', entityId: created.id, changes: { ref: milestone.ref, delegate: email } }]);
    return { ok: true as const, message: `${email} can now update ${milestone.ref} for you. Undo it with: undelegate ${milestone.ref}` };
  });
}

/** Ends every active delegation of the milestone; the records stay, marked revoked. */
export async function undelegate(db: Db, actor: Actor, milestone: MilestoneRow, now: Date): Promise<DelegationResult> {
  if (!(await mayDelegate(db, actor, milestone))) {
    return { ok: false, message: `Only the owner of ${milestone.ref} or a plan administrator can change who updates it.` };
  }
  return db.$transaction(async (tx) => {
    const active = await tx.delegation.findMany({ where: { milestoneId: milestone.id, revokedAt: null }, include: { delegate: { select: { email: true } } } });
    if (!active.length) return { ok: true as const, message: `Nobody else was updating ${milestone.ref}; nothing changed.` };
    await tx.delegation.updateMany({ where: { id: { in: active.map((d) => d.id) } }, data: { revokedAt: now } });
    await recordAudit(tx, active.map((d) => ({ planId: milestone.planId, actorId: actor.id, channel: 'teams', action: 'update' as const, entity: 'Delegation', entityId: d.id, changes: { revokedAt: now.toISOString() } })));
    return { ok: true as const, message: `${active.map((d) => d.delegate.email).join(', ')} can no longer update ${milestone.ref}.` };
  });
}
