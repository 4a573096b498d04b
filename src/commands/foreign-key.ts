/**
 * FOREIGN KEY constraints: resolving the referenced table and its unique key (or, for a temporal
 * key with PERIOD, its WITHOUT OVERLAPS key: PERIOD errors, NO ACTION only), type
 * compatibility (by btree operator family, as Postgres picks the equality operators), ON DELETE
 * SET (columns), NOT ENFORCED keys (recorded, never checked), Postgres's default name. ALTER
 * TABLE validates existing rows (alter-table.ts).
 * Postgres counterpart: src/backend/commands/tablecmds.c (ATAddForeignKeyConstraint, transformFkeyGetPrimaryKey).
 */
import { isNondeterministic } from '../types/collation.js';
import { isNotEnforced } from './constraint-attrs.js';
import type { Catalog } from '../catalog/catalog.js';
import type { FkAction, RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import { OID } from '../types/oids.js';
import { OPCLASS_FACTS } from '../catalog/system/builtin-data.js';
import { SYSTEM_COLUMNS } from '../analyze/system-columns.js';
import { openRelation } from '../analyze/relation.js';
import { canCoerce } from '../analyze/coerce.js';
import type { Session } from '../session/session.js';
import { chooseName, truncateIdentifier } from './naming.js';

type AnyNode = Record<string, any>;

export function addForeignKey(
  session: Session,
  cat: Catalog,
  rel: RelationDef,
  con: AnyNode,
  attnum: number | undefined,
  sql: string,
  taken: Set<string>,
): number {
  void sql;
  const pk = con.pktable;
  const ref = pk.relname === rel.name && !pk.schemaname ? rel : openRelation(cat, session.searchPath(), { schema: pk.schemaname, name: pk.relname });
  if (ref.kind !== 'r' && ref.kind !== 'p') {
    throw new PgError(SQLSTATE.wrong_object_type, `referenced relation "${ref.name}" is not a table`);
  }
  const colsOf = (r: RelationDef, names: AnyNode[]) =>
    names.map((x) => {
      const n = x.String.sval as string;
      const c = r.columns.find((col) => col.name === n && !col.dropped);
      if (!c) {
        if (SYSTEM_COLUMNS.has(n)) throw new PgError(SQLSTATE.feature_not_supported, 'system columns cannot be used in foreign keys');
        throw new PgError(SQLSTATE.undefined_column, `column "${n}" referenced in foreign key constraint does not exist`);
      }
      return c.attnum;
    });
  const fkCols = attnum !== undefined ? [attnum] : colsOf(rel, con.fk_attrs ?? []);
  const withPeriod = !!con.fk_with_period || !!con.pk_with_period;
  if (withPeriod && !con.fk_with_period) throw periodMismatch('referenced', 'referencing');
  // ON DELETE SET NULL / SET DEFAULT (columns): each must be a key column; duplicates collapse.
  let deleteSetColumns: number[] | undefined;
  if (con.fk_del_set_cols?.length) {
    const setCols = colsOf(rel, con.fk_del_set_cols);
    setCols.forEach((a, i) => {
      if (!fkCols.includes(a)) {
        throw new PgError(SQLSTATE.invalid_column_reference, `column "${con.fk_del_set_cols[i].String.sval}" referenced in ON DELETE SET action must be part of foreign key`);
      }
    });
    deleteSetColumns = [...new Set(setCols)];
  }
  let refCols: number[];
  let refIndex: RelationDef | undefined;
  if (con.pk_attrs?.length) {
    refCols = colsOf(ref, con.pk_attrs);
    if (withPeriod && !con.pk_with_period) throw periodMismatch('referencing', 'referenced');
    if (new Set(refCols).size < refCols.length) throw new PgError(SQLSTATE.invalid_foreign_key, 'foreign key referenced-columns list must not contain duplicates');
    // (transformFkeyCheckAttrs: a temporal key references an exclusion index whose last column is the PERIOD one)
    const matching = cat.relationIndexes(ref.oid).filter(
      (i) =>
        (withPeriod ? !!i.index!.exclusion : i.index!.unique) &&
        !i.index!.predicate &&
        i.index!.keys.length === refCols.length &&
        i.index!.keys.every((k) => k.attnum !== 0 && refCols.includes(k.attnum)) &&
        (!withPeriod || i.index!.keys[refCols.length - 1].attnum === refCols[refCols.length - 1]),
    );
    // A deferrable key cannot be referenced (SQL standard; transformFkeyCheckAttrs).
    refIndex = matching.find((i) => !indexDeferrable(cat, i));
    if (!refIndex && matching.length) {
      throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `cannot use a deferrable unique constraint for referenced table "${ref.name}"`);
    }
    if (!refIndex) {
      throw new PgError(SQLSTATE.invalid_foreign_key, `there is no unique constraint matching given keys for referenced table "${ref.name}"`);
    }
  } else {
    refIndex = cat.relationIndexes(ref.oid).find((i) => i.index!.primary);
    if (!refIndex) throw new PgError(SQLSTATE.undefined_object, `there is no primary key for referenced table "${ref.name}"`);
    if (indexDeferrable(cat, refIndex)) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `cannot use a deferrable primary key for referenced table "${ref.name}"`);
    refCols = refIndex.index!.keys.map((k) => k.attnum);
    if (refIndex.index!.exclusion && !con.fk_with_period) throw periodMismatch('referenced', 'referencing');
  }
  if (refIndex.index!.exclusion && !withPeriod) {
    throw new PgError(SQLSTATE.invalid_foreign_key, 'foreign key must use PERIOD when referencing a primary key using WITHOUT OVERLAPS');
  }
  if (withPeriod) checkPeriodActions(con);
  if (fkCols.length !== refCols.length) {
    throw new PgError(SQLSTATE.invalid_foreign_key, 'number of referencing and referenced columns for foreign key disagree');
  }
  const name = con.conname
    ? truncateIdentifier(con.conname)
    : chooseName(cat, rel.namespace, rel.name, fkCols.map((a) => rel.columns[a - 1].name).join('_'), 'fkey', taken, false);
  if (con.conname && cat.relationConstraints(rel.oid).some((c) => c.name === name)) {
    throw new PgError(SQLSTATE.duplicate_object, `constraint "${name}" for relation "${rel.name}" already exists`);
  }
  fkCols.forEach((a, i) => {
    const ft = rel.columns[a - 1].type;
    const rt = ref.columns[refCols[i] - 1].type;
    if (!keyTypesCompatible(cat, ft, rt)) {
      throw new PgError(SQLSTATE.datatype_mismatch, `foreign key constraint "${name}" cannot be implemented`, {
        detail: `Key columns "${rel.columns[a - 1].name}" of the referencing table and "${ref.columns[refCols[i] - 1].name}" of the referenced table are of incompatible types: ${formatType(cat, ft)} and ${formatType(cat, rt)}.`,
      });
    }
    // A nondeterministic collation on either side needs the same collation on both (ATAddForeignKeyConstraint).
    const fc = rel.columns[a - 1].collation;
    const rc = ref.columns[refCols[i] - 1].collation;
    if (fc !== rc && (isNondeterministic(fc) || isNondeterministic(rc))) {
      throw new PgError(SQLSTATE.collation_mismatch, `foreign key constraint "${name}" cannot be implemented`, {
        detail: `Key columns "${rel.columns[a - 1].name}" of the referencing table and "${ref.columns[refCols[i] - 1].name}" of the referenced table have incompatible collations: "${fc}" and "${rc}".  If either collation is nondeterministic, then both collations have to be the same.`,
      });
    }
  });
  const onDelete = (con.fk_del_action ?? 'a') as FkAction;
  const onUpdate = (con.fk_upd_action ?? 'a') as FkAction;
  const notEnforced = isNotEnforced(con);
  const oid = session.db.newOid();
  cat.putConstraint({
    oid,
    name,
    kind: 'f',
    relation: rel.oid,
    namespace: rel.namespace,
    columns: fkCols,
    fk: { refRelation: ref.oid, refColumns: refCols, onDelete, onUpdate, match: (con.fk_matchtype ?? 's') as 's' | 'f' | 'p', deleteSetColumns, refIndex: refIndex.oid },
    deferrable: !!con.deferrable || !!con.initdeferred,
    deferred: !!con.initdeferred,
    validated: !con.skip_validation && !notEnforced,
    ...(notEnforced ? { notEnforced: true } : {}),
    ...(withPeriod ? { period: true } : {}),
  });
  return oid;
}

/** Whether an index backs a DEFERRABLE constraint (pg_index.indimmediate false). */
function indexDeferrable(cat: Catalog, idx: RelationDef): boolean {
  const con = idx.index!.constraint;
  return con !== undefined && !!cat.constraints.get(con)?.deferrable;
}

/** The 42830 for PERIOD on one side of a foreign key only. */
function periodMismatch(on: string, notOn: string): PgError {
  return new PgError(SQLSTATE.invalid_foreign_key, `foreign key uses PERIOD on the ${on} table but not the ${notOn} table`);
}

/** PG 18 enforces temporal foreign keys with NO ACTION only: other actions are 0A000. */
function checkPeriodActions(con: AnyNode): void {
  const unsupported = (a: string | undefined) => a === 'r' || a === 'c' || a === 'n' || a === 'd';
  for (const [action, what] of [[con.fk_upd_action, 'ON UPDATE'], [con.fk_del_action, 'ON DELETE']] as const) {
    if (unsupported(action)) throw new PgError(SQLSTATE.feature_not_supported, `unsupported ${what} action for foreign key constraint using PERIOD`);
  }
}

/**
 * Whether a referencing column of type `fkType` can reference one of type `pkType`: their btree
 * operator families agree (int2 → int8, date → timestamptz), or both coerce implicitly to the
 * type the referenced index's operator class takes (int4 → numeric, text → varchar), as
 * ATAddForeignKeyConstraint's search for pfeqop / ffeqop decides.
 */
function keyTypesCompatible(cat: Catalog, fkType: number, pkType: number): boolean {
  if (fkType === pkType) return true;
  const pkClass = btreeClassOf(cat, pkType);
  const fkClass = btreeClassOf(cat, fkType);
  if (pkClass && fkClass && pkClass.family === fkClass.family && pkClass.intype !== OID.anyenum && pkClass.intype !== OID.anyarray) return true;
  const target = pkClass?.intype ?? baseTypeOf(cat, pkType);
  if (target === OID.anyenum || target === OID.anyarray) return baseTypeOf(cat, fkType) === baseTypeOf(cat, pkType);
  return canCoerce(cat, pkType, target, 'implicit') && canCoerce(cat, fkType, target, 'implicit');
}

/** The default btree operator class of a type (through domains; varchar and cidr use text's and inet's). */
function btreeClassOf(cat: Catalog, type: number): { family: number; intype: number } | undefined {
  let base = baseTypeOf(cat, type);
  if (base === OID.varchar) base = OID.text;
  else if (base === OID.cidr) base = OID.inet;
  const info = typeInfo(cat, base);
  const intype = info.typtype === 'e' ? OID.anyenum : info.elem && info.category === 'A' ? OID.anyarray : base;
  const row = OPCLASS_FACTS.find((o) => o[1] === 403 && o[5] && o[4] === intype);
  return row ? { family: row[3], intype } : undefined;
}
