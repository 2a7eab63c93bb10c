// The service's entry point (npm start). The SQLite driver must be chosen before anything
// loads it, so the service itself is imported only afterwards.
import { useSupportedSqliteDriver } from '../services/store/sqlite-driver.js';

useSupportedSqliteDriver();
await import('./service.js');
