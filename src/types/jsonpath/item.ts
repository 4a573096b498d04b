/**
 * The items a jsonpath evaluation produces: jsonb values plus datetime values (what `.datetime()`
 * and friends return; Postgres's jbvDatetime), which become ISO strings when results turn into
 * jsonb.
 *
 * Postgres counterpart: JsonbValue with jbvDatetime (src/include/utils/jsonb.h), JsonbTypeName
 * and JsonEncodeDateTime (src/backend/utils/adt/json.c).
 */
import { OID } from '../oids.js';
import type { TimeTz, Value } from '../values.js';
import { JSONB_NULL, JsonbObject, type JsonbValue } from '../jsonb/value.js';
import { timestampXsd } from '../../functions/builtins/to-json.js';
import { builtinIO } from '../builtin-io.js';
import { DEFAULT_IO_CONTEXT } from '../type-io.js';

/** A date/time value inside a jsonpath evaluation. */
export class JpDatetime {
  constructor(
    /** date, time, timetz, timestamp or timestamptz. */
    readonly typid: number,
    /** The value in fauxgres's representation of that type. */
    readonly value: Value,
    /** Zone offset in seconds east of UTC the value was read with (timetz/timestamptz), else null. */
    readonly tz: number | null,
  ) {}
}

/** Any item: a jsonb value or a datetime. */
export type JpValue = JsonbValue | JpDatetime;

/** JsonbTypeName: what `.type()` returns. */
export function jpTypeName(v: JpValue): string {
  if (v instanceof JpDatetime) {
    switch (v.typid) {
      case OID.date:
        return 'date';
      case OID.time:
        return 'time without time zone';
      case OID.timetz:
        return 'time with time zone';
      case OID.timestamp:
        return 'timestamp without time zone';
      default:
        return 'timestamp with time zone';
    }
  }
  if (v === JSONB_NULL) return 'null';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
  }
  if (Array.isArray(v)) return 'array';
  if (v instanceof JsonbObject) return 'object';
  return 'number';
}

/** JsonEncodeDateTime: the ISO text of a datetime item (`2020-01-01T10:00:00+02:00`). */
export function jpDatetimeText(d: JpDatetime): string {
  switch (d.typid) {
    case OID.date:
      return builtinIO(OID.date).output(d.value, DEFAULT_IO_CONTEXT);
    case OID.time:
      return builtinIO(OID.time).output(d.value, DEFAULT_IO_CONTEXT);
    case OID.timetz: {
      const t = d.value as TimeTz;
      const abs = Math.abs(t.offset);
      const pad = (n: number) => String(n).padStart(2, '0');
      const sec = abs % 60 ? `:${pad(abs % 60)}` : '';
      return `${builtinIO(OID.time).output(t.time, DEFAULT_IO_CONTEXT)}${t.offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${sec}`;
    }
    case OID.timestamp:
      return timestampXsd(d.value as bigint);
    default:
      return timestampXsd(d.value as bigint, d.tz ?? 0);
  }
}

/** An item as a jsonb value (datetimes become their ISO strings). */
export function jpToJsonb(v: JpValue): JsonbValue {
  return v instanceof JpDatetime ? jpDatetimeText(v) : v;
}
