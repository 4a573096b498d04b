/**
 * System columns of tables: ctid, xmin, cmin, xmax, cmax, tableoid. They resolve like user
 * columns (qualified or not, ambiguous between two tables) but only on plain relations, with
 * Postgres's negative attribute numbers; the executor reads them from the row version every scan
 * keeps in the wide row (executor/scan.ts fillSlots).
 *
 * ctid: fauxgres has no pages. Row versions are numbered in insertion order per table (updates
 * append a new version, as Postgres does when the page has room), and ctid places them on 8 kB
 * pages at the density Postgres would pack rows of the table's declared column types (varlena
 * columns at Postgres's default width estimate). It equals Postgres's ctid for tables whose rows
 * fit their estimate and that were not vacuumed; elsewhere it is a stable, unique, ordered stand-in.
 *
 * Postgres counterpart: src/backend/catalog/heap.c (SystemAttributeDefinition),
 * access/common/heaptuple.c (heap_getsysattr), utils/cache/lsyscache.c (get_typavgwidth).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import type { Tuple } from '../storage/heap.js';
import { OID } from '../types/oids.js';
import { typeInfo } from '../types/registry.js';
import { makeTid } from '../types/xact-types.js';
import type { Value } from '../types/values.js';

/** Name → [attnum, type]. */
export const SYSTEM_COLUMNS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['ctid', [-1, OID.tid]],
  ['xmin', [-2, OID.xid]],
  ['cmin', [-3, OID.cid]],
  ['xmax', [-4, OID.xid]],
  ['cmax', [-5, OID.cid]],
  ['tableoid', [-6, OID.oid]],
] as const);

/** The name of system column `attno` (-1 ... -6). */
export function systemColumnName(attno: number): string {
  for (const [name, [n]] of SYSTEM_COLUMNS) if (n === attno) return name;
  return '?';
}

/** What a system-column Var needs at run time. */
export interface SystemColumnInfo {
  /** Slots of the relation's columns in the wide row; the row version follows them. */
  readonly width: number;
  readonly relOid: number;
  /** Row versions per 8 kB page (for ctid). */
  readonly perPage: number;
  /** A partitioned table: tableoid is the leaf partition each row version comes from. */
  readonly partitioned?: boolean;
  /** An inheritance parent: tableoid is the table each row version comes from (executor/inherit-scan.ts). */
  readonly inherited?: boolean;
}

const MAXALIGN = (n: number): number => (n + 7) & ~7;

/** Postgres's get_typavgwidth for a column: its length, or the planner's guess for varlena. */
function avgWidth(cat: Catalog, type: number, typmod: number): number {
  const t = typeInfo(cat, type);
  const base = t.baseType !== undefined ? typeInfo(cat, t.baseType) : t;
  if (base.typlen > 0) return base.typlen;
  if (typmod > 0 && (base.oid === OID.varchar || base.oid === OID.bpchar)) {
    const max = typmod - 4;
    // Assume the strings are mostly ASCII-width and usually half-full beyond 32 (lsyscache.c).
    return max <= 32 ? max : 32 + (max - 32) / 2;
  }
  return 32;
}

export function systemColumnInfo(cat: Catalog, rel: RelationDef): SystemColumnInfo {
  let data = 0;
  for (const c of rel.columns) {
    if (c.dropped) continue;
    const w = avgWidth(cat, c.type, c.typmod);
    // Alignment of fixed-width values: their own size up to 8 (int2/int4/int8/float8/timestamp).
    const align = w === 2 || w === 4 || w === 8 ? w : 1;
    data = Math.ceil(data / align) * align + w;
  }
  const perTuple = MAXALIGN(MAXALIGN(23) + Math.ceil(data)) + 4;
  const perPage = Math.max(1, Math.min(291, Math.floor((8192 - 24) / perTuple)));
  return { width: rel.columns.length, relOid: rel.oid, perPage, ...(rel.kind === 'p' ? { partitioned: true } : {}), ...(rel.inhChildren?.length ? { inherited: true } : {}) };
}

/** Reads system column `attno` of a row version. */
export function systemColumnReader(attno: number, info: SystemColumnInfo): (t: Tuple) => Value {
  switch (attno) {
    case -1: {
      const per = info.perPage;
      return (t) => makeTid(Math.floor((t.tid - 1) / per), ((t.tid - 1) % per) + 1);
    }
    case -2:
      return (t) => t.xmin;
    case -4:
      return (t) => t.xmax;
    case -3:
    case -5:
      // Postgres keeps one command id per version (t_cid): cmin and cmax both show it; a version
      // its own transaction inserted and deleted shows its combo command id.
      return (t) => t.combo ?? (t.xmax !== 0 && !t.lockOnly ? t.cmax : t.cmin);
    default: {
      const oid = info.relOid;
      return () => oid;
    }
  }
}
