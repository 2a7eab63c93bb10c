import type { IsoDate } from '../../domain/calendar-date.js';
import type { Polarity } from '../../domain/kpi-rag.js';
import type { MilestoneStatus } from '../../domain/milestone-status.js';

export const PLAN_SOURCES = ['OFSTED_ILACS', 'OFSTED_SIF', 'LGA_PEER_REVIEW', 'LOCAL_ASSURANCE_TEST', 'OTHER'] as const;
export type PlanSource = (typeof PLAN_SOURCES)[number];
export type Cadence = 'MONTHLY' | 'QUARTERLY';

/** A plan read from a workbook and checked, ready to be written. */
export interface PlanDraft {
  name: string | null;
  source: PlanSource | null;
  organisation: string | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /** People's roles on the plan, from the Plan sheet ("Service director", "Plan administrator", "Board member"). */
  roles: { email: string; role: PlanRoleName }[];
  priorities: PriorityDraft[];
  milestones: MilestoneDraft[];
  kpis: KpiDraft[];
  kpiValues: KpiValueDraft[];
  updates: UpdateDraft[];
}

export type PlanRoleName = 'SERVICE_DIRECTOR' | 'BOARD_MEMBER' | 'PLAN_ADMINISTRATOR';

export interface PriorityDraft {
  number: number;
  title: string | null;
  aim: string | null;
}

export interface MilestoneDraft {
  priority: number;
  ref: string;
  text: string;
  impactEvidence: string;
  monitoring: string;
  ownerEmail: string | null;
  /** The owner's line manager, who hears when their updates are late. */
  managerEmail: string | null;
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  initialStatus: MilestoneStatus;
  cadence: Cadence;
}

export interface KpiDraft {
  name: string;
  priority: number | null;
  unit: string;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  monitorOnly: boolean;
  benchmark: number | null;
  /** Refs of the milestones it shows progress on; null when the sheet has no Milestones column (links left as they are). */
  milestoneRefs: string[] | null;
}

export interface KpiValueDraft {
  /** Where it was read, for messages about a KPI the plan does not have. */
  row: number;
  kpi: string;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface EvidenceDraft {
  title: string;
  url: string;
}

export interface UpdateDraft {
  ref: string;
  date: IsoDate;
  status: MilestoneStatus;
  workingWell: string;
  worriedAbout: string;
  needsToHappen: string;
  revisedDueDate: IsoDate | null;
  evidence: EvidenceDraft[];
  byEmail: string | null;
}
