/**
 * Keyed scans of system relations: `WHERE c.oid = $x`, `attrelid = outer.oid` and similar
 * equalities find their rows through a hash of the column's values (built once per cached row
 * set) instead of scanning every row, the way Postgres uses its catalog indexes. Correlated
 * subqueries over catalogs (psql's, TypeORM's) then cost one lookup per outer row.
 * Postgres counterpart: the catalog indexes (pg_class_oid_index, pg_attribute_relid_attnum_index...)
 * and index scans on them.
 */
import type { ExecContext, Row } from '../../executor/context.js';
import type { CExpr } from '../../executor/expr/compile.js';
import type { Plan } from '../../executor/scan.js';
import type { FuncExpr } from '../../nodes/primnodes.js';
import type { PgRecord, Value } from '../../types/values.js';
import { statementRows, type SystemRelationDef } from './registry.js';
import { systemRelationOfCall } from './scan.js';

const indexes = new WeakMap<readonly PgRecord[], Map<number, Map<unknown, PgRecord[]>>>();

function lookupIndex(records: readonly PgRecord[], column: number, key: (v: Value) => unknown): Map<unknown, PgRecord[]> {
  let byColumn = indexes.get(records);
  if (!byColumn) indexes.set(records, (byColumn = new Map()));
  let index = byColumn.get(column);
  if (!index) {
    index = new Map();
    for (const r of records) {
      const v = r.fields[column];
      if (v === null) continue;
      const k = key(v);
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
    byColumn.set(column, index);
  }
  return index;
}

/** The system relation a planned function call scans, if it is a system scan. */
export function systemScanRelation(call: FuncExpr | { kind: string }): SystemRelationDef | undefined {
  return call.kind === 'FuncExpr' ? systemRelationOfCall(call as FuncExpr) : undefined;
}

/** Rows of a system relation whose column `column` equals the value of `keyExpr`. */
export class SystemLookupScan implements Plan {
  readonly kind = 'SystemLookupScan';
  constructor(
    readonly rel: SystemRelationDef,
    readonly column: number,
    readonly keyExpr: CExpr,
    readonly key: (v: Value) => unknown,
    readonly offset: number,
    readonly width: number,
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const src = base ?? new Array(this.width);
    const v = this.keyExpr(src, ctx);
    if (v === null) return;
    const records = statementRows(this.rel, ctx);
    const hits = lookupIndex(records, this.column, this.key).get(this.key(v));
    if (!hits) return;
    const n = this.rel.columns.length;
    for (const r of hits) {
      const row = src.slice();
      for (let i = 0; i < n; i++) row[this.offset + i] = r.fields[i];
      yield row;
    }
  }
}
