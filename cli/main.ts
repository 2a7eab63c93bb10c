#!/usr/bin/env node
// The `ib` command. The SQLite driver must be chosen before anything loads it, so the
// command itself is imported only afterwards.
import { useSupportedSqliteDriver } from '../services/store/sqlite-driver.js';

useSupportedSqliteDriver();
await import('./run.js');
