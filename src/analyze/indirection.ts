/**
 * `expr[i]`, `expr[lo:hi]`, `(expr).field`: array subscripts and composite field selection.
 * Postgres counterpart: parse_expr.c transformIndirection, parse_node.c transformContainerSubscripts.
 */
import { HSTORE_OID, type Hstore } from '../types/hstore.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import { OID } from '../types/oids.js';
import { formatType, typeInfo } from '../types/registry.js';
import { canCoerce, coerceTo, domainBase } from './coerce.js';
import type { FunctionImpl } from '../functions/registry.js';
import { jsonbGetPath } from '../types/jsonb/access.js';
import type { JsonbValue } from '../types/jsonb/value.js';
import { columnNotationCall, transformExpr, nodeKind } from './expr.js';
import type { ParseState } from './parse-state.js';
import { expandFields, selectField } from './record-fields.js';
import { geoFetch, geoSubscriptElem } from '../types/geo/geo-subscript.js';

type AnyNode = Record<string, any>;

export function transformIndirection(pstate: ParseState, n: AnyNode): Expr {
  if (n.searchDepth) {
    // The depth of a SEARCH BREADTH FIRST sequence record (search-cycle.ts builds this node; SQL cannot).
    const arg = transformExpr(pstate, n.arg);
    return { kind: 'FieldSelect', arg, fieldIndex: 0, type: OID.int8, typmod: -1 };
  }
  return applyIndirection(pstate, n, transformExpr(pstate, n.arg), n.indirection as AnyNode[]);
}

/**
 * `(expr).*` (the indirection ends in a star): the expansion, one entry per field; undefined when
 * `n` is not such an indirection.
 */
export function expandIndirectionStar(pstate: ParseState, n: AnyNode): { expr: Expr; name: string }[] | undefined {
  const [k, body] = nodeKind(n);
  if (k !== 'A_Indirection') return undefined;
  const ind = body.indirection as AnyNode[];
  if (!ind.length || !nodeKind(ind[ind.length - 1])[0].startsWith('A_Star')) return undefined;
  const base = applyIndirection(pstate, body, transformExpr(pstate, body.arg), ind.slice(0, -1));
  return expandFields(pstate, base, base.location);
}

function applyIndirection(pstate: ParseState, n: AnyNode, e0: Expr, ind: AnyNode[]): Expr {
  let e = e0;
  // Subscripts as written (transformed, not yet coerced: arrays take int4, jsonb int4 or text).
  let subs: { lower?: Expr; upper?: Expr; isSlice: boolean; node: AnyNode }[] = [];
  const flush = () => {
    if (!subs.length) return;
    const base = domainBase(pstate.catalog, e.type);
    if (base === OID.jsonb) {
      e = jsonbSubscript(pstate, e, subs);
      subs = [];
      return;
    }
    if (base === HSTORE_OID) {
      e = hstoreSubscript(pstate, e, subs);
      subs = [];
      return;
    }
    const geo = geoSubscriptElem(base);
    if (geo) {
      e = geoSubscript(pstate, e, base, geo.elem, subs);
      subs = [];
      return;
    }
    const info = typeInfo(pstate.catalog, base);
    if (info.category !== 'A' || info.elem === undefined) {
      throw new PgError(SQLSTATE.datatype_mismatch, `cannot subscript type ${formatType(pstate.catalog, e.type)} because it does not support subscripting`, {
        position: pstate.position(e.location),
      });
    }
    // Postgres's array_subscript_transform: no more subscripts than an array has dimensions.
    if (subs.length > 6) {
      throw new PgError(SQLSTATE.program_limit_exceeded, `number of array dimensions (${subs.length}) exceeds the maximum allowed (6)`);
    }
    const conv = (x: Expr | undefined) => (x ? coerceTo(pstate, pstate.catalog, x, OID.int4, -1, 'implicit') : undefined);
    const indexes = subs.map((s) => ({ lower: conv(s.lower), upper: conv(s.upper), isSlice: s.isSlice }));
    const isSlice = subs.some((s) => s.isSlice);
    e = { kind: 'SubscriptExpr', arg: e, indexes, type: isSlice ? e.type : info.elem, typmod: isSlice ? e.typmod : -1, location: e.location };
    subs = [];
  };
  for (const i of ind) {
    const [k, b] = nodeKind(i);
    if (k === 'A_Indices') {
      const tx = (x: AnyNode | undefined) => (x ? transformExpr(pstate, x) : undefined);
      subs.push({ lower: b.is_slice ? tx(b.lidx) : undefined, upper: tx(b.uidx), isSlice: !!b.is_slice, node: b });
    } else if (k === 'String') {
      flush();
      e = selectFieldOrCall(pstate, e, b.sval as string, n.arg?.ColumnRef?.location ?? e.location);
    } else if (k === 'A_Star') {
      throw new PgError(SQLSTATE.feature_not_supported, 'row expansion via "*" is not supported here', { position: pstate.position(e.location) });
    } else {
      throw featureNotSupported('this indirection', e.location);
    }
  }
  flush();
  return e;
}

/** `(e).name`: the field, else the call `name(e)` (attribute notation), else the field's error. */
function selectFieldOrCall(pstate: ParseState, e: Expr, name: string, location: number | undefined): Expr {
  try {
    return selectField(pstate, e, name, location);
  } catch (err) {
    if (!(err instanceof PgError) || (err.code !== SQLSTATE.undefined_column && err.code !== SQLSTATE.wrong_object_type)) throw err;
    const call = columnNotationCall(pstate, e, name, location);
    if (call) return call;
    throw err;
  }
}

/**
 * `point[i]`, `box[i]`, ...: a fixed-length geometric type read as a 0-based one-dimensional
 * array (raw_array_subscript_handler); NULL unless exactly one subscript in range.
 */
function geoSubscript(pstate: ParseState, e: Expr, base: number, elem: number, subs: { lower?: Expr; upper?: Expr; isSlice: boolean }[]): Expr {
  const isSlice = subs.some((s) => s.isSlice);
  const conv = (x: Expr | undefined) => (x ? coerceTo(pstate, pstate.catalog, x, OID.int4, -1, 'implicit') : undefined);
  const args: Expr[] = [e];
  for (const s of subs) {
    if (s.lower) args.push(conv(s.lower) as Expr);
    if (s.upper) args.push(conv(s.upper) as Expr);
  }
  const n = subs.length;
  const fn: FunctionImpl = {
    name: 'raw_array_subscript_handler',
    argTypes: args.map((a) => a.type),
    returnType: isSlice ? e.type : elem,
    strict: false,
    volatility: 'i',
    fn: (vals) => {
      if (vals[0] === null) return null;
      if (isSlice) throw new PgError(SQLSTATE.feature_not_supported, 'slices of fixed-length arrays not implemented');
      if (n !== 1 || vals[1] === null) return null;
      return geoFetch(base, vals[0], vals[1] as number);
    },
  };
  // ruleutils prints it back as the subscripts it is (`location[0]`).
  const display = (printed: readonly string[]): string => {
    const base = /^[\w."]+$/.test(printed[0]) ? printed[0] : `(${printed[0]})`;
    let k = 1;
    let out = base;
    for (const s of subs) {
      const lo = s.lower ? printed[k++] : '';
      const hi = s.upper ? printed[k++] : '';
      out += s.isSlice ? `[${lo}:${hi}]` : `[${hi}]`;
    }
    return out;
  };
  return { kind: 'FuncExpr', name: 'raw_array_subscript_handler', fn, args, type: isSlice ? e.type : elem, typmod: -1, location: e.location, display };
}

/**
 * `hstore_value[key]`: one text subscript (assignment-coerced), fetched as `->` does.
 * Postgres counterpart: contrib/hstore/hstore_subs.c (hstore_subscript_transform / fetch).
 */
function hstoreSubscript(pstate: ParseState, e: Expr, subs: { lower?: Expr; upper?: Expr; isSlice: boolean }[]): Expr {
  const key = hstoreSubscriptKey(pstate, subs, subs[0].upper as Expr);
  const fn: FunctionImpl = {
    name: 'hstore_subscript_handler',
    argTypes: [e.type, OID.text],
    returnType: OID.text,
    strict: true,
    volatility: 'i',
    fn: (vals) => {
      const h = vals[0] as Hstore;
      const i = h.find(vals[1] as string);
      return i < 0 ? null : h.vals[i];
    },
  };
  return { kind: 'FuncExpr', name: 'hstore_subscript_handler', fn, args: [e, key], type: OID.text, typmod: -1, location: e.location };
}

/**
 * The type a jsonb subscript is coerced to: integer or text, whichever one it reaches implicitly
 * (unknown literals: text); 42804 when neither or both (jsonb_subscript_transform).
 */
export function jsonbSubscriptType(pstate: ParseState, x: Expr): number {
  if (x.type === OID.unknown) return OID.text;
  const fits = [OID.int4, OID.text].filter((t) => canCoerce(pstate.catalog, x.type, t, 'implicit'));
  if (fits.length !== 1) {
    throw new PgError(SQLSTATE.datatype_mismatch, `subscript type ${formatType(pstate.catalog, x.type)} is not supported`, {
      hint: fits.length ? 'jsonb subscript must be coercible to only one type, integer or text.' : 'jsonb subscript must be coercible to either integer or text.',
      position: pstate.position(x.location),
    });
  }
  return fits[0];
}

/** An hstore subscript: one text key, assignment-coerced (hstore_subscript_transform). */
export function hstoreSubscriptKey(pstate: ParseState, subs: readonly { isSlice: boolean }[], key: Expr): Expr {
  if (subs.length !== 1 || subs[0].isSlice) throw new PgError(SQLSTATE.feature_not_supported, 'hstore allows only one subscript');
  if (!canCoerce(pstate.catalog, key.type, OID.text, 'assignment')) {
    throw new PgError(SQLSTATE.datatype_mismatch, 'hstore subscript must have type text', { position: pstate.position(key.location) });
  }
  return coerceTo(pstate, pstate.catalog, key, OID.text, -1, 'assignment');
}

/**
 * `jsonb_value[sub]...`: each subscript is coerced to integer or text (whichever one it can
 * reach implicitly; unknown literals are text), and the value is fetched as `#>` does
 * (jsonb_get_element): object keys, array positions (negative from the end), NULL when absent.
 * Postgres counterpart: src/backend/utils/adt/jsonbsubs.c (jsonb_subscript_transform/fetch).
 */
function jsonbSubscript(pstate: ParseState, e: Expr, subs: { lower?: Expr; upper?: Expr; isSlice: boolean; node: AnyNode }[]): Expr {
  const cat = pstate.catalog;
  const args: Expr[] = [e];
  for (const s of subs) {
    if (s.isSlice) {
      const at = s.node.uidx ?? s.node.lidx;
      throw new PgError(SQLSTATE.datatype_mismatch, 'jsonb subscript does not support slices', {
        position: at ? pstate.position(s.upper?.location ?? s.lower?.location) : undefined,
      });
    }
    const x = s.upper as Expr;
    args.push(coerceTo(pstate, cat, x, jsonbSubscriptType(pstate, x), -1, 'implicit'));
  }
  const fn: FunctionImpl = {
    name: 'jsonb_subscript_handler',
    argTypes: args.map((a) => a.type),
    returnType: OID.jsonb,
    strict: true,
    volatility: 'i',
    fn: (vals) => jsonbGetPath(vals[0] as JsonbValue, vals.slice(1).map((v) => String(v))),
  };
  return { kind: 'FuncExpr', name: 'jsonb_subscript_handler', fn, args, type: OID.jsonb, typmod: -1, location: e.location };
}
