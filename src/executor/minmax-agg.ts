/**
 * MinMaxAgg: `min(col)` / `max(col)` answered by ordered index scans. Each aggregate has its own
 * plan (the scan in the aggregate's order with `col IS NOT NULL`, LIMIT 1): its first row is the
 * value, no row means NULL. Emits the one row an aggregation without GROUP BY emits (aggregate
 * values, then the unused input slots).
 * Postgres counterpart: the InitPlans planagg.c builds (build_minmax_path), run under a Result.
 */
import type { ExecContext, Row } from './context.js';
import type { Plan } from './scan.js';

export class MinMaxAgg implements Plan {
  readonly kind = 'MinMaxAgg';
  constructor(
    /** One plan per aggregate; each yields rows whose first column is the value. */
    readonly subplans: readonly Plan[],
    readonly inputWidth: number,
  ) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const out: Row = [];
    const values = new Map<Plan, Row[number]>();
    for (const p of this.subplans) {
      let v = values.get(p);
      if (v === undefined) {
        v = null;
        for (const r of p.run(ctx, base)) {
          v = r[0];
          break;
        }
        values.set(p, v);
      }
      out.push(v);
    }
    out.length = this.subplans.length + this.inputWidth;
    yield out;
  }
}
