import { randomUUID } from 'node:crypto';
import { refSortKey } from '../domain/milestone-ref.js';
import { MILESTONE_STATUSES } from '../domain/milestone-status.js';
import type { Db } from '../services/store/database.js';
import { chunks, seededRandom } from './bench-kit.js';

export interface PlanSize {
  milestones: number;
  updates: number;
  kpis: number;
  months: number;
  people: number;
}

const day = 86_400_000;
const START = Date.UTC(2019, 0, 1);
const END = Date.UTC(2023, 11, 31);

/** A large plan written straight into the store, repeatably (a fixed seed). */
export async function generatePlan(db: Db, name: string, size: PlanSize): Promise<void> {
  const random = seededRandom(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const org = await db.organisation.create({ data: { name: `${name} council` } });
  const plan = await db.plan.create({ data: { name, organisationId: org.id, source: 'OFSTED_ILACS' } });
  const people = Array.from({ length: size.people }, (_, i) => ({ id: randomUUID(), email: `owner${i}@bench.gov.uk`, organisationId: org.id }));
  await db.person.createMany({ data: people });
  const priorities = Array.from({ length: 10 }, (_, i) => ({ id: randomUUID(), planId: plan.id, number: i + 1, title: `Priority ${i + 1}` }));
  await db.priority.createMany({ data: priorities });
  const perPriority = Math.ceil(size.milestones / priorities.length);
  const milestones = Array.from({ length: size.milestones }, (_, i) => {
    const priority = priorities[Math.floor(i / perPriority)]!;
    const ref = `${priority.number}.${(i % perPriority) + 1}`;
    return {
      id: randomUUID(), planId: plan.id, priorityId: priority.id, ref, sortKey: refSortKey(ref), text: `Milestone ${ref}`,
      ownerId: pick(people).id, startDate: new Date(START), dueDate: new Date(START + Math.floor(random() * 6 * 365) * day),
    };
  });
  for (const batch of chunks(milestones, 1000)) await db.milestone.createMany({ data: batch });
  const updates = Array.from({ length: size.updates }, (_, i) => {
    const at = START + Math.floor(random() * (END - START));
    return {
      id: randomUUID(), milestoneId: milestones[i % milestones.length]!.id, status: pick(MILESTONE_STATUSES),
      workingWell: 'Progress reported at the monthly board.', recordedAt: new Date(at),
      revisedDueDate: random() < 0.1 ? new Date(at + 180 * day) : null, source: 'IMPORT' as const, dedupeKey: `bench:${i}`,
    };
  });
  for (const batch of chunks(updates, 5000)) await db.statusUpdate.createMany({ data: batch });
  // Evidence on about one update in twenty: most milestones have some, about a quarter none.
  const evidence = updates.filter(() => random() < 0.05).map((u, i) => ({
    id: randomUUID(), milestoneId: u.milestoneId, statusUpdateId: u.id, title: 'Audit report', url: `https://bench.example/audit/${i}`,
    addedAt: u.recordedAt, dedupeKey: `bench:${i}`,
  }));
  for (const batch of chunks(evidence, 5000)) await db.evidence.createMany({ data: batch });
  // Scheduled prompts for the last cycles, to every milestone's owner; a few answered in time by the updates above.
  const prompts = PROMPT_CYCLES.flatMap((cycle) =>
    milestones.map((m) => ({
      id: randomUUID(), milestoneId: m.id, personId: m.ownerId, cycle, trigger: 'SCHEDULE' as const, cardId: randomUUID(),
      sentAt: new Date(`${cycle}-12T08:00:00Z`),
    })),
  );
  for (const batch of chunks(prompts, 5000)) await db.prompt.createMany({ data: batch });
  const kpis = Array.from({ length: size.kpis }, (_, i) => ({
    id: randomUUID(), planId: plan.id, priorityId: pick(priorities).id, name: `KPI ${i + 1}`, unit: '%',
    polarity: random() < 0.5 ? ('HIGHER_IS_BETTER' as const) : ('LOWER_IS_BETTER' as const), target: 50, monitorOnly: false,
  }));
  await db.kpi.createMany({ data: kpis });
  const values = kpis.flatMap((k) =>
    Array.from({ length: size.months }, (_, m) => ({
      id: randomUUID(), kpiId: k.id, period: `${2019 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, value: Math.round(random() * 1000) / 10,
    })),
  );
  for (const batch of chunks(values, 5000)) await db.kpiValue.createMany({ data: batch });
  // Each KPI shows progress on three milestones (a milestone may have several KPIs).
  const links = new Map<string, { milestoneId: string; kpiId: string }>();
  for (const k of kpis) {
    for (let i = 0; i < 3; i += 1) {
      const milestoneId = pick(milestones).id;
      links.set(`${milestoneId}:${k.id}`, { milestoneId, kpiId: k.id });
    }
  }
  await db.milestoneKpi.createMany({ data: [...links.values()] });
}

/** Months a scheduled prompt went out for; the last is after the benchmark's day, so it must not count. */
const PROMPT_CYCLES = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06', '2023-07'];
