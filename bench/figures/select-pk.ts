/**
 * `select_pk`: parameterized point SELECTs by primary key on the dataset's 4,000 orders,
 * microseconds each. Every lookup must return exactly one row.
 *
 * Postgres counterpart: pgbench -S (select-only).
 */
import { WARMUP_MS, timedLoop, truncationNote } from '../timing.js';
import { SELECT_PK_SQL, selectPkId } from '../workload/workload.js';
import type { Figure } from './context.js';

export const selectPkFigure: Figure = async (ctx) => {
  const s = await ctx.dataset();
  const p = ctx.profile;
  let wrong = 0;
  const lookup = async (i: number): Promise<void> => {
    const r = await s.query(SELECT_PK_SQL, [selectPkId(i)]);
    if (r.rows.length !== 1) wrong++;
  };
  await timedLoop(p.selectWarmup, WARMUP_MS, (i) => lookup(i + 500));
  wrong = 0;
  const r = await timedLoop(p.selects, p.budgetMs.select_pk, lookup);
  const notes = [truncationNote(r, p.selects), wrong ? `${wrong} lookups did not return exactly one row` : undefined].filter(Boolean);
  ctx.emit({ key: 'select_pk', value: (r.elapsedMs * 1000) / r.done, unit: 'us', note: notes.join('; ') || undefined });
};
