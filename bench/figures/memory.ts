/**
 * `memory`: what instances and rows cost.
 * - `memory.instance@k`: bytes per instance while k instances with the schema are open, for each
 *   level of the profile (1 / 10 / 100) up to the engine's cap; `memory.instance` is the last level.
 *   In-process engines: delta of V8 heapUsed + external (external holds WASM memory) after GC;
 *   real Postgres: delta of the server processes' PSS plus the (small) client-side heap.
 *   RSS deltas are reported alongside (`memory.instance_rss@k`).
 * - `memory.row`: bytes per row after inserting `memoryRows` rows into `orders` (two indexes),
 *   same measure; for real Postgres it is pg_total_relation_size (heap + indexes), since a
 *   server's PSS mostly reflects its buffer cache. `memory.row_relation` is that figure for any
 *   engine that has pg_total_relation_size.
 *
 * Postgres counterpart: pg_total_relation_size, and a backend's memory footprint.
 */
import type { EngineSession } from '../engines/adapter.js';
import { timedLoop } from '../timing.js';
import { fixtureSeed, ordersBatchSql, schemaSql } from '../workload/workload.js';
import { readMemory as read, seededInstance, type Figure, type FigureContext } from './context.js';

async function instances(ctx: FigureContext): Promise<void> {
  const p = ctx.profile;
  const cap = p.memoryCaps[ctx.adapter.name] ?? Infinity;
  const top = p.memoryLevels[p.memoryLevels.length - 1]!;
  const levels = p.memoryLevels.filter((k) => k <= cap);
  if (cap < top && !levels.includes(cap)) levels.push(cap);
  const schema = schemaSql(ctx.variant);
  // Warm the engine up (module loaded, server started) so the baseline excludes one-off costs.
  await (await ctx.adapter.start()).close();
  const base = await read(ctx);
  const open: EngineSession[] = [];
  const start = performance.now();
  let last: { k: number; perInstance: number } | undefined;
  try {
    for (const k of levels) {
      while (open.length < k && performance.now() - start < p.budgetMs.memory) {
        const s = await ctx.adapter.start();
        open.push(s);
        await s.exec(schema);
      }
      if (open.length < k) {
        ctx.emit({ key: `memory.instance@${k}`, unit: 'B', error: `only ${open.length} instances within the time budget` });
        break;
      }
      const now = await read(ctx);
      const perInstance = (now.js - base.js + now.external - base.external) / k;
      ctx.emit({ key: `memory.instance@${k}`, value: perInstance, unit: 'B' });
      ctx.emit({ key: `memory.instance_rss@${k}`, value: (now.rss - base.rss + now.external - base.external) / k, unit: 'B' });
      last = { k, perInstance };
    }
  } finally {
    for (const s of open) await s.close().catch(() => {});
  }
  if (last) ctx.emit({ key: 'memory.instance', value: last.perInstance, unit: 'B', note: `at ${last.k} instance${last.k > 1 ? 's' : ''}` });
}

async function rows(ctx: FigureContext): Promise<void> {
  const p = ctx.profile;
  const s = await seededInstance(ctx.adapter, ctx.variant, fixtureSeed());
  try {
    const rel0 = await ctx.adapter.relationBytes?.(s, 'orders');
    const base = await read(ctx);
    const batch = 1000;
    const count = Math.ceil(p.memoryRows / batch);
    const r = await timedLoop(count, p.budgetMs.memory, (i) => s.query(ordersBatchSql(i * batch, batch)));
    const inserted = r.done * batch;
    const now = await read(ctx);
    const rel1 = await ctx.adapter.relationBytes?.(s, 'orders');
    const note = r.truncated ? `stopped after ${inserted.toLocaleString('en-US')} of ${p.memoryRows.toLocaleString('en-US')} rows (time budget)` : undefined;
    const relation = rel0 !== undefined && rel1 !== undefined ? (rel1 - rel0) / inserted : undefined;
    if (relation !== undefined) ctx.emit({ key: 'memory.row_relation', value: relation, unit: 'B', note });
    ctx.emit({ key: 'memory.row_rss', value: (now.rss - base.rss) / inserted, unit: 'B', note });
    const headline = ctx.adapter.externalMemory && relation !== undefined ? relation : (now.js - base.js) / inserted;
    const how = ctx.adapter.externalMemory ? 'pg_total_relation_size' : 'heap + external';
    ctx.emit({ key: 'memory.row', value: headline, unit: 'B', note: note ?? `${inserted.toLocaleString('en-US')} rows, ${how}` });
  } finally {
    await s.close().catch(() => {});
  }
}

export const memoryFigure: Figure = async (ctx) => {
  const failures: string[] = [];
  for (const part of [instances, rows]) {
    try {
      await part(ctx);
    } catch (err) {
      failures.push((err as Error).message.split('\n')[0]!);
    }
  }
  if (failures.length) throw new Error(failures.join('; '));
};
