/**
 * Multirange types: int4multirange, int8multirange, nummultirange, datemultirange, tsmultirange,
 * tstzmultirange. A value is a `PgMultirange` (values.ts) whose ranges are kept as Postgres keeps
 * them: sorted, non-empty, neither overlapping nor adjacent (make_multirange canonicalises every
 * value it builds). Text input follows multirange_in's state machine (each range's text goes to
 * range_in), output is `{r1,r2}`; the operators walk the sorted ranges as multirangetypes.c does
 * (binary search for element and range containment / overlap, tandem walks for the rest).
 *
 * Postgres counterpart: src/backend/utils/adt/multirangetypes.c.
 * Known gaps: multiranges of user-defined range types (CREATE TYPE ... AS RANGE is 0A000);
 * binary I/O (ranges have none either); hash_multirange's numeric hash values.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from './oids.js';
import type { IoContext, TypeIO } from './type-io.js';
import { PgMultirange, type PgRange, type Value } from './values.js';
import {
  DATERANGE, EMPTY_RANGE, INT4RANGE, INT8RANGE, NUMRANGE, TSRANGE, TSTZRANGE, boundsAdjacent, cmpBoundParts, compareRanges, fromBounds,
  lowerOf, parseRange, rangeAdjacent, rangeBefore, rangeHashKey, rangeIntersect, rangeMinus, rangeOutput,
  rangeOverlaps, rangeUnion, upperOf, type RangeTypeDef,
} from './range.js';

/** A multirange type and the range type it is made of. */
export interface MultirangeTypeDef {
  readonly oid: number;
  readonly name: string;
  readonly arrayOid: number;
  readonly range: RangeTypeDef;
}

const mdef = (oid: number, name: string, arrayOid: number, range: RangeTypeDef): MultirangeTypeDef => ({ oid, name, arrayOid, range });

export const INT4MULTIRANGE = mdef(OID.int4multirange, 'int4multirange', 6150, INT4RANGE);
export const INT8MULTIRANGE = mdef(OID.int8multirange, 'int8multirange', 6157, INT8RANGE);
export const NUMMULTIRANGE = mdef(OID.nummultirange, 'nummultirange', 6151, NUMRANGE);
export const DATEMULTIRANGE = mdef(OID.datemultirange, 'datemultirange', 6155, DATERANGE);
export const TSMULTIRANGE = mdef(OID.tsmultirange, 'tsmultirange', 6152, TSRANGE);
export const TSTZMULTIRANGE = mdef(OID.tstzmultirange, 'tstzmultirange', 6153, TSTZRANGE);

/** Every built-in multirange type. */
export const MULTIRANGE_TYPES: readonly MultirangeTypeDef[] = [INT4MULTIRANGE, INT8MULTIRANGE, NUMMULTIRANGE, DATEMULTIRANGE, TSMULTIRANGE, TSTZMULTIRANGE];

const byOid = new Map(MULTIRANGE_TYPES.map((m) => [m.oid, m]));
const byRange = new Map(MULTIRANGE_TYPES.map((m) => [m.range.oid, m]));

/** The multirange type definition of `oid`, if it is a built-in multirange type. */
export function multirangeTypeDef(oid: number): MultirangeTypeDef | undefined {
  return byOid.get(oid);
}

/** The multirange type over range type `rangeOid` (pg_range.rngmultitypid). */
export function multirangeOfRange(rangeOid: number): MultirangeTypeDef | undefined {
  return byRange.get(rangeOid);
}

/** The empty multirange (shared; multiranges are immutable). */
export const EMPTY_MULTIRANGE = new PgMultirange([]);

// ---------------------------------------------------------------------------------------------
// Construction

/**
 * make_multirange / multirange_canonicalize: sorts the ranges, drops empty ones, merges the ones
 * that overlap or touch.
 */
export function makeMultirange(d: RangeTypeDef, input: readonly PgRange[]): PgMultirange {
  if (input.length === 0) return EMPTY_MULTIRANGE;
  const sorted = input.length === 1 ? input : [...input].sort((a, b) => compareRanges(d, a, b));
  const out: PgRange[] = [];
  let last: PgRange | undefined;
  for (const cur of sorted) {
    if (cur.empty) continue;
    if (last === undefined) {
      out.push((last = cur));
    } else if (rangeAdjacent(d, last, cur)) {
      out[out.length - 1] = last = rangeUnion(d, last, cur, false);
    } else if (rangeBefore(d, last, cur)) {
      out.push((last = cur));
    } else {
      out[out.length - 1] = last = rangeUnion(d, last, cur, false);
    }
  }
  return out.length === 0 ? EMPTY_MULTIRANGE : new PgMultirange(out);
}

// ---------------------------------------------------------------------------------------------
// Text input and output

function malformed(text: string, detail: string): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, `malformed multirange literal: "${text}"`, { detail });
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

const enum St {
  Before,
  InRange,
  InRangeEscaped,
  InRangeQuoted,
  InRangeQuotedEscaped,
  After,
  Finished,
}

/**
 * multirange_in: `{[1,3), [5,7)}`, `{}`; each range's text (quotes and escapes kept) is read by
 * range_in, empty ranges are dropped, the result is canonicalised.
 */
export function parseMultirange(m: MultirangeTypeDef, text: string, ctx: IoContext): PgMultirange {
  const d = m.range;
  let pos = 0;
  const n = text.length;
  while (pos < n && isSpace(text[pos])) pos++;
  if (text[pos] !== '{') throw malformed(text, 'Missing left brace.');
  pos++;
  const ranges: PgRange[] = [];
  let seen = 0;
  let state = St.Before;
  let start = 0;
  for (; state !== St.Finished; pos++) {
    if (pos >= n) throw malformed(text, 'Unexpected end of input.');
    const ch = text[pos];
    if (isSpace(ch)) continue;
    switch (state) {
      case St.Before:
        if (ch === '[' || ch === '(') {
          start = pos;
          state = St.InRange;
        } else if (ch === '}' && seen === 0) {
          state = St.Finished;
        } else if (text.slice(pos, pos + 5).toLowerCase() === 'empty') {
          seen++;
          pos += 4;
          state = St.After;
        } else {
          throw malformed(text, 'Expected range start.');
        }
        break;
      case St.InRange:
        if (ch === ']' || ch === ')') {
          seen++;
          const r = parseRange(d, text.slice(start, pos + 1), ctx);
          if (!r.empty) ranges.push(r);
          state = St.After;
        } else if (ch === '"') {
          state = St.InRangeQuoted;
        } else if (ch === '\\') {
          state = St.InRangeEscaped;
        }
        break;
      case St.InRangeEscaped:
        state = St.InRange;
        break;
      case St.InRangeQuoted:
        if (ch === '"') {
          if (text[pos + 1] === '"') pos++;
          else state = St.InRange;
        } else if (ch === '\\') {
          state = St.InRangeQuotedEscaped;
        }
        break;
      case St.After:
        if (ch === ',') state = St.Before;
        else if (ch === '}') state = St.Finished;
        else throw malformed(text, 'Expected comma or end of multirange.');
        break;
      case St.InRangeQuotedEscaped:
        state = St.InRangeQuoted;
        break;
    }
  }
  while (pos < n && isSpace(text[pos])) pos++;
  if (pos !== n) throw malformed(text, 'Junk after closing right brace.');
  return makeMultirange(d, ranges);
}

/** multirange_out. */
export function multirangeOutput(m: MultirangeTypeDef, mr: PgMultirange, ctx: IoContext): string {
  let s = '{';
  const rs = mr.ranges;
  for (let i = 0; i < rs.length; i++) {
    if (i > 0) s += ',';
    s += rangeOutput(m.range, rs[i], ctx);
  }
  return s + '}';
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** multirange_cmp: range by range (bounds), a shorter multirange sorting first on a common prefix. */
export function compareMultiranges(d: RangeTypeDef, a: PgMultirange, b: PgMultirange): number {
  const ra = a.ranges;
  const rb = b.ranges;
  const n = Math.max(ra.length, rb.length);
  for (let i = 0; i < n; i++) {
    if (i >= ra.length) return -1;
    if (i >= rb.length) return 1;
    const c = compareRanges(d, ra[i], rb[i]);
    if (c !== 0) return c;
  }
  return 0;
}

// Bound comparisons between ranges' parts (no allocation).
const lowerVsLower = (d: RangeTypeDef, a: PgRange, b: PgRange) => cmpBoundParts(d, a.lower, a.lowerInc, true, b.lower, b.lowerInc, true);
const upperVsUpper = (d: RangeTypeDef, a: PgRange, b: PgRange) => cmpBoundParts(d, a.upper, a.upperInc, false, b.upper, b.upperInc, false);
const upperVsLower = (d: RangeTypeDef, a: PgRange, b: PgRange) => cmpBoundParts(d, a.upper, a.upperInc, false, b.lower, b.lowerInc, true);
const lowerVsUpper = (d: RangeTypeDef, a: PgRange, b: PgRange) => cmpBoundParts(d, a.lower, a.lowerInc, true, b.upper, b.upperInc, false);

const first = (mr: PgMultirange): PgRange => mr.ranges[0];
const last = (mr: PgMultirange): PgRange => mr.ranges[mr.ranges.length - 1];
const isEmpty = (mr: PgMultirange): boolean => mr.ranges.length === 0;

/** range_bounds_contains on a's and b's bounds (both non-empty). */
const boundsContain = (d: RangeTypeDef, a: PgRange, b: PgRange): boolean => lowerVsLower(d, a, b) <= 0 && upperVsUpper(d, a, b) >= 0;

/**
 * multirange_bsearch_match with a range key: finds the range of `mr` the key touches (neither
 * strictly left nor strictly right of it); `match` decides on it.
 */
function bsearchRange(d: RangeTypeDef, mr: PgMultirange, key: PgRange, match: (r: PgRange) => boolean): boolean {
  const rs = mr.ranges;
  let l = 0;
  let u = rs.length;
  while (l < u) {
    const idx = (l + u) >> 1;
    const r = rs[idx];
    if (upperVsLower(d, key, r) < 0) u = idx;
    else if (lowerVsUpper(d, key, r) > 0) l = idx + 1;
    else return match(r);
  }
  return false;
}

/** `@>` element (multirange_contains_elem_internal). */
export function multirangeContainsElem(d: RangeTypeDef, mr: PgMultirange, v: Value): boolean {
  const rs = mr.ranges;
  let l = 0;
  let u = rs.length;
  while (l < u) {
    const idx = (l + u) >> 1;
    const r = rs[idx];
    if (r.lower !== null) {
      const c = d.elem.compare(r.lower, v);
      if (c > 0 || (c === 0 && !r.lowerInc)) {
        u = idx;
        continue;
      }
    }
    if (r.upper !== null) {
      const c = d.elem.compare(r.upper, v);
      if (c < 0 || (c === 0 && !r.upperInc)) {
        l = idx + 1;
        continue;
      }
    }
    return true;
  }
  return false;
}

/** multirange `@>` range: every multirange contains the empty range. */
export function multirangeContainsRange(d: RangeTypeDef, mr: PgMultirange, r: PgRange): boolean {
  if (r.empty) return true;
  if (isEmpty(mr)) return false;
  return bsearchRange(d, mr, r, (x) => boundsContain(d, x, r));
}

/** range `@>` multirange: the range contains the multirange's span. */
export function rangeContainsMultirange(d: RangeTypeDef, r: PgRange, mr: PgMultirange): boolean {
  if (isEmpty(mr)) return true;
  if (r.empty) return false;
  return lowerVsLower(d, r, first(mr)) <= 0 && upperVsUpper(d, r, last(mr)) >= 0;
}

/** multirange `@>` multirange: every range of b lies within one range of a. */
export function multirangeContainsMultirange(d: RangeTypeDef, a: PgMultirange, b: PgMultirange): boolean {
  const ra = a.ranges;
  const rb = b.ranges;
  if (rb.length === 0) return true;
  if (ra.length === 0) return false;
  let i1 = 0;
  for (let i2 = 0; i2 < rb.length; i2++) {
    const r2 = rb[i2];
    while (upperVsLower(d, ra[i1], r2) < 0) {
      if (++i1 >= ra.length) return false;
    }
    if (!boundsContain(d, ra[i1], r2)) return false;
  }
  return true;
}

/** multirange `&&` range (empties never overlap). */
export function multirangeOverlapsRange(d: RangeTypeDef, mr: PgMultirange, r: PgRange): boolean {
  if (r.empty || isEmpty(mr)) return false;
  return bsearchRange(d, mr, r, () => true);
}

/** multirange `&&` multirange. */
export function multirangeOverlapsMultirange(d: RangeTypeDef, a: PgMultirange, b: PgMultirange): boolean {
  const ra = a.ranges;
  const rb = b.ranges;
  if (ra.length === 0 || rb.length === 0) return false;
  let i1 = 0;
  for (let i2 = 0; i2 < rb.length; i2++) {
    const r2 = rb[i2];
    while (upperVsLower(d, ra[i1], r2) < 0) {
      if (++i1 >= ra.length) return false;
    }
    if (rangeOverlaps(d, ra[i1], r2)) return true;
  }
  return false;
}

/** `&<` (does not extend to the right of) on the last ranges; false with an empty side. */
export function overleft(d: RangeTypeDef, a: PgRange | undefined, b: PgRange | undefined): boolean {
  if (a === undefined || b === undefined || a.empty || b.empty) return false;
  return upperVsUpper(d, a, b) <= 0;
}

/** `&>` (does not extend to the left of) on the first ranges. */
export function overright(d: RangeTypeDef, a: PgRange | undefined, b: PgRange | undefined): boolean {
  if (a === undefined || b === undefined || a.empty || b.empty) return false;
  return lowerVsLower(d, a, b) >= 0;
}

/** `<<` given a's last range and b's first range. */
export function before(d: RangeTypeDef, aLast: PgRange | undefined, bFirst: PgRange | undefined): boolean {
  if (aLast === undefined || bFirst === undefined || aLast.empty || bFirst.empty) return false;
  return upperVsLower(d, aLast, bFirst) < 0;
}

/** `-|-`: a's last range meets b's first range, or b's last range meets a's first range. */
export function adjacent(d: RangeTypeDef, aFirst: PgRange | undefined, aLast: PgRange | undefined, bFirst: PgRange | undefined, bLast: PgRange | undefined): boolean {
  if (aFirst === undefined || aLast === undefined || bFirst === undefined || bLast === undefined) return false;
  if (aFirst.empty || bFirst.empty) return false;
  return boundsAdjacent(d, upperOf(aLast), lowerOf(bFirst)) || boundsAdjacent(d, upperOf(bLast), lowerOf(aFirst));
}

/** The first and last ranges of a multirange (undefined when empty). */
export const firstRange = (mr: PgMultirange): PgRange | undefined => mr.ranges[0];
export const lastRange = (mr: PgMultirange): PgRange | undefined => mr.ranges[mr.ranges.length - 1];

// ---------------------------------------------------------------------------------------------
// Set operations

/** `+` (multirange_union). */
export function multirangeUnion(d: RangeTypeDef, a: PgMultirange, b: PgMultirange): PgMultirange {
  if (isEmpty(a)) return b;
  if (isEmpty(b)) return a;
  return makeMultirange(d, [...a.ranges, ...b.ranges]);
}

/** range_split_internal: when b lies strictly inside a, the two pieces of a - b. */
function splitRange(d: RangeTypeDef, a: PgRange, b: PgRange): [PgRange, PgRange] | undefined {
  if (lowerVsLower(d, a, b) < 0 && upperVsUpper(d, a, b) > 0) {
    const l2 = lowerOf(b);
    const u2 = upperOf(b);
    return [
      fromBounds(d, lowerOf(a), { ...l2, inclusive: !l2.inclusive, lower: false }),
      fromBounds(d, { ...u2, inclusive: !u2.inclusive, lower: true }, upperOf(a)),
    ];
  }
  return undefined;
}

/** `-` (multirange_minus_internal). */
export function multirangeMinus(d: RangeTypeDef, a: PgMultirange, b: PgMultirange): PgMultirange {
  if (isEmpty(a) || isEmpty(b)) return a;
  const r1s = a.ranges;
  const r2s = b.ranges;
  const out: PgRange[] = [];
  let i2 = 0;
  let r2: PgRange | undefined = r2s[0];
  for (let i1 = 0; i1 < r1s.length; i1++) {
    let r1 = r1s[i1];
    while (r2 !== undefined && rangeBefore(d, r2, r1)) r2 = r2s[++i2];
    while (r2 !== undefined) {
      const split = splitRange(d, r1, r2);
      if (split) {
        out.push(split[0]);
        r1 = split[1];
        r2 = r2s[++i2];
      } else if (rangeOverlaps(d, r1, r2)) {
        r1 = rangeMinus(d, r1, r2);
        if (r1.empty || rangeBefore(d, r1, r2)) break;
        r2 = r2s[++i2];
      } else {
        break;
      }
    }
    out.push(r1);
  }
  return makeMultirange(d, out);
}

/** `*` (multirange_intersect_internal). */
export function multirangeIntersect(d: RangeTypeDef, a: PgMultirange, b: PgMultirange): PgMultirange {
  if (isEmpty(a) || isEmpty(b)) return EMPTY_MULTIRANGE;
  const r1s = a.ranges;
  const r2s = b.ranges;
  const out: PgRange[] = [];
  let i2 = 0;
  let r2: PgRange | undefined = r2s[0];
  for (let i1 = 0; i1 < r1s.length; i1++) {
    const r1 = r1s[i1];
    while (r2 !== undefined && rangeBefore(d, r2, r1)) r2 = r2s[++i2];
    while (r2 !== undefined) {
      if (rangeOverlaps(d, r1, r2)) {
        out.push(rangeIntersect(d, r1, r2));
        if (upperVsUpper(d, r2, r1) <= 0) r2 = r2s[++i2];
        else break;
      } else {
        break;
      }
    }
    if (r2 === undefined) break;
  }
  return makeMultirange(d, out);
}

/** range_merge(multirange): the smallest range covering the multirange. */
export function multirangeSpan(d: RangeTypeDef, mr: PgMultirange): PgRange {
  if (isEmpty(mr)) return EMPTY_RANGE;
  if (mr.ranges.length === 1) return mr.ranges[0];
  return fromBounds(d, lowerOf(first(mr)), upperOf(last(mr)));
}

// ---------------------------------------------------------------------------------------------
// Type I/O

/** A hash key equal for equal multiranges. */
function multirangeHashKey(d: RangeTypeDef, mr: PgMultirange): string {
  let s = '{';
  for (const r of mr.ranges) s += rangeHashKey(d, r) + ';';
  return s;
}

/** The TypeIO of a multirange type. */
export function makeMultirangeIO(m: MultirangeTypeDef): TypeIO<PgMultirange> {
  return {
    input: (text, _typmod, ctx) => parseMultirange(m, text, ctx),
    output: (value, ctx) => multirangeOutput(m, value, ctx),
    compare: (a, b) => compareMultiranges(m.range, a, b),
    hashKey: (value) => multirangeHashKey(m.range, value),
  };
}

export const int4multirangeIO = makeMultirangeIO(INT4MULTIRANGE);
export const int8multirangeIO = makeMultirangeIO(INT8MULTIRANGE);
export const nummultirangeIO = makeMultirangeIO(NUMMULTIRANGE);
export const datemultirangeIO = makeMultirangeIO(DATEMULTIRANGE);
export const tsmultirangeIO = makeMultirangeIO(TSMULTIRANGE);
export const tstzmultirangeIO = makeMultirangeIO(TSTZMULTIRANGE);
