import type { Logger } from '../services/logger.js';
import type { Dialect } from '../services/store/database-target.js';
import type { Db } from '../services/store/database.js';

/** What every handler may use. No handler reaches for anything else. */
export interface BotDeps {
  db: Db;
  /** Which database `db` talks to, for the few statements written per dialect. */
  dialect: Dialect;
  logger: Logger;
  now: () => Date;
  /** When set, activities from any other tenant are refused. */
  allowedTenantId?: string | undefined;
}
