// A module resolution hook, registered by sqlite-driver.ts through node:module's register().
// Plain JavaScript so that it loads the same from the sources (tests) and from dist/.
// Both the bare name and an already-resolved path (test runners resolve paths themselves)
// are sent to the N-API build.
const OLD = '/node_modules/better-sqlite3/';
const NEW = '/node_modules/better-sqlite3-napi/';

export async function resolve(specifier, context, next) {
  const result = await next(specifier === 'better-sqlite3' ? 'better-sqlite3-napi' : specifier, context);
  return result.url.includes(OLD) ? { ...result, url: result.url.replace(OLD, NEW) } : result;
}
