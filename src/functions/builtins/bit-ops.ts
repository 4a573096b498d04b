/**
 * bit / bit varying operators, functions, casts and aggregates: comparisons, `& | # ~ << >> ||`,
 * length, bit_length, octet_length, bit_count, get_bit, set_bit, position, substring, overlay,
 * casts to and from int4/int8, bit_and/bit_or/bit_xor.
 *
 * Postgres counterpart: src/backend/utils/adt/varbit.c.
 * Known gaps: none known among the SQL-callable functions above.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { bitApplyTypmod, bitFromInteger, bitToInteger, varbitApplyTypmod } from '../../types/bit.js';
import { registerCast, registerTypmodCast } from '../../analyze/special-casts.js';
import { fn, op } from '../registry.js';
import { registerComparisons } from './comparison.js';
import { agg } from './aggregates.js';

const BIT = OID.bit;
const VARBIT = OID.varbit;
const I4 = OID.int4;

const cmp = (a: Value, b: Value): number => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0);
registerComparisons(BIT, BIT, cmp);
registerComparisons(VARBIT, VARBIT, cmp);

function bitwise(name: 'AND' | 'OR' | 'XOR', f: (x: boolean, y: boolean) => boolean) {
  return (a: Value, b: Value): string => {
    const x = a as string;
    const y = b as string;
    if (x.length !== y.length) throw new PgError(SQLSTATE.string_data_length_mismatch, `cannot ${name} bit strings of different sizes`);
    let out = '';
    for (let i = 0; i < x.length; i++) out += f(x[i] === '1', y[i] === '1') ? '1' : '0';
    return out;
  };
}
const bitAnd = bitwise('AND', (x, y) => x && y);
const bitOr = bitwise('OR', (x, y) => x || y);
const bitXor = bitwise('XOR', (x, y) => x !== y);
op('&', BIT, BIT, BIT, bitAnd, { commutator: '&' });
op('|', BIT, BIT, BIT, bitOr, { commutator: '|' });
op('#', BIT, BIT, BIT, bitXor, { commutator: '#' });
op('~', 0, BIT, BIT, (_a, b) => {
  let out = '';
  for (const c of b as string) out += c === '1' ? '0' : '1';
  return out;
});

/** bitshiftleft: shifts towards the start, filling with zeros; a negative count shifts right. */
function shiftLeft(v: string, n: number): string {
  if (n < 0) return shiftRight(v, n === -2147483648 ? 2147483647 : -n);
  if (n >= v.length) return '0'.repeat(v.length);
  return v.slice(n) + '0'.repeat(n);
}
function shiftRight(v: string, n: number): string {
  if (n < 0) return shiftLeft(v, n === -2147483648 ? 2147483647 : -n);
  if (n >= v.length) return '0'.repeat(v.length);
  return '0'.repeat(n) + v.slice(0, v.length - n);
}
op('<<', BIT, I4, BIT, (a, b) => shiftLeft(a as string, b as number));
op('>>', BIT, I4, BIT, (a, b) => shiftRight(a as string, b as number));
op('||', VARBIT, VARBIT, VARBIT, (a, b) => {
  const r = (a as string) + (b as string);
  if (r.length > 83886080) throw new PgError(SQLSTATE.program_limit_exceeded, 'bit string length exceeds the maximum allowed (83886080)');
  return r;
});

fn('length', [BIT], I4, (a) => (a[0] as string).length);
fn('bit_length', [BIT], I4, (a) => (a[0] as string).length);
fn('octet_length', [BIT], I4, (a) => Math.ceil((a[0] as string).length / 8));
fn('bit_count', [BIT], OID.int8, (a) => {
  let n = 0;
  for (const c of a[0] as string) if (c === '1') n++;
  return BigInt(n);
});

function bitIndex(v: string, n: number): void {
  if (n < 0 || n >= v.length) {
    throw new PgError(SQLSTATE.array_subscript_error, `bit index ${n} out of valid range (0..${v.length - 1})`);
  }
}
fn('get_bit', [BIT, I4], I4, (a) => {
  const v = a[0] as string;
  bitIndex(v, a[1] as number);
  return v[a[1] as number] === '1' ? 1 : 0;
});
fn('set_bit', [BIT, I4, I4], BIT, (a) => {
  const v = a[0] as string;
  const n = a[1] as number;
  bitIndex(v, n);
  const b = a[2] as number;
  if (b !== 0 && b !== 1) throw new PgError(SQLSTATE.invalid_parameter_value, 'new bit must be 0 or 1');
  return v.slice(0, n) + String(b) + v.slice(n + 1);
});

/** bitposition: 1-based position of `sub` in `str`; 0 when absent or `str` is empty; 1 for an empty `sub`. */
fn('position', [BIT, BIT], I4, (a) => {
  const str = a[0] as string;
  const sub = a[1] as string;
  if (str.length === 0 || sub.length > str.length) return 0;
  if (sub.length === 0) return 1;
  return str.indexOf(sub) + 1;
});

const negativeLength = () => new PgError(SQLSTATE.substring_error, 'negative substring length not allowed');

/** bitsubstr: characters start .. start+count-1 (1-based), clipped to the string. */
function bitSubstr(v: string, start: number, count?: number): string {
  if (count !== undefined && count < 0) throw negativeLength();
  const from = Math.max(start, 1);
  const end = count === undefined ? Infinity : start + count;
  if (end <= from) return '';
  return v.slice(from - 1, end === Infinity ? undefined : end - 1);
}
fn('substring', [BIT, I4, I4], BIT, (a) => bitSubstr(a[0] as string, a[1] as number, a[2] as number));
fn('substring', [BIT, I4], BIT, (a) => bitSubstr(a[0] as string, a[1] as number));

/** bitoverlay: substring(t1, 1, sp - 1) || t2 || substring(t1, sp + sl). */
function bitOverlay(t1: string, t2: string, sp: number, sl: number): string {
  if (sp <= 0) throw negativeLength();
  const end = sp + sl;
  if (end > 2147483647 || end < -2147483648) throw new PgError(SQLSTATE.numeric_value_out_of_range, 'integer out of range');
  return bitSubstr(t1, 1, sp - 1) + t2 + bitSubstr(t1, end);
}
fn('overlay', [BIT, BIT, I4, I4], BIT, (a) => bitOverlay(a[0] as string, a[1] as string, a[2] as number, a[3] as number));
fn('overlay', [BIT, BIT, I4], BIT, (a) => bitOverlay(a[0] as string, a[1] as string, a[2] as number, (a[1] as string).length));

// Length-coercion functions callable by name, as in pg_proc.
fn('bit', [BIT, I4, OID.bool], BIT, (a) => bitApplyTypmod(a[0] as string, a[1] as number, a[2] as boolean));
fn('varbit', [VARBIT, I4, OID.bool], VARBIT, (a) => varbitApplyTypmod(a[0] as string, a[1] as number, a[2] as boolean));

// bit <-> bit varying share a representation; the target's typmod is applied afterwards.
registerCast(BIT, VARBIT, (v) => v);
registerCast(VARBIT, BIT, (v) => v);
registerTypmodCast(OID.int4, BIT, (typmod) => (v) => bitFromInteger(BigInt(v as number), typmod, 32));
registerTypmodCast(OID.int8, BIT, (typmod) => (v) => bitFromInteger(v as bigint, typmod, 64));
registerCast(BIT, OID.int4, (v) => Number(bitToInteger(v as string, 32)));
registerCast(BIT, OID.int8, (v) => bitToInteger(v as string, 64));

agg<string | null>('bit_and', [BIT], BIT, () => null, (s, a) => (s === null ? (a[0] as string) : bitAnd(s, a[0])), (s) => s);
agg<string | null>('bit_or', [BIT], BIT, () => null, (s, a) => (s === null ? (a[0] as string) : bitOr(s, a[0])), (s) => s);
agg<string | null>('bit_xor', [BIT], BIT, () => null, (s, a) => (s === null ? (a[0] as string) : bitXor(s, a[0])), (s) => s);
