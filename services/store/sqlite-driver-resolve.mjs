// A module resolution hook, registered by sqlite-driver.ts through node:module's register().
// Plain JavaScript so that it loads the same from the sources (tests) and from dist/.
export async function resolve(specifier, context, next) {
  return next(specifier === 'better-sqlite3' ? 'better-sqlite3-napi' : specifier, context);
}
