/**
 * The benchmarked engines, in report order, by name.
 *
 * Postgres counterpart: none.
 */
import type { EngineAdapter } from './adapter.js';
import { fauxgresAdapter } from './fauxgres.js';
import { fauxgresPgAdapter } from './fauxgres-pg.js';
import { fauxgresTcpAdapter } from './fauxgres-tcp.js';
import { pgMemAdapter } from './pg-mem.js';
import { pgliteAdapter } from './pglite.js';
import { postgresAdapter, type ResourceHook } from './postgres.js';

/** Options passed to every adapter factory. */
export interface AdapterOptions {
  /** Reports servers started by the adapter (pid, temp dir) for cleanup by the parent. */
  onResource?: ResourceHook;
}

const FACTORIES: Record<string, (opts: AdapterOptions) => EngineAdapter> = {
  fauxgres: () => fauxgresAdapter(),
  'fauxgres-pg': () => fauxgresPgAdapter(),
  'fauxgres-tcp': () => fauxgresTcpAdapter(),
  'pg-mem': () => pgMemAdapter(),
  pglite: () => pgliteAdapter(),
  postgres: (opts) => postgresAdapter(opts.onResource),
};

/** All engine names, in report order. */
export const ENGINE_NAMES: readonly string[] = Object.keys(FACTORIES);

/** The engine ratios are taken against, and the fauxgres reference. */
export const REFERENCE_ENGINE = 'postgres';
export const FAUXGRES_ENGINE = 'fauxgres';

/** Creates the adapter for `name`; throws on an unknown name. */
export function createAdapter(name: string, opts: AdapterOptions = {}): EngineAdapter {
  const factory = FACTORIES[name];
  if (!factory) throw new Error(`unknown engine "${name}" (known: ${ENGINE_NAMES.join(', ')})`);
  return factory(opts);
}
