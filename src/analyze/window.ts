/**
 * Window function calls (`f(...) OVER (...)`), the WINDOW clause, named windows and frame clauses:
 * resolution of the function (built-in window function or plain aggregate), the window's
 * PARTITION BY / ORDER BY / frame, and Postgres's rules on where window functions may appear.
 * Postgres counterpart: src/backend/parser/parse_agg.c (transformWindowFuncCall) and
 * parse_clause.c (transformWindowDefinitions, transformFrameOffset).
 * Known gaps: window definitions are analyzed at each use, so an unused named window with an
 * error in it is not reported; RANGE offsets support numeric, integer, float and datetime keys.
 */
import { checkExecute } from './permissions.js';
import { sortUsingDirection } from './sort-using.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { aggregatesNamed, type AggregateImpl, type FunctionImpl } from '../functions/registry.js';
import { withUserAggregates } from './agg.js';
import { windowFunctionsNamed, type WindowFunctionImpl } from '../functions/window-functions.js';
import type { Expr, FrameBound, SortKey, WindowFrame, WindowFunc, WindowSpec } from '../nodes/primnodes.js';
import { exprContains } from '../nodes/walk.js';
import { OID } from '../types/oids.js';
import { formatType } from '../types/registry.js';
import { AGG_CONTEXT_ERRORS, transformAggFilter } from './agg.js';
import { canCoerce, coerceTo, domainBase, makeConst } from './coerce.js';
import { makeOp, makeSortKey, nodeKind, transformExpr } from './expr.js';
import { functionCandidates } from './func-candidates.js';
import { resolveFunction } from './func.js';
import type { ExprKind, ParseState } from './parse-state.js';

type AnyNode = Record<string, any>;

/** Per query level: the WINDOW clause's raw definitions and the window calls seen so far. */
interface WindowState {
  readonly named: Map<string, AnyNode>;
  readonly calls: WindowFunc[];
}
const states = new WeakMap<ParseState, WindowState>();
function stateOf(pstate: ParseState): WindowState {
  let s = states.get(pstate);
  if (!s) {
    s = { named: new Map(), calls: [] };
    states.set(pstate, s);
  }
  return s;
}

const WINDOW_CONTEXT_ERRORS: Partial<Record<ExprKind, string>> = {
  ...Object.fromEntries(Object.entries(AGG_CONTEXT_ERRORS).map(([k, v]) => [k, (v as string).replace(/^aggregate functions/, 'window functions')])),
  having: 'window functions are not allowed in HAVING',
  'window definition': 'window functions are not allowed in window definitions',
};

/** Records the WINDOW clause's definitions (checked for duplicate names); call before the target list. */
export function registerWindowClause(pstate: ParseState, clause: AnyNode[]): void {
  const st = stateOf(pstate);
  for (const item of clause) {
    const def = item.WindowDef as AnyNode;
    if (st.named.has(def.name)) {
      throw new PgError(SQLSTATE.windowing_error, `window "${def.name}" is already defined`, { position: pstate.position(def.location) });
    }
    st.named.set(def.name, def);
  }
  // Postgres analyzes every definition, used or not.
  for (const def of st.named.values()) resolveWindowDef(pstate, def);
}

/** The window function calls of this query level, in the order they were analyzed. */
export function windowFuncsOf(pstate: ParseState): WindowFunc[] {
  return states.get(pstate)?.calls ?? [];
}

/** Postgres's check that no aggregate's arguments contain a window call (42803). */
export function checkWindowsInAggregates(pstate: ParseState): void {
  if (!windowFuncsOf(pstate).length) return;
  for (const a of pstate.aggs) {
    let inner: Expr | undefined;
    exprContains(a, (x) => {
      if (x.kind === 'WindowFunc') inner ??= x;
      return inner !== undefined;
    });
    if (inner) {
      throw new PgError(SQLSTATE.grouping_error, 'aggregate function calls cannot contain window function calls', { position: pstate.position(inner.location) });
    }
  }
}

/** Analyzes `name(args) OVER ...` (the FuncCall node `n` has `over`). */
export function transformWindowFuncCall(pstate: ParseState, name: string, n: AnyNode): Expr {
  const ctxErr = WINDOW_CONTEXT_ERRORS[pstate.exprKind];
  if (ctxErr) throw new PgError(SQLSTATE.windowing_error, ctxErr, { position: pstate.position(n.location) });
  const st = stateOf(pstate);
  const before = st.calls.length;
  const lastSrf = pstate.lastSrf;
  const args: Expr[] = ((n.args ?? []) as AnyNode[]).map((a) => transformExpr(pstate, a));
  if (st.calls.length > before) {
    throw new PgError(SQLSTATE.windowing_error, 'window function calls cannot be nested', { position: pstate.position(st.calls[before].location) });
  }
  const wins = windowFunctionsNamed(name);
  const aggs = wins.length ? [] : withUserAggregates(pstate, aggregatesNamed(name), n);
  const pos = pstate.position(n.location);
  if (!wins.length && !aggs.length) {
    const plain = functionCandidates(pstate.catalog, pstate.stmt.session.searchPath(), [name], pos);
    if (plain.length) {
      throw new PgError(SQLSTATE.wrong_object_type, `OVER specified, but ${name} is not a window function nor an aggregate function`, { position: pos });
    }
    const sig = `${name}(${args.map((a) => formatType(pstate.catalog, a.type)).join(', ')})`;
    throw new PgError(SQLSTATE.undefined_function, `function ${sig} does not exist`, {
      hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
      position: pos,
    });
  }
  if (n.agg_distinct) throw notImplemented(pstate, 'DISTINCT is not implemented for window functions', n.location);
  if (n.agg_order) throw notImplemented(pstate, 'aggregate ORDER BY is not implemented for window functions', n.location);
  if (n.agg_filter && !aggs.length) throw notImplemented(pstate, 'FILTER is not implemented for non-aggregate window functions', n.location);
  const star = !!n.agg_star;
  let resolvedArgs: Expr[];
  let returnType: number;
  let agg: AggregateImpl | undefined;
  if (wins.length) {
    const asFns = wins.map((w) => ({ name: w.name, argTypes: w.argTypes, returnType: w.returnType, strict: false, volatility: 'i', fn: () => null, win: w }) as FunctionImpl & { win: WindowFunctionImpl });
    const r = resolveFunction(pstate, name, asFns, args, n.location);
    resolvedArgs = r.args;
    returnType = r.returnType;
  } else if (star) {
    const a0 = aggs.find((a) => a.argTypes.length === 0);
    if (!a0) throw new PgError(SQLSTATE.wrong_object_type, `${name}(*) specified, but ${name} is not an aggregate function`, { position: pos });
    agg = a0;
    resolvedArgs = [];
    returnType = a0.returnType;
  } else {
    const asFns = aggs.map((a) => ({ name: a.name, argTypes: a.argTypes, returnType: a.returnType, strict: a.strict, volatility: 'i', fn: () => null, agg: a }) as FunctionImpl & { agg: AggregateImpl });
    const r = resolveFunction(pstate, name, asFns, args, n.location);
    agg = (r.item as FunctionImpl & { agg: AggregateImpl }).agg;
    if (!args.length) throw new PgError(SQLSTATE.wrong_object_type, `${name}(*) must be used to call a parameterless aggregate function`, { position: pos });
    resolvedArgs = r.args;
    returnType = r.returnType;
  }
  if (pstate.lastSrf !== lastSrf) {
    throw new PgError(SQLSTATE.feature_not_supported, 'window function calls cannot contain set-returning function calls', {
      hint: 'You might be able to move the set-returning function into a LATERAL FROM item.',
      position: pstate.position(pstate.lastSrf?.location),
    });
  }
  if (agg?.oid !== undefined) checkExecute(pstate.stmt, agg.oid, 'function');
  const filter = transformAggFilter(pstate, n);
  const spec = resolveOver(pstate, n.over);
  const first = resolvedArgs[0];
  const wf: WindowFunc = {
    kind: 'WindowFunc',
    name,
    args: resolvedArgs,
    agg,
    star,
    filter,
    spec,
    type: returnType,
    typmod: -1,
    location: n.location,
    collation: first && first.type === returnType ? first.collation : undefined,
  };
  st.calls.push(wf);
  return wf;
}

/** The window an OVER clause names or defines. */
function resolveOver(pstate: ParseState, over: AnyNode): WindowSpec {
  if (over.name) {
    const def = stateOf(pstate).named.get(over.name);
    if (!def) throw new PgError(SQLSTATE.undefined_object, `window "${over.name}" does not exist`, { position: pstate.position(over.location) });
    return resolveWindowDef(pstate, def);
  }
  return resolveWindowDef(pstate, over);
}

const FRAMEOPTION_NONDEFAULT = 0x1;

/** A window definition (inline or from the WINDOW clause), following `refname` to its base. */
function resolveWindowDef(pstate: ParseState, def: AnyNode): WindowSpec {
  const saved = pstate.exprKind;
  pstate.exprKind = 'window definition';
  try {
    let partitionBy: SortKey[];
    let orderBy: SortKey[];
    if (def.refname) {
      const baseDef = stateOf(pstate).named.get(def.refname);
      if (!baseDef) throw new PgError(SQLSTATE.undefined_object, `window "${def.refname}" does not exist`, { position: pstate.position(def.location) });
      const name = def.refname as string;
      if (def.partitionClause) throw new PgError(SQLSTATE.windowing_error, `cannot override PARTITION BY clause of window "${name}"`, { position: pstate.position(def.location) });
      if (def.orderClause && baseDef.orderClause) throw new PgError(SQLSTATE.windowing_error, `cannot override ORDER BY clause of window "${name}"`, { position: pstate.position(def.location) });
      if ((baseDef.frameOptions ?? 0) & FRAMEOPTION_NONDEFAULT) {
        throw new PgError(SQLSTATE.windowing_error, `cannot copy window "${name}" because it has a frame clause`, {
          hint: 'Omit the parentheses in this OVER clause.',
          position: pstate.position(def.location),
        });
      }
      const base = resolveWindowDef(pstate, baseDef);
      partitionBy = base.partitionBy;
      orderBy = def.orderClause ? transformOrder(pstate, def.orderClause) : base.orderBy;
    } else {
      partitionBy = ((def.partitionClause ?? []) as AnyNode[]).map((p) => makeSortKey(pstate, transformExpr(pstate, p), 'SORTBY_DEFAULT', 'SORTBY_NULLS_DEFAULT'));
      orderBy = transformOrder(pstate, def.orderClause ?? []);
    }
    return { partitionBy, orderBy, frame: transformFrame(pstate, def, orderBy) };
  } finally {
    pstate.exprKind = saved;
  }
}

function transformOrder(pstate: ParseState, items: AnyNode[]): SortKey[] {
  return items.map((s) => {
    const sb = nodeKind(s)[1];
    const e = transformExpr(pstate, sb.node);
    return makeSortKey(pstate, e, sb.sortby_dir === 'SORTBY_USING' ? sortUsingDirection(pstate, sb, e) : sb.sortby_dir, sb.sortby_nulls, sb.location);
  });
}

// Postgres's frameOptions bits (parsenodes.h), as libpg-query reports them.
const F = {
  RANGE: 0x2,
  ROWS: 0x4,
  GROUPS: 0x8,
  START_UNBOUNDED_PRECEDING: 0x20,
  START_UNBOUNDED_FOLLOWING: 0x80,
  END_UNBOUNDED_PRECEDING: 0x40,
  END_UNBOUNDED_FOLLOWING: 0x100,
  START_CURRENT_ROW: 0x200,
  END_CURRENT_ROW: 0x400,
  START_OFFSET_PRECEDING: 0x800,
  END_OFFSET_PRECEDING: 0x1000,
  START_OFFSET_FOLLOWING: 0x2000,
  END_OFFSET_FOLLOWING: 0x4000,
  EXCLUDE_CURRENT_ROW: 0x8000,
  EXCLUDE_GROUP: 0x10000,
  EXCLUDE_TIES: 0x20000,
};

function transformFrame(pstate: ParseState, def: AnyNode, orderBy: SortKey[]): WindowFrame {
  const o = (def.frameOptions as number | undefined) ?? F.RANGE | F.START_UNBOUNDED_PRECEDING | F.END_CURRENT_ROW;
  const mode = o & F.ROWS ? 'rows' : o & F.GROUPS ? 'groups' : 'range';
  const hasOffset = (o & (F.START_OFFSET_PRECEDING | F.START_OFFSET_FOLLOWING | F.END_OFFSET_PRECEDING | F.END_OFFSET_FOLLOWING)) !== 0;
  if (mode === 'range' && hasOffset && orderBy.length !== 1) {
    throw new PgError(SQLSTATE.windowing_error, 'RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column', { position: pstate.position(def.location) });
  }
  if (mode === 'groups' && !orderBy.length) {
    throw new PgError(SQLSTATE.windowing_error, 'GROUPS mode requires an ORDER BY clause', { position: pstate.position(def.location) });
  }
  const bound = (
    unboundedPreceding: number,
    unboundedFollowing: number,
    current: number,
    preceding: number,
    following: number,
    offsetNode: AnyNode | undefined,
    isStart: boolean,
  ): FrameBound => {
    if (o & unboundedPreceding) return { kind: 'unbounded preceding' };
    if (o & unboundedFollowing) return { kind: 'unbounded following' };
    if (o & current) return { kind: 'current row' };
    const kind = o & preceding ? 'offset preceding' : 'offset following';
    if (!(o & (preceding | following)) || !offsetNode) return { kind: 'current row' };
    return transformOffset(pstate, mode, kind, offsetNode, orderBy[0], isStart);
  };
  const start = bound(F.START_UNBOUNDED_PRECEDING, F.START_UNBOUNDED_FOLLOWING, F.START_CURRENT_ROW, F.START_OFFSET_PRECEDING, F.START_OFFSET_FOLLOWING, def.startOffset, true);
  const end = bound(F.END_UNBOUNDED_PRECEDING, F.END_UNBOUNDED_FOLLOWING, F.END_CURRENT_ROW, F.END_OFFSET_PRECEDING, F.END_OFFSET_FOLLOWING, def.endOffset, false);
  const exclude = o & F.EXCLUDE_CURRENT_ROW ? 'current row' : o & F.EXCLUDE_GROUP ? 'group' : o & F.EXCLUDE_TIES ? 'ties' : 'no others';
  return { mode, start, end, exclude, explicit: (o & 0x1) !== 0, between: (o & 0x10) !== 0 };
}

/** The offset type RANGE needs for an ORDER BY key of this (base) type, or undefined. */
function rangeOffsetType(keyType: number): number | undefined {
  switch (keyType) {
    case OID.int2:
    case OID.int4:
    case OID.int8:
      return OID.int8;
    case OID.numeric:
      return OID.numeric;
    case OID.float4:
    case OID.float8:
      return OID.float8;
    case OID.date:
    case OID.time:
    case OID.timetz:
    case OID.timestamp:
    case OID.timestamptz:
    case OID.interval:
      return OID.interval;
    default:
      return undefined;
  }
}

function transformOffset(pstate: ParseState, mode: WindowFrame['mode'], kind: FrameBound['kind'], node: AnyNode, key: SortKey | undefined, isStart: boolean): FrameBound {
  const lastSrf = pstate.lastSrf;
  const raw = transformExpr(pstate, node);
  if (pstate.lastSrf !== lastSrf) {
    throw new PgError(SQLSTATE.feature_not_supported, 'set-returning functions are not allowed in window definitions', { position: pstate.position(pstate.lastSrf?.location) });
  }
  const v = firstVar(raw);
  if (v) {
    throw new PgError(SQLSTATE.invalid_column_reference, `argument of ${mode.toUpperCase()} must not contain variables`, { position: pstate.position(v.location) });
  }
  if (mode !== 'range') {
    if (!canCoerce(pstate.catalog, raw.type, OID.int8, 'assignment')) {
      throw new PgError(SQLSTATE.datatype_mismatch, `argument of ${mode.toUpperCase()} must be type bigint, not type ${formatType(pstate.catalog, raw.type)}`, { position: pstate.position(raw.location) });
    }
    return { kind, offset: coerceTo(pstate, pstate.catalog, raw, OID.int8, -1, 'assignment'), written: raw };
  }
  const k = key as SortKey;
  const keyType = domainBase(pstate.catalog, k.expr.type);
  const offType = rangeOffsetType(keyType);
  // Messages name the sort operator's input type (varchar sorts with text's operators).
  const opcType = keyType === OID.varchar ? OID.text : keyType === OID.cidr ? OID.inet : keyType;
  if (offType === undefined) {
    throw notImplemented(pstate, `RANGE with offset PRECEDING/FOLLOWING is not supported for column type ${formatType(pstate.catalog, opcType)}`, raw.location);
  }
  const offType2 = keyType === OID.int2 || keyType === OID.int4 || keyType === OID.int8 ? (raw.type === OID.int2 || raw.type === OID.int4 ? raw.type : offType) : offType;
  if (!canCoerce(pstate.catalog, raw.type, offType2, 'implicit')) {
    throw new PgError(
      SQLSTATE.feature_not_supported,
      `RANGE with offset PRECEDING/FOLLOWING is not supported for column type ${formatType(pstate.catalog, opcType)} and offset type ${formatType(pstate.catalog, raw.type)}`,
      { hint: 'Cast the offset value to an appropriate type.', position: pstate.position(raw.location) },
    );
  }
  const offset = coerceTo(pstate, pstate.catalog, raw, offType2, -1, 'implicit');
  // Head: the first row with in_range(row, current, offset, sub, less = false); tail: the last with
  // less = true; a descending key flips both.
  const sub = (kind === 'offset preceding') !== k.descending;
  const less = isStart === k.descending;
  return { kind, offset, written: raw, inRange: { keyType, sub, less } };
}

function firstVar(e: Expr): Extract<Expr, { kind: 'Var' }> | undefined {
  let found: Extract<Expr, { kind: 'Var' }> | undefined;
  exprContains(e, (x) => {
    if (x.kind === 'Var' && x.levelsUp === 0 && !found) found = x;
    return found !== undefined;
  });
  return found;
}

/** 0A000 with Postgres's own wording (no "feature not supported:" prefix). */
function notImplemented(pstate: ParseState, message: string, location: number | undefined): PgError {
  return new PgError(SQLSTATE.feature_not_supported, message, { position: pstate.position(location) });
}
