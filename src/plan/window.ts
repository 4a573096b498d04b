/**
 * Planning of window functions: groups the query's window calls by identical window, compiles
 * them into a WindowAgg node over the (possibly grouped) input, and rewrites the target list so
 * each call reads the column WindowAgg filled.
 * Postgres counterpart: src/backend/optimizer/plan/planner.c (optimize_window_clauses,
 * make_window_input_target) and createplan.c (create_windowagg_plan).
 * Known gaps: Postgres sorts a window's input incrementally when an earlier window's order is a
 * prefix of it (incremental sort), which can order rows equal on every key differently.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Expr, FrameBound, SortKey, WindowFunc, WindowSpec } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import { exprEqual } from '../analyze/select.js';
import { pgQsort } from '../executor/tuplesort.js';
import { compileExpr, type Layout } from '../executor/expr/compile.js';
import type { Plan } from '../executor/scan.js';
import { WindowAgg, type CompiledBound, type CompiledWindow, type CompiledWindowFunc } from '../executor/window.js';
import { inRangeFor, type InRangeFn } from '../executor/window-in-range.js';
import type { WindowFunctionImpl } from '../functions/window-functions.js';
import { windowFunctionsNamed } from '../functions/window-functions.js';

/** Wraps `input` in a WindowAgg computing `funcs` into columns base, base + 1, ... */
export function planWindowAgg(q: Query, input: Plan, funcs: readonly WindowFunc[], layout: Layout, base: number, cat: Catalog): Plan {
  void cat;
  const keyLayout: Layout = { depth: layout.depth, offsets: [], parent: layout.parent };
  const byWindow = new Map<string, { spec: WindowFunc['spec']; funcs: CompiledWindowFunc[] }>();
  funcs.forEach((f, slot) => {
    const key = specKey(f.spec);
    let w = byWindow.get(key);
    if (!w) {
      w = { spec: f.spec, funcs: [] };
      byWindow.set(key, w);
    }
    w.funcs.push({
      slot,
      args: f.args.map((a) => compileExpr(a, layout)),
      filter: f.filter ? compileExpr(f.filter, layout) : undefined,
      agg: f.agg,
      win: f.agg ? undefined : resolveWin(f),
      call: { argTypes: f.args.map((a) => a.type), returnType: f.type, returnTypmod: f.typmod, collation: f.args[0]?.collation },
    });
  });
  const key = (k: SortKey) => ({ expr: compileExpr(k.expr, layout), descending: k.descending, nullsFirst: k.nullsFirst, compare: k.compare });
  const bound = (b: FrameBound): CompiledBound => ({
    kind: b.kind,
    offset: b.offset ? compileExpr(b.offset, keyLayout) : undefined,
    inRange: b.inRange ? { fn: inRangeFor(b.inRange.keyType) as InRangeFn, sub: b.inRange.sub, less: b.inRange.less } : undefined,
  });
  const windows: CompiledWindow[] = inProcessingOrder(q, [...byWindow.values()]).map(({ spec, funcs: fs }) => ({
    partitionBy: spec.partitionBy.map(key),
    orderBy: spec.orderBy.map(key),
    mode: spec.frame.mode,
    start: bound(spec.frame.start),
    end: bound(spec.frame.end),
    exclude: spec.frame.exclude,
    funcs: fs,
  }));
  return new WindowAgg(input, windows, base, funcs.length);
}

/**
 * The windows in the order Postgres computes them (select_active_windows): sorted by their
 * partition keys then order keys, compared key by key by the keys' sort-group references
 * (numbered as parse analysis assigns them: the query's ORDER BY, GROUP BY and DISTINCT keys, then
 * each window's ORDER BY and PARTITION BY keys), higher first, descending before ascending, NULLS
 * FIRST before LAST; a window whose keys extend another's comes first. The order decides how
 * peers are ordered, since each window sorts the order the one before it left.
 */
function inProcessingOrder<T extends { spec: WindowSpec }>(q: Query, windows: T[]): T[] {
  if (windows.length < 2) return windows;
  const refs: Expr[] = [];
  const ref = (e: Expr): number => {
    let i = refs.findIndex((r) => exprEqual(r, e));
    if (i < 0) i = refs.push(e) - 1;
    return i + 1;
  };
  for (const k of q.sortBy) ref(k.expr);
  for (const g of q.groupBy) ref(g);
  if (q.distinctOn) for (const d of q.distinctOn) ref(d);
  else if (q.distinct) for (const t of q.targetList) if (!t.resjunk) ref(t.expr);
  for (const w of windows) {
    for (const k of w.spec.orderBy) ref(k.expr);
    for (const k of w.spec.partitionBy) ref(k.expr);
  }
  const keysOf = (spec: WindowSpec) => {
    const out: { ref: number; desc: boolean; nullsFirst: boolean }[] = [];
    for (const k of [...spec.partitionBy, ...spec.orderBy]) {
      const r = ref(k.expr);
      if (!out.some((o) => o.ref === r)) out.push({ ref: r, desc: k.descending, nullsFirst: k.nullsFirst });
    }
    return out;
  };
  const sorted = windows.map((w) => ({ w, keys: keysOf(w.spec) }));
  pgQsort(sorted, (a, b) => {
    for (let i = 0; i < Math.min(a.keys.length, b.keys.length); i++) {
      const x = a.keys[i];
      const y = b.keys[i];
      if (x.ref !== y.ref) return x.ref > y.ref ? -1 : 1;
      // (a descending key's operator, `>`, has the higher OID among the built-in ones)
      if (x.desc !== y.desc) return x.desc ? -1 : 1;
      if (x.nullsFirst !== y.nullsFirst) return x.nullsFirst ? -1 : 1;
    }
    return b.keys.length - a.keys.length;
  });
  return sorted.map((x) => x.w);
}

/** The built-in implementation for a call (the overload with its argument count). */
function resolveWin(f: WindowFunc): WindowFunctionImpl {
  const impls = windowFunctionsNamed(f.name);
  const impl = impls.find((i) => i.argTypes.length === f.args.length) ?? impls[0];
  if (!impl) throw new Error(`fauxgres internal: window function ${f.name} has no implementation`);
  return impl;
}

function specKey(spec: WindowFunc['spec']): string {
  return JSON.stringify(spec, (k, v) => (k === 'location' || typeof v === 'function' ? undefined : typeof v === 'bigint' ? v.toString() + 'n' : v));
}

/** Replaces each window call of `funcs` in `e` by a reference to its WindowAgg column. */
export function replaceWindowFuncs(e: Expr, funcs: readonly WindowFunc[], base: number): Expr {
  const walk = (x: unknown): unknown => {
    if (!x || typeof x !== 'object') return x;
    if (Array.isArray(x)) {
      let changed = false;
      const out = x.map((y) => {
        const r = walk(y);
        if (r !== y) changed = true;
        return r;
      });
      return changed ? out : x;
    }
    const o = x as Record<string, unknown>;
    if (o.kind === 'WindowFunc') {
      const i = funcs.indexOf(o as unknown as WindowFunc);
      if (i < 0) return x;
      const f = funcs[i];
      return { kind: 'InputRef', index: base + i, type: f.type, typmod: f.typmod, collation: f.collation } satisfies Expr;
    }
    // Sublinks are planned as their own level; aggregates never hold window calls.
    if (o.kind === 'SubLink' || o.kind === 'Aggref') return x;
    let changed = false;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (k === 'fn' || k === 'agg' || k === 'compare' || k === 'rel' || typeof v === 'function') {
        copy[k] = v;
        continue;
      }
      const r = walk(v);
      if (r !== v) changed = true;
      copy[k] = r;
    }
    return changed ? copy : x;
  };
  return walk(e) as Expr;
}
