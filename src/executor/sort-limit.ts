/**
 * Project, Sort, Unique (DISTINCT / DISTINCT ON), Limit, and set operations over output rows.
 * Postgres counterpart: nodeResult.c (projection), nodeSort.c, nodeUnique.c, nodeLimit.c, nodeSetOp.c, nodeAppend.c.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Value } from '../types/values.js';
import { compareNullable, type AggPresortKey } from './agg.js';
import type { ExecContext, Row } from './context.js';
import { varSlot, type CExpr } from './expr/compile.js';
import { hashKeyOf } from './join.js';
import { eachRow, type Plan } from './scan.js';
import { pgBoundedSort, pgQsort } from './tuplesort.js';

export class Project implements Plan {
  readonly kind = 'Project';
  /** When every output is a plain column of the input: their positions (copied without a call). */
  private readonly slots: readonly number[] | undefined;
  constructor(readonly input: Plan, readonly exprs: readonly CExpr[], readonly depth: number) {
    const slots = exprs.map(varSlot);
    this.slots = slots.every((p) => p >= 0) ? slots : undefined;
  }
  private project(r: Row, ctx: ExecContext): Row {
    const n = this.exprs.length;
    const out: Row = new Array(n);
    const slots = this.slots;
    if (slots) {
      for (let i = 0; i < n; i++) {
        const v = r[slots[i]];
        out[i] = v === undefined ? null : v;
      }
      return out;
    }
    const exprs = this.exprs;
    for (let i = 0; i < n; i++) out[i] = exprs[i](r, ctx);
    return out;
  }
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    for (const r of this.input.run(ctx, base)) yield this.project(r, ctx);
  }
  each(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void): void {
    // (the input rows are read once into a new output row: they may be transient)
    eachRow(this.input, ctx, base, (r) => sink(this.project(r, ctx)), true);
  }
}

export interface SortSpec {
  index: number;
  descending: boolean;
  nullsFirst: boolean;
  compare: (a: Value, b: Value) => number;
}

/** The comparison of output rows by `keys`. */
function rowComparator(keys: readonly SortSpec[]): (x: Row, y: Row) => number {
  if (keys.length === 1) {
    const k = keys[0];
    return (x, y) => compareNullable(x[k.index], y[k.index], k);
  }
  return (x, y) => {
    for (const k of keys) {
      const c = compareNullable(x[k.index], y[k.index], k);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/**
 * A sort a Limit above may bound (ExecSetTupleBound): the Limit leaves, for one run, how many
 * rows it will read, and the sort then keeps only those, chosen as Postgres's top-N heapsort does.
 */
abstract class BoundedSort {
  private readonly boundToken = {};
  /** Tells the next run that only its first `bound` rows will be read. */
  setBound(ctx: ExecContext, bound: number): void {
    ctx.cache.set(this.boundToken, bound);
  }
  /** The bound left for this run, if any (taken: a rescan without a Limit sorts fully). */
  protected takeBound(ctx: ExecContext): number | undefined {
    const bound = ctx.cache.get(this.boundToken) as number | undefined;
    if (bound !== undefined) ctx.cache.delete(this.boundToken);
    return bound;
  }
}

/** Rows sorted as Postgres's Sort node orders them, equal rows included (executor/tuplesort.ts). */
export class Sort extends BoundedSort implements Plan {
  readonly kind = 'Sort';
  private readonly cmp: (x: Row, y: Row) => number;
  constructor(readonly input: Plan, readonly keys: readonly SortSpec[]) {
    super();
    this.cmp = rowComparator(keys);
  }
  run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const bound = this.takeBound(ctx);
    const rows: Row[] = [];
    eachRow(this.input, ctx, base, (r) => {
      rows.push(r);
    });
    return bound === undefined ? pgQsort(rows, this.cmp) : pgBoundedSort(rows, bound, this.cmp);
  }
}

/**
 * Rows sorted by keys computed from them (not output columns): the sort below set-returning and
 * volatile functions of the select list, which Postgres evaluates after ORDER BY when they are
 * not sort keys (make_sort_input_target).
 */
export class ExprSort extends BoundedSort implements Plan {
  readonly kind = 'Sort';
  constructor(
    readonly input: Plan,
    readonly keys: readonly AggPresortKey[],
  ) {
    super();
  }
  run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    return sortedByKeys(this.input, ctx, base, this.keys, this.takeBound(ctx));
  }
}

/** The rows of `input` sorted by keys computed from each (keys computed in input order). */
export function sortedByKeys(input: Plan, ctx: ExecContext, base: Row | undefined, keys: readonly AggPresortKey[], bound?: number): Row[] {
  const rows: { row: Row; k: Value[] }[] = [];
  // (rows are kept: the input may not reuse them)
  eachRow(input, ctx, base, (row) => {
    rows.push({ row, k: keys.map((key) => key.expr(row, ctx)) });
  });
  const cmp = (x: { k: Value[] }, y: { k: Value[] }): number => {
    for (let i = 0; i < keys.length; i++) {
      const c = compareNullable(x.k[i], y.k[i], keys[i]);
      if (c !== 0) return c;
    }
    return 0;
  };
  return (bound === undefined ? pgQsort(rows, cmp) : pgBoundedSort(rows, bound, cmp)).map((r) => r.row);
}

/** DISTINCT over the given columns (all output columns, or the DISTINCT ON ones after a sort). */
export class Unique implements Plan {
  readonly kind = 'Unique';
  constructor(readonly input: Plan, readonly columns: readonly number[], readonly keyFns: readonly ((v: Value) => unknown)[]) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const seen = new Set<unknown>();
    for (const r of this.input.run(ctx, base)) {
      const k = rowKey(this.columns.map((c) => r[c]), this.keyFns);
      if (seen.has(k)) continue;
      seen.add(k);
      yield r;
    }
  }
}

/**
 * DISTINCT ON whose keys are computed from the rows (below a projection postponed past it, as
 * Postgres evaluates set-returning and volatile select-list columns after the Unique).
 */
export class ExprUnique implements Plan {
  readonly kind = 'Unique';
  constructor(readonly input: Plan, readonly keys: readonly CExpr[], readonly keyFns: readonly ((v: Value) => unknown)[]) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const seen = new Set<unknown>();
    for (const r of this.input.run(ctx, base)) {
      const k = rowKey(this.keys.map((f) => f(r, ctx)), this.keyFns);
      if (seen.has(k)) continue;
      seen.add(k);
      yield r;
    }
  }
}

export function rowKey(vals: Value[], fns: readonly ((v: Value) => unknown)[]): unknown {
  const parts = vals.map((v, i) => (v === null ? '\u0001null' : fns[i](v)));
  return hashKeyOf(parts as Value[], parts.map(() => (x: Value) => x));
}

export class Limit implements Plan {
  readonly kind = 'Limit';
  constructor(
    readonly input: Plan,
    readonly limit: CExpr | undefined,
    readonly offset: CExpr | undefined,
    readonly withTies?: readonly SortSpec[],
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const empty: Row = [];
    let off = 0n;
    if (this.offset) {
      const v = this.offset(empty, ctx);
      if (v !== null) {
        off = v as bigint;
        if (off < 0n) throw new PgError(SQLSTATE.invalid_row_count_in_result_offset_clause, 'OFFSET must not be negative');
      }
    }
    let lim: bigint | undefined;
    if (this.limit) {
      const v = this.limit(empty, ctx);
      if (v !== null) {
        lim = v as bigint;
        if (lim < 0n) throw new PgError(SQLSTATE.invalid_row_count_in_limit_clause, 'LIMIT must not be negative');
      }
    }
    if (lim === 0n) return;
    let skipped = 0n;
    let count = 0n;
    let last: Row | undefined;
    // A Sort below learns how many rows will be read (ExecSetTupleBound), unless WITH TIES.
    if (lim !== undefined && !this.withTies && lim + off <= BigInt(Number.MAX_SAFE_INTEGER)) {
      // (through a projection too, as ExecSetTupleBound passes a projecting Result)
      const sort = this.input instanceof Project ? this.input.input : this.input;
      if (sort instanceof BoundedSort) sort.setBound(ctx, Number(lim + off));
    }
    for (const r of this.input.run(ctx, base)) {
      if (skipped < off) {
        skipped++;
        continue;
      }
      if (lim !== undefined && count >= lim) {
        if (this.withTies && last && this.withTies.every((k) => compareNullable(r[k.index], (last as Row)[k.index], k) === 0)) {
          yield r;
          continue;
        }
        return;
      }
      count++;
      last = r;
      yield r;
      // Stop without reading another row (Postgres's Limit does not fetch past the last one).
      if (lim !== undefined && count >= lim && !this.withTies) return;
    }
  }
}

export class SetOp implements Plan {
  readonly kind = 'SetOp';
  constructor(
    readonly op: 'union' | 'intersect' | 'except',
    readonly all: boolean,
    readonly left: Plan,
    readonly right: Plan,
    readonly width: number,
    readonly keyFns: readonly ((v: Value) => unknown)[],
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const cols = Array.from({ length: this.width }, (_, i) => i);
    const key = (r: Row) => rowKey(cols.map((c) => r[c]), this.keyFns);
    const strip = (r: Row) => r.slice(0, this.width);
    if (this.op === 'union') {
      if (this.all) {
        for (const r of this.left.run(ctx, base)) yield strip(r);
        for (const r of this.right.run(ctx, base)) yield strip(r);
        return;
      }
      const seen = new Set<unknown>();
      for (const side of [this.left, this.right]) {
        for (const r of side.run(ctx, base)) {
          const k = key(r);
          if (seen.has(k)) continue;
          seen.add(k);
          yield strip(r);
        }
      }
      return;
    }
    const counts = new Map<unknown, number>();
    for (const r of this.right.run(ctx, base)) {
      const k = key(r);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const emitted = new Map<unknown, number>();
    for (const r of this.left.run(ctx, base)) {
      const k = key(r);
      const inRight = counts.get(k) ?? 0;
      const done = emitted.get(k) ?? 0;
      if (this.op === 'intersect') {
        if (inRight === 0) continue;
        if (this.all) {
          if (done >= inRight) continue;
        } else if (done > 0) continue;
      } else {
        if (this.all) {
          if (inRight > 0) {
            counts.set(k, inRight - 1);
            continue;
          }
        } else if (inRight > 0 || done > 0) continue;
      }
      emitted.set(k, done + 1);
      yield strip(r);
    }
  }
}
