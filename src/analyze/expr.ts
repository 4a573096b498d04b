/**
 * Expression analysis: raw parse nodes → typed Expr trees. Resolves column references against
 * the FROM namespace (and outer query levels), operators and functions by Postgres's rules,
 * literals (unknown-typed strings stay unknown until context types them), casts, CASE,
 * COALESCE, IN, BETWEEN, LIKE, IS [NOT] DISTINCT FROM, sublinks, aggregates.
 *
 * Postgres counterpart: src/backend/parser/parse_expr.c.
 */
import { firstSrf } from '../nodes/walk.js';
import { recordFieldsOf, selectField } from './record-fields.js';
import { explicitSchemaName } from './relation.js';
import { boundFuncName, recordFunc } from '../rewrite/view-binding.js';
import { isCollatableType, resolveCollationName } from '../catalog/collation-lookup.js';
import { collationConflict, conflictCollation } from '../types/collation.js';
import { jsonbIsJson, textIsJson, type JsonItemType } from '../functions/builtins/json-is.js';
import type { JsonbValue } from '../types/jsonb/value.js';
import { decodeUtf8 } from '../types/utf8.js';
import { transformGroupingFunc } from './grouping-sets.js';
import type { Node } from '../parser/parse.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr, Const, BoolExpr, SortKey, RowExpr } from '../nodes/primnodes.js';
import { operatorsNamed, aggregatesNamed, functionsNamed } from '../functions/registry.js';
import { operatorCandidates } from './oper-candidates.js';
import { userAggregatesNamed } from '../functions/user-aggregates.js';
import { OID } from '../types/oids.js';
import { builtinTypeOid, formatType, typeInfo } from '../types/registry.js';
import { parseNumeric } from '../types/numeric.js';
import { parseBitString } from '../types/bit.js';
import type { Value } from '../types/values.js';
import { canCoerce, coerceTo, coerceToCommon, makeConst, selectCommonType, domainBase } from './coerce.js';
import { completeUserCall, resolveFunction, resolveOperator } from './func.js';
import { builtinSchema, effectiveSearchPath, functionCandidates } from './func-candidates.js';
import type { ExprKind, ParseState } from './parse-state.js';
import { resolveColumnRef } from './column-ref.js';
import { timePrecisionWarning, typeNameToOid } from './type-name.js';
import { rowCompareSubLinkRow, transformSubLink } from './sublink.js';
import { transformAggregate, AGG_CONTEXT_ERRORS, MISPLACED_ORDER_BY_HINT } from './agg.js';
import { transformOrderedSetAggregate, withinGroupRequired } from './ordered-set-agg.js';
import { transformWindowFuncCall } from './window.js';
import { transformSpecialFunction } from './special-functions.js';
import { transformJsonFuncExpr } from './json-func-expr.js';
import { transformJsonParseExpr, transformJsonScalarExpr, transformJsonSerializeExpr } from './json-parse.js';
import { transformJsonAgg, transformJsonArrayConstructor, transformJsonArrayQueryConstructor, transformJsonObjectConstructor } from './json-constructor.js';
import { compareFunctionFor } from './ordering.js';
import { expandIndirectionStar, transformIndirection } from './indirection.js';
import { transformMergeSupportFunc } from './merge-support.js';

type AnyNode = Record<string, any>;

/** Splits a libpg-query node `{ Kind: {...} }` into its kind and body. */
export function nodeKind(n: Node | AnyNode): [string, AnyNode] {
  const k = Object.keys(n)[0];
  return [k, (n as AnyNode)[k] ?? {}];
}

/** Where a set-returning function may not appear, and what Postgres says (check_srf_call_placement). */
const SRF_NOT_ALLOWED: Partial<Record<ExprKind, string>> = {
  check: 'set-returning functions are not allowed in check constraints',
  'domain check': 'set-returning functions are not allowed in check constraints',
  default: 'set-returning functions are not allowed in DEFAULT expressions',
  index: 'set-returning functions are not allowed in index expressions',
  'index predicate': 'set-returning functions are not allowed in index predicates',
  policy: 'set-returning functions are not allowed in policy expressions',
  generated: 'set-returning functions are not allowed in column generation expressions',
  'merge when': 'set-returning functions are not allowed in MERGE WHEN conditions',
  join: 'set-returning functions are not allowed in JOIN conditions',
  where: 'set-returning functions are not allowed in WHERE',
  having: 'set-returning functions are not allowed in HAVING',
  filter: 'set-returning functions are not allowed in FILTER',
  limit: 'set-returning functions are not allowed in LIMIT',
  offset: 'set-returning functions are not allowed in OFFSET',
  returning: 'set-returning functions are not allowed in RETURNING',
  update: 'set-returning functions are not allowed in UPDATE',
  'on conflict': 'set-returning functions are not allowed in UPDATE',
  values: 'set-returning functions are not allowed in VALUES',
};

/**
 * @throws 0A000 for a set-returning function where the clause being analyzed allows none, or
 * one whose arguments hold another in FROM. `lastSrf` is `pstate.lastSrf` from before the call's
 * arguments were analyzed.
 */
function checkSrfPlacement(pstate: ParseState, lastSrf: Expr | undefined, location: number | undefined): void {
  if (pstate.exprKind === 'from function' && pstate.lastSrf !== lastSrf) {
    throw new PgError(SQLSTATE.feature_not_supported, 'set-returning functions must appear at top level of FROM', { position: pstate.position(pstate.lastSrf?.location) });
  }
  const msg = SRF_NOT_ALLOWED[pstate.exprKind];
  if (msg) throw new PgError(SQLSTATE.feature_not_supported, msg, { position: pstate.position(location) });
}

/** Records a set-returning call for the checks of the constructs around it (p_last_srf). */
function noteSrf(pstate: ParseState, lastSrf: Expr | undefined, e: Expr, location: number | undefined): Expr {
  if ((e.kind === 'FuncExpr' && e.retset) || (e.kind === 'OpExpr' && e.fn.retset)) {
    checkSrfPlacement(pstate, lastSrf, location);
    pstate.lastSrf = e;
  }
  return e;
}

/**
 * @throws 0A000 when analyzing a construct (CASE, COALESCE) met a set-returning call inside it:
 * its arms would run conditionally, which a ProjectSet cannot do.
 */
export function rejectSrfInside(pstate: ParseState, lastSrf: Expr | undefined, what: string): void {
  if (pstate.lastSrf === lastSrf) return;
  throw new PgError(SQLSTATE.feature_not_supported, `set-returning functions are not allowed in ${what}`, {
    hint: 'You might be able to move the set-returning function into a LATERAL FROM item.',
    position: pstate.position(pstate.lastSrf?.location),
  });
}

/** String value of a `{ String: { sval } }` node. */
export function strVal(n: AnyNode): string {
  return n.String?.sval ?? n.sval ?? '';
}

export function transformExpr(pstate: ParseState, node: Node | AnyNode): Expr {
  const [kind, n] = nodeKind(node);
  switch (kind) {
    case 'A_Const':
      return transformConst(n, pstate);
    case 'AnalyzedExpr':
      // (an argument analyzed already, see columnNotationCall)
      return n.expr as Expr;
    case 'ColumnRef':
      return resolveColumnRef(pstate, n);
    case 'ParamRef':
      return transformParam(pstate, n);
    case 'A_Expr':
      return transformAExpr(pstate, n);
    case 'BoolExpr':
      return transformBoolExpr(pstate, n);
    case 'NullTest': {
      const arg = transformExpr(pstate, n.arg);
      const rowArg = typeInfo(pstate.catalog, arg.type).typtype === 'c' || arg.kind === 'RowExpr';
      return { kind: 'NullTest', arg, isNull: n.nulltesttype === 'IS_NULL', rowArg, type: OID.bool, typmod: -1, location: n.location };
    }
    case 'BooleanTest': {
      const arg = coerceToBoolean(pstate, transformExpr(pstate, n.arg), 'IS TRUE');
      const map: Record<string, 'true' | 'not_true' | 'false' | 'not_false' | 'unknown' | 'not_unknown'> = {
        IS_TRUE: 'true', IS_NOT_TRUE: 'not_true', IS_FALSE: 'false', IS_NOT_FALSE: 'not_false', IS_UNKNOWN: 'unknown', IS_NOT_UNKNOWN: 'not_unknown',
      };
      return { kind: 'BooleanTest', arg, test: map[n.booltesttype], type: OID.bool, typmod: -1 };
    }
    case 'JsonIsPredicate':
      return transformJsonIsPredicate(pstate, n);
    case 'JsonFuncExpr':
      return transformJsonFuncExpr(pstate, n);
    case 'JsonObjectConstructor':
      return transformJsonObjectConstructor(pstate, n);
    case 'JsonArrayConstructor':
      return transformJsonArrayConstructor(pstate, n);
    case 'JsonArrayQueryConstructor':
      return transformJsonArrayQueryConstructor(pstate, n);
    case 'JsonParseExpr':
      return transformJsonParseExpr(pstate, n);
    case 'JsonScalarExpr':
      return transformJsonScalarExpr(pstate, n);
    case 'JsonSerializeExpr':
      return transformJsonSerializeExpr(pstate, n);
    case 'JsonArrayAgg':
    case 'JsonObjectAgg':
      return transformJsonAgg(pstate, kind, n);
    case 'TypeCast':
      return transformTypeCast(pstate, n);
    case 'FuncCall':
      return transformFuncCall(pstate, n);
    case 'CaseExpr':
      return transformCase(pstate, n);
    case 'CoalesceExpr': {
      const lastSrf = pstate.lastSrf;
      const args = (n.args as AnyNode[]).map((a) => transformExpr(pstate, a));
      const t = selectCommonType(pstate, args, 'COALESCE');
      const cargs = coerceToCommon(pstate, args, t, 'COALESCE');
      rejectSrfInside(pstate, lastSrf, 'COALESCE');
      return { kind: 'CoalesceExpr', args: cargs, type: t, typmod: commonTypmod(cargs), collation: collationOf(pstate, t, cargs), location: n.location };
    }
    case 'MinMaxExpr': {
      const args = (n.args as AnyNode[]).map((a) => transformExpr(pstate, a));
      const opName = n.op === 'IS_GREATEST' ? 'GREATEST' : 'LEAST';
      const t = selectCommonType(pstate, args, opName);
      const cargs = coerceToCommon(pstate, args, t, opName);
      const coll = collationOf(pstate, t, cargs);
      return {
        kind: 'MinMaxExpr', op: n.op === 'IS_GREATEST' ? 'greatest' : 'least', args: cargs, type: t, typmod: -1,
        compare: compareFunctionFor(pstate, t, coll, n.location), collation: coll,
      };
    }
    case 'SubLink':
      return transformSubLink(pstate, n);
    case 'A_ArrayExpr':
      return transformArrayExpr(pstate, n, undefined);
    case 'RowExpr': {
      const expanded = transformRowArgs(pstate, (n.args ?? []) as AnyNode[]);
      const row: RowExpr = { kind: 'RowExpr', args: expanded.map((a) => (a.type === OID.unknown ? coerceTo(pstate, pstate.catalog, a, OID.text, -1, 'implicit') : a)), type: OID.record, typmod: -1, location: n.location };
      if (n.colnames?.length) row.fieldNames = (n.colnames as AnyNode[]).map(strVal);
      // Unknown literals stay unresolved for row comparisons and casts to a composite type.
      if (expanded.some((a) => a.type === OID.unknown)) row.rawArgs = expanded;
      return row;
    }
    case 'A_Indirection':
      return transformIndirection(pstate, n);
    case 'SQLValueFunction':
      return transformSqlValueFunction(pstate, n);
    case 'CollateClause': {
      const arg = transformExpr(pstate, n.arg);
      const parts = (n.collname as AnyNode[]).map(strVal) as string[];
      const name = parts.join('.');
      if (!isCollatableType(pstate.catalog, arg.type === OID.unknown ? OID.text : arg.type)) {
        throw new PgError(SQLSTATE.datatype_mismatch, `collations are not supported by type ${formatType(pstate.catalog, arg.type)}`, {
          position: pstate.position(n.location),
        });
      }
      const coll = resolveCollationName(pstate.catalog, pstate.stmt.session.searchPath(), parts);
      if (coll === undefined) {
        throw new PgError(SQLSTATE.undefined_object, `collation "${name}" for encoding "UTF8" does not exist`, { position: pstate.position(n.location) });
      }
      const typed = arg.type === OID.unknown ? coerceTo(pstate, pstate.catalog, arg, OID.text, -1, 'implicit') : arg;
      // COLLATE sets the collation of the result; a function or operator below keeps computing
      // with the collation of its own inputs (Postgres's inputcollid).
      const inner = typed.kind === 'FuncExpr' || typed.kind === 'OpExpr'
        ? { inputCollation: (typed as { inputCollation?: string }).inputCollation ?? typed.collation ?? typed.args.find((a) => a.collation)?.collation }
        : {};
      return { ...typed, ...inner, collation: coll, explicitCollation: true, collateLocation: n.location } as unknown as Expr;
    }
    case 'SetToDefault':
      return { kind: 'SetToDefault', type: OID.unknown, typmod: -1, location: n.location };
    case 'GroupingFunc':
      return transformGroupingFunc(pstate, n);
    case 'NamedArgExpr':
      throw featureNotSupported('named function arguments', n.location);
    case 'MergeSupportFunc':
      return transformMergeSupportFunc(pstate, n.location);
    default:
      throw featureNotSupported(`expression ${kind}`, n.location);
  }
}

function transformConst(n: AnyNode, pstate: ParseState): Expr {
  const loc = n.location;
  if (n.isnull) return makeConst(OID.unknown, null, -1, loc);
  if (n.ival !== undefined) {
    const v = n.ival.ival ?? 0;
    return makeConst(OID.int4, v, -1, loc);
  }
  if (n.fval !== undefined) {
    const text: string = n.fval.fval;
    // Integer-looking literals too large for int4 are int8 if they fit, else numeric (make_const
    // reads them as pg_strtoint64_safe does: 0x / 0o / 0b prefixes, underscores between digits).
    const m = /^(-?)(0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|\d[\d_]*)$/.exec(text);
    if (m) {
      const mag = BigInt(m[2].replace(/_/g, ''));
      const b = m[1] ? -mag : mag;
      if (b >= -2147483648n && b <= 2147483647n) return makeConst(OID.int4, Number(b), -1, loc);
      if (b >= -9223372036854775808n && b <= 9223372036854775807n) return makeConst(OID.int8, b, -1, loc);
    }
    return makeConst(OID.numeric, parseNumeric(text), -1, loc);
  }
  if (n.sval !== undefined) return makeConst(OID.unknown, n.sval.sval ?? '', -1, loc);
  if (n.boolval !== undefined) return makeConst(OID.bool, n.boolval.boolval ?? false, -1, loc);
  if (n.bsval !== undefined) {
    // B'...' / X'...': a constant of type bit (unconstrained length), read by bit_in.
    const raw: string = n.bsval.bsval ?? '';
    try {
      return makeConst(OID.bit, parseBitString(raw), -1, loc);
    } catch (e) {
      if (e instanceof PgError && e.position === undefined) e.position = pstate.position(loc);
      throw e;
    }
  }
  return makeConst(OID.unknown, null, -1, loc);
}

function transformParam(pstate: ParseState, n: AnyNode): Expr {
  const idx = (n.number as number) - 1;
  const types = pstate.stmt.paramTypes;
  if (idx >= types.length) {
    if (!pstate.stmt.inferParams) {
      throw new PgError(SQLSTATE.undefined_parameter, `there is no parameter $${idx + 1}`, { position: pstate.position(n.location) });
    }
    while (types.length <= idx) types.push(0);
  }
  const t = types[idx] || OID.unknown;
  return { kind: 'Param', index: idx, type: t, typmod: -1, location: n.location };
}

export function coerceToBoolean(pstate: ParseState, e: Expr, construct: string): Expr {
  if (pstate.lastSrf && firstSrf([e])) {
    throw new PgError(SQLSTATE.datatype_mismatch, `argument of ${construct} must not return a set`, { position: pstate.position(leftmostLocation(e)) });
  }
  if (e.type === OID.bool) return e;
  if (e.type === OID.unknown) return coerceTo(pstate, pstate.catalog, e, OID.bool, -1, 'implicit');
  if (!canCoerce(pstate.catalog, e.type, OID.bool, 'implicit')) {
    throw new PgError(SQLSTATE.datatype_mismatch, `argument of ${construct} must be type boolean, not type ${formatType(pstate.catalog, e.type)}`, {
      position: pstate.position(e.location),
    });
  }
  return coerceTo(pstate, pstate.catalog, e, OID.bool, -1, 'implicit');
}

function transformBoolExpr(pstate: ParseState, n: AnyNode): Expr {
  const op = n.boolop === 'AND_EXPR' ? 'and' : n.boolop === 'OR_EXPR' ? 'or' : 'not';
  const construct = op === 'and' ? 'AND' : op === 'or' ? 'OR' : 'NOT';
  const args = (n.args as AnyNode[]).map((a) => coerceToBoolean(pstate, transformExpr(pstate, a), construct));
  // Flatten nested ANDs/ORs written as such; a BETWEEN's AND stays a node of its own, as in
  // Postgres (ruleutils prints it in its own parentheses).
  const flat: Expr[] = [];
  args.forEach((a, i) => {
    const raw = (n.args as AnyNode[])[i];
    if (a.kind === 'BoolExpr' && a.op === op && op !== 'not' && raw.BoolExpr) flat.push(...a.args);
    else flat.push(a);
  });
  return { kind: 'BoolExpr', op, args: flat, type: OID.bool, typmod: -1, location: n.location } as BoolExpr;
}

/** Builds `left op right` with operator resolution. */
export function makeOp(pstate: ParseState, name: string, left: Expr | undefined, right: Expr, location?: number, schema?: string): Expr {
  let ops = operatorsNamed(name);
  // Operators an extension declares exist once CREATE EXTENSION has installed it, in its schema:
  // visible through the search path, or named as OPERATOR(schema.op); user operators (CREATE
  // OPERATOR) likewise, merged by oper-candidates.ts.
  if (pstate.catalog.operators.size) {
    ops = operatorCandidates(pstate.catalog, schema !== undefined ? [schema] : effectiveSearchPath(pstate.stmt.session.searchPath()), name, ops);
  } else if (ops.some((o) => o.fn.extension) || (schema !== undefined && schema !== 'pg_catalog')) {
    const path = schema !== undefined ? [schema] : effectiveSearchPath(pstate.stmt.session.searchPath());
    ops = ops.filter((o) => {
      const s = builtinSchema(pstate.catalog, o.fn);
      return s !== undefined && path.includes(s);
    });
  }
  const r = resolveOperator(pstate, schema !== undefined ? `${schema}.${name}` : name, ops, left, right, location);
  const typmod = -1;
  const rt = typeInfo(pstate.catalog, r.returnType);
  const e: Expr = {
    kind: 'OpExpr',
    op: name,
    fn: r.item.fn,
    args: r.args,
    type: r.returnType,
    typmod,
    location,
    collation: rt.category === 'S' ? collationOf(pstate, r.returnType, r.args) : inputCollation(r.args, pstate),
    // An explicit collation of an operand stays explicit in a string result (parse_collate.c).
    ...(rt.category === 'S' ? explicitOf(r.args) : {}),
  };
  // (an operator whose function returns a set: its operands were analyzed already, as Postgres's
  // callers that pass the current p_last_srf)
  return r.item.fn.retset ? noteSrf(pstate, pstate.lastSrf, e, location) : e;
}

type ExplicitCollation = { explicitCollation?: boolean; collateLocation?: number; collation?: string };

function explicitOf(args: Expr[]): ExplicitCollation {
  for (const a of args as ExplicitCollation[]) if (a.explicitCollation) return { explicitCollation: true, collateLocation: a.collateLocation };
  return {};
}

function inputCollation(args: Expr[], pstate?: ParseState): string | undefined {
  let explicit: ExplicitCollation | undefined;
  for (const a of args as ExplicitCollation[]) {
    if (!a.explicitCollation) continue;
    if (!explicit) explicit = a;
    else if (pstate && a.collation !== explicit.collation) {
      throw new PgError(SQLSTATE.collation_mismatch, `collation mismatch between explicit collations "${explicit.collation}" and "${a.collation}"`, {
        position: a.collateLocation !== undefined ? pstate.position(a.collateLocation) : undefined,
      });
    }
  }
  if (explicit) return explicit.collation;
  if (!pstate) {
    for (const a of args) if (a.collation) return a.collation;
    return undefined;
  }
  return mergeImplicitCollations(pstate, args);
}

/**
 * The implicit collation of a node's collatable inputs (parse_collate.c merge_collation_state):
 * the default collation yields to any other; two different non-default collations conflict, and
 * the node gets a conflict collation (types/collation.ts) that a sort key reports as 42P21 and
 * a comparison as 42P22. A conflict below propagates up.
 */
function mergeImplicitCollations(pstate: ParseState, args: Expr[]): string | undefined {
  let implicit: string | undefined;
  for (const a of args) {
    const c = a.collation;
    if (c === undefined || isNonCollatableArg(pstate, a)) continue;
    if (c.charCodeAt(0) === 0) {
      if (collationConflict(c)) return c;
      continue;
    }
    if (implicit === undefined || implicit === 'default') implicit = c;
    else if (c !== 'default' && c !== implicit) return conflictCollation(implicit, c, exprLocationOf(a));
  }
  if (implicit !== undefined) return implicit;
  for (const a of args) if (a.collation) return a.collation;
  return undefined;
}

/** Whether an argument's type cannot carry a collation (its `collation` is its inputs'). */
function isNonCollatableArg(pstate: ParseState, a: Expr): boolean {
  if (a.type === OID.text || a.type === OID.varchar || a.type === OID.bpchar || a.type === OID.name || a.type === OID.unknown) return false;
  const info = typeInfo(pstate.catalog, domainBase(pstate.catalog, a.type));
  return info.category !== 'S' && info.category !== 'A';
}

/** exprLocation: the leftmost location of an operator or cast and its operands. */
export function leftmostLocation(e: Expr): number | undefined {
  let loc = e.location;
  const kids = e.kind === 'CoerceExpr' ? [e.arg] : e.kind === 'OpExpr' ? e.args : [];
  for (const k of kids) {
    const l = leftmostLocation(k);
    if (l !== undefined && l >= 0 && (loc === undefined || loc < 0 || l < loc)) loc = l;
  }
  return loc;
}

/** The location of an expression, looking through implicit casts. */
function exprLocationOf(e: Expr): number | undefined {
  const l = (e as { location?: number }).location;
  if (l !== undefined && l >= 0) return l;
  const args = (e as { args?: Expr[] }).args;
  if (args?.length) return exprLocationOf(args[0]);
  const arg = (e as { arg?: Expr }).arg;
  return arg ? exprLocationOf(arg) : undefined;
}

export function collationOf(pstate: ParseState, type: number, args: Expr[]): string | undefined {
  const info = typeInfo(pstate.catalog, domainBase(pstate.catalog, type));
  if (info.category !== 'S') return undefined;
  return inputCollation(args, pstate) ?? 'default';
}

/** A node list as libpg-query gives it: a bare array or a `{ List: { items } }` node. */
export function listItems(n: AnyNode | AnyNode[] | undefined): AnyNode[] {
  if (!n) return [];
  if (Array.isArray(n)) return n;
  if (n.List) return n.List.items ?? [];
  return [n];
}

function opName(n: AnyNode): string {
  const names = n.name as AnyNode[];
  return strVal(names[names.length - 1]);
}

/** The schema of `OPERATOR(schema.op)`, if written. */
function opSchema(n: AnyNode): string | undefined {
  const names = n.name as AnyNode[];
  return names.length > 1 ? strVal(names[names.length - 2]) : undefined;
}

function transformAExpr(pstate: ParseState, n: AnyNode): Expr {
  const loc = n.location;
  switch (n.kind) {
    case 'AEXPR_OP': {
      const name = opName(n);
      if (!n.lexpr) {
        // Fold unary minus on numeric literals (Postgres does this in the grammar for constants).
        return makeOp(pstate, name, undefined, transformExpr(pstate, n.rexpr), loc, opSchema(n));
      }
      // Left operand first, as Postgres analyzes it (decides which error a statement reports).
      const left = transformExpr(pstate, n.lexpr);
      // (ROW() op ROW() is recognized on the raw nodes, as transformAExprOp does: `ROW(...)::t`
      // is a cast there, compared with the composite type's operators.)
      const rawRow = n.lexpr?.RowExpr !== undefined;
      if (rawRow && left.kind === 'RowExpr' && !left.wholeRow && n.rexpr?.SubLink?.subLinkType === 'EXPR_SUBLINK') {
        // `ROW(...) op (SELECT ...)`: a row comparison with the subquery's row.
        return transformRowCompare(pstate, name, left, rowCompareSubLinkRow(pstate, n.rexpr.SubLink, left.args.length, loc), loc);
      }
      const right = transformExpr(pstate, n.rexpr);
      if (rawRow && n.rexpr?.RowExpr !== undefined && left.kind === 'RowExpr' && right.kind === 'RowExpr' && !left.wholeRow && !right.wholeRow) return transformRowCompare(pstate, name, left, right, loc);
      return makeOp(pstate, name, left, right, loc, opSchema(n));
    }
    case 'AEXPR_OP_ANY':
    case 'AEXPR_OP_ALL': {
      const name = opName(n);
      const left = transformExpr(pstate, n.lexpr);
      let right = transformExpr(pstate, n.rexpr);
      return makeScalarArrayOp(pstate, name, left, right, n.kind === 'AEXPR_OP_ANY', loc);
    }
    case 'AEXPR_DISTINCT':
    case 'AEXPR_NOT_DISTINCT': {
      const left = transformExpr(pstate, n.lexpr);
      const right = transformExpr(pstate, n.rexpr);
      const eq = makeOp(pstate, '=', left, right, loc) as Extract<Expr, { kind: 'OpExpr' }>;
      const isNot = n.kind === 'AEXPR_NOT_DISTINCT';
      return {
        kind: 'FuncExpr',
        name: isNot ? 'is not distinct from' : 'is distinct from',
        fn: {
          name: 'distinct', argTypes: [eq.args[0].type, eq.args[1].type], returnType: OID.bool, strict: false, volatility: 'i',
          fn: (args, rt, call) => {
            const [a, b] = args;
            let same: boolean;
            if (a === null || b === null) same = a === null && b === null;
            else same = eq.fn.fn([a, b], rt, call) === true;
            return isNot ? same : !same;
          },
        },
        args: eq.args, type: OID.bool, typmod: -1, location: loc,
      };
    }
    case 'AEXPR_NULLIF': {
      const left = transformExpr(pstate, n.lexpr);
      const right = transformExpr(pstate, n.rexpr);
      const eq = makeOp(pstate, '=', left, right, loc) as Extract<Expr, { kind: 'OpExpr' }>;
      return { kind: 'NullIfExpr', args: [eq.args[0], eq.args[1]], eq: eq.fn, type: eq.args[0].type, typmod: eq.args[0].typmod, location: loc, collation: eq.args[0].collation };
    }
    case 'AEXPR_IN': {
      const name = opName(n);
      const left = transformExpr(pstate, n.lexpr);
      const items = listItems(n.rexpr).map((x) => transformExpr(pstate, x));
      const isIn = name === '=';
      if (left.kind === 'RowExpr' && !left.wholeRow) {
        const parts = items.map((it) => transformRowCompare(pstate, name, left, it, loc));
        return { kind: 'BoolExpr', op: isIn ? 'or' : 'and', args: parts, type: OID.bool, typmod: -1, location: loc };
      }
      // Postgres: if all items share a type with the left side, build one ScalarArrayOpExpr.
      const all = [left, ...items];
      let common: number | undefined;
      try {
        common = selectCommonType(pstate, all, 'IN');
      } catch {
        common = undefined;
      }
      if (common !== undefined && all.every((e) => canCoerce(pstate.catalog, e.type, common as number, 'implicit'))) {
        const cl = coerceTo(pstate, pstate.catalog, left, common, -1, 'implicit');
        const citems = items.map((e) => coerceTo(pstate, pstate.catalog, e, common as number, -1, 'implicit'));
        const eq = makeOp(pstate, name, cl, citems[0], loc) as Extract<Expr, { kind: 'OpExpr' }>;
        return { kind: 'ScalarArrayOpExpr', useOr: isIn, op: name, fn: eq.fn, left: eq.args[0], right: citems.map((c) => coerceTo(pstate, pstate.catalog, c, eq.args[1].type, -1, 'implicit')), type: OID.bool, typmod: -1, location: loc };
      }
      const parts = items.map((it) => makeOp(pstate, name, left, it, loc));
      return { kind: 'BoolExpr', op: isIn ? 'or' : 'and', args: parts, type: OID.bool, typmod: -1, location: loc };
    }
    case 'AEXPR_LIKE':
    case 'AEXPR_ILIKE': {
      const name = opName(n);
      const left = transformExpr(pstate, n.lexpr);
      const right = transformExpr(pstate, n.rexpr);
      return makeOp(pstate, name, left, right, loc);
    }
    case 'AEXPR_SIMILAR': {
      const left = transformExpr(pstate, n.lexpr);
      const right = transformExpr(pstate, n.rexpr);
      return makeOp(pstate, opName(n), left, right, loc);
    }
    case 'AEXPR_BETWEEN':
    case 'AEXPR_NOT_BETWEEN':
    case 'AEXPR_BETWEEN_SYM':
    case 'AEXPR_NOT_BETWEEN_SYM': {
      const x = n.lexpr;
      const [lo, hi] = listItems(n.rexpr);
      const not = n.kind === 'AEXPR_NOT_BETWEEN' || n.kind === 'AEXPR_NOT_BETWEEN_SYM';
      const build = (a: AnyNode, b: AnyNode): Expr => {
        if (!not) {
          return {
            kind: 'BoolExpr', op: 'and', type: OID.bool, typmod: -1, location: loc,
            args: [makeOp(pstate, '>=', transformExpr(pstate, x), transformExpr(pstate, a), loc), makeOp(pstate, '<=', transformExpr(pstate, x), transformExpr(pstate, b), loc)],
          };
        }
        return {
          kind: 'BoolExpr', op: 'or', type: OID.bool, typmod: -1, location: loc,
          args: [makeOp(pstate, '<', transformExpr(pstate, x), transformExpr(pstate, a), loc), makeOp(pstate, '>', transformExpr(pstate, x), transformExpr(pstate, b), loc)],
        };
      };
      if (n.kind === 'AEXPR_BETWEEN_SYM' || n.kind === 'AEXPR_NOT_BETWEEN_SYM') {
        return { kind: 'BoolExpr', op: not ? 'and' : 'or', args: [build(lo, hi), build(hi, lo)], type: OID.bool, typmod: -1, location: loc };
      }
      return build(lo, hi);
    }
    default:
      throw featureNotSupported(`operator expression ${n.kind}`, loc);
  }
}

/** `left op ANY/ALL (array)`. */
export function makeScalarArrayOp(pstate: ParseState, name: string, left: Expr, right: Expr, useOr: boolean, loc: number | undefined): Expr {
  const cat = pstate.catalog;
  if (right.type === OID.unknown && left.type !== OID.unknown) {
    // make_scalar_array_op: an unknown array literal's element is unknown too, so the operator
    // is resolved as for `left op 'literal'` (tsvector @@ ANY ('{a,b}') is @@(tsvector, tsquery)),
    // and the literal becomes an array of the operator's right operand type.
    const unknownElem: Expr = { kind: 'Const', type: OID.unknown, typmod: -1, value: null, location: right.location };
    let op: Expr | undefined;
    try {
      op = makeOp(pstate, name, left, unknownElem, loc);
    } catch {
      op = undefined; // resolved below as before (the left operand's array type)
    }
    const arrT = op?.kind === 'OpExpr' ? typeInfo(cat, op.args[1].type).array : undefined;
    if (op?.kind === 'OpExpr' && op.type === OID.bool && arrT !== undefined && op.args[1].type !== domainBase(cat, left.type)) {
      const r = coerceTo(pstate, cat, right, arrT, -1, 'implicit');
      return { kind: 'ScalarArrayOpExpr', useOr, op: name, fn: op.fn, left: op.args[0], right: r, type: OID.bool, typmod: -1, location: loc };
    }
  }
  if (right.type === OID.unknown || (right.kind === 'Param' && right.type === OID.unknown)) {
    const lt = left.type === OID.unknown ? OID.text : domainBase(cat, left.type);
    const arr = typeInfo(cat, lt).array;
    if (arr !== undefined) right = coerceTo(pstate, cat, right, arr, -1, 'implicit');
  }
  const rinfo = typeInfo(cat, domainBase(cat, right.type));
  if (rinfo.category !== 'A' || rinfo.elem === undefined) {
    throw new PgError(SQLSTATE.wrong_object_type, `op ANY/ALL (array) requires array on right side`, { position: pstate.position(loc) });
  }
  const elemPlaceholder: Expr = { kind: 'Const', type: rinfo.elem, typmod: -1, value: null, location: right.location };
  const eq = makeOp(pstate, name, left, elemPlaceholder, loc) as Extract<Expr, { kind: 'OpExpr' }>;
  if (eq.type !== OID.bool) {
    throw new PgError(SQLSTATE.wrong_object_type, `op ANY/ALL (array) requires operator to yield boolean`, { position: pstate.position(loc) });
  }
  let r = right;
  const wantElem = eq.args[1].type;
  if (wantElem !== rinfo.elem) {
    const arrT = typeInfo(cat, wantElem).array;
    if (arrT !== undefined) r = coerceTo(pstate, cat, right, arrT, -1, 'implicit');
  }
  return { kind: 'ScalarArrayOpExpr', useOr, op: name, fn: eq.fn, left: eq.args[0], right: r, type: OID.bool, typmod: -1, location: loc };
}

function transformRowCompare(pstate: ParseState, name: string, left0: Expr, right0: Expr, loc: number | undefined): Expr {
  if (left0.kind !== 'RowExpr' || right0.kind !== 'RowExpr') throw featureNotSupported('row comparison with a non-ROW operand', loc);
  // Two values of composite types (`ROW(...)::t`) compare as records (record_cmp), field types as they are.
  if (left0.type !== OID.record && right0.type !== OID.record) {
    if (left0.args.length !== right0.args.length) throw new PgError(SQLSTATE.datatype_mismatch, 'cannot compare record types with different numbers of columns');
    left0.args.forEach((a, i) => {
      const b = right0.args[i];
      if (a.type !== b.type) {
        throw new PgError(SQLSTATE.datatype_mismatch, `cannot compare dissimilar column types ${formatType(pstate.catalog, a.type)} and ${formatType(pstate.catalog, b.type)} at record column ${i + 1}`);
      }
    });
  }
  const left = left0.rawArgs ? { ...left0, args: left0.rawArgs } : left0;
  const right = right0.rawArgs ? { ...right0, args: right0.rawArgs } : right0;
  if (!left.args.length && !right.args.length) throw new PgError(SQLSTATE.feature_not_supported, 'cannot compare rows of zero length', { position: pstate.position(loc) });
  if (left.args.length !== right.args.length) {
    throw new PgError(SQLSTATE.syntax_error, 'unequal number of entries in row expressions', { position: pstate.position(loc) });
  }
  const pairs = left.args.map((l, i) => makeOp(pstate, name, l, right.args[i], loc));
  if (name === '=') return { kind: 'BoolExpr', op: 'and', args: pairs, type: OID.bool, typmod: -1, location: loc };
  if (name === '<>') return { kind: 'BoolExpr', op: 'or', args: pairs, type: OID.bool, typmod: -1, location: loc };
  if (['<', '<=', '>', '>='].includes(name)) {
    // (a1, a2) < (b1, b2): lexicographic, with Postgres's null semantics.
    const eqs = left.args.map((l, i) => makeOp(pstate, '=', l, right.args[i], loc) as Extract<Expr, { kind: 'OpExpr' }>);
    const strictOp = name[0];
    const lts = left.args.map((l, i) => makeOp(pstate, strictOp, l, right.args[i], loc) as Extract<Expr, { kind: 'OpExpr' }>);
    const last = pairs[pairs.length - 1] as Extract<Expr, { kind: 'OpExpr' }>;
    const args = [...eqs.flatMap((e) => e.args)];
    return {
      kind: 'FuncExpr', name: 'rowcompare', args, type: OID.bool, typmod: -1, location: loc,
      fn: {
        name: 'rowcompare', argTypes: args.map((a) => a.type), returnType: OID.bool, strict: false, volatility: 'i',
        fn: (vals, rt, call) => {
          const n = eqs.length;
          for (let i = 0; i < n; i++) {
            const a = vals[2 * i];
            const b = vals[2 * i + 1];
            if (a === null || b === null) return null;
            if (i === n - 1) return last.fn.fn([a, b], rt, call);
            if (eqs[i].fn.fn([a, b], rt, call) !== true) return lts[i].fn.fn([a, b], rt, call);
          }
          return null;
        },
      },
    };
  }
  throw featureNotSupported(`row comparison with operator ${name}`, loc);
}

function transformTypeCast(pstate: ParseState, n: AnyNode): Expr {
  const { oid, typmod } = typeNameToOid(pstate, n.typeName);
  // ARRAY[...]::type[] types the elements directly (Postgres's transformArrayExpr with a target).
  const [argKind, argBody] = nodeKind(n.arg);
  if (argKind === 'A_ArrayExpr') {
    const arr = transformArrayExpr(pstate, argBody, oid);
    return coerceTo(pstate, pstate.catalog, arr, oid, typmod, 'explicit', n.location);
  }
  const arg = transformExpr(pstate, n.arg);
  if (!canCoerce(pstate.catalog, arg.type, oid, 'explicit')) {
    throw new PgError(SQLSTATE.cannot_coerce, `cannot cast type ${formatType(pstate.catalog, arg.type)} to ${formatType(pstate.catalog, oid, typmod)}`, {
      position: pstate.position(n.location),
    });
  }
  const out = coerceTo(pstate, pstate.catalog, arg, oid, typmod, 'explicit', arg.kind === 'Const' && arg.type === OID.unknown ? arg.location : n.location);
  // A ROW(...) cast to a composite type (or a domain over one) becomes a RowExpr located at the
  // cast, which exprLocation reports as is.
  const inner = out.kind === 'CoerceExpr' && out.arg.kind === 'RowExpr' ? out.arg : out;
  if (inner.kind === 'RowExpr' && arg.kind === 'RowExpr' && arg.type === OID.record) return out.location === n.location ? out : ({ ...out, location: n.location } as Expr);
  // exprLocation of a cast is its leftmost token: the argument's start when it has one.
  // (`box '(1,1),(0,0)'` has no location of its own: the literal's.)
  const left = arg.location !== undefined && arg.location >= 0 && (n.location < 0 || arg.location < n.location) ? arg.location : n.location;
  return out.location === left ? out : ({ ...out, location: left } as Expr);
}

function transformArrayExpr(pstate: ParseState, n: AnyNode, target: number | undefined): Expr {
  const cat = pstate.catalog;
  const elemsRaw = (n.elements ?? []) as AnyNode[];
  const targetElem = target !== undefined ? typeInfo(cat, domainBase(cat, target)).elem : undefined;
  const elems = elemsRaw.map((e) => {
    const [k, b] = nodeKind(e);
    if (k === 'A_ArrayExpr') return transformArrayExpr(pstate, b, target);
    return transformExpr(pstate, e);
  });
  const multidims = elems.length > 0 && elems.every((e) => e.kind === 'ArrayExpr' && e.elements !== undefined) && elemsRaw.every((e) => nodeKind(e)[0] === 'A_ArrayExpr');
  if (elems.length === 0) {
    if (target === undefined) {
      throw new PgError(SQLSTATE.indeterminate_datatype, 'cannot determine type of empty array', {
        hint: 'Explicitly cast to the desired type, for example ARRAY[]::integer[].',
        position: pstate.position(n.location),
      });
    }
    return { kind: 'ArrayExpr', elementType: targetElem as number, elements: [], multidims: false, type: target, typmod: -1, location: n.location };
  }
  let elemType: number;
  if (multidims) {
    const arrType = targetElem !== undefined ? (target as number) : selectCommonType(pstate, elems, 'ARRAY');
    const coerced = elems.map((e) => coerceTo(pstate, cat, e, arrType, -1, 'implicit'));
    elemType = typeInfo(cat, arrType).elem as number;
    return { kind: 'ArrayExpr', elementType: elemType, elements: coerced, multidims: true, type: arrType, typmod: -1, location: n.location };
  }
  if (targetElem !== undefined) elemType = targetElem;
  else elemType = selectCommonType(pstate, elems, 'ARRAY');
  const arrayType = typeInfo(cat, elemType).array;
  if (arrayType === undefined) {
    throw new PgError(SQLSTATE.undefined_object, `could not find array type for data type ${formatType(cat, elemType)}`, { position: pstate.position(n.location) });
  }
  const coerced = targetElem !== undefined
    ? elems.map((e) => coerceTo(pstate, cat, e, elemType, -1, 'explicit'))
    : coerceToCommon(pstate, elems, elemType, 'ARRAY');
  return { kind: 'ArrayExpr', elementType: elemType, elements: coerced, multidims: false, type: arrayType, typmod: -1, location: n.location };
}

function transformCase(pstate: ParseState, n: AnyNode): Expr {
  const lastSrf = pstate.lastSrf;
  const arg = n.arg ? transformExpr(pstate, n.arg) : undefined;
  const whens: { cond: Expr; result: Expr }[] = [];
  const results: Expr[] = [];
  for (const w of n.args as AnyNode[]) {
    const cw = w.CaseWhen;
    let cond: Expr;
    if (arg) cond = makeOp(pstate, '=', arg, transformExpr(pstate, cw.expr), cw.location);
    else cond = coerceToBoolean(pstate, transformExpr(pstate, cw.expr), 'CASE/WHEN');
    const result = transformExpr(pstate, cw.result);
    whens.push({ cond, result });
    results.push(result);
  }
  const elseResult = n.defresult ? transformExpr(pstate, n.defresult) : makeConst(OID.unknown, null, -1);
  // As transformCaseExpr: the ELSE result comes first, for the type choice and its errors (an
  // implicit ELSE NULL doesn't vote on the type).
  const voters = n.defresult ? [elseResult, ...results] : results;
  const t = selectCommonType(pstate, voters, 'CASE');
  const [coercedElse, ...coercedResults] = coerceToCommon(pstate, [elseResult, ...results], t, 'CASE');
  const coerced = [...coercedResults, coercedElse];
  rejectSrfInside(pstate, lastSrf, 'CASE');
  return {
    kind: 'CaseExpr',
    whens: whens.map((w, i) => ({ cond: w.cond, result: coerced[i] })),
    elseResult: coerced[coerced.length - 1],
    type: t,
    typmod: commonTypmod(coerced),
    collation: collationOf(pstate, t, coerced),
    location: n.location,
  };
}

function commonTypmod(exprs: Expr[]): number {
  if (!exprs.length) return -1;
  const t = exprs[0].typmod;
  return exprs.every((e) => e.typmod === t) ? t : -1;
}

function transformSqlValueFunction(pstate: ParseState, n: AnyNode): Expr {
  const map: Record<string, [string, number, number?]> = {
    SVFOP_CURRENT_DATE: ['current_date', OID.date],
    SVFOP_CURRENT_TIME: ['current_time', OID.timetz],
    SVFOP_CURRENT_TIME_N: ['current_time', OID.timetz, n.typmod],
    SVFOP_CURRENT_TIMESTAMP: ['current_timestamp', OID.timestamptz],
    SVFOP_CURRENT_TIMESTAMP_N: ['current_timestamp', OID.timestamptz, n.typmod],
    SVFOP_LOCALTIME: ['localtime', OID.time],
    SVFOP_LOCALTIME_N: ['localtime', OID.time, n.typmod],
    SVFOP_LOCALTIMESTAMP: ['localtimestamp', OID.timestamp],
    SVFOP_LOCALTIMESTAMP_N: ['localtimestamp', OID.timestamp, n.typmod],
    SVFOP_CURRENT_ROLE: ['current_role', OID.name],
    SVFOP_CURRENT_USER: ['current_user', OID.name],
    SVFOP_USER: ['user', OID.name],
    SVFOP_SESSION_USER: ['session_user', OID.name],
    SVFOP_CURRENT_CATALOG: ['current_catalog', OID.name],
    SVFOP_CURRENT_SCHEMA: ['current_schema', OID.name],
  };
  const m = map[n.op];
  if (!m) throw featureNotSupported(`SQL value function ${n.op}`, n.location);
  if (m[2] !== undefined && m[2] > 6) {
    // CURRENT_TIME(7) etc.: precision 6, with Postgres's anytime_typmod_check warning.
    const base = m[1] === OID.time || m[1] === OID.timetz ? 'TIME' : 'TIMESTAMP';
    const tz = m[1] === OID.timetz || m[1] === OID.timestamptz ? ' WITH TIME ZONE' : '';
    pstate.stmt.session.notice(timePrecisionWarning(base, tz, m[2]));
    return { kind: 'SQLValueFunction', op: m[0], type: m[1], typmod: 6, location: n.location };
  }
  return { kind: 'SQLValueFunction', op: m[0], type: m[1], typmod: m[2] ?? -1, location: n.location, collation: m[1] === OID.name ? 'C' : undefined };
}

/**
 * `typename(arg)` as a cast, as Postgres's func_get_detail does when no function matches exactly:
 * a built-in type's name called with one argument is a coercion when an explicit cast exists
 * (most of these are pg_proc entries too: float8(int8), date(timestamptz), numeric(int4), text(x)).
 * Undefined when the call is not such a cast, or a function of that name takes the argument type.
 */
function functionStyleCast(pstate: ParseState, names: string[], n: AnyNode, args: Expr[], hasFunctions: boolean): Expr | undefined {
  if (args.length !== 1 || n.func_variadic || (n.args as AnyNode[]).length !== 1) return undefined;
  if (names.length > 2 || (names.length === 2 && names[0] !== 'pg_catalog')) return undefined;
  const target = builtinTypeOid(names[names.length - 1]);
  if (target === undefined) return undefined;
  const cat = pstate.catalog;
  const tinfo = typeInfo(cat, target);
  if (tinfo.typtype === 'p' || target === OID.record) return undefined;
  const arg = args[0];
  if (hasFunctions && functionsNamed(names[names.length - 1]).some((f) => f.argTypes.length === 1 && f.argTypes[0] === arg.type)) return undefined;
  const from = domainBase(cat, arg.type);
  if (from !== OID.unknown) {
    if (!canCoerce(cat, from, target, 'explicit')) return undefined;
    // Coercion through I/O from a row to a string type is not a cast here (Postgres's rule).
    const finfo = typeInfo(cat, from);
    if ((finfo.typtype === 'c' || from === OID.record) && tinfo.category === 'S') return undefined;
  }
  return coerceTo(pstate, cat, arg, target, -1, 'explicit', n.location);
}

function transformFuncCall(pstate: ParseState, n: AnyNode): Expr {
  // In a view's query, a user function is the one called at CREATE VIEW, under its current name.
  const vb = pstate.stmt.viewBinding;
  if (!vb) return transformFuncCallNamed(pstate, n);
  const rebound = boundFuncName(pstate.catalog, vb, n.location);
  const e = transformFuncCallNamed(pstate, rebound ? { ...n, funcname: rebound } : n);
  if (vb.mode === 'record' && e.kind === 'FuncExpr') recordFunc(vb, n.location, e.fn.oid);
  return e;
}

/**
 * `f(*)`, `f(DISTINCT ...)`, `f(... ORDER BY ...)` or `f(...) FILTER (...)` where no aggregate
 * `f` exists: 42809 when a plain function matches, else the usual 42883 (Postgres's
 * ParseFuncOrColumn, whose hint suspects a misplaced ORDER BY when it has several items).
 */
function notAnAggregate(pstate: ParseState, n: AnyNode): never {
  const name = strVal((n.funcname as AnyNode[])[(n.funcname as AnyNode[]).length - 1]);
  try {
    transformFuncCallNamed(pstate, { ...n, agg_star: false, agg_distinct: false, agg_filter: undefined, agg_order: undefined });
  } catch (e) {
    if (e instanceof PgError && e.code === SQLSTATE.undefined_function && ((n.agg_order as unknown[] | undefined)?.length ?? 0) > 1) {
      throw new PgError(SQLSTATE.undefined_function, e.message, { hint: MISPLACED_ORDER_BY_HINT, position: e.position });
    }
    throw e;
  }
  const what = n.agg_star ? `${name}(*)` : n.agg_distinct ? 'DISTINCT' : n.agg_order ? 'ORDER BY' : 'FILTER';
  throw new PgError(SQLSTATE.wrong_object_type, `${what} specified, but ${name} is not an aggregate function`, { position: pstate.position(n.location) });
}

function transformFuncCallNamed(pstate: ParseState, n: AnyNode): Expr {
  const names = (n.funcname as AnyNode[]).map(strVal);
  const name = names[names.length - 1];
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  if (schema !== undefined && schema !== 'pg_catalog' && schema !== 'public' && schema !== 'extensions') {
    if (!pstate.catalog.namespaceOid(explicitSchemaName(pstate.stmt.session.searchPath(), schema))) {
      throw new PgError(SQLSTATE.invalid_schema_name, `schema "${schema}" does not exist`, { position: pstate.position(n.location) });
    }
  }
  if (n.agg_within_group) return transformOrderedSetAggregate(pstate, names, name, n);
  const needsWithinGroup = withinGroupRequired(pstate, names, name, n);
  if (needsWithinGroup) throw needsWithinGroup;
  if (n.over) return transformWindowFuncCall(pstate, name, n);
  const special = transformSpecialFunction(pstate, name, n);
  if (special) return special;
  const isAgg = aggregatesNamed(name).length > 0 || userAggregatesNamed(pstate.catalog, pstate.stmt.session.searchPath(), names).length > 0;
  if (isAgg) return transformAggregate(pstate, name, n);
  if (n.agg_star || n.agg_distinct || n.agg_filter || n.agg_order) return notAnAggregate(pstate, n);
  const lastSrf = pstate.lastSrf;
  const named: { name: string; expr: Expr; location: number }[] = [];
  const args: Expr[] = [];
  for (const a of (n.args ?? []) as AnyNode[]) {
    const [k, b] = nodeKind(a);
    if (k === 'NamedArgExpr') named.push({ name: b.name, expr: transformExpr(pstate, b.arg), location: b.location });
    else {
      if (named.length) {
        throw new PgError(SQLSTATE.syntax_error, 'positional argument cannot follow named argument', { position: pstate.position(nodeKind(a)[1].location) });
      }
      args.push(transformExpr(pstate, a));
    }
  }
  // name(x) of a row x with a field of that name is the field (ParseComplexProjection), before
  // any function of that name.
  if (names.length === 1 && args.length === 1 && !named.length && !n.func_variadic) {
    const arg = args[0];
    if (arg.type === OID.record || typeInfo(pstate.catalog, arg.type).typtype === 'c') {
      const fields = recordFieldsOf(pstate, arg);
      if (fields?.some((f) => f.name === name)) return selectField(pstate, arg, name, n.location);
    }
  }
  const fns = functionCandidates(pstate.catalog, pstate.stmt.session.searchPath(), names, pstate.position(n.location));
  if (named.length) return noteSrf(pstate, lastSrf, callWithNamedArgs(pstate, names, name, fns, args, named, n.location), n.location);
  const asCast = functionStyleCast(pstate, names, n, args, fns.length > 0);
  if (asCast) return asCast;
  if (!fns.length) {
    const sig = `${names.join('.')}(${args.map((a) => formatType(pstate.catalog, a.type)).join(', ')})`;
    throw new PgError(SQLSTATE.undefined_function, `function ${sig} does not exist`, {
      hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
      position: pstate.position(n.location),
    });
  }
  const r = completeUserCall(pstate, resolveFunction(pstate, names.join('.'), fns, args, n.location, !!n.func_variadic), n.location, args.map((a) => a.type));
  if (r.item.volatility === 'v') pstate.stmt.volatileSeen = true;
  if (r.item.volatility !== 'i') pstate.stmt.mutableSeen = true;
  const rinfo = typeInfo(pstate.catalog, r.returnType);
  const e: Expr = {
    kind: 'FuncExpr',
    name,
    fn: r.item,
    args: r.args,
    type: r.returnType,
    typmod: -1,
    retset: r.item.retset,
    location: n.location,
    collation: rinfo.category === 'S' ? collationOf(pstate, r.returnType, r.args) : inputCollation(r.args),
  };
  return r.item.retset ? noteSrf(pstate, lastSrf, e, n.location) : e;
}

/**
 * `(arg).name` or `rel.name` as the call `name(arg)` when no column of that name exists
 * (Postgres's ParseFuncOrColumn in attribute notation: functions, aggregates and function-style
 * casts of one argument qualify); undefined when no function of that name takes `arg`.
 */
export function columnNotationCall(pstate: ParseState, arg: Expr, name: string, location: number | undefined): Expr | undefined {
  try {
    return transformFuncCall(pstate, { funcname: [{ String: { sval: name } }], args: [{ AnalyzedExpr: { expr: arg } }], location });
  } catch (e) {
    if (e instanceof PgError && (e.code === SQLSTATE.undefined_function || e.code === SQLSTATE.ambiguous_function)) return undefined;
    throw e;
  }
}

/** A call with named arguments: each candidate with parameter names gets a full positional list. */
function callWithNamedArgs(
  pstate: ParseState,
  names: string[],
  name: string,
  fns: readonly import('../functions/registry.js').FunctionImpl[],
  positional: Expr[],
  named: { name: string; expr: Expr; location: number }[],
  location: number | undefined,
): Expr {
  const seen = new Set<string>();
  for (const a of named) {
    if (seen.has(a.name)) {
      throw new PgError(SQLSTATE.syntax_error, `argument name "${a.name}" used more than once`, { position: pstate.position(a.location) });
    }
    seen.add(a.name);
  }
  for (const f of fns) {
    const pn = f.argNames;
    if (!pn || positional.length > pn.length) continue;
    const full: (Expr | undefined)[] = [...positional];
    let ok = true;
    for (const a of named) {
      const i = pn.indexOf(a.name);
      if (i < 0 || i < positional.length) {
        ok = false;
        break;
      }
      full[i] = a.expr;
    }
    if (!ok) continue;
    const firstDefault = pn.length - (f.defaults ?? 0);
    for (let i = 0; i < pn.length; i++) {
      if (full[i]) continue;
      if (i < firstDefault || (!f.argDefaults && !f.argDefaultExprs)) {
        ok = false;
        break;
      }
      full[i] = f.argDefaultExprs ? f.argDefaultExprs[i - firstDefault] : makeConst(f.argTypes[i], f.argDefaults![i - firstDefault] ?? null, -1);
    }
    if (!ok) continue;
    try {
      const r = completeUserCall(pstate, resolveFunction(pstate, names.join('.'), [f], full as Expr[], location), location);
      const rinfo = typeInfo(pstate.catalog, r.returnType);
      return {
        kind: 'FuncExpr', name, fn: r.item, args: r.args, type: r.returnType, typmod: -1, retset: r.item.retset, location,
        collation: rinfo.category === 'S' ? collationOf(pstate, r.returnType, r.args) : inputCollation(r.args),
      };
    } catch {
      continue;
    }
  }
  const sig = [...positional.map((a) => formatType(pstate.catalog, a.type)), ...named.map((a) => `${a.name} => ${formatType(pstate.catalog, a.expr.type)}`)].join(', ');
  throw new PgError(SQLSTATE.undefined_function, `function ${names.join('.')}(${sig}) does not exist`, {
    hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
    position: pstate.position(location),
  });
}

/** An ORDER BY / sort key for an expression. */
export function makeSortKey(pstate: ParseState, expr: Expr, dir: string, nulls: string, location?: number): SortKey {
  const descending = dir === 'SORTBY_DESC';
  const nullsFirst = nulls === 'SORTBY_NULLS_FIRST' ? true : nulls === 'SORTBY_NULLS_LAST' ? false : descending;
  const e = expr.type === OID.unknown ? coerceTo(pstate, pstate.catalog, expr, OID.text, -1, 'implicit') : expr;
  return { expr: e, descending, nullsFirst, compare: compareFunctionFor(pstate, e.type, e.collation, location) };
}

export { AGG_CONTEXT_ERRORS };
export type { Const, Value };

/** ROW(...) arguments: `t.*` and `(x).*` expand into their fields, as in Postgres's transformRowExpr. */
function transformRowArgs(pstate: ParseState, nodes: AnyNode[]): Expr[] {
  const out: Expr[] = [];
  for (const a of nodes) {
    const star = expandIndirectionStar(pstate, a);
    if (star) {
      for (const f of star) out.push(f.expr);
      continue;
    }
    const [k, body] = nodeKind(a);
    const e = transformExpr(pstate, a);
    const starRef = k === 'ColumnRef' && (body.fields as AnyNode[])[(body.fields as AnyNode[]).length - 1].A_Star;
    if (starRef && e.kind === 'RowExpr') out.push(...e.args);
    else if (starRef && e.kind === 'Param') {
      // ROW(rec.*) of a PL/pgSQL record variable: its fields.
      const name = (body.fields as AnyNode[])[0].String?.sval as string;
      const fields = pstate.stmt.columnRefHook?.expandStar?.(pstate, name, body.location as number | undefined);
      if (fields) for (const f of fields) out.push(f.expr);
      else out.push(e);
    } else out.push(e);
  }
  return out;
}

/** `expr IS JSON [VALUE | SCALAR | ARRAY | OBJECT] [WITH UNIQUE KEYS]` (see json-is.ts). */
function transformJsonIsPredicate(pstate: ParseState, n: AnyNode): Expr {
  let arg = transformExpr(pstate, n.expr);
  if (arg.type === OID.unknown) arg = coerceTo(pstate, pstate.catalog, arg, OID.text, -1, 'implicit');
  const base = domainBase(pstate.catalog, arg.type);
  const cat = typeInfo(pstate.catalog, base).category;
  if (!(cat === 'S' || base === OID.json || base === OID.jsonb || base === OID.bytea)) {
    throw new PgError(SQLSTATE.datatype_mismatch, `cannot use type ${formatType(pstate.catalog, arg.type)} in IS JSON predicate`);
  }
  const want = ({ JS_TYPE_ANY: 'any', JS_TYPE_SCALAR: 'scalar', JS_TYPE_ARRAY: 'array', JS_TYPE_OBJECT: 'object' } as Record<string, JsonItemType>)[n.item_type] ?? 'any';
  const unique = !!n.unique_keys;
  const test: (v: Value) => boolean =
    base === OID.jsonb
      ? (v) => jsonbIsJson(v as JsonbValue, want)
      : base === OID.bytea
        ? (v) => textIsJson(decodeUtf8(v as Uint8Array), want, unique)
        : (v) => textIsJson(v as string, want, unique, base === OID.json);
  return {
    kind: 'FuncExpr', name: 'is_json', args: [arg], type: OID.bool, typmod: -1, location: n.location,
    fn: { name: 'is_json', argTypes: [arg.type], returnType: OID.bool, strict: true, volatility: 'i', fn: (a) => test(a[0]!) },
  } as Expr;
}
