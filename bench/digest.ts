// npm run bench:digest — the weekly director digest and the monthly board pack (the Word
// document with its charts) for a plan of 2,000 milestones, 50,000 updates and
// 200 KPIs × 60 months, on SQLite and PostgreSQL. Last line: one JSON object.
import { join } from 'node:path';
import { useSupportedSqliteDriver } from '../services/store/sqlite-driver.js';

useSupportedSqliteDriver();
const { projectRoot } = await import('../services/project-root.js');
const { openStore } = await import('../services/store/database.js');
const { applyMigrations } = await import('../services/store/migrations.js');
const kit = await import('./bench-kit.js');
const { generatePlan } = await import('./generate-plan.js');

const SIZE = { milestones: 2000, updates: 50_000, kpis: 200, months: 60, people: 200 };
const AS_OF = '2023-06-30';
const TARGET = { digestMs: 1000, boardPackMs: 10_000 };
const { targets, cleanUp } = await kit.benchTargets('digest');
const results: Record<string, unknown> = {};
let pass = true;

try {
  for (const target of targets) {
    await applyMigrations(target);
    const store = await openStore(target);
    await generatePlan(store.db, 'Bench plan', SIZE);
    // As in bench:status: autovacuum would otherwise analyse the new rows during the timing.
    if (target.dialect === 'postgresql') await store.db.$executeRawUnsafe('VACUUM ANALYZE');
    await store.close();
    console.log(`${target.dialect}: plan generated`);

    // Measured in a fresh process (digest-build.ts): its peak memory is the builds' own.
    const { stdout } = await kit.run(process.execPath, [join(projectRoot(), 'dist/bench/digest-build.js'), AS_OF, String(SIZE.milestones)], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: kit.databaseUrl(target) },
      maxBuffer: 1024 * 1024,
    });
    const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      digestMedianMs: number; digestMaxMs: number; digestQueries: number; digestCardKb: number;
      boardPackMedianMs: number; boardPackMaxMs: number; boardPackQueries: number; boardPackKb: number; peakRssMb: number;
    };
    console.log(`${target.dialect}: digest ${figures.digestMedianMs} ms (${figures.digestQueries} queries, card ${figures.digestCardKb} KB); board pack ${figures.boardPackMedianMs} ms (${figures.boardPackQueries} queries, ${figures.boardPackKb} KB); peak memory ${figures.peakRssMb} MB`);
    if (figures.digestMaxMs >= TARGET.digestMs || figures.boardPackMaxMs >= TARGET.boardPackMs || figures.digestCardKb > 80) pass = false;
    results[target.dialect] = figures;
  }
} finally {
  await cleanUp();
}

console.log(JSON.stringify({ bench: 'digest', size: SIZE, ...results, target: TARGET, pass }));
process.exit(pass ? 0 : 1);
