import { randomUUID } from 'node:crypto';
import { refSortKey } from '../domain/milestone-ref.js';
import type { Db } from '../services/store/database.js';
import { chunks } from './bench-kit.js';

/**
 * Plans of `perPlan` owners with one milestone each, `owners` in all, every owner with a
 * personal chat the bot already has (so each prompt goes to its own conversation). Several
 * plans, not one: on SQLite the prompts job cannot load a plan of more than about 900
 * milestones (Prisma binds at most 999 values per SQLite statement).
 */
export async function seedOwners(db: Db, owners: number, perPlan: number, serviceUrl: string): Promise<{ planIds: string[]; chats: string[] }> {
  const org = await db.organisation.create({ data: { name: 'Fan-out council' } });
  const people = Array.from({ length: owners }, (_, i) => ({ id: randomUUID(), email: `owner${i}@fanout.gov.uk`, name: `Owner ${i}`, organisationId: org.id }));
  const chats = people.map((_, i) => `a:fanout-${i}`);
  for (const batch of chunks(people, 1000)) await db.person.createMany({ data: batch });
  const planIds: string[] = [];
  for (const [n, planOwners] of chunks(people, perPlan).entries()) {
    const plan = await db.plan.create({ data: { name: `Fan-out plan ${n + 1}`, organisationId: org.id } });
    const priority = await db.priority.create({ data: { planId: plan.id, number: 1, title: 'Priority 1' } });
    const milestones = planOwners.map((p, i) => {
      const ref = `1.${i + 1}`;
      return { id: randomUUID(), planId: plan.id, priorityId: priority.id, ref, sortKey: refSortKey(ref), text: `Milestone ${ref}`, ownerId: p.id, dueDate: new Date('2030-12-31') };
    });
    await db.milestone.createMany({ data: milestones });
    planIds.push(plan.id);
  }
  const conversations = people.map((p, i) => ({
    conversationId: chats[i]!, kind: 'PERSONAL' as const, serviceUrl, tenantId: 'fanout-tenant', personId: p.id,
    reference: { channelId: 'msteams', serviceUrl, conversation: { id: chats[i]!, conversationType: 'personal', tenantId: 'fanout-tenant' }, bot: { id: '28:bot', name: 'Improvement Board' }, user: { id: `29:fanout-${i}` } },
  }));
  for (const batch of chunks(conversations, 1000)) await db.conversation.createMany({ data: batch });
  return { planIds, chats };
}
