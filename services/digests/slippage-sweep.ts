import { randomUUID } from 'node:crypto';
import { formatLongDate, londonDateOf, type IsoDate } from '../../domain/calendar-date.js';
import { alertChanges, openKeyOf, type AlertFlag } from '../../domain/slippage-alerts.js';
import { enqueue, type NewMessage } from '../delivery/outbox.js';
import { activeBoardChannel, NO_BOARD_CHANNEL } from '../plans/board-channel.js';
import { planStatus } from '../status/plan-status.js';
import type { Db } from '../store/database.js';

/** One milestone's alert. */
export interface SlippageAlertItem {
  milestoneId: string;
  ref: string;
  title: string;
  owner: string | null;
  status: string;
  flag: AlertFlag;
  /** The rule's own explanation, such as "due 31 March 2019, 61 days ago". */
  note: string;
}

/** What one sweep tells the board channel; `cards/slippage-alert-card.ts` renders it. */
export interface SlippageAlertView {
  planName: string;
  raisedOn: IsoDate;
  /** The alerts shown (the worst first, at most ALERTS_SHOWN). */
  alerts: SlippageAlertItem[];
  total: number;
}

/** A card lists at most this many alerts; the rest are counted (a plan's first sweep can raise hundreds). */
export const ALERTS_SHOWN = 15;

/**
 * The daily slippage sweep: computes every milestone's flags as of today, raises one alert
 * for each milestone that became overdue, worsened to SIGNIFICANT SLIPPAGE or is
 * contradicted by the facts, and closes the alerts whose flag has cleared. A sweep's new
 * alerts go to the board channel together, in one message, so the channel is not flooded.
 * An open alert is never raised again; its unique open key keeps two sweeps from both raising it.
 * Without a board channel nothing is raised (an alert nobody saw would never be raised
 * again): the first sweep after one is chosen raises what is open then.
 */
export async function sweepSlippage(db: Db, planId: string, now: Date): Promise<string> {
  if (!(await activeBoardChannel(db, planId))) return `no alerts raised: ${NO_BOARD_CHANNEL}`;
  const today = londonDateOf(now);
  const [result, open] = await Promise.all([
    planStatus(db, { id: planId }, today),
    db.slippageAlert.findMany({ where: { planId, clearedAt: null }, select: { id: true, milestoneId: true, flag: true } }),
  ]);
  if (!result.ok) return result.message;
  const status = result.status;
  const changes = alertChanges(status.milestones, open.map((o) => ({ milestoneId: o.milestoneId, flag: o.flag as AlertFlag })));
  const byId = new Map(status.milestones.map((m) => [m.id, m]));
  // In `slipping` order, so the worst come first when the card cannot show them all.
  const rank = new Map(status.slipping.map((m, i) => [m.id, i]));
  const alerts = changes.raise
    .map((k) => {
      const m = byId.get(k.milestoneId)!;
      const item: SlippageAlertItem = { milestoneId: m.id, ref: m.ref, title: m.title, owner: m.owner, status: m.status, flag: k.flag, note: m.flagNotes.find((n) => n.flag === k.flag)?.note ?? k.flag };
      return { id: randomUUID(), key: k, item };
    })
    .sort((a, b) => (rank.get(a.key.milestoneId) ?? 0) - (rank.get(b.key.milestoneId) ?? 0));
  const view: SlippageAlertView = { planName: status.plan.name, raisedOn: today, alerts: alerts.slice(0, ALERTS_SHOWN).map((a) => a.item), total: alerts.length };
  const messages: NewMessage[] = alerts.length ? [{ idempotencyKey: `alert:${alerts[0]!.id}`, kind: 'alert', planId, to: { boardChannelOf: planId }, payload: { type: 'alert', view } }] : [];
  const cleared = open.filter((o) => changes.clear.some((c) => c.milestoneId === o.milestoneId && c.flag === o.flag));
  await db.$transaction(async (tx) => {
    if (cleared.length) await tx.slippageAlert.updateMany({ where: { id: { in: cleared.map((c) => c.id) } }, data: { clearedAt: now, openKey: null } });
    if (!alerts.length) return;
    await tx.slippageAlert.createMany({
      data: alerts.map((a) => ({ id: a.id, planId, milestoneId: a.key.milestoneId, flag: a.key.flag, openKey: openKeyOf(a.key), detail: a.item.note, raisedAt: now })),
    });
    await enqueue(tx as Db, messages, now);
  });
  return `${alerts.length} alerts raised, ${cleared.length} cleared (as of ${formatLongDate(today)})`;
}
