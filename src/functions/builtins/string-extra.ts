/**
 * Text utilities: parse_ident, pg_size_bytes, to_oct / to_bin, to_ascii(text), Unicode
 * normalization (normalize, is_normalized and `IS [form] NORMALIZED`), unicode_version,
 * unicode_assigned.
 *
 * Postgres counterpart: src/backend/utils/adt/misc.c (parse_ident), dbsize.c (pg_size_bytes),
 * varlena.c (to_oct, to_bin, unicode_*), ascii.c (to_ascii).
 * Known gaps: normalization and unicode_assigned use the JavaScript engine's Unicode tables
 * (Unicode 15.1 to 17 depending on Node) where Postgres 18 has 16.0; to_ascii(text, encoding) is
 * not implemented (to_ascii(text) raises Postgres's own 0A000 in a UTF8 database).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { Numeric, numericMul, numericToInt8, parseNumeric } from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import { PgArray } from '../../types/values.js';
import { fn } from '../registry.js';

const T = OID.text;

// parse_ident(str, strict default true).
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const isIdentStart = (c: string): boolean => /[A-Za-z_]/.test(c) || c.charCodeAt(0) >= 0x80;
const isIdentCont = (c: string): boolean => isIdentStart(c) || /[0-9$]/.test(c);

function parseIdent(str: string, strict: boolean): PgArray {
  const invalid = (detail?: string): PgError =>
    new PgError(SQLSTATE.invalid_parameter_value, `string is not a valid identifier: "${str}"`, detail ? { detail } : {});
  const out: string[] = [];
  let i = 0;
  let afterDot = false;
  while (i < str.length && isSpace(str[i])) i++;
  for (;;) {
    let missing = true;
    if (str[i] === '"') {
      let name = '';
      let j = i + 1;
      for (;;) {
        const q = str.indexOf('"', j);
        if (q < 0) throw invalid('String has unclosed double quotes.');
        name += str.slice(j, q);
        if (str[q + 1] === '"') {
          name += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (name.length === 0) throw invalid('Quoted identifier must not be empty.');
      out.push(name);
      missing = false;
    } else if (i < str.length && isIdentStart(str[i])) {
      const start = i;
      while (i < str.length && isIdentCont(str[i])) i++;
      out.push(str.slice(start, i).replace(/[A-Z]+/g, (m) => m.toLowerCase()));
      missing = false;
    }
    if (missing) {
      if (str[i] === '.') throw invalid('No valid identifier before ".".');
      if (afterDot) throw invalid('No valid identifier after ".".');
      throw invalid();
    }
    while (i < str.length && isSpace(str[i])) i++;
    if (str[i] === '.') {
      afterDot = true;
      i++;
      while (i < str.length && isSpace(str[i])) i++;
    } else if (i >= str.length) break;
    else {
      if (strict) throw invalid();
      break;
    }
  }
  return PgArray.of(out);
}
fn('parse_ident', [T, OID.bool], OID._text, (a) => parseIdent(a[0] as string, a[1] === undefined ? true : (a[1] as boolean)), {
  defaults: 1,
  argNames: ['str', 'strict'],
  argDefaults: [true],
});

// pg_size_bytes: a number (sign, decimals, exponent) and an optional unit; numeric arithmetic, then int8.
const UNITS: Record<string, bigint> = { bytes: 1n, b: 1n, kb: 1n << 10n, mb: 1n << 20n, gb: 1n << 30n, tb: 1n << 40n, pb: 1n << 50n };
function pgSizeBytes(str: string): bigint {
  const invalid = (unit?: string): PgError =>
    new PgError(SQLSTATE.invalid_parameter_value, `invalid size: "${str}"`, unit === undefined ? {} : {
      detail: `Invalid size unit: "${unit}".`,
      hint: 'Valid units are "bytes", "B", "kB", "MB", "GB", "TB", and "PB".',
    });
  const m = /^[ \t\n\r\f\v]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/.exec(str);
  if (!m) throw invalid();
  let num = parseNumeric(m[1]);
  const rest = str.slice(m[0].length).replace(/^[ \t\n\r\f\v]+/, '').replace(/[ \t\n\r\f\v]+$/, '');
  if (rest.length > 0) {
    const mult = UNITS[rest.toLowerCase()];
    if (mult === undefined) throw invalid(rest);
    num = numericMul(num, Numeric.fromInt(mult));
  }
  return numericToInt8(num);
}
fn('pg_size_bytes', [T], OID.int8, (a) => pgSizeBytes(a[0] as string));

// to_oct / to_bin: two's complement of the argument's width for negatives.
fn('to_oct', [OID.int4], T, (a) => ((a[0] as number) >>> 0).toString(8));
fn('to_oct', [OID.int8], T, (a) => BigInt.asUintN(64, a[0] as bigint).toString(8));
fn('to_bin', [OID.int4], T, (a) => ((a[0] as number) >>> 0).toString(2));
fn('to_bin', [OID.int8], T, (a) => BigInt.asUintN(64, a[0] as bigint).toString(2));

// to_ascii(text) converts from the database encoding, which is UTF8: Postgres refuses.
fn('to_ascii', [T], T, () => {
  throw new PgError(SQLSTATE.feature_not_supported, 'encoding conversion from UTF8 to ASCII not supported');
});

// Unicode normalization (the grammar's NORMALIZE(x, NFD) and x IS NFD NORMALIZED pass the form as text).
const FORMS = new Set(['NFC', 'NFD', 'NFKC', 'NFKD']);
function normalForm(f: unknown): 'NFC' | 'NFD' | 'NFKC' | 'NFKD' {
  const form = f === undefined ? 'NFC' : (f as string);
  if (!FORMS.has(form)) throw new PgError(SQLSTATE.invalid_parameter_value, `invalid normalization form: ${form}`);
  return form as 'NFC';
}
fn('normalize', [T, T], T, (a) => (a[0] as string).normalize(normalForm(a[1])), { defaults: 1, argDefaults: ['NFC'] });
fn('is_normalized', [T, T], OID.bool, (a) => {
  const s = a[0] as string;
  return s === s.normalize(normalForm(a[1]));
}, { defaults: 1, argDefaults: ['NFC'] });
fn('unicode_version', [], T, () => '16.0');
const UNASSIGNED = /\p{Cn}/u;
fn('unicode_assigned', [T], OID.bool, (a) => !UNASSIGNED.test(a[0] as string));
