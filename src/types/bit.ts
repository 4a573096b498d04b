/**
 * bit(n) and bit varying(n): bit strings, held as JS strings of '0' and '1' characters (the
 * string order is Postgres's bitcmp order: common bits first, then the shorter string first).
 *
 * Postgres counterpart: src/backend/utils/adt/varbit.c (bit_in, bit_out, varbit_in, bit(),
 * varbit(), bitfromint4/8, bittoint4/8).
 * Known gaps: the binary send/receive forms.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { TypeIO } from './type-io.js';

/** Largest bit length (VARBITMAXLEN for the 1 GB varlena limit). */
export const BIT_MAX_LENGTH = 83886080;

const HEX_BITS = ['0000', '0001', '0010', '0011', '0100', '0101', '0110', '0111', '1000', '1001', '1010', '1011', '1100', '1101', '1110', '1111'];

/**
 * Reads a bit string's text form: binary digits, or `x`/`X` followed by hex digits (bit_in,
 * varbit_in). A leading `b`/`B` is also accepted, as in the B'...' literal's internal form.
 */
export function parseBitString(text: string): string {
  let s = text;
  let hex = false;
  if (s[0] === 'x' || s[0] === 'X') {
    hex = true;
    s = s.slice(1);
  } else if (s[0] === 'b' || s[0] === 'B') {
    s = s.slice(1);
  }
  if (!hex) {
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c !== '0' && c !== '1') {
        throw new PgError(SQLSTATE.invalid_text_representation, `"${String.fromCodePoint(s.codePointAt(i) as number)}" is not a valid binary digit`);
      }
    }
    if (s.length > BIT_MAX_LENGTH) throw bitTooLong();
    return s;
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const d = parseInt(s[i], 16);
    if (Number.isNaN(d)) {
      throw new PgError(SQLSTATE.invalid_text_representation, `"${String.fromCodePoint(s.codePointAt(i) as number)}" is not a valid hexadecimal digit`);
    }
    out += HEX_BITS[d];
  }
  if (out.length > BIT_MAX_LENGTH) throw bitTooLong();
  return out;
}

function bitTooLong(): PgError {
  return new PgError(SQLSTATE.program_limit_exceeded, `bit string length exceeds the maximum allowed (${BIT_MAX_LENGTH})`);
}

/** `bit string length %d does not match type bit(%d)` (22026). */
export function bitLengthMismatch(len: number, n: number): PgError {
  return new PgError(SQLSTATE.string_data_length_mismatch, `bit string length ${len} does not match type bit(${n})`);
}

/** bit(n) length coercion: explicit casts pad with zeros or truncate; otherwise the length must match. */
export function bitApplyTypmod(v: string, typmod: number, isExplicit: boolean): string {
  if (typmod <= 0 || v.length === typmod) return v;
  if (!isExplicit) throw bitLengthMismatch(v.length, typmod);
  return v.length > typmod ? v.slice(0, typmod) : v + '0'.repeat(typmod - v.length);
}

/** bit varying(n) length coercion: explicit casts truncate; otherwise too long is 22001. */
export function varbitApplyTypmod(v: string, typmod: number, isExplicit: boolean): string {
  if (typmod <= 0 || v.length <= typmod) return v;
  if (!isExplicit) throw new PgError(SQLSTATE.string_data_right_truncation, `bit string too long for type bit varying(${typmod})`);
  return v.slice(0, typmod);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The bit type: input with a typmod requires the exact length. */
export const bitIO: TypeIO<string> = {
  input(text, typmod) {
    const v = parseBitString(text);
    if (typmod > 0 && v.length !== typmod) throw bitLengthMismatch(v.length, typmod);
    return v;
  },
  output: (v) => v,
  compare,
  hashKey: (v) => v,
  applyTypmod: bitApplyTypmod,
};

/** The varbit type. */
export const varbitIO: TypeIO<string> = {
  input(text, typmod) {
    const v = parseBitString(text);
    if (typmod > 0 && v.length > typmod) throw new PgError(SQLSTATE.string_data_right_truncation, `bit string too long for type bit varying(${typmod})`);
    return v;
  },
  output: (v) => v,
  compare,
  hashKey: (v) => v,
  applyTypmod: varbitApplyTypmod,
};

/** bitfromint4 / bitfromint8: the low `n` bits of the two's complement value, sign-extended. */
export function bitFromInteger(v: bigint, n: number, width: number): string {
  const len = n <= 0 || n > BIT_MAX_LENGTH ? 1 : n;
  const mask = (1n << BigInt(width)) - 1n;
  const u = BigInt.asUintN(width, v) & mask;
  let bits = u.toString(2).padStart(width, '0');
  if (len <= width) return bits.slice(width - len);
  const sign = v < 0n ? '1' : '0';
  bits = sign.repeat(len - width) + bits;
  return bits;
}

/** bittoint4 / bittoint8: the bits as an unsigned integer of `width` bits, reinterpreted signed. */
export function bitToInteger(v: string, width: number): bigint {
  if (v.length > width) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, width === 32 ? 'integer out of range' : 'bigint out of range');
  }
  if (v.length === 0) return 0n;
  return BigInt.asIntN(width, BigInt('0b' + v));
}
