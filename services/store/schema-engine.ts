import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { AdapterFactory } from './adapters.js';

let initialised: Promise<void> | undefined;

/**
 * The WASM build of Prisma's schema engine: migrations without the native binary that
 * the Prisma CLI would download. The package is a wasm-bindgen "bundler" build, so Node
 * cannot import its root; we instantiate the module ourselves, once per process.
 */
function initialise(): Promise<void> {
  initialised ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
      .replace(/schema_engine_bg\.js$/, 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return initialised;
}

export interface EngineLog {
  (message: string): void;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes the connections it opened (it does not close them itself). */
  close(): Promise<void>;
}

/** Opens a schema engine on a database. */
export async function openSchemaEngine(
  factory: AdapterFactory,
  datamodel: { path: string; content: string },
  log: EngineLog = () => {},
): Promise<OpenEngine> {
  await initialise();
  const connections: SqlDriverAdapter[] = [];
  const tracked = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    connectToShadowDb: async () => remember(await factory.connectToShadowDb()),
  };
  function remember(connection: SqlDriverAdapter) {
    connections.push(connection);
    return connection;
  }
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[datamodel.path, datamodel.content]] },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(tracked as SqlMigrationAwareDriverAdapterFactory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(connections.map((c) => c.dispose()));
    },
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
