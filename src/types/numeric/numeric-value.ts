/**
 * The in-memory `numeric` value: an exact decimal `coef / 10^scale` that keeps Postgres's display
 * scale (`1.50` stays `1.50`), plus the three special values NaN, Infinity and -Infinity.
 * Immutable. Ordering and hashing follow Postgres's btree/hash opclasses (NaN equals NaN and sorts
 * above +Infinity; `1.5` equals `1.50`).
 *
 * Postgres counterpart: NumericVar / make_result / numeric_out / cmp_numerics in
 * src/backend/utils/adt/numeric.c. Postgres stores base-10000 digit groups; we store one BigInt.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';

/** Which kind of numeric a value is. */
export const NumericKind = { finite: 0, nan: 1, posInf: 2, negInf: 3 } as const;
export type NumericKind = (typeof NumericKind)[keyof typeof NumericKind];

/** Largest display scale a stored numeric may have (Postgres's NUMERIC_DSCALE_MAX). */
export const NUMERIC_MAX_DSCALE = 16383;
/** Maximum number of decimal digits before the decimal point (weight limit 32767 base-10000 digits). */
export const NUMERIC_MAX_INT_DIGITS = 131072;
/** Largest scale chosen automatically by division and the transcendental functions. */
export const NUMERIC_MAX_DISPLAY_SCALE = 1000;
/** Significant digits Postgres aims for in inexact results (NUMERIC_MIN_SIG_DIGITS). */
export const NUMERIC_MIN_SIG_DIGITS = 16;

const POW10: bigint[] = [1n];
/** 10^n as a BigInt (cached for small n). */
export function pow10(n: number): bigint {
  if (n < 512) {
    while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
    return POW10[n];
  }
  return 10n ** BigInt(n);
}

/** Number of decimal digits of |v| (1 for zero). */
export function digitCount(v: bigint): number {
  if (v < 0n) v = -v;
  if (v < 10000000000000000n) {
    // Small values: avoid the string conversion.
    let n = 1;
    let p = 10n;
    while (v >= p) {
      n++;
      p *= 10n;
    }
    return n;
  }
  return v.toString().length;
}

let overflowBound = 0n;
let negOverflowBound = 0n;

/** 10^131072: finite values must stay below it in absolute value. */
function initBounds(): void {
  overflowBound = pow10(NUMERIC_MAX_INT_DIGITS);
  negOverflowBound = -overflowBound;
}

/** `value overflows numeric format` (22003). */
export function numericOverflow(): PgError {
  return new PgError(SQLSTATE.numeric_value_out_of_range, 'value overflows numeric format');
}

/**
 * An exact decimal number or one of NaN/Infinity/-Infinity. Finite values are `coef / 10^scale`
 * with `scale >= 0` (the display scale). Postgres has no negative zero: a zero coef is just zero.
 *
 * @example
 * const x = Numeric.of(150n, 2); // 1.50
 * x.toString(); // '1.50'
 */
export class Numeric {
  /** Signed coefficient (0n for the special values). */
  readonly coef: bigint;
  /** Display scale: digits after the decimal point (0 for the special values). */
  readonly scale: number;
  /** NumericKind.finite, nan, posInf or negInf. */
  readonly kind: NumericKind;

  private constructor(coef: bigint, scale: number, kind: NumericKind) {
    this.coef = coef;
    this.scale = scale;
    this.kind = kind;
  }

  static readonly NaN = new Numeric(0n, 0, NumericKind.nan);
  static readonly POSITIVE_INFINITY = new Numeric(0n, 0, NumericKind.posInf);
  static readonly NEGATIVE_INFINITY = new Numeric(0n, 0, NumericKind.negInf);
  static readonly ZERO = new Numeric(0n, 0, NumericKind.finite);
  static readonly ONE = new Numeric(1n, 0, NumericKind.finite);

  /**
   * The finite value `coef / 10^scale`. Checks Postgres's limits (`value overflows numeric format`);
   * `scale` must be an integer >= 0.
   */
  static of(coef: bigint, scale = 0): Numeric {
    if (overflowBound === 0n) initBounds();
    // Cheap test first: |coef| < 10^131072 can never have too many integer digits.
    if (coef >= overflowBound || coef <= negOverflowBound) {
      if (digitCount(coef) - scale > NUMERIC_MAX_INT_DIGITS) throw numericOverflow();
    }
    if (scale > NUMERIC_MAX_DSCALE) throw numericOverflow();
    return new Numeric(coef, scale, NumericKind.finite);
  }

  /** Like `of` but without limit checks; for callers that already know the value fits. */
  static unchecked(coef: bigint, scale: number): Numeric {
    return new Numeric(coef, scale, NumericKind.finite);
  }

  /** A numeric from a JS integer (`number`) or bigint, scale 0. */
  static fromInt(v: number | bigint): Numeric {
    return new Numeric(typeof v === 'bigint' ? v : BigInt(v), 0, NumericKind.finite);
  }

  /** Whether the value is NaN. */
  isNaN(): boolean {
    return this.kind === NumericKind.nan;
  }

  /** Whether the value is +Infinity or -Infinity. */
  isInfinite(): boolean {
    return this.kind === NumericKind.posInf || this.kind === NumericKind.negInf;
  }

  /** Whether the value is finite (not NaN nor infinite). */
  isFinite(): boolean {
    return this.kind === NumericKind.finite;
  }

  /** Whether the value is a finite zero (of any scale). */
  isZero(): boolean {
    return this.kind === NumericKind.finite && this.coef === 0n;
  }

  /** -1, 0 or 1 (NaN gives 0; use isNaN first). */
  signum(): number {
    if (this.kind !== NumericKind.finite) return this.kind === NumericKind.posInf ? 1 : this.kind === NumericKind.negInf ? -1 : 0;
    return this.coef > 0n ? 1 : this.coef < 0n ? -1 : 0;
  }

  /** Whether the (finite) value has no fractional part. */
  isInteger(): boolean {
    if (this.kind !== NumericKind.finite) return false;
    return this.scale === 0 || this.coef % pow10(this.scale) === 0n;
  }

  /** Postgres's text output (numeric_out): all digits, no exponent, scale kept. */
  toString(): string {
    if (this.kind !== NumericKind.finite) {
      return this.kind === NumericKind.nan ? 'NaN' : this.kind === NumericKind.posInf ? 'Infinity' : '-Infinity';
    }
    const scale = this.scale;
    if (scale === 0) return this.coef.toString();
    const neg = this.coef < 0n;
    const digits = (neg ? -this.coef : this.coef).toString();
    const len = digits.length;
    const body =
      len <= scale ? '0.' + '0'.repeat(scale - len) + digits : digits.slice(0, len - scale) + '.' + digits.slice(len - scale);
    return neg ? '-' + body : body;
  }
}

/**
 * Postgres's btree order: -Infinity < finite values < Infinity < NaN, and NaN = NaN.
 * Values that differ only in display scale are equal.
 */
export function compareNumeric(a: Numeric, b: Numeric): number {
  if (a.kind !== NumericKind.finite || b.kind !== NumericKind.finite) {
    return kindRank(a) - kindRank(b);
  }
  const ac = a.coef;
  const bc = b.coef;
  // Signs decide most comparisons without aligning scales.
  const as = ac > 0n ? 1 : ac < 0n ? -1 : 0;
  const bs = bc > 0n ? 1 : bc < 0n ? -1 : 0;
  if (as !== bs) return as < bs ? -1 : 1;
  if (as === 0) return 0;
  let x = ac;
  let y = bc;
  if (a.scale < b.scale) x *= pow10(b.scale - a.scale);
  else if (a.scale > b.scale) y *= pow10(a.scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

function kindRank(v: Numeric): number {
  switch (v.kind) {
    case NumericKind.negInf:
      return -2;
    case NumericKind.finite:
      return v.coef > 0n ? 1 : v.coef < 0n ? -1 : 0;
    case NumericKind.posInf:
      return 2;
    default:
      return 3;
  }
}

/**
 * A hash key equal for values that compare equal: integral values give their bigint value,
 * others a normalized `digits e-exponent` string; specials give their name.
 */
export function numericHashKey(v: Numeric): string | bigint {
  if (v.kind !== NumericKind.finite) return v.toString();
  if (v.scale === 0) return v.coef;
  const p = pow10(v.scale);
  if (v.coef % p === 0n) return v.coef / p;
  let digits = v.coef.toString();
  let scale = v.scale;
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) {
    end--;
    scale--;
  }
  if (end !== digits.length) digits = digits.slice(0, end);
  return `${digits}e-${scale}`;
}

/**
 * Bytes of a numeric's stored form without the varlena header: the numeric header (2 bytes in the
 * short form, 4 in the long one) and one 2-byte base-10000 digit per group, leading and trailing
 * zero groups dropped (numeric.c's make_result). Used for pg_column_size and jsonb layouts.
 */
export function numericStoredBytes(n: Numeric): number {
  if (n.kind !== NumericKind.finite) return 2;
  let s = (n.coef < 0n ? -n.coef : n.coef).toString();
  if (s === '0') return 2;
  const scale = n.scale;
  while (s.length <= scale) s = '0' + s;
  let int = s.slice(0, s.length - scale);
  let frac = s.slice(s.length - scale);
  int = int.padStart(Math.ceil(int.length / 4) * 4, '0');
  frac = frac.padEnd(Math.ceil(frac.length / 4) * 4, '0');
  const groups: string[] = [];
  for (let i = 0; i < int.length; i += 4) groups.push(int.slice(i, i + 4));
  const intGroups = groups.length;
  for (let i = 0; i < frac.length; i += 4) groups.push(frac.slice(i, i + 4));
  let first = 0;
  while (first < groups.length && groups[first] === '0000') first++;
  let last = groups.length;
  while (last > first && groups[last - 1] === '0000') last--;
  const weight = intGroups - 1 - first;
  const short = scale <= 63 && weight >= -64 && weight <= 63;
  return (short ? 2 : 4) + 2 * (last - first);
}
