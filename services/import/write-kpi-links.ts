import type { AuditRecord } from '../audit.js';
import type { Tx } from '../store/database.js';
import type { PlanDraft } from './plan-draft.js';

/** Links made, links taken away (no longer on the sheet), links already there. */
export interface LinkCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/**
 * The KPIs sheet's Milestones column: each KPI's links become exactly the milestones
 * listed, so a link taken off the sheet is removed. A KPI on a sheet without the column
 * keeps its links. Every link made or removed is audited.
 */
export async function writeKpiLinks(
  tx: Tx, draft: PlanDraft, kpis: Map<string, { id: string }>, milestones: Map<string, string>,
  planId: string, channel: string,
): Promise<{ counts: LinkCounts; audit: AuditRecord[] }> {
  const counts: LinkCounts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  const audit: AuditRecord[] = [];
  const listed = draft.kpis.filter((k) => k.milestoneRefs !== null);
  if (!listed.length) return { counts, audit };
  const refOf = new Map([...milestones].map(([ref, id]) => [id, ref]));
  const existing = await tx.milestoneKpi.findMany({ where: { kpi: { planId } }, select: { milestoneId: true, kpiId: true } });
  const created: { milestoneId: string; kpiId: string }[] = [];
  for (const k of listed) {
    const kpiId = kpis.get(k.name.toLowerCase())!.id;
    const wanted = new Set(k.milestoneRefs!.map((ref) => milestones.get(ref)!));
    const have = new Set(existing.filter((l) => l.kpiId === kpiId).map((l) => l.milestoneId));
    const record = (action: 'create' | 'delete', milestoneId: string) =>
      audit.push({ planId, channel, action, entity: 'MilestoneKpi', entityId: `${milestoneId}:${kpiId}`, changes: { kpi: k.name, milestone: refOf.get(milestoneId) ?? milestoneId } });
    for (const milestoneId of wanted) {
      if (have.has(milestoneId)) counts.unchanged += 1;
      else {
        created.push({ milestoneId, kpiId });
        record('create', milestoneId);
      }
    }
    const gone = [...have].filter((id) => !wanted.has(id));
    if (gone.length) await tx.milestoneKpi.deleteMany({ where: { kpiId, milestoneId: { in: gone } } });
    for (const milestoneId of gone) record('delete', milestoneId);
    counts.removed += gone.length;
  }
  if (created.length) await tx.milestoneKpi.createMany({ data: created });
  counts.created = created.length;
  return { counts, audit };
}
