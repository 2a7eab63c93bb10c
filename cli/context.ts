import { readConfig, type Config } from '../config/config.js';
import { openStore, type Store } from '../services/store/database.js';
import { applyMigrations } from '../services/store/migrations.js';

/** What a command needs from the outside world; tests give their own. */
export interface CliContext {
  env: Record<string, string | undefined>;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => Date;
}

/** A mistake the user can fix: printed as it is, exit code 1, nothing changed. */
export class UserError extends Error {}

export function configOf(ctx: CliContext): Config {
  return readConfig(ctx.env, ctx.cwd);
}

/** Opens the store (bringing its schema up to date first), runs `work`, and closes it. */
export async function withStore<T>(ctx: CliContext, work: (store: Store) => Promise<T>): Promise<T> {
  const config = configOf(ctx);
  const store = await openStore(config.database, { poolSize: 4 });
  try {
    await applyMigrations(config.database, store.db);
    return await work(store);
  } finally {
    await store.close();
  }
}
