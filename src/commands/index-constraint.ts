/**
 * ALTER TABLE ... ADD [CONSTRAINT name] { PRIMARY KEY | UNIQUE } USING INDEX idx: turns an
 * existing unique btree index into the index of a new constraint (renaming the index to the
 * constraint's name, with a NOTICE, when they differ). Migration tools use it to build the index
 * CONCURRENTLY first and attach it as a key afterwards.
 * Postgres counterpart: src/backend/parser/parse_utilcmd.c (transformIndexConstraint, the
 * `indexname != NULL` branch: the checks on the index), commands/tablecmds.c
 * (ATExecAddIndexConstraint), catalog/index.c (index_check_primary_key, index_constraint_create).
 * Known gaps: none known; the key columns of a PRIMARY KEY get NOT NULL through the caller's
 * SET NOT NULL path (so a NOT VALID or NO INHERIT not-null constraint is not special-cased).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { charOffset } from '../analyze/parse-state.js';

type AnyNode = Record<string, any>;

const NOT_USABLE = 'Cannot create a primary key or unique constraint using such an index.';

/**
 * Checks `con.indexname` names a usable index of `rel` (transformIndexConstraint), makes the key
 * columns NOT NULL for a primary key (`setNotNull`), then records the constraint on the index.
 */
export function addIndexConstraint(session: Session, cat: Catalog, rel: RelationDef, con: AnyNode, sql: string, explicitName: string | undefined, setNotNull: (attnum: number) => void): void {
  const indexName = con.indexname as string;
  const primary = con.contype === 'CONSTR_PRIMARY';
  const position = con.location === undefined || con.location < 0 ? undefined : String(charOffset(sql, con.location) + 1);
  const fail = (code: string, message: string, detail?: string): PgError => new PgError(code, message, { position, ...(detail ? { detail } : {}) });
  const idx = cat.relationIn(rel.namespace, indexName);
  if (!idx) throw fail(SQLSTATE.undefined_object, `index "${indexName}" does not exist`);
  if (idx.kind !== 'i') throw new PgError(SQLSTATE.wrong_object_type, `"${indexName}" is not an index`);
  const info = idx.index!;
  if (info.constraint !== undefined) throw fail(SQLSTATE.object_not_in_prerequisite_state, `index "${indexName}" is already associated with a constraint`);
  if (info.relation !== rel.oid) throw fail(SQLSTATE.object_not_in_prerequisite_state, `index "${indexName}" does not belong to table "${rel.name}"`);
  if (!info.unique) throw fail(SQLSTATE.wrong_object_type, `"${indexName}" is not a unique index`, NOT_USABLE);
  if (info.keys.some((k) => k.attnum === 0)) throw fail(SQLSTATE.wrong_object_type, `index "${indexName}" contains expressions`, NOT_USABLE);
  if (info.predicate) throw fail(SQLSTATE.wrong_object_type, `"${indexName}" is a partial index`, NOT_USABLE);
  if (info.method !== 'btree') throw fail(SQLSTATE.wrong_object_type, `index "${indexName}" is not a btree`);
  info.keys.forEach((k, i) => {
    const col = rel.columns[k.attnum - 1];
    const defaultSort = !k.descending && !k.nullsFirst && (k.opclass === undefined || k.opclassDefault) && k.opclassOptions === undefined && (k.collation === undefined || k.collation === (col.collation ?? k.collation));
    if (!defaultSort) throw fail(SQLSTATE.wrong_object_type, `index "${indexName}" column number ${i + 1} does not have default sorting behavior`, NOT_USABLE);
  });
  const keyAtts = info.keys.map((k) => k.attnum);
  if (primary) for (const a of keyAtts) setNotNull(a);
  if (rel.kind === 'p') throw new PgError(SQLSTATE.feature_not_supported, 'ALTER TABLE / ADD CONSTRAINT USING INDEX is not supported on partitioned tables');
  const name = explicitName ?? indexName;
  if (name !== indexName) {
    session.notice(new PgError(SQLSTATE.successful_completion, `ALTER TABLE / ADD CONSTRAINT USING INDEX will rename index "${indexName}" to "${name}"`, { severity: 'NOTICE' }));
    if (cat.relationIn(rel.namespace, name)) throw new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists`);
  }
  if (primary) {
    // index_check_primary_key
    if (cat.relationConstraints(rel.oid).some((k) => k.kind === 'p')) throw new PgError(SQLSTATE.invalid_table_definition, `multiple primary keys for table "${rel.name}" are not allowed`);
    if (info.nullsNotDistinct) throw new PgError(SQLSTATE.invalid_table_definition, 'primary keys cannot use NULLS NOT DISTINCT indexes');
  }
  const conOid = session.db.newOid();
  cat.putConstraint({ oid: conOid, name, kind: primary ? 'p' : 'u', relation: rel.oid, namespace: rel.namespace, columns: keyAtts, index: idx.oid, deferrable: !!con.deferrable, deferred: !!con.initdeferred, validated: true });
  cat.putRelation({ ...cat.relation(idx.oid), name, index: { ...info, primary, constraint: conOid } });
}
