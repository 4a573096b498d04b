/**
 * The dedicated conversions behind built-in casts whose semantics are not "print, then read":
 * numeric ↔ integers and floats (rounding and range rules of numeric.c), and the date/time
 * conversions that depend on the session time zone.
 * Postgres counterpart: pg_cast entries with castmethod 'f' (int4_numeric, numeric_int4,
 * timestamptz_timestamp, ...).
 */
import { OID } from '../types/oids.js';
import type { Value, Interval, TimeTz } from '../types/values.js';
import {
  Numeric, numericToInt2, numericToInt4, numericToInt8, numericFromInt, numericFromFloat8, numericFromFloat4, numericToFloat8, numericToFloat4,
} from '../types/numeric.js';
import {
  dateToTimestamp, dateToTimestamptz, timestampToDate, timestamptzToDate, timestampToTimestamptz, timestamptzToTimestamp,
  timestampToTime, timestamptzToTime, timestamptzToTimetz, timeToTimetz, timetzToTime, timeToInterval, intervalToTime,
} from '../types/datetime/casts.js';
import { sessionTimeZone } from '../types/datetime/timezone.js';
import { registerCast } from './special-casts.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { JSONB_NULL, jsonbTypeof, type JsonbValue } from '../types/jsonb.js';

const zone = (rt: { session: { io: import('../types/type-io.js').IoContext } }) => sessionTimeZone(rt.session.io);

registerCast(OID.numeric, OID.int2, (v) => numericToInt2(v as Numeric));
registerCast(OID.numeric, OID.int4, (v) => numericToInt4(v as Numeric));
registerCast(OID.numeric, OID.int8, (v) => numericToInt8(v as Numeric));
registerCast(OID.numeric, OID.float4, (v) => numericToFloat4(v as Numeric));
registerCast(OID.numeric, OID.float8, (v) => numericToFloat8(v as Numeric));
for (const t of [OID.int2, OID.int4, OID.int8]) registerCast(t, OID.numeric, (v) => numericFromInt(v as number | bigint));
registerCast(OID.float8, OID.numeric, (v) => numericFromFloat8(v as number));
registerCast(OID.float4, OID.numeric, (v) => numericFromFloat4(v as number));

registerCast(OID.date, OID.timestamp, (v) => dateToTimestamp(v as number));
registerCast(OID.date, OID.timestamptz, (v, rt) => dateToTimestamptz(v as number, zone(rt)));
registerCast(OID.timestamp, OID.date, (v) => timestampToDate(v as bigint));
registerCast(OID.timestamptz, OID.date, (v, rt) => timestamptzToDate(v as bigint, zone(rt)));
registerCast(OID.timestamp, OID.timestamptz, (v, rt) => timestampToTimestamptz(v as bigint, zone(rt)));
registerCast(OID.timestamptz, OID.timestamp, (v, rt) => timestamptzToTimestamp(v as bigint, zone(rt)));
registerCast(OID.timestamp, OID.time, (v) => timestampToTime(v as bigint) as Value);
registerCast(OID.timestamptz, OID.time, (v, rt) => timestamptzToTime(v as bigint, zone(rt)) as Value);
registerCast(OID.timestamptz, OID.timetz, (v, rt) => timestamptzToTimetz(v as bigint, zone(rt)) as Value);
registerCast(OID.time, OID.timetz, (v, rt) => timeToTimetz(v as number, zone(rt), rt.session.transactionTimestamp()));
registerCast(OID.timetz, OID.time, (v) => timetzToTime(v as TimeTz));
registerCast(OID.time, OID.interval, (v) => timeToInterval(v as number));
registerCast(OID.interval, OID.time, (v) => intervalToTime(v as Interval));

// booltext(): the cast spells the value out, unlike bool's output function (t/f).
for (const t of [OID.text, OID.varchar, OID.bpchar]) registerCast(OID.bool, t, (v) => (v ? 'true' : 'false'));

// "char" <-> integer: the byte's value (i4tochar / chartoi4).
registerCast(OID.int4, OID.char, (v) => {
  const n = v as number;
  if (n < -128 || n > 127) throw new PgError(SQLSTATE.numeric_value_out_of_range, '"char" out of range');
  return n === 0 ? '' : String.fromCharCode(n < 0 ? n + 256 : n);
});
registerCast(OID.char, OID.int4, (v) => {
  const s = v as string;
  if (!s.length) return 0;
  const c = s.charCodeAt(0);
  return c > 127 ? c - 256 : c;
});

// jsonb → scalar (jsonb_bool, jsonb_int4, jsonb_numeric, ...): only a JSON scalar of the matching
// kind converts; JSON null gives SQL NULL; anything else is 22023 naming the JSON kind.
const JSONB_KIND: Record<string, string> = { null: 'null', boolean: 'boolean', string: 'string', number: 'numeric', array: 'array', object: 'object' };
function jsonbScalar(v: Value, want: 'boolean' | 'number', typeName: string): Value {
  const j = v as JsonbValue;
  if (j === JSONB_NULL) return null;
  const kind = jsonbTypeof(j);
  if (kind !== want) throw new PgError(SQLSTATE.invalid_parameter_value, `cannot cast jsonb ${JSONB_KIND[kind]} to type ${typeName}`);
  return j as Value;
}
registerCast(OID.jsonb, OID.bool, (v) => jsonbScalar(v, 'boolean', 'boolean'));
registerCast(OID.jsonb, OID.numeric, (v) => jsonbScalar(v, 'number', 'numeric'));
const viaNumeric: [number, string, (n: Numeric) => Value][] = [
  [OID.int2, 'smallint', numericToInt2], [OID.int4, 'integer', numericToInt4], [OID.int8, 'bigint', numericToInt8],
  [OID.float4, 'real', numericToFloat4], [OID.float8, 'double precision', numericToFloat8],
];
for (const [t, name, conv] of viaNumeric) {
  registerCast(OID.jsonb, t, (v) => {
    const n = jsonbScalar(v, 'number', name);
    return n === null ? null : conv(n as Numeric);
  });
}

// int2/int4/int8 ↔ bytea: the integer's two's-complement bytes, big-endian (int2send & co);
// bytea to an integer reads up to its width, big-endian, unsigned then wrapped (bytea_int2 & co).
const INT_BYTES: readonly [number, number, string][] = [[OID.int2, 2, 'smallint'], [OID.int4, 4, 'integer'], [OID.int8, 8, 'bigint']];
for (const [t, width, name] of INT_BYTES) {
  registerCast(t, OID.bytea, (v) => {
    let n = BigInt.asUintN(width * 8, BigInt(v as number | bigint));
    const out = new Uint8Array(width);
    for (let i = width - 1; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
    return out;
  });
  registerCast(OID.bytea, t, (v) => {
    const b = v as Uint8Array;
    if (b.length > width) throw new PgError(SQLSTATE.numeric_value_out_of_range, `${name} out of range`);
    let n = 0n;
    for (const x of b) n = (n << 8n) | BigInt(x);
    const signed = BigInt.asIntN(width * 8, n);
    return t === OID.int8 ? signed : Number(signed);
  });
}
