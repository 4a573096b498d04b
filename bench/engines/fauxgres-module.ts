/**
 * Loads the fauxgres engine from src/index.ts and describes what it offers, by feature
 * detection: the engine is being written while this benchmark exists, so every missing piece
 * becomes an `EngineUnavailable` with a reason instead of a crash or a type error.
 *
 * Postgres counterpart: none. The shapes below are what the benchmark expects of the public API
 * (see the issue): `Database.create()`, `db.exec`, `db.query`, optional `db.fork()`,
 * `db.snapshot()` / `db.restore()`, `db.pg()`, and a `createServer(db, { port })` export.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EngineUnavailable, type QueryResultLike } from './adapter.js';

/** A fauxgres database as the benchmark uses it. */
export interface FauxDatabase {
  exec(sql: string): Promise<unknown>;
  query(sql: string, params?: readonly unknown[]): Promise<QueryResultLike>;
  fork?: () => FauxDatabase | Promise<FauxDatabase>;
  snapshot?: () => unknown;
  restore?: (snapshot: unknown) => unknown;
  pg?: () => { Client: new (config?: unknown) => FauxPgClient; Pool?: unknown };
  close(): Promise<unknown> | unknown;
}

/** The in-process `pg` client returned by `db.pg()`. */
export interface FauxPgClient {
  connect(): Promise<unknown>;
  query(text: string, values?: unknown[]): Promise<QueryResultLike>;
  end(): Promise<unknown>;
}

/** Whatever `createServer(db, { port })` returns; closed by `close()` (callback or promise). */
export interface FauxServer {
  close(cb?: () => void): unknown;
  port?: number;
  address?: () => unknown;
}

/** The module's surface the benchmark needs. */
export interface FauxgresModule {
  Database: { create(options?: unknown): Promise<FauxDatabase> };
  createServer?: (db: FauxDatabase, options: { port: number; host?: string }) => FauxServer | Promise<FauxServer>;
}

let loaded: Promise<FauxgresModule> | undefined;

/**
 * The module benchmarked: src/index.ts, or the file named by the FAUXGRES_ENTRY environment
 * variable (relative to the repository root), e.g. `FAUXGRES_ENTRY=dist/index.js` for the build.
 */
export function fauxgresEntry(): string {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return resolve(root, process.env.FAUXGRES_ENTRY ?? 'src/index.ts');
}

/** Imports the engine once; rejects with EngineUnavailable when it is missing, throws, or lacks `Database.create`. */
export function loadFauxgres(): Promise<FauxgresModule> {
  loaded ??= (async () => {
    const entry = fauxgresEntry();
    const shown = relative(fileURLToPath(new URL('../../', import.meta.url)), entry);
    if (!existsSync(entry)) throw new EngineUnavailable(`${shown} does not exist yet`);
    let mod: Partial<FauxgresModule>;
    try {
      // A computed specifier keeps tsc from resolving a file that may not exist yet.
      mod = (await import(pathToFileURL(entry).href)) as Partial<FauxgresModule>;
    } catch (err) {
      throw new EngineUnavailable(`importing ${shown} failed: ${(err as Error).message.split('\n')[0]}`);
    }
    if (typeof mod.Database?.create !== 'function') throw new EngineUnavailable(`${shown} does not export Database.create()`);
    return mod as FauxgresModule;
  })();
  return loaded;
}

/** Creates a database, turning a throw into EngineUnavailable (the engine is not ready yet). */
export async function createFauxDatabase(): Promise<FauxDatabase> {
  const mod = await loadFauxgres();
  try {
    return await mod.Database.create();
  } catch (err) {
    throw new EngineUnavailable(`Database.create() failed: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Calls `fork()`, awaiting it if the engine made it async. */
export async function forkOf(db: FauxDatabase): Promise<FauxDatabase> {
  return await db.fork!();
}
