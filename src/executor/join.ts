/**
 * Join nodes over wide rows: nested loop (inner re-run per outer row, so an inner index scan can
 * use the outer row's values) and hash join for equi-joins; inner, left and full joins.
 * Postgres counterpart: src/backend/executor/nodeNestloop.c, nodeHashjoin.c.
 */
import type { Value } from '../types/values.js';
import type { ExecContext, Row } from './context.js';
import { identityHashKey } from '../analyze/ordering.js';
import { varSlot, type CExpr } from './expr/compile.js';
import { eachRow, type Plan } from './scan.js';

export type ExecJoinType = 'inner' | 'left' | 'full';

export class NestLoop implements Plan {
  readonly kind = 'NestLoop';
  constructor(
    readonly outer: Plan,
    readonly inner: Plan,
    readonly joinType: ExecJoinType,
    readonly quals: CExpr | undefined,
    /** Wide-row positions the inner side fills (nulled for unmatched outer rows). */
    readonly innerSlots: readonly number[],
    readonly outerSlots: readonly number[],
  ) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const { inner, quals, joinType, innerSlots } = this;
    if (joinType === 'full') {
      yield* this.runFull(ctx, base);
      return;
    }
    for (const o of this.outer.run(ctx, base)) {
      let matched = false;
      for (const r of inner.run(ctx, o)) {
        if (quals && quals(r, ctx) !== true) continue;
        matched = true;
        yield r;
      }
      if (!matched && joinType === 'left') {
        const r = o.slice();
        for (const i of innerSlots) r[i] = null;
        yield r;
      }
    }
  }

  private *runFull(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const innerRows = [...this.inner.run(ctx, base)];
    const innerMatched = new Array<boolean>(innerRows.length).fill(false);
    const { quals, innerSlots, outerSlots } = this;
    for (const o of this.outer.run(ctx, base)) {
      let matched = false;
      for (let k = 0; k < innerRows.length; k++) {
        const r = o.slice();
        for (const i of innerSlots) r[i] = innerRows[k][i];
        if (quals && quals(r, ctx) !== true) continue;
        matched = true;
        innerMatched[k] = true;
        yield r;
      }
      if (!matched) {
        const r = o.slice();
        for (const i of innerSlots) r[i] = null;
        yield r;
      }
    }
    for (let k = 0; k < innerRows.length; k++) {
      if (innerMatched[k]) continue;
      const r = innerRows[k].slice();
      for (const i of outerSlots) r[i] = null;
      yield r;
    }
  }
}

/** Builds a hash key from key values; undefined when any is null (nulls never join). */
export function hashKeyOf(vals: Value[], keyFns: readonly ((v: Value) => unknown)[]): unknown {
  if (vals.length === 1) {
    const v = vals[0];
    return v === null ? undefined : keyFns[0](v);
  }
  let s = '';
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v === null) return undefined;
    s += keyPart(keyFns[i](v));
  }
  return s;
}

/** One part of a composite key string: kinds kept apart (1 vs 1n vs "1"), null as `N`. */
export function keyPart(k: unknown): string {
  return (k === null ? 'N' : typeof k === 'bigint' ? k.toString() + 'n' : typeof k === 'string' ? JSON.stringify(k) : String(k)) + '\u0000';
}

export class HashJoin implements Plan {
  readonly kind = 'HashJoin';
  constructor(
    readonly outer: Plan,
    readonly inner: Plan,
    readonly joinType: 'inner' | 'left',
    readonly outerKeys: readonly CExpr[],
    readonly innerKeys: readonly CExpr[],
    readonly keyFns: readonly ((v: Value) => unknown)[],
    readonly quals: CExpr | undefined,
    readonly innerSlots: readonly number[],
  ) {}

  /**
   * Builds the hash table from the inner side: the first inner row of each key, and the further
   * ones of keys that have several (the usual FK = PK join keeps no per-key arrays). Each inner
   * row is kept as its `innerSlots` values only (a short array: probes read less memory).
   * Integer keys (ids, the usual join keys) that are non-negative and not too sparse go to an
   * array indexed by key, which is cheaper to fill and to probe than a Map; the first other key
   * moves them to the Map.
   */
  private build(ctx: ExecContext, base: Row | undefined): HashTable {
    let dense: (Row | undefined)[] | undefined = [];
    let first: Map<unknown, Row> | undefined;
    let count = 0;
    let more: Map<unknown, Row[]> | undefined;
    const keyOf = this.keyOf(this.innerKeys, ctx);
    const slots = this.innerSlots;
    const ns = slots.length;
    // (the needed slots are copied out: the inner rows may be transient)
    eachRow(
      this.inner,
      ctx,
      base,
      (wide) => {
        const k = keyOf(wide);
        if (k === undefined) return;
        const r: Row = new Array(ns);
        for (let j = 0; j < ns; j++) r[j] = wide[slots[j]];
        if (dense !== undefined) {
          if (typeof k === 'number' && k >= 0 && Number.isInteger(k) && k <= 4 * count + 1024) {
            // (grown by push: the array stays packed, never a sparse dictionary)
            while (dense.length <= k) dense.push(undefined);
            if (dense[k] === undefined) {
              dense[k] = r;
              count++;
              return;
            }
          } else {
            first = new Map();
            for (let i = 0; i < dense.length; i++) if (dense[i] !== undefined) first.set(i, dense[i] as Row);
            dense = undefined;
          }
        }
        if (first !== undefined && !first.has(k)) {
          first.set(k, r);
          return;
        }
        more ??= new Map();
        const list = more.get(k);
        if (list) list.push(r);
        else more.set(k, [r]);
      },
      true,
    );
    return { first, more, dense };
  }

  /** The hash key of a row by `fs`; undefined when a key is null (nulls never join). */
  private keyOf(fs: readonly CExpr[], ctx: ExecContext): (r: Row) => unknown {
    const keyFns = this.keyFns;
    if (fs.length === 1) {
      const f = fs[0];
      const keyFn = keyFns[0];
      // A column key is read from its slot (an unfilled slot reads as NULL).
      const pos = varSlot(f);
      if (pos >= 0) {
        if (keyFn === identityHashKey) return (r) => r[pos] ?? undefined;
        return (r) => {
          const v = r[pos];
          return v == null ? undefined : keyFn(v);
        };
      }
      return (r) => {
        const v = f(r, ctx);
        return v === null ? undefined : keyFn(v);
      };
    }
    return (r) => hashKeyOf(fs.map((f) => f(r, ctx)), keyFns);
  }

  /**
   * Builds the hash table, then returns the probe that pushes an outer row's joined rows to `sink`.
   * With `ahead`, the probe first collects up to `ahead.limit` outer rows (copies when `copy`)
   * in `ahead.rows` and builds the hash table only at the next one, probing the collected rows
   * then; `ahead.built` tells whether it did (AdaptiveJoin's choice, made in the same call per row).
   */
  prober(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void, ahead?: ReadAhead): (o: Row) => void {
    let first: Map<unknown, Row> | undefined;
    let more: Map<unknown, Row[]> | undefined;
    let dense: (Row | undefined)[] | undefined;
    if (!ahead) ({ first, more, dense } = this.build(ctx, base));
    const { innerSlots, quals, joinType } = this;
    const ns = innerSlots.length;
    const keyOf = this.keyOf(this.outerKeys, ctx);
    // (the usual key, one column of a type keyed by its values, and the array lookup are
    // written out here: no call per row for them)
    const keySlot = this.outerKeys.length === 1 && this.keyFns[0] === identityHashKey ? varSlot(this.outerKeys[0]) : -1;
    const probe = (o: Row): void => {
      if (ahead !== undefined && !ahead.built) {
        const rows = ahead.rows;
        rows.push(ahead.copy ? o.slice() : o);
        if (rows.length <= ahead.limit) return;
        ({ first, more, dense } = this.build(ctx, base));
        ahead.built = true;
        for (let i = 0; i < rows.length; i++) probe(rows[i]);
        rows.length = 0;
        return;
      }
      const k = keySlot >= 0 ? (o[keySlot] ?? undefined) : keyOf(o);
      const ir0 =
        k === undefined ? undefined : dense !== undefined ? (typeof k === 'number' && k >= 0 && k < dense.length ? dense[k] : undefined) : firstMatch(first, dense, k);
      let matched = false;
      if (ir0 !== undefined) {
        const extra = more?.get(k);
        const last = extra ? extra.length : 0;
        // Outer rows are not used again by the node that pushed them (fresh arrays, or transient
        // ones refilled for the next row), so the last match can fill the outer row itself
        // instead of a copy: one allocation less per row.
        for (let m = 0; m <= last; m++) {
          const ir = m === 0 ? ir0 : (extra as Row[])[m - 1];
          const r = m === last && !quals ? o : o.slice();
          for (let j = 0; j < ns; j++) r[innerSlots[j]] = ir[j];
          if (quals && quals(r, ctx) !== true) continue;
          matched = true;
          sink(r);
        }
      }
      if (!matched && joinType === 'left') {
        const r = o.slice();
        for (const i of innerSlots) r[i] = null;
        sink(r);
      }
    };
    return probe;
  }

  each(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void, transient?: boolean): void {
    // The probe passes the outer row itself on (filled with the inner slots) and keeps none, so
    // the outer rows may be transient when the sink's rows may be.
    eachRow(this.outer, ctx, base, this.prober(ctx, base, sink), transient);
  }

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    // (the probe loop of `prober`, yielding each joined row as it is found)
    const { first, more, dense } = this.build(ctx, base);
    const { innerSlots, quals, joinType } = this;
    const ns = innerSlots.length;
    const keyOf = this.keyOf(this.outerKeys, ctx);
    for (const o of this.outer.run(ctx, base)) {
      const k = keyOf(o);
      const ir0 = k === undefined ? undefined : firstMatch(first, dense, k);
      let matched = false;
      if (ir0) {
        const extra = more?.get(k);
        const last = extra ? extra.length : 0;
        for (let m = 0; m <= last; m++) {
          const ir = m === 0 ? ir0 : (extra as Row[])[m - 1];
          const r = m === last && !quals ? o : o.slice();
          for (let j = 0; j < ns; j++) r[innerSlots[j]] = ir[j];
          if (quals && quals(r, ctx) !== true) continue;
          matched = true;
          yield r;
        }
      }
      if (!matched && joinType === 'left') {
        const r = o.slice();
        for (const i of innerSlots) r[i] = null;
        yield r;
      }
    }
  }
}

/** The outer rows a probe reads ahead before building its hash table (see HashJoin.prober). */
export interface ReadAhead {
  readonly limit: number;
  readonly rows: Row[];
  /** Copy the rows kept (the outer side's rows are transient). */
  readonly copy: boolean;
  built: boolean;
}

/** Inner rows are kept as their `innerSlots` values, in that order. */
interface HashTable {
  /** The first inner row of each key, when `dense` is not used. */
  readonly first: Map<unknown, Row> | undefined;
  readonly more: Map<unknown, Row[]> | undefined;
  /** The first inner row of each key by key, when every key is a small non-negative integer. */
  readonly dense: (Row | undefined)[] | undefined;
}

/**
 * The first inner row of probe key `k`. With the dense array, a key that is not one of its
 * indexes (negative, fractional, another type) cannot equal an inner key: both sides hash alike.
 */
function firstMatch(first: Map<unknown, Row> | undefined, dense: (Row | undefined)[] | undefined, k: unknown): Row | undefined {
  if (dense !== undefined) return typeof k === 'number' && k >= 0 && k < dense.length ? dense[k] : undefined;
  return (first as Map<unknown, Row>).get(k);
}
