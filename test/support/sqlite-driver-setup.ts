// Runs in every test worker before its test file: the same SQLite driver choice as the entry points.
import { useSupportedSqliteDriver } from '../../services/store/sqlite-driver.js';

useSupportedSqliteDriver();
