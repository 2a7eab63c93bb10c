import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../project-root.js';

/**
 * better-sqlite3 12 aborts the process on Node 24 when V8 collects one of its statements
 * (its destructor asserts inside Node: WiseLibs/better-sqlite3#1515, closed unfixed);
 * better-sqlite3 13 fixes that but is an N-API 10 build, which crashes on Node 20. Both
 * are installed (13 as `better-sqlite3-napi`); on a runtime with N-API 10 this sends
 * every `import 'better-sqlite3'`, Prisma's adapter included, to version 13.
 * Call it first thing in an entry point, before anything imports the driver.
 */
export function useSupportedSqliteDriver(): void {
  if (Number(process.versions.napi) >= 10) {
    register(pathToFileURL(join(projectRoot(), 'services/store/sqlite-driver-resolve.mjs')));
  }
}
