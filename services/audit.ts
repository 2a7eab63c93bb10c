import type { Tx } from './store/database.js';

export interface AuditRecord {
  planId: string | null;
  actorId?: string | null;
  channel: string;
  action: 'create' | 'update' | 'delete' | 'import' | 'retry';
  entity: string;
  entityId: string;
  changes: Record<string, unknown>;
}

/** Written in the same transaction as the change it records. */
export async function recordAudit(tx: Tx, records: AuditRecord[]): Promise<void> {
  if (!records.length) return;
  await tx.auditEntry.createMany({
    data: records.map((r) => ({ ...r, actorId: r.actorId ?? null, changes: r.changes as object })),
  });
}

/** The fields whose values differ, as { field: { from, to } }; empty when nothing changed. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : from === to;
    if (!same) changes[key] = { from, to };
  }
  return changes;
}
