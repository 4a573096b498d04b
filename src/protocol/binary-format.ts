/**
 * Binary wire format (format code 1) of the common types: the typsend/typreceive pairs clients use
 * for parameters and results. Types without one here raise 0A000 naming the type (Postgres raises
 * 42883 "no binary output function available" only for types that truly have none).
 * Postgres counterpart: the *_send / *_recv functions of src/backend/utils/adt (int.c, numeric.c,
 * timestamp.c, date.c, varlena.c, uuid.c, jsonb.c, arrayfuncs.c, bool.c, float.c).
 * Geometric types: types/geo/geo-binary.ts.
 * Known gaps: composite (record_send), ranges, network, bit strings, money.
 */
import type { Catalog } from '../catalog/catalog.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { typeInfo, baseTypeOf } from '../types/registry.js';
import type { IoContext } from '../types/type-io.js';
import { geoBinaryDecoder, geoBinaryEncoder } from '../types/geo/geo-binary.js';
import { macFromBytes } from '../types/mac.js';
import { PgArray, type Interval, type PgInet, type TimeTz, type Value } from '../types/values.js';

type Encode = (v: Value) => Buffer;
type Decode = (b: Buffer) => Value;

/** oid and the reg* types: an unsigned 32-bit integer on the wire. */
const OID_LIKE: ReadonlySet<number> = new Set([OID.oid, OID.regclass, OID.regtype, OID.regproc, OID.regnamespace, OID.regrole]);

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

function int32(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeInt32BE(n, 0);
  return b;
}

function int64(n: bigint): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeBigInt64BE(n, 0);
  return b;
}

function wrongLength(): PgError {
  return new PgError(SQLSTATE.invalid_binary_representation, 'incorrect binary data format');
}

function fixed(n: number, read: (b: Buffer) => Value): Decode {
  return (b) => {
    if (b.length !== n) throw wrongLength();
    return read(b);
  };
}

/** Numeric's binary form: base-10000 digits with weight, sign and display scale, built from its text. */
function numericSend(text: string): Buffer {
  if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') {
    const b = Buffer.alloc(8);
    b.writeUInt16BE(text === 'NaN' ? 0xc000 : text === 'Infinity' ? 0xd000 : 0xf000, 4);
    // Postgres sends the infinities with display scale 32 (the bits its short header keeps).
    if (text !== 'NaN') b.writeInt16BE(32, 6);
    return b;
  }
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  const [ip, fp = ''] = body.split('.');
  const intDigits = ip.replace(/^0+/, '');
  const intPadded = intDigits.padStart(Math.ceil(intDigits.length / 4) * 4, '0');
  const fracPadded = fp.padEnd(Math.ceil(fp.length / 4) * 4, '0');
  const groups: number[] = [];
  for (let i = 0; i < intPadded.length; i += 4) groups.push(Number(intPadded.slice(i, i + 4)));
  let weight = groups.length - 1;
  for (let i = 0; i < fracPadded.length; i += 4) groups.push(Number(fracPadded.slice(i, i + 4)));
  let first = 0;
  while (first < groups.length && groups[first] === 0) {
    first++;
    weight--;
  }
  let last = groups.length;
  while (last > first && groups[last - 1] === 0) last--;
  const digits = groups.slice(first, last);
  if (digits.length === 0) weight = 0;
  const b = Buffer.allocUnsafe(8 + digits.length * 2);
  b.writeInt16BE(digits.length, 0);
  b.writeInt16BE(weight, 2);
  b.writeUInt16BE(neg && digits.length ? 0x4000 : 0, 4);
  b.writeInt16BE(fp.length, 6);
  digits.forEach((d, i) => b.writeUInt16BE(d, 8 + i * 2));
  return b;
}

function numericRecvText(b: Buffer): string {
  if (b.length < 8) throw wrongLength();
  const n = b.readInt16BE(0);
  const weight = b.readInt16BE(2);
  const sign = b.readUInt16BE(4);
  const dscale = b.readInt16BE(6);
  if (sign === 0xc000) return 'NaN';
  if (sign === 0xd000) return 'Infinity';
  if (sign === 0xf000) return '-Infinity';
  if ((sign !== 0 && sign !== 0x4000) || dscale < 0 || b.length !== 8 + n * 2) {
    throw new PgError(SQLSTATE.invalid_binary_representation, 'invalid sign in external "numeric" value');
  }
  const digits: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = b.readUInt16BE(8 + i * 2);
    if (d >= 10000) throw new PgError(SQLSTATE.invalid_binary_representation, 'invalid digit in external "numeric" value');
    digits.push(d);
  }
  let intPart = '';
  for (let w = weight, i = 0; w >= 0; w--, i++) intPart += String(digits[i] ?? 0).padStart(4, '0');
  let frac = '';
  for (let w = -1, i = weight + 1; frac.length < dscale; w--, i++) frac += i < 0 ? '0000' : String(digits[i] ?? 0).padStart(4, '0');
  intPart = intPart.replace(/^0+/, '') || '0';
  const text = dscale > 0 ? `${intPart}.${frac.slice(0, dscale)}` : intPart;
  return (sign === 0x4000 ? '-' : '') + text;
}

/** The binary encoder of a type, or a 0A000 error naming it. */
export function binaryEncoder(cat: Catalog, type: number, io: IoContext): Encode {
  const base = baseTypeOf(cat, type);
  const info = typeInfo(cat, base);
  if (OID_LIKE.has(base)) {
    return (v) => {
      const b = Buffer.allocUnsafe(4);
      b.writeUInt32BE(v as number, 0);
      return b;
    };
  }
  switch (base) {
    case OID.bool:
      return (v) => Buffer.from([v ? 1 : 0]);
    case OID.int2:
      return (v) => {
        const b = Buffer.allocUnsafe(2);
        b.writeInt16BE(v as number, 0);
        return b;
      };
    case OID.int4:
      return (v) => int32(v as number);
    case OID.money:
      return (v) => int64(v as bigint);
    case OID.inet:
    case OID.cidr:
      // inet_send: family (2 = IPv4, 3 = IPv6), bits, is_cidr, address length, address.
      return (v) => {
        const x = v as PgInet;
        return Buffer.from([x.family === 4 ? 2 : 3, x.bits, base === OID.cidr ? 1 : 0, x.bytes.length, ...x.bytes]);
      };

    case OID.int8:
      return (v) => int64(v as bigint);
    case OID.float4:
      return (v) => {
        const b = Buffer.allocUnsafe(4);
        b.writeFloatBE(v as number, 0);
        return b;
      };
    case OID.float8:
      return (v) => {
        const b = Buffer.allocUnsafe(8);
        b.writeDoubleBE(v as number, 0);
        return b;
      };
    case OID.bytea:
      return (v) => Buffer.from(v as Uint8Array);
    case OID.uuid:
      return (v) => Buffer.from((v as string).replace(/-/g, ''), 'hex');
    case OID.macaddr:
    case OID.macaddr8:
      // macaddr_send / macaddr8_send: the bytes, most significant first.
      return (v) => Buffer.from((v as string).replace(/:/g, ''), 'hex');
    case OID.pg_lsn:
      return (v) => {
        const b = Buffer.allocUnsafe(8);
        b.writeBigUInt64BE(v as bigint, 0);
        return b;
      };
    case OID.date:
      return (v) => int32(v === Infinity ? INT32_MAX : v === -Infinity ? INT32_MIN : (v as number));
    case OID.time:
      return (v) => int64(BigInt(v as number));
    case OID.timetz:
      return (v) => {
        const t = v as TimeTz;
        return Buffer.concat([int64(BigInt(t.time)), int32(-t.offset)]);
      };
    case OID.timestamp:
    case OID.timestamptz:
      return (v) => int64(v as bigint);
    case OID.interval:
      return (v) => {
        const iv = v as Interval;
        return Buffer.concat([int64(iv.micros), int32(iv.days), int32(iv.months)]);
      };
    case OID.numeric:
      return (v) => numericSend(info.io.output(v, io));
    case OID.jsonb:
    case OID.jsonpath:
      return (v) => Buffer.concat([Buffer.from([1]), Buffer.from(info.io.output(v, io), 'utf8')]);
    case OID.text:
    case OID.varchar:
    case OID.bpchar:
    case OID.name:
    case OID.json:
    case OID.unknown:
    case OID.char:
      return (v) => Buffer.from(info.io.output(v, io), 'utf8');
  }
  if (info.typtype === 'e' || info.name === 'citext') return (v) => Buffer.from(v as string, 'utf8');
  if (info.elem !== undefined && info.category === 'A') {
    const elemType = info.elem;
    const enc = binaryEncoder(cat, elemType, io);
    return (v) => {
      const a = v as PgArray;
      const parts: Buffer[] = [];
      const head = Buffer.allocUnsafe(12 + a.dims.length * 8);
      head.writeInt32BE(a.dims.length, 0);
      head.writeInt32BE(a.items.some((x) => x === null) ? 1 : 0, 4);
      head.writeUInt32BE(elemType, 8);
      a.dims.forEach((d, i) => {
        head.writeInt32BE(d, 12 + i * 8);
        head.writeInt32BE(a.lbounds[i], 16 + i * 8);
      });
      parts.push(head);
      for (const x of a.items) {
        if (x === null) parts.push(int32(-1));
        else {
          const e = enc(x);
          parts.push(int32(e.length), e);
        }
      }
      return Buffer.concat(parts);
    };
  }
  const geoEnc = geoBinaryEncoder(base);
  if (geoEnc) return geoEnc;
  throw featureNotSupported(`binary format for type ${info.name}`);
}

/** The binary decoder of a type (for Bind parameters), or a 0A000 error naming it. */
export function binaryDecoder(cat: Catalog, type: number, io: IoContext): Decode {
  const base = baseTypeOf(cat, type);
  const info = typeInfo(cat, base);
  const viaText = (b: Buffer): Value => info.io.input(b.toString('utf8'), -1, io);
  if (OID_LIKE.has(base)) return fixed(4, (b) => b.readUInt32BE(0));
  switch (base) {
    case OID.bool:
      return fixed(1, (b) => b[0] !== 0);
    case OID.int2:
      return fixed(2, (b) => b.readInt16BE(0));
    case OID.int4:
      return fixed(4, (b) => b.readInt32BE(0));

    case OID.int8:
    case OID.money:
      return fixed(8, (b) => b.readBigInt64BE(0));
    case OID.float4:
      return fixed(4, (b) => b.readFloatBE(0));
    case OID.float8:
      return fixed(8, (b) => b.readDoubleBE(0));
    case OID.bytea:
      return (b) => new Uint8Array(b);
    case OID.macaddr:
      return fixed(6, (b) => macFromBytes(b));
    case OID.macaddr8:
      // macaddr8_recv also takes a 6-byte EUI-48, widened with FF:FE.
      return (b) => {
        if (b.length === 6) return macFromBytes([b[0], b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]]);
        if (b.length !== 8) throw wrongLength();
        return macFromBytes(b);
      };
    case OID.pg_lsn:
      return fixed(8, (b) => b.readBigUInt64BE(0));
    case OID.uuid:
      return fixed(16, (b) => {
        const h = b.toString('hex');
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
      });
    case OID.date:
      return fixed(4, (b) => {
        const d = b.readInt32BE(0);
        return d === INT32_MAX ? Infinity : d === INT32_MIN ? -Infinity : d;
      });
    case OID.time:
      return fixed(8, (b) => Number(b.readBigInt64BE(0)));
    case OID.timetz:
      return fixed(12, (b) => ({ time: Number(b.readBigInt64BE(0)), offset: -b.readInt32BE(8) }));
    case OID.timestamp:
    case OID.timestamptz:
      return fixed(8, (b) => b.readBigInt64BE(0));
    case OID.interval:
      return fixed(16, (b) => ({ micros: b.readBigInt64BE(0), days: b.readInt32BE(8), months: b.readInt32BE(12) }));
    case OID.numeric:
      return (b) => info.io.input(numericRecvText(b), -1, io);
    case OID.jsonb:
      return (b) => {
        if (b[0] !== 1) throw new PgError(SQLSTATE.invalid_binary_representation, `unsupported jsonb version number ${b[0]}`);
        return info.io.input(b.subarray(1).toString('utf8'), -1, io);
      };
    case OID.jsonpath:
      return (b) => {
        if (b[0] !== 1) throw new PgError(SQLSTATE.internal_error, `unsupported jsonpath version number: ${b[0]}`);
        return info.io.input(b.subarray(1).toString('utf8'), -1, io);
      };
    case OID.text:
    case OID.varchar:
    case OID.bpchar:
    case OID.name:
    case OID.json:
    case OID.unknown:
    case OID.char:
      return viaText;
  }
  if (info.typtype === 'e' || info.name === 'citext') return viaText;
  if (info.elem !== undefined && info.category === 'A') {
    const dec = binaryDecoder(cat, info.elem, io);
    return (b) => {
      if (b.length < 12) throw wrongLength();
      const ndim = b.readInt32BE(0);
      if (ndim < 0 || ndim > 6) throw new PgError(SQLSTATE.invalid_binary_representation, `invalid number of dimensions: ${ndim}`);
      const dims: number[] = [];
      const lbounds: number[] = [];
      let p = 12;
      for (let i = 0; i < ndim; i++) {
        dims.push(b.readInt32BE(p));
        lbounds.push(b.readInt32BE(p + 4));
        p += 8;
      }
      const count = dims.reduce((x, y) => x * y, ndim ? 1 : 0);
      const items: Value[] = [];
      for (let i = 0; i < count; i++) {
        if (p + 4 > b.length) throw wrongLength();
        const len = b.readInt32BE(p);
        p += 4;
        if (len < 0) items.push(null);
        else {
          if (p + len > b.length) throw wrongLength();
          items.push(dec(b.subarray(p, p + len)));
          p += len;
        }
      }
      return ndim === 0 ? new PgArray([], [], []) : new PgArray(items, dims, lbounds);
    };
  }
  const geoDec = geoBinaryDecoder(base);
  if (geoDec) return geoDec;
  throw featureNotSupported(`binary format for type ${info.name}`);
}
