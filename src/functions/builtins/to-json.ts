/**
 * SQL values → JSON text (to_json, json_build_*, json_agg, row_to_json, array_to_json): numbers
 * as JSON numbers (non-finite ones as strings), booleans, date/time in ISO 8601 ("XSD") form,
 * json verbatim, jsonb as its text, arrays as nested JSON arrays, composites as objects keyed by
 * column name (anonymous records: f1, f2, ...), anything else as its text output in a JSON string.
 *
 * Postgres counterpart: datum_to_json_internal, composite_to_json, array_to_json_internal and
 * JsonEncodeDateTime in src/backend/utils/adt/json.c.
 * Known gaps: anonymous records carry no field types, so their fields are encoded by JS
 * representation (floats print like numerics).
 */
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { timestampToFields } from '../../types/datetime/calendar.js';
import { sessionTimeZone } from '../../types/datetime/timezone.js';
import { escapeJsonString, jsonbToText, type JsonbValue } from '../../types/jsonb.js';
import { Numeric } from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import { baseTypeOf, typeInfo } from '../../types/registry.js';
import { PgArray, PgRecord, TS_INFINITY, TS_NEG_INFINITY, type TimeTz, type Value } from '../../types/values.js';
import { outputValue } from './value-io.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

function yearText(y: number): string {
  return String(y > 0 ? y : 1 - y).padStart(4, '0');
}

function frac(fsec: number): string {
  return fsec === 0 ? '' : '.' + String(fsec).padStart(6, '0').replace(/0+$/, '');
}

function offsetXsd(east: number): string {
  const sign = east < 0 ? '-' : '+';
  const a = Math.abs(east);
  const s = a % 60;
  return `${sign}${pad2(Math.floor(a / 3600))}:${pad2(Math.floor(a / 60) % 60)}${s ? ':' + pad2(s) : ''}`;
}

function timeXsd(micros: number): string {
  const fsec = micros % 1_000_000;
  const secs = (micros - fsec) / 1_000_000;
  return `${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}${frac(fsec)}`;
}

/** JsonEncodeDateTime for timestamp (no offset) and timestamptz (offset in the session zone). */
export function timestampXsd(ts: bigint, offset?: number): string {
  if (ts === TS_INFINITY) return 'infinity';
  if (ts === TS_NEG_INFINITY) return '-infinity';
  const f = timestampToFields(offset === undefined ? ts : ts + BigInt(offset) * 1_000_000n);
  const bc = f.year <= 0 ? ' BC' : '';
  return `${yearText(f.year)}-${pad2(f.month)}-${pad2(f.day)}T${pad2(f.hour)}:${pad2(f.minute)}:${pad2(f.second)}${frac(f.fsec)}${offset === undefined ? '' : offsetXsd(offset)}${bc}`;
}

function dateXsd(d: number): string {
  if (d === Infinity) return 'infinity';
  if (d === -Infinity) return '-infinity';
  const f = timestampToFields(BigInt(d) * 86_400_000_000n);
  return `${yearText(f.year)}-${pad2(f.month)}-${pad2(f.day)}${f.year <= 0 ? ' BC' : ''}`;
}

/** Field names and types of a composite type (anonymous records: f1.. with unknown types). */
function recordFields(rt: ExprRuntime, type: number, rec: PgRecord): { name: string; type: number }[] {
  const cat = rt.session.catalog();
  const info = type === OID.record ? undefined : typeInfo(cat, type);
  if (info?.relation !== undefined) {
    return cat
      .relation(info.relation)
      .columns.filter((c) => !c.dropped)
      .map((c) => ({ name: c.name, type: c.type }));
  }
  return rec.fields.map((_, i) => ({ name: rec.names?.[i] ?? `f${i + 1}`, type: rec.types?.[i] ?? 0 }));
}

/** A type for a value of unknown type, from its JS representation. */
function guessType(v: Value): number {
  if (typeof v === 'boolean') return OID.bool;
  if (typeof v === 'number') return OID.float8;
  if (typeof v === 'bigint') return OID.int8;
  if (typeof v === 'string') return OID.text;
  if (v instanceof Numeric) return OID.numeric;
  if (v instanceof PgArray) return OID.anyarray;
  if (v instanceof PgRecord) return OID.record;
  if (v instanceof Uint8Array) return OID.bytea;
  return OID.text;
}

/** The JSON text of a non-null or null value of type `type` (0: unknown, guessed from the value). */
export function datumToJson(rt: ExprRuntime, type: number, v: Value): string {
  if (v === null) return 'null';
  if (type === 0 || type === OID.anyarray || type === OID.anyelement) type = type === OID.anyarray ? type : guessType(v);
  const cat = rt.session.catalog();
  const base = type === OID.anyarray || type === OID.record ? type : baseTypeOf(cat, type);
  switch (base) {
    case OID.bool:
      return v ? 'true' : 'false';
    case OID.int2:
    case OID.int4:
    case OID.int8:
    case OID.oid:
      return String(v);
    case OID.float4:
    case OID.float8: {
      const s = outputValue(rt, base, v);
      return Number.isFinite(v as number) ? s : escapeJsonString(s);
    }
    case OID.numeric:
      return (v as Numeric).isFinite() ? (v as Numeric).toString() : escapeJsonString((v as Numeric).toString());
    case OID.json:
      return v as string;
    case OID.jsonb:
      return jsonbToText(v as JsonbValue);
    case OID.date:
      return escapeJsonString(dateXsd(v as number));
    case OID.timestamp:
      return escapeJsonString(timestampXsd(v as bigint));
    case OID.timestamptz: {
      const ts = v as bigint;
      const off = ts === TS_INFINITY || ts === TS_NEG_INFINITY ? 0 : sessionTimeZone(rt.session.io).utcOffset(ts);
      return escapeJsonString(timestampXsd(ts, off));
    }
    case OID.time:
      return escapeJsonString(timeXsd(v as number));
    case OID.timetz: {
      const t = v as TimeTz;
      return escapeJsonString(timeXsd(t.time) + offsetXsd(t.offset));
    }
  }
  if (v instanceof PgArray) {
    const elem = base === OID.anyarray ? 0 : (typeInfo(cat, base).elem ?? 0);
    return arrayToJson(rt, elem, v);
  }
  if (v instanceof PgRecord) return recordToJson(rt, base, v);
  const info = typeInfo(cat, base);
  if (info.category === 'N' && base !== OID.money) return outputValue(rt, base, v);
  return escapeJsonString(outputValue(rt, base, v));
}

/** array_to_json: nested per dimension, no spaces. */
export function arrayToJson(rt: ExprRuntime, elemType: number, a: PgArray, pretty = false): string {
  if (a.dims.length === 0) return '[]';
  const sep = pretty ? ',\n ' : ',';
  const items = a.items.map((x) => datumToJson(rt, elemType, x));
  let level = items;
  for (let d = a.dims.length - 1; d >= 0; d--) {
    const n = a.dims[d];
    const next: string[] = [];
    for (let i = 0; i < level.length; i += n) next.push('[' + level.slice(i, i + n).join(d === 0 ? sep : ',') + ']');
    level = next;
  }
  return level[0];
}

/** row_to_json / composite_to_json. */
export function recordToJson(rt: ExprRuntime, type: number, rec: PgRecord, pretty = false): string {
  const fields = recordFields(rt, type, rec);
  const parts = fields.map((f, i) => escapeJsonString(f.name) + ':' + datumToJson(rt, f.type, rec.fields[i] ?? null));
  return '{' + parts.join(pretty ? ',\n ' : ',') + '}';
}

/**
 * The text a value contributes as a json_build_object key: its text output (scalars only).
 * Returns undefined for arrays, composites and json, which Postgres rejects as keys.
 */
export function jsonKeyText(rt: ExprRuntime, type: number, v: Value): string | undefined {
  const cat = rt.session.catalog();
  const base = baseTypeOf(cat, type);
  const info = typeInfo(cat, base);
  if (info.category === 'A' || info.category === 'C' || base === OID.json || base === OID.jsonb || base === OID.record) return undefined;
  const j = datumToJson(rt, base, v);
  return j.startsWith('"') ? (JSON.parse(j) as string) : j;
}
