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
import { dirtySql, fixtureSeed, ordersBatchSql } from '../workload/workload.js';
import { readMemory, seededInstance, timeResetCycles, type Figure, type FigureContext } from './context.js';

const label = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));

async function atSize(ctx: FigureContext, rows: number, last: boolean): Promise<void> {
  const p = ctx.profile;
  const s = await seededInstance(ctx.adapter, ctx.variant, fixtureSeed());
  let probe = 0;
  try {
    const batch = 1000;
    const batches = Math.ceil(rows / batch);
    const start = performance.now();
    for (let i = 0; i < batches; i++) {
      await s.query(ordersBatchSql(i * batch, Math.min(batch, rows - i * batch)));
      // Give up as soon as the whole seed would not fit in the budget (pg-mem at 100k rows).
      const projected = ((performance.now() - start) / (i + 1)) * batches;
      if (i >= 2 && projected > p.budgetMs.scale) throw new Error(`seeding ${rows.toLocaleString('en-US')} rows would take ~${Math.round(projected / 1000)} s, over the ${p.budgetMs.scale / 1000} s budget`);
    }
    const countOf = async (x: EngineSession): Promise<number> => Number((await x.query('SELECT count(*) AS n FROM orders')).rows[0]!['n' as never]);
    let best: { name: string; ms: number } | undefined;
    for (const strategy of s.resetStrategies()) {
      const key = `scale.${strategy.name}@${label(rows)}`;
      try {
        const expected = await countOf(s);
        const run = await strategy.prepare({ seedSql: `${fixtureSeed()};\n${ordersBatchSql(0, rows)}` });
        const test = async (x: EngineSession): Promise<boolean> => {
          const clean = (await countOf(x)) === expected;
          await x.query(`INSERT INTO orders (customer_id, status) VALUES (1, 'pending')`);
          await x.query(dirtySql(++probe));
          return clean;
        };
        const cap = p.copyCaps[ctx.adapter.name];
        const hold = last && cap ? run.hold : undefined;
        const ms = await timeResetCycles(ctx, key, strategy.description, run, { cycles: p.scaleCycles, budgetMs: p.budgetMs.scale / 4 }, test, hold && (() => copyMemory(ctx, hold, cap!, strategy.name)));
        if (ms !== undefined && (!best || ms < best.ms)) best = { name: strategy.name, ms };
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
  for (let i = 0; i < sizes.length; i++) {
    try {
      await atSize(ctx, sizes[i]!, i === sizes.length - 1);
    } catch (err) {
      ctx.emit({ key: `scale.reset@${label(sizes[i]!)}`, unit: 'ms', error: (err as Error).message.split('\n')[0] });
    }
  }
};
