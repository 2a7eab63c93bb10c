// npm run bench:digest — the weekly director digest and the monthly board pack (the Word
// document with its charts) for a plan of 2,000 milestones, 50,000 updates and
// 200 KPIs × 60 months, on SQLite and PostgreSQL. Last line: one JSON object.
import { useSupportedSqliteDriver } from '../services/store/sqlite-driver.js';

useSupportedSqliteDriver();
const { openStore } = await import('../services/store/database.js');
const { applyMigrations } = await import('../services/store/migrations.js');
const { buildWeeklyDigest } = await import('../services/digests/weekly-digest.js');
const { buildBoardPack } = await import('../services/board-pack/build-board-pack.js');
const { renderDirectorDigestCard } = await import('../cards/director-digest-card.js');
const kit = await import('./bench-kit.js');
const { generatePlan } = await import('./generate-plan.js');

const SIZE = { milestones: 2000, updates: 50_000, kpis: 200, months: 60, people: 200 };
const AS_OF = '2023-06-30';
const TARGET = { digestMs: 1000, boardPackMs: 10_000 };
const RUNS = 3;
const memory = kit.trackPeakRss();
const { targets, cleanUp } = await kit.benchTargets('digest');
const results: Record<string, unknown> = {};
let pass = true;

/** Times `work` RUNS times after one warm-up; returns the median and max, and the last answer. */
async function time<T>(work: () => Promise<T>): Promise<{ medianMs: number; maxMs: number; last: T }> {
  let last = await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    last = await work();
    times.push(performance.now() - t);
  }
  return { medianMs: kit.median(times), maxMs: kit.round1(Math.max(...times)), last };
}

try {
  for (const target of targets) {
    await applyMigrations(target);
    let queries = 0;
    const store = await openStore(target, { onQuery: () => (queries += 1) });
    await generatePlan(store.db, 'Bench plan', SIZE);
    console.log(`${target.dialect}: plan generated`);

    queries = 0;
    const digest = await time(() => buildWeeklyDigest(store.db, {}, AS_OF));
    const digestQueries = Math.round(queries / (RUNS + 1));
    if (!digest.last.ok || digest.last.view.headline.total !== SIZE.milestones) throw new Error('the digest gave a wrong answer');
    const cardBytes = Buffer.byteLength(JSON.stringify(renderDirectorDigestCard(digest.last.view)));

    queries = 0;
    const pack = await time(() => buildBoardPack(store.db, {}, AS_OF));
    const packQueries = Math.round(queries / (RUNS + 1));
    if (!pack.last.ok) throw new Error(pack.last.message);
    await store.close();

    const figures = {
      digestMedianMs: digest.medianMs, digestMaxMs: digest.maxMs, digestQueries, digestCardKb: kit.round1(cardBytes / 1024),
      boardPackMedianMs: pack.medianMs, boardPackMaxMs: pack.maxMs, boardPackQueries: packQueries, boardPackKb: kit.round1(pack.last.docx.length / 1024),
    };
    console.log(`${target.dialect}: digest ${figures.digestMedianMs} ms (${digestQueries} queries, card ${figures.digestCardKb} KB); board pack ${figures.boardPackMedianMs} ms (${packQueries} queries, ${figures.boardPackKb} KB)`);
    if (figures.digestMaxMs >= TARGET.digestMs || figures.boardPackMaxMs >= TARGET.boardPackMs || cardBytes > 80 * 1024) pass = false;
    results[target.dialect] = figures;
  }
} finally {
  await cleanUp();
}

console.log(JSON.stringify({ bench: 'digest', size: SIZE, ...results, peakRssMb: memory.stop(), target: TARGET, pass }));
process.exit(pass ? 0 : 1);
