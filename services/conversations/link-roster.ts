import type { Db } from '../store/database.js';
import type { TeamsUser } from './record-conversation.js';

export interface RosterResult {
  linked: number;
  unmatched: number;
}

/**
 * Links everyone in a team's roster who is a person in a plan, so owners who never
 * spoke to the bot can still be prompted: their Teams id is enough to open a 1:1 chat.
 */
export async function linkRoster(db: Db, members: TeamsUser[], where: { tenantId: string | null; serviceUrl: string }): Promise<RosterResult> {
  const keys = members.flatMap((m) => [m.email, m.upn]).filter((e): e is string => !!e).map((e) => e.toLowerCase());
  const people = await db.person.findMany({
    where: { OR: [{ aadObjectId: { in: members.map((m) => m.aadObjectId) } }, { email: { in: keys } }, { upn: { in: keys } }] },
    select: { id: true, email: true, upn: true, aadObjectId: true },
  });
  const byKey = new Map<string, string>();
  for (const p of people) {
    for (const key of [p.aadObjectId, p.email, p.upn?.toLowerCase()]) if (key) byKey.set(key, p.id);
  }
  let linked = 0;
  await db.$transaction(async (tx) => {
    for (const m of members) {
      const personId = byKey.get(m.aadObjectId) ?? byKey.get(m.email?.toLowerCase() ?? '') ?? byKey.get(m.upn?.toLowerCase() ?? '');
      if (!personId) continue;
      await tx.person.update({
        where: { id: personId },
        data: { aadObjectId: m.aadObjectId, teamsUserId: m.teamsUserId, tenantId: where.tenantId, serviceUrl: where.serviceUrl, ...(m.upn ? { upn: m.upn } : {}) },
      });
      linked += 1;
    }
  });
  return { linked, unmatched: members.length - linked };
}
