import type { Db } from '../store/database.js';

export interface PlanLookup {
  /** May be omitted when the store holds one plan. */
  name?: string;
  /** The plan's id, when a job (not a person) names it. */
  id?: string;
}

export type FindPlanResult = { ok: true; plan: { id: string; name: string } } | { ok: false; message: string };

export async function findPlan(db: Db, lookup: PlanLookup): Promise<FindPlanResult> {
  if (lookup.id) {
    const plan = await db.plan.findUnique({ where: { id: lookup.id }, select: { id: true, name: true } });
    return plan ? { ok: true, plan } : { ok: false, message: 'That plan is no longer in the store.' };
  }
  if (lookup.name) {
    const plan = await db.plan.findUnique({ where: { name: lookup.name }, select: { id: true, name: true } });
    if (plan) return { ok: true, plan };
    const names = await planNames(db);
    return { ok: false, message: `There is no plan called "${lookup.name}".${names ? ` Plans: ${names}.` : ''}` };
  }
  const plans = await db.plan.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 2 });
  if (plans.length === 1) return { ok: true, plan: plans[0]! };
  if (plans.length === 0) return { ok: false, message: 'There is no plan yet. Load one with "ib import <file>" or try "ib demo".' };
  return { ok: false, message: `There is more than one plan; choose one with --plan. Plans: ${await planNames(db)}.` };
}

async function planNames(db: Db): Promise<string> {
  const plans = await db.plan.findMany({ select: { name: true }, orderBy: { name: 'asc' }, take: 20 });
  return plans.map((p) => `"${p.name}"`).join(', ');
}
