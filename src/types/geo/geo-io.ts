/**
 * Text input and output of the geometric types, with Postgres's accepted forms and errors:
 * point `(x,y)` or `x,y`; lseg `[(x1,y1),(x2,y2)]` (brackets and parentheses optional); line
 * `{A,B,C}` or two points; box `(x1,y1),(x2,y2)` (corners reordered); path `[...]` open or
 * `(...)` closed; polygon `((...))`; circle `<(x,y),r>`, `((x,y),r)` or `x,y,r`. Numbers print
 * as float8 does under the session's extra_float_digits.
 *
 * Postgres counterpart: src/backend/utils/adt/geo_ops.c (pair_decode, path_decode, path_encode,
 * point_in/out, lseg_in/out, line_in/out, box_in/out, path_in/out, poly_in/out, circle_in/out).
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { float8Out } from '../float.js';
import { scanFloat8Prefix } from '../float/float-parse.js';
import type { IoContext } from '../type-io.js';
import { FPzero, flt } from './geo-float.js';
import { lineFromPoints, makePolygon, pointEq } from './geo-primitives.js';
import { PgBox, PgCircle, PgLine, PgLseg, PgPath, PgPoint, type PgPolygon } from './geo-values.js';

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

function syntax(type: string, orig: string): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type ${type}: "${orig}"`);
}

/** A cursor over the input text; `ch()` is '' past the end (C's NUL). */
class Cursor {
  i = 0;
  constructor(
    readonly s: string,
    readonly type: string,
  ) {}
  ch(k = 0): string {
    return this.s.charAt(this.i + k);
  }
  skipSpace(): void {
    while (this.i < this.s.length && isSpace(this.s[this.i])) this.i++;
  }
  float(): number {
    const r = scanFloat8Prefix(this.s, this.i, this.type, this.s);
    this.i = r.end;
    return r.value;
  }
  fail(): PgError {
    return syntax(this.type, this.s);
  }
}

/** pair_decode: `x,y` or `(x,y)`. */
function pairDecode(c: Cursor): PgPoint {
  c.skipSpace();
  const delim = c.ch() === '(';
  if (delim) c.i++;
  const x = c.float();
  if (c.ch() !== ',') throw c.fail();
  c.i++;
  const y = c.float();
  if (delim) {
    if (c.ch() !== ')') throw c.fail();
    c.i++;
    c.skipSpace();
  }
  return new PgPoint(x, y);
}

/** The position past a `(` at the cursor and the spaces after it (where an inner `(` would be). */
function afterParen(c: Cursor): number {
  let cp = c.i + 1;
  while (cp < c.s.length && isSpace(c.s[cp])) cp++;
  return cp;
}

/** path_decode: npts points, optionally in `[...]` (when `openType`) or `(...)`; returns isopen. */
function pathDecode(c: Cursor, openType: boolean, npts: number, out: PgPoint[]): boolean {
  let depth = 0;
  c.skipSpace();
  const isOpen = c.ch() === '[';
  if (isOpen) {
    if (!openType) throw c.fail();
    depth++;
    c.i++;
  } else if (c.ch() === '(') {
    const cp = afterParen(c);
    if (c.s.charAt(cp) === '(' || c.s.lastIndexOf('(') === c.i) {
      depth++;
      c.i = cp;
    }
  }
  for (let k = 0; k < npts; k++) {
    out.push(pairDecode(c));
    if (c.ch() === ',') c.i++;
  }
  while (depth > 0) {
    if (c.ch() === ')' || (c.ch() === ']' && isOpen && depth === 1)) {
      depth--;
      c.i++;
      c.skipSpace();
    } else throw c.fail();
  }
  return isOpen;
}

function expectEnd(c: Cursor): void {
  if (c.i < c.s.length) throw c.fail();
}

/** pair_count: the number of points a list of `delim`-separated pairs holds, or -1. */
function pairCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ',') n++;
  return n % 2 ? (n + 1) / 2 : -1;
}

export function parsePoint(text: string): PgPoint {
  const c = new Cursor(text, 'point');
  const p = pairDecode(c);
  expectEnd(c);
  return p;
}

export function parseLseg(text: string): PgLseg {
  const c = new Cursor(text, 'lseg');
  const pts: PgPoint[] = [];
  pathDecode(c, true, 2, pts);
  expectEnd(c);
  return new PgLseg(pts[0], pts[1]);
}

export function parseLine(text: string): PgLine {
  const c = new Cursor(text, 'line');
  c.skipSpace();
  if (c.ch() === '{') {
    c.i++;
    const a = c.float();
    if (c.ch() !== ',') throw c.fail();
    c.i++;
    const b = c.float();
    if (c.ch() !== ',') throw c.fail();
    c.i++;
    const cc = c.float();
    if (c.ch() !== '}') throw c.fail();
    c.i++;
    c.skipSpace();
    expectEnd(c);
    if (FPzero(a) && FPzero(b)) {
      throw new PgError(SQLSTATE.invalid_text_representation, 'invalid line specification: A and B cannot both be zero');
    }
    return new PgLine(a, b, cc);
  }
  const pts: PgPoint[] = [];
  pathDecode(c, true, 2, pts);
  expectEnd(c);
  if (pointEq(pts[0], pts[1])) {
    throw new PgError(SQLSTATE.invalid_text_representation, 'invalid line specification: must be two distinct points');
  }
  return lineFromPoints(pts[0], pts[1]);
}

export function parseBox(text: string): PgBox {
  const c = new Cursor(text, 'box');
  const pts: PgPoint[] = [];
  pathDecode(c, false, 2, pts);
  expectEnd(c);
  // box_in reorders the corners (high first).
  let [hx, hy, lx, ly] = [pts[0].x, pts[0].y, pts[1].x, pts[1].y];
  if (flt(hx, lx)) [hx, lx] = [lx, hx];
  if (flt(hy, ly)) [hy, ly] = [ly, hy];
  return new PgBox(new PgPoint(hx, hy), new PgPoint(lx, ly));
}

export function parsePath(text: string): PgPath {
  const npts = pairCount(text);
  if (npts <= 0) throw syntax('path', text);
  const c = new Cursor(text, 'path');
  c.skipSpace();
  let depth = 0;
  if (c.ch() === '(' && c.s.lastIndexOf('(') === c.i) {
    c.i++;
    depth++;
  }
  const pts: PgPoint[] = [];
  const isOpen = pathDecode(c, true, npts, pts);
  if (depth >= 1) {
    if (c.ch() !== ')') throw c.fail();
    c.i++;
    c.skipSpace();
  }
  expectEnd(c);
  return new PgPath(pts, !isOpen);
}

export function parsePolygon(text: string): PgPolygon {
  const npts = pairCount(text);
  if (npts <= 0) throw syntax('polygon', text);
  const c = new Cursor(text, 'polygon');
  const pts: PgPoint[] = [];
  pathDecode(c, false, npts, pts);
  expectEnd(c);
  return makePolygon(pts);
}

export function parseCircle(text: string): PgCircle {
  const c = new Cursor(text, 'circle');
  let depth = 0;
  c.skipSpace();
  if (c.ch() === '<') {
    depth++;
    c.i++;
  } else if (c.ch() === '(') {
    const cp = afterParen(c);
    if (c.s.charAt(cp) === '(') {
      depth++;
      c.i = cp;
    }
  }
  const center = pairDecode(c);
  if (c.ch() === ',') c.i++;
  const radius = c.float();
  if (radius < 0) throw c.fail();
  while (depth > 0) {
    if (c.ch() === ')' || (c.ch() === '>' && depth === 1)) {
      depth--;
      c.i++;
      c.skipSpace();
    } else throw c.fail();
  }
  expectEnd(c);
  return new PgCircle(center, radius);
}

// ---------------------------------------------------------------------------------------------
// Output.

const num = (v: number, ctx: IoContext): string => float8Out(v, ctx.extraFloatDigits);
const pair = (p: PgPoint, ctx: IoContext): string => `(${num(p.x, ctx)},${num(p.y, ctx)})`;
const list = (pts: readonly PgPoint[], ctx: IoContext): string => pts.map((p) => pair(p, ctx)).join(',');

export const pointOut = (v: PgPoint, ctx: IoContext): string => pair(v, ctx);
export const lsegOut = (v: PgLseg, ctx: IoContext): string => `[${pair(v.p0, ctx)},${pair(v.p1, ctx)}]`;
export const lineOut = (v: PgLine, ctx: IoContext): string => `{${num(v.a, ctx)},${num(v.b, ctx)},${num(v.c, ctx)}}`;
export const boxOut = (v: PgBox, ctx: IoContext): string => `${pair(v.high, ctx)},${pair(v.low, ctx)}`;
export const pathOut = (v: PgPath, ctx: IoContext): string => (v.closed ? `(${list(v.points, ctx)})` : `[${list(v.points, ctx)}]`);
export const polygonOut = (v: PgPolygon, ctx: IoContext): string => `(${list(v.points, ctx)})`;
export const circleOut = (v: PgCircle, ctx: IoContext): string => `<${pair(v.center, ctx)},${num(v.radius, ctx)}>`;

