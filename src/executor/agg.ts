/**
 * Hash aggregation: groups input rows by the GROUP BY values and feeds each aggregate (with
 * DISTINCT, FILTER and ORDER BY inside the call). Output rows are [group values, aggregate
 * results, a representative input row] so grouped and functionally dependent columns can be read.
 * Postgres counterpart: src/backend/executor/nodeAgg.c.
 */
import type { Aggref } from '../nodes/primnodes.js';
import type { CallInfo } from '../functions/registry.js';
import type { OrderedSetImpl } from '../functions/builtins/aggregates-ordered-set.js';
import type { Value } from '../types/values.js';
import type { ExecContext, Row } from './context.js';
import { identityHashKey } from '../analyze/ordering.js';
import { varSlot, type CExpr } from './expr/compile.js';
import { eachRow, type Plan } from './scan.js';
import { pgQsort } from './tuplesort.js';
import { sortedByKeys } from './sort-limit.js';

export interface CompiledAgg {
  readonly ref: Aggref;
  readonly args: readonly CExpr[];
  /** An ordered-set aggregate's direct arguments, evaluated on the group's representative row. */
  readonly direct?: readonly CExpr[];
  readonly filter?: CExpr;
  readonly distinctKey?: readonly ((v: Value) => unknown)[];
  readonly orderBy?: readonly { expr: CExpr; descending: boolean; nullsFirst: boolean; compare: (a: Value, b: Value) => number }[];
  readonly call: CallInfo;
}

/** A key of the sort Postgres puts below an aggregation with ordered aggregates. */
export interface AggPresortKey {
  readonly expr: CExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
  readonly compare: (a: Value, b: Value) => number;
}

interface GroupState {
  keys: Value[];
  states: unknown[];
  seen: (Set<unknown> | undefined)[];
  pending: (Value[][] | undefined)[];
  rep: Row;
}

export class Agg implements Plan {
  readonly kind = 'Agg';
  constructor(
    readonly input: Plan,
    readonly groupExprs: readonly CExpr[],
    readonly groupKeyFns: readonly ((v: Value) => unknown)[],
    readonly aggs: readonly CompiledAgg[],
    readonly inputWidth: number,
    /** Sort the input by these keys first (see plan/agg-presort.ts). */
    readonly presort?: readonly AggPresortKey[],
  ) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const order: GroupState[] = [];
    const { groupExprs, aggs, groupKeyFns } = this;
    const newGroup = (keys: Value[], rep: Row): GroupState => ({
      keys,
      rep,
      states: aggs.map((a) => a.ref.agg.init(a.call)),
      seen: aggs.map((a) => (a.ref.distinct ? new Set() : undefined)),
      pending: aggs.map((a) => (a.orderBy ? [] : undefined)),
    });
    // Per-row work avoids allocations: groups are found through one Map per grouping column
    // (keyed by each value's hash key, so no composite key is built), group keys go into a
    // scratch array (copied only for a new group) and each aggregate's arguments into its own
    // reused array.
    const nk = groupExprs.length;
    // Column group keys and arguments are read from their slots; keys of types keyed by their
    // values are used as they are.
    const keySlots = groupExprs.map(varSlot);
    const keyFns = groupKeyFns.map((f) => (f === identityHashKey ? undefined : f));
    const root = new KeyTable();
    // (filled with null up front: arrays that start as small-integer arrays change their element
    // kind at the first other value, which deoptimizes the code that reads them)
    const scratch: Value[] = new Array(nk).fill(null);
    const na = aggs.length;
    const argBufs: Value[][] = aggs.map((a) => new Array(a.args.length).fill(null));
    const steps = aggs.map((a) => a.ref.agg.step);
    // Aggregates of one argument with no FILTER, DISTINCT or ORDER BY take the short path.
    const simple = aggs.map((a) => !a.filter && !a.distinctKey && !a.orderBy && a.args.length <= 1);
    const simpleArg = aggs.map((a) => a.args[0]);
    const argSlots = simpleArg.map((f) => (f ? varSlot(f) : -1));
    // Transitions run inline (see AggregateImpl.inline) for the simple aggregates that have one.
    const inline = aggs.map((a, i) => (simple[i] ? INLINE_CODE[a.ref.agg.inline ?? ''] ?? 0 : 0));
    const strict = aggs.map((a) => a.ref.agg.strict);
    // An aggregate sharing an earlier one's transition state skips its own transitions.
    const sharesState = aggs.map((a) => (a.ref.sharedTrans ? aggs.findIndex((b) => b.ref === a.ref.sharedTrans) : -1));
    const ownState = sharesState.map((j) => j < 0);
    let single: GroupState | undefined;
    const consume = (row: Row): void => {
      let g: GroupState | undefined;
      if (nk === 0) {
        g = single;
        if (!g) {
          g = single = newGroup([], row.slice());
          order.push(g);
        }
      } else {
        let m = root;
        let k: unknown;
        for (let i = 0; ; i++) {
          const pos = keySlots[i];
          const v = (scratch[i] = pos >= 0 ? (row[pos] ?? null) : groupExprs[i](row, ctx));
          const fn = keyFns[i];
          k = v === null ? NULL_KEY : fn === undefined ? v : fn(v);
          if (i === nk - 1) break;
          // (KeyTable.get's array case written out: no call per row for it)
          let next = (typeof k === 'number' && k >= 0 && k < m.small.length ? m.small[k] : undefined) as KeyTable | undefined;
          if (next === undefined) next = m.get(k) as KeyTable | undefined;
          if (!next) {
            next = new KeyTable();
            m.set(k, next);
          }
          m = next;
        }
        g = (typeof k === 'number' && k >= 0 && k < m.small.length ? m.small[k] : undefined) as GroupState | undefined;
        if (g === undefined) g = m.get(k) as GroupState | undefined;
        if (!g) {
          g = newGroup(scratch.slice(), row.slice());
          m.set(k, g);
          order.push(g);
        }
      }
      const states = g.states;
      for (let i = 0; i < na; i++) {
        if (!ownState[i]) continue;
        const a = aggs[i];
        const vals = argBufs[i];
        if (simple[i]) {
          const arg = simpleArg[i];
          let v: Value = null;
          if (arg) {
            const pos = argSlots[i];
            v = pos >= 0 ? (row[pos] ?? null) : arg(row, ctx);
            if (v === null && strict[i]) continue;
            vals[0] = v;
          }
          const code = inline[i];
          if (code !== 0) {
            const s = states[i];
            if (code === INLINE_COUNT) {
              states[i] = (s as number) + 1;
              continue;
            }
            if (code === INLINE_INT_SUM) {
              if (s === null) {
                states[i] = v;
                continue;
              }
              if (typeof s === 'number') {
                const r = s + (v as number);
                if (r <= INT_SUM_LIMIT && r >= -INT_SUM_LIMIT) {
                  states[i] = r;
                  continue;
                }
              }
            } else {
              // (max / min over numbers or bigints of one type)
              if (s === null || (code === INLINE_MAX ? (v as number) > (s as number) : (v as number) < (s as number))) states[i] = v;
              continue;
            }
          }
          states[i] = steps[i](states[i], vals, ctx, a.call);
          continue;
        }
        if (a.filter && a.filter(row, ctx) !== true) continue;
        let anyNull = false;
        for (let j = 0; j < vals.length; j++) {
          const v = a.args[j](row, ctx);
          vals[j] = v;
          if (v === null) anyNull = true;
        }
        if (strict[i] && anyNull) continue;
        if (a.distinctKey) {
          const k = groupKey(vals, a.distinctKey);
          const seen = g.seen[i] as Set<unknown>;
          if (seen.has(k)) continue;
          seen.add(k);
        }
        if (a.orderBy) {
          (g.pending[i] as Value[][]).push([...vals, ...a.orderBy.map((o) => o.expr(row, ctx))]);
          continue;
        }
        states[i] = steps[i](states[i], vals, ctx, a.call);
      }
    };
    // (the input sorted as Postgres's Sort below a GroupAggregate)
    if (this.presort?.length) for (const row of sortedByKeys(this.input, ctx, base, this.presort)) consume(row);
    // (consume keeps no input row: a group's representative row is a copy)
    else eachRow(this.input, ctx, base, consume, true);
    if (groupExprs.length === 0 && order.length === 0) order.push(newGroup([], new Array(this.inputWidth)));
    for (const g of order) {
      const out: Row = [...g.keys];
      for (let i = 0; i < aggs.length; i++) {
        const a = aggs[i];
        if (!ownState[i]) {
          out.push(a.ref.agg.final(g.states[sharesState[i]], ctx, a.call));
          continue;
        }
        let st = g.states[i];
        const pend = g.pending[i];
        if (pend && a.orderBy) {
          const nargs = a.args.length;
          const ob = a.orderBy;
          pgQsort(pend, (x, y) => {
            for (let k = 0; k < ob.length; k++) {
              const c = compareNullable(x[nargs + k], y[nargs + k], ob[k]);
              if (c !== 0) return c;
            }
            return 0;
          });
          for (const p of pend) st = a.ref.agg.step(st, p.slice(0, nargs), ctx, a.call);
          g.states[i] = st;
          pend.length = 0;
        }
        if (a.direct) {
          const rep = g.rep;
          out.push((a.ref.agg as OrderedSetImpl).finalDirect(st, a.direct.map((d) => d(rep, ctx))));
        } else out.push(a.ref.agg.final(st, ctx, a.call));
      }
      for (const v of g.rep) out.push(v);
      yield out;
    }
  }
}

/**
 * One level of the group lookup: keys that are small non-negative integers (ids, codes: the
 * usual grouping columns) index an array while it stays dense enough, other keys go to a Map.
 */
class KeyTable {
  /** Values of the small integer keys, by key (read directly by the lookup loop). */
  readonly small: unknown[] = [];
  private count = 0;
  private map: Map<unknown, unknown> | undefined;

  get(k: unknown): unknown {
    if (typeof k === 'number' && (k | 0) === k && k >= 0 && k < this.small.length) {
      const v = this.small[k];
      if (v !== undefined) return v;
    }
    // (an integer key too far past the array when it was added is in the Map)
    return this.map?.get(k);
  }

  set(k: unknown, v: unknown): void {
    if (typeof k === 'number' && (k | 0) === k && k >= 0 && k <= 2 * this.count + 64) {
      // (grown by push: the array stays packed)
      while (this.small.length <= k) this.small.push(undefined);
      this.small[k] = v;
      this.count++;
    } else (this.map ??= new Map()).set(k, v);
  }
}

function groupKey(vals: Value[], fns: readonly ((v: Value) => unknown)[]): unknown {
  // Nulls group together (unlike joins).
  if (vals.length === 1) return vals[0] === null ? NULL_KEY : fns[0](vals[0]);
  let s = '';
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v === null) {
      s += '\u0001null\u0000';
      continue;
    }
    const k = fns[i](v);
    s += (typeof k === 'bigint' ? k.toString() + 'n' : typeof k === 'string' ? JSON.stringify(k) : String(k)) + '\u0000';
  }
  return s;
}
const NULL_KEY = Symbol('null');

const INLINE_COUNT = 1;
const INLINE_INT_SUM = 2;
const INLINE_MAX = 3;
const INLINE_MIN = 4;
const INLINE_CODE: Record<string, number> = { count: INLINE_COUNT, 'int-sum': INLINE_INT_SUM, max: INLINE_MAX, min: INLINE_MIN };
/** As intSumStep's: within ±2^52 every partial sum of int2 / int4 values is exact in a double. */
const INT_SUM_LIMIT = 2 ** 52;

export function compareNullable(a: Value, b: Value, k: { descending: boolean; nullsFirst: boolean; compare: (a: Value, b: Value) => number }): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    return (a === null) === k.nullsFirst ? -1 : 1;
  }
  const c = k.compare(a, b);
  return k.descending ? -c : c;
}
