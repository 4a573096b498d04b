/**
 * Aggregation over several grouping sets (ROLLUP / CUBE / GROUPING SETS): the input is read once,
 * then grouped once per set; each output row carries every GROUP BY column, NULL where the set
 * leaves it out, so the layout above matches a plain Agg's. GROUPING(...) results are filled in
 * from the set.
 * Postgres counterpart: src/backend/executor/nodeAgg.c (grouping-set phases).
 * Known gaps: sets are computed by re-hashing the materialized input once per set (no sorted
 * rollup phases); output order is set by set, which Postgres does not guarantee either.
 */
import type { Value } from '../types/values.js';
import { Agg, type CompiledAgg } from './agg.js';
import type { ExecContext, Row } from './context.js';
import type { CExpr } from './expr/compile.js';
import type { Plan } from './scan.js';

/** Replays rows materialized by GroupingSetsAgg. */
class RowsScan implements Plan {
  readonly kind = 'RowsScan';
  constructor(readonly rows: readonly Row[]) {}
  run(): Iterable<Row> {
    return this.rows;
  }
}

export class GroupingSetsAgg implements Plan {
  readonly kind = 'GroupingSetsAgg';
  /**
   * @param sets each set's indexes into `groupExprs`
   * @param groupingArgs per aggregate: for GROUPING(...), the groupExprs index of each argument
   */
  constructor(
    readonly input: Plan,
    readonly sets: readonly (readonly number[])[],
    readonly groupExprs: readonly CExpr[],
    readonly groupKeyFns: readonly ((v: Value) => unknown)[],
    readonly aggs: readonly CompiledAgg[],
    readonly groupingArgs: readonly (readonly number[] | undefined)[],
    readonly inputWidth: number,
  ) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const rows = [...this.input.run(ctx, base)];
    const nk = this.groupExprs.length;
    const na = this.aggs.length;
    for (const set of this.sets) {
      const agg = new Agg(new RowsScan(rows), set.map((i) => this.groupExprs[i]), set.map((i) => this.groupKeyFns[i]), this.aggs, this.inputWidth);
      const inSet = new Set(set);
      const grouping = this.groupingArgs.map((args) => (args ? args.reduce((m, gi) => (m << 1) | (inSet.has(gi) ? 0 : 1), 0) : undefined));
      // A non-empty set over no rows yields no group (the empty set yields one, as plain aggregates do).
      for (const out of agg.run(ctx, undefined)) {
        const row: Row = new Array(nk).fill(null);
        set.forEach((gi, j) => (row[gi] = out[j]));
        for (let a = 0; a < na; a++) row.push(grouping[a] ?? out[set.length + a]);
        for (let i = set.length + na; i < out.length; i++) row.push(out[i]);
        yield row;
      }
    }
  }
}
