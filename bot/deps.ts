import type { Logger } from '../services/logger.js';
import type { Db } from '../services/store/database.js';

/** What every handler may use. No handler reaches for anything else. */
export interface BotDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** When set, activities from any other tenant are refused. */
  allowedTenantId?: string | undefined;
}
