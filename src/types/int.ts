/**
 * int2 / int4 / int8: text input with Postgres 16+'s syntax (spaces, sign, underscores between
 * digits, 0x / 0o / 0b prefixes), output, ordering, and overflow-checked arithmetic.
 * int2/int4 are JS numbers, int8 is a JS bigint.
 * Postgres counterpart: src/backend/utils/adt/int.c, int8.c, numutils.c (pg_strtoint*).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { TypeIO } from './type-io.js';

const INT_NAMES = { 2: 'smallint', 4: 'integer', 8: 'bigint' } as const;
const LIMITS: Record<2 | 4 | 8, [bigint, bigint]> = {
  2: [-32768n, 32767n],
  4: [-2147483648n, 2147483647n],
  8: [-9223372036854775808n, 9223372036854775807n],
};

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
}

/** Parses an integer literal as Postgres's pg_strtoint16/32/64 do; throws 22P02 / 22003. */
export function parseIntText(text: string, width: 2 | 4 | 8): bigint {
  const name = INT_NAMES[width];
  const bad = () => new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type ${name}: "${text}"`);
  let i = 0;
  const n = text.length;
  while (i < n && isSpace(text[i])) i++;
  let neg = false;
  if (text[i] === '-' || text[i] === '+') {
    neg = text[i] === '-';
    i++;
  }
  let base = 10;
  if (text[i] === '0' && i + 1 < n) {
    const p = text[i + 1];
    if (p === 'x' || p === 'X') base = 16;
    else if (p === 'o' || p === 'O') base = 8;
    else if (p === 'b' || p === 'B') base = 2;
    if (base !== 10) i += 2;
  }
  const start = i;
  let digits = '';
  let lastUnderscore = false;
  for (; i < n; i++) {
    const c = text[i];
    if (c === '_') {
      if (lastUnderscore || i === start) throw bad();
      lastUnderscore = true;
      continue;
    }
    const d = parseInt(c, 16);
    if (Number.isNaN(d) || d >= base || (base === 10 && !(c >= '0' && c <= '9'))) break;
    digits += c;
    lastUnderscore = false;
  }
  if (!digits.length || lastUnderscore) throw bad();
  while (i < n && isSpace(text[i])) i++;
  if (i !== n) throw bad();
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  let v = BigInt(prefix + digits);
  if (neg) v = -v;
  const [lo, hi] = LIMITS[width];
  if (v < lo || v > hi) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, `value "${text}" is out of range for type ${name}`);
  }
  return v;
}

function smallIO(width: 2 | 4): TypeIO<number> {
  return {
    input(text: string): number {
      // Fast path: plain decimal digits.
      if (text.length > 0 && text.length < 10 && /^-?\d+$/.test(text)) {
        const v = Number(text);
        const [lo, hi] = LIMITS[width];
        if (v >= Number(lo) && v <= Number(hi)) return v === 0 ? 0 : v;
      }
      return Number(parseIntText(text, width));
    },
    output: (v) => String(v),
    compare: (a, b) => a - b,
    hashKey: (v) => v,
  };
}

export const int2IO: TypeIO<number> = smallIO(2);
export const int4IO: TypeIO<number> = smallIO(4);
export const int8IO: TypeIO<bigint> = {
  input: (text) => parseIntText(text, 8),
  output: (v) => v.toString(),
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  hashKey: (v) => v,
};

function overflow(width: 2 | 4 | 8): PgError {
  return new PgError(SQLSTATE.numeric_value_out_of_range, `${INT_NAMES[width]} out of range`);
}

export function divisionByZero(): PgError {
  return new PgError(SQLSTATE.division_by_zero, 'division by zero');
}

/** Checked int2/int4 arithmetic (results exact as doubles, then range-checked). */
export function intCheck(v: number, width: 2 | 4): number {
  const [lo, hi] = LIMITS[width];
  if (v < Number(lo) || v > Number(hi)) throw overflow(width);
  return v === 0 ? 0 : v;
}

export function int8Check(v: bigint): bigint {
  if (v < LIMITS[8][0] || v > LIMITS[8][1]) throw overflow(8);
  return v;
}

export const intOps = {
  add: (a: number, b: number, w: 2 | 4) => intCheck(a + b, w),
  sub: (a: number, b: number, w: 2 | 4) => intCheck(a - b, w),
  mul: (a: number, b: number, w: 2 | 4) => {
    const r = a * b;
    if (!Number.isSafeInteger(r)) return intCheck(Number(BigInt(a) * BigInt(b)), w);
    return intCheck(r, w);
  },
  div: (a: number, b: number, w: 2 | 4) => {
    if (b === 0) throw divisionByZero();
    return intCheck(Math.trunc(a / b), w);
  },
  mod: (a: number, b: number) => {
    if (b === 0) throw divisionByZero();
    const r = a % b;
    return r === 0 ? 0 : r;
  },
};

export const int8Ops = {
  add: (a: bigint, b: bigint) => int8Check(a + b),
  sub: (a: bigint, b: bigint) => int8Check(a - b),
  mul: (a: bigint, b: bigint) => int8Check(a * b),
  div: (a: bigint, b: bigint) => {
    if (b === 0n) throw divisionByZero();
    return int8Check(a / b);
  },
  mod: (a: bigint, b: bigint) => {
    if (b === 0n) throw divisionByZero();
    return a % b;
  },
};
