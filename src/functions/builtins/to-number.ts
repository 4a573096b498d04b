/**
 * to_number(text, text): reads a number through a to_char number template, replaying Postgres's
 * NUM_processor in its "from char" direction byte by byte, quirks included: every `9`/`0`/`.`
 * position consumes one input byte whether or not it held a digit, literal template characters
 * skip one input character each, `,`/`G` are consumed only when the input has one there (never in
 * FM mode), `L`/`MI`/`PL`/`SG`/`TH` skip non-data characters, `S` reads a sign before or after the
 * digits, `PR` reads `<`; `V` divides by 10^n (through numeric power, hence its long scale); `RN`
 * reads a Roman numeral (Postgres 18). The locale is C (Postgres's oracle runs with lc_numeric
 * C.UTF-8): decimal point `.`, group separator `,`, currency symbol one blank.
 *
 * Postgres counterpart: numeric_to_number, NUM_processor, NUM_numpart_from_char,
 * NUM_eat_non_data_chars and NUMDesc_prepare in src/backend/utils/adt/formatting.c.
 * Known gaps: locales other than C.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { applyNumericTypmod, Numeric, numericMul, numericPower, parseNumeric } from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import { fn } from '../registry.js';

type NumKey =
  | ',' | '.' | '0' | '9' | 'B' | 'C' | 'D' | 'E' | 'FM' | 'G' | 'L' | 'MI' | 'PL' | 'PR' | 'RN' | 'SG' | 'SP' | 'S' | 'TH' | 'V';

/** Postgres's NUM_keywords, longest first where prefixes collide; lower-case forms map to the same key. */
const KEYWORDS: readonly [string, NumKey][] = [
  [',', ','], ['.', '.'], ['0', '0'], ['9', '9'],
  ['B', 'B'], ['C', 'C'], ['D', 'D'], ['EEEE', 'E'], ['FM', 'FM'], ['G', 'G'], ['L', 'L'], ['MI', 'MI'],
  ['PL', 'PL'], ['PR', 'PR'], ['RN', 'RN'], ['SG', 'SG'], ['SP', 'SP'], ['S', 'S'], ['TH', 'TH'], ['V', 'V'],
  ['b', 'B'], ['c', 'C'], ['d', 'D'], ['eeee', 'E'], ['fm', 'FM'], ['g', 'G'], ['l', 'L'], ['mi', 'MI'],
  ['pl', 'PL'], ['pr', 'PR'], ['rn', 'RN'], ['sg', 'SG'], ['sp', 'SP'], ['s', 'S'], ['th', 'TH'], ['v', 'V'],
];

/** A template node: an action keyword, or one literal character (its UTF-8 bytes are skipped). */
type Node = { readonly key: NumKey } | { readonly lit: string };

interface NumDesc {
  readonly nodes: readonly Node[];
  pre: number;
  post: number;
  multi: number;
  decimal: boolean;
  fillMode: boolean;
  lsign: boolean;
  plus: boolean;
  minus: boolean;
  bracket: boolean;
  roman: boolean;
  eeee: boolean;
  /** `V` seen: later digit positions count in multi. */
  multiSeen: boolean;
  zero: boolean;
  blank: boolean;
}

const syntax = (msg: string, detail?: string): PgError => new PgError(SQLSTATE.syntax_error, msg, detail ? { detail } : {});

/** parse_format + NUMDesc_prepare for the NUM keywords, with Postgres's template errors. */
function parseTemplate(fmt: string): NumDesc {
  const nodes: Node[] = [];
  const d: NumDesc = { nodes, pre: 0, post: 0, multi: 0, decimal: false, fillMode: false, lsign: false, plus: false, minus: false, bracket: false, roman: false, eeee: false, multiSeen: false, zero: false, blank: false };
  let i = 0;
  while (i < fmt.length) {
    const kw = KEYWORDS.find(([k]) => fmt.startsWith(k, i));
    if (kw) {
      prepare(d, kw[1]);
      nodes.push({ key: kw[1] });
      i += kw[0].length;
      continue;
    }
    const c = String.fromCodePoint(fmt.codePointAt(i) as number);
    if (c === '"') {
      // A quoted string: each character is a literal node; backslash escapes a quote.
      i++;
      while (i < fmt.length && fmt[i] !== '"') {
        if (fmt[i] === '\\' && fmt[i + 1] === '"') i++;
        const q = String.fromCodePoint(fmt.codePointAt(i) as number);
        nodes.push({ lit: q });
        i += q.length;
      }
      i++;
      continue;
    }
    if (c === '\\' && fmt[i + 1] === '"') {
      nodes.push({ lit: '"' });
      i += 2;
      continue;
    }
    nodes.push({ lit: c });
    i += c.length;
  }
  return d;
}

function prepare(d: NumDesc, key: NumKey): void {
  if (d.eeee && key !== 'E') throw syntax('"EEEE" must be the last pattern used');
  switch (key) {
    case '9':
    case '0':
      if (d.bracket) throw syntax(`"${key}" must be ahead of "PR"`);
      if (d.multiSeen) d.multi++;
      else if (d.decimal) d.post++;
      else d.pre++;
      break;
    case '.':
    case 'D':
      if (d.decimal) throw syntax('multiple decimal points');
      if (d.multiSeen) throw syntax('cannot use "V" and decimal point together');
      d.decimal = true;
      break;
    case 'FM':
      d.fillMode = true;
      break;
    case 'S':
      if (d.lsign) throw syntax('cannot use "S" twice');
      if (d.plus || d.minus || d.bracket) throw syntax('cannot use "S" and "PL"/"MI"/"SG"/"PR" together');
      d.lsign = true;
      break;
    case 'MI':
      if (d.lsign) throw syntax('cannot use "S" and "MI" together');
      d.minus = true;
      break;
    case 'PL':
      if (d.lsign) throw syntax('cannot use "S" and "PL" together');
      d.plus = true;
      break;
    case 'SG':
      if (d.lsign) throw syntax('cannot use "S" and "SG" together');
      d.minus = true;
      d.plus = true;
      break;
    case 'PR':
      if (d.lsign || d.plus || d.minus) throw syntax('cannot use "PR" and "S"/"PL"/"MI"/"SG" together');
      d.bracket = true;
      break;
    case 'RN':
      if (d.roman) throw syntax('cannot use "RN" twice');
      d.roman = true;
      break;
    case 'V':
      if (d.decimal) throw syntax('cannot use "V" and decimal point together');
      d.multiSeen = true;
      break;
    case 'E':
      if (d.eeee) throw syntax('cannot use "EEEE" twice');
      if (d.plus || d.minus || d.lsign || d.bracket || d.roman || d.multiSeen || d.fillMode) {
        throw syntax('"EEEE" is incompatible with other formats', '"EEEE" may only be used together with digit and decimal point patterns.');
      }
      d.eeee = true;
      break;
    default:
      break;
  }
  if (key === '0') d.zero = true;
  if (key === 'B') d.blank = true;
  // NUMDesc_prepare: RN admits FM only (plain 9s and literals carry no flag).
  if (d.roman && (d.decimal || d.zero || d.blank || d.lsign || d.bracket || d.minus || d.plus || d.multiSeen || d.eeee)) {
    throw syntax('"RN" is incompatible with other formats', '"RN" may only be used together with "FM".');
  }
}

const cache = new Map<string, NumDesc>();
function template(fmt: string): NumDesc {
  let d = cache.get(fmt);
  if (!d) {
    d = parseTemplate(fmt);
    if (cache.size > 200) cache.clear();
    cache.set(fmt, d);
  }
  return d;
}

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 48 && b <= 57;
const NON_DATA_STOP = new Set([...'0123456789.,+-'].map((c) => c.charCodeAt(0)));

/** Length of the UTF-8 character starting with byte b (pg_mblen). */
function mblen(b: number): number {
  return b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/** NUM_processor's from-char loop: the number text handed to numeric_in, and the digits read after the point. */
function readNumber(d: NumDesc, input: Uint8Array): { text: string; readPost: number; romanPre: number } {
  const len = input.length;
  let p = 0;
  let sign = ' ';
  let digits = '';
  let readPre = 0;
  let readPost = 0;
  let readDec = false;
  const overload = (): boolean => p >= len;
  const amount = (s: number): boolean => p <= len - s;
  const eatNonData = (n: number): void => {
    while (n-- > 0) {
      if (overload() || NON_DATA_STOP.has(input[p])) break;
      p += mblen(input[p]);
    }
  };
  const numpart = (): void => {
    let isread = false;
    if (overload()) return;
    if (input[p] === 32) p++;
    if (overload()) return;
    if (sign === ' ' && readPre + readPost === 0 && digitKey) {
      // The pre-sign: a locale sign for S (C locale: + and -), else - (or < with PR) and +.
      if (input[p] === 45 || (d.bracket && !d.lsign && input[p] === 60)) {
        sign = '-';
        p++;
      } else if (input[p] === 43) {
        sign = '+';
        p++;
      }
    }
    if (overload()) return;
    if (isDigit(input[p])) {
      if (readDec && readPost === d.post) return;
      digits += String.fromCharCode(input[p]);
      if (readDec) readPost++;
      else readPre++;
      isread = true;
    } else if (d.decimal && !readDec) {
      if (amount(1) && input[p] === 46) {
        digits += '.';
        readDec = true;
        isread = true;
      }
    }
    if (overload()) return;
    if (sign === ' ' && readPre + readPost > 0) {
      if (d.lsign && isread && p + 1 < len && !isDigit(input[p + 1])) {
        // The locale post-sign right after the last digit read.
        const tmp = p++;
        if (amount(1) && input[p] === 45) sign = '-';
        else if (amount(1) && input[p] === 43) sign = '+';
        if (sign === ' ') p = tmp;
      } else if (!isread && !d.lsign && (d.plus || d.minus)) {
        if (input[p] === 45 || input[p] === 43) sign = String.fromCharCode(input[p]);
      }
    }
  };
  let digitKey = false;
  let romanPre = -1;
  for (const n of d.nodes) {
    if (overload()) break;
    if ('lit' in n) {
      p += mblen(input[p]);
      continue;
    }
    switch (n.key) {
      case '9':
      case '0':
      case '.':
      case 'D':
        digitKey = n.key === '9' || n.key === '0';
        numpart();
        break;
      case ',':
      case 'G':
        if (d.fillMode) continue;
        if (input[p] !== 44) continue;
        break;
      case 'L':
        eatNonData(1);
        continue;
      case 'RN': {
        const r = romanToInt(input, p);
        digits += String(r.value);
        romanPre = String(r.value).length;
        readPre += romanPre;
        p = r.end;
        continue;
      }
      case 'TH':
        if (d.decimal) continue;
        eatNonData(2);
        continue;
      case 'MI':
        if (input[p] === 45) sign = '-';
        else {
          eatNonData(1);
          continue;
        }
        break;
      case 'PL':
        if (input[p] === 43) sign = '+';
        else {
          eatNonData(1);
          continue;
        }
        break;
      case 'SG':
        if (input[p] === 45) sign = '-';
        else if (input[p] === 43) sign = '+';
        else {
          eatNonData(1);
          continue;
        }
        break;
      default:
        continue;
    }
    p++;
  }
  if (digits.endsWith('.')) digits = digits.slice(0, -1);
  return { text: sign + digits, readPost, romanPre };
}

const ROMAN: readonly [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** roman_to_int: blanks skipped, up to 15 numeral letters (either case), canonical form only; returns the value and the end position. */
function romanToInt(input: Uint8Array, from: number): { value: number; end: number } {
  let p = from;
  while (p < input.length && input[p] === 32) p++;
  let letters = '';
  while (p < input.length && letters.length < 15) {
    const c = String.fromCharCode(input[p]).toUpperCase();
    if (!(c in ROMAN_VALUE)) break;
    letters += c;
    p++;
  }
  let value = 0;
  for (let i = 0; i < letters.length; i++) {
    const v = ROMAN_VALUE[letters[i]];
    const next = ROMAN_VALUE[letters[i + 1]] ?? 0;
    value += v < next ? -v : v;
  }
  let canonical = '';
  let rest = value;
  for (const [v, r] of ROMAN) while (rest >= v) {
    canonical += r;
    rest -= v;
  }
  if (letters.length === 0 || value < 1 || value > 3999 || canonical !== letters) {
    throw new PgError(SQLSTATE.invalid_text_representation, 'invalid Roman numeral');
  }
  return { value, end: p };
}

const TEN = Numeric.fromInt(10n);

/**
 * to_number(text, template).
 *
 * @example
 * toNumber('12,454.8-', '99G999D9S').toString(); // '-12454.8'
 */
export function toNumber(value: string, fmt: string): Numeric | null {
  if (fmt.length === 0) return null;
  const d = template(fmt);
  if (d.eeee) throw new PgError(SQLSTATE.feature_not_supported, '"EEEE" not supported for input');
  const { text, readPost, romanPre } = readNumber(d, Buffer.from(value, 'utf8'));
  let result = parseNumeric(text);
  const precision = (romanPre >= 0 ? romanPre : d.pre) + d.multi + readPost;
  if (precision > 0) result = applyNumericTypmod(result, ((precision << 16) | readPost) + 4);
  else if (result.signum() !== 0) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, 'numeric field overflow', {
      detail: 'A field with precision 0, scale 0 must round to an absolute value less than 1.',
    });
  }
  if (d.multiSeen) result = numericMul(result, numericPower(TEN, Numeric.fromInt(BigInt(-d.multi))));
  return result;
}

fn('to_number', [OID.text, OID.text], OID.numeric, (a) => toNumber(a[0] as string, a[1] as string), { volatility: 's' });
