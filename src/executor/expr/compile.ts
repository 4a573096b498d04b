/**
 * Compiles analyzed expressions into JS closures `(row, ctx) => value`, once per plan. Three-valued
 * logic, strict functions, CASE/COALESCE short-circuiting, IN lists and = ANY(array), sublinks
 * (uncorrelated ones computed once per execution), aggregate results and grouped columns above
 * an Agg node.
 * Postgres counterpart: src/backend/executor/execExpr.c + execExprInterp.c.
 */
import { systemColumnReader } from '../../analyze/system-columns.js';
import type { Tuple } from '../../storage/heap.js';
import { ownerOf } from '../inherit-scan.js';
import { leafOfTuple } from '../partition-route.js';
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Aggref, Expr, Var } from '../../nodes/primnodes.js';
import type { Query } from '../../nodes/query.js';
import type { CallInfo } from '../../functions/registry.js';
import { PgArray, PgRecord, type Value } from '../../types/values.js';
import type { ExecContext, Row } from '../context.js';
import { sqlValueFunction } from './sql-value-function.js';
import { subscriptArray } from './subscript.js';
import { adaptiveHashedExists, buildAnyHash, type AnyHash } from './hashed-sublink.js';
import { hashKeyOf, keyPart } from '../join.js';

export type CExpr = (row: Row, ctx: ExecContext) => Value;

/** Where each range-table entry's columns sit in the rows of one query level. */
export interface Layout {
  readonly depth: number;
  /** Offset of each rti's first column in the wide row (-1: not available at this point). */
  readonly offsets: readonly number[];
  readonly parent?: Layout;
  /** Above an Agg node: group keys, aggregates, then the representative input row. */
  readonly agg?: {
    readonly groupExprs: readonly Expr[];
    readonly aggs: readonly Aggref[];
    readonly equal: (a: Expr, b: Expr) => boolean;
  };
  /** Base offset for InputRef nodes. */
  readonly inputBase?: number;
}

/** Set by the planner module (avoids an import cycle): plans a subquery one level down. */
export interface SubqueryRunner {
  run(ctx: ExecContext, row: Row): Iterable<Row>;
  /** Whether the subquery references the outer level (must be re-run per row). */
  correlated: boolean;
  /** Output column positions in the subquery's rows. */
  width: number;
}
let planSubquery: ((q: Query, outer: Layout) => SubqueryRunner) | undefined;
export function setSubqueryPlanner(f: typeof planSubquery): void {
  planSubquery = f;
}

/** Hashing decisions for sublinks, made by the planner (which has the catalog). */
export interface SublinkHashing {
  /** Key functions of an uncorrelated `= ANY (subquery)`, one per column; undefined if not hashable. */
  anyKeys(e: Extract<Expr, { kind: 'SubLink' }>): readonly ((v: Value) => unknown)[] | undefined;
  /** A correlated EXISTS split into an uncorrelated subquery and outer keys (plan/sublink-hashing.ts). */
  exists(q: Query, outer: Layout): { inner: SubqueryRunner; outerKeys: readonly Expr[]; keyFns: readonly ((v: Value) => unknown)[]; residual?: Expr } | undefined;
  /** The outer values a correlated subquery's result can be remembered by (plan/sublink-hashing.ts). */
  memoKeys(q: Query): readonly Expr[] | undefined;
}
let sublinkHashing: SublinkHashing | undefined;
export function setSublinkHashing(h: SublinkHashing): void {
  sublinkHashing = h;
}

function callInfo(e: Expr, args: readonly Expr[]): CallInfo {
  const input = (e as { inputCollation?: string }).inputCollation;
  return { argTypes: args.map((a) => a.type), returnType: e.type, returnTypmod: e.typmod, collation: input ?? e.collation ?? args.find((a) => a.collation)?.collation };
}

export function compileExpr(e: Expr, layout: Layout): CExpr {
  if (e.kind === 'Aggref' && e.levelsUp) return compileOuterAggref(e, layout);
  if (layout.agg) {
    const ag = layout.agg;
    const gi = ag.groupExprs.findIndex((g) => ag.equal(g, e));
    if (gi >= 0) return (row) => row[gi];
    if (e.kind === 'Aggref') {
      const ai = ag.aggs.indexOf(e);
      if (ai < 0) throw new Error('fauxgres internal: aggregate not planned');
      const pos = ag.groupExprs.length + ai;
      return (row) => row[pos];
    }
  }
  switch (e.kind) {
    case 'Const': {
      const v = e.value;
      return () => v;
    }
    case 'Param': {
      const i = e.index;
      return (_r, ctx) => {
        const v = ctx.params[i];
        return v === undefined ? null : v;
      };
    }
    case 'Var':
      return e.sys ? compileSystemVar(e, layout) : compileVar(e.levelsUp, e.rti, e.attno, layout);
    case 'InputRef': {
      const i = (layout.inputBase ?? 0) + e.index;
      return (row) => row[i];
    }
    case 'FuncExpr':
    case 'OpExpr': {
      if (e.kind === 'FuncExpr' && e.retset) throw featureNotSupported('set-returning functions in this context', e.location);
      const f = e.fn;
      const impl = f.fn;
      const args = e.args.map((a) => compileExpr(a, layout));
      const call = callInfo(e, e.args);
      const strict = f.strict;
      const vpos = f.variadicExpanded;
      const n = args.length;
      if (vpos !== undefined) {
        return (row, ctx) => {
          const vals: Value[] = new Array(vpos + 1);
          // As Postgres: every argument is evaluated (errors included) before strictness applies.
          let sawNull = false;
          for (let i = 0; i < vpos; i++) {
            vals[i] = args[i](row, ctx);
            if (vals[i] === null) sawNull = true;
          }
          const rest: Value[] = [];
          for (let i = vpos; i < n; i++) rest.push(args[i](row, ctx));
          if (strict && sawNull) return null;
          vals[vpos] = PgArray.of(rest);
          return impl(vals, ctx, call) as Value;
        };
      }
      if (n === 1) {
        const a0 = args[0];
        return (row, ctx) => {
          const x = a0(row, ctx);
          if (strict && x === null) return null;
          return impl([x], ctx, call) as Value;
        };
      }
      if (n === 2) {
        const a0 = args[0];
        const a1 = args[1];
        return (row, ctx) => {
          const x = a0(row, ctx);
          const y = a1(row, ctx);
          if (strict && (x === null || y === null)) return null;
          return impl([x, y], ctx, call) as Value;
        };
      }
      return (row, ctx) => {
        const vals: Value[] = new Array(n);
        let sawNull = false;
        for (let i = 0; i < n; i++) {
          const v = args[i](row, ctx);
          if (v === null) sawNull = true;
          vals[i] = v;
        }
        if (strict && sawNull) return null;
        return impl(vals, ctx, call) as Value;
      };
    }
    case 'BoolExpr': {
      const args = e.args.map((a) => compileExpr(a, layout));
      if (e.op === 'not') {
        const a = args[0];
        return (row, ctx) => {
          const v = a(row, ctx);
          return v === null ? null : !v;
        };
      }
      if (e.op === 'and') {
        return (row, ctx) => {
          let sawNull = false;
          for (const a of args) {
            const v = a(row, ctx);
            if (v === false) return false;
            if (v === null) sawNull = true;
          }
          return sawNull ? null : true;
        };
      }
      return (row, ctx) => {
        let sawNull = false;
        for (const a of args) {
          const v = a(row, ctx);
          if (v === true) return true;
          if (v === null) sawNull = true;
        }
        return sawNull ? null : false;
      };
    }
    case 'NullTest': {
      const a = compileExpr(e.arg, layout);
      const isNull = e.isNull;
      if (e.rowArg) {
        return (row, ctx) => {
          const v = a(row, ctx);
          if (v === null) return isNull;
          const fields = (v as PgRecord).fields;
          return isNull ? fields.every((f) => f === null) : fields.every((f) => f !== null);
        };
      }
      return (row, ctx) => (a(row, ctx) === null) === isNull;
    }
    case 'BooleanTest': {
      const a = compileExpr(e.arg, layout);
      const t = e.test;
      return (row, ctx) => {
        const v = a(row, ctx);
        switch (t) {
          case 'true': return v === true;
          case 'not_true': return v !== true;
          case 'false': return v === false;
          case 'not_false': return v !== false;
          case 'unknown': return v === null;
          case 'not_unknown': return v !== null;
        }
      };
    }
    case 'CaseExpr': {
      const whens = e.whens.map((w) => [compileExpr(w.cond, layout), compileExpr(w.result, layout)] as const);
      const els = compileExpr(e.elseResult, layout);
      return (row, ctx) => {
        for (const [c, r] of whens) if (c(row, ctx) === true) return r(row, ctx);
        return els(row, ctx);
      };
    }
    case 'CoalesceExpr': {
      const args = e.args.map((a) => compileExpr(a, layout));
      return (row, ctx) => {
        for (const a of args) {
          const v = a(row, ctx);
          if (v !== null) return v;
        }
        return null;
      };
    }
    case 'MinMaxExpr': {
      const args = e.args.map((a) => compileExpr(a, layout));
      const cmp = e.compare;
      const greatest = e.op === 'greatest';
      return (row, ctx) => {
        let best: Value = null;
        for (const a of args) {
          const v = a(row, ctx);
          if (v === null) continue;
          if (best === null || (greatest ? cmp(v, best) > 0 : cmp(v, best) < 0)) best = v;
        }
        return best;
      };
    }
    case 'NullIfExpr': {
      const a = compileExpr(e.args[0], layout);
      const b = compileExpr(e.args[1], layout);
      const eq = e.eq.fn;
      const call = callInfo(e, e.args);
      return (row, ctx) => {
        const x = a(row, ctx);
        const y = b(row, ctx);
        if (x !== null && y !== null && eq([x, y], ctx, call) === true) return null;
        return x;
      };
    }
    case 'CoerceExpr': {
      const a = compileExpr(e.arg, layout);
      const f = e.fn;
      if (e.handlesNull) return (row, ctx) => f(a(row, ctx), ctx);
      return (row, ctx) => {
        const v = a(row, ctx);
        return v === null ? null : f(v, ctx);
      };
    }
    case 'ScalarArrayOpExpr': {
      const left = compileExpr(e.left, layout);
      const cmp = e.fn.fn;
      const useOr = e.useOr;
      const call = callInfo(e, [e.left, e.left]);
      const items = Array.isArray(e.right) ? e.right.map((x) => compileExpr(x, layout)) : undefined;
      const arr = Array.isArray(e.right) ? undefined : compileExpr(e.right, layout);
      return (row, ctx) => {
        const l = left(row, ctx);
        let values: readonly Value[];
        if (items) {
          values = items.map((it) => it(row, ctx));
        } else {
          const a = (arr as CExpr)(row, ctx);
          if (a === null) return null;
          values = (a as PgArray).items;
        }
        if (values.length === 0) return !useOr;
        if (l === null) return null;
        let sawNull = false;
        for (const v of values) {
          if (v === null) {
            sawNull = true;
            continue;
          }
          const r = cmp([l, v], ctx, call);
          if (r === null) sawNull = true;
          else if (useOr && r === true) return true;
          else if (!useOr && r === false) return false;
        }
        return sawNull ? null : !useOr;
      };
    }
    case 'ArrayExpr': {
      const elems = e.elements.map((x) => compileExpr(x, layout));
      if (!e.multidims) return (row, ctx) => PgArray.of(elems.map((x) => x(row, ctx)));
      return (row, ctx) => {
        const subs = elems.map((x) => x(row, ctx) as PgArray | null);
        const nonEmpty = subs.filter((s): s is PgArray => s !== null && s.items.length > 0);
        if (!nonEmpty.length) return new PgArray([], [], []);
        const dims0 = nonEmpty[0].dims;
        for (const s of subs) {
          if (s === null || s.dims.length !== dims0.length || s.dims.some((d, i) => d !== dims0[i])) {
            throw new PgError(SQLSTATE.array_subscript_error, 'multidimensional arrays must have array expressions with matching dimensions');
          }
        }
        return new PgArray(subs.flatMap((s) => (s as PgArray).items), [subs.length, ...dims0]);
      };
    }
    case 'RowExpr': {
      const args = e.args.map((a) => compileExpr(a, layout));
      const names = e.fieldNames;
      // Fields that were unknown literals keep type unknown, as Postgres's record values do.
      const types = (e.rawArgs ?? e.args).map((a) => a.type);
      if (e.presence) {
        // A whole-row reference: NULL when an outer join null-extended the entry.
        const present = compileExpr(e.presence, layout);
        return (row, ctx) => (present(row, ctx) === null ? null : new PgRecord(args.map((a) => a(row, ctx)), names, types));
      }
      return (row, ctx) => new PgRecord(args.map((a) => a(row, ctx)), names, types);
    }
    case 'FieldSelect': {
      const a = compileExpr(e.arg, layout);
      const i = e.fieldIndex;
      return (row, ctx) => {
        const v = a(row, ctx);
        return v === null ? null : ((v as PgRecord).fields[i] ?? null);
      };
    }
    case 'SubscriptExpr': {
      const a = compileExpr(e.arg, layout);
      const idx = e.indexes.map((i) => ({ lower: i.lower && compileExpr(i.lower, layout), upper: i.upper && compileExpr(i.upper, layout), isSlice: i.isSlice }));
      return (row, ctx) => {
        const v = a(row, ctx);
        if (v === null) return null;
        return subscriptArray(v as PgArray, idx.map((i) => ({ lower: i.lower ? i.lower(row, ctx) : undefined, upper: i.upper ? i.upper(row, ctx) : undefined, isSlice: i.isSlice })));
      };
    }
    case 'SQLValueFunction':
      return sqlValueFunction(e.op, e.typmod);
    case 'SubLink':
      return compileSubLink(e, layout);
    case 'Aggref':
      throw new PgError(SQLSTATE.grouping_error, 'aggregate function calls cannot be nested');
    case 'WindowFunc':
      // The planner replaces window calls by references to WindowAgg's output columns.
      throw featureNotSupported('window functions in this context', e.location);
    case 'SetToDefault':
      throw new PgError(SQLSTATE.syntax_error, 'DEFAULT is not allowed in this context');
    default: {
      const never: never = e;
      throw new Error(`fauxgres internal: cannot compile ${(never as Expr).kind}`);
    }
  }
}

/** The slot each compiled plain Var of its own level reads (see varSlot). */
const VAR_SLOTS = new WeakMap<CExpr, number>();

/**
 * The wide-row slot `f` reads when it is a compiled Var of the row's own level, else -1: nodes
 * that evaluate the same expression for every row (join and group keys, aggregate arguments)
 * read the slot directly (`row[slot] ?? null`) instead of calling the closure.
 */
export function varSlot(f: CExpr): number {
  return VAR_SLOTS.get(f) ?? -1;
}

/** An outer level's aggregate: read from that level's current (aggregated) row. */
function compileOuterAggref(e: Aggref, layout: Layout): CExpr {
  let l: Layout | undefined = layout;
  for (let i = 0; i < (e.levelsUp as number); i++) l = l?.parent;
  const ai = l?.agg ? l.agg.aggs.indexOf(e.outerAgg as Aggref) : -1;
  if (!l || ai < 0) throw new Error('fauxgres internal: outer aggregate not planned');
  const pos = (l.agg as NonNullable<Layout['agg']>).groupExprs.length + ai;
  const depth = l.depth;
  return (_row, ctx) => {
    const v = ctx.levelRows[depth][pos];
    return v === undefined ? null : v;
  };
}

function compileVar(levelsUp: number, rti: number, attno: number, layout: Layout): CExpr {
  let l: Layout | undefined = layout;
  for (let i = 0; i < levelsUp; i++) l = l?.parent;
  if (!l) throw new Error('fauxgres internal: outer reference without outer level');
  const off = l.offsets[rti];
  if (off === undefined || off < 0) throw new Error(`fauxgres internal: rti ${rti} not in row layout`);
  const base = l.agg ? l.agg.groupExprs.length + l.agg.aggs.length : 0;
  const pos = base + off + attno - 1;
  if (levelsUp === 0) {
    const f: CExpr = (row) => {
      const v = row[pos];
      return v === undefined ? null : v;
    };
    VAR_SLOTS.set(f, pos);
    return f;
  }
  const depth = l.depth;
  return (_row, ctx) => {
    const v = ctx.levelRows[depth][pos];
    return v === undefined ? null : v;
  };
}

/** A system column: read from the row version that follows the relation's columns. */
function compileSystemVar(e: Var, layout: Layout): CExpr {
  const sys = e.sys!;
  const read = systemColumnReader(e.attno, sys);
  // tableoid needs no row version (CHECK constraints and generated columns may use it).
  if (e.attno === -6 && !sys.partitioned && !sys.inherited) return () => sys.relOid;
  const tuple = compileVar(e.levelsUp, e.rti, sys.width + 1, layout);
  if (e.attno === -6 && sys.inherited) {
    // Through an inheritance parent: the table the row version was read from.
    return (row, ctx) => {
      const t = tuple(row, ctx);
      return t === null ? null : ownerOf(t as unknown as Tuple, sys.relOid);
    };
  }
  if (e.attno === -6) {
    // Through a partitioned table: the leaf partition the row version belongs to.
    return (row, ctx) => {
      const t = tuple(row, ctx);
      if (t === null) return null;
      const cat = ctx.txn.catalog;
      return leafOfTuple(ctx, cat, cat.relation(sys.relOid), t as unknown as Tuple).oid;
    };
  }
  return (row, ctx) => {
    const t = tuple(row, ctx);
    return t === null ? null : read(t as unknown as Tuple);
  };
}

function compileSubLink(e: Extract<Expr, { kind: 'SubLink' }>, layout: Layout): CExpr {
  if (!planSubquery) throw new Error('fauxgres internal: planner not wired');
  const sub = planSubquery(e.subquery, layout);
  const depth = layout.depth;
  const correlated = sub.correlated;
  // The subquery's rows, or only its first `limit` (EXISTS needs one, a scalar subquery two: like
  // Postgres, rows past them are never computed, so their errors are not raised).
  const run = (row: Row, ctx: ExecContext, limit = Infinity): Row[] => {
    const saved = ctx.levelRows[depth];
    ctx.levelRows[depth] = row;
    try {
      if (limit === Infinity) return [...sub.run(ctx, row)];
      const out: Row[] = [];
      for (const r of sub.run(ctx, row)) if (out.push(r) >= limit) break;
      return out;
    } finally {
      ctx.levelRows[depth] = saved;
    }
  };
  const cached = (row: Row, ctx: ExecContext, limit = Infinity): Row[] => {
    if (correlated) return run(row, ctx, limit);
    let r = ctx.cache.get(sub) as Row[] | undefined;
    if (!r) {
      r = run(row, ctx, limit);
      ctx.cache.set(sub, r);
    }
    return r;
  };
  switch (e.subLinkType) {
    case 'EXISTS': {
      if (!correlated) return (row, ctx) => cached(row, ctx, 1).length > 0;
      const probe = (row: Row, ctx: ExecContext): boolean => {
        const saved = ctx.levelRows[depth];
        ctx.levelRows[depth] = row;
        try {
          for (const _ of sub.run(ctx, row)) return true;
          return false;
        } finally {
          ctx.levelRows[depth] = saved;
        }
      };
      const hashed = sublinkHashing?.exists(e.subquery, layout);
      if (hashed) {
        // The residual reads the inner row as range entry 0 of a level below this one.
        const residual = hashed.residual && compileExpr(hashed.residual, { depth: depth + 1, offsets: [0], parent: layout });
        return adaptiveHashedExists(probe, hashed.inner, hashed.outerKeys.map((k) => compileExpr(k, layout)), hashed.keyFns, residual && { test: residual, depth });
      }
      return memoized(e, layout, probe) as CExpr;
    }
    case 'EXPR': {
      const value: CExpr = (row, ctx) => {
        const rows = cached(row, ctx, 2);
        if (rows.length > 1) throw new PgError(SQLSTATE.cardinality_violation, 'more than one row returned by a subquery used as an expression');
        return rows.length ? rows[0][e.column ?? 0] : null;
      };
      return correlated ? memoized(e, layout, value) : value;
    }
    case 'ARRAY':
      if (e.stackArrays) return (row, ctx) => stackArrays(cached(row, ctx).map((r) => r[0] as PgArray | null));
      return (row, ctx) => PgArray.of(cached(row, ctx).map((r) => r[0]));
    case 'ANY':
    case 'ALL': {
      const tests = (e.testExprs ?? []).map((t) => compileExpr(t, layout));
      const fns = (e.compareFns ?? []).map((f) => f.fn);
      const isAny = e.subLinkType === 'ANY';
      // Each comparison runs under the pair's collation (the left side's unless it is the default).
      const subCols = e.subquery.targetList.filter((t) => !t.resjunk);
      const calls = (e.testExprs ?? []).map((t, i) => {
        const rcoll = subCols[i]?.expr.collation;
        const collation = t.collation !== undefined && t.collation !== 'default' ? t.collation : (rcoll ?? t.collation);
        return { argTypes: [t.type, t.type], returnType: e.type, returnTypmod: -1, collation } as CallInfo;
      });
      const rc = e.rowCompare;
      // One row compared by `<>` (any pair unequal) or an ordering operator (the first unequal pair decides).
      const rowCompare = (lefts: Value[], r: Row, ctx: ExecContext): boolean | null => {
        if (rc!.mode === 'or') {
          let res: boolean | null = false;
          for (let i = 0; i < lefts.length; i++) {
            if (lefts[i] === null || r[i] === null) res = null;
            else if (rc!.strictFns[i].fn([lefts[i], r[i]], ctx, calls[i]) === true) return true;
          }
          return res;
        }
        for (let i = 0; i < lefts.length; i++) {
          const l = lefts[i];
          const v = r[i];
          if (l === null || v === null) return null;
          if (rc!.eqFns[i].fn([l, v], ctx, calls[i]) !== true) return rc!.strictFns[i].fn([l, v], ctx, calls[i]) as boolean | null;
        }
        return rc!.orEqual;
      };
      // Compares the left values with each row, with SQL's NULL rules (ExecScanSubPlan).
      const scan = (lefts: Value[], rows: readonly Row[], ctx: ExecContext): boolean | null => {
        let sawNull = false;
        for (const r of rows) {
          if (rc) {
            const res = rowCompare(lefts, r, ctx);
            if (isAny && res === true) return true;
            if (!isAny && res === false) return false;
            if (res === null) sawNull = true;
            continue;
          }
          let result: boolean | null = true;
          for (let i = 0; i < lefts.length; i++) {
            const l = lefts[i];
            const v = r[i];
            if (l === null || v === null) {
              result = null;
              continue;
            }
            const c = fns[i]([l, v], ctx, calls[i]) as boolean | null;
            if (c === false) {
              result = false;
              break;
            }
            if (c === null) result = null;
          }
          if (isAny && result === true) return true;
          if (!isAny && result === false) return false;
          if (result === null) sawNull = true;
        }
        return sawNull ? null : !isAny;
      };
      const keyFns = isAny && !correlated ? sublinkHashing?.anyKeys(e) : undefined;
      if (!keyFns) return (row, ctx) => scan(tests.map((t) => t(row, ctx)), cached(row, ctx), ctx);
      // Uncorrelated `= ANY`: the rows are hashed on the second outer row (one row is cheaper to
      // scan); a left side without NULLs found in the table is a match, else only the rows with
      // NULLs can still make the answer NULL (ExecHashSubPlan).
      const token = {};
      return (row, ctx) => {
        const lefts = tests.map((t) => t(row, ctx));
        const rows = cached(row, ctx);
        let h = ctx.cache.get(token) as AnyHash | false | undefined;
        if (h === undefined) {
          ctx.cache.set(token, false);
          return scan(lefts, rows, ctx);
        }
        if (h === false) {
          h = buildAnyHash(rows, keyFns);
          ctx.cache.set(token, h);
        }
        const key = hashKeyOf(lefts, keyFns);
        if (key === undefined) return scan(lefts, rows, ctx);
        if (h.keys.has(key)) return true;
        return h.rowsWithNull.length === 0 ? false : scan(lefts, h.rowsWithNull, ctx);
      };
    }
    default:
      throw featureNotSupported(`subquery type ${e.subLinkType}`, e.location);
  }
}

/**
 * A correlated sublink's result remembered per combination of the outer values it reads, for the
 * statement's execution (Postgres's Memoize); `f` itself when they cannot serve as a key.
 */
function memoized<T extends Value>(e: Extract<Expr, { kind: 'SubLink' }>, layout: Layout, f: (row: Row, ctx: ExecContext) => T): (row: Row, ctx: ExecContext) => T {
  const keys = sublinkHashing?.memoKeys(e.subquery)?.map((k) => compileExpr(k, layout));
  if (!keys) return f;
  const token = {};
  return (row, ctx) => {
    let memo = ctx.cache.get(token) as Map<unknown, T> | undefined;
    if (memo === undefined) ctx.cache.set(token, (memo = new Map()));
    const key = memoKey(keys, row, ctx);
    const hit = memo.get(key);
    if (hit !== undefined || memo.has(key)) return hit as T;
    const v = f(row, ctx);
    memo.set(key, v);
    return v;
  };
}

/** The memo key of a row: its one value, or the values joined with their kinds kept apart. */
function memoKey(keys: readonly CExpr[], row: Row, ctx: ExecContext): unknown {
  if (keys.length === 1) return keys[0](row, ctx);
  let s = '';
  for (const k of keys) s += keyPart(k(row, ctx));
  return s;
}

/** ARRAY(subquery) over arrays: one more dimension, with array_agg's errors (accumArrayResultArr). */
function stackArrays(arrays: (PgArray | null)[]): PgArray {
  if (arrays.length === 0) return PgArray.of([]);
  const first = arrays[0];
  const items: Value[] = [];
  for (const x of arrays) {
    if (x === null) throw new PgError(SQLSTATE.null_value_not_allowed, 'cannot accumulate null arrays');
    if (x.dims.length === 0) throw new PgError(SQLSTATE.array_subscript_error, 'cannot accumulate empty arrays');
    const f = first as PgArray;
    if (x.dims.length !== f.dims.length || x.dims.some((d, i) => d !== f.dims[i]) || x.lbounds.some((l, i) => l !== f.lbounds[i])) {
      throw new PgError(SQLSTATE.array_subscript_error, 'cannot accumulate arrays of different dimensionality');
    }
    items.push(...x.items);
  }
  const f = first as PgArray;
  return new PgArray(items, [arrays.length, ...f.dims], [1, ...f.lbounds]);
}
