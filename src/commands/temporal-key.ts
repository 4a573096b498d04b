/**
 * PG 18 temporal keys: `PRIMARY KEY (id, valid_at WITHOUT OVERLAPS)` and `UNIQUE (..., col
 * WITHOUT OVERLAPS)`. Such a key is a primary key / unique constraint (contype p / u, conperiod
 * true) whose index is a unique GiST index enforced as an exclusion constraint: `=` on every
 * column but the last, `&&` on the last (a range or multirange). Empty ranges are refused (23514)
 * before the conflict check, at insert and when the index is built.
 *
 * Postgres counterpart: src/backend/parser/parse_utilcmd.c (transformIndexConstraint: the
 * WITHOUT OVERLAPS checks), commands/indexcmds.c (ComputeIndexAttrs / GetOperatorFromCompareType
 * for the `=` / `&&` operators), executor/execIndexing.c (ExecWithoutOverlapsNotEmpty).
 * Known gaps: the index is a b-tree-backed exclusion index (as for EXCLUDE), not a real GiST.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, ExclusionOperator, IndexInfo, IndexKey, RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { typeInfo } from '../types/registry.js';
import { PgMultirange, PgRange, type Value } from '../types/values.js';
import { exclusionOperator, hasDefaultOpclass, noDefaultOpclass } from './exclusion.js';
import { quoteIdent } from '../functions/builtins/quote.js';

type AnyNode = Record<string, any>;

/** Whether a type is a range or multirange (type_is_range / type_is_multirange; a domain is neither). */
export function isRangeOrMultirange(cat: Catalog, type: number): boolean {
  const t = typeInfo(cat, type).typtype;
  return t === 'r' || t === 'm';
}

/**
 * transformIndexConstraint's WITHOUT OVERLAPS checks, once the key columns were resolved: the last
 * one must be a range or multirange (42804 at the constraint), and there must be another (42601).
 */
export function checkWithoutOverlapsColumns(cat: Catalog, con: AnyNode, columns: readonly ColumnDef[], atts: readonly number[], position: string | undefined): void {
  if (!con.without_overlaps) return;
  const last = columns[atts[atts.length - 1] - 1];
  if (last && !isRangeOrMultirange(cat, last.type)) {
    throw new PgError(SQLSTATE.datatype_mismatch, `column "${last.name}" in WITHOUT OVERLAPS is not a range or multirange type`, { position });
  }
  if (atts.length < 2) throw new PgError(SQLSTATE.syntax_error, 'constraint using WITHOUT OVERLAPS needs at least two columns');
}

/**
 * The index part of a temporal key: a unique GiST index whose keys are compared with `=` and, the
 * last, `&&`. Every column needs a default GiST operator class (scalars only with btree_gist).
 */
export function temporalKeyIndex(cat: Catalog, table: RelationDef, atts: readonly number[]): { keys: IndexKey[]; method: 'gist'; exclusion: ExclusionOperator[] } {
  const exclusion = atts.map((a, i) => {
    const type = table.columns[a - 1].type;
    if (!hasDefaultOpclass(cat, 'gist', type)) throw noDefaultOpclass(cat, 'gist', type);
    return exclusionOperator(cat, 'gist', type, i === atts.length - 1 ? '&&' : '=');
  });
  return { keys: atts.map((a) => ({ attnum: a, descending: false, nullsFirst: false })), method: 'gist', exclusion };
}

/**
 * ExecWithoutOverlapsNotEmpty: the 23514 for an empty range or multirange in the last key column
 * of a WITHOUT OVERLAPS key's index (one that is both unique and an exclusion index, as
 * Postgres's ii_WithoutOverlaps).
 */
export function checkWithoutOverlapsNotEmpty(table: RelationDef, info: IndexInfo, key: readonly Value[]): void {
  const v = key[key.length - 1];
  const empty = v instanceof PgRange ? v.empty : v instanceof PgMultirange ? v.ranges.length === 0 : false;
  if (!empty) return;
  const col = table.columns[info.keys[info.keys.length - 1].attnum - 1];
  throw new PgError(SQLSTATE.check_violation, `empty WITHOUT OVERLAPS value found in column "${col.name}" in relation "${table.name}"`);
}

/**
 * ALTER COLUMN TYPE of a column of a temporal key: Postgres re-creates the key from its definition
 * (`ALTER TABLE schema.table ADD CONSTRAINT ...`), so the WITHOUT OVERLAPS checks run again, their
 * position pointing into that regenerated command. Returns the keys' indexes with the operators of
 * the new type (`&&` of a range or a multirange), to store once the column has it.
 */
export function temporalKeysForNewType(cat: Catalog, rel: RelationDef, attnum: number, type: number): RelationDef[] {
  const out: RelationDef[] = [];
  for (const con of cat.relationConstraints(rel.oid)) {
    if (!con.period || con.kind === 'f' || con.index === undefined || !con.columns.includes(attnum)) continue;
    const last = con.columns[con.columns.length - 1];
    if (last === attnum && !isRangeOrMultirange(cat, type)) {
      const cmd = `ALTER TABLE ${quoteIdent(cat.namespaceName(rel.namespace))}.${quoteIdent(rel.name)} ADD `;
      throw new PgError(SQLSTATE.datatype_mismatch, `column "${rel.columns[attnum - 1].name}" in WITHOUT OVERLAPS is not a range or multirange type`, { position: String(cmd.length + 1) });
    }
    const columns = rel.columns.map((c) => (c.attnum === attnum ? { ...c, type } : c));
    const idx = cat.relation(con.index);
    out.push({ ...idx, index: { ...idx.index!, exclusion: temporalKeyIndex(cat, { ...rel, columns }, con.columns).exclusion } });
  }
  return out;
}
