import { describe, expect, it } from 'vitest';
import { directionOfTravel, kpiRag, type Polarity } from '../../domain/kpi-rag.js';

const lower = (target: number | null, tolerance = 0.15) => ({ polarity: 'LOWER_IS_BETTER' as Polarity, target, tolerance, monitorOnly: false });
const higher = (target: number | null, tolerance = 0.15) => ({ polarity: 'HIGHER_IS_BETTER' as Polarity, target, tolerance, monitorOnly: false });

describe('KPI RAG against target', () => {
  it('lower is better: green at or under target, amber within 15% over, red beyond', () => {
    expect(kpiRag(25, lower(25))).toBe('green');
    expect(kpiRag(20, lower(25))).toBe('green');
    expect(kpiRag(28.75, lower(25))).toBe('amber');
    expect(kpiRag(28.76, lower(25))).toBe('red');
  });

  it('higher is better: green at or over target, amber within 15% under, red beyond', () => {
    expect(kpiRag(70, higher(70))).toBe('green');
    expect(kpiRag(59.5, higher(70))).toBe('amber');
    expect(kpiRag(59.4, higher(70))).toBe('red');
  });

  it('uses the KPI’s own tolerance', () => {
    expect(kpiRag(27, lower(25, 0.05))).toBe('red');
    expect(kpiRag(26, lower(25, 0.05))).toBe('amber');
  });

  it('has no RAG for monitor-only KPIs or without a target', () => {
    expect(kpiRag(10, { ...lower(25), monitorOnly: true })).toBeNull();
    expect(kpiRag(10, lower(null))).toBeNull();
  });
});

describe('direction of travel', () => {
  it('respects polarity, and needs a previous figure', () => {
    expect(directionOfTravel(32.4, 32.6, 'LOWER_IS_BETTER')).toBe('improving');
    expect(directionOfTravel(32.4, 32.6, 'HIGHER_IS_BETTER')).toBe('worsening');
    expect(directionOfTravel(10, 10, 'HIGHER_IS_BETTER')).toBe('unchanged');
    expect(directionOfTravel(10, null, 'HIGHER_IS_BETTER')).toBeNull();
  });
});

describe('the March 2019 figures of the May 2019 progress report', () => {
  const cases: [string, number, number, number, Polarity, string, string][] = [
    ['Re-referrals within 12 months', 32.4, 32.6, 25, 'LOWER_IS_BETTER', 'red', 'improving'],
    ['Children on multiple CP plans', 22.7, 24.8, 23, 'LOWER_IS_BETTER', 'green', 'improving'],
    ['Short-term placement stability', 10.7, 11.5, 12, 'LOWER_IS_BETTER', 'green', 'improving'],
    ['Long-term placement stability', 66.1, 67.6, 70, 'HIGHER_IS_BETTER', 'amber', 'worsening'],
    ['Care leavers in EET', 56.6, 57.5, 65, 'HIGHER_IS_BETTER', 'amber', 'worsening'],
    ['Care leavers in suitable accommodation', 94.3, 95.9, 90, 'HIGHER_IS_BETTER', 'green', 'worsening'],
    ['Initial conference within 15 working days', 80.6, 80.3, 75, 'HIGHER_IS_BETTER', 'green', 'improving'],
  ];
  it.each(cases)('%s: %d against %d', (_name, value, previous, target, polarity, rag, direction) => {
    expect(kpiRag(value, { polarity, target, tolerance: 0.15, monitorOnly: false })).toBe(rag);
    expect(directionOfTravel(value, previous, polarity)).toBe(direction);
  });
});
