/**
 * The run-time conversion behind each cast: dedicated conversions where Postgres's cast function
 * differs from printing and re-reading the value (float → int rounds to even, numeric → int
 * rounds half away from zero, float → numeric keeps 15 significant digits, timestamps), and the
 * automatic I/O conversion (output, then input) everywhere else.
 *
 * Postgres counterpart: the cast functions named in pg_cast (int84, float8_numeric, ...) and
 * CoerceViaIO in src/backend/executor/execExprInterp.c.
 */
import { multirangeOfRangeIn } from '../types/user-range.js';
import { makeMultirange } from '../types/multirange.js';
import type { PgRange } from '../types/values.js';
import type { Catalog } from '../catalog/catalog.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import { OID } from '../types/oids.js';
import { baseTypeOf, typeInfo, type TypeInfo } from '../types/registry.js';
import { PgArray, type Value } from '../types/values.js';
import { domainBaseTypmod, domainCheckFunction, type CoercionContext } from './coerce.js';
import { isRegType, regInput, regOutput } from './regclass.js';
import { specialCast } from './special-casts.js';
import { CITEXT_OID } from '../types/citext.js';

type Conv = (v: Value, rt: ExprRuntime) => Value;

const INT_RANGE: Record<number, [number, number, string]> = {
  [OID.int2]: [-32768, 32767, 'smallint'],
  [OID.int4]: [-2147483648, 2147483647, 'integer'],
};

function outOfRange(typeName: string): PgError {
  return new PgError(SQLSTATE.numeric_value_out_of_range, `${typeName} out of range`);
}

/** Conversion function from `fi` to `ti` (both non-domain), for a context already checked. */
export function castFunction(cat: Catalog, fi: TypeInfo, ti: TypeInfo, ctx: CoercionContext): Conv {
  const from = fi.oid;
  const to = ti.oid;
  // Binary-coercible string family and same-representation pairs.
  const stringy = (o: number) => o === OID.text || o === OID.varchar || o === OID.bpchar || o === OID.name || o === CITEXT_OID;
  if (stringy(from) && stringy(to)) {
    if (from === OID.bpchar) return (v) => (v as string).replace(/ +$/, '');
    if (to === OID.name) return (v) => typeInfo(cat, OID.name).io.input(v as string, -1, DEFAULT_IO);
    return (v) => v;
  }
  // Integer widths.
  if (isInt(from) && isInt(to)) {
    if (to === OID.int8) return (v) => BigInt(v as number | bigint);
    const [lo, hi, name] = INT_RANGE[to];
    return (v) => {
      const n = typeof v === 'bigint' ? v : BigInt(v as number);
      if (n < BigInt(lo) || n > BigInt(hi)) throw outOfRange(name);
      return Number(n);
    };
  }
  if (isInt(from) && (to === OID.float4 || to === OID.float8)) {
    return to === OID.float4 ? (v) => Math.fround(Number(v)) : (v) => Number(v);
  }
  if ((from === OID.float4 || from === OID.float8) && isInt(to)) {
    const name = to === OID.int8 ? 'bigint' : INT_RANGE[to][2];
    return (v) => {
      const x = v as number;
      if (Number.isNaN(x) || !Number.isFinite(x)) throw outOfRange(name);
      const r = roundHalfEven(x);
      if (to === OID.int8) {
        if (r < -9223372036854775808 || r >= 9223372036854775808) throw outOfRange(name);
        return BigInt(r);
      }
      const [lo, hi] = INT_RANGE[to];
      if (r < lo || r > hi) throw outOfRange(name);
      return r === 0 ? 0 : r;
    };
  }
  if (from === OID.float8 && to === OID.float4) {
    return (v) => {
      const x = v as number;
      const f = Math.fround(x);
      if (!Number.isFinite(f) && Number.isFinite(x)) {
        throw new PgError(SQLSTATE.numeric_value_out_of_range, 'value out of range: overflow');
      }
      if (f === 0 && x !== 0) throw new PgError(SQLSTATE.numeric_value_out_of_range, 'value out of range: underflow');
      return f;
    };
  }
  if (from === OID.float4 && to === OID.float8) return (v) => v;
  if (from === OID.bool && to === OID.int4) return (v) => (v ? 1 : 0);
  if (from === OID.int4 && to === OID.bool) return (v) => v !== 0;
  const rin = regInput(to);
  if (rin && stringy(from)) return (v, rt) => rin(rt, v as string);
  const rout = regOutput(from);
  if (rout && stringy(to)) return (v, rt) => rout(rt, v as number);
  if (isOidLike(from) && isOidLike(to)) return (v) => v;
  if (isInt(from) && isOidLike(to)) {
    return (v) => {
      const n = Number(v);
      if (n < -2147483648 || n > 4294967295) throw outOfRange('OID');
      return n < 0 ? n + 4294967296 : n;
    };
  }
  if (isOidLike(from) && isInt(to)) {
    return to === OID.int8 ? (v) => BigInt(v as number) : (v) => ((v as number) > 2147483647 ? (v as number) - 4294967296 : v);
  }
  const special = specialCast(from, to);
  if (special) return special;
  if (fi.typtype === 'r' && ti.typtype === 'm') {
    const m = multirangeOfRangeIn(cat, from);
    if (m?.oid === to) return (v) => makeMultirange(m.range, [v as PgRange]);
  }
  // Arrays: element-wise.
  if (fi.category === 'A' && ti.category === 'A' && fi.elem !== undefined && ti.elem !== undefined) {
    const ef = elementCast(cat, fi.elem, ti.elem, ctx);
    // (a domain's NOT NULL applies to NULL elements too)
    const toDomain = typeInfo(cat, ti.elem).typtype === 'd';
    return (v, rt) => {
      const a = v as PgArray;
      return new PgArray(a.items.map((x) => (x === null && !toDomain ? null : ef(x, rt))), a.dims, a.lbounds);
    };
  }
  // Automatic I/O conversion.
  const fio = fi.io;
  const tio = ti.io;
  if ((from === OID.float4 || from === OID.float8) && ti.category !== 'S') {
    // float → numeric (and others; not text, which prints with extra_float_digits) reads Postgres's 15/6-digit legacy output, as float8_numeric does.
    return (v, rt) => tio.input(fio.output(v, { ...rt.session.io, extraFloatDigits: 0 }), -1, rt.session.io);
  }
  return (v, rt) => tio.input(fio.output(v, rt.session.io), -1, rt.session.io);
}

/**
 * An array element's conversion: through domains on either side (a domain element is converted
 * as its base type, then checked against the domain's constraints, NULL included, as
 * ArrayCoerceExpr's per-element CoerceToDomain does). Other targets are never given NULL.
 */
function elementCast(cat: Catalog, from: number, to: number, ctx: CoercionContext): Conv {
  const fi = typeInfo(cat, baseTypeOf(cat, from));
  const ti = typeInfo(cat, to);
  if (ti.typtype !== 'd') return fi.oid === ti.oid ? (v) => v : castFunction(cat, fi, ti, ctx);
  const base = baseTypeOf(cat, to);
  const cast = fi.oid === base ? undefined : castFunction(cat, fi, typeInfo(cat, base), ctx);
  // The domain's own typmod (varchar(4)) applies to each element: assignment fails, explicit truncates.
  const bt = domainBaseTypmod(cat, to);
  const sized = bt >= 0 ? typmodFunction(cat, base, bt, ctx === 'explicit') : undefined;
  const conv: Conv | undefined = cast && sized ? (v, rt) => sized(cast(v, rt), rt) : (cast ?? sized);
  const check = domainCheckFunction(cat, to);
  return conv ? (v, rt) => check(v === null ? null : conv(v, rt), rt) : check;
}

/** For an array type whose elements are of a domain: the check of every element, else undefined. */
export function arrayDomainCheck(cat: Catalog, arrayType: number): Conv | undefined {
  const info = typeInfo(cat, arrayType);
  if (info.category !== 'A' || info.elem === undefined || typeInfo(cat, info.elem).typtype !== 'd') return undefined;
  const check = domainCheckFunction(cat, info.elem);
  return (v, rt) => {
    for (const x of (v as PgArray).items) check(x, rt);
    return v;
  };
}

const DEFAULT_IO = { timeZone: 'UTC', dateStyle: 'ISO, MDY', intervalStyle: 'postgres', extraFloatDigits: 1, byteaOutput: 'hex' as const };

function isOidLike(o: number): boolean {
  return o === OID.oid || isRegType(o);
}

function isInt(o: number): boolean {
  return o === OID.int2 || o === OID.int4 || o === OID.int8;
}

/** C's rint(): round half to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

/** Length/precision coercion for a typmod (varchar(n), numeric(p,s), timestamp(p)), or undefined. */
export function typmodFunction(cat: Catalog, type: number, typmod: number, isExplicit: boolean): Conv | undefined {
  const info = typeInfo(cat, type);
  if (info.category === 'A' && info.elem !== undefined) {
    const ef = typmodFunction(cat, info.elem, typmod, isExplicit);
    if (!ef) return undefined;
    return (v, rt) => {
      const a = v as PgArray;
      return new PgArray(a.items.map((x) => (x === null ? null : ef(x, rt))), a.dims, a.lbounds);
    };
  }
  const apply = info.io.applyTypmod;
  if (!apply) return undefined;
  return (v) => apply.call(info.io, v, typmod, isExplicit);
}
