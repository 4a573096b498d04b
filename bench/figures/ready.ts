/**
 * `ready`: from nothing to a database with the schema applied and the fixture seeded.
 * `ready.cold` is the first instance of a fresh process (includes loading the engine module, and
 * for real Postgres initdb + server start); `ready.warm` the median of the next instances.
 *
 * Postgres counterpart: initdb + CREATE DATABASE + restoring a schema dump.
 */
import { median, timedLoop, truncationNote } from '../timing.js';
import { fixtureSeed, schemaSql } from '../workload/workload.js';
import type { Figure } from './context.js';

export const readyFigure: Figure = async (ctx) => {
  const schema = schemaSql(ctx.variant);
  const seed = fixtureSeed();

  const once = async (): Promise<{ total: number; start: number }> => {
    const t0 = performance.now();
    const s = await ctx.adapter.start();
    const t1 = performance.now();
    await s.exec(schema);
    await s.exec(seed);
    const total = performance.now() - t0;
    await s.close();
    return { total, start: t1 - t0 };
  };

  const cold = await once();
  ctx.emit({ key: 'ready.cold', value: cold.total, unit: 'ms' });
  ctx.emit({ key: 'ready.cold.start', value: cold.start, unit: 'ms', note: 'engine load and start only' });

  const warm: number[] = [];
  const loop = await timedLoop(ctx.profile.readyWarm, ctx.profile.budgetMs.ready, async () => {
    warm.push((await once()).total);
  });
  ctx.emit({ key: 'ready.warm', value: median(warm), unit: 'ms', note: truncationNote(loop, ctx.profile.readyWarm) });
};
