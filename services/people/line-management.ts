import { toStoredDate, type IsoDate } from '../../domain/calendar-date.js';
import { recordAudit } from '../audit.js';
import type { Db } from '../store/database.js';

export type PeopleResult = { ok: true } | { ok: false; message: string };

async function personByEmail(db: Db, email: string) {
  return db.person.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, managerId: true, awayUntil: true } });
}

/** Sets whom an owner's overdue updates are escalated to. */
export async function setManager(db: Db, email: string, managerEmail: string, channel: string): Promise<PeopleResult> {
  const [person, manager] = await Promise.all([personByEmail(db, email), personByEmail(db, managerEmail)]);
  if (!person) return { ok: false, message: `There is nobody with the email ${email} in the plans.` };
  if (!manager) return { ok: false, message: `There is nobody with the email ${managerEmail} in the plans; import them first (for example as an owner or in the Manager column).` };
  if (manager.id === person.id) return { ok: false, message: 'Someone cannot be their own line manager.' };
  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id: person.id }, data: { managerId: manager.id } });
    await recordAudit(tx, [{ planId: null, channel, action: 'update', entity: 'Person', entityId: person.id, changes: { managerId: { from: person.managerId, to: manager.id } } }]);
  });
  return { ok: true };
}

/** Marks someone away until a day (included), or back (null): away owners are not prompted. */
export async function setAway(db: Db, email: string, until: IsoDate | null, channel: string): Promise<PeopleResult> {
  const person = await personByEmail(db, email);
  if (!person) return { ok: false, message: `There is nobody with the email ${email} in the plans.` };
  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id: person.id }, data: { awayUntil: until ? toStoredDate(until) : null } });
    await recordAudit(tx, [{ planId: null, channel, action: 'update', entity: 'Person', entityId: person.id, changes: { awayUntil: { from: person.awayUntil, to: until } } }]);
  });
  return { ok: true };
}
