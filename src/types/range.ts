/**
 * Range types: int4range, int8range, numrange, daterange, tsrange, tstzrange. A range value is a
 * `PgRange` (values.ts) whose bounds hold values of the subtype; `null` bound = infinite.
 * Input follows range_parse (quoted bounds, `empty`, the malformed-literal DETAILs), values are
 * serialized as make_range does (empty when the bounds meet without both inclusive, infinite
 * bounds never inclusive) and discrete types are canonicalised to `[lower, upper)`.
 *
 * Postgres counterpart: src/backend/utils/adt/rangetypes.c (range_in/out, range_serialize,
 * range_cmp_bounds, int4range_canonical, daterange_canonical ...).
 * Multiranges (multirange.ts) build on the bound helpers exported here.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from './oids.js';
import type { IoContext, TypeIO } from './type-io.js';
import { PgRange, type Value } from './values.js';
import { int4IO, int8IO, intOutOfRange } from './int.js';
import { numericIO } from './numeric.js';
import { dateIO, timestampIO, timestamptzIO } from './datetime-io.js';

/** What a range type needs to know about its subtype. */
export interface RangeTypeDef {
  readonly oid: number;
  readonly name: string;
  readonly subtype: number;
  readonly elem: TypeIO<Value>;
  /** Discrete types: turns a serialized non-empty range into `[a, b)` form. */
  readonly canonical?: (r: PgRange) => PgRange;
}

const EMPTY = new PgRange(true, null, null, false, false);
/** The empty range (shared; ranges are immutable). */
export const EMPTY_RANGE = EMPTY;

function canonicalInt4(r: PgRange): PgRange {
  let { lower, upper, lowerInc, upperInc } = r;
  if (lower !== null && !lowerInc) {
    if ((lower as number) >= 2147483647) throw intOutOfRange('integer');
    lower = (lower as number) + 1;
    lowerInc = true;
  }
  if (upper !== null && upperInc) {
    if ((upper as number) >= 2147483647) throw intOutOfRange('integer');
    upper = (upper as number) + 1;
    upperInc = false;
  }
  return serialize(INT4RANGE, lower, upper, lowerInc, upperInc, false);
}

function canonicalInt8(r: PgRange): PgRange {
  let { lower, upper, lowerInc, upperInc } = r;
  if (lower !== null && !lowerInc) {
    if ((lower as bigint) >= 9223372036854775807n) throw intOutOfRange('bigint');
    lower = (lower as bigint) + 1n;
    lowerInc = true;
  }
  if (upper !== null && upperInc) {
    if ((upper as bigint) >= 9223372036854775807n) throw intOutOfRange('bigint');
    upper = (upper as bigint) + 1n;
    upperInc = false;
  }
  return serialize(INT8RANGE, lower, upper, lowerInc, upperInc, false);
}

function canonicalDate(r: PgRange): PgRange {
  let { lower, upper, lowerInc, upperInc } = r;
  if (lower !== null && !lowerInc && Number.isFinite(lower as number)) {
    lower = (lower as number) + 1;
    lowerInc = true;
  }
  if (upper !== null && upperInc && Number.isFinite(upper as number)) {
    upper = (upper as number) + 1;
    upperInc = false;
  }
  return serialize(DATERANGE, lower, upper, lowerInc, upperInc, false);
}

const def = (oid: number, name: string, subtype: number, elem: TypeIO<never>, canonical?: (r: PgRange) => PgRange): RangeTypeDef => ({
  oid,
  name,
  subtype,
  elem: elem as unknown as TypeIO<Value>,
  canonical,
});

export const INT4RANGE: RangeTypeDef = def(OID.int4range, 'int4range', OID.int4, int4IO as TypeIO<never>, canonicalInt4);
export const INT8RANGE: RangeTypeDef = def(OID.int8range, 'int8range', OID.int8, int8IO as TypeIO<never>, canonicalInt8);
export const NUMRANGE: RangeTypeDef = def(OID.numrange, 'numrange', OID.numeric, numericIO as TypeIO<never>);
export const DATERANGE: RangeTypeDef = def(OID.daterange, 'daterange', OID.date, dateIO as TypeIO<never>, canonicalDate);
export const TSRANGE: RangeTypeDef = def(OID.tsrange, 'tsrange', OID.timestamp, timestampIO as TypeIO<never>);
export const TSTZRANGE: RangeTypeDef = def(OID.tstzrange, 'tstzrange', OID.timestamptz, timestamptzIO as TypeIO<never>);

/** Every built-in range type. */
export const RANGE_TYPES: readonly RangeTypeDef[] = [INT4RANGE, INT8RANGE, NUMRANGE, DATERANGE, TSRANGE, TSTZRANGE];

const byOid = new Map(RANGE_TYPES.map((d) => [d.oid, d]));
/** The range type definition of `oid`, if it is a built-in range type. */
export function rangeTypeDef(oid: number): RangeTypeDef | undefined {
  return byOid.get(oid);
}

// ---------------------------------------------------------------------------------------------
// Bounds

/** One bound of a range as range_cmp_bounds sees it. */
export interface Bound {
  val: Value;
  infinite: boolean;
  inclusive: boolean;
  lower: boolean;
}

export const lowerOf = (r: PgRange): Bound => ({ val: r.lower, infinite: r.lower === null, inclusive: r.lowerInc, lower: true });
export const upperOf = (r: PgRange): Bound => ({ val: r.upper, infinite: r.upper === null, inclusive: r.upperInc, lower: false });

/** range_cmp_bounds: orders bounds, lower and upper alike (an exclusive lower bound sorts after). */
export function cmpBounds(d: RangeTypeDef, b1: Bound, b2: Bound): number {
  return cmpBoundParts(d, b1.val, b1.inclusive, b1.lower, b2.val, b2.inclusive, b2.lower);
}

/** cmpBounds on a bound's parts (a null value is an infinite bound); no allocation, for hot paths. */
export function cmpBoundParts(d: RangeTypeDef, v1: Value, inc1: boolean, lower1: boolean, v2: Value, inc2: boolean, lower2: boolean): number {
  if (v1 === null && v2 === null) {
    if (lower1 === lower2) return 0;
    return lower1 ? -1 : 1;
  }
  if (v1 === null) return lower1 ? -1 : 1;
  if (v2 === null) return lower2 ? 1 : -1;
  const c = d.elem.compare(v1, v2);
  if (c !== 0) return c;
  if (!inc1 && !inc2) {
    if (lower1 === lower2) return 0;
    return lower1 ? 1 : -1;
  }
  if (!inc1) return lower1 ? 1 : -1;
  if (!inc2) return lower2 ? -1 : 1;
  return 0;
}

/**
 * range_serialize (+ canonicalisation): checks lower <= upper (22000), gives the empty range when
 * the bounds meet without both being inclusive, drops inclusiveness of infinite bounds.
 */
export function serialize(
  d: RangeTypeDef,
  lower: Value,
  upper: Value,
  lowerInc: boolean,
  upperInc: boolean,
  canonicalize = true,
): PgRange {
  if (lower === null) lowerInc = false;
  if (upper === null) upperInc = false;
  if (lower !== null && upper !== null) {
    const c = d.elem.compare(lower, upper);
    if (c > 0) {
      throw new PgError(SQLSTATE.data_exception, 'range lower bound must be less than or equal to range upper bound');
    }
    if (c === 0 && !(lowerInc && upperInc)) return EMPTY;
  }
  const r = new PgRange(false, lower, upper, lowerInc, upperInc);
  return canonicalize && d.canonical ? d.canonical(r) : r;
}

export function fromBounds(d: RangeTypeDef, lo: Bound, up: Bound): PgRange {
  return serialize(d, lo.infinite ? null : lo.val, up.infinite ? null : up.val, lo.inclusive, up.inclusive);
}

// ---------------------------------------------------------------------------------------------
// Text input and output

function malformed(text: string, detail: string): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, `malformed range literal: "${text}"`, { detail });
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

/** range_parse_bound: the bound text at `pos` (null when infinite) and the position after it. */
function parseBound(text: string, pos: number): [string | null, number] {
  const c0 = text[pos];
  if (c0 === ',' || c0 === ')' || c0 === ']') return [null, pos];
  let out = '';
  let inQuote = false;
  while (inQuote || (text[pos] !== ',' && text[pos] !== ')' && text[pos] !== ']')) {
    const ch = text[pos++];
    if (ch === undefined) throw malformed(text, 'Unexpected end of input.');
    if (ch === '\\') {
      if (pos >= text.length) throw malformed(text, 'Unexpected end of input.');
      out += text[pos++];
    } else if (ch === '"') {
      if (!inQuote) inQuote = true;
      else if (text[pos] === '"') {
        out += '"';
        pos++;
      } else inQuote = false;
    } else out += ch;
  }
  return [out, pos];
}

/**
 * range_in: parses a range literal of type `d`.
 *
 * @example parseRange(INT4RANGE, '[1,5]', ctx) // PgRange [1,6)
 */
export function parseRange(d: RangeTypeDef, text: string, ctx: IoContext): PgRange {
  let pos = 0;
  while (pos < text.length && isSpace(text[pos])) pos++;
  if (text.slice(pos, pos + 5).toLowerCase() === 'empty') {
    let p = pos + 5;
    while (p < text.length && isSpace(text[p])) p++;
    if (p === text.length) return EMPTY;
  }
  let lowerInc: boolean;
  if (text[pos] === '[') lowerInc = true;
  else if (text[pos] === '(') lowerInc = false;
  else throw malformed(text, 'Missing left parenthesis or bracket.');
  pos++;
  const [lo, p1] = parseBound(text, pos);
  pos = p1;
  if (text[pos] !== ',') throw malformed(text, 'Missing comma after lower bound.');
  pos++;
  const [up, p2] = parseBound(text, pos);
  pos = p2;
  let upperInc: boolean;
  if (text[pos] === ']') upperInc = true;
  else if (text[pos] === ')') upperInc = false;
  // The bound stops at `,` `)` `]` (or the input ended, an error above): here, a comma.
  else throw malformed(text, 'Too many commas.');
  pos++;
  while (pos < text.length && isSpace(text[pos])) pos++;
  if (pos !== text.length) throw malformed(text, 'Junk after right parenthesis or bracket.');
  const lower = lo === null ? null : d.elem.input(lo, -1, ctx);
  const upper = up === null ? null : d.elem.input(up, -1, ctx);
  return serialize(d, lower, upper, lowerInc, upperInc);
}

/** range_bound_escape: quotes a bound when it is empty or holds `"\()[],` or white space. */
function escapeBound(s: string): string {
  let needs = s.length === 0;
  for (let i = 0; i < s.length && !needs; i++) {
    const c = s[i];
    if (c === '"' || c === '\\' || c === '(' || c === ')' || c === '[' || c === ']' || c === ',' || isSpace(c)) needs = true;
  }
  if (!needs) return s;
  return '"' + s.replace(/["\\]/g, (m) => m + m) + '"';
}

/** range_out. */
export function rangeOutput(d: RangeTypeDef, r: PgRange, ctx: IoContext): string {
  if (r.empty) return 'empty';
  const lo = r.lower === null ? '' : escapeBound(d.elem.output(r.lower, ctx));
  const up = r.upper === null ? '' : escapeBound(d.elem.output(r.upper, ctx));
  return (r.lowerInc ? '[' : '(') + lo + ',' + up + (r.upperInc ? ']' : ')');
}

// ---------------------------------------------------------------------------------------------
// Comparison and the range operators

/** range_cmp: empty sorts first, then by lower bound, then by upper bound. */
export function compareRanges(d: RangeTypeDef, a: PgRange, b: PgRange): number {
  if (a.empty || b.empty) return a.empty && b.empty ? 0 : a.empty ? -1 : 1;
  const c = cmpBoundParts(d, a.lower, a.lowerInc, true, b.lower, b.lowerInc, true);
  return c !== 0 ? c : cmpBoundParts(d, a.upper, a.upperInc, false, b.upper, b.upperInc, false);
}

/** `@>` range: every point of b is in a. */
export function rangeContains(d: RangeTypeDef, a: PgRange, b: PgRange): boolean {
  if (b.empty) return true;
  if (a.empty) return false;
  return cmpBounds(d, lowerOf(a), lowerOf(b)) <= 0 && cmpBounds(d, upperOf(a), upperOf(b)) >= 0;
}

/** `@>` element. */
export function rangeContainsElem(d: RangeTypeDef, r: PgRange, v: Value): boolean {
  if (r.empty) return false;
  if (r.lower !== null) {
    const c = d.elem.compare(r.lower, v);
    if (c > 0 || (c === 0 && !r.lowerInc)) return false;
  }
  if (r.upper !== null) {
    const c = d.elem.compare(r.upper, v);
    if (c < 0 || (c === 0 && !r.upperInc)) return false;
  }
  return true;
}

/** `&&` */
export function rangeOverlaps(d: RangeTypeDef, a: PgRange, b: PgRange): boolean {
  if (a.empty || b.empty) return false;
  // lower(a) within [lower(b), upper(b)], or lower(b) within [lower(a), upper(a)].
  if (
    cmpBoundParts(d, a.lower, a.lowerInc, true, b.lower, b.lowerInc, true) >= 0 &&
    cmpBoundParts(d, a.lower, a.lowerInc, true, b.upper, b.upperInc, false) <= 0
  ) {
    return true;
  }
  return (
    cmpBoundParts(d, b.lower, b.lowerInc, true, a.lower, a.lowerInc, true) >= 0 &&
    cmpBoundParts(d, b.lower, b.lowerInc, true, a.upper, a.upperInc, false) <= 0
  );
}

/** `<<` strictly left of. */
export function rangeBefore(d: RangeTypeDef, a: PgRange, b: PgRange): boolean {
  if (a.empty || b.empty) return false;
  return cmpBounds(d, upperOf(a), lowerOf(b)) < 0;
}

/** `>>` strictly right of. */
export function rangeAfter(d: RangeTypeDef, a: PgRange, b: PgRange): boolean {
  if (a.empty || b.empty) return false;
  return cmpBounds(d, lowerOf(a), upperOf(b)) > 0;
}

/** `&<` does not extend to the right of. */
export function rangeOverleft(d: RangeTypeDef, a: PgRange, b: PgRange): boolean {
  if (a.empty || b.empty) return false;
  return cmpBounds(d, upperOf(a), upperOf(b)) <= 0;
}

/** `&>` does not extend to the left of. */
export function rangeOverright(d: RangeTypeDef, a: PgRange, b: PgRange): boolean {
  if (a.empty || b.empty) return false;
  return cmpBounds(d, lowerOf(a), lowerOf(b)) >= 0;
}

/** bounds_adjacent: upper bound `a` meets lower bound `b` with nothing between them. */
export function boundsAdjacent(d: RangeTypeDef, a: Bound, b: Bound): boolean {
  if (a.infinite || b.infinite) return false;
  const c = d.elem.compare(a.val, b.val);
  if (c < 0) {
    // Discrete types: adjacent when no value lies strictly between the bounds.
    if (!d.canonical) return false;
    const between = serialize(d, a.val, b.val, !a.inclusive, !b.inclusive);
    return between.empty;
  }
  if (c === 0) return a.inclusive !== b.inclusive;
  return false;
}

/** `-|-` */
export function rangeAdjacent(d: RangeTypeDef, a: PgRange, b: PgRange): boolean {
  if (a.empty || b.empty) return false;
  return boundsAdjacent(d, upperOf(a), lowerOf(b)) || boundsAdjacent(d, upperOf(b), lowerOf(a));
}

function minBound(d: RangeTypeDef, a: Bound, b: Bound): Bound {
  return cmpBounds(d, a, b) <= 0 ? a : b;
}
function maxBound(d: RangeTypeDef, a: Bound, b: Bound): Bound {
  return cmpBounds(d, a, b) >= 0 ? a : b;
}

/** `+` (range_union, strict) and range_merge (`strict` false). */
export function rangeUnion(d: RangeTypeDef, a: PgRange, b: PgRange, strict: boolean): PgRange {
  if (a.empty) return b;
  if (b.empty) return a;
  if (strict && !rangeOverlaps(d, a, b) && !rangeAdjacent(d, a, b)) {
    throw new PgError(SQLSTATE.data_exception, 'result of range union would not be contiguous');
  }
  return fromBounds(d, minBound(d, lowerOf(a), lowerOf(b)), maxBound(d, upperOf(a), upperOf(b)));
}

/** `*` */
export function rangeIntersect(d: RangeTypeDef, a: PgRange, b: PgRange): PgRange {
  if (a.empty || b.empty || !rangeOverlaps(d, a, b)) return EMPTY;
  return fromBounds(d, maxBound(d, lowerOf(a), lowerOf(b)), minBound(d, upperOf(a), upperOf(b)));
}

/** `-` (range_minus). */
export function rangeMinus(d: RangeTypeDef, a: PgRange, b: PgRange): PgRange {
  if (a.empty || b.empty) return a;
  const l1 = lowerOf(a);
  const u1 = upperOf(a);
  const l2 = lowerOf(b);
  const u2 = upperOf(b);
  const cl1l2 = cmpBounds(d, l1, l2);
  const cl1u2 = cmpBounds(d, l1, u2);
  const cu1l2 = cmpBounds(d, u1, l2);
  const cu1u2 = cmpBounds(d, u1, u2);
  if (cl1l2 < 0 && cu1u2 > 0) {
    throw new PgError(SQLSTATE.data_exception, 'result of range difference would not be contiguous');
  }
  if (cl1u2 > 0 || cu1l2 < 0) return a;
  if (cl1l2 >= 0 && cu1u2 <= 0) return EMPTY;
  if (cl1l2 <= 0 && cu1l2 >= 0 && cu1u2 <= 0) {
    return fromBounds(d, l1, { ...l2, inclusive: !l2.inclusive, lower: false });
  }
  if (cl1l2 >= 0 && cu1u2 >= 0 && cl1u2 <= 0) {
    return fromBounds(d, { ...u2, inclusive: !u2.inclusive, lower: true }, u1);
  }
  throw new PgError(SQLSTATE.internal_error, 'unexpected case in range_minus');
}

/** The flags argument of the 3-argument range constructors: `[)` etc. */
export function parseRangeFlags(flags: string): [boolean, boolean] {
  if (flags.length === 2 && (flags[0] === '[' || flags[0] === '(') && (flags[1] === ']' || flags[1] === ')')) {
    return [flags[0] === '[', flags[1] === ']'];
  }
  throw new PgError(SQLSTATE.syntax_error, 'invalid range bound flags', {
    hint: 'Valid values are "[]", "[)", "(]", and "()".',
  });
}

/** A hash key equal for equal ranges. */
export function rangeHashKey(d: RangeTypeDef, r: PgRange): string {
  if (r.empty) return 'e';
  const lo = r.lower === null ? '' : String(d.elem.hashKey(r.lower));
  const up = r.upper === null ? '' : String(d.elem.hashKey(r.upper));
  return (r.lowerInc ? '[' : '(') + (r.lower === null ? '-' : 'v' + lo) + ',' + (r.upper === null ? '-' : 'v' + up) + (r.upperInc ? ']' : ')');
}

/** The TypeIO of a range type. */
export function makeRangeIO(d: RangeTypeDef): TypeIO<PgRange> {
  return {
    input: (text, _typmod, ctx) => parseRange(d, text, ctx),
    output: (value, ctx) => rangeOutput(d, value, ctx),
    compare: (a, b) => compareRanges(d, a, b),
    hashKey: (value) => rangeHashKey(d, value),
  };
}

export const int4rangeIO = makeRangeIO(INT4RANGE);
export const int8rangeIO = makeRangeIO(INT8RANGE);
export const numrangeIO = makeRangeIO(NUMRANGE);
export const daterangeIO = makeRangeIO(DATERANGE);
export const tsrangeIO = makeRangeIO(TSRANGE);
export const tstzrangeIO = makeRangeIO(TSTZRANGE);
