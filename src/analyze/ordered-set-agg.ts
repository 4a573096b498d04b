/**
 * Calls of ordered-set aggregates: `percentile_cont(0.5) WITHIN GROUP (ORDER BY price)`.
 * The direct arguments and the WITHIN GROUP expressions (the aggregated arguments) resolve
 * together against the aggregate's signature; hypothetical-set aggregates (rank(3) WITHIN GROUP
 * (ORDER BY x)) need one direct argument per ordering column and unify each pair's type.
 * Postgres counterpart: src/backend/parser/parse_func.c (ParseFuncOrColumn's ordered-set checks,
 * unify_hypothetical_args) and parse_agg.c (transformOrderedSetAgg).
 * Known gaps: user-defined ordered-set aggregates (CREATE AGGREGATE ... ORDER BY) do not exist.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { aggregatesNamed, functionsNamed, type FunctionImpl } from '../functions/registry.js';
import { orderedSetAggregatesNamed, orderedSetImpl, type OrderedSetSignature } from '../functions/builtins/aggregates-ordered-set.js';
import { userAggregatesNamed } from '../functions/user-aggregates.js';
import type { Aggref, Expr } from '../nodes/primnodes.js';
import { forEachChild } from '../nodes/walk.js';
import { formatType } from '../types/registry.js';
import { AGG_CONTEXT_ERRORS, transformAggFilter } from './agg.js';
import { coerceTo, selectCommonType } from './coerce.js';
import { makeSortKey, nodeKind, transformExpr } from './expr.js';
import { resolveFunction } from './func.js';
import type { ParseState } from './parse-state.js';
import { sortUsingDirection } from './sort-using.js';

type AnyNode = Record<string, any>;

/** Whether `names` may mean a built-in (unqualified or pg_catalog-qualified). */
function builtinName(names: readonly string[]): boolean {
  return names.length === 1 || names[names.length - 2] === 'pg_catalog';
}

/**
 * A call of an ordered-set aggregate without WITHIN GROUP (42809), when no other function of the
 * name takes that many arguments; undefined otherwise.
 */
export function withinGroupRequired(pstate: ParseState, names: readonly string[], name: string, n: AnyNode): PgError | undefined {
  if (n.agg_star || !builtinName(names)) return undefined;
  const sigs = orderedSetAggregatesNamed(name);
  if (!sigs.length) return undefined;
  const nargs = ((n.args ?? []) as unknown[]).length;
  const fits = sigs.some((s) => (s.kind === 'hypothetical' ? nargs >= 1 : s.direct.length + s.aggregated.length === nargs));
  if (!fits) return undefined;
  if (functionsNamed(name).some((f) => f.argTypes.length === nargs || f.variadic !== undefined)) return undefined;
  if (aggregatesNamed(name).some((a) => a.argTypes.length === nargs)) return undefined;
  if (userAggregatesNamed(pstate.catalog, pstate.stmt.session.searchPath(), [...names]).length) return undefined;
  return new PgError(SQLSTATE.wrong_object_type, `WITHIN GROUP is required for ordered-set aggregate ${names.join('.')}`, { position: pstate.position(n.location) });
}

export function transformOrderedSetAggregate(pstate: ParseState, names: readonly string[], name: string, n: AnyNode): Expr {
  const before = pstate.aggs.length;
  const direct = ((n.args ?? []) as AnyNode[]).map((a) => transformExpr(pstate, a));
  const sortBys = ((n.agg_order ?? []) as AnyNode[]).map((s) => nodeKind(s)[1]);
  const aggregated = sortBys.map((sb) => transformExpr(pstate, sb.node));
  const nested = pstate.aggs.length > before ? pstate.aggs[before] : undefined;
  const all = [...direct, ...aggregated];
  const display = names.join('.');
  const sigs = builtinName(names) ? orderedSetAggregatesNamed(name) : [];
  if (!sigs.length) throw notOrderedSet(pstate, names, name, n, all);
  let sig: OrderedSetSignature;
  let directArgs: Expr[];
  let aggArgs: Expr[];
  let returnType: number;
  if (sigs[0].kind === 'hypothetical') {
    sig = sigs[0];
    if (direct.length !== aggregated.length) {
      throw new PgError(SQLSTATE.undefined_function, `function ${display}(${all.map((a) => formatType(pstate.catalog, a.type)).join(', ')}) does not exist`, {
        hint: `To use the hypothetical-set aggregate ${display}, the number of hypothetical direct arguments (here ${direct.length}) must match the number of ordering columns (here ${aggregated.length}).`,
        position: pstate.position(n.location),
      });
    }
    directArgs = [];
    aggArgs = [];
    direct.forEach((d, i) => {
      const a = aggregated[i];
      const common = selectCommonType(pstate, [a, d], 'WITHIN GROUP');
      directArgs.push(coerceTo(pstate, pstate.catalog, d, common, -1, 'implicit'));
      aggArgs.push(coerceTo(pstate, pstate.catalog, a, common, -1, 'implicit'));
    });
    returnType = sig.returnType;
  } else {
    const cands: (FunctionImpl & { sig: OrderedSetSignature })[] = sigs.map((s) => ({
      name,
      argTypes: [...s.direct, ...s.aggregated],
      returnType: s.returnType,
      strict: false,
      volatility: 'i',
      fn: () => null,
      sig: s,
    }));
    const r = resolveFunction(pstate, display, cands, all, n.location);
    sig = (r.item as FunctionImpl & { sig: OrderedSetSignature }).sig;
    directArgs = r.args.slice(0, sig.direct.length);
    aggArgs = r.args.slice(sig.direct.length);
    returnType = r.returnType;
  }
  if (n.over) {
    throw new PgError(SQLSTATE.feature_not_supported, `OVER is not supported for ordered-set aggregate ${display}`, { position: pstate.position(n.location) });
  }
  const ctxErr = AGG_CONTEXT_ERRORS[pstate.exprKind];
  if (ctxErr) throw new PgError(SQLSTATE.grouping_error, ctxErr, { position: pstate.position(n.location) });
  if (nested) throw new PgError(SQLSTATE.grouping_error, 'aggregate function calls cannot be nested', { position: pstate.position(nested.location) });
  const level = lowestVarLevel(aggArgs) ?? 0;
  if (level > 0) {
    const lower = directArgs.map((d) => firstVarBelow(d, level)).find((v) => v !== undefined);
    if (lower) {
      throw new PgError(SQLSTATE.grouping_error, 'outer-level aggregate cannot contain a lower-level variable in its direct arguments', { position: pstate.position(lower.location) });
    }
    throw featureNotSupported('aggregate functions whose arguments are only columns of an outer query level', n.location);
  }
  const filter = transformAggFilter(pstate, n);
  const orderBy = aggArgs.map((e, i) => {
    const sb = sortBys[i];
    return makeSortKey(pstate, e, sb.sortby_dir === 'SORTBY_USING' ? sortUsingDirection(pstate, sb, e) : sb.sortby_dir, sb.sortby_nulls, sb.location);
  });
  const impl = orderedSetImpl(
    sig,
    aggArgs.map((a) => a.type),
    returnType,
    orderBy.map((k) => ({ descending: k.descending, nullsFirst: k.nullsFirst, compare: k.compare })),
  );
  const ref: Aggref = {
    kind: 'Aggref',
    name,
    agg: impl,
    args: aggArgs,
    directArgs,
    distinct: false,
    star: false,
    filter,
    orderBy,
    type: returnType,
    typmod: -1,
    aggIndex: -1,
    location: n.location,
  };
  pstate.aggs.push(ref);
  return ref;
}

/** The error for WITHIN GROUP on something that is not an ordered-set aggregate. */
function notOrderedSet(pstate: ParseState, names: readonly string[], name: string, n: AnyNode, args: readonly Expr[]): PgError {
  const display = names.join('.');
  const position = pstate.position(n.location);
  // (as Postgres, which looks the name up with all arguments first: the arity has to fit)
  const nargs = args.length;
  const plainAgg =
    (builtinName(names) && aggregatesNamed(name).some((a) => a.argTypes.length === nargs)) ||
    userAggregatesNamed(pstate.catalog, pstate.stmt.session.searchPath(), [...names]).some((a) => a.argTypes.length === nargs);
  if (plainAgg) return new PgError(SQLSTATE.wrong_object_type, `${display} is not an ordered-set aggregate, so it cannot have WITHIN GROUP`, { position });
  if (builtinName(names) && functionsNamed(name).some((f) => f.argTypes.length === nargs)) {
    return new PgError(SQLSTATE.wrong_object_type, `WITHIN GROUP specified, but ${display} is not an aggregate function`, { position });
  }
  return new PgError(SQLSTATE.undefined_function, `function ${display}(${args.map((a) => formatType(pstate.catalog, a.type)).join(', ')}) does not exist`, {
    hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
    position,
  });
}

/** The first column of `e` from a level below `level` (this level is 0). */
function firstVarBelow(e: Expr, level: number): Extract<Expr, { kind: 'Var' }> | undefined {
  let found: Extract<Expr, { kind: 'Var' }> | undefined;
  const visit = (x: Expr): void => {
    if (found) return;
    if (x.kind === 'Var' && x.levelsUp < level) found = x;
    forEachChild(x, visit);
  };
  visit(e);
  return found;
}

function lowestVarLevel(exprs: readonly Expr[]): number | undefined {
  let min: number | undefined;
  const visit = (e: Expr): void => {
    if (e.kind === 'Var') min = min === undefined ? e.levelsUp : Math.min(min, e.levelsUp);
    forEachChild(e, visit);
  };
  exprs.forEach(visit);
  return min;
}
