/**
 * Scan nodes: sequential and index scans over a relation's heap under the statement's snapshot,
 * filling the relation's slots of the wide row (its columns, then the row version itself).
 * Postgres counterpart: src/backend/executor/nodeSeqscan.c, nodeIndexscan.c.
 */
import type { RelationDef } from '../catalog/objects.js';
import type { Tuple } from '../storage/heap.js';
import { MAX_BOUND, MIN_BOUND } from '../storage/index-store.js';
import type { Value } from '../types/values.js';
import type { ExecContext, Row } from './context.js';
import type { CExpr } from './expr/compile.js';

export interface Plan {
  readonly kind: string;
  run(ctx: ExecContext, base: Row | undefined): Iterable<Row>;
}

/** Copies a row version into the wide row at `offset`, filling columns added later from `missing`. */
export function fillSlots(row: Row, offset: number, t: Tuple, rel: RelationDef): void {
  const vals = t.values;
  const cols = rel.columns;
  const n = cols.length;
  for (let i = 0; i < n; i++) {
    const v = vals[i];
    row[offset + i] = v === undefined ? (cols[i].missing ?? null) : v;
  }
  row[offset + n] = t as unknown as Value;
}

export class SeqScan implements Plan {
  readonly kind = 'SeqScan';
  constructor(
    readonly rel: RelationDef,
    readonly offset: number,
    readonly width: number,
    readonly filter: CExpr | undefined,
  ) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const heap = ctx.txn.heap(this.rel);
    const { rel, offset, filter, width } = this;
    for (const t of heap.all()) {
      if (!ctx.txn.visible(t)) continue;
      const row = base ? base.slice() : new Array(width);
      fillSlots(row, offset, t, rel);
      if (filter && filter(row, ctx) !== true) continue;
      yield row;
    }
  }
}

export interface IndexBound {
  /** Equality keys for the leading index columns. */
  eq: CExpr[];
  /** Optional alternatives for the first key (IN list / = ANY): each value is looked up. */
  inList?: CExpr;
  /** Range on the column after the equality prefix. */
  lower?: { expr: CExpr; inclusive: boolean };
  upper?: { expr: CExpr; inclusive: boolean };
  /** `col IS NOT NULL` on that column: NULL keys are skipped. */
  notNull?: boolean;
}

export class IndexScan implements Plan {
  readonly kind = 'IndexScan';
  constructor(
    readonly rel: RelationDef,
    readonly index: RelationDef,
    readonly offset: number,
    readonly width: number,
    readonly bound: IndexBound,
    readonly filter: CExpr | undefined,
    readonly reverse = false,
  ) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const heap = ctx.txn.heap(this.rel);
    const store = ctx.txn.index(this.index);
    const { rel, offset, filter, width, bound } = this;
    const probe = base ?? [];
    const eq: Value[] = [];
    for (const e of bound.eq) {
      const v = e(probe, ctx);
      if (v === null) return; // = NULL never matches
      eq.push(v);
    }
    const prefixes: Value[][] = [];
    if (bound.inList) {
      const arr = bound.inList(probe, ctx) as { items: Value[] } | null;
      if (arr === null) return;
      const seen = new Set<unknown>();
      for (const v of arr.items) {
        if (v === null) continue;
        const k = typeof v === 'object' ? JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)) : v;
        if (seen.has(k)) continue;
        seen.add(k);
        prefixes.push([v, ...eq]);
      }
    } else prefixes.push(eq);
    const ncols = store.cols.length;
    for (const prefix of prefixes) {
      const lo: (Value | symbol)[] = [...prefix];
      const hi: (Value | symbol)[] = [...prefix];
      if (bound.lower || bound.upper) {
        const l = bound.lower ? bound.lower.expr(probe, ctx) : undefined;
        const u = bound.upper ? bound.upper.expr(probe, ctx) : undefined;
        if (l === null || u === null) continue;
        lo.push(l === undefined ? MIN_BOUND : l);
        hi.push(u === undefined ? MAX_BOUND : u);
      }
      while (lo.length < ncols) lo.push(MIN_BOUND);
      while (hi.length < ncols) hi.push(MAX_BOUND);
      const rangeCol = prefix.length;
      const cmp = store.cols[rangeCol]?.compare;
      const ranged = !!(bound.lower || bound.upper || bound.notNull);
      for (const [key, tid] of store.range(lo as Value[], hi as Value[], this.reverse)) {
        if (ranged) {
          const kv = key[rangeCol];
          if (kv === null) continue;
          if (bound.lower && !bound.lower.inclusive && lo[rangeCol] !== MIN_BOUND && cmp(kv, lo[rangeCol] as Value) === 0) continue;
          if (bound.upper && !bound.upper.inclusive && hi[rangeCol] !== MAX_BOUND && cmp(kv, hi[rangeCol] as Value) === 0) continue;
        }
        const t = heap.get(tid);
        if (!t || !ctx.txn.visible(t)) continue;
        const row = base ? base.slice() : new Array(width);
        fillSlots(row, offset, t, rel);
        if (filter && filter(row, ctx) !== true) continue;
        yield row;
      }
    }
  }
}
