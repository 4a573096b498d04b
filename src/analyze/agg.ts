/**
 * Aggregate calls: resolution against the aggregate library, DISTINCT / FILTER / ORDER BY inside
 * the call, and Postgres's rules on where aggregates may appear (42803).
 * Postgres counterpart: src/backend/parser/parse_agg.c.
 */
import { checkExecute } from './permissions.js';
import { PgError } from '../errors/pg-error.js';
import { firstSrf, forEachChild } from '../nodes/walk.js';
import { visitVars } from '../plan/walk-query.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { aggregatesNamed, type AggregateImpl, type FunctionImpl } from '../functions/registry.js';
import { userAggregateImpl, userAggregatesNamed } from '../functions/user-aggregates.js';
import type { Aggref, Expr } from '../nodes/primnodes.js';
import { formatType } from '../types/registry.js';
import { resolveFunction } from './func.js';
import { exprEqual } from './select.js';
import type { ExprKind, ParseState } from './parse-state.js';
import { sortUsingDirection } from './sort-using.js';
import { coerceToBoolean, makeSortKey, transformExpr, nodeKind } from './expr.js';

type AnyNode = Record<string, any>;

/** An aggregate call's FILTER (WHERE ...), analyzed in the 'filter' expression context. */
export function transformAggFilter(pstate: ParseState, n: AnyNode): Expr | undefined {
  if (!n.agg_filter) return undefined;
  const saved = pstate.exprKind;
  pstate.exprKind = 'filter';
  try {
    return coerceToBoolean(pstate, transformExpr(pstate, n.agg_filter), 'FILTER');
  } finally {
    pstate.exprKind = saved;
  }
}

/**
 * @throws 0A000 for a set-returning call in an aggregate's or window function's arguments (its
 * rows would have to feed one call: Postgres's check_agg_arguments_walker).
 */
export function rejectSrfArgs(pstate: ParseState, exprs: readonly Expr[], what: 'aggregate' | 'window'): void {
  const srf = firstSrf(exprs);
  if (!srf) return;
  throw new PgError(SQLSTATE.feature_not_supported, `${what === 'aggregate' ? 'aggregate' : 'window'} function calls cannot contain set-returning function calls`, {
    hint: 'You might be able to move the set-returning function into a LATERAL FROM item.',
    position: pstate.position(srf.location),
  });
}

/** Postgres's hint when no aggregate matches a call with several ORDER BY items. */
export const MISPLACED_ORDER_BY_HINT =
  'No aggregate function matches the given name and argument types. Perhaps you misplaced ORDER BY; ORDER BY must appear after all regular arguments of the aggregate.';

export const AGG_CONTEXT_ERRORS: Partial<Record<ExprKind, string>> = {
  where: 'aggregate functions are not allowed in WHERE',
  join: 'aggregate functions are not allowed in JOIN conditions',
  group: 'aggregate functions are not allowed in GROUP BY',
  values: 'aggregate functions are not allowed in VALUES',
  'values single': 'aggregate functions are not allowed in VALUES',
  default: 'aggregate functions are not allowed in DEFAULT expressions',
  check: 'aggregate functions are not allowed in check constraints',
  generated: 'aggregate functions are not allowed in column generation expressions',
  index: 'aggregate functions are not allowed in index expressions',
  'index predicate': 'aggregate functions are not allowed in index predicates',
  'partition key': 'aggregate functions are not allowed in partition key expressions',
  update: 'aggregate functions are not allowed in UPDATE',
  returning: 'aggregate functions are not allowed in RETURNING',
  'from function': 'aggregate functions are not allowed in functions in FROM',
  'from subquery': 'aggregate functions are not allowed in FROM clause of their own query level',
  limit: 'aggregate functions are not allowed in LIMIT',
  offset: 'aggregate functions are not allowed in OFFSET',
  filter: 'aggregate functions are not allowed in FILTER',
  policy: 'aggregate functions are not allowed in policy expressions',
  'on conflict': 'aggregate functions are not allowed in UPDATE',
  'merge when': 'aggregate functions are not allowed in MERGE WHEN conditions',
};

export function transformAggregate(pstate: ParseState, name: string, n: AnyNode): Expr {
  const builtinAggs = aggregatesNamed(name);
  const aggs = withUserAggregates(pstate, builtinAggs, n);
  const star = !!n.agg_star;
  // Arguments are analyzed in a context where nested aggregates are an error.
  // A nested aggregate is an error once the call resolves (Postgres resolves the function first).
  let nested: Aggref | undefined;
  const args: Expr[] = ((n.args ?? []) as AnyNode[]).map((a) => {
    const before = pstate.aggs.length;
    const e = transformExpr(pstate, a);
    if (pstate.aggs.length > before) nested ??= pstate.aggs[before];
    else if (!nested && pstate.aggs.length) {
      // A call shared with an earlier identical one (below): it is nested where it was written.
      nested = firstAggref(e);
      if (nested && sharedAt.get(nested) !== undefined) nested = { ...nested, location: sharedAt.get(nested)! };
    }
    return e;
  });
  const nestedError = () => new PgError(SQLSTATE.grouping_error, 'aggregate function calls cannot be nested', { position: pstate.position(nested!.location) });
  if (nested && aggs === builtinAggs) throw nestedError();
  // An aggregate whose arguments read only an outer query's columns belongs to that query
  // (Postgres's agglevelsup): computed there, once per group, not here once per row.
  // (FILTER and ORDER BY count too: with them, the level is known once they are analyzed, below.)
  const argLevel = n.agg_filter || n.agg_order ? undefined : (lowestVarLevel(args) ?? 0);
  // Where aggregates may not appear (checked at the aggregate's own level, after its arguments).
  if (argLevel !== undefined) checkAggContext(levelState(pstate, argLevel), n.location);
  if (!aggs.length) {
    const sig = `${name}(${args.map((a) => formatType(pstate.catalog, a.type)).join(', ')})`;
    throw new PgError(SQLSTATE.undefined_function, `function ${sig} does not exist`, {
      hint: ((n.agg_order as unknown[] | undefined)?.length ?? 0) > 1
        ? MISPLACED_ORDER_BY_HINT
        : 'No function matches the given name and argument types. You might need to add explicit type casts.',
      position: pstate.position(n.location),
    });
  }
  if (star && !aggs.some((a) => a.argTypes.length === 0) && aggs.some((a) => a.oid !== undefined)) {
    throw new PgError(SQLSTATE.undefined_function, `function ${name}() does not exist`, {
      hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
      position: pstate.position(n.location),
    });
  }
  if (star && name !== 'count' && !aggs.some((a) => a.argTypes.length === 0)) {
    throw new PgError(SQLSTATE.wrong_object_type, `${name}(*) specified, but ${name} is not an aggregate function`, { position: pstate.position(n.location) });
  }
  const asFns: FunctionImpl[] = aggs.map((a) => ({ name: a.name, argTypes: a.argTypes, returnType: a.returnType, strict: a.strict, volatility: 'i', fn: () => null, agg: a, ...(a.userRangesOnly ? { userRangesOnly: true } : {}) } as FunctionImpl & { agg: AggregateImpl }));
  const resolved = star ? { item: asFns.find((f) => f.argTypes.length === 0) as FunctionImpl, args: [] as Expr[], returnType: aggs.find((a) => a.argTypes.length === 0)?.returnType as number } : resolveAggregate(pstate, name, asFns, args, n);
  const agg = (resolved.item as FunctionImpl & { agg: AggregateImpl }).agg;
  if (agg.oid !== undefined) checkExecute(pstate.stmt, agg.oid);
  if (!star && !args.length) {
    throw new PgError(SQLSTATE.wrong_object_type, `${name}(*) must be used to call a parameterless aggregate function`, { position: pstate.position(n.location) });
  }
  rejectSrfArgs(pstate, resolved.args, 'aggregate');
  if (nested) throw nestedError();
  const filter = transformAggFilter(pstate, n);
  const orderBy = n.agg_order
    ? (n.agg_order as AnyNode[]).map((s) => {
        const sb = nodeKind(s)[1];
        const e = transformExpr(pstate, sb.node);
        return makeSortKey(pstate, e, sb.sortby_dir === 'SORTBY_USING' ? sortUsingDirection(pstate, sb, e) : sb.sortby_dir, sb.sortby_nulls, sb.location);
      })
    : undefined;
  if (n.agg_distinct && orderBy) {
    // DISTINCT sorts on the arguments: every ORDER BY expression must be one of them, ignoring
    // the implicit casts the call added to an argument (Postgres's findTargetlistEntrySQL99 strips
    // them: string_agg(DISTINCT v, ',' ORDER BY v) with a varchar v).
    orderBy.forEach((k, i) => {
      if (resolved.args.some((a) => exprEqual(a, k.expr) || exprEqual(stripImplicitCoercions(a), k.expr))) return;
      throw new PgError(SQLSTATE.invalid_column_reference, 'in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list', {
        position: pstate.position(leftmostLocation(nodeKind((n.agg_order as AnyNode[])[i])[1].node)),
      });
    });
  }
  if (orderBy) rejectSrfArgs(pstate, orderBy.map((k) => k.expr), 'aggregate');
  const ref: Aggref = {
    kind: 'Aggref',
    name,
    agg,
    args: resolved.args,
    distinct: !!n.agg_distinct,
    star,
    filter,
    orderBy,
    type: resolved.returnType,
    typmod: -1,
    aggIndex: -1,
    location: n.location,
  };
  const level = lowestVarLevel([...resolved.args, ...(filter ? [filter] : []), ...(orderBy ?? []).map((k) => k.expr)]) ?? 0;
  // An aggregate of the same level inside the arguments (one of an outer level: an outer column).
  const inner = level > 0 ? outerAggOfLevel([...resolved.args, ...(filter ? [filter] : []), ...(orderBy ?? []).map((k) => k.expr)], level) : undefined;
  if (inner) throw new PgError(SQLSTATE.grouping_error, 'aggregate function calls cannot be nested', { position: pstate.position(inner.location) });
  if (argLevel === undefined) checkAggContext(levelState(pstate, level), n.location);
  if (level > 0) return outerAggregate(pstate, ref, level);
  // Identical calls of a user aggregate are computed once, as Postgres's find_compatible_agg
  // shares them (visible when the transition function has side effects); not with volatile arguments.
  if (agg.oid !== undefined) {
    const same = pstate.aggs.find((o) => sameUserAggregate(o, ref));
    if (same) {
      if (ref.location !== undefined) sharedAt.set(same, ref.location);
      return same;
    }
    // A different aggregate over the same inputs with the same transition: one state for both
    // (each applies its own final function), as Postgres's find_compatible_trans.
    const key = agg.transShareKey;
    const partner = key === undefined ? undefined : pstate.aggs.find((o) => o.agg.transShareKey === key && !o.directArgs && sameAggInputs(o, ref));
    if (partner) ref.sharedTrans = partner.sharedTrans ?? partner;
  }
  pstate.aggs.push(ref);
  return ref;
}

/** resolveFunction over the aggregates named `name`; with several ORDER BY items, the hint suspects them. */
function resolveAggregate(pstate: ParseState, name: string, fns: FunctionImpl[], args: Expr[], n: AnyNode): ReturnType<typeof resolveFunction> {
  try {
    return resolveFunction(pstate, name, fns, args, n.location);
  } catch (e) {
    if (e instanceof PgError && e.code === SQLSTATE.undefined_function && ((n.agg_order as unknown[] | undefined)?.length ?? 0) > 1) {
      throw new PgError(SQLSTATE.undefined_function, e.message, { hint: MISPLACED_ORDER_BY_HINT, position: e.position });
    }
    throw e;
  }
}

/** `e` without the implicit casts on top of it (Postgres's strip_implicit_coercions). */
function stripImplicitCoercions(e: Expr): Expr {
  while (e.kind === 'CoerceExpr' && e.form === 'implicit') e = e.arg;
  return e;
}

function checkAggContext(ps: ParseState, location: number | undefined): void {
  const ctxErr = AGG_CONTEXT_ERRORS[ps.exprKind];
  if (ctxErr) throw new PgError(SQLSTATE.grouping_error, ctxErr, { position: ps.position(location) });
}

/** The parse state `levelsUp` query levels out. */
function levelState(pstate: ParseState, levelsUp: number): ParseState {
  let ps = pstate;
  for (let i = 0; i < levelsUp; i++) ps = ps.parent as ParseState;
  return ps;
}

/**
 * An aggregate of an outer query level: a copy whose columns are relative to that level joins
 * the outer query's aggregates (computed by its Agg node, once per group), and this level reads
 * its value like an outer column (Postgres: agglevelsup, then the planner's outer-aggregate param).
 */
function outerAggregate(pstate: ParseState, ref: Aggref, level: number): Aggref {
  const owner = levelState(pstate, level);
  const outer = shiftLevels(ref, -level) as Aggref;
  owner.aggs.push(outer);
  return { ...ref, levelsUp: level, outerAgg: outer };
}

/** The first outer aggregate in `value` that belongs to the query `level` levels out (sublinks included). */
function outerAggOfLevel(value: unknown, level: number, depth = 0): Aggref | undefined {
  if (!value || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const x of value) {
      const r = outerAggOfLevel(x, level, depth);
      if (r) return r;
    }
    return undefined;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const o = value as Record<string, unknown>;
  if (o.kind === 'Aggref' && typeof o.levelsUp === 'number' && o.levelsUp - depth === level) return o as unknown as Aggref;
  const inner = 'commandType' in o ? depth + 1 : depth;
  for (const [k, v] of Object.entries(o)) {
    if (SHARED_KEYS.has(k)) continue;
    const r = outerAggOfLevel(v, level, inner);
    if (r) return r;
  }
  return undefined;
}

/** Keys holding catalog objects, functions and compare closures: shared, never walked. */
const SHARED_KEYS = new Set(['rel', 'fn', 'agg', 'compare', 'eq', 'compareFns', 'keyFns', 'outerAgg']);

/**
 * A copy of `value` whose Vars (and outer aggregates) that point outside it are `delta` levels
 * nearer (Postgres's IncrementVarSublevelsUp): a reference at query depth d with levelsUp >= d.
 * Shared nodes stay shared in the copy (a subquery's aggregates are its target list's nodes).
 */
function shiftLevels(value: unknown, delta: number, depth = 0, memo = new Map<object, unknown>()): unknown {
  if (!value || typeof value !== 'object') return value;
  const hit = memo.get(value);
  if (hit !== undefined) return hit;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    memo.set(value, out);
    for (const x of value) out.push(shiftLevels(x, delta, depth, memo));
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  memo.set(value, out);
  const isQuery = 'commandType' in o;
  const inner = isQuery ? depth + 1 : depth;
  for (const [k, v] of Object.entries(o)) {
    out[k] = SHARED_KEYS.has(k) ? v : shiftLevels(v, delta, inner, memo);
  }
  if ((o.kind === 'Var' || (o.kind === 'Aggref' && typeof o.levelsUp === 'number')) && (o.levelsUp as number) >= depth) {
    out.levelsUp = (o.levelsUp as number) + delta;
  }
  return out;
}

/** Where the latest call shared with an Aggref was written (for the nesting error's position). */
const sharedAt = new WeakMap<Aggref, number>();

function sameUserAggregate(a: Aggref, b: Aggref): boolean {
  return a.agg.oid === b.agg.oid && sameAggInputs(a, b);
}

/** Same arguments, DISTINCT, FILTER and ORDER BY (none volatile in `b`). */
function sameAggInputs(a: Aggref, b: Aggref): boolean {
  if (a.distinct !== b.distinct || a.star !== b.star || a.args.length !== b.args.length) return false;
  if (!a.args.every((x, i) => exprEqual(x, b.args[i])) || b.args.some(hasVolatile)) return false;
  if (!!a.filter !== !!b.filter || (a.filter && (!exprEqual(a.filter, b.filter!) || hasVolatile(b.filter!)))) return false;
  const ao = a.orderBy ?? [];
  const bo = b.orderBy ?? [];
  return ao.length === bo.length && ao.every((k, i) => exprEqual(k.expr, bo[i].expr) && k.descending === bo[i].descending && k.nullsFirst === bo[i].nullsFirst);
}

/** The first Aggref of this query level inside `e`, if any. */
function firstAggref(e: Expr): Aggref | undefined {
  let out: Aggref | undefined;
  const visit = (x: Expr): void => {
    if (out) return;
    if (x.kind === 'Aggref') {
      out = x;
      return;
    }
    forEachChild(x, visit);
  };
  visit(e);
  return out;
}

/** Whether an expression calls a volatile function (contain_volatile_functions). */
function hasVolatile(e: Expr): boolean {
  let found = false;
  const visit = (x: Expr): void => {
    if (found) return;
    const fn = (x as { fn?: { volatility?: string } }).fn;
    if (x.kind === 'FuncExpr' && fn?.volatility === 'v') {
      found = true;
      return;
    }
    forEachChild(x, visit);
  };
  visit(e);
  return found;
}

/**
 * The lowest query level (levelsUp) of the columns `exprs` read outside subqueries: Postgres's
 * min_varlevel, which decides the query level an aggregate belongs to. Undefined when they read
 * no column.
 */
function lowestVarLevel(exprs: readonly Expr[]): number | undefined {
  let min: number | undefined;
  // Columns inside sublinks count relative to this level (those of the sublink's own levels do not).
  visitVars(exprs, (v, depth) => {
    if (v.levelsUp < depth) return;
    const l = v.levelsUp - depth;
    min = min === undefined ? l : Math.min(min, l);
  });
  return min;
}

/** The leftmost token of a raw expression (Postgres's exprLocation of its analyzed form, mostly). */
function leftmostLocation(node: unknown): number | undefined {
  let min: number | undefined;
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(visit);
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      if (k === 'location' && typeof v === 'number' && v >= 0) min = min === undefined ? v : Math.min(min, v);
      else visit(v);
    }
  };
  visit(node);
  return min;
}

/** Built-in aggregates of a call's name plus the user aggregates (CREATE AGGREGATE) it may mean. */
export function withUserAggregates(pstate: ParseState, builtins: readonly AggregateImpl[], n: AnyNode): readonly AggregateImpl[] {
  const names = ((n.funcname ?? []) as AnyNode[]).map((x) => x.String?.sval as string);
  const user = userAggregatesNamed(pstate.catalog, pstate.stmt.session.searchPath(), names);
  if (!user.length) return builtins;
  const qualified = names.length > 1 && names[names.length - 2] !== 'pg_catalog';
  return [...(qualified ? [] : builtins), ...user.map((d) => userAggregateImpl(pstate.catalog, d))];
}
