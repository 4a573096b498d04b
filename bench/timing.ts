/**
 * Bounded timing loops and order statistics.
 *
 * Postgres counterpart: none (pgbench's per-transaction timing, simplified).
 */

/** Time budget of every warm-up loop (slow engines warm up with fewer statements). */
export const WARMUP_MS = 3_000;

/** Result of a bounded loop. */
export interface LoopResult {
  /** Iterations completed. */
  readonly done: number;
  readonly elapsedMs: number;
  /** True when the time budget stopped the loop before `count`. */
  readonly truncated: boolean;
}

/**
 * Runs `body(i)` for i = 0..count-1 sequentially, stopping early once `budgetMs` has elapsed
 * (always at least one iteration). The elapsed time covers only the iterations run.
 */
export async function timedLoop(count: number, budgetMs: number, body: (i: number) => Promise<unknown>): Promise<LoopResult> {
  const start = performance.now();
  let i = 0;
  let now = start;
  while (i < count) {
    await body(i);
    i++;
    now = performance.now();
    if (now - start > budgetMs) break;
  }
  return { done: i, elapsedMs: now - start, truncated: i < count };
}

/** Median of a non-empty list (mean of the two middle values for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** min / median / max of a list. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly n: number;
}

/** Summarises values into min / median / max. */
export function spread(values: readonly number[]): Spread {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values), n: values.length };
}

/** Note for a truncated loop, e.g. "stopped after 3,120 of 10,000 (time budget)". */
export function truncationNote(r: LoopResult, count: number): string | undefined {
  return r.truncated ? `stopped after ${r.done.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} (time budget)` : undefined;
}
