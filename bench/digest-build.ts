// The measuring half of bench:digest, run in a process of its own for each database so
// that its peak memory is what building the digest and the board pack costs, not what
// generating the plan cost. Reads DATABASE_URL; prints one JSON object.
import { useSupportedSqliteDriver } from '../services/store/sqlite-driver.js';

useSupportedSqliteDriver();
const { openStore } = await import('../services/store/database.js');
const { parseDatabaseUrl } = await import('../services/store/database-target.js');
const { buildWeeklyDigest } = await import('../services/digests/weekly-digest.js');
const { buildBoardPack } = await import('../services/board-pack/build-board-pack.js');
const { renderDirectorDigestCard } = await import('../cards/director-digest-card.js');
const kit = await import('./bench-kit.js');

const [asOf, milestones] = [process.argv[2]!, Number(process.argv[3])];
const RUNS = 3;

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

let queries = 0;
const store = await openStore(parseDatabaseUrl(process.env.DATABASE_URL, process.cwd()), { onQuery: () => (queries += 1) });
try {
  const digest = await time(() => buildWeeklyDigest(store.db, {}, asOf));
  const digestQueries = Math.round(queries / (RUNS + 1));
  if (!digest.last.ok || digest.last.view.headline.total !== milestones) throw new Error('the digest gave a wrong answer');
  const cardBytes = Buffer.byteLength(JSON.stringify(renderDirectorDigestCard(digest.last.view)));
  const afterDigestMb = kit.round1(process.resourceUsage().maxRSS / 1024);

  queries = 0;
  const pack = await time(() => buildBoardPack(store.db, {}, asOf));
  const packQueries = Math.round(queries / (RUNS + 1));
  if (!pack.last.ok) throw new Error(pack.last.message);

  console.log(JSON.stringify({
    digestMedianMs: digest.medianMs, digestMaxMs: digest.maxMs, digestQueries, digestCardKb: kit.round1(cardBytes / 1024), digestPeakRssMb: afterDigestMb,
    boardPackMedianMs: pack.medianMs, boardPackMaxMs: pack.maxMs, boardPackQueries: packQueries, boardPackKb: kit.round1(pack.last.docx.length / 1024),
    peakRssMb: kit.round1(process.resourceUsage().maxRSS / 1024),
  }));
} finally {
  await store.close();
}
