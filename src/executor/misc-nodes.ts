/**
 * Small plan nodes: Result (no FROM), Filter, Values, function scans, subquery/CTE scans.
 * Postgres counterpart: nodeResult.c, nodeValuesscan.c, nodeFunctionscan.c, nodeSubqueryscan.c, nodeCtescan.c.
 */
import { PgRecord, type Value } from '../types/values.js';
import type { ExecContext, Row } from './context.js';
import type { CExpr } from './expr/compile.js';
import { eachRow, type Plan } from './scan.js';

export class Result implements Plan {
  readonly kind = 'Result';
  constructor(readonly width: number) {}
  *run(_ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    yield base ? base.slice() : new Array(this.width);
  }
}

export class Filter implements Plan {
  readonly kind = 'Filter';
  constructor(readonly input: Plan, readonly qual: CExpr) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    for (const r of this.input.run(ctx, base)) if (this.qual(r, ctx) === true) yield r;
  }
  each(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void, transient?: boolean): void {
    const qual = this.qual;
    eachRow(
      this.input,
      ctx,
      base,
      (r) => {
        if (qual(r, ctx) === true) sink(r);
      },
      transient,
    );
  }
}

/**
 * Sets the presence slot of a non-relation range entry in each row of its scan (see
 * RteBase.presenceSlot): an outer join nulls it when it null-extends the entry, so a whole-row
 * reference to the entry reads NULL there. Postgres needs no such slot: its whole-row Var is nulled
 * by the join itself.
 */
export class MarkPresent implements Plan {
  readonly kind = 'MarkPresent';
  constructor(readonly input: Plan, readonly slot: number) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const slot = this.slot;
    for (const r of this.input.run(ctx, base)) {
      r[slot] = true;
      yield r;
    }
  }
  each(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void, transient?: boolean): void {
    const slot = this.slot;
    eachRow(
      this.input,
      ctx,
      base,
      (r) => {
        r[slot] = true;
        sink(r);
      },
      transient,
    );
  }
}

export class ValuesScan implements Plan {
  readonly kind = 'ValuesScan';
  constructor(readonly rows: readonly (readonly CExpr[])[], readonly offset: number, readonly width: number) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    for (const exprs of this.rows) {
      const row = base ? base.slice() : new Array(this.width);
      const src = base ?? row;
      for (let i = 0; i < exprs.length; i++) row[this.offset + i] = exprs[i](src, ctx);
      yield row;
    }
  }
}

export class FunctionScan implements Plan {
  readonly kind = 'FunctionScan';
  constructor(
    readonly call: (row: Row, ctx: ExecContext) => Iterable<Value> | Value,
    readonly retset: boolean,
    readonly expandsRecord: boolean,
    readonly ncols: number,
    readonly ordinality: boolean,
    readonly offset: number,
    readonly width: number,
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const src = base ?? new Array(this.width);
    const out = this.call(src, ctx);
    const values: Iterable<Value> = this.retset ? (out === null ? [] : (out as Iterable<Value>)) : [out as Value];
    let n = 0;
    for (const v of values) {
      const row = src.slice();
      n++;
      if (this.expandsRecord) {
        const fields = v === null ? [] : (v as PgRecord).fields;
        for (let i = 0; i < this.ncols; i++) row[this.offset + i] = fields[i] ?? null;
      } else row[this.offset] = v;
      if (this.ordinality) row[this.offset + this.ncols] = BigInt(n);
      yield row;
    }
  }
}

/** Runs a planned subquery (re-run for each base row when lateral) and maps its output into slots. */
export class SubqueryScan implements Plan {
  readonly kind = 'SubqueryScan';
  constructor(
    readonly sub: { run(ctx: ExecContext, row: Row): Iterable<Row> },
    readonly depth: number,
    readonly offset: number,
    readonly ncols: number,
    readonly width: number,
    readonly cacheKey?: object,
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const src = base ?? new Array(this.width);
    let rows: Iterable<Row>;
    if (this.cacheKey) {
      // Rows are pulled on demand (a LIMIT above stops the subquery, as in Postgres, and rows past
      // it are never computed) and kept for the other scans of the same key in this execution.
      let shared = ctx.cache.get(this.cacheKey) as SharedRun | undefined;
      if (!shared) {
        shared = { rows: [], iter: this.sub.run(ctx, src)[Symbol.iterator]() };
        ctx.cache.set(this.cacheKey, shared);
      }
      rows = pullShared(shared);
    } else {
      const saved = ctx.levelRows[this.depth];
      ctx.levelRows[this.depth] = src;
      try {
        rows = [...this.sub.run(ctx, src)];
      } finally {
        ctx.levelRows[this.depth] = saved;
      }
    }
    for (const r of rows) {
      const row = src.slice();
      for (let i = 0; i < this.ncols; i++) row[this.offset + i] = r[i];
      yield row;
    }
  }
}

/** A subquery's run shared by its scans: the rows pulled so far, and the rest (until done). */
export interface SharedRun {
  rows: Row[];
  iter?: Iterator<Row>;
}

export function* pullShared(shared: SharedRun): Iterable<Row> {
  for (let i = 0; ; i++) {
    if (i >= shared.rows.length) {
      if (!shared.iter) return;
      const n = shared.iter.next();
      if (n.done) {
        shared.iter = undefined;
        return;
      }
      shared.rows.push(n.value);
    }
    yield shared.rows[i];
  }
}
