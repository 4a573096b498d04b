/**
 * to_char for numbers (int4, int8, numeric, float4, float8): digit positions `9` and `0`,
 * decimal point `.`/`D`, group separator `,`/`G`, signs `S`, `MI`, `PL`, `SG`, `PR` (angle
 * brackets), `L` (currency: blank in the C locale), `V` (shift by powers of ten), `EEEE`
 * (scientific), `RN` (Roman numerals), `TH`/`th` (ordinal suffix), `FM` (fill mode) and literal
 * text. Too many integer digits print as `#`.
 *
 * Postgres counterpart: NUM_processor, NUM_numpart_to_char and the *_to_char functions in
 * src/backend/utils/adt/formatting.c.
 * Known gaps: float values rounding exactly half-way in binary round up (JS toFixed) where glibc
 * rounds to even; `EEEE` for floats renormalizes like C's %e.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { exactDecimal } from '../../types/float/float-bits.js';
import { Numeric, numericMul, numericRound } from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { fn } from '../registry.js';
import { ordinal } from '../../types/datetime/to-char-template.js';

type Tok =
  | { k: 'digit'; zero: boolean; afterPoint: boolean }
  | { k: 'point' }
  | { k: 'group' }
  | { k: 'S' | 'MI' | 'PL' | 'SG' | 'PR' | 'L' | 'EEEE' }
  | { k: 'RN'; lower: boolean }
  | { k: 'TH'; lower: boolean }
  | { k: 'lit'; text: string };

interface NumFormat {
  toks: Tok[];
  fm: boolean;
  pre: number;
  post: number;
  /** Index (among integer digit positions) of the first `0`, or -1. */
  zeroStart: number;
  /** Digits after `V`: the value is multiplied by 10^multi. */
  multi: number;
  signTok: boolean;
  eeee: boolean;
  rn: boolean;
}

const cache = new Map<string, NumFormat>();

function parseFormat(fmt: string): NumFormat {
  const cached = cache.get(fmt);
  if (cached) return cached;
  const toks: Tok[] = [];
  let fm = false;
  let pre = 0;
  let post = 0;
  let zeroStart = -1;
  let multi = 0;
  let afterPoint = false;
  let afterV = false;
  let i = 0;
  const up = fmt.toUpperCase();
  while (i < fmt.length) {
    const c = fmt[i];
    const rest = up.slice(i);
    if (rest.startsWith('FM')) {
      fm = true;
      i += 2;
    } else if (c === '9' || c === '0') {
      if (afterV) multi++;
      if (afterPoint) post++;
      else {
        if (c === '0' && zeroStart < 0) zeroStart = pre;
        pre++;
      }
      toks.push({ k: 'digit', zero: c === '0', afterPoint });
      i++;
    } else if (c === '.' || rest[0] === 'D') {
      if (!afterPoint) {
        toks.push({ k: 'point' });
        afterPoint = true;
      } else toks.push({ k: 'lit', text: c });
      i++;
    } else if (c === ',' || rest[0] === 'G') {
      toks.push({ k: 'group' });
      i++;
    } else if (rest.startsWith('EEEE')) {
      // NUMDesc_prepare: fill mode, signs, RN or V before EEEE.
      if (fm || toks.some((t) => t.k === 'S' || t.k === 'MI' || t.k === 'PL' || t.k === 'SG' || t.k === 'PR' || t.k === 'RN') || /V/i.test(fmt.slice(0, i))) {
        throw new PgError(SQLSTATE.syntax_error, '"EEEE" is incompatible with other formats', {
          detail: '"EEEE" may only be used together with digit and decimal point patterns.',
        });
      }
      toks.push({ k: 'EEEE' });
      i += 4;
    } else if (rest.startsWith('MI') || rest.startsWith('PL') || rest.startsWith('SG') || rest.startsWith('PR')) {
      toks.push({ k: rest.slice(0, 2) as 'MI' });
      i += 2;
    } else if (rest.startsWith('RN')) {
      toks.push({ k: 'RN', lower: fmt[i] === 'r' });
      i += 2;
    } else if (rest.startsWith('TH')) {
      toks.push({ k: 'TH', lower: fmt[i] === 't' });
      i += 2;
    } else if (rest[0] === 'S') {
      toks.push({ k: 'S' });
      i++;
    } else if (rest[0] === 'L') {
      toks.push({ k: 'L' });
      i++;
    } else if (rest[0] === 'V') {
      afterV = true;
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < fmt.length && fmt[j] !== '"') {
        if (fmt[j] === '\\' && j + 1 < fmt.length) j++;
        text += fmt[j++];
      }
      toks.push({ k: 'lit', text });
      i = j + 1;
    } else {
      toks.push({ k: 'lit', text: c });
      i++;
    }
  }
  // Digits after V are integer positions of the shifted value.
  const f: NumFormat = {
    toks,
    fm,
    pre,
    post,
    zeroStart,
    multi,
    signTok: toks.some((t) => t.k === 'S' || t.k === 'MI' || t.k === 'SG' || t.k === 'PR'),
    eeee: toks.some((t) => t.k === 'EEEE'),
    rn: toks.some((t) => t.k === 'RN'),
  };
  if (cache.size > 200) cache.clear();
  cache.set(fmt, f);
  return f;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(n: number): string {
  if (n < 1 || n > 3999) return '###############';
  let s = '';
  for (const [v, r] of ROMAN) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}

/** The value as an exact decimal (floats through their shortest text), or NaN/Infinity. */
type Num = { kind: 'num'; n: Numeric } | { kind: 'float'; x: number; digits: number };

/** Decimal digits of |value| rounded to `post` places: [integer digits, fraction digits, negative]. */
function decimalParts(v: Num, post: number): { int: string; frac: string; neg: boolean; special?: string; floatSign?: boolean } {
  if (v.kind === 'float') {
    const x = v.x;
    if (Number.isNaN(x)) return { int: '', frac: '', neg: false, special: 'NaN' };
    if (!Number.isFinite(x)) return { int: '', frac: '', neg: x < 0, special: 'Infinity' };
    // Postgres keeps at most DBL_DIG (FLT_DIG) significant digits.
    const intLen = printfFixed(Math.abs(x), 0).length;
    let p = post;
    if (intLen >= v.digits) p = 0;
    else if (intLen + p > v.digits) p = v.digits - intLen;
    const s = printfFixed(Math.abs(x), p);
    const [i, f = ''] = s.split('.');
    // The sign comes from the value (printf prints -0.00 for small negatives).
    return { int: i, frac: f.padEnd(post, '0'), neg: x < 0 || Object.is(x, -0), floatSign: true };
  }
  const n = v.n;
  if (n.isNaN()) return { int: '', frac: '', neg: false, special: 'NaN' };
  if (n.isInfinite()) return { int: '', frac: '', neg: n.signum() < 0, special: 'Infinity' };
  const r = numericRound(n, post);
  const neg = r.coef < 0n;
  const digits = (neg ? -r.coef : r.coef).toString().padStart(r.scale + 1, '0');
  const int = digits.slice(0, digits.length - r.scale);
  const frac = digits.slice(digits.length - r.scale).padEnd(post, '0');
  return { int, frac, neg };
}

/** C's `%.<p>e` of a finite x: the exact binary value rounded half to even (toExponential rounds ties up). */
function printfExp(x: number, p: number): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0${p > 0 ? '.' + '0'.repeat(p) : ''}e+00`;
  const { digits, exp10 } = exactDecimal(Math.abs(x));
  let e = digits.length - 1 + exp10;
  const drop = digits.length - (p + 1);
  let q = BigInt(digits);
  if (drop > 0) {
    const d = 10n ** BigInt(drop);
    const base = q / d;
    const twice = 2n * (q - base * d);
    q = twice > d || (twice === d && base % 2n === 1n) ? base + 1n : base;
    if (q.toString().length > p + 1) {
      q /= 10n;
      e++;
    }
  } else if (drop < 0) q *= 10n ** BigInt(-drop);
  const m = q.toString();
  return `${sign}${m[0]}${p > 0 ? '.' + m.slice(1) : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** C's `%.<p>f` of a finite |x| >= 0: the exact binary value rounded half to even. */
export function printfFixed(x: number, p: number): string {
  const { digits, exp10 } = exactDecimal(x);
  // value = digits * 10^exp10; keep p fraction digits.
  let big = BigInt(digits);
  const drop = -exp10 - p; // digits to remove from the right
  if (drop > 0) {
    const d = 10n ** BigInt(drop);
    const q = big / d;
    const r = big - q * d;
    const twice = 2n * r;
    big = twice > d || (twice === d && q % 2n === 1n) ? q + 1n : q;
  } else if (drop < 0) {
    big *= 10n ** BigInt(-drop);
  }
  const s = big.toString().padStart(p + 1, '0');
  return p > 0 ? `${s.slice(0, s.length - p)}.${s.slice(s.length - p)}` : s;
}

/** Scientific notation as Postgres prints numerics (exponent from the unrounded value). */
function eeeeText(v: Num, pre: number, post: number): string {
  // NaN and infinities fill the picture with '#' (pre + post + 5 characters, the point kept).
  if (v.kind === 'float' ? !Number.isFinite(v.x) : !v.n.isFinite()) return ` ${'#'.repeat(pre)}.${'#'.repeat(post + 4)}`;
  if (v.kind === 'float') {
    const s = printfExp(v.x, post);
    return s.startsWith('-') ? s : ' ' + s;
  }
  const n = v.n;
  if (n.isZero()) return ` ${'0' + (post > 0 ? '.' + '0'.repeat(post) : '')}e+00`;
  const neg = n.coef < 0n;
  const abs = (neg ? -n.coef : n.coef).toString();
  const exp = abs.length - 1 - n.scale;
  // mantissa = |n| / 10^exp, rounded to post digits.
  const m = numericRound(shift(n, -exp), post);
  const mt = m.toString().replace('-', '');
  const e = Math.abs(exp);
  return `${neg ? '-' : ' '}${mt}e${exp < 0 ? '-' : '+'}${String(e).padStart(2, '0')}`;
}

/** |n| * 10^k as an exact numeric. */
function shift(n: Numeric, k: number): Numeric {
  const c = n.coef < 0n ? -n.coef : n.coef;
  if (k >= 0) return Numeric.of(c * 10n ** BigInt(k), n.scale);
  return Numeric.of(c, n.scale - k);
}

/**
 * Formats a number with a to_char template.
 *
 * @example numToChar({ kind: 'num', n: parseNumeric('-1234.5') }, '9,999.00') === '-1,234.50'
 */
export function numToChar(value: Num, fmt: string): string {
  const f = parseFormat(fmt);
  let v = value;
  let pre = f.pre;
  let post = f.post;
  if (f.multi > 0) {
    if (v.kind === 'num') v = { kind: 'num', n: numericMul(v.n, Numeric.of(10n ** BigInt(f.multi), 0)) };
    else v = { kind: 'float', x: v.x * 10 ** f.multi, digits: v.digits };
    post = Math.max(0, post - f.multi);
  }
  if (f.rn) {
    const n = v.kind === 'num' ? Number(numericRound(v.n, 0).toString()) : Number(printfFixed(Math.abs(v.x), 0)) * Math.sign(v.x);
    let r = roman(Number.isFinite(n) ? n : 0);
    const lower = f.toks.some((t) => t.k === 'RN' && t.lower);
    if (lower) r = r.toLowerCase();
    return f.fm ? r : r.padStart(15, ' ');
  }
  if (f.eeee) return eeeeText(v, pre, post);
  // float*_to_char keeps at most DBL_DIG (FLT_DIG) significant digits: fewer fraction digits.
  if (v.kind === 'float' && Number.isFinite(v.x)) {
    const intLen = printfFixed(Math.abs(v.x), 0).length;
    if (intLen >= v.digits) post = 0;
    else if (intLen + post > v.digits) post = v.digits - intLen;
  }
  const parts = decimalParts(v, post);
  // NaN prints as itself; infinities overflow the picture (with their sign).
  if (parts.special === 'NaN') {
    const blank = f.fm ? '' : ' ';
    if (f.toks.some((t) => t.k === 'PR')) return `${blank}NaN${blank}`;
    if (f.toks.some((t) => t.k === 'S')) return sAfterDigits(f) ? 'NaN+' : '+NaN';
    if (f.toks.some((t) => t.k === 'MI')) return `NaN${blank}`;
    if (f.toks.some((t) => t.k === 'PL')) return `+${blank}NaN`;
    return `${blank}NaN`;
  }
  const neg = parts.floatSign || parts.special !== undefined ? parts.neg : parts.neg && !/^0*$/.test(parts.int + parts.frac);
  let intDigits = parts.int;
  let overflow = parts.special !== undefined || intDigits.length > pre;
  if (!overflow && post > 0 && intDigits === '0') intDigits = '';
  if (!overflow && post === 0 && intDigits === '0' && pre === 0) overflow = true;
  const firstSig = pre - intDigits.length;
  // FM: trailing zeros of the fraction at `9` positions are dropped.
  let fracKeep = post;
  if (f.fm && !overflow) {
    const fracToks = f.toks.filter((t) => t.k === 'digit' && t.afterPoint) as { zero: boolean }[];
    while (fracKeep > 0 && parts.frac[fracKeep - 1] === '0' && !fracToks[fracKeep - 1]?.zero) fracKeep--;
  }
  const hasS = f.toks.some((t) => t.k === 'S');
  const pr = f.toks.some((t) => t.k === 'PR');
  const defaultSign = !f.signTok;
  let out = '';
  let started = false; // a non-blank part of the number has been printed
  let signDone = !(defaultSign || hasS || pr);
  let intPos = 0;
  let fracPos = 0;
  let printedDigits = 0;
  const signChar = (): string => {
    if (pr) return neg ? '<' : f.fm ? '' : ' ';
    if (hasS) return neg ? '-' : '+';
    return neg ? '-' : f.fm ? '' : ' ';
  };
  const begin = (): void => {
    if (!started) {
      started = true;
      if (!signDone && !(hasS && sAfterDigits(f))) {
        out += signChar();
        signDone = true;
      }
    }
  };
  for (const t of f.toks) {
    switch (t.k) {
      case 'digit':
        if (!t.afterPoint) {
          if (overflow) {
            begin();
            out += '#';
          } else if (intPos < firstSig) {
            if (f.zeroStart >= 0 && intPos >= f.zeroStart) {
              begin();
              out += '0';
              printedDigits++;
            } else if (!f.fm) out += ' ';
          } else {
            begin();
            out += intDigits[intPos - firstSig];
            printedDigits++;
          }
          intPos++;
        } else {
          if (overflow) {
            if (fracPos < post) out += '#';
          } else if (fracPos < fracKeep) {
            out += parts.frac[fracPos];
            printedDigits++;
          }
          fracPos++;
        }
        break;
      case 'point':
        if (post === 0 && !overflow) break;
        if (!overflow && f.fm && printedDigits === 0 && fracKeep === 0) {
          begin();
          out += '0';
        }
        begin();
        out += '.';
        break;
      case 'group':
        if (started) out += ',';
        else if (!f.fm) out += ' ';
        break;
      case 'S':
        if (sAfterDigits(f)) out += neg ? '-' : '+';
        break;
      case 'MI':
        out += neg ? '-' : f.fm ? '' : ' ';
        break;
      case 'SG':
        out += neg ? '-' : '+';
        break;
      case 'PL':
        out += neg ? (f.fm ? '' : ' ') : '+';
        break;
      case 'PR':
        break;
      case 'L':
        out += ' ';
        break;
      case 'TH':
        if (!overflow && !neg && parts.special === undefined) out += ordinal(Number(intDigits || '0'), !t.lower);
        break;
      case 'lit':
        out += t.text;
        break;
      default:
        break;
    }
  }
  // A picture without digit positions ('X') prints no sign.
  if (!started && !signDone && f.toks.some((t) => t.k === 'digit')) out += signChar();
  if (f.fm && printedDigits === 0 && !overflow && !out.includes('.') && !out.includes('0')) {
    // FM with nothing printed (value 0 with `9`s only): a single 0.
    out = out.replace(/(?=[^-+<\s]|$)/, '0');
  }
  if (pr) out += neg ? '>' : f.fm ? '' : ' ';
  return out;
}

function sAfterDigits(f: NumFormat): boolean {
  const s = f.toks.findIndex((t) => t.k === 'S');
  const d = f.toks.findIndex((t) => t.k === 'digit');
  return s > d && d >= 0;
}

const T = OID.text;
const asNum = (v: Value): Num => ({ kind: 'num', n: v as Numeric });
fn('to_char', [OID.numeric, T], T, (a) => numToChar(asNum(a[0]), a[1] as string), { volatility: 's' });
fn('to_char', [OID.int4, T], T, (a) => numToChar({ kind: 'num', n: Numeric.fromInt(a[0] as number) }, a[1] as string), { volatility: 's' });
fn('to_char', [OID.int8, T], T, (a) => numToChar({ kind: 'num', n: Numeric.fromInt(a[0] as bigint) }, a[1] as string), { volatility: 's' });
fn('to_char', [OID.float8, T], T, (a) => numToChar({ kind: 'float', x: a[0] as number, digits: 15 }, a[1] as string), { volatility: 's' });
fn('to_char', [OID.float4, T], T, (a) => numToChar({ kind: 'float', x: a[0] as number, digits: 6 }, a[1] as string), { volatility: 's' });
