/**
 * `insert`: single-row parameterized INSERTs into `orders`, autocommit (2 FKs, a CHECK, defaults,
 * the updated_at trigger in the trigger variant, 2 indexes), microseconds per row.
 *
 * Postgres counterpart: pgbench's simple-update style, one statement per transaction.
 */
import { WARMUP_MS, timedLoop, truncationNote } from '../timing.js';
import { INSERT_SQL, insertParams } from '../workload/workload.js';
import type { Figure } from './context.js';

export const insertFigure: Figure = async (ctx) => {
  const s = await ctx.fixture();
  const p = ctx.profile;
  await timedLoop(p.insertWarmup, WARMUP_MS, (i) => s.query(INSERT_SQL, insertParams(1_000_000 + i)));
  const r = await timedLoop(p.insertRows, p.budgetMs.insert, (i) => s.query(INSERT_SQL, insertParams(i)));
  ctx.emit({ key: 'insert', value: (r.elapsedMs * 1000) / r.done, unit: 'us', note: truncationNote(r, p.insertRows) });
};
