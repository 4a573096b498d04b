/**
 * `scale`: per-test resets of a bigger database, and what a held copy costs.
 * - `scale.<strategy>@<n>`: for each database size n of the profile (fixture + n rows in
 *   `orders`), each reset strategy of the engine, median ms per reset over simulated tests that
 *   check the row count and then insert a row; `scale.reset@<n>` is the cheapest correct one.
 * - `scale.copy_memory`: at the largest size, bytes per copy while `copyCaps[engine]` copies
 *   (fork, clone) are held at once, each after one write (V8 heap + external, as `memory`).
 *
 * Postgres counterpart: CREATE DATABASE ... TEMPLATE of a bigger database.
 */
import type { EngineSession } from '../engines/adapter.js';
import { median, timedLoop } from '../timing.js';
import { dirtySql, fixtureSeed, ordersBatchSql } from '../workload/workload.js';
import { readMemory, seededInstance, type Figure, type FigureContext } from './context.js';

const label = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));

async function atSize(ctx: FigureContext, rows: number, last: boolean): Promise<void> {
  const p = ctx.profile;
  const s = await seededInstance(ctx.adapter, ctx.variant, fixtureSeed());
  let probe = 0;
  try {
    const batch = 1000;
    const fill = await timedLoop(Math.ceil(rows / batch), p.budgetMs.scale, (i) => s.query(ordersBatchSql(i * batch, Math.min(batch, rows - i * batch))));
    if (fill.truncated) throw new Error(`seeding ${rows} rows exceeded the time budget`);
    const countOf = async (x: EngineSession): Promise<number> => Number((await x.query('SELECT count(*) AS n FROM orders')).rows[0]!['n' as never]);
    let best: { name: string; ms: number } | undefined;
    for (const strategy of s.resetStrategies()) {
      const key = `scale.${strategy.name}@${label(rows)}`;
      try {
        const expected = await countOf(s);
        const run = await strategy.prepare({ seedSql: `${fixtureSeed()};\n${ordersBatchSql(0, rows)}` });
        let dirty = 0;
        const times: number[] = [];
        try {
          const start = performance.now();
          while (times.length < p.scaleCycles && (times.length < 3 || performance.now() - start < p.budgetMs.scale / 4)) {
            times.push(
              await run.cycle(async (x) => {
                if ((await countOf(x)) !== expected) dirty++;
                await x.query(`INSERT INTO orders (customer_id, status) VALUES (1, 'pending')`);
                await x.query(dirtySql(++probe));
              }),
            );
          }
          if (last && run.hold && p.copyCaps[ctx.adapter.name]) await copyMemory(ctx, run.hold, p.copyCaps[ctx.adapter.name]!, strategy.name);
        } finally {
          await run.dispose();
        }
        const ms = median(times);
        const notes = [`${times.length} cycles`, strategy.description];
        if (dirty > 0) notes.unshift(`DOES NOT RESET: ${dirty} of ${times.length} tests saw a dirty state`);
        ctx.emit({ key, value: ms, unit: 'ms', note: notes.join('; ') });
        if (dirty === 0 && (!best || ms < best.ms)) best = { name: strategy.name, ms };
      } catch (err) {
        ctx.emit({ key, unit: 'ms', error: (err as Error).message.split('\n')[0] });
      }
    }
    const key = `scale.reset@${label(rows)}`;
    if (best) ctx.emit({ key, value: best.ms, unit: 'ms', note: `by ${best.name}` });
    else ctx.emit({ key, unit: 'ms', error: 'no strategy restored the state' });
  } finally {
    await s.close().catch(() => {});
  }
}

async function copyMemory(ctx: FigureContext, hold: () => Promise<EngineSession>, cap: number, strategy: string): Promise<void> {
  const held: EngineSession[] = [];
  try {
    const base = await readMemory(ctx);
    const start = performance.now();
    while (held.length < cap && performance.now() - start < ctx.profile.budgetMs.scale) {
      const copy = await hold();
      held.push(copy);
      await copy.query(dirtySql(held.length));
    }
    const now = await readMemory(ctx);
    const per = (now.js - base.js + now.external - base.external) / held.length;
    ctx.emit({ key: 'scale.copy_memory', value: per, unit: 'B', note: `${held.length} copies by ${strategy} held at once, each after one INSERT` });
  } finally {
    for (const c of held) await c.close().catch(() => {});
  }
}

export const scaleFigure: Figure = async (ctx) => {
  const sizes = ctx.profile.scaleRows;
  for (let i = 0; i < sizes.length; i++) await atSize(ctx, sizes[i]!, i === sizes.length - 1);
};
