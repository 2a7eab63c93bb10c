import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../services/store/database.js';
import { reserveSendTimes, sendSlots } from '../../../services/delivery/pacing.js';
import { testStore, type TestStore } from '../../support/test-database.js';

let store: TestStore;
let second: Store;
beforeAll(async () => {
  store = await testStore('pacing');
  second = await openStore(store.target, { poolSize: 2 }); // another instance: its own connections
});
afterAll(async () => {
  await second.close();
  await store.drop();
});

const pace = { intervalMs: 20, toleranceMs: 5, readyInMs: 0 };
/** Keeps the event loop busy, as a slow query or a busy machine would. */
const block = (untilMs: number) => {
  while (Date.now() < untilMs);
};

describe('send times shared by instances', () => {
  it('two instances reserving at once get times that never overlap', async () => {
    const at = Date.now();
    const [a, b] = await Promise.all([reserveSendTimes(store.db, 'overlap', 10, 20, at), reserveSendTimes(second.db, 'overlap', 10, 20, at)]);
    const all = [...a, ...b].sort((x, y) => x - y);
    expect(all).toHaveLength(20);
    all.slice(1).forEach((t, i) => expect(t - all[i]!).toBeCloseTo(20, 6));
  });

  it('a time that went by while the process was busy is not used late: the message takes the next one', async () => {
    const slots = sendSlots(store.db, 'late', pace, Date.now);
    const times = await slots.reserve(3);
    block(times[1]! + pace.toleranceMs + 5); // the first two times go by
    await slots.wait();
    expect(Date.now()).toBeGreaterThanOrEqual(times[2]!);
  });

  it('after a 429 nothing is sent before Retry-After has passed, not even on times reserved earlier', async () => {
    const slots = sendSlots(store.db, 'held', pace, Date.now);
    const times = await slots.reserve(5);
    const until = times[0]! + 150;
    slots.hold(until);
    await slots.wait();
    expect(Date.now()).toBeGreaterThanOrEqual(until);
  });
});
