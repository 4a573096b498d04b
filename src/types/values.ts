/**
 * How SQL values live in memory. SQL NULL is always JS `null`; nothing else is null.
 *
 * | SQL type | JS representation |
 * |---|---|
 * | bool | `boolean` |
 * | int2, int4, oid, reg* | `number` (integral, range-checked) |
 * | int8 | `bigint` |
 * | float4, float8 | `number` (float4 values are `Math.fround`ed) |
 * | numeric | `Numeric` (numeric.ts): exact, keeps its display scale |
 * | text, varchar, bpchar, name, citext, enum labels, uuid (lowercase canonical) | `string` |
 * | bytea | `Uint8Array` |
 * | date | `number`: days since 2000-01-01 (Postgres's epoch); `Infinity` / `-Infinity` |
 * | time | `number`: microseconds since midnight (0 .. 86_400_000_000) |
 * | timetz | `TimeTz` |
 * | timestamp, timestamptz | `bigint`: microseconds since 2000-01-01 00:00:00 (UTC for timestamptz); ±infinity are `TS_INFINITY`/`TS_NEG_INFINITY` |
 * | interval | `Interval` |
 * | json | `string` (the original text, validated) |
 * | jsonb | `JsonbValue` (jsonb.ts) |
 * | arrays | `PgArray` |
 * | composite / record | `PgRecord` |
 * | range types | `PgRange` (bounds are values of the subtype) |
 * | multirange types | `PgMultirange` (normalised ranges) |
 * | inet, cidr | `PgInet` |
 * | money | `bigint` (cents) |
 * | point, lseg, line, box, path, polygon, circle | `PgPoint`, `PgLseg`, ... (geo/geo-values.ts) |
 * | jsonpath | `JsonPath` (grammar/jsonpath/ast.ts) |
 * | tsvector, tsquery | `TsVector`, `TsQuery` (src/tsearch/ts-values.ts) |
 * | regconfig, regdictionary | `number` (OID) |
 */
import type { Hstore } from './hstore.js';
import type { GeoValue } from './geo/geo-values.js';
import type { Numeric } from './numeric.js';
import type { JsonbValue } from './jsonb.js';
import type { JsonPath } from '../grammar/jsonpath/ast.js';
import type { TsVector, TsQuery } from '../tsearch/ts-values.js';

export interface TimeTz {
  /** Microseconds since midnight, local to the zone. */
  readonly time: number;
  /** Zone offset in seconds *east* of UTC (Postgres stores west; output `+05:30` means 19800 here). */
  readonly offset: number;
}

export interface Interval {
  readonly months: number;
  readonly days: number;
  readonly micros: bigint;
}

/** Largest/smallest int64: Postgres's DT_NOEND / DT_NOBEGIN for timestamps. */
export const TS_INFINITY = 9223372036854775807n;
export const TS_NEG_INFINITY = -9223372036854775808n;

/**
 * An array value of any dimensionality. `items` is the flat row-major element list;
 * `dims[i]` the length of dimension i, `lbounds[i]` its lower bound (1 by default).
 * The empty array has `dims = []`, `lbounds = []`, `items = []`.
 */
export class PgArray {
  constructor(
    readonly items: Value[],
    readonly dims: number[] = [items.length],
    readonly lbounds: number[] = dims.map(() => 1),
  ) {}

  /** A one-dimensional array with lower bound 1 (or the empty array). */
  static of(items: Value[]): PgArray {
    return items.length === 0 ? new PgArray([], [], []) : new PgArray(items);
  }
}

/**
 * A composite (row) value: field values in attribute order. An anonymous record built from a
 * subquery's row also carries its column names and types (what Postgres's blessed record
 * descriptor holds), so row_to_json and friends can name the fields.
 */
export class PgRecord {
  constructor(
    readonly fields: Value[],
    readonly names?: readonly string[],
    readonly types?: readonly number[],
  ) {}
}

/**
 * A range value. `lower`/`upper` null means an infinite bound; an empty range has `empty` set
 * (and null bounds). Built by src/types/range.ts's serialize(), which keeps Postgres's invariants.
 */
export class PgRange {
  constructor(
    readonly empty: boolean,
    readonly lower: Value,
    readonly upper: Value,
    readonly lowerInc: boolean,
    readonly upperInc: boolean,
  ) {}
}

/**
 * A multirange value: its ranges sorted, non-empty, neither overlapping nor adjacent. Built by
 * src/types/multirange.ts's makeMultirange(), which keeps Postgres's invariants.
 */
export class PgMultirange {
  constructor(readonly ranges: readonly PgRange[]) {}
}

/**
 * An inet or cidr value: address bytes (4 for IPv4, 16 for IPv6) and the netmask length.
 */
export class PgInet {
  constructor(
    readonly family: 4 | 6,
    readonly bytes: Uint8Array,
    readonly bits: number,
  ) {}
}

export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | Numeric
  | Uint8Array
  | TimeTz
  | Interval
  | JsonbValue
  | PgArray
  | PgRecord
  | PgRange
  | PgMultirange
  | PgInet
  | JsonPath
  | TsVector
  | TsQuery
  | Hstore
  | GeoValue;
