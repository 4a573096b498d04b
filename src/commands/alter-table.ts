/**
 * ALTER TABLE (add/drop/rename column, ALTER COLUMN TYPE [USING], SET/DROP DEFAULT,
 * SET/DROP NOT NULL, ADD/DROP/VALIDATE CONSTRAINT, DROP EXPRESSION) and RENAME of tables,
 * columns, indexes and constraints. Several actions in one statement apply in order; a failure
 * leaves nothing applied (the transaction's catalog copy is discarded).
 * Postgres counterpart: src/backend/commands/tablecmds.c (AlterTable, ATExec*).
 */
import { mergeWithExistingCheck } from './inherit-alter.js';
import { alterPersistence } from './alter-persistence.js';
import { partitionDescendants } from '../catalog/partition.js';
import { alterConstraint, checkNoPendingEvents } from './alter-constraint.js';
import { derivedKeyOf, mergedKeysOf } from './partition-fk.js';
import { isNotEnforced } from './constraint-attrs.js';
import { dropColumnStatistics } from './statistics.js';
import { alterColumnStorage, checkStorageTarget, columnStorageClauses } from './column-storage.js';
import { typeWarningTwice } from './create-table.js';
import { SYSTEM_COLUMNS } from '../analyze/system-columns.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, ConstraintDef, RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { alterTableTrigger, dropColumnTriggers, renameTrigger } from './trigger.js';
import { domainDefault } from './dml.js';
import { alterTableRule } from './rulecmds.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { formatType, typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupRelation } from '../analyze/relation.js';
import { resolveTypeName } from '../analyze/type-name.js';
import { canCoerce, coerceTo } from '../analyze/coerce.js';
import { emptyQuery } from '../nodes/query.js';
import { ParseState } from '../analyze/parse-state.js';
import { relationRte } from '../analyze/relation.js';
import { alterTableRoleCmd, checkRelationOwner } from './owner.js';
import { transformExpr } from '../analyze/expr.js';
import { charOffset } from '../analyze/parse-state.js';
import { statementState, makeExecContext } from '../session/run-select.js';
import { compileExpr } from '../executor/expr/compile.js';
import { compileStored, ModifyState } from '../executor/modify-table.js';
import { analyzeTableExpr, checkNameColumn, referencedColumns } from './column-expr.js';
import { chooseName, truncateIdentifier } from './naming.js';
import { defineIndex } from './create-index.js';
import { addForeignKey } from './foreign-key.js';
import { alterInherited } from './inherit-alter.js';
import { inheritDescendants } from '../catalog/inheritance.js';
import { relOptionsOf } from './reloptions.js';
import { alterRelOptions, isRelOptionsCommand } from './alter-reloptions.js';
import { constraintIncludeAttnums, distinctIndexColumnNames } from './index-include.js';
import { insertIndexEntry } from './unique-check.js';
import { addExclusionConstraint } from './exclusion-ddl.js';
import { checkWithoutOverlapsColumns, temporalKeyIndex, temporalKeysForNewType } from './temporal-key.js';
import { addIndexConstraint } from './index-constraint.js';
import { defineSequence, serialDefault } from './sequence.js';
import { dropColumnViews, dropConstraintViews, dropRelation, viewsUsingColumn } from './drop.js';
import { renameDomainConstraint } from './typecmds.js';
import { renameType } from './rename-type.js';
import { renameSchema } from './rename-schema.js';
import { alterPartitioned, alterPartitionedCmd, attachIndexPartition, cascadesToPartitions, renamePartitionColumn, shareIdentity, validateForeignKeyRows } from './partition-alter.js';
import { runRiQueue } from '../executor/ri.js';
import { alterSequenceOptions } from './alter-sequence.js';
import { identitySequenceName } from './sequence-params.js';
import { clusterOn, dropCluster } from './cluster-on.js';
import { transformRelOptions, validateRelOptions } from './reloptions.js';

type AnyNode = Record<string, any>;

function visibleRows(session: Session, rel: RelationDef): { tid: number; values: Value[] }[] {
  const txn = session.transaction();
  const out: { tid: number; values: Value[] }[] = [];
  for (const t of txn.heap(rel).all()) {
    if (!txn.visible(t)) continue;
    out.push({ tid: t.tid, values: rel.columns.map((c, i) => (t.values[i] === undefined ? (c.missing ?? null) : t.values[i])) });
  }
  return out;
}

/** Moves the table to new storage with every row transformed; rebuilds its indexes. */
export function rewrite(
  session: Session,
  cat: Catalog,
  rel: RelationDef,
  f: (values: Value[]) => Value[],
  readAs: RelationDef = rel,
  reorder?: (rows: { tid: number; values: Value[] }[]) => { tid: number; values: Value[] }[],
): RelationDef {
  const txn = session.transaction();
  // (`readAs`: the definition the stored rows were written under, whose missing values fill them;
  // `reorder`: the order the rows are written in, CLUSTER's)
  let rows = visibleRows(session, readAs);
  if (reorder) rows = reorder(rows);
  const filenode = session.db.newOid();
  txn.droppedFilenodes.add(rel.filenode);
  txn.createdFilenodes.add(filenode);
  const nrel: RelationDef = { ...rel, filenode, columns: rel.columns.map((c) => ({ ...c, missing: undefined })) };
  cat.putRelation(nrel);
  const heap = txn.heap(nrel);
  const xid = txn.writeXid();
  const tids: { tid: number; values: Value[] }[] = [];
  for (const r of rows) {
    const values = f(r.values);
    const t = heap.insert(values, xid, txn.cid);
    tids.push({ tid: t.tid, values });
  }
  txn.markWrite();
  rebuildIndexes(session, cat, nrel, tids);
  // (a later subcommand of the same ALTER TABLE that rewrites again reads these rows)
  txn.commandCounterIncrement();
  return nrel;
}

function rebuildIndexes(session: Session, cat: Catalog, rel: RelationDef, rows: { tid: number; values: Value[] }[]): void {
  const txn = session.transaction();
  const ctx = makeExecContext(session, []);
  for (const idx of cat.relationIndexes(rel.oid)) {
    const fn = session.db.newOid();
    txn.droppedFilenodes.add(idx.filenode);
    txn.createdFilenodes.add(fn);
    const nidx = { ...idx, filenode: fn };
    cat.putRelation(nidx);
    for (const r of rows) insertIndexEntry(ctx, cat, rel, nidx, r.values, r.tid, true);
  }
}

function findColumn(rel: RelationDef, name: string): ColumnDef | undefined {
  return rel.columns.find((c) => c.name === name && !c.dropped);
}

function noColumn(rel: RelationDef, name: string): PgError {
  return new PgError(SQLSTATE.undefined_column, `column "${name}" of relation "${rel.name}" does not exist`);
}

function putColumn(cat: Catalog, rel: RelationDef, col: ColumnDef): RelationDef {
  const nrel = { ...cat.relation(rel.oid) };
  nrel.columns = nrel.columns.map((c) => (c.attnum === col.attnum ? col : c));
  cat.putRelation(nrel);
  return nrel;
}

/**
 * ALTER TABLE ... OF type: the table's columns must be the type's, in order, with the same
 * types (tablecmds.c ATExecAddOf).
 */
function addOf(session: Session, cat: Catalog, rel: RelationDef, typeName: AnyNode, pos: (loc: number | undefined) => string | undefined): void {
  const { oid } = resolveTypeName(cat, session.searchPath(), typeName, pos);
  const t = cat.types.get(oid);
  const typeRel = t?.kind === 'c' && t.relation !== undefined ? cat.relations.get(t.relation) : undefined;
  if (!typeRel) throw new PgError(SQLSTATE.wrong_object_type, `type ${formatType(cat, oid)} is not a composite type`);
  if (typeRel.kind !== 'c') {
    throw new PgError(SQLSTATE.wrong_object_type, `type ${formatType(cat, oid)} is the row type of another table`, { detail: 'A typed table must use a stand-alone composite type created with CREATE TYPE.' });
  }
  if (rel.inhParents?.length) throw new PgError(SQLSTATE.wrong_object_type, 'typed tables cannot inherit');
  const mismatch = (m: string) => new PgError(SQLSTATE.datatype_mismatch, m);
  const mine = rel.columns.filter((c) => !c.dropped);
  const want = typeRel.columns.filter((c) => !c.dropped);
  want.forEach((w, i) => {
    const c = mine[i];
    if (!c) throw mismatch(`table is missing column "${w.name}"`);
    if (c.name !== w.name) throw mismatch(`table has column "${c.name}" where type requires "${w.name}"`);
    if (c.type !== w.type || c.typmod !== w.typmod || (c.collation ?? '') !== (w.collation ?? '')) throw mismatch(`table "${rel.name}" has different type for column "${c.name}"`);
  });
  if (mine.length > want.length) throw mismatch(`table has extra column "${mine[want.length].name}"`);
  cat.putRelation({ ...rel, ofType: oid });
}

/** A typed table's columns and parents are its type's (tablecmds.c ATTypedTableRecursion's checks). */
function checkTypedTableCmd(cmd: AnyNode, pos: (loc: number | undefined) => string | undefined): void {
  const refuse = (what: string, position?: string) => new PgError(SQLSTATE.wrong_object_type, `cannot ${what} typed table`, position ? { position } : {});
  switch (cmd.subtype) {
    case 'AT_AddColumn': throw refuse('add column to');
    case 'AT_DropColumn': throw refuse('drop column from');
    case 'AT_AlterColumnType': throw refuse('alter column type of', pos(cmd.def?.ColumnDef?.location));
    case 'AT_AddInherit':
    case 'AT_DropInherit': throw refuse('change inheritance of');
  }
}

export function alterTable(session: Session, n: AnyNode, sql: string): StatementResult {
  const rv = n.relation;
  const txn = session.transaction();
  const pos = (loc: number | undefined) => (loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1));
  const found = lookupRelation(txn.catalog, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!found) {
    if (n.missing_ok) {
      session.notice(new PgError(SQLSTATE.successful_completion, `relation "${rv.relname}" does not exist, skipping`, { severity: 'NOTICE' }));
      return commandResult('ALTER TABLE');
    }
    throw new PgError(SQLSTATE.undefined_table, `relation "${rv.schemaname ? rv.schemaname + '.' : ''}${rv.relname}" does not exist`);
  }
  if (n.objtype === 'OBJECT_TABLE' && (found.kind === 'p' || found.partitionOf || (n.cmds as AnyNode[]).some((c) => /^AT_(Attach|Detach)Partition/.test(c.AlterTableCmd.subtype)))) {
    // Partitioned tables and partitions: ATTACH / DETACH here, the rest where it keeps the layout.
    if (alterPartitioned(session, found, (n.cmds as AnyNode[]).map((c) => c.AlterTableCmd), sql, !rv.inh)) return commandResult('ALTER TABLE');
  }
  if (n.objtype === 'OBJECT_INDEX' && (n.cmds as AnyNode[]).some((c) => c.AlterTableCmd.subtype === 'AT_AttachPartition')) {
    attachIndexPartition(session, found, (n.cmds as AnyNode[]).map((c) => c.AlterTableCmd), sql);
    return commandResult('ALTER INDEX');
  }
  if (found.ofType !== undefined) for (const c of n.cmds as AnyNode[]) checkTypedTableCmd(c.AlterTableCmd, pos);
  for (const c of n.cmds as AnyNode[]) {
    if (c.AlterTableCmd.subtype === 'AT_SetStorage' || c.AlterTableCmd.subtype === 'AT_SetCompression') checkStorageTarget(found, c.AlterTableCmd.subtype, n.objtype);
  }
  // (SET LOGGED / UNLOGGED reports the relation kinds it refuses itself, and takes sequences)
  const onlyRelOptions = (n.cmds as AnyNode[]).every((c) => isRelOptionsCommand(c.AlterTableCmd) || c.AlterTableCmd.subtype === 'AT_SetLogged' || c.AlterTableCmd.subtype === 'AT_SetUnLogged');
  if (n.objtype === 'OBJECT_TABLE' && found.kind !== 'r' && found.kind !== 'p' && !onlyRelOptions) {
    throw new PgError(SQLSTATE.wrong_object_type, `"${found.name}" is not a table`);
  }
  if (n.objtype === 'OBJECT_TYPE') checkAlterCompositeType(txn.catalog, found, (n.cmds as AnyNode[]).map((c) => c.AlterTableCmd.subtype as string));
  if (!(n.cmds as AnyNode[]).every((c) => c.AlterTableCmd.subtype === 'AT_ChangeOwner')) checkRelationOwner(session, txn.catalog, found);
  if (n.objtype === 'OBJECT_TABLE') checkNoPendingEvents(session, txn.catalog, found, (n.cmds as AnyNode[]).some((c) => cascadesToPartitions(c.AlterTableCmd)));
  const cat = txn.catalogForWrite();
  const taken = new Set<string>();
  for (const c of n.cmds as AnyNode[]) {
    // SET NOT NULL on a NO INHERIT constraint depends on ONLY (ATExecSetNotNull's recurse).
    const cmd = c.AlterTableCmd.subtype === 'AT_SetNotNull' && !rv.inh ? { ...c.AlterTableCmd, __only: true } : c.AlterTableCmd;
    const rel = cat.relation(found.oid);
    if (isRelOptionsCommand(cmd)) {
      alterRelOptions(session, cat, rel, cmd, n.objtype);
      continue;
    }
    if (cmd.subtype === 'AT_AlterConstraint') {
      alterConstraint(session, cat, rel, cmd.def.ATAlterConstraint, !rv.inh, (r, fk) => validateForeignKey(session, cat, r, fk.oid));
      continue;
    }
    if (rel.kind === 'p' && cascadesToPartitions(cmd)) {
      // A partitioned table: the partitions too (see partition-alter.ts).
      alterPartitionedCmd(session, cat, rel, cmd, sql, (r, c) => alterOne(session, cat, r, c, sql, r.oid === rel.oid ? taken : new Set(), pos), !rv.inh);
      continue;
    }
    if ((rel.inhChildren?.length || rel.inhParents?.length || cmd.subtype === 'AT_AddInherit' || cmd.subtype === 'AT_DropInherit') && alterInherited(session, cat, rel, cmd, !rv.inh, (r, c) => alterOne(session, cat, r, c, sql, r.oid === rel.oid ? taken : new Set(), pos), pos)) {
      continue; // an inheritance tree: the children too (see inherit-alter.ts)
    }
    alterOne(session, cat, rel, cmd, sql, taken, pos);
  }
  return commandResult(n.objtype === 'OBJECT_VIEW' ? 'ALTER VIEW' : n.objtype === 'OBJECT_MATVIEW' ? 'ALTER MATERIALIZED VIEW' : n.objtype === 'OBJECT_SEQUENCE' ? 'ALTER SEQUENCE' : n.objtype === 'OBJECT_INDEX' ? 'ALTER INDEX' : n.objtype === 'OBJECT_TYPE' ? 'ALTER TYPE' : 'ALTER TABLE');
}

/**
 * ALTER TYPE ... ADD/DROP/ALTER ATTRIBUTE: only of a composite type, and only while no column
 * stores values of it (ALTER ATTRIBUTE TYPE: Postgres's error; ADD/DROP: not supported yet).
 */
function checkAlterCompositeType(cat: Catalog, rel: RelationDef, subtypes: readonly string[]): void {
  if (rel.kind !== 'c') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a composite type`);
  const arr = cat.types.get(rel.rowType)?.arrayType;
  for (const r of cat.relations.values()) {
    if (r.oid === rel.oid) continue;
    for (const c of r.columns) {
      if (!c.dropped && (c.type === rel.rowType || c.type === arr)) {
        if (subtypes.includes('AT_AlterColumnType')) {
          throw new PgError(SQLSTATE.feature_not_supported, `cannot alter type "${rel.name}" because column "${r.name}.${c.name}" uses it`);
        }
        // Postgres allows adding and dropping attributes here (stored values keep their layout).
        throw featureNotSupported('ALTER TYPE ... ADD/DROP ATTRIBUTE of a composite type that a column uses');
      }
    }
  }
}

function alterOne(session: Session, cat: Catalog, rel: RelationDef, cmd: AnyNode, sql: string, taken: Set<string>, pos: (l: number | undefined) => string | undefined): void {
  const schema = cat.namespaceName(rel.namespace);
  switch (cmd.subtype) {
    case 'AT_ReplicaIdentity':
      setReplicaIdentity(cat, rel, cmd.def.ReplicaIdentityStmt);
      return;
    case 'AT_SetStatistics': {
      if (cmd.num) throw new PgError(SQLSTATE.feature_not_supported, 'cannot refer to non-index column by number');
      const col = findColumn(rel, cmd.name);
      if (!col && SYSTEM_COLUMNS.has(cmd.name)) throw new PgError(SQLSTATE.feature_not_supported, `cannot alter system column "${cmd.name}"`);
      if (!col) throw noColumn(rel, cmd.name);
      let target: number | undefined = cmd.def?.Integer ? (cmd.def.Integer.ival ?? 0) : undefined;
      if (target !== undefined && target < -1) throw new PgError(SQLSTATE.invalid_parameter_value, `statistics target ${target} is too low`);
      if (target !== undefined && target > 10000) {
        session.notice(new PgError(SQLSTATE.invalid_parameter_value, 'lowering statistics target to 10000', { severity: 'WARNING' }));
        target = 10000;
      }
      putColumn(cat, rel, { ...col, statTarget: target === -1 ? undefined : target });
      return;
    }
    case 'AT_SetOptions':
    case 'AT_ResetOptions': {
      // attribute options (n_distinct): recorded in pg_attribute.attoptions only
      const col = findColumn(rel, cmd.name);
      if (!col && SYSTEM_COLUMNS.has(cmd.name)) throw new PgError(SQLSTATE.feature_not_supported, `cannot alter system column "${cmd.name}"`);
      if (!col) throw noColumn(rel, cmd.name);
      const opts = transformRelOptions(col.attOptions, (cmd.def?.List?.items ?? []) as AnyNode[], { reset: cmd.subtype === 'AT_ResetOptions' });
      validateRelOptions(opts, 'attribute');
      putColumn(cat, rel, { ...col, attOptions: opts.length ? opts : undefined });
      return;
    }
    case 'AT_ClusterOn':
      clusterOn(cat, rel, cmd.name as string);
      return;
    case 'AT_DropCluster':
      dropCluster(cat, rel);
      return;
    case 'AT_AddOf':
      addOf(session, cat, rel, cmd.def.TypeName ?? cmd.def, pos);
      return;
    case 'AT_DropOf': {
      const { ofType: _t, ...rest } = rel;
      void _t;
      cat.putRelation(rest);
      return;
    }
    case 'AT_SetStorage':
    case 'AT_SetCompression': {
      const col = findColumn(rel, cmd.name);
      if (!col && SYSTEM_COLUMNS.has(cmd.name)) throw new PgError(SQLSTATE.feature_not_supported, `cannot alter system column "${cmd.name}"`);
      if (!col) throw noColumn(rel, cmd.name);
      putColumn(cat, rel, alterColumnStorage(cat, rel, cmd, col));
      return;
    }
    case 'AT_AddColumn': {
      const cd = cmd.def.ColumnDef;
      const name = truncateIdentifier(cd.colname);
      if (SYSTEM_COLUMNS.has(name) && (rel.kind === 'r' || rel.kind === 'm')) {
        throw new PgError(SQLSTATE.duplicate_column, `column name "${name}" conflicts with a system column name`);
      }
      if (findColumn(rel, name)) {
        if (cmd.missing_ok) {
          session.notice(new PgError(SQLSTATE.duplicate_column, `column "${name}" of relation "${rel.name}" already exists, skipping`, { severity: 'NOTICE' }));
          return;
        }
        throw new PgError(SQLSTATE.duplicate_column, `column "${name}" of relation "${rel.name}" already exists`);
      }
      const rawType = (cd.typeName.names as AnyNode[]).map((x) => x.String.sval).join('.');
      const isSerial = ['serial', 'bigserial', 'smallserial', 'serial4', 'serial8', 'serial2'].includes(rawType);
      const { oid: type, typmod } = resolveTypeName(cat, session.searchPath(), cd.typeName, pos, (w) => typeWarningTwice(session, w));
      const info = typeInfo(cat, type);
      const attnum = rel.columns.length + 1;
      let col: ColumnDef = { name, attnum, type, typmod, notNull: false, collation: info.category === 'S' ? 'default' : undefined, ...columnStorageClauses(cat, type, cd) };
      let nrel: RelationDef = { ...rel, columns: [...rel.columns, col] };
      cat.putRelation(nrel);
      const later: AnyNode[] = [];
      let nnSpec: { name?: string; noInherit: boolean } | undefined;
      for (const k of (cd.constraints ?? []) as AnyNode[]) {
        const con = k.Constraint;
        switch (con.contype) {
          case 'CONSTR_NOTNULL':
            col = { ...col, notNull: true };
            nnSpec = { name: nnSpec?.name ?? (con.conname ? truncateIdentifier(con.conname) : undefined), noInherit: !!con.is_no_inherit };
            break;
          case 'CONSTR_NULL':
            break;
          case 'CONSTR_DEFAULT':
            col = { ...col, default: analyzeTableExpr(session, cat, nrel, con.raw_expr, 'default', sql, { type, typmod, column: name }) };
            // A default to fill in (not NULL) is refused when the table's row type is stored elsewhere.
            if (!con.raw_expr?.A_Const?.isnull) checkRowTypeUnused(cat, rel);
            break;
          case 'CONSTR_GENERATED': {
            const g = analyzeTableExpr(session, cat, nrel, con.raw_expr, 'generated', sql, { type, typmod, column: name });
            col = { ...col, generated: { kind: con.generated_kind === 'v' ? 'v' : 's', expr: g } };
            break;
          }
          case 'CONSTR_IDENTITY': {
            if (rel.inhChildren?.length) throw new PgError(SQLSTATE.invalid_table_definition, 'cannot recursively add identity column to table that has child tables');
            const fromParent = rel.partitionOf ? cat.relation(rel.partitionOf.parent).columns.find((c) => !c.dropped && c.name === name) : undefined;
            if (fromParent?.identity) {
              // A partition (reached from its partitioned table) shares the table's sequence.
              col = { ...col, identity: fromParent.identity, notNull: true, default: fromParent.default };
              break;
            }
            const seq = defineSequence(session, cat, rel.namespace, identitySeqName(cat, rel, con.options, () => chooseName(cat, rel.namespace, rel.name, name, 'seq', taken, true)), { type, ownedBy: { relation: rel.oid, attnum }, identity: true }, con.options ?? [], pos);
            col = { ...col, identity: con.generated_when === 'a' ? 'a' : 'd', notNull: true, default: serialDefault(cat, seq, col.type) };
            break;
          }
          default:
            later.push(con);
        }
      }
      if (isSerial) {
        const seq = defineSequence(session, cat, rel.namespace, chooseName(cat, rel.namespace, rel.name, name, 'seq', taken, true), { type, ownedBy: { relation: rel.oid, attnum } }, []);
        col = { ...col, notNull: true, default: serialDefault(cat, seq, col.type) };
      }
      nrel = { ...nrel, columns: [...rel.columns, col] };
      cat.putRelation(nrel);
      // Existing rows: a constant default is stored once (attmissingval); anything volatile or generated rewrites.
      const ctx = makeExecContext(session, []);
      const needsRewrite = (col.default?.volatile ?? false) || !!col.generated;
      if (needsRewrite) {
        const d = col.default ? compileStored(col.default) : undefined;
        const g = col.generated ? compileStored(col.generated.expr) : undefined;
        nrel = rewrite(session, cat, nrel, (vals) => {
          const out = [...vals];
          out[attnum - 1] = d ? d(out, ctx) : null;
          if (g) out[attnum - 1] = g(out, ctx);
          return out;
        });
      } else if (info.typtype === 'd') {
        // A domain column: existing rows get its default (the column's, else the domain's) checked
        // against the domain, as Postgres's rewrite does row by row (an empty table checks nothing).
        const fill = col.default ? compileStored(col.default) : domainDefault(cat, col);
        if (fill && visibleRows(session, nrel).length > 0) {
          const v = fill([], ctx);
          if (v !== null) nrel = putColumn(cat, nrel, { ...col, missing: v });
        }
      } else if (col.default) {
        const v = compileStored(col.default)([], ctx);
        nrel = putColumn(cat, nrel, { ...col, missing: v });
      }
      if (col.notNull) {
        const c2 = cat.relation(rel.oid).columns[attnum - 1];
        const rows = visibleRows(session, cat.relation(rel.oid));
        if (rows.some((r) => r.values[attnum - 1] === null)) {
          throw new PgError(SQLSTATE.not_null_violation, `column "${name}" of relation "${rel.name}" contains null values`, { schema, table: rel.name, column: name });
        }
        void c2;
        if (nnSpec?.name !== undefined && cat.relationConstraints(rel.oid).some((k) => k.name === nnSpec.name)) {
          throw new PgError(SQLSTATE.duplicate_object, `constraint "${nnSpec.name}" for relation "${rel.name}" already exists`);
        }
        cat.putConstraint({ oid: session.db.newOid(), name: nnSpec?.name ?? chooseName(cat, rel.namespace, rel.name, name, 'not_null', taken, false), kind: 'n', relation: rel.oid, namespace: rel.namespace, columns: [attnum], deferrable: false, deferred: false, validated: true, ...(nnSpec?.noInherit ? { noInherit: true } : {}) });
      }
      for (const con of later) addConstraint(session, cat, cat.relation(rel.oid), con, sql, taken, attnum);
      return;
    }
    case 'AT_DropColumn': {
      const col = findColumn(rel, cmd.name);
      if (!col) {
        if (cmd.missing_ok) {
          session.notice(new PgError(SQLSTATE.successful_completion, `column "${cmd.name}" of relation "${rel.name}" does not exist, skipping`, { severity: 'NOTICE' }));
          return;
        }
        throw noColumn(rel, cmd.name);
      }
      const cascade = cmd.behavior === 'DROP_CASCADE';
      const dependentKeys = cat.referencingForeignKeys(rel.oid).filter((fk) => fk.relation !== rel.oid && fk.fk!.refColumns.includes(col.attnum));
      if (!cascade && dependentKeys.length) {
        // (the keys depend on the referenced columns themselves, and that is what Postgres reports, each of them)
        throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop column ${col.name} of table ${rel.name} because other objects depend on it`, {
          detail: [...dependentKeys].sort((a, b) => a.oid - b.oid).map((fk) => `constraint ${fk.name} on table ${cat.relation(fk.relation).name} depends on column ${col.name} of table ${rel.name}`).join('\n'),
          hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
        });
      }
      for (const fk of dependentKeys) {
        session.notice(new PgError(SQLSTATE.successful_completion, `drop cascades to constraint ${fk.name} on table ${cat.relation(fk.relation).name}`, { severity: 'NOTICE' }));
        cat.removeConstraint(fk.oid);
      }
      for (const g of rel.columns) {
        if (g.generated && !g.dropped && referencedColumns(g.generated.expr.expr).has(col.attnum) && g.attnum !== col.attnum) {
          if (!cascade) {
            throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop column ${col.name} of table ${rel.name} because other objects depend on it`, {
              detail: `column ${g.name} of table ${rel.name} depends on column ${col.name} of table ${rel.name}`,
              hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
            });
          }
          // CASCADE: the generated column goes too.
          session.notice(new PgError(SQLSTATE.successful_completion, `drop cascades to column ${g.name} of table ${rel.name}`, { severity: 'NOTICE' }));
          alterOne(session, cat, cat.relation(rel.oid), { subtype: 'AT_DropColumn', name: g.name, behavior: 'DROP_RESTRICT' }, sql, taken, pos);
        }
      }
      dropColumnViews(session, cat, rel, col.attnum, cascade);
      dropColumnTriggers(session, cat, rel, col, cascade);
      dropColumnStatistics(cat, rel.oid, col.attnum);
      for (const idx of cat.relationIndexes(rel.oid)) {
        const uses = idx.index!.include.includes(col.attnum) || idx.index!.keys.some((k) => k.attnum === col.attnum || (k.expr && referencedColumns(k.expr.expr).has(col.attnum))) || (idx.index!.predicate && referencedColumns(idx.index!.predicate.expr).has(col.attnum));
        if (uses) dropRelation(session, cat, idx, new Set());
      }
      for (const k of cat.relationConstraints(rel.oid)) {
        if (k.columns.includes(col.attnum) || (k.check && referencedColumns(k.check.expr).has(col.attnum))) cat.removeConstraint(k.oid);
      }
      for (const s of [...cat.relations.values()]) {
        if (s.kind === 'S' && s.sequence?.ownedBy?.relation === rel.oid && s.sequence.ownedBy.attnum === col.attnum) cat.removeRelation(s.oid);
      }
      const cur = cat.relation(rel.oid);
      putColumn(cat, cur, { ...col, dropped: true, name: `........pg.dropped.${col.attnum}........`, notNull: false, default: undefined, generated: undefined, identity: undefined });
      return;
    }
    case 'AT_ColumnDefault': {
      const col = findColumn(rel, cmd.name);
      if (!col) throw noColumn(rel, cmd.name);
      if (col.generated) {
        throw new PgError(SQLSTATE.syntax_error, `column "${col.name}" of relation "${rel.name}" is a generated column`, { hint: 'Use ALTER TABLE ... ALTER COLUMN ... SET EXPRESSION instead.' });
      }
      if (col.identity) {
        throw new PgError(SQLSTATE.syntax_error, `column "${col.name}" of relation "${rel.name}" is an identity column`, cmd.def ? {} : { hint: 'Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.' });
      }
      const d = cmd.def ? analyzeTableExpr(session, cat, rel, cmd.def, 'default', sql, { type: col.type, typmod: col.typmod, column: col.name }) : undefined;
      putColumn(cat, rel, { ...col, default: d });
      return;
    }
    case 'AT_SetNotNull': {
      const col = findColumn(rel, cmd.name);
      if (!col) throw noColumn(rel, cmd.name);
      const nn = notNullConstraintOf(cat, rel, col.attnum);
      if (nn?.noInherit && !cmd.__only) {
        throw new PgError(SQLSTATE.feature_not_supported, `cannot change NO INHERIT status of NOT NULL constraint "${nn.name}" on relation "${rel.name}"`);
      }
      if (nn && !nn.validated) {
        validateNotNull(session, cat, rel, col);
        cat.putConstraint({ ...nn, validated: true });
        return;
      }
      if (col.notNull) return;
      if (visibleRows(session, rel).some((r) => r.values[col.attnum - 1] === null)) {
        throw new PgError(SQLSTATE.not_null_violation, `column "${col.name}" of relation "${rel.name}" contains null values`, { schema, table: rel.name, column: col.name });
      }
      putColumn(cat, rel, { ...col, notNull: true });
      cat.putConstraint({ oid: session.db.newOid(), name: chooseName(cat, rel.namespace, rel.name, col.name, 'not_null', taken, false), kind: 'n', relation: rel.oid, namespace: rel.namespace, columns: [col.attnum], deferrable: false, deferred: false, validated: true });
      return;
    }
    case 'AT_DropNotNull': {
      const col = findColumn(rel, cmd.name);
      if (!col) throw noColumn(rel, cmd.name);
      const pk = cat.relationConstraints(rel.oid).find((k) => k.kind === 'p' && k.columns.includes(col.attnum));
      if (pk) throw new PgError(SQLSTATE.invalid_table_definition, `column "${col.name}" is in a primary key`);
      if (col.identity) throw new PgError(SQLSTATE.syntax_error, `column "${col.name}" of relation "${rel.name}" is an identity column`);
      putColumn(cat, rel, { ...col, notNull: false });
      for (const k of cat.relationConstraints(rel.oid)) if (k.kind === 'n' && k.columns[0] === col.attnum) cat.removeConstraint(k.oid);
      return;
    }
    case 'AT_AddConstraint':
      addConstraint(session, cat, rel, cmd.def.Constraint, sql, taken, undefined);
      return;
    case 'AT_DropConstraint': {
      const con = cat.relationConstraints(rel.oid).find((k) => k.name === cmd.name);
      // A partition's copy of an ancestor's foreign key goes only with it.
      if (rel.partitionOf && (derivedKeyOf(cat, rel, cmd.name) || (con && con.kind !== 'f' && con.parentConstraint !== undefined && con.index !== undefined))) {
        throw new PgError(SQLSTATE.invalid_table_definition, `cannot drop inherited constraint "${cmd.name}" of relation "${rel.name}"`);
      }
      if (con?.kind === 'f') for (const k of mergedKeysOf(cat, con)) cat.removeConstraint(k.oid);
      if (!con) {
        if (cmd.missing_ok) {
          session.notice(new PgError(SQLSTATE.successful_completion, `constraint "${cmd.name}" of relation "${rel.name}" does not exist, skipping`, { severity: 'NOTICE' }));
          return;
        }
        throw new PgError(SQLSTATE.undefined_object, `constraint "${cmd.name}" of relation "${rel.name}" does not exist`);
      }
      if (con.kind === 'f' && con.fk!.refRelation !== rel.oid) checkNoPendingEvents(session, cat, cat.relation(con.fk!.refRelation), true);
      if (con.kind === 'p') dropConstraintViews(session, cat, rel, con, cmd.behavior === 'DROP_CASCADE');
      if (con.index !== undefined) {
        const deps = cat.referencingForeignKeys(rel.oid).filter((fk) => fk.fk!.refIndex === con.index && fk.oid !== con.oid);
        if (deps.length) {
          if (cmd.behavior !== 'DROP_CASCADE') {
            throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop constraint ${con.name} on table ${rel.name} because other objects depend on it`, {
              detail: deps.map((d) => `constraint ${d.name} on table ${cat.relation(d.relation).name} depends on index ${con.name}`).join('\n'),
              hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
            });
          }
          for (const d of deps) {
            session.notice(new PgError(SQLSTATE.successful_completion, `drop cascades to constraint ${d.name} on table ${cat.relation(d.relation).name}`, { severity: 'NOTICE' }));
            cat.removeConstraint(d.oid);
          }
        }
        const idx = cat.relation(con.index);
        cat.removeConstraint(con.oid);
        dropRelation(session, cat, { ...idx, index: { ...idx.index!, constraint: undefined } }, new Set());
        if (con.kind === 'p') {
          // Primary-key columns keep NOT NULL only if it was declared separately; Postgres 18 drops the implied one.
          for (const a of con.columns) {
            const c = cat.relation(rel.oid).columns[a - 1];
            const nn = cat.relationConstraints(rel.oid).find((k) => k.kind === 'n' && k.columns[0] === a);
            if (c.notNull && !nn) putColumn(cat, cat.relation(rel.oid), { ...c, notNull: false });
          }
        }
        return;
      }
      if (con.kind === 'n') {
        const c = cat.relation(rel.oid).columns[con.columns[0] - 1];
        if (cat.relationConstraints(rel.oid).some((k) => k.kind === 'p' && k.columns.includes(c.attnum))) throw new PgError(SQLSTATE.invalid_table_definition, `column "${c.name}" is in a primary key`);
        if (c.identity) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `column "${c.name}" of relation "${rel.name}" is an identity column`);
        putColumn(cat, cat.relation(rel.oid), { ...c, notNull: false });
      }
      cat.removeConstraint(con.oid);
      return;
    }
    case 'AT_ValidateConstraint': {
      const con = cat.relationConstraints(rel.oid).find((k) => k.name === cmd.name);
      if (!con) throw new PgError(SQLSTATE.undefined_object, `constraint "${cmd.name}" of relation "${rel.name}" does not exist`);
      if (con.notEnforced) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, 'cannot validate NOT ENFORCED constraint');
      if (con.validated) return;
      if (con.kind === 'c') {
        // A partitioned table's CHECK: each partition's copy, on that partition's rows.
        for (const r of rel.kind === 'p' ? [rel, ...partitionDescendants(cat, rel)] : [rel]) {
          const k = r === rel ? con : cat.relationConstraints(r.oid).find((x) => x.kind === 'c' && x.name === con.name);
          if (!k || k.validated) continue;
          if (r.kind !== 'p') validateCheck(session, cat, r, k.name, k.check!);
          cat.putConstraint({ ...k, validated: true });
        }
        return;
      }
      if (con.kind === 'f') validateForeignKey(session, cat, rel, con.oid);
      if (con.kind === 'n') validateNotNull(session, cat, rel, rel.columns[con.columns[0] - 1]);
      cat.putConstraint({ ...con, validated: true });
      return;
    }
    case 'AT_AlterColumnType': {
      const col = findColumn(rel, cmd.name);
      if (!col) throw noColumn(rel, cmd.name);
      const cd = cmd.def.ColumnDef;
      const { oid: type, typmod } = resolveTypeName(cat, session.searchPath(), cd.typeName, pos, (w) => typeWarningTwice(session, w));
      const usingView = viewsUsingColumn(cat, rel, col.attnum)[0];
      if (usingView) {
        throw new PgError(SQLSTATE.feature_not_supported, 'cannot alter type of a column used by a view or rule', {
          detail: `rule _RETURN on ${usingView.kind === 'm' ? 'materialized view' : 'view'} ${usingView.name} depends on column "${col.name}"`,
        });
      }
      checkRowTypeUnused(cat, rel);
      if (col.identity && !['int2', 'int4', 'int8'].includes(typeInfo(cat, type).name)) {
        throw new PgError(SQLSTATE.invalid_parameter_value, 'identity column type must be smallint, integer, or bigint');
      }
      if (col.generated) throw featureNotSupported('changing the type of a generated column');
      for (const g of rel.columns) {
        if (g.generated && referencedColumns(g.generated.expr.expr).has(col.attnum)) throw featureNotSupported('changing the type of a column used by a generated column');
      }
      // The conversion: USING expression, or an assignment cast of the old value.
      const state = statementState(session, sql, []);
      const ps = new ParseState({ ...state, inferParams: false }, emptyQuery('select'));
      const rti = ps.addRte(relationRte(rel, undefined));
      ps.namespace.push({ rti, rte: ps.query.rtable[rti], relVisible: true, colsVisible: true });
      let e = cd.raw_default ? transformExpr(ps, cd.raw_default) : ({ kind: 'Var', levelsUp: 0, rti: 0, attno: col.attnum, type: col.type, typmod: col.typmod } as const);
      const ctxKind = cd.raw_default ? 'assignment' : 'assignment';
      if (e.type !== type && e.type !== OID.unknown && !canCoerce(cat, e.type, type, ctxKind)) {
        if (cd.raw_default) {
          throw new PgError(SQLSTATE.datatype_mismatch, `result of USING clause for column "${col.name}" cannot be cast automatically to type ${formatType(cat, type, typmod)}`, {
            hint: 'You might need to add an explicit cast.',
          });
        }
        throw new PgError(SQLSTATE.datatype_mismatch, `column "${col.name}" cannot be cast automatically to type ${formatType(cat, type, typmod)}`, {
          hint: `You might need to specify "USING ${col.name}::${formatType(cat, type, typmod)}".`,
        });
      }
      e = coerceTo(ps, cat, e, type, typmod, 'assignment');
      let def = col.default;
      if (def) {
        if (def.expr.type !== type && !canCoerce(cat, def.expr.type, type, 'assignment')) {
          throw new PgError(SQLSTATE.datatype_mismatch, `default for column "${col.name}" cannot be cast automatically to type ${formatType(cat, type, typmod)}`);
        }
        def = { ...def, expr: coerceTo(undefined, cat, def.expr, type, typmod, 'assignment') };
      }
      const conv = compileExpr(e, { depth: 0, offsets: [0] });
      const ctx = makeExecContext(session, []);
      const collation = typeInfo(cat, type).category === 'S' ? (col.collation ?? 'default') : undefined;
      for (const idx of temporalKeysForNewType(cat, rel, col.attnum, type)) cat.putRelation(idx);
      const nrel = putColumn(cat, rel, { ...col, type, typmod, default: def, collation, missing: undefined, storage: undefined, compression: undefined });
      rewrite(session, cat, nrel, (vals) => {
        const out = [...vals];
        out[col.attnum - 1] = conv(vals, ctx);
        return out;
      }, rel);
      // Check constraints are re-verified against the converted rows.
      for (const k of cat.relationConstraints(rel.oid)) if (k.kind === 'c' && !k.notEnforced && k.columns.includes(col.attnum)) validateCheck(session, cat, cat.relation(rel.oid), k.name, k.check!);
      // An identity column's sequence takes the new type (ALTER SEQUENCE ... AS, as Postgres does).
      const idSeq = col.identity ? ownedSequence(cat, rel, col.attnum) : undefined;
      if (idSeq && type !== col.type) {
        alterSequenceOptions(session, cat, idSeq, [{ DefElem: { defname: 'as', arg: cd.typeName } }], pos, true);
        putColumn(cat, cat.relation(rel.oid), { ...cat.relation(rel.oid).columns[col.attnum - 1], default: serialDefault(cat, cat.relation(idSeq.oid), type) });
      }
      return;
    }
    case 'AT_DropExpression': {
      const col = findColumn(rel, cmd.name);
      if (!col) throw noColumn(rel, cmd.name);
      if (!col.generated) {
        if (cmd.missing_ok) {
          session.notice(new PgError(SQLSTATE.successful_completion, `column "${col.name}" of relation "${rel.name}" is not a generated column, skipping`, { severity: 'NOTICE' }));
          return;
        }
        throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `column "${col.name}" of relation "${rel.name}" is not a generated column`);
      }
      if (col.generated.kind === 'v') {
        throw new PgError(SQLSTATE.feature_not_supported, `ALTER TABLE / DROP EXPRESSION is not supported for virtual generated columns`, { detail: `Column "${col.name}" of relation "${rel.name}" is a virtual generated column.` });
      }
      putColumn(cat, rel, { ...col, generated: undefined });
      return;
    }
    case 'AT_SetExpression': {
      const col = findColumn(rel, cmd.name);
      if (!col) throw noColumn(rel, cmd.name);
      if (!col.generated) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `column "${col.name}" of relation "${rel.name}" is not a generated column`);
      const g = analyzeTableExpr(session, cat, rel, cmd.def, 'generated', sql, { type: col.type, typmod: col.typmod, column: col.name });
      const nrel = putColumn(cat, rel, { ...col, generated: { kind: col.generated.kind, expr: g } });
      const f = compileStored(g);
      const ctx = makeExecContext(session, []);
      rewrite(session, cat, nrel, (vals) => {
        const out = [...vals];
        out[col.attnum - 1] = f(out, ctx);
        return out;
      });
      return;
    }
    case 'AT_AddIdentity': {
      const col = findColumn(rel, cmd.name);
      if (!col) throw noColumn(rel, cmd.name);
      const con = cmd.def.Constraint;
      if (!['int2', 'int4', 'int8'].includes(typeInfo(cat, col.type).name)) {
        throw new PgError(SQLSTATE.invalid_parameter_value, 'identity column type must be smallint, integer, or bigint');
      }
      if (!col.notNull) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `column "${col.name}" of relation "${rel.name}" must be declared NOT NULL before identity can be added`);
      const nn = notNullConstraintOf(cat, rel, col.attnum);
      if (nn && !nn.validated) {
        throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `incompatible NOT VALID constraint "${nn.name}" on relation "${rel.name}"`, { hint: 'You might need to validate it using ALTER TABLE ... VALIDATE CONSTRAINT.' });
      }
      if (col.identity) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `column "${col.name}" of relation "${rel.name}" is already an identity column`);
      if (col.default) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `column "${col.name}" of relation "${rel.name}" already has a default value`);
      if (rel.partitionOf) {
        // A partition (reached through its partitioned table) shares the table's sequence.
        shareIdentity(cat, cat.relation(rel.partitionOf.parent), rel);
        return;
      }
      const seq = defineSequence(session, cat, rel.namespace, identitySeqName(cat, rel, con.options, () => chooseName(cat, rel.namespace, rel.name, col.name, 'seq', taken, true)), { type: col.type, ownedBy: { relation: rel.oid, attnum: col.attnum }, identity: true }, con.options ?? [], pos);
      putColumn(cat, rel, { ...col, identity: con.generated_when === 'a' ? 'a' : 'd', default: serialDefault(cat, seq, col.type) });
      return;
    }
    case 'AT_SetIdentity':
    case 'AT_DropIdentity': {
      const col = findColumn(rel, cmd.name);
      if (!col) throw noColumn(rel, cmd.name);
      if (!col.identity) {
        if (cmd.subtype === 'AT_DropIdentity' && cmd.missing_ok) {
          session.notice(new PgError(SQLSTATE.successful_completion, `column "${col.name}" of relation "${rel.name}" is not an identity column, skipping`, { severity: 'NOTICE' }));
          return;
        }
        throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `column "${col.name}" of relation "${rel.name}" is not an identity column`);
      }
      const seq = ownedSequence(cat, rel, col.attnum);
      if (cmd.subtype === 'AT_DropIdentity') {
        if (seq) {
          cat.removeRelation(seq.oid);
          session.transaction().droppedFilenodes.add(seq.filenode);
        }
        putColumn(cat, rel, { ...col, identity: undefined, default: undefined });
        return;
      }
      let identity = col.identity;
      const seqOpts: AnyNode[] = [];
      for (const o of (cmd.def?.List?.items ?? []) as AnyNode[]) {
        const d = o.DefElem;
        if (d.defname === 'generated') identity = d.arg.Integer.ival === 97 ? 'a' : 'd';
        else seqOpts.push(o);
      }
      if (seqOpts.length && seq) {
        alterSequenceOptions(session, cat, seq, seqOpts, pos, true);
      }
      putColumn(cat, rel, { ...cat.relation(rel.oid).columns[col.attnum - 1], identity });
      return;
    }
    default:
      if (alterPersistence(cat, rel, cmd)) return;
      if (alterTableTrigger(cat, rel, cmd)) return;
      if (alterTableRule(cat, rel, cmd)) return;
      if (alterTableRoleCmd(session, cat, rel, cmd)) return;
      throw featureNotSupported(`ALTER TABLE ${String(cmd.subtype).replace('AT_', '')}`);
  }
}

function validateCheck(session: Session, cat: Catalog, rel: RelationDef, name: string, check: import('../catalog/objects.js').StoredExpr): void {
  const f = compileStored(check);
  const ctx = makeExecContext(session, []);
  for (const r of visibleRows(session, rel)) {
    if (f(r.values, ctx) === false) {
      throw new PgError(SQLSTATE.check_violation, `check constraint "${name}" of relation "${rel.name}" is violated by some row`, {
        schema: cat.namespaceName(rel.namespace),
        table: rel.name,
        constraint: name,
      });
    }
  }
}

function validateForeignKey(session: Session, cat: Catalog, rel: RelationDef, fkOid: number): void {
  const fk = cat.constraints.get(fkOid)!;
  // A partitioned table's key: the rows of its partitions.
  if (rel.kind === 'p') return validateForeignKeyRows(session, cat, rel, fk, rel);
  const ctx = makeExecContext(session, []);
  const ms = new ModifyState(ctx, cat);
  // Existing rows are checked now even when the constraint is deferred (RI_Initial_Check).
  ms.firingDeferred = true;
  const txn = session.transaction();
  for (const t of txn.heap(rel).all()) {
    if (txn.visible(t)) ms.queue.push({ kind: 'check', fk, table: rel, tuple: t });
  }
  runRiQueue(ms, session);
}

function addConstraint(session: Session, cat: Catalog, rel: RelationDef, con: AnyNode, sql: string, taken: Set<string>, attnum: number | undefined): void {
  const ns = rel.namespace;
  const explicit = con.conname ? truncateIdentifier(con.conname) : undefined;
  const existing = explicit && !con.indexname && con.contype !== 'CONSTR_NOTNULL' ? cat.relationConstraints(rel.oid).find((k) => k.name === explicit) : undefined;
  if (existing && !(con.contype === 'CONSTR_CHECK' && existing.kind === 'c')) {
    throw new PgError(SQLSTATE.duplicate_object, `constraint "${explicit}" for relation "${rel.name}" already exists`);
  }
  switch (con.contype) {
    case 'CONSTR_CHECK': {
      const e = analyzeTableExpr(session, cat, rel, con.raw_expr, 'check', sql);
      const refs = [...referencedColumns(e.expr)];
      const name = explicit ?? chooseName(cat, ns, rel.name, checkNameColumn(e.expr, rel.columns), 'check', taken, false);
      if (con.is_no_inherit && rel.kind === 'p') throw new PgError(SQLSTATE.invalid_table_definition, `cannot add NO INHERIT constraint to partitioned table "${rel.name}"`);
      const notEnforced = isNotEnforced(con);
      if (existing) {
        // A CHECK named like an existing one: merged when it is the same (MergeWithExistingConstraint).
        mergeWithExistingCheck(session, cat, rel, existing, e.text, { allowMerge: false, isLocal: true, enforced: !notEnforced, initiallyValid: !con.skip_validation && !notEnforced, noInherit: !!con.is_no_inherit });
        return;
      }
      if (!con.skip_validation && !notEnforced) validateCheck(session, cat, rel, name, e);
      cat.putConstraint({ oid: session.db.newOid(), name, kind: 'c', relation: rel.oid, namespace: ns, columns: refs, check: e, deferrable: false, deferred: false, validated: !con.skip_validation && !notEnforced, ...(con.is_no_inherit ? { noInherit: true } : {}), ...(notEnforced ? { notEnforced: true } : {}) });
      return;
    }
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE': {
      if (con.indexname) {
        addIndexConstraint(session, cat, rel, con, sql, explicit, (a) => alterOne(session, cat, cat.relation(rel.oid), { subtype: 'AT_SetNotNull', name: rel.columns[a - 1].name }, sql, taken, () => undefined));
        return;
      }
      const primary = con.contype === 'CONSTR_PRIMARY';
      const atts: number[] = [];
      for (const k of attnum !== undefined ? [] : ((con.keys ?? []) as AnyNode[])) {
        const c = findColumn(rel, k.String.sval);
        if (!c) throw new PgError(SQLSTATE.undefined_column, `column "${k.String.sval}" named in key does not exist`);
        if (atts.includes(c.attnum)) {
          const position = con.location >= 0 ? String(charOffset(sql, con.location) + 1) : undefined;
          throw new PgError(SQLSTATE.duplicate_column, `column "${c.name}" appears twice in ${primary ? 'primary key' : 'unique'} constraint`, { position });
        }
        atts.push(c.attnum);
      }
      if (attnum !== undefined) atts.push(attnum);
      if (primary && cat.relationConstraints(rel.oid).some((k) => k.kind === 'p')) {
        throw new PgError(SQLSTATE.invalid_table_definition, `multiple primary keys for table "${rel.name}" are not allowed`);
      }
      checkWithoutOverlapsColumns(cat, con, rel.columns, atts, con.location >= 0 ? String(charOffset(sql, con.location) + 1) : undefined);
      const include = constraintIncludeAttnums(con, rel.columns, undefined);
      const name = explicit ?? (primary ? chooseName(cat, ns, rel.name, undefined, 'pkey', taken, true) : chooseName(cat, ns, rel.name, distinctIndexColumnNames([...atts, ...include].map((a) => rel.columns[a - 1].name)).join('_'), 'key', taken, true));
      if (cat.relationIn(ns, name)) throw new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists`);
      if (primary) {
        for (const a of atts) {
          const c = cat.relation(rel.oid).columns[a - 1];
          // verifyNotNullPKCompatible
          const nn = notNullConstraintOf(cat, rel, a);
          if (nn && (nn.noInherit || !nn.validated)) {
            const [mark, hint] = nn.noInherit ? ['NO INHERIT', 'You might need to make the existing constraint inheritable using ALTER TABLE ... ALTER CONSTRAINT ... INHERIT.'] : ['NOT VALID', 'You might need to validate it using ALTER TABLE ... VALIDATE CONSTRAINT.'];
            throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `cannot create primary key on column "${c.name}"`, { detail: `The constraint "${nn.name}" on column "${c.name}" of table "${rel.name}", marked ${mark}, is incompatible with a primary key.`, hint });
          }
          if (!c.notNull) {
            if (visibleRows(session, rel).some((r) => r.values[a - 1] === null)) {
              throw new PgError(SQLSTATE.not_null_violation, `column "${c.name}" of relation "${rel.name}" contains null values`, { schema: cat.namespaceName(ns), table: rel.name, column: c.name });
            }
            putColumn(cat, cat.relation(rel.oid), { ...c, notNull: true });
            cat.putConstraint({ oid: session.db.newOid(), name: chooseName(cat, ns, rel.name, c.name, 'not_null', taken, false), kind: 'n', relation: rel.oid, namespace: ns, columns: [a], deferrable: false, deferred: false, validated: true });
          }
        }
      }
      const temporal = con.without_overlaps ? temporalKeyIndex(cat, cat.relation(rel.oid), atts) : undefined;
      const idxOid = defineIndex(session, cat, cat.relation(rel.oid), { name, keys: atts.map((a) => ({ attnum: a, descending: false, nullsFirst: false })), unique: true, primary, nullsNotDistinct: !!con.nulls_not_distinct, include, options: relOptionsOf(con.options, temporal ? 'gist' : 'btree'), ...temporal });
      const conOid = session.db.newOid();
      cat.putConstraint({ oid: conOid, name, kind: primary ? 'p' : 'u', relation: rel.oid, namespace: ns, columns: atts, index: idxOid, deferrable: !!con.deferrable, deferred: !!con.initdeferred, validated: true, ...(temporal ? { period: true } : {}) });
      const idx = cat.relation(idxOid);
      cat.putRelation({ ...idx, index: { ...idx.index!, constraint: conOid } });
      return;
    }
    case 'CONSTR_EXCLUSION':
      addExclusionConstraint(session, cat, cat.relation(rel.oid), { ...con, conname: explicit ?? con.conname }, sql, taken);
      return;
    case 'CONSTR_FOREIGN': {
      const oid = addForeignKey(session, cat, rel, con, attnum, sql, taken);
      if (!con.skip_validation) validateForeignKey(session, cat, cat.relation(rel.oid), oid);
      return;
    }
    case 'CONSTR_NOTNULL': {
      const colName = attnum !== undefined ? rel.columns[attnum - 1].name : ((con.keys as AnyNode[])[0].String.sval as string);
      const col = findColumn(rel, colName);
      if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${colName}" of relation "${rel.name}" does not exist`);
      addNotNullConstraint(session, cat, rel, col, { name: explicit, noInherit: !!con.is_no_inherit, notValid: !!con.skip_validation }, taken);
      return;
    }
    default:
      throw featureNotSupported(`ADD CONSTRAINT of type ${con.contype}`);
  }
}

/** The sequence a column owns (its identity's, or serial's). */
function ownedSequence(cat: Catalog, rel: RelationDef, attnum: number): RelationDef | undefined {
  return [...cat.relations.values()].find((s) => s.kind === 'S' && s.sequence?.ownedBy?.relation === rel.oid && s.sequence.ownedBy.attnum === attnum);
}

/** The not-null constraint of column `attnum`, if any (findNotNullConstraintAttnum). */
function notNullConstraintOf(cat: Catalog, rel: RelationDef, attnum: number): ConstraintDef | undefined {
  return cat.relationConstraints(rel.oid).find((k) => k.kind === 'n' && k.columns[0] === attnum);
}

/** Existing rows must have a value in `col` (23502 otherwise). */
function validateNotNull(session: Session, cat: Catalog, rel: RelationDef, col: ColumnDef): void {
  if (visibleRows(session, rel).some((r) => r.values[col.attnum - 1] === null)) {
    throw new PgError(SQLSTATE.not_null_violation, `column "${col.name}" of relation "${rel.name}" contains null values`, { schema: cat.namespaceName(rel.namespace), table: rel.name, column: col.name });
  }
}

/**
 * ADD [CONSTRAINT name] NOT NULL col [NOT VALID] [NO INHERIT]: a column has one not-null
 * constraint, so an existing one must match (AdjustNotNullInheritance); NOT VALID skips the
 * existing rows but new rows are checked at once.
 */
function addNotNullConstraint(session: Session, cat: Catalog, rel: RelationDef, col: ColumnDef, spec: { name?: string; noInherit: boolean; notValid: boolean }, taken: Set<string>): void {
  const nn = notNullConstraintOf(cat, rel, col.attnum);
  if (nn) {
    if (spec.noInherit !== !!nn.noInherit) {
      throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `cannot change NO INHERIT status of NOT NULL constraint "${nn.name}" on relation "${rel.name}"`, { hint: 'You might need to make the existing constraint inheritable using ALTER TABLE ... ALTER CONSTRAINT ... INHERIT.' });
    }
    if (!spec.notValid && !nn.validated) {
      throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `incompatible NOT VALID constraint "${nn.name}" on relation "${rel.name}"`, { hint: 'You might need to validate it using ALTER TABLE ... VALIDATE CONSTRAINT.' });
    }
    if (spec.name !== undefined && spec.name !== nn.name) {
      throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `cannot create not-null constraint "${spec.name}" on column "${col.name}" of table "${rel.name}"`, { detail: `A not-null constraint named "${nn.name}" already exists for this column.` });
    }
    return;
  }
  if (spec.name !== undefined && cat.relationConstraints(rel.oid).some((k) => k.name === spec.name)) {
    throw new PgError(SQLSTATE.duplicate_object, `constraint "${spec.name}" for relation "${rel.name}" already exists`);
  }
  if (!spec.notValid) validateNotNull(session, cat, rel, col);
  const name = spec.name ?? chooseName(cat, rel.namespace, rel.name, col.name, 'not_null', taken, false);
  taken.add(name);
  putColumn(cat, rel, { ...col, notNull: true });
  cat.putConstraint({ oid: session.db.newOid(), name, kind: 'n', relation: rel.oid, namespace: rel.namespace, columns: [col.attnum], deferrable: false, deferred: false, validated: !spec.notValid, ...(spec.noInherit ? { noInherit: true } : {}) });
}

/** The name of an identity column's new sequence: SEQUENCE NAME (in the table's schema), or the default. */
function identitySeqName(cat: Catalog, rel: RelationDef, options: AnyNode[] | undefined, byDefault: () => string): string {
  const named = identitySequenceName(options);
  if (!named) return byDefault();
  if (named.schema !== undefined && cat.namespaceOid(named.schema) !== rel.namespace) throw featureNotSupported('SEQUENCE NAME in another schema than the table');
  const name = truncateIdentifier(named.name);
  if (cat.relationIn(rel.namespace, name)) throw new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists`);
  return name;
}

export function renameObject(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const rv = n.relation;
  const tag = n.relationType === 'OBJECT_MATVIEW' && n.renameType === 'OBJECT_COLUMN'
    ? 'ALTER MATERIALIZED VIEW'
    : n.relationType === 'OBJECT_VIEW' && n.renameType === 'OBJECT_COLUMN'
    ? 'ALTER VIEW'
    : { OBJECT_TABLE: 'ALTER TABLE', OBJECT_COLUMN: 'ALTER TABLE', OBJECT_INDEX: 'ALTER INDEX', OBJECT_VIEW: 'ALTER VIEW', OBJECT_MATVIEW: 'ALTER MATERIALIZED VIEW', OBJECT_SEQUENCE: 'ALTER SEQUENCE', OBJECT_TABCONSTRAINT: 'ALTER TABLE' }[n.renameType as string];
  if (n.renameType === 'OBJECT_TRIGGER') return renameTrigger(session, n);
  if (n.renameType === 'OBJECT_TYPE' || n.renameType === 'OBJECT_DOMAIN') return renameType(session, n);
  if (n.renameType === 'OBJECT_SCHEMA') return renameSchema(session, n);
  if (n.renameType === 'OBJECT_DOMCONSTRAINT') return renameDomainConstraint(session, n);
  if (!tag || !rv) throw featureNotSupported(`RENAME of ${String(n.renameType).replace('OBJECT_', '')}`);
  const rel = lookupRelation(txn.catalog, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel) {
    if (n.missing_ok) {
      session.notice(new PgError(SQLSTATE.successful_completion, `relation "${rv.relname}" does not exist, skipping`, { severity: 'NOTICE' }));
      return commandResult(tag);
    }
    throw new PgError(SQLSTATE.undefined_table, `relation "${rv.relname}" does not exist`);
  }
  // (RangeVarCallbackForAlterRelation / ForRenameAttribute: the owner)
  checkRelationOwner(session, txn.catalog, rel);
  const cat = txn.catalogForWrite();
  const newName = truncateIdentifier(n.newname);
  switch (n.renameType) {
    case 'OBJECT_COLUMN': {
      if (rel.ofType !== undefined) throw new PgError(SQLSTATE.wrong_object_type, 'cannot rename column of typed table');
      const col = findColumn(rel, n.subname);
      if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${n.subname}" does not exist`);
      if (SYSTEM_COLUMNS.has(newName) && (rel.kind === 'r' || rel.kind === 'm')) {
        throw new PgError(SQLSTATE.duplicate_column, `column name "${newName}" conflicts with a system column name`);
      }
      if (findColumn(rel, newName)) throw new PgError(SQLSTATE.duplicate_column, `column "${newName}" of relation "${rel.name}" already exists`);
      if (rel.kind === 'p' || rel.partitionOf) renamePartitionColumn(cat, rel, col.attnum, newName);
      if (col.inhCount) throw new PgError(SQLSTATE.invalid_table_definition, `cannot rename inherited column "${col.name}"`);
      if (rel.inhChildren?.length) {
        // An inheritance parent: the same column of every descendant (renameatt's recursion).
        if (!rv.inh) throw new PgError(SQLSTATE.invalid_table_definition, `inherited column "${col.name}" must be renamed in child tables too`);
        const tree = inheritDescendants(cat, rel);
        const inTree = new Set([rel.oid, ...tree.map((d) => d.oid)]);
        for (const d of tree) {
          const dc = findColumn(d, col.name);
          if (!dc) continue;
          // A descendant that also inherits the column from a parent outside this tree (renameatt's
          // expected_parents check).
          if ((dc.inhCount ?? 0) > (d.inhParents ?? []).filter((p) => inTree.has(p)).length) {
            throw new PgError(SQLSTATE.invalid_table_definition, `cannot rename inherited column "${col.name}"`);
          }
          putColumn(cat, d, { ...dc, name: newName });
        }
      }
      putColumn(cat, rel, { ...col, name: newName });
      break;
    }
    case 'OBJECT_TABCONSTRAINT': {
      const con = cat.relationConstraints(rel.oid).find((k) => k.name === n.subname);
      if (!con) throw new PgError(SQLSTATE.undefined_object, `constraint "${n.subname}" for table "${rel.name}" does not exist`);
      if (con.kind === 'c' && con.inhCount) throw new PgError(SQLSTATE.invalid_table_definition, `cannot rename inherited constraint "${con.name}"`);
      if (con.kind === 'c' && !con.noInherit && rel.inhChildren?.length) {
        // An inheritance parent's CHECK: the children's inherited copies too (rename_constraint_internal).
        if (!rv.inh) throw new PgError(SQLSTATE.invalid_table_definition, `inherited constraint "${con.name}" must be renamed in child tables too`);
        for (const d of inheritDescendants(cat, rel)) {
          const dk = cat.relationConstraints(d.oid).find((k) => k.kind === 'c' && k.name === con.name);
          if (dk) cat.putConstraint({ ...dk, name: newName });
        }
      }
      cat.putConstraint({ ...con, name: newName });
      if (con.index !== undefined) cat.putRelation({ ...cat.relation(con.index), name: newName });
      break;
    }
    default: {
      if (cat.relationIn(rel.namespace, newName)) throw new PgError(SQLSTATE.duplicate_table, `relation "${newName}" already exists`);
      cat.putRelation({ ...rel, name: newName });
      const rt = cat.types.get(rel.rowType);
      if (rt) {
        cat.putType({ ...rt, name: newName });
        if (rt.arrayType !== undefined) cat.putType({ ...cat.types.get(rt.arrayType)!, name: '_' + newName });
      }
      if (rel.kind === 'i' && rel.index?.constraint !== undefined) {
        const con = cat.constraints.get(rel.index.constraint)!;
        cat.putConstraint({ ...con, name: newName });
      }
    }
  }
  return commandResult(tag);
}

/** REPLICA IDENTITY { DEFAULT | FULL | NOTHING | USING INDEX name } (ATExecReplicaIdentity). */
function setReplicaIdentity(cat: Catalog, rel: RelationDef, d: AnyNode): void {
  if (d.identity_type !== 'i') {
    const ri = d.identity_type === 'f' ? 'f' : d.identity_type === 'n' ? 'n' : undefined;
    cat.putRelation({ ...rel, replicaIdentity: ri, replicaIndex: undefined });
    return;
  }
  const name = d.name as string;
  const idx = cat.relationIn(rel.namespace, name);
  if (!idx || idx.kind !== 'i') throw new PgError(SQLSTATE.undefined_object, `index "${name}" for table "${rel.name}" does not exist`);
  const info = idx.index!;
  if (info.relation !== rel.oid) throw new PgError(SQLSTATE.wrong_object_type, `"${name}" is not an index for table "${rel.name}"`);
  if (!info.unique) throw new PgError(SQLSTATE.wrong_object_type, `cannot use non-unique index "${name}" as replica identity`);
  const con = info.constraint !== undefined ? cat.constraints.get(info.constraint) : undefined;
  if (con?.deferrable) throw new PgError(SQLSTATE.wrong_object_type, `cannot use non-immediate index "${name}" as replica identity`);
  if (info.keys.some((k) => k.attnum === 0)) throw new PgError(SQLSTATE.feature_not_supported, `cannot use expression index "${name}" as replica identity`);
  if (info.predicate) throw new PgError(SQLSTATE.feature_not_supported, `cannot use partial index "${name}" as replica identity`);
  for (const k of info.keys) {
    const col = rel.columns[k.attnum - 1];
    if (!col.notNull) throw new PgError(SQLSTATE.wrong_object_type, `index "${name}" cannot be used as replica identity because column "${col.name}" is nullable`);
  }
  cat.putRelation({ ...rel, replicaIdentity: 'i', replicaIndex: idx.oid });
}

/**
 * ALTER TABLE that would rewrite rows (a column type change, a new column with a default) while a
 * column of a table stores this table's row type: 0A000 (tablecmds.c find_composite_type_dependencies).
 */
function checkRowTypeUnused(cat: Catalog, rel: RelationDef): void {
  if (rel.kind !== 'r' && rel.kind !== 'p') return;
  const arr = typeInfo(cat, rel.rowType).array;
  for (const r of cat.relations.values()) {
    if (r.kind !== 'r' && r.kind !== 'm' && r.kind !== 'p') continue;
    const c = r.columns.find((x) => !x.dropped && (x.type === rel.rowType || (arr !== undefined && x.type === arr)));
    if (c) throw new PgError(SQLSTATE.feature_not_supported, `cannot alter table "${rel.name}" because column "${r.name}.${c.name}" uses its row type`);
  }
}
