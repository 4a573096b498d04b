/**
 * Array types: text I/O with Postgres's syntax and quoting, btree ordering and hashing, built on
 * the element type's TypeIO. Values are `PgArray` (values.ts): flat row-major items plus dims
 * and lower bounds; the empty array has no dimensions.
 *
 * Input: `{1,2,NULL}`, `{"a b","c\"d"}`, `{{1,2},{3,4}}`, `[0:1]={1,2}`; whitespace around
 * elements is ignored, `NULL` (any case, unquoted) is SQL NULL, `"NULL"` a string. Errors are
 * `malformed array literal: "..."` (22P02) with Postgres's detail, 54000 past 6 dimensions or
 * int32 bounds, 2202E for upper < lower. Elements go through the element type's input (with the
 * array's typmod) as they are read, so their errors come first, as in Postgres.
 * Output quotes an element when it is empty, equals NULL in any case, or contains `{`, `}`, `"`,
 * `\`, the delimiter or whitespace; dimensions are printed when a lower bound is not 1.
 * Order: element by element (NULL after any value), then the element count, the number of
 * dimensions, the dimension lengths, and the lower bounds.
 *
 * Postgres counterpart: array_in / ReadArrayDimensions / ReadArrayStr / array_out / array_cmp /
 * hash_array in src/backend/utils/adt/arrayfuncs.c.
 * Known gaps: binary I/O; the ARRAY[] constructor's errors belong to the executor.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { IoContext, TypeIO } from './type-io.js';
import { PgArray, type Value } from './values.js';

/** Postgres's MAXDIM. */
export const MAX_ARRAY_DIMS = 6;
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** array_isspace: the ASCII whitespace array input skips. */
function isArraySpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function malformed(text: string, detail: string): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, `malformed array literal: "${text}"`, { detail });
}

function tooManyDims(): PgError {
  return new PgError(
    SQLSTATE.program_limit_exceeded,
    `number of array dimensions exceeds the maximum allowed (${MAX_ARRAY_DIMS})`,
  );
}

const MISMATCH = 'Multidimensional arrays must have sub-arrays with matching dimensions.';
const SPECIFIED_MISMATCH = 'Specified array dimensions do not match array contents.';

/** Reads `[lb:ub]` dimension decorations; returns the position after `=` and its whitespace. */
function readDimensions(text: string, p: number, dims: number[], lbounds: number[]): number {
  const readInt = (): number | undefined => {
    const start = p;
    if (text.charCodeAt(p) === 43 || text.charCodeAt(p) === 45) p++;
    const digits = p;
    while (p < text.length && text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) p++;
    if (p === digits) {
      p = start;
      return undefined;
    }
    const n = Number(text.slice(start, p));
    if (n > INT_MAX || n < INT_MIN) {
      throw new PgError(SQLSTATE.program_limit_exceeded, 'array bound is out of integer range');
    }
    return n;
  };
  while (text.charCodeAt(p) === 91 /* [ */) {
    p++;
    const first = readInt();
    if (first === undefined) throw malformed(text, '"[" must introduce explicitly-specified array dimensions.');
    let lb = 1;
    let ub = first;
    if (text.charCodeAt(p) === 58 /* : */) {
      p++;
      const second = readInt();
      if (second === undefined) throw malformed(text, 'Missing array dimension value.');
      lb = first;
      ub = second;
    }
    if (text.charCodeAt(p) !== 93 /* ] */) throw malformed(text, 'Missing "]" after array dimensions.');
    p++;
    if (dims.length >= MAX_ARRAY_DIMS) throw tooManyDims();
    if (ub < lb) {
      throw new PgError(SQLSTATE.array_subscript_error, 'upper bound cannot be less than lower bound');
    }
    if (ub === INT_MAX) {
      throw new PgError(SQLSTATE.program_limit_exceeded, `array upper bound is too large: ${ub}`);
    }
    dims.push(ub - lb + 1);
    lbounds.push(lb);
    while (p < text.length && isArraySpace(text.charCodeAt(p))) p++;
  }
  if (text.charCodeAt(p) !== 61 /* = */) throw malformed(text, 'Missing "=" after array dimensions.');
  p++;
  while (p < text.length && isArraySpace(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) !== 123 /* { */) throw malformed(text, 'Array contents must start with "{".');
  return p;
}

const EXPECT_ELEM_OR_OPEN_OR_CLOSE = 0; // after '{'
const EXPECT_ELEM_OR_OPEN = 1; // after a delimiter
const EXPECT_DELIM_OR_CLOSE = 2; // after an element or '}'

/**
 * Parses array text into a PgArray.
 *
 * @param parseElement turns one element's text into a value (the element type's input)
 */
export function parseArrayText(text: string, delimiter: string, parseElement: (s: string) => Value): PgArray {
  const delim = delimiter.charCodeAt(0);
  const len = text.length;
  let p = 0;
  while (p < len && isArraySpace(text.charCodeAt(p))) p++;
  let explicitDims: number[] | undefined;
  let explicitLbounds: number[] | undefined;
  if (text.charCodeAt(p) === 91 /* [ */) {
    explicitDims = [];
    explicitLbounds = [];
    p = readDimensions(text, p, explicitDims, explicitLbounds);
  } else if (text.charCodeAt(p) !== 123 /* { */) {
    throw malformed(text, 'Array value must start with "{" or dimension information.');
  }

  const items: Value[] = [];
  // With explicit dimensions the shape is known up front and any deviation is reported as such.
  const dims: number[] = explicitDims ? explicitDims.slice() : []; // -1: not yet known
  const counts: number[] = [];
  // The number of dimensions grows with the nesting until the first element fixes it.
  let ndim = explicitDims ? explicitDims.length : 0;
  let frozen = explicitDims !== undefined;
  const mismatch = explicitDims ? SPECIFIED_MISMATCH : MISMATCH;
  let level = 0;
  let expect = EXPECT_ELEM_OR_OPEN;
  for (;;) {
    while (p < len && isArraySpace(text.charCodeAt(p))) p++;
    if (p >= len) throw malformed(text, 'Unexpected end of input.');
    const c = text.charCodeAt(p);
    if (c === 123 /* { */) {
      if (expect === EXPECT_DELIM_OR_CLOSE) throw malformed(text, 'Unexpected "{" character.');
      if (level >= MAX_ARRAY_DIMS) throw tooManyDims();
      counts[level] = 0;
      level++;
      if (level > ndim) {
        if (frozen) throw malformed(text, mismatch);
        ndim = level;
        dims.push(-1);
      }
      p++;
      expect = EXPECT_ELEM_OR_OPEN_OR_CLOSE;
      continue;
    }
    if (c === 125 /* } */) {
      if (expect === EXPECT_ELEM_OR_OPEN) throw malformed(text, 'Unexpected "}" character.');
      const l = level - 1;
      if (dims[l] < 0) dims[l] = counts[l];
      else if (dims[l] !== counts[l]) throw malformed(text, mismatch);
      level--;
      p++;
      expect = EXPECT_DELIM_OR_CLOSE;
      if (level === 0) break;
      counts[level - 1]++;
      continue;
    }
    if (c === delim) {
      if (expect !== EXPECT_DELIM_OR_CLOSE) throw malformed(text, `Unexpected "${delimiter}" character.`);
      p++;
      expect = EXPECT_ELEM_OR_OPEN;
      continue;
    }
    // An element, quoted or not: read it whole first (its errors win), then check it may come here.
    let value: string;
    let isNull = false;
    if (c === 34 /* " */) {
      p++;
      let out = '';
      let run = p;
      for (;;) {
        if (p >= len) throw malformed(text, 'Unexpected end of input.');
        const d = text.charCodeAt(p);
        if (d === 34) break;
        if (d === 92 /* \ */) {
          out += text.slice(run, p);
          p++;
          if (p >= len) throw malformed(text, 'Unexpected end of input.');
          run = p;
        }
        p++;
      }
      value = out + text.slice(run, p);
      p++;
      while (p < len && isArraySpace(text.charCodeAt(p))) p++;
      if (p >= len) throw malformed(text, 'Unexpected end of input.');
      const d = text.charCodeAt(p);
      if (d !== delim && d !== 125 && d !== 123) throw malformed(text, 'Incorrectly quoted array element.');
    } else {
      let out = '';
      let run = p;
      let escaped = false;
      // End of the text kept so far, to drop trailing unescaped whitespace.
      let keepLen = 0;
      for (;;) {
        if (p >= len) throw malformed(text, 'Unexpected end of input.');
        const d = text.charCodeAt(p);
        if (d === delim || d === 125) break;
        // Unlike after a quoted element, a "{" ending an unquoted one is an error of its own.
        if (d === 123) throw malformed(text, 'Unexpected "{" character.');
        if (d === 34) throw malformed(text, 'Incorrectly quoted array element.');
        if (d === 92) {
          out += text.slice(run, p);
          p++;
          if (p >= len) throw malformed(text, 'Unexpected end of input.');
          escaped = true;
          out += text[p];
          p++;
          run = p;
          keepLen = out.length;
          continue;
        }
        p++;
        if (!isArraySpace(d)) {
          out += text.slice(run, p);
          run = p;
          keepLen = out.length;
        }
      }
      value = out.slice(0, keepLen);
      isNull = !escaped && keepLen === 4 && value.toUpperCase() === 'NULL';
    }
    if (expect === EXPECT_DELIM_OR_CLOSE) throw malformed(text, 'Unexpected array element.');
    items.push(isNull ? null : parseElement(value));
    if (level !== ndim) throw malformed(text, mismatch);
    frozen = true;
    counts[level - 1]++;
    expect = EXPECT_DELIM_OR_CLOSE;
  }
  while (p < len && isArraySpace(text.charCodeAt(p))) p++;
  if (p < len) throw malformed(text, 'Junk after closing right brace.');

  if (explicitDims !== undefined) return new PgArray(items, explicitDims, explicitLbounds as number[]);
  if (items.length === 0) return new PgArray([], [], []);
  return new PgArray(items, dims.slice(0, ndim));
}

/** Whether an element's text must be quoted in array output. */
function needsQuotes(s: string, delim: number): boolean {
  if (s.length === 0) return true;
  if (s.length === 4 && s.toUpperCase() === 'NULL') return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 123 || c === 125 || c === delim || isArraySpace(c)) return true;
  }
  return false;
}

function quoteElement(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92) {
      out += s.slice(run, i) + '\\';
      run = i;
    }
  }
  return out + s.slice(run) + '"';
}

/** array_out. */
export function formatArrayText(
  a: PgArray,
  delimiter: string,
  formatElement: (v: Value) => string,
): string {
  if (a.items.length === 0 || a.dims.length === 0) return '{}';
  const delim = delimiter.charCodeAt(0);
  let prefix = '';
  if (a.lbounds.some((lb) => lb !== 1)) {
    for (let i = 0; i < a.dims.length; i++) prefix += `[${a.lbounds[i]}:${a.lbounds[i] + a.dims[i] - 1}]`;
    prefix += '=';
  }
  const parts: string[] = [];
  for (const v of a.items) {
    if (v === null) parts.push('NULL');
    else {
      const s = formatElement(v);
      parts.push(needsQuotes(s, delim) ? quoteElement(s) : s);
    }
  }
  // Nest the flat list: innermost dimension first.
  let level: string[] = parts;
  for (let d = a.dims.length - 1; d >= 0; d--) {
    const n = a.dims[d];
    const next: string[] = [];
    for (let i = 0; i < level.length; i += n) next.push('{' + level.slice(i, i + n).join(delimiter) + '}');
    level = next;
  }
  return prefix + level.join(delimiter);
}

/** array_cmp with the element type's comparison. */
export function compareArrays(a: PgArray, b: PgArray, compareElement: (x: Value, y: Value) => number): number {
  const ai = a.items;
  const bi = b.items;
  const n = ai.length < bi.length ? ai.length : bi.length;
  for (let i = 0; i < n; i++) {
    const x = ai[i];
    const y = bi[i];
    if (x === null) {
      if (y === null) continue;
      return 1;
    }
    if (y === null) return -1;
    const c = compareElement(x, y);
    if (c !== 0) return c;
  }
  if (ai.length !== bi.length) return ai.length < bi.length ? -1 : 1;
  if (a.dims.length !== b.dims.length) return a.dims.length < b.dims.length ? -1 : 1;
  for (let i = 0; i < a.dims.length; i++) {
    if (a.dims[i] !== b.dims[i]) return a.dims[i] < b.dims[i] ? -1 : 1;
  }
  for (let i = 0; i < a.lbounds.length; i++) {
    if (a.lbounds[i] !== b.lbounds[i]) return a.lbounds[i] < b.lbounds[i] ? -1 : 1;
  }
  return 0;
}

function keyText(k: string | number | bigint | boolean): string {
  switch (typeof k) {
    case 'string':
      return JSON.stringify(k);
    case 'bigint':
      return k.toString() + 'n';
    default:
      return String(k);
  }
}

/**
 * The TypeIO of an array type whose elements use `elementIO`.
 *
 * @example
 * const int4ArrayIO = makeArrayIO(int4IO, 'integer');
 * int4ArrayIO.output(int4ArrayIO.input('[0:1]={1,NULL}', -1, ctx), ctx) === '[0:1]={1,NULL}'
 */
export function makeArrayIO(elementIO: TypeIO, elementTypeName: string, delimiter = ','): TypeIO<PgArray> {
  void elementTypeName; // kept for messages that name the type (none of array_in's do)
  const compareElement = elementIO.compare.bind(elementIO);
  const elementHash = elementIO.hashKey.bind(elementIO);
  return {
    input(text: string, typmod: number, ctx: IoContext): PgArray {
      return parseArrayText(text, delimiter, (s) => elementIO.input(s, typmod, ctx));
    },
    output(value: PgArray, ctx: IoContext): string {
      return formatArrayText(value, delimiter, (v) => elementIO.output(v, ctx));
    },
    compare: (a, b) => compareArrays(a, b, compareElement),
    hashKey(value: PgArray): string {
      let s = value.dims.join(',') + '|' + value.lbounds.join(',') + '|';
      for (const v of value.items) s += (v === null ? 'N' : keyText(elementHash(v))) + ',';
      return s;
    },
    applyTypmod: elementIO.applyTypmod
      ? (value: PgArray, typmod: number, isExplicit: boolean): PgArray => {
          const apply = elementIO.applyTypmod as NonNullable<TypeIO['applyTypmod']>;
          let changed = false;
          const items = value.items.map((v) => {
            if (v === null) return v;
            const r = apply.call(elementIO, v, typmod, isExplicit);
            if (r !== v) changed = true;
            return r;
          });
          return changed ? new PgArray(items, value.dims, value.lbounds) : value;
        }
      : undefined,
  };
}
