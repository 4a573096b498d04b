/**
 * `parse_heavy`: distinct literal INSERTs into `audit_log` (jsonb, defaults, a FK), each with a
 * different text, so no plan cache can help: parse + analyze + plan + execute, microseconds each.
 *
 * Postgres counterpart: the simple-query path of exec_simple_query() with a new statement each time.
 */
import { WARMUP_MS, timedLoop, truncationNote } from '../timing.js';
import { parseHeavySql } from '../workload/workload.js';
import type { Figure } from './context.js';

export const parseHeavyFigure: Figure = async (ctx) => {
  const s = await ctx.fixture();
  const p = ctx.profile;
  await timedLoop(p.parseWarmup, WARMUP_MS, (i) => s.query(parseHeavySql(1_000_000 + i)));
  const r = await timedLoop(p.parseStatements, p.budgetMs.parse_heavy, (i) => s.query(parseHeavySql(i)));
  ctx.emit({ key: 'parse_heavy', value: (r.elapsedMs * 1000) / r.done, unit: 'us', note: truncationNote(r, p.parseStatements) });
};
