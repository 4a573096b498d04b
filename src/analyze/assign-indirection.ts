/**
 * Assignment through indirection: `UPDATE t SET arr[2] = x, arr[1:2] = ..., doc['a']['b'] = ...,
 * addr.city = ..., comp.arr[1] = ...` and `INSERT INTO t (arr[1], addr.city) ...`. The target
 * column's new value is an expression over its current value (UPDATE) or NULL (INSERT): fields
 * replaced in a copy of the record, elements or slices set in a copy of the array, paths set in
 * the jsonb document, nested to any depth. A domain over an array or composite type is
 * re-checked after each assignment into it (a column's own domain once, after all of them). Several assignments to one column apply in order,
 * each on the previous one's result (the rewriter's process_matched_tle nesting).
 *
 * Postgres counterpart: transformAssignmentIndirection / transformAssignmentSubscripts in
 * src/backend/parser/parse_target.c, array_subscript_transform (arraysubs.c),
 * jsonb_subscript_transform (jsonbsubs.c); the runtime in execExprInterp.c (FieldStore,
 * SubscriptingRef assignment with the old value fetched for nested steps).
 */
import { hstoreSubscriptKey, jsonbSubscriptType } from './indirection.js';
import { EMPTY_HSTORE, HSTORE_OID, hstoreSet, type Hstore } from '../types/hstore.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { CoerceExpr, Expr, ExprRuntime } from '../nodes/primnodes.js';
import type { FunctionImpl } from '../functions/registry.js';
import { arraySetElement, arraySetSlice } from '../types/array-assign.js';
import { jsonbAssign } from '../types/jsonb/assign.js';
import type { JsonbValue } from '../types/jsonb/value.js';
import { OID } from '../types/oids.js';
import { formatType, typeInfo } from '../types/registry.js';
import { PgArray, PgRecord, type Value } from '../types/values.js';

import { canCoerce, coerceTo, domainBase, wrapDomainCheck } from './coerce.js';
import { nodeKind, transformExpr } from './expr.js';
import type { ParseState } from './parse-state.js';
import { compositeFields } from './record-fields.js';
import { geoAssign, geoFetch, geoSubscriptElem } from '../types/geo/geo-subscript.js';

type AnyNode = Record<string, any>;

const MAXDIM = 6;

/** One step of the assignment: how to build the new value from the old one (args by position). */
type Step =
  | { kind: 'value'; arg: number }
  | { kind: 'field'; index: number; nfields: number; names?: readonly string[]; types?: readonly number[]; next: Step; check?: DomainCheck }
  | { kind: 'element'; subs: number[]; next: Step; check?: DomainCheck }
  | { kind: 'slice'; lower: (number | undefined)[]; upper: (number | undefined)[]; next: Step; check?: DomainCheck }
  | { kind: 'jsonb'; subs: number[]; firstIsInteger: boolean; next: Step; check?: DomainCheck }
  | { kind: 'hstore'; key: number; next: Step; check?: DomainCheck }
  | { kind: 'geo'; type: number; subs: number[]; next: Step; check?: DomainCheck };

type DomainCheck = (v: Value, rt: ExprRuntime) => Value;

/** What built an assignment expression: its base (the column, or an earlier assignment) and steps. */
interface AssignInfo {
  base: Expr;
  step: Step;
  args: Expr[];
  /** The compiled steps (replaced when a later assignment to the column takes over the domain check). */
  run: ReturnType<typeof compileStep>;
}
const ASSIGNMENTS = new WeakMap<Expr, AssignInfo>();

/** True when `e` is an assignment through indirection (so another one may be nested on it). */
export function isIndirectAssignment(e: Expr): boolean {
  return ASSIGNMENTS.has(e);
}

/**
 * What an assigned value reads, for privilege checks: the subscripts and values of an assignment
 * through indirection but not the column it assigns into (Postgres fetches the old value without
 * requiring SELECT on it); any other expression reads itself.
 */
export function assignmentReads(e: Expr): Expr[] {
  const info = ASSIGNMENTS.get(e);
  if (!info) return [e];
  const rest = info.args.slice(1);
  return ASSIGNMENTS.has(info.base) ? [...rest, ...assignmentReads(info.base)] : rest;
}

/**
 * The new value of column `colName` (of type `type`/`typmod`) after `col<indirection> = rhs`,
 * computed from `base` (the column's current value, NULL for INSERT, or an earlier assignment to
 * the same column). `location` is the target's position (errors point at it).
 */
export function transformAssignmentIndirection(
  ps: ParseState,
  base: Expr,
  colName: string,
  type: number,
  typmod: number,
  indirection: AnyNode[],
  rhs: Expr,
  location: number | undefined,
): Expr {
  // An earlier assignment to the same column: the column's domain is checked once, on the final
  // value (the rewriter's process_matched_tle strips the inner CoerceToDomain).
  // (INSERT evaluates the earlier one too, as its own target entry: it loses the check as well.)
  const prior = ASSIGNMENTS.get(base);
  if (prior && prior.step.kind !== 'value' && prior.step.check) {
    prior.step = { ...prior.step, check: undefined };
    prior.run = compileStep(prior.step);
  }
  const args: Expr[] = [base];
  const step = buildSteps(ps, args, colName, false, type, typmod, indirection, 0, rhs, location);
  const info: AssignInfo = { base, step, args, run: compileStep(step) };
  const fn: FunctionImpl = {
    name: 'assignment_indirection',
    argTypes: args.map((a) => a.type),
    returnType: type,
    strict: false,
    volatility: 'i',
    fn: (vals: Value[], rt: ExprRuntime) => info.run(vals[0], vals, rt),
  } as FunctionImpl;
  const e: Expr = { kind: 'FuncExpr', name: 'assignment_indirection', fn, args, type, typmod, location, collation: base.collation } as Expr;
  ASSIGNMENTS.set(e, info);
  return e;
}

function buildSteps(
  ps: ParseState,
  args: Expr[],
  targetName: string,
  targetIsSubscripting: boolean,
  type: number,
  typmod: number,
  ind: AnyNode[],
  from: number,
  rhs: Expr,
  location: number | undefined,
): Step {
  const cat = ps.catalog;
  const subs: AnyNode[] = [];
  for (let i = from; i < ind.length; i++) {
    const [k, b] = nodeKind(ind[i]);
    if (k === 'A_Indices') {
      subs.push(b);
      continue;
    }
    if (k === 'A_Star') throw new PgError(SQLSTATE.feature_not_supported, 'row expansion via "*" is not supported here', { position: ps.position(location) });
    if (subs.length) return subscriptSteps(ps, args, targetName, type, typmod, subs, ind, i, rhs, location);
    const name = b.sval as string;
    const baseType = domainBase(cat, type);
    const fields = compositeFields(cat, baseType);
    if (!fields) {
      throw new PgError(SQLSTATE.datatype_mismatch, `cannot assign to field "${name}" of column "${targetName}" because its type ${formatType(cat, type)} is not a composite type`, {
        position: ps.position(location),
      });
    }
    const index = fields.findIndex((f) => f.name === name);
    if (index < 0) {
      if (['ctid', 'xmin', 'xmax', 'cmin', 'cmax', 'tableoid'].includes(name)) {
        throw new PgError(SQLSTATE.feature_not_supported, `cannot assign to system column "${name}"`, { position: ps.position(location) });
      }
      throw new PgError(SQLSTATE.undefined_column, `cannot assign to field "${name}" of column "${targetName}" because there is no such column in data type ${formatType(cat, type)}`, {
        position: ps.position(location),
      });
    }
    const f = fields[index];
    const next = buildSteps(ps, args, name, false, f.type, f.typmod, ind, i + 1, rhs, location);
    return {
      kind: 'field',
      index,
      nfields: fields.length,
      names: fields.map((x) => x.name),
      types: fields.map((x) => x.type),
      next,
      check: baseType !== type ? domainCheck(ps, type, location) : undefined,
    };
  }
  if (subs.length) return subscriptSteps(ps, args, targetName, type, typmod, subs, ind, ind.length, rhs, location);
  // The base case: the right-hand side coerced to the target's type.
  if (rhs.type !== OID.unknown && rhs.type !== type && !canCoerce(cat, rhs.type, type, 'assignment')) {
    const message = targetIsSubscripting
      ? `subscripted assignment to "${targetName}" requires type ${formatType(cat, type)} but expression is of type ${formatType(cat, rhs.type)}`
      : `subfield "${targetName}" is of type ${formatType(cat, type)} but expression is of type ${formatType(cat, rhs.type)}`;
    throw new PgError(SQLSTATE.datatype_mismatch, message, { hint: 'You will need to rewrite or cast the expression.', position: ps.position(location) });
  }
  args.push(coerceTo(ps, cat, rhs, type, typmod, 'assignment', rhs.location));
  return { kind: 'value', arg: args.length - 1 };
}

function domainCheck(ps: ParseState, domainType: number, location: number | undefined): DomainCheck {
  const probe: Expr = { kind: 'Const', value: null, type: domainBase(ps.catalog, domainType), typmod: -1 } as Expr;
  return (wrapDomainCheck(ps.catalog, probe, domainType, location) as CoerceExpr).fn;
}

function subscriptSteps(
  ps: ParseState,
  args: Expr[],
  targetName: string,
  type: number,
  typmod: number,
  subs: AnyNode[],
  ind: AnyNode[],
  next: number,
  rhs: Expr,
  location: number | undefined,
): Step {
  const cat = ps.catalog;
  const baseType = domainBase(cat, type);
  const check = baseType !== type ? domainCheck(ps, type, location) : undefined;
  if (baseType === OID.jsonb) {
    const idx: number[] = [];
    let firstIsInteger = false;
    subs.forEach((s, i) => {
      if (s.is_slice) {
        const at = s.uidx ?? s.lidx;
        throw new PgError(SQLSTATE.datatype_mismatch, 'jsonb subscript does not support slices', { position: at ? ps.position(transformExpr(ps, at).location) : undefined });
      }
      const x = transformExpr(ps, s.uidx);
      const target = jsonbSubscriptType(ps, x);
      if (i === 0) firstIsInteger = target === OID.int4;
      args.push(coerceTo(ps, cat, x, target, -1, 'implicit'));
      idx.push(args.length - 1);
    });
    const nextStep = buildSteps(ps, args, targetName, true, OID.jsonb, -1, ind, next, rhs, location);
    return { kind: 'jsonb', subs: idx, firstIsInteger, next: nextStep, check };
  }
  if (baseType === HSTORE_OID) {
    // hstore_subs.c: one text key; the value is stored as text.
    if (subs.length !== 1 || subs[0].is_slice) throw new PgError(SQLSTATE.feature_not_supported, 'hstore allows only one subscript');
    args.push(hstoreSubscriptKey(ps, [{ isSlice: false }], transformExpr(ps, subs[0].uidx)));
    const key = args.length - 1;
    const nextStep = buildSteps(ps, args, targetName, true, OID.text, -1, ind, next, rhs, location);
    return { kind: 'hstore', key, next: nextStep, check };
  }
  const geo = geoSubscriptElem(baseType);
  if (geo) {
    // A fixed-length geometric type: a 0-based one-dimensional array of its elements.
    const idx = subs.map((s) => {
      const x = transformExpr(ps, s.uidx);
      args.push(coerceTo(ps, cat, x, OID.int4, -1, 'assignment'));
      return args.length - 1;
    });
    const nextStep = buildSteps(ps, args, targetName, true, geo.elem, -1, ind, next, rhs, location);
    return { kind: 'geo', type: baseType, subs: idx, next: nextStep, check };
  }
  const info = typeInfo(cat, baseType);
  if (info.category !== 'A' || info.elem === undefined) {
    throw new PgError(SQLSTATE.datatype_mismatch, `cannot subscript type ${formatType(cat, type)} because it does not support subscripting`, {
      position: ps.position(location),
    });
  }
  if (subs.length > MAXDIM) {
    // (no position: Postgres's array_subscript_transform reports none)
    throw new PgError(SQLSTATE.program_limit_exceeded, `number of array dimensions (${subs.length}) exceeds the maximum allowed (${MAXDIM})`);
  }
  const isSlice = subs.some((s) => s.is_slice);
  const conv = (n: AnyNode | undefined): number | undefined => {
    if (!n) return undefined;
    const x = transformExpr(ps, n);
    if (x.type !== OID.unknown && x.type !== OID.int4 && !canCoerce(cat, x.type, OID.int4, 'assignment')) {
      throw new PgError(SQLSTATE.datatype_mismatch, 'array subscript must have type integer', { position: ps.position(x.location) });
    }
    args.push(coerceTo(ps, cat, x, OID.int4, -1, 'assignment'));
    return args.length - 1;
  };
  if (!isSlice) {
    const idx = subs.map((s) => conv(s.uidx) as number);
    const nextStep = buildSteps(ps, args, targetName, true, info.elem, typmod, ind, next, rhs, location);
    return { kind: 'element', subs: idx, next: nextStep, check };
  }
  const lower: (number | undefined)[] = [];
  const upper: (number | undefined)[] = [];
  for (const s of subs) {
    if (s.is_slice) {
      lower.push(conv(s.lidx));
      upper.push(conv(s.uidx));
    } else {
      // A plain subscript among slices is the slice 1:n.
      args.push({ kind: 'Const', value: 1, type: OID.int4, typmod: -1 } as Expr);
      lower.push(args.length - 1);
      upper.push(conv(s.uidx));
    }
  }
  const nextStep = buildSteps(ps, args, targetName, true, baseType, typmod, ind, next, rhs, location);
  return { kind: 'slice', lower, upper, next: nextStep, check };
}

type StepFn = (old: Value, vals: Value[], rt: ExprRuntime) => Value;

function nullSubscript(kind: 'array' | 'jsonb' | 'hstore'): PgError {
  return new PgError(SQLSTATE.null_value_not_allowed, `${kind} subscript in assignment must not be null`);
}

function compileStep(s: Step): StepFn {
  switch (s.kind) {
    case 'value': {
      const i = s.arg;
      return (_old, vals) => vals[i];
    }
    case 'field': {
      const next = compileStep(s.next);
      const { index, nfields, names, types, check } = s;
      return (old, vals, rt) => {
        const r = old as PgRecord | null;
        const out = r ? [...r.fields] : new Array<Value>(nfields).fill(null);
        out[index] = next(out[index] ?? null, vals, rt);
        const v = new PgRecord(out, r?.names ?? names, r?.types ?? types);
        return check ? check(v, rt) : v;
      };
    }
    case 'element': {
      const next = compileStep(s.next);
      const { subs, check } = s;
      return (old, vals, rt) => {
        const indx = subs.map((i) => {
          const x = vals[i];
          if (x === null) throw nullSubscript('array');
          return x as number;
        });
        const a = old as PgArray | null;
        let cur: Value = null;
        if (a && a.dims.length === indx.length) {
          let off = 0;
          let inside = true;
          for (let d = 0; d < indx.length && inside; d++) {
            const k = indx[d] - a.lbounds[d];
            if (k < 0 || k >= a.dims[d]) inside = false;
            else off = off * a.dims[d] + k;
          }
          if (inside) cur = a.items[off] ?? null;
        }
        const v = arraySetElement(a, indx, next(cur, vals, rt));
        return check ? check(v, rt) : v;
      };
    }
    case 'slice': {
      const next = compileStep(s.next);
      const { lower, upper, check } = s;
      return (old, vals, rt) => {
        const get = (i: number | undefined) => {
          if (i === undefined) return undefined;
          const x = vals[i];
          if (x === null) throw nullSubscript('array');
          return x as number;
        };
        const lo = lower.map(get);
        const hi = upper.map(get);
        // A nested assignment into a slice starts from the slice's current contents.
        const nested = s.next.kind !== 'value';
        const cur = nested && old !== null ? currentSlice(old as PgArray, lo, hi) : null;
        const src = next(cur, vals, rt) as PgArray | null;
        const v = arraySetSlice(old as PgArray | null, lo, hi, src);
        if (v === null) return null;
        return check ? check(v, rt) : v;
      };
    }
    case 'geo': {
      const next = compileStep(s.next);
      const { type, subs, check } = s;
      return (old, vals, rt) => {
        // arraysubs.c: a NULL container or value leaves the container as it was.
        if (subs.some((k) => vals[k] === null)) throw nullSubscript('array');
        if (old === null) return old;
        if (subs.length !== 1) throw new PgError(SQLSTATE.array_subscript_error, 'wrong number of array subscripts');
        const i = vals[subs[0]];
        const x = next(geoFetch(type, old, i as number), vals, rt);
        if (x === null) return old;
        const v = geoAssign(type, old, i as number, x);
        return check ? check(v, rt) : v;
      };
    }
    case 'hstore': {
      const next = compileStep(s.next);
      const { key, check } = s;
      return (old, vals, rt) => {
        const k = vals[key];
        if (k === null) throw nullSubscript('hstore');
        const v = hstoreSet((old as Hstore | null) ?? EMPTY_HSTORE, k as string, next(null, vals, rt) as string | null);
        return check ? check(v, rt) : v;
      };
    }
    case 'jsonb': {
      const next = compileStep(s.next);
      const { subs, firstIsInteger, check } = s;
      return (old, vals, rt) => {
        const path = subs.map((i) => {
          const x = vals[i];
          if (x === null) throw nullSubscript('jsonb');
          return String(x);
        });
        // Consecutive subscripts form one path, so the value assigned is always the right-hand side.
        const nv = next(null, vals, rt) as JsonbValue | null;
        const v = jsonbAssign(old as JsonbValue | null, path, firstIsInteger, nv);
        return check ? check(v, rt) : v;
      };
    }
  }
}

function currentSlice(a: PgArray, lo: (number | undefined)[], hi: (number | undefined)[]): PgArray | null {
  if (a.dims.length !== lo.length) return null;
  const items: Value[] = [];
  const l = lo.map((x, d) => Math.max(x ?? a.lbounds[d], a.lbounds[d]));
  const u = hi.map((x, d) => Math.min(x ?? a.lbounds[d] + a.dims[d] - 1, a.lbounds[d] + a.dims[d] - 1));
  if (l.some((x, d) => x > u[d])) return PgArray.of([]);
  const idx = l.slice();
  for (;;) {
    let off = 0;
    for (let d = 0; d < a.dims.length; d++) off = off * a.dims[d] + (idx[d] - a.lbounds[d]);
    items.push(a.items[off] ?? null);
    let d = a.dims.length - 1;
    for (; d >= 0; d--) {
      if (++idx[d] <= u[d]) break;
      idx[d] = l[d];
    }
    if (d < 0) break;
  }
  return new PgArray(items, l.map((x, d) => u[d] - x + 1));
}

/** `SET a[i] = DEFAULT` / `SET c.f = DEFAULT` (and INSERT's), which Postgres refuses. */
export function defaultThroughIndirection(ps: ParseState, rt: AnyNode): PgError {
  const first = nodeKind((rt.indirection as AnyNode[])[0])[0];
  const what = first === 'A_Indices' ? 'an array element' : 'a subfield';
  return new PgError(SQLSTATE.feature_not_supported, `cannot set ${what} to DEFAULT`, { position: ps.position(rt.location) });
}
