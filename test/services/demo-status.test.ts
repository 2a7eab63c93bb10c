import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importPlan } from '../../services/import/import-plan.js';
import { planStatus } from '../../services/status/plan-status.js';
import { projectRoot } from '../../services/project-root.js';
import { testStore, type TestStore } from '../support/test-database.js';

let store: TestStore;
beforeAll(async () => {
  store = await testStore('demo-status');
  const result = await importPlan(store.db, join(projectRoot(), 'demo/plan'), { source: 'DEMO' });
  expect(result.ok).toBe(true);
});
afterAll(() => store.drop());

describe('the demo plan as of 31 May 2019', () => {
  it('reproduces the May 2019 report: 15 on track, 6 slight slippage, 1 not yet due, 68.2%', async () => {
    const result = await planStatus(store.db, {}, '2019-05-31');
    if (!result.ok) throw new Error(result.message);
    expect(result.status.summary).toEqual({
      total: 22, onTrack: 15, slightSlippage: 6, significantSlippage: 0, complete: 0, notYetDue: 1, percentOnTrack: 68.2,
    });
    expect(result.status.priorities).toHaveLength(6);
  });
});
