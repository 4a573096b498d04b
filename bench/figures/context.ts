/**
 * What a figure receives: the engine, the profile, the schema variant, a way to report numbers,
 * and shared seeded instances (one fixture, one dataset) created on first use.
 *
 * Postgres counterpart: none. Setup (schema + seed) is never inside a timed section except in
 * `ready`, whose subject it is.
 */
import type { EngineAdapter, EngineSession, ResetRun } from '../engines/adapter.js';
import { median } from '../timing.js';
import type { FigureName, Profile } from '../options.js';
import type { Measurement } from '../protocol.js';
import { datasetSeed, fixtureSeed, schemaSql, type SchemaVariant } from '../workload/workload.js';

/** Everything a figure needs. */
export interface FigureContext {
  readonly figure: FigureName;
  readonly adapter: EngineAdapter;
  readonly profile: Profile;
  readonly variant: SchemaVariant;
  emit(m: Measurement): void;
  info(key: string, value: string): void;
  /** The fixture-seeded instance shared by `insert` and `parse_heavy`. */
  fixture(): Promise<EngineSession>;
  /** The 10,000-order_items instance shared by `select_pk` and `join_agg`. */
  dataset(): Promise<EngineSession>;
}

/** A figure: measures and emits; throws only when it cannot produce anything. */
export type Figure = (ctx: FigureContext) => Promise<void>;

/** Starts a fresh instance with the schema and the given seed script. */
export async function seededInstance(adapter: EngineAdapter, variant: SchemaVariant, seed: string): Promise<EngineSession> {
  const s = await adapter.start();
  try {
    await s.exec(schemaSql(variant));
    await s.exec(seed);
  } catch (err) {
    await s.close().catch(() => {});
    throw err;
  }
  return s;
}

/** Instance cache for one worker: fixture and dataset, created lazily, closed by `closeAll`. */
export function instanceCache(adapter: EngineAdapter, variant: SchemaVariant) {
  let fixture: Promise<EngineSession> | undefined;
  let dataset: Promise<EngineSession> | undefined;
  return {
    fixture: () => (fixture ??= seededInstance(adapter, variant, fixtureSeed())),
    dataset: () =>
      (dataset ??= (async () => {
        const s = await seededInstance(adapter, variant, datasetSeed());
        // Real servers keep statistics up to date (autovacuum); give every engine that can the same.
        await s.exec('ANALYZE').catch(() => {});
        return s;
      })()),
    closeAll: async () => {
      for (const p of [fixture, dataset]) {
        if (p) await (await p.catch(() => undefined))?.close().catch(() => {});
      }
      fixture = dataset = undefined;
    },
  };
}

/** Forces garbage collection when the worker runs with --expose-gc. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/** A memory reading of this process (after GC) plus the engine's external memory, if any. */
export interface MemoryReading {
  js: number;
  rss: number;
  external: number;
}

/** Reads memory after forcing GC twice around a short pause. */
export async function readMemory(ctx: FigureContext): Promise<MemoryReading> {
  collectGarbage();
  await new Promise((r) => setTimeout(r, 50));
  collectGarbage();
  const m = process.memoryUsage();
  const ext = ctx.adapter.externalMemory ? (await ctx.adapter.externalMemory()).bytes : 0;
  return { js: m.heapUsed + m.external, rss: m.rss, external: ext };
}

/**
 * Times a prepared reset strategy over simulated tests (at least 3 cycles, then up to `cycles`
 * within `budgetMs`); `test` answers whether it found the clean state. Emits `key` (median ms,
 * marked DOES NOT RESET when a test saw a dirty state) and returns the median when every test
 * was clean. `between` runs after the timed cycles, before the run is disposed.
 */
export async function timeResetCycles(
  ctx: FigureContext,
  key: string,
  description: string,
  run: ResetRun,
  limits: { cycles: number; budgetMs: number },
  test: (s: EngineSession) => Promise<boolean>,
  between?: () => Promise<void>,
): Promise<number | undefined> {
  const times: number[] = [];
  let dirty = 0;
  try {
    const start = performance.now();
    while (times.length < limits.cycles && (times.length < 3 || performance.now() - start < limits.budgetMs)) {
      times.push(await run.cycle(async (s) => void (!(await test(s)) && dirty++)));
    }
    await between?.();
  } finally {
    await run.dispose();
  }
  const ms = median(times);
  const notes = [`${times.length} cycles`, description];
  if (dirty > 0) notes.unshift(`DOES NOT RESET: ${dirty} of ${times.length} tests saw a dirty state`);
  ctx.emit({ key, value: ms, unit: 'ms', note: notes.join('; ') });
  return dirty === 0 ? ms : undefined;
}
