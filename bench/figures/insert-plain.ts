/**
 * `insert_plain`: the `insert` workload on a fresh instance whose schema has no trigger
 * (`schema-notrigger.sql`), so `insert / insert_plain` is what the PL/pgSQL BEFORE trigger costs.
 * Engines that cannot run the trigger already measure `insert` without it: not repeated for them.
 *
 * Postgres counterpart: none (a workload variant).
 */
import { fixtureSeed, INSERT_SQL, insertParams } from '../workload/workload.js';
import { WARMUP_MS, timedLoop, truncationNote } from '../timing.js';
import { seededInstance, type Figure } from './context.js';

export const insertPlainFigure: Figure = async (ctx) => {
  if (ctx.variant !== 'trigger') throw new Error('the engine runs the schema without the trigger: `insert` is already this figure');
  const s = await seededInstance(ctx.adapter, 'notrigger', fixtureSeed());
  try {
    const p = ctx.profile;
    await timedLoop(p.insertWarmup, WARMUP_MS, (i) => s.query(INSERT_SQL, insertParams(1_000_000 + i)));
    const r = await timedLoop(p.insertRows, p.budgetMs.insert_plain, (i) => s.query(INSERT_SQL, insertParams(i)));
    ctx.emit({ key: 'insert_plain', value: (r.elapsedMs * 1000) / r.done, unit: 'us', note: truncationNote(r, p.insertRows) });
  } finally {
    await s.close().catch(() => {});
  }
};
