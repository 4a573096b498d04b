/**
 * The transaction-id types: xid8 (64-bit, FullTransactionId), cid (command id), tid (a row
 * version's physical address, `(block,offset)`), and the snapshot types pg_snapshot /
 * txid_snapshot (`xmin:xmax:xip,...`). xid itself is in catalog-types.ts and uses the same
 * unsigned-integer reader.
 *
 * Values: xid8 is a bigint; cid a number; tid the number block * 65536 + offset (below 2^48, so
 * exact and ordered like Postgres's (block, offset) pairs); a snapshot is its canonical text.
 *
 * Postgres counterpart: src/backend/utils/adt/xid.c (xid8in, cidin), tid.c (tidin/tidout),
 * xid8funcs.c (pg_snapshot_in/out), numutils.c (uint32in_subr, uint64in_subr: strtoul's syntax).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { TypeIO } from './type-io.js';

const syntax = (type: string, text: string): PgError =>
  new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type ${type}: "${text}"`);

const C_SPACE = /^[ \t\n\v\f\r]*/;

/**
 * Reads an integer the way C's strtoul(s, &end, 0) does (leading spaces, a sign, 0x / 0 prefixes
 * for hex / octal), then allows only trailing spaces. Returns the magnitude and sign, or undefined.
 */
function readCInteger(text: string): { negative: boolean; magnitude: bigint } | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[ \t\n\v\f\r]*$/.exec(text);
  if (!m) return undefined;
  const digits = m[2]!;
  let magnitude: bigint;
  if (/^0[xX]/.test(digits)) magnitude = BigInt(digits.toLowerCase());
  else if (digits.length > 1 && digits[0] === '0') magnitude = BigInt('0o' + digits.slice(1));
  else magnitude = BigInt(digits);
  return { negative: m[1] === '-', magnitude };
}

const U32 = 4294967296n;
const U64 = 18446744073709551616n;

/** uint32in_subr: strtoul syntax; negative values in int32 range wrap, others are out of range. */
export function readUint32(text: string, type: string): number {
  const r = readCInteger(text);
  if (!r) throw syntax(type, text);
  const { negative, magnitude } = r;
  if (negative ? magnitude > 2147483648n : magnitude >= U32) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, `value "${text}" is out of range for type ${type}`);
  }
  return Number(negative && magnitude !== 0n ? U32 - magnitude : magnitude);
}

/** uint64in_subr: strtou64 syntax; a negative value wraps modulo 2^64. */
function readUint64(text: string, type: string): bigint {
  const r = readCInteger(text);
  if (!r) throw syntax(type, text);
  if (r.magnitude >= U64) throw new PgError(SQLSTATE.numeric_value_out_of_range, `value "${text}" is out of range for type ${type}`);
  return r.negative && r.magnitude !== 0n ? U64 - r.magnitude : r.magnitude;
}

const compareBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

export const xid8IO: TypeIO<bigint> = {
  input: (text) => readUint64(text, 'xid8'),
  output: (v) => v.toString(),
  compare: compareBig,
  hashKey: (v) => v,
};

export const cidIO: TypeIO<number> = {
  input: (text) => readUint32(text, 'cid'),
  output: (v) => String(v),
  compare: (a, b) => a - b,
  hashKey: (v) => v,
};

/** A tid value from its block number and line pointer offset. */
export const makeTid = (block: number, offset: number): number => block * 65536 + offset;

export const tidIO: TypeIO<number> = {
  input(text: string): number {
    // tidin: "(" strtoul(block) "," strtoul(offset) ")", surrounding spaces allowed, decimal only.
    const m = /^[ \t\n\v\f\r]*\(([ \t\n\v\f\r]*[+-]?\d+),([ \t\n\v\f\r]*[+-]?\d+)\)[ \t\n\v\f\r]*$/.exec(text);
    if (!m) throw syntax('tid', text);
    const block = BigInt(m[1]!.replace(C_SPACE, ''));
    const offset = BigInt(m[2]!.replace(C_SPACE, ''));
    // Postgres reads the block with strtoul (a negative value wraps to 32 bits) and requires the
    // offset to fit in 16 bits without a sign.
    const b = block < 0n ? (block >= -2147483648n ? U32 + block : -1n) : block;
    if (b < 0n || b >= U32 || offset < 0n || offset > 65535n) throw syntax('tid', text);
    return makeTid(Number(b), Number(offset));
  },
  output: (v) => `(${Math.floor(v / 65536)},${v % 65536})`,
  compare: (a, b) => a - b,
  hashKey: (v) => v,
};

/** A snapshot's parts (xids as bigints). */
export interface SnapshotParts {
  readonly xmin: bigint;
  readonly xmax: bigint;
  readonly xip: readonly bigint[];
}

export function snapshotText(s: SnapshotParts): string {
  return `${s.xmin}:${s.xmax}:${s.xip.join(',')}`;
}

/** pg_snapshot_in (also txid_snapshot's, which reports the type as pg_snapshot). */
export function parseSnapshot(text: string): SnapshotParts {
  const bad = (): PgError => syntax('pg_snapshot', text);
  // Each number is read by strtou64 (leading spaces allowed); a trailing comma is accepted.
  const m = /^[ \t\n\v\f\r]*(\d+):[ \t\n\v\f\r]*(\d+):((?:[ \t\n\v\f\r]*\d+(?:,[ \t\n\v\f\r]*\d+)*,?)?)$/.exec(text);
  if (!m) throw bad();
  const xmin = BigInt(m[1]!);
  const xmax = BigInt(m[2]!);
  // FullTransactionIdIsValid looks at the 32-bit xid part only (so 2^63 is invalid as xmax).
  if ((xmin & 0xffffffffn) === 0n || (xmax & 0xffffffffn) === 0n || xmin > xmax || xmax >= U64 || xmin >= U64) throw bad();
  const xip: bigint[] = [];
  if (m[3]) {
    let last = 0n;
    for (const part of m[3].split(',')) {
      if (part === '') continue;
      const x = BigInt(part.trim());
      if (x < xmin || x >= xmax || x < last) throw bad();
      // Duplicates are dropped, as Postgres does.
      if (x !== last) xip.push(x);
      last = x;
    }
  }
  return { xmin, xmax, xip };
}

export const snapshotIO: TypeIO<string> = {
  input: (text) => snapshotText(parseSnapshot(text)),
  output: (v) => v,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  hashKey: (v) => v,
};
