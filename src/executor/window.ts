/**
 * WindowAgg: reads all input rows, and for each window (PARTITION BY + ORDER BY + frame) sorts
 * them, splits partitions and peer groups, and computes every window function of that window
 * for each row. Output rows are the input row cut to `base` columns, then one column per
 * window function call (in the query's windowFuncs order).
 * Postgres counterpart: src/backend/executor/nodeWindowAgg.c.
 * Known gaps: aggregates are recomputed over each row's frame (no moving-aggregate inverse
 * transitions), so a long partition with a sliding frame costs O(n * frame size); rows with an
 * identical frame (peers under the default frame) share one computation.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { AggregateImpl, CallInfo } from '../functions/registry.js';
import type { WindowFrameView, WindowFunctionImpl } from '../functions/window-functions.js';
import type { FrameBound, WindowFrame } from '../nodes/primnodes.js';
import type { Value } from '../types/values.js';
import { compareNullable } from './agg.js';
import type { ExecContext, Row } from './context.js';
import type { CExpr } from './expr/compile.js';
import type { Plan } from './scan.js';
import { pgQsort } from './tuplesort.js';
import type { InRangeFn } from './window-in-range.js';

/** A sort or partition key, compiled. */
export interface CompiledWindowKey {
  readonly expr: CExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
  readonly compare: (a: Value, b: Value) => number;
}

/** A frame bound, compiled (offsets are constants: they read no columns). */
export interface CompiledBound {
  readonly kind: FrameBound['kind'];
  readonly offset?: CExpr;
  /** RANGE with an offset: the key type's in_range and its flags. */
  readonly inRange?: { readonly fn: InRangeFn; readonly sub: boolean; readonly less: boolean };
}

/** One window function call, compiled. */
export interface CompiledWindowFunc {
  /** Output column (after `base`). */
  readonly slot: number;
  readonly args: readonly CExpr[];
  readonly filter?: CExpr;
  readonly agg?: AggregateImpl;
  readonly win?: WindowFunctionImpl;
  readonly call: CallInfo;
}

/** A window and the calls computed over it. */
export interface CompiledWindow {
  readonly partitionBy: readonly CompiledWindowKey[];
  readonly orderBy: readonly CompiledWindowKey[];
  readonly mode: WindowFrame['mode'];
  readonly start: CompiledBound;
  readonly end: CompiledBound;
  readonly exclude: WindowFrame['exclude'];
  readonly funcs: readonly CompiledWindowFunc[];
}

export class WindowAgg implements Plan {
  readonly kind = 'WindowAgg';
  constructor(
    readonly input: Plan,
    readonly windows: readonly CompiledWindow[],
    readonly base: number,
    readonly nfuncs: number,
  ) {}

  *run(ctx: ExecContext, baseRow: Row | undefined): Iterable<Row> {
    const rows = [...this.input.run(ctx, baseRow)];
    const out: Row[] = rows.map((r) => {
      const o = r.slice(0, this.base);
      o.length = this.base + this.nfuncs;
      return o;
    });
    // Each window sorts the order the previous one left, as stacked WindowAgg nodes with a Sort
    // below each do (an order that already fits is kept as it is: executor/tuplesort.ts).
    let order: number[] = rows.map((_, i) => i);
    for (const w of this.windows) order = computeWindow(w, rows, out, this.base, ctx, order);
    for (const i of order) yield out[i];
  }
}

/** Computes one window's functions into `out`; returns the row order it sorted `prev` into. */
function computeWindow(w: CompiledWindow, rows: Row[], out: Row[], base: number, ctx: ExecContext, prev: readonly number[]): number[] {
  const pk = rows.map((r) => w.partitionBy.map((k) => k.expr(r, ctx)));
  const ok = rows.map((r) => w.orderBy.map((k) => k.expr(r, ctx)));
  const cmpKeys = (keys: readonly CompiledWindowKey[], a: Value[], b: Value[]) => {
    for (let i = 0; i < keys.length; i++) {
      const c = compareNullable(a[i], b[i], keys[i]);
      if (c !== 0) return c;
    }
    return 0;
  };
  const order = pgQsort(prev.slice(), (a, b) => cmpKeys(w.partitionBy, pk[a], pk[b]) || cmpKeys(w.orderBy, ok[a], ok[b]));
  let s = 0;
  while (s < order.length) {
    let e = s + 1;
    while (e < order.length && cmpKeys(w.partitionBy, pk[order[s]], pk[order[e]]) === 0) e++;
    computePartition(w, order.slice(s, e), rows, ok, out, base, ctx);
    s = e;
  }
  return order;
}

function computePartition(w: CompiledWindow, part: number[], rows: Row[], ok: Value[][], out: Row[], base: number, ctx: ExecContext): void {
  const n = part.length;
  // Peer groups under ORDER BY (all rows are peers without one).
  const groupOf: number[] = new Array(n);
  const groupStarts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 || cmpOrder(w, ok[part[i - 1]], ok[part[i]]) !== 0) groupStarts.push(i);
    groupOf[i] = groupStarts.length - 1;
  }
  const groupEnd = (g: number) => (g + 1 < groupStarts.length ? groupStarts[g + 1] : n);
  const argCache = new Map<CompiledWindowFunc, Value[][]>();
  const rangePos = { head: 0, tail: -1 };
  const argOf = (f: CompiledWindowFunc, i: number, row: number): Value => {
    let per = argCache.get(f);
    if (!per) {
      per = new Array(f.args.length);
      argCache.set(f, per);
    }
    let col = per[i];
    if (!col) col = per[i] = new Array(n);
    if (!(row in col)) col[row] = f.args[i](rows[part[row]], ctx);
    return col[row];
  };
  for (let c = 0; c < n; c++) {
    const g = groupOf[c];
    const peerStart = groupStarts[g];
    const peerEnd = groupEnd(g);
    let bounds: FrameBounds | undefined;
    const frameBounds = () => (bounds ??= computeFrame(w, c, n, groupOf, groupStarts, groupEnd, part, rows, ok, ctx, rangePos));
    let list: number[] | undefined;
    const frameRows = () => (list ??= frameList(frameBounds()));
    for (const f of w.funcs) {
      let v: Value;
      if (f.win) {
        const view: WindowFrameView = { size: n, current: c, peerStart, peerEnd, peerGroup: g, argCount: f.args.length, frame: frameRows, arg: (i, row) => argOf(f, i, row) };
        v = f.win.evaluate(view);
      } else {
        v = aggregateFrame(f, frameBounds(), part, rows, ctx);
      }
      out[part[c]][base + f.slot] = v;
    }
  }
}

function cmpOrder(w: CompiledWindow, a: Value[], b: Value[]): number {
  for (let i = 0; i < w.orderBy.length; i++) {
    const c = compareNullable(a[i], b[i], w.orderBy[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** A frame: rows s..e of the partition, minus those `skip` rejects (EXCLUDE). */
interface FrameBounds {
  readonly s: number;
  readonly e: number;
  readonly skip?: (i: number) => boolean;
}

function frameList(f: FrameBounds): number[] {
  const out: number[] = [];
  for (let i = f.s; i <= f.e; i++) if (!f.skip?.(i)) out.push(i);
  return out;
}

/**
 * Aggregates whose final function leaves the transition state intact, so a frame that grows at
 * its end can continue from the previous row's state (Postgres reuses states the same way).
 */
const EXTENDABLE = new Set(['count', 'sum', 'avg', 'min', 'max', 'bool_and', 'bool_or', 'every', 'bit_and', 'bit_or', 'bit_xor']);

/** Per aggregate call: the last frame computed, its state and its result (reset per partition). */
const frameMemo = new WeakMap<CompiledWindowFunc, { part: number[]; s: number; e: number; skip: boolean; state: unknown; value: Value }>();

function aggregateFrame(f: CompiledWindowFunc, frame: FrameBounds, part: number[], rows: Row[], ctx: ExecContext): Value {
  const agg = f.agg as AggregateImpl;
  const memo = frameMemo.get(f);
  let state: unknown;
  let from = frame.s;
  let fresh = true;
  if (memo && memo.part === part && !frame.skip && !memo.skip && memo.s === frame.s) {
    if (memo.e === frame.e) return memo.value;
    if (memo.e < frame.e && EXTENDABLE.has(agg.name)) {
      state = memo.state;
      // (an empty previous frame has e < s)
      from = Math.max(frame.s, memo.e + 1);
      fresh = false;
    }
  }
  if (fresh) state = agg.init(f.call);
  const vals: Value[] = new Array(f.args.length);
  for (let i = from; i <= frame.e; i++) {
    if (frame.skip?.(i)) continue;
    const row = rows[part[i]];
    if (f.filter && f.filter(row, ctx) !== true) continue;
    let anyNull = false;
    for (let j = 0; j < vals.length; j++) {
      vals[j] = f.args[j](row, ctx);
      if (vals[j] === null) anyNull = true;
    }
    if (agg.strict && anyNull) continue;
    state = agg.step(state, vals.slice(), ctx, f.call);
  }
  const value = agg.final(state, ctx, f.call);
  frameMemo.set(f, { part, s: frame.s, e: frame.e, skip: !!frame.skip, state, value });
  return value;
}

function offsetValue(b: CompiledBound, isStart: boolean, row: Row, ctx: ExecContext): Value {
  const v = (b.offset as CExpr)(row, ctx);
  const which = isStart ? 'starting' : 'ending';
  if (v === null) throw new PgError(SQLSTATE.null_value_not_allowed, `frame ${which} offset must not be null`);
  return v;
}

function computeFrame(
  w: CompiledWindow,
  c: number,
  n: number,
  groupOf: number[],
  groupStarts: number[],
  groupEnd: (g: number) => number,
  part: number[],
  rows: Row[],
  ok: Value[][],
  ctx: ExecContext,
  rangePos: { head: number; tail: number },
): FrameBounds {
  const g = groupOf[c];
  const row = rows[part[c]];
  const bound = (b: CompiledBound, isStart: boolean): number => {
    switch (b.kind) {
      case 'unbounded preceding':
        return isStart ? 0 : -1;
      case 'unbounded following':
        return isStart ? n : n - 1;
      case 'current row':
        if (w.mode === 'rows') return c;
        return isStart ? groupStarts[g] : groupEnd(g) - 1;
      default:
        break;
    }
    const sign = b.kind === 'offset preceding' ? -1 : 1;
    if (w.mode === 'range') {
      const off = offsetValue(b, isStart, row, ctx);
      const kc = ok[part[c]][0];
      if (kc === null) return isStart ? groupStarts[g] : groupEnd(g) - 1;
      const { fn, sub, less } = b.inRange as NonNullable<CompiledBound['inRange']>;
      const nullsFirst = w.orderBy[0].nullsFirst;
      // Nulls sort beyond every value: on the frame's side when they come after (start) or before (end).
      const inside = (i: number): boolean => {
        const ki = ok[part[i]][0];
        if (ki === null) return isStart ? !nullsFirst : nullsFirst;
        return fn(ki, kc, off, sub, less, ctx);
      };
      // Bounds only move forward as the current row does: continue from the previous row's, testing
      // the rows Postgres tests (it stops at the first row out of the frame).
      if (isStart) {
        let i = rangePos.head;
        while (i < n && !inside(i)) i++;
        return (rangePos.head = i);
      }
      let i = rangePos.tail;
      while (i + 1 < n && inside(i + 1)) i++;
      return (rangePos.tail = i);
    }
    const raw = offsetValue(b, isStart, row, ctx);
    const off = Number(raw as bigint);
    if (off < 0) throw new PgError(SQLSTATE.invalid_preceding_or_following_size, `frame ${isStart ? 'starting' : 'ending'} offset must not be negative`);
    if (w.mode === 'rows') return c + sign * off;
    const tg = g + sign * off;
    if (isStart) return tg < 0 ? 0 : tg >= groupStarts.length ? n : groupStarts[tg];
    return tg < 0 ? -1 : tg >= groupStarts.length ? n - 1 : groupEnd(tg) - 1;
  };
  const s = Math.max(0, bound(w.start, true));
  const e = Math.min(n - 1, bound(w.end, false));
  const ps = groupStarts[g];
  const pe = groupEnd(g);
  switch (w.exclude) {
    case 'current row':
      return { s, e, skip: (i) => i === c };
    case 'group':
      return { s, e, skip: (i) => i >= ps && i < pe };
    case 'ties':
      return { s, e, skip: (i) => i >= ps && i < pe && i !== c };
    default:
      return { s, e };
  }
}
