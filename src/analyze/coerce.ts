/**
 * Type coercion: whether a value of one type may become another in a given context (implicit,
 * assignment, explicit), and the expression that does it, with Postgres's rules for unknown
 * literals (typed by their context, read by the target type's input function at analysis time),
 * domains (base type, then the domain's constraints), arrays and typmods.
 *
 * Postgres counterpart: src/backend/parser/parse_coerce.c.
 */
import { multirangeOfRangeIn } from '../types/user-range.js';
import { FIRST_NORMAL_OID } from '../types/oids.js';
import type { Catalog } from '../catalog/catalog.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Const, CoerceExpr, Expr, ExprRuntime } from '../nodes/primnodes.js';
import { CAST_ROWS, type CastContext } from '../types/cast-table.js';
import { OID } from '../types/oids.js';
import { baseTypeOf, builtinTypeOid, formatType, typeInfo, type TypeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import { PgArray, PgRecord } from '../types/values.js';
import { inheritAncestors } from '../catalog/inheritance.js';
import { arrayDomainCheck, castFunction, typmodFunction } from './cast-functions.js';
import { typmodCast } from './special-casts.js';
import { regInput } from './regclass.js';
import { parseArrayText } from '../types/array.js';
import { CITEXT_OID } from '../types/citext.js';
import type { ParseState } from './parse-state.js';

export type CoercionContext = 'implicit' | 'assignment' | 'explicit';

const castIndex = new Map<string, CastContext>();
for (const [s, t, c] of CAST_ROWS) {
  castIndex.set(`${builtinTypeOid(s)}>${builtinTypeOid(t)}`, c);
}

/**
 * Declares a cast an extension's script creates (CREATE CAST ... AS ASSIGNMENT / IMPLICIT or
 * explicit) between types with fixed OIDs; its conversion is registered with registerCast.
 */
export function registerCastContext(from: number, to: number, context: CastContext): void {
  castIndex.set(`${from}>${to}`, context);
}

const ctxRank: Record<CoercionContext, number> = { implicit: 0, assignment: 1, explicit: 2 };
const castRank: Record<CastContext, number> = { i: 0, a: 1, e: 2 };

function isStringCategory(info: TypeInfo): boolean {
  return info.category === 'S';
}

/** Whether `from` can be coerced to `to` in `ctx` (Postgres's can_coerce_type for one pair). */
export function canCoerce(cat: Catalog, from: number, to: number, ctx: CoercionContext): boolean {
  if (from === to) return true;
  if (from === OID.unknown) return true;
  if (to === OID.any || to === OID.anyelement || to === OID.anycompatible) return true;
  const fi = typeInfo(cat, from);
  const ti = typeInfo(cat, to);
  if ((to === OID.anyarray || to === OID.anycompatiblearray) && fi.category === 'A') return true;
  if (to === OID.anynonarray || to === OID.anycompatiblenonarray) return fi.category !== 'A';
  if (to === OID.anyenum) return fi.typtype === 'e';
  if (to === OID.record && (fi.typtype === 'c' || from === OID.record)) return true;
  // A ROW(...) coerces to any composite type (field by field, checked when coercing).
  if (from === OID.record && ti.typtype === 'c') return true;
  // A table's row type coerces implicitly to an inheritance ancestor's (ConvertRowtypeExpr), a
  // typed table's to its type.
  if (inheritedRowtype(cat, fi, ti)) return true;
  // A domain coerces implicitly to its base type.
  if (fi.typtype === 'd' && fi.baseType !== undefined) {
    if (fi.baseType === to) return true;
    return canCoerce(cat, fi.baseType, to, ctx);
  }
  if (ti.typtype === 'd' && ti.baseType !== undefined) {
    // To a domain: as to its base type (but never implicitly from an unrelated type).
    return canCoerce(cat, from, ti.baseType, ctx);
  }
  if (from === CITEXT_OID || to === CITEXT_OID) {
    const other = typeInfo(cat, from === CITEXT_OID ? to : from);
    if (other.oid === OID.text || other.oid === OID.varchar || other.oid === OID.bpchar) return from === CITEXT_OID || ctxRank[ctx] >= 1;
  }
  const c = castIndex.get(`${from}>${to}`);
  if (c !== undefined) return castRank[c] <= ctxRank[ctx];
  // A user range type's explicit cast to its multirange (DefineRange's CastCreate).
  if (fi.typtype === 'r' && ti.typtype === 'm' && from >= FIRST_NORMAL_OID) return ctx === 'explicit' && multirangeOfRangeIn(cat, from)?.oid === to;
  // Arrays: element-wise when the elements coerce.
  if (fi.category === 'A' && ti.category === 'A' && fi.elem !== undefined && ti.elem !== undefined) {
    return canCoerce(cat, fi.elem, ti.elem, ctx);
  }
  // Automatic I/O conversion casts: to a string type is assignment; from a string type is explicit.
  if (isStringCategory(ti) && ctxRank[ctx] >= 1) return true;
  if (isStringCategory(fi) && ctx === 'explicit') return true;
  // enum <-> text only via I/O, explicit; json/jsonb handled by CAST_ROWS.
  if (ctx === 'explicit' && (fi.typtype === 'e' || ti.typtype === 'e') && (isStringCategory(fi) || isStringCategory(ti))) return true;
  return false;
}

/** A Const holding `value` of `type`. */
export function makeConst(type: number, value: Value, typmod = -1, location?: number): Const {
  return { kind: 'Const', type, typmod, value, location };
}

function errorAt(pstate: ParseState | undefined, e: unknown, location: number | undefined): never {
  if (e instanceof PgError && pstate && location !== undefined && e.position === undefined) {
    e.position = pstate.position(location);
  }
  throw e;
}

/**
 * Coerces `expr` to (targetType, targetTypmod). Returns the expression unchanged when types match
 * and no typmod applies. Throws 42846 when no coercion exists in `ctx` (callers that want the
 * "column is of type ..." 42804 message check `canCoerce` first).
 */
export function coerceTo(
  pstate: ParseState | undefined,
  cat: Catalog,
  expr: Expr,
  targetType: number,
  targetTypmod: number,
  ctx: CoercionContext,
  location?: number,
): Expr {
  const from = expr.type;
  const loc = location ?? expr.location;
  if (targetType === OID.any || targetType === OID.anyelement || targetType === OID.anycompatible) return expr;
  if ((targetType === OID.anyarray || targetType === OID.anycompatiblearray || targetType === OID.anynonarray || targetType === OID.anyenum || targetType === OID.record) && from !== OID.unknown) return expr;
  if (from === targetType && (targetTypmod < 0 || targetTypmod === expr.typmod)) return expr;

  // Parameters of undetermined type take the target type.
  if (expr.kind === 'Param' && from === OID.unknown && pstate) {
    pstate.stmt.paramTypes[expr.index] = targetType;
    const p: Expr = { ...expr, type: targetType, typmod: -1 };
    return applyTypmodAndDomain(pstate, cat, p, targetType, targetTypmod, ctx, loc);
  }
  // Unknown literals: run the target type's input function now (Postgres folds them at parse time).
  if (expr.kind === 'Const' && from === OID.unknown) {
    const ti = typeInfo(cat, targetType);
    const baseInfo = ti.typtype === 'd' && ti.baseType !== undefined ? typeInfo(cat, domainBase(cat, targetType)) : ti;
    let value: Value = null;
    if (expr.value !== null) {
      try {
        // As Postgres's coerce_type: read with typmod -1 (interval excepted) and apply the length
        // coercion afterwards with the context's rules (explicit casts truncate, assignments fail).
        const typmodForInput = baseInfo.oid === OID.interval ? (ti.typtype === 'd' ? domainBaseTypmod(cat, targetType) : targetTypmod) : -1;
        const rt = pstate ? { params: [], session: pstate.stmt.session } : undefined;
        const regIn = rt ? regInput(baseInfo.oid) : undefined;
        const regElemIn = rt && baseInfo.category === 'A' && baseInfo.elem !== undefined ? regInput(baseInfo.elem) : undefined;
        if (regIn && rt) value = regIn(rt, expr.value as string);
        else if (regElemIn && rt) value = parseArrayText(expr.value as string, ',', (s) => regElemIn(rt, s));
        else value = baseInfo.io.input(expr.value as string, typmodForInput, pstate?.stmt.session.io ?? defaultIo());
      } catch (e) {
        errorAt(pstate, e, loc);
      }
    }
    if (ti.typtype === 'd') {
      const baseOid = baseInfo.oid;
      const bt = domainBaseTypmod(cat, targetType);
      const inner: Const = { kind: 'Const', type: baseOid, typmod: baseOid === OID.interval ? bt : -1, value, location: expr.location };
      const sized = bt >= 0 && baseOid !== OID.interval ? applyTypmodAndDomain(pstate, cat, inner, baseOid, bt, ctx, loc) : inner;
      return wrapDomainCheck(cat, sized, targetType, loc);
    }
    const c: Const = { kind: 'Const', type: targetType, typmod: baseInfo.oid === OID.interval ? targetTypmod : -1, value, location: expr.location };
    // An array of a domain: its input reads each element with the domain's input, which checks it.
    const elemCheck = value === null ? undefined : arrayDomainCheck(cat, targetType);
    if (elemCheck) {
      if (!pstate) return { kind: 'CoerceExpr', arg: c, fn: elemCheck, type: targetType, typmod: c.typmod, form: ctx, location: loc };
      try {
        elemCheck(value, { params: [], session: pstate.stmt.session });
      } catch (e) {
        errorAt(pstate, e, loc);
      }
    }
    if (targetTypmod >= 0 && c.typmod !== targetTypmod) return applyTypmodAndDomain(pstate, cat, c, targetType, targetTypmod, ctx, loc);
    return c;
  }
  if (from === OID.record && targetType !== OID.record && typeInfo(cat, targetType).typtype === 'c') {
    return coerceRecordToComplex(pstate, cat, expr, targetType, ctx, loc);
  }
  const convert = inheritedRowtype(cat, typeInfo(cat, from), typeInfo(cat, targetType));
  if (convert) {
    const ce: CoerceExpr = { kind: 'CoerceExpr', arg: expr, fn: convert, type: targetType, typmod: -1, form: ctx, location: loc };
    return constFold(ce, pstate, loc);
  }
  if (!canCoerce(cat, from, targetType, ctx)) {
    const e = new PgError(
      SQLSTATE.cannot_coerce,
      `cannot cast type ${formatType(cat, from)} to ${formatType(cat, targetType, targetTypmod)}`,
    );
    errorAt(pstate, e, loc);
  }
  const fi = typeInfo(cat, from);
  const ti = typeInfo(cat, targetType);
  // Domain source: relabel to base first.
  if (fi.typtype === 'd' && fi.baseType !== undefined && from !== targetType) {
    const relabeled: Expr = { ...expr, type: domainBase(cat, from), typmod: domainBaseTypmod(cat, from) } as Expr;
    return coerceTo(pstate, cat, relabeled, targetType, targetTypmod, ctx, location);
  }
  if (ti.typtype === 'd' && ti.baseType !== undefined) {
    const base = domainBase(cat, targetType);
    const inner = coerceTo(pstate, cat, expr, base, domainBaseTypmod(cat, targetType), ctx, location);
    return wrapDomainCheck(cat, inner, targetType, loc);
  }
  let out: Expr = expr;
  const withTypmod = from !== targetType ? typmodCast(from, targetType) : undefined;
  if (withTypmod) {
    const ce: CoerceExpr = { kind: 'CoerceExpr', arg: expr, fn: withTypmod(targetTypmod), type: targetType, typmod: targetTypmod, form: ctx, location: loc };
    return constFold(ce, pstate, loc);
  }
  if (from !== targetType) {
    const conv = castFunction(cat, fi, ti, ctx);
    const ce: CoerceExpr = {
      kind: 'CoerceExpr',
      arg: expr,
      fn: conv,
      type: targetType,
      typmod: -1,
      form: ctx,
      location: loc,
      collation: ti.category === 'S' ? (expr.collation ?? 'default') : undefined,
    };
    out = constFold(ce, pstate, loc);
  }
  return applyTypmodAndDomain(pstate, cat, out, targetType, targetTypmod, ctx, loc);
}

/**
 * When `from` is the row type of a table that inherits (directly or not) from the table whose
 * row type is `to`: the conversion of a child row to the parent's columns, matched by name
 * (Postgres's ConvertRowtypeExpr, e.g. `child::parent` or a child row passed to a function
 * taking the parent's type).
 */
function inheritedRowtype(cat: Catalog, fi: TypeInfo, ti: TypeInfo): ((v: Value) => Value) | undefined {
  if (fi.typtype !== 'c' || ti.typtype !== 'c' || fi.relation === undefined || ti.relation === undefined || fi.relation === ti.relation) return undefined;
  const child = cat.relations.get(fi.relation);
  const parent = cat.relations.get(ti.relation);
  // A typed table's row type is its type's (parse_coerce.c typeIsOfTypedTable): same columns, relabeled.
  if (child?.ofType === ti.oid && parent) {
    const live = parent.columns.filter((c) => !c.dropped);
    const [names, types] = [live.map((c) => c.name), live.map((c) => c.type)];
    return (v) => (v instanceof PgRecord ? new PgRecord(v.fields, names, types) : v);
  }
  if (!child?.inhParents?.length || !parent || !inheritAncestors(cat, child).some((r) => r.oid === parent.oid)) return undefined;
  const childLive = child.columns.filter((c) => !c.dropped);
  const parentLive = parent.columns.filter((c) => !c.dropped);
  const idx = parentLive.map((c) => childLive.findIndex((x) => x.name === c.name));
  const names = parentLive.map((c) => c.name);
  const types = parentLive.map((c) => c.type);
  return (v) => (v instanceof PgRecord ? new PgRecord(idx.map((i) => (i < 0 ? null : (v.fields[i] ?? null))), names, types) : v);
}

function defaultIo(): import('../types/type-io.js').IoContext {
  return { timeZone: 'UTC', dateStyle: 'ISO, MDY', intervalStyle: 'postgres', extraFloatDigits: 1, byteaOutput: 'hex' };
}

function applyTypmodAndDomain(
  pstate: ParseState | undefined,
  cat: Catalog,
  expr: Expr,
  targetType: number,
  targetTypmod: number,
  ctx: CoercionContext,
  loc: number | undefined,
): Expr {
  if (targetTypmod < 0 || targetTypmod === expr.typmod) return expr.typmod === targetTypmod ? expr : { ...expr, typmod: expr.typmod } as Expr;
  const tf = typmodFunction(cat, targetType, targetTypmod, ctx === 'explicit');
  if (!tf) return { ...expr, typmod: targetTypmod } as Expr;
  const ce: CoerceExpr = {
    kind: 'CoerceExpr',
    arg: expr,
    fn: tf,
    type: targetType,
    typmod: targetTypmod,
    form: ctx,
    location: loc,
    collation: expr.collation,
  };
  return constFold(ce, pstate, loc);
}

/**
 * The typmod a domain chain applies to its base type: that of the domain declared directly over
 * the base (a domain over a domain has none of its own), as Postgres's getBaseTypeAndTypmod.
 */
export function domainBaseTypmod(cat: Catalog, oid: number): number {
  let info = typeInfo(cat, oid);
  let typmod = -1;
  while (info.typtype === 'd' && info.baseType !== undefined) {
    typmod = info.baseTypmod ?? -1;
    info = typeInfo(cat, info.baseType);
  }
  return typmod;
}

/** Follows a domain chain to its base type. */
export function domainBase(cat: Catalog, oid: number): number {
  return baseTypeOf(cat, oid);
}

/** Wraps `expr` (already of the base type) in the domain's NOT NULL and CHECK tests. */
export function wrapDomainCheck(cat: Catalog, expr: Expr, domainType: number, loc: number | undefined): Expr {
  const check = domainCheckFunction(cat, domainType);
  return {
    kind: 'CoerceExpr',
    arg: expr,
    fn: check,
    handlesNull: true,
    type: domainType,
    typmod: -1,
    form: 'implicit',
    location: loc,
    collation: expr.collation,
  };
}

/** Set by the executor module at load time: evaluates a domain's constraints on a value. */
let domainCheckFactory: ((cat: Catalog, domainType: number) => (v: Value, rt: ExprRuntime) => Value) | undefined;
export function setDomainCheckFactory(f: typeof domainCheckFactory): void {
  domainCheckFactory = f;
}
export function domainCheckFunction(cat: Catalog, domainType: number): (v: Value, rt: ExprRuntime) => Value {
  if (!domainCheckFactory) throw new Error('fauxgres internal: domain checks not wired');
  return domainCheckFactory(cat, domainType);
}

/** Folds a coercion of a constant at analysis time (as Postgres's eval_const_expressions does). */
function constFold(ce: CoerceExpr, pstate: ParseState | undefined, loc: number | undefined): Expr {
  const arg = ce.arg;
  if (arg.kind !== 'Const' || ce.handlesNull) return ce;
  if (arg.value === null) return { kind: 'Const', type: ce.type, typmod: ce.typmod, value: null, location: arg.location, collation: ce.collation };
  if (!pstate || pstate.stmt.noFold) return ce;
  // Errors here surface in Postgres from the planner's constant folding: no position.
  void loc;
  const v = ce.fn(arg.value, { params: [], session: pstate.stmt.session });
  return { kind: 'Const', type: ce.type, typmod: ce.typmod, value: v, location: arg.location, collation: ce.collation };
}

/** Builds an array value coercion: applies `elemFn` to each element. */
export function mapArray(arr: PgArray, elemFn: (v: Value) => Value): PgArray {
  return new PgArray(arr.items.map((x) => (x === null ? null : elemFn(x))), arr.dims, arr.lbounds);
}

/**
 * Postgres's select_common_type: the type a set of expressions (CASE branches, UNION columns,
 * VALUES columns, COALESCE args, ARRAY elements) resolves to. Throws 42804 with `context`
 * (`CASE`, `UNION`, `VALUES`, `COALESCE`, `ARRAY`) when they cannot be matched.
 */
export function selectCommonType(pstate: ParseState, exprs: readonly Expr[], context: string): number {
  const cat = pstate.catalog;
  let ptype = OID.unknown as number;
  let pexpr: Expr | undefined;
  for (const e of exprs) {
    if (e.type !== OID.unknown) {
      ptype = e.type;
      pexpr = e;
      break;
    }
  }
  if (ptype === OID.unknown) return ['UNION', 'INTERSECT', 'EXCEPT'].includes(context) ? OID.unknown : OID.text;
  ptype = domainBase(cat, ptype) === ptype ? ptype : allSame(exprs, ptype) ? ptype : domainBase(cat, ptype);
  let pcategory = typeInfo(cat, ptype).category;
  let pispreferred = typeInfo(cat, ptype).preferred;
  for (const e of exprs) {
    if (e === pexpr) continue;
    let ntype = e.type;
    if (ntype === OID.unknown || ntype === ptype) continue;
    ntype = domainBase(cat, ntype);
    if (ntype === ptype) continue;
    const ni = typeInfo(cat, ntype);
    if (ni.category !== pcategory) {
      throw new PgError(
        SQLSTATE.datatype_mismatch,
        `${context} types ${formatType(cat, ptype)} and ${formatType(cat, ntype)} cannot be matched`,
        { position: pstate.position(e.location) },
      );
    }
    if (!pispreferred && canCoerce(cat, ptype, ntype, 'implicit') && !canCoerce(cat, ntype, ptype, 'implicit')) {
      ptype = ntype;
      pcategory = ni.category;
      pispreferred = ni.preferred;
    }
  }
  return ptype;
}

function allSame(exprs: readonly Expr[], t: number): boolean {
  return exprs.every((e) => e.type === t || e.type === OID.unknown);
}

/** Coerces every expression to `type` for a common-type context, with Postgres's 42846/42804 errors. */
export function coerceToCommon(pstate: ParseState, exprs: readonly Expr[], type: number, context: string): Expr[] {
  const cat = pstate.catalog;
  return exprs.map((e) => {
    if (e.type === type) return e;
    if (!canCoerce(cat, e.type, type, 'implicit')) {
      throw new PgError(
        SQLSTATE.datatype_mismatch,
        `${context} could not convert type ${formatType(cat, e.type)} to ${formatType(cat, type)}`,
        { position: pstate.position(e.location) },
      );
    }
    return coerceTo(pstate, cat, e, type, -1, 'implicit');
  });
}

/**
 * ROW(...) to a composite type: each field coerced to its attribute's type in the same context
 * (Postgres's coerce_record_to_complex); any other record-valued expression cannot be cast.
 */
function coerceRecordToComplex(pstate: ParseState | undefined, cat: Catalog, expr: Expr, targetType: number, ctx: CoercionContext, loc: number | undefined): Expr {
  const fail = (detail?: string): never =>
    errorAt(pstate, new PgError(SQLSTATE.cannot_coerce, `cannot cast type ${formatType(cat, expr.type)} to ${formatType(cat, targetType)}`, detail ? { detail } : {}), loc);
  if (expr.kind !== 'RowExpr') return fail();
  const relOid = typeInfo(cat, targetType).relation as number;
  const cols = cat.relation(relOid).columns.filter((c) => !c.dropped);
  const args = expr.rawArgs ?? expr.args;
  const out: Expr[] = [];
  for (let i = 0; i < cols.length; i++) {
    if (i >= args.length) fail('Input has too few columns.');
    const a = args[i];
    const c = cols[i];
    if (!canCoerce(cat, a.type, c.type, ctx)) {
      fail(`Cannot cast type ${formatType(cat, a.type)} to ${formatType(cat, c.type, c.typmod)} in column ${i + 1}.`);
    }
    out.push(coerceTo(pstate, cat, a, c.type, c.typmod, ctx, a.location ?? loc));
  }
  if (args.length > cols.length) fail('Input has too many columns.');
  return { kind: 'RowExpr', args: out, type: targetType, typmod: -1, location: loc ?? expr.location, fieldNames: cols.map((c) => c.name) };
}
