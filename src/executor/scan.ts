/**
 * Scan nodes: sequential and index scans over a relation's heap under the statement's snapshot,
 * filling the relation's slots of the wide row (its columns, then the row version itself).
 * Postgres counterpart: src/backend/executor/nodeSeqscan.c, nodeIndexscan.c.
 */
import type { RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { isVisible, type Heap, type Tuple } from '../storage/heap.js';
import { MAX_BOUND, MIN_BOUND } from '../storage/index-store.js';
import type { Value } from '../types/values.js';
import type { ExecContext, Row } from './context.js';
import type { CExpr } from './expr/compile.js';

export interface Plan {
  readonly kind: string;
  run(ctx: ExecContext, base: Row | undefined): Iterable<Row>;
  /**
   * The same rows as `run`, in the same order and with the same evaluation, pushed to `sink`:
   * for consumers that read every row (aggregation, sorts, hash join sides), without a generator
   * step per row and node. Optional: `eachRow` falls back to `run`.
   *
   * `transient`: the sink keeps neither the row array nor a reference to it once it returns
   * (aggregation, the build side of a hash join), so a node may push the same array again for
   * its next row, refilled, instead of a new one per row.
   */
  each?(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void, transient?: boolean): void;
}

/**
 * Calls `sink` for every row of `plan` (its push form when it has one). With `transient`, the
 * sink promises to keep no row array after it returns (see Plan.each), and rows may be reused.
 */
export function eachRow(plan: Plan, ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void, transient = false): void {
  if (plan.each) {
    plan.each(ctx, base, sink, transient);
    return;
  }
  for (const r of plan.run(ctx, base)) sink(r);
}

/**
 * Copies a row version into the wide row at `offset`, filling columns added later from `missing`:
 * every column, or only `only` (0-based, the columns the query reads).
 */
export function fillSlots(row: Row, offset: number, t: Tuple, rel: RelationDef, only?: readonly number[]): void {
  const vals = t.values;
  const cols = rel.columns;
  const n = cols.length;
  if (only) {
    for (let j = 0; j < only.length; j++) {
      const i = only[j];
      const v = vals[i];
      row[offset + i] = v === undefined ? (cols[i].missing ?? null) : v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      row[offset + i] = v === undefined ? (cols[i].missing ?? null) : v;
    }
  }
  row[offset + n] = t as unknown as Value;
}

/**
 * A materialized view created WITH NO DATA cannot be read (execUtils.c: ExecOpenScanRelation).
 * Checked when a scan starts (Postgres checks at executor start): analysis, EXPLAIN, views and
 * WITH NO DATA matviews over it are fine.
 */
function checkScannable(rel: RelationDef): void {
  if (rel.kind === 'm' && !rel.view?.populated) {
    throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `materialized view "${rel.name}" has not been populated`, { hint: 'Use the REFRESH MATERIALIZED VIEW command.' });
  }
}

export class SeqScan implements Plan {
  readonly kind = 'SeqScan';
  constructor(
    readonly rel: RelationDef,
    readonly offset: number,
    readonly width: number,
    readonly filter: CExpr | undefined,
    /** Columns to fill (0-based); undefined: all. */
    readonly cols?: readonly number[],
  ) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    if (this.rel.kind === 'm') checkScannable(this.rel);
    const heap = ctx.txn.heap(this.rel);
    const { rel, offset, filter, width, cols } = this;
    for (const t of heap.all()) {
      if (!ctx.txn.visible(t)) continue;
      const row = base ? base.slice() : new Array(width);
      fillSlots(row, offset, t, rel, cols);
      if (filter && filter(row, ctx) !== true) continue;
      yield row;
    }
  }

  each(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void, transient?: boolean): void {
    if (this.rel.kind === 'm') checkScannable(this.rel);
    const heap = ctx.txn.heap(this.rel);
    const { rel, offset, filter, width, cols } = this;
    // A transient sink gets one array, refilled per row: the same slots (cols and the version)
    // are written for every row, so nothing of the previous row shows through.
    const reused: Row | undefined = transient && !base ? new Array(width) : undefined;
    // The statement's snapshot is fixed for the scan (as Postgres's scan keeps the one it
    // started with); the command's own state is read per row, as txn.visible does.
    const txn = ctx.txn;
    const snap = txn.snapshot();
    const status = txn.status;
    // The common case needs no call per row: a version no one deleted, created before the
    // snapshot, while no transaction was in progress, none ever aborted and the reader has no
    // xid of its own (its xid set is one Set for the transaction's life: see OwnState).
    const sxmax = snap.xmax;
    const xipEmpty = snap.xip.size === 0;
    const ownXids = txn.own().xids;
    const tuples = heap.all();
    const nt = tuples.length;
    const ncols = rel.columns.length;
    for (let ti = 0; ti < nt; ti++) {
      const t = tuples[ti];
      if (!(t.xmax === 0 && t.xmin < sxmax && xipEmpty && ownXids.size === 0 && status.aborted.size === 0) && !isVisible(t, snap, txn.own(), status)) continue;
      const row = reused ?? (base ? base.slice() : new Array(width));
      const vals = t.values;
      if (cols !== undefined && vals.length >= ncols) {
        // (the usual case of fillSlots: the version has every column, only some are read)
        for (let j = 0; j < cols.length; j++) {
          const i = cols[j];
          const v = vals[i];
          row[offset + i] = v === undefined ? (rel.columns[i].missing ?? null) : v;
        }
        row[offset + ncols] = t as unknown as Value;
      } else fillSlots(row, offset, t, rel, cols);
      if (filter && filter(row, ctx) !== true) continue;
      sink(row);
    }
  }
}

const EMPTY_ROW: Row = Object.freeze([]) as unknown as Row;

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
    /** Columns to fill (0-based); undefined: all. */
    readonly cols?: readonly number[],
  ) {}

  /**
   * Pushes the rows to `sink`: a lookup with equality on every index column (a primary-key or
   * unique lookup) without a generator step; other scans through run().
   */
  each(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void): void {
    if (this.rel.kind === 'm') checkScannable(this.rel);
    const store = ctx.txn.index(this.index);
    const b = this.bound;
    const n = b.eq.length;
    if (b.inList || b.lower || b.upper || b.notNull || n !== store.cols.length) {
      for (const r of this.run(ctx, base)) sink(r);
      return;
    }
    const probe = base ?? EMPTY_ROW;
    const key: Value[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const v = b.eq[i](probe, ctx);
      if (v === null) return; // = NULL never matches
      key[i] = v;
    }
    const tids = store.lookup(key);
    if (this.reverse) tids.reverse();
    const heap = ctx.txn.heap(this.rel);
    for (const tid of tids) {
      const row = this.fetch(ctx, heap, base, tid);
      if (row) sink(row);
    }
  }

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    if (this.rel.kind === 'm') checkScannable(this.rel);
    const heap = ctx.txn.heap(this.rel);
    const store = ctx.txn.index(this.index);
    const bound = this.bound;
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
      if (!bound.lower && !bound.upper && !bound.notNull && prefix.length === ncols) {
        // Equality on every column (a primary-key or unique lookup): one walk of the tree.
        const tids = store.lookup(prefix);
        if (this.reverse) tids.reverse();
        for (const tid of tids) {
          const row = this.fetch(ctx, heap, base, tid);
          if (row) yield row;
        }
        continue;
      }
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
        const row = this.fetch(ctx, heap, base, tid);
        if (row) yield row;
      }
    }
  }

  /** The row of version `tid` when it is visible to the statement and passes the filter. */
  private fetch(ctx: ExecContext, heap: Heap, base: Row | undefined, tid: number): Row | undefined {
    const t = heap.get(tid);
    if (!t || !ctx.txn.visible(t)) return undefined;
    const row = base ? base.slice() : new Array(this.width);
    fillSlots(row, this.offset, t, this.rel, this.cols);
    return this.filter && this.filter(row, ctx) !== true ? undefined : row;
  }
}
