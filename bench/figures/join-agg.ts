/**
 * `join_agg`: order_items ⋈ orders ⋈ products, GROUP BY category and status, ORDER BY revenue,
 * over the dataset's 10,000 order_items; median of the timed runs, milliseconds. A fingerprint
 * of the result (row count and a hash of the values as text) lets the report check that every
 * engine returned the same answer.
 *
 * Postgres counterpart: a typical reporting query (hash joins + HashAggregate + Sort on a server).
 */
import { WARMUP_MS, median } from '../timing.js';
import { JOIN_AGG_SQL } from '../workload/workload.js';
import type { Figure } from './context.js';

/** FNV-1a over the rows' values rendered as text (numbers and numeric strings compare equal). */
export function fingerprint(rows: readonly unknown[]): string {
  let h = 0x811c9dc5;
  for (const row of rows) {
    const text = Object.values(row as Record<string, unknown>)
      .map((v) => (v === null || v === undefined ? '\\N' : String(v)))
      .join('|');
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return `${rows.length} rows, fnv ${(h >>> 0).toString(16).padStart(8, '0')}`;
}

export const joinAggFigure: Figure = async (ctx) => {
  const s = await ctx.dataset();
  const p = ctx.profile;
  let last: readonly unknown[] = [];
  const warm = performance.now();
  for (let i = 0; i < p.joinWarmup && (i === 0 || performance.now() - warm < WARMUP_MS); i++) last = (await s.query(JOIN_AGG_SQL)).rows;
  ctx.info('join_agg.result', fingerprint(last));
  const times: number[] = [];
  const start = performance.now();
  while (times.length < p.joinRuns && (times.length === 0 || performance.now() - start < p.budgetMs.join_agg)) {
    const t0 = performance.now();
    await s.query(JOIN_AGG_SQL);
    times.push(performance.now() - t0);
  }
  const note = times.length < p.joinRuns ? `median of ${times.length} run${times.length === 1 ? '' : 's'} (time budget)` : undefined;
  ctx.emit({ key: 'join_agg', value: median(times), unit: 'ms', note });
};
