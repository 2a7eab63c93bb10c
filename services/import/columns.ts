import type { ImportProblem, Sheet } from './workbook.js';

/** "Impact / Evidence" and "impact evidence" are the same header. */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export interface ColumnSpec {
  /** The name we print in messages: the canonical template's header. */
  label: string;
  synonyms: string[];
  required?: boolean;
}

export type ColumnIndex<K extends string> = Partial<Record<K, number>>;

/** Finds each known column's position; a missing required column is a problem. */
export function locateColumns<K extends string>(
  sheet: Sheet,
  specs: Record<K, ColumnSpec>,
  problems: ImportProblem[],
): ColumnIndex<K> {
  const positions = new Map(sheet.headers.map((h, i) => [headerKey(h), i] as const));
  const index: ColumnIndex<K> = {};
  for (const [key, spec] of Object.entries(specs) as [K, ColumnSpec][]) {
    const found = [spec.label, ...spec.synonyms].map(headerKey).find((k) => positions.has(k));
    if (found !== undefined) index[key] = positions.get(found)!;
    else if (spec.required) problems.push({ sheet: sheet.name, row: 1, message: `the column "${spec.label}" is missing.` });
  }
  return index;
}

export const MILESTONE_COLUMNS = {
  priority: { label: 'Priority', synonyms: ['Priority number', 'Priority no'] },
  priorityTitle: { label: 'Priority title', synonyms: [] },
  priorityAim: { label: 'Priority aim', synonyms: ['What we want to achieve', 'Aim'] },
  ref: { label: 'Ref', synonyms: ['Reference', 'Ref no'], required: true },
  text: { label: 'Milestone', synonyms: ['Progress milestone', 'Action', 'Milestone text'], required: true },
  impact: { label: 'Impact / evidence', synonyms: ['Impact', 'Evidence', 'Impact / evidence expected', 'Evidence of impact'] },
  monitoring: {
    label: 'Monitoring',
    synonyms: ['Quality assurance and monitoring framework', 'Quality assurance and monitoring', 'Quality assurance', 'QA and monitoring'],
  },
  owner: { label: 'Owner', synonyms: ['Owner (email)', 'Owner email', 'Lead', 'Lead officer'] },
  manager: { label: 'Manager', synonyms: ["Owner's manager", 'Line manager', 'Manager (email)'] },
  start: { label: 'Start', synonyms: ['Start date', 'Commenced'] },
  due: { label: 'Due', synonyms: ['Due date', 'Deadline', 'Completion date'] },
  status: { label: 'Status', synonyms: ['RAG', 'Status (RAG)', 'BRAG'] },
  keyDates: { label: 'Key Dates / Status', synonyms: ['Key dates / status (RAG)', 'Key dates'] },
  cadence: { label: 'Cadence', synonyms: ['Update cadence', 'Updates'] },
} satisfies Record<string, ColumnSpec>;

export const KPI_COLUMNS = {
  name: { label: 'KPI', synonyms: ['Name', 'Indicator', 'Measure'], required: true },
  priority: { label: 'Priority', synonyms: [] },
  unit: { label: 'Unit', synonyms: [] },
  polarity: { label: 'Polarity', synonyms: ['Good is', 'Better is'], required: true },
  target: { label: 'Target', synonyms: [] },
  tolerance: { label: 'Tolerance', synonyms: [] },
  benchmark: { label: 'Benchmark', synonyms: ['Statistical neighbours', 'SN', 'Stat neighbours'] },
  milestones: { label: 'Milestones', synonyms: ['Milestone refs', 'Linked milestones', 'Refs'] },
} satisfies Record<string, ColumnSpec>;

export const KPI_VALUE_COLUMNS = {
  kpi: { label: 'KPI', synonyms: ['Name', 'Indicator', 'Measure'], required: true },
  period: { label: 'Period', synonyms: ['Month'], required: true },
  value: { label: 'Value', synonyms: [], required: true },
  numerator: { label: 'Numerator', synonyms: [] },
  denominator: { label: 'Denominator', synonyms: [] },
} satisfies Record<string, ColumnSpec>;

export const UPDATE_COLUMNS = {
  ref: { label: 'Ref', synonyms: ['Reference'], required: true },
  date: { label: 'Date', synonyms: ['Updated', 'Update date'], required: true },
  status: { label: 'Status', synonyms: ['RAG'], required: true },
  workingWell: { label: 'Working well', synonyms: ["What's working well", 'What is working well'] },
  worriedAbout: { label: 'Worried about', synonyms: ['What are we worried about'] },
  needsToHappen: { label: 'Needs to happen', synonyms: ['What needs to happen'] },
  revisedDue: { label: 'Revised due', synonyms: ['Revised due date', 'Revised date'] },
  evidence: { label: 'Evidence', synonyms: ['Evidence links'] },
  by: { label: 'By', synonyms: ['By (email)', 'Updated by', 'Author'] },
} satisfies Record<string, ColumnSpec>;
