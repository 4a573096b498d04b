/**
 * CREATE TABLE: columns (types, defaults, NOT NULL, serial, identity, generated STORED/VIRTUAL),
 * column and table constraints (PRIMARY KEY, UNIQUE [NULLS NOT DISTINCT], CHECK, FOREIGN KEY)
 * with Postgres's default names, the table's row type, and the indexes behind keys.
 * Postgres counterpart: src/backend/commands/tablecmds.c (DefineRelation), parser/parse_utilcmd.c.
 */
import { copyStatistics } from './statistics.js';
import { columnStorageClauses } from './column-storage.js';
import { SYSTEM_COLUMNS } from '../analyze/system-columns.js';
import { domainCollation, isCollatableType, resolveCollationName } from '../catalog/collation-lookup.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, ConstraintDef, FkAction, RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { formatType, typeInfo } from '../types/registry.js';
import { resolveTypeName } from '../analyze/type-name.js';
import { creationNamespace, openRelation } from '../analyze/relation.js';
import { registerOnCommit, tempTableNamespace } from './temp-tables.js';
import { applyConstraintAttr, isNotEnforced } from './constraint-attrs.js';
import { charOffset } from '../analyze/parse-state.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { analyzeTableExpr, checkNameColumn, referencedColumns } from './column-expr.js';
import { chooseName, truncateIdentifier } from './naming.js';
import { addExclusionConstraint } from './exclusion-ddl.js';
import { checkWithoutOverlapsColumns, temporalKeyIndex } from './temporal-key.js';
import { defineIndex } from './create-index.js';
import { defineSequence, serialDefault } from './sequence.js';
import { identitySequenceName, sequenceInfoOptions } from './sequence-params.js';
import { addForeignKey } from './foreign-key.js';
import { mergePartitionKeys } from './partition-fk.js';
import { checkUniqueCoversKey, definePartitionKey, finishPartitionOf, partitionColumnNodes, partitionParent } from './partition-ddl.js';
import { relOptionsOf } from './reloptions.js';
import { NotNullSpecs } from './not-null-specs.js';
import { checkInheritedDefaults, checkMergedColumn, finishInherits, inheritColumnNodes, type InheritSpec } from './inherit-ddl.js';
import { constraintIncludeAttnums, distinctIndexColumnNames, distinctKeyConstraints } from './index-include.js';

type AnyNode = Record<string, any>;

const FK_ACTIONS: Record<string, FkAction> = { a: 'a', r: 'r', c: 'c', n: 'n', d: 'd' };

/** What CREATE TABLE AS / CREATE MATERIALIZED VIEW ask of createTable. */
export interface CreateTableOptions {
  readonly relkind?: 'r' | 'm';
  readonly view?: RelationDef['view'];
  /** Called with the new relation (not when IF NOT EXISTS skipped it). */
  readonly created?: (rel: RelationDef) => void;
}

/**
 * CREATE TABLE ... OF type: the type must be a stand-alone composite type (transformOfType).
 * Returns the type's relation (its attributes are the table's columns).
 */
function typedTableType(session: Session, typeName: AnyNode, pos: (loc: number | undefined) => string | undefined): RelationDef {
  const cat = session.catalog();
  const { oid } = resolveTypeName(cat, session.searchPath(), typeName, pos);
  const t = cat.types.get(oid);
  const rel = t?.kind === 'c' && t.relation !== undefined ? cat.relations.get(t.relation) : undefined;
  if (!rel) throw new PgError(SQLSTATE.wrong_object_type, `type ${formatType(cat, oid)} is not a composite type`);
  if (rel.kind !== 'c') {
    throw new PgError(SQLSTATE.wrong_object_type, `type ${formatType(cat, oid)} is the row type of another table`, {
      detail: 'A typed table must use a stand-alone composite type created with CREATE TYPE.',
    });
  }
  return rel;
}

export function createTable(session: Session, n: AnyNode, sql: string, opts?: CreateTableOptions): StatementResult {
  const rv = n.relation;
  const pos = (loc: number | undefined) => (loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1));
  if (n.partspec && opts?.relkind) throw featureNotSupported('partitioned tables here', rv.location);
  const partParent = n.partbound ? partitionParent(session, n, sql) : undefined;
  const ofType = n.ofTypename ? typedTableType(session, n.ofTypename, pos) : undefined;
  checkTablespace(n.tablespacename);
  for (const e of (n.tableElts ?? []) as AnyNode[]) {
    for (const c of e.Constraint ? [e.Constraint] : ((e.ColumnDef?.constraints ?? []) as AnyNode[]).map((x) => x.Constraint)) checkTablespace(c?.indexspace);
  }
  const temp = rv.relpersistence === 't';
  if (!temp && n.oncommit && n.oncommit !== 'ONCOMMIT_NOOP') registerOnCommit(session, 0, false, n.oncommit);
  const txn = session.transaction();
  const searchPath = session.searchPath();
  const name = truncateIdentifier(rv.relname);
  const ns = temp ? tempTableNamespace(session, rv.schemaname, pos(rv.location)) : creationNamespace(txn.catalog, searchPath, { schema: rv.schemaname, name }, pos(rv.location));
  const cat0 = txn.catalog;
  if (cat0.relationIn(ns, name) || cat0.typeIn(ns, name)) {
    if (n.if_not_exists) {
      session.notice(new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists, skipping`, { severity: 'NOTICE' }));
      return commandResult('CREATE TABLE');
    }
    if (!cat0.relationIn(ns, name)) {
      throw new PgError(SQLSTATE.duplicate_object, `type "${name}" already exists`, { hint: 'A relation has an associated type of the same name, so you must use a name not used by any existing type.' });
    }
    throw new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists`);
  }
  if (n.partspec && rv.relpersistence === 'u') throw new PgError(SQLSTATE.feature_not_supported, 'partitioned tables cannot be unlogged');
  const cat = txn.catalogForWrite();
  const db = session.db;
  const oid = db.newOid();
  const rowType = db.newOid();
  const arrayType = db.newOid();
  const columns: ColumnDef[] = [];
  const colNodes: AnyNode[] = [];
  const tableCons: AnyNode[] = [];
  const likes: { src: RelationDef; options: number; map: Map<number, number> }[] = [];
  let elts = (n.tableElts ?? []) as AnyNode[];
  if (partParent || ofType) {
    // (a typed table's columns are its type's, with `col WITH OPTIONS ...` as a partition's)
    const inherited = partitionColumnNodes((partParent ?? ofType)!, elts, rv.location);
    colNodes.push(...inherited.cols);
    elts = inherited.rest;
  }
  let inhSpec: InheritSpec | undefined;
  if (n.inhRelations?.length && !n.partbound) {
    // INHERITS: the parents' columns first, merged with same-named ones of the statement.
    if (n.partspec) throw new PgError(SQLSTATE.invalid_object_definition, 'cannot create partitioned table as inheritance child');
    const inh = inheritColumnNodes(session, cat, n, elts, temp);
    colNodes.push(...inh.cols);
    elts = inh.rest;
    inhSpec = inh.spec;
  }
  for (const el of elts) {
    if (el.ColumnDef) colNodes.push(el.ColumnDef);
    else if (el.Constraint) tableCons.push(el.Constraint);
    else if (el.TableLikeClause) {
      const lc = el.TableLikeClause;
      const src = openRelation(cat, searchPath, { schema: lc.relation.schemaname, name: lc.relation.relname }, pos(lc.relation.location));
      // Tables, views, materialized views and composite types (foreign tables too, in Postgres).
      if (src.kind !== 'r' && src.kind !== 'v' && src.kind !== 'p' && src.kind !== 'm' && src.kind !== 'c') {
        const what = src.kind === 'S' ? 'sequences' : src.kind === 'i' ? 'indexes' : src.kind === 'I' ? 'partitioned indexes' : undefined;
        throw new PgError(SQLSTATE.wrong_object_type, `relation "${src.name}" is invalid in LIKE clause`, { ...(what ? { detail: `This operation is not supported for ${what}.` } : {}), position: pos(lc.relation.location) });
      }
      const map = new Map<number, number>();
      for (const c of src.columns) {
        if (c.dropped) continue;
        map.set(c.attnum, colNodes.length + 1);
        colNodes.push({ __like: c, __likeRel: src.oid, __likeOptions: lc.options ?? 0, colname: c.name, location: lc.relation.location });
      }
      likes.push({ src, options: lc.options ?? 0, map });
    } else throw featureNotSupported('this table element');
  }
  // Columns and their types.
  const serials: { attnum: number; type: number }[] = [];
  const laterWarnings: PgError[] = [];
  const likeNotNullNames = new Map<number, string>();
  for (const cd of colNodes) {
    if (cd.__like) {
      const c = cd.__like as ColumnDef;
      if (cd.__localDef) checkMergedColumn(cat, c, columnTypeOf(cat, searchPath, cd.__localDef, c.name, pos));
      if (columns.some((x) => x.name === c.name)) {
        throw new PgError(SQLSTATE.duplicate_column, `column "${c.name}" specified more than once`);
      }
      columns.push({ name: c.name, attnum: columns.length + 1, type: c.type, typmod: c.typmod, notNull: c.notNull, collation: c.collation, ...likeStorage(c, cd.__likeOptions as number) });
      // PG 18 copies a NOT NULL constraint under its own name.
      const nn = c.notNull ? cat.relationConstraints(cd.__likeRel).find((k) => k.kind === 'n' && k.columns[0] === c.attnum) : undefined;
      if (nn) likeNotNullNames.set(columns.length, nn.name);
      continue;
    }
    const cname = truncateIdentifier(cd.colname);
    if (SYSTEM_COLUMNS.has(cname)) throw new PgError(SQLSTATE.duplicate_column, `column name "${cname}" conflicts with a system column name`);
    if (columns.some((c) => c.name === cname)) {
      throw new PgError(SQLSTATE.duplicate_column, `column "${cname}" specified more than once`, { position: pos(cd.location) });
    }
    const tn = cd.typeName;
    const rawName = (tn.names as AnyNode[]).map((x) => x.String.sval).join('.');
    const isSerial = ['serial', 'bigserial', 'smallserial', 'serial4', 'serial8', 'serial2'].includes(rawName) && !tn.arrayBounds;
    const { type, typmod, collation } = columnTypeOf(cat, searchPath, cd, cname, pos, true, (w) => typeWarningTwice(session, w, laterWarnings));
    const attnum = columns.length + 1;
    columns.push({ name: cname, attnum, type, typmod, notNull: false, collation, ...columnStorageClauses(cat, type, cd) });
    if (isSerial) serials.push({ attnum, type });
  }
  for (const w of laterWarnings) session.notice(w);
  let rel: RelationDef = {
    oid,
    name,
    namespace: ns,
    kind: opts?.relkind ?? (n.partspec ? 'p' : 'r'),
    persistence: temp ? 't' : rv.relpersistence === 'u' ? 'u' : 'p',
    owner: session.currentUser(),
    columns,
    filenode: oid,
    rowType,
    ...(opts?.view ? { view: opts.view } : {}),
    ...(ofType ? { ofType: ofType.rowType } : {}),
    options: relOptionsOf(n.options, 'heap'),
  };
  if (n.partspec) rel = { ...rel, partitionKey: definePartitionKey(session, cat, rel, n.partspec, sql) };
  cat.putRelation(rel);
  registerOnCommit(session, oid, temp, n.oncommit);
  cat.putType({ oid: rowType, name, namespace: ns, kind: 'c', owner: rel.owner, arrayType, relation: oid });
  cat.putType({ oid: arrayType, name: '_' + name, namespace: ns, kind: 'b', owner: rel.owner, elementType: rowType });
  txn.createdFilenodes.add(oid);
  const takenNames = new Set<string>();
  const pendingCons: { con: AnyNode; attnum?: number }[] = [];
  const notNulls = new NotNullSpecs(columns, serials);
  // Column-level constraints.
  const setCol = (attnum: number, patch: Partial<ColumnDef>) => {
    columns[attnum - 1] = { ...columns[attnum - 1], ...patch };
    rel = { ...rel, columns: [...columns] };
    cat.putRelation(rel);
  };
  // LIKE: defaults, generated expressions, identity per the INCLUDING options.
  for (const like of likes) applyLikeColumns(session, cat, like, columns, setCol, name, ns, takenNames, oid);
  colNodes.forEach((cd, i) => {
    if (cd.__like && !cd.__override) return;
    const attnum = i + 1;
    let sawNull = false;
    let sawNotNull = false;
    let sawDefault = false;
    let sawIdentity = false;
    for (const c of (cd.constraints ?? []) as AnyNode[]) {
      const con = c.Constraint;
      switch (con.contype) {
        case 'CONSTR_NOTNULL':
          if (sawNull) {
            throw new PgError(SQLSTATE.syntax_error, `conflicting NULL/NOT NULL declarations for column "${columns[i].name}" of table "${name}"`, { position: pos(con.location) });
          }
          sawNotNull = true;
          setCol(attnum, { notNull: true });
          notNulls.column(attnum, con.conname ? truncateIdentifier(con.conname) : undefined, !!con.is_no_inherit);
          pendingCons.push({ con, attnum });
          break;
        case 'CONSTR_NULL':
          if (sawNotNull) {
            throw new PgError(SQLSTATE.syntax_error, `conflicting NULL/NOT NULL declarations for column "${columns[i].name}" of table "${name}"`, { position: pos(con.location) });
          }
          sawNull = true;
          break;
        case 'CONSTR_DEFAULT':
          if (columns[i].default || sawDefault) {
            throw new PgError(SQLSTATE.syntax_error, `multiple default values specified for column "${columns[i].name}" of table "${name}"`, { position: pos(con.location) });
          }
          if (sawIdentity) throw new PgError(SQLSTATE.syntax_error, `both default and identity specified for column "${columns[i].name}" of table "${name}"`, { position: pos(con.location) });
          sawDefault = true;
          pendingCons.push({ con, attnum });
          break;
        case 'CONSTR_IDENTITY': {
          if (n.partbound) throw new PgError(SQLSTATE.feature_not_supported, 'identity columns are not supported on partitions');
          if (sawIdentity) throw new PgError(SQLSTATE.syntax_error, `multiple identity specifications for column "${columns[i].name}" of table "${name}"`, { position: pos(con.location) });
          if (sawDefault) throw new PgError(SQLSTATE.syntax_error, `both default and identity specified for column "${columns[i].name}" of table "${name}"`, { position: pos(con.location) });
          if (serials.some((x) => x.attnum === attnum)) throw new PgError(SQLSTATE.syntax_error, `both default and identity specified for column "${columns[i].name}" of table "${name}"`);
          sawIdentity = true;
          if (sawNull) {
            throw new PgError(SQLSTATE.syntax_error, `conflicting NULL/NOT NULL declarations for column "${columns[i].name}" of table "${name}"`, { position: pos(con.location) });
          }
          sawNotNull = true;
          if (!['int2', 'int4', 'int8'].includes(typeInfo(cat, columns[i].type).name)) {
            throw new PgError(SQLSTATE.invalid_parameter_value, `identity column type must be smallint, integer, or bigint`);
          }
          setCol(attnum, { identity: con.generated_when === 'a' ? 'a' : 'd', notNull: true });
          notNulls.column(attnum, undefined, false);
          pendingCons.push({ con, attnum });
          break;
        }
        case 'CONSTR_GENERATED':
          pendingCons.push({ con, attnum });
          break;
        case 'CONSTR_PRIMARY':
          notNulls.column(attnum, undefined, false);
          pendingCons.push({ con, attnum });
          break;
        case 'CONSTR_UNIQUE':
        case 'CONSTR_CHECK':
        case 'CONSTR_FOREIGN':
          pendingCons.push({ con, attnum });
          break;
        case 'CONSTR_ATTR_ENFORCED':
        case 'CONSTR_ATTR_NOT_ENFORCED':
        case 'CONSTR_ATTR_DEFERRABLE':
        case 'CONSTR_ATTR_NOT_DEFERRABLE':
        case 'CONSTR_ATTR_DEFERRED':
        case 'CONSTR_ATTR_IMMEDIATE': {
          // Applies to the constraint just before it (Postgres's transformConstraintAttrs).
          const prev = pendingCons.length && pendingCons[pendingCons.length - 1].attnum === attnum ? pendingCons[pendingCons.length - 1] : undefined;
          pendingCons[pendingCons.length - 1] = { con: applyConstraintAttr(prev?.con, con, pos(con.location)), attnum };
          break;
        }
        default:
          throw featureNotSupported(`column constraint ${con.contype}`, con.location);
      }
    }
  });
  // Serial columns: sequence + nextval default + NOT NULL.
  for (const s of serials) {
    const col = columns[s.attnum - 1];
    const seqName = chooseName(cat, ns, name, col.name, 'seq', takenNames, true);
    const seq = defineSequence(session, cat, ns, seqName, { type: s.type, ownedBy: { relation: oid, attnum: s.attnum }, persistence: rel.persistence }, []);
    setCol(s.attnum, { notNull: true, default: serialDefault(cat, seq, s.type) });
  }
  // transformIndexConstraint: USING INDEX only in ALTER TABLE (the grammar accepts it here too).
  const usingIndex = tableCons.find((c) => c.indexname);
  if (usingIndex) throw new PgError(SQLSTATE.feature_not_supported, 'cannot use an existing index in CREATE TABLE', { position: pos(usingIndex.location) });
  const primaryCount = [...pendingCons, ...tableCons.map((con) => ({ con }))].filter((p) => p.con.contype === 'CONSTR_PRIMARY').length;
  if (primaryCount > 1) {
    const second = [...pendingCons.map((p) => p.con), ...tableCons].filter((c) => c.contype === 'CONSTR_PRIMARY')[1];
    throw new PgError(SQLSTATE.invalid_table_definition, `multiple primary keys for table "${name}" are not allowed`, { position: pos(second.location) });
  }
  // Defaults, identity and generated expressions first (constraints may refer to them).
  for (const p of pendingCons) {
    const con = p.con;
    const attnum = p.attnum as number;
    const col = columns[attnum - 1];
    if (con.contype === 'CONSTR_DEFAULT') {
      if (col.identity) {
        throw new PgError(SQLSTATE.syntax_error, `both default and identity specified for column "${col.name}" of table "${name}"`, { position: pos(con.location) });
      }
      const d = analyzeTableExpr(session, cat, rel, con.raw_expr, 'default', sql, { type: col.type, typmod: col.typmod, column: col.name });
      setCol(attnum, { default: d });
    } else if (con.contype === 'CONSTR_IDENTITY') {
      if (col.default) {
        throw new PgError(SQLSTATE.syntax_error, `both default and identity specified for column "${col.name}" of table "${name}"`, { position: pos(con.location) });
      }
      const named = identitySequenceName(con.options);
      if (named?.schema !== undefined && cat.namespaceOid(named.schema) !== ns) throw featureNotSupported('SEQUENCE NAME in another schema than the table');
      const seqName = named ? truncateIdentifier(named.name) : chooseName(cat, ns, name, col.name, 'seq', takenNames, true);
      if (named && (cat.relationIn(ns, seqName) || takenNames.has(seqName))) throw new PgError(SQLSTATE.duplicate_table, `relation "${seqName}" already exists`);
      if (named) takenNames.add(seqName);
      const seq = defineSequence(session, cat, ns, seqName, { type: col.type, ownedBy: { relation: oid, attnum }, identity: true, persistence: rel.persistence }, con.options ?? [], pos);
      setCol(attnum, { default: serialDefault(cat, seq, col.type) });
    } else if (con.contype === 'CONSTR_GENERATED') {
      if (col.generated) {
        throw new PgError(SQLSTATE.syntax_error, `multiple generation clauses specified for column "${col.name}" of table "${name}"`, { position: pos(con.location) });
      }
      if (col.identity) {
        throw new PgError(SQLSTATE.syntax_error, `both identity and generation expression specified for column "${col.name}" of table "${name}"`, { position: pos(con.location) });
      }
      if (col.default) {
        throw new PgError(SQLSTATE.syntax_error, `both default and generation expression specified for column "${col.name}" of table "${name}"`, { position: pos(con.location) });
      }
      const kind = con.generated_kind === 'v' ? 'v' : 's';
      setCol(attnum, { generated: { kind, expr: { expr: { kind: 'Const', type: col.type, typmod: -1, value: null }, text: '', volatile: false } } });
    }
  }
  for (const p of pendingCons) {
    if (p.con.contype !== 'CONSTR_GENERATED') continue;
    const attnum = p.attnum as number;
    const col = columns[attnum - 1];
    const g = analyzeTableExpr(session, cat, rel, p.con.raw_expr, 'generated', sql, { type: col.type, typmod: col.typmod, column: col.name });
    for (const ref of referencedColumns(g.expr)) {
      const rc = columns[ref - 1];
      if (rc.generated) {
        throw new PgError(SQLSTATE.invalid_object_definition, `cannot use generated column "${rc.name}" in column generation expression`, {
          detail: 'A generated column cannot reference another generated column.',
          position: pos(varLocation(g.expr, ref)),
        });
      }
    }
    if (g.mutable) throw new PgError(SQLSTATE.invalid_object_definition, 'generation expression is not immutable');
    setCol(attnum, { generated: { kind: col.generated!.kind, expr: g } });
  }
  // Keys and checks, in Postgres's order: column constraints, then table constraints.
  const all: { con: AnyNode; attnum?: number }[] = [...pendingCons.filter((p) => !['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED', 'CONSTR_NOTNULL'].includes(p.con.contype)), ...tableCons.map((con) => ({ con }))];
  const fks: { con: AnyNode; attnum?: number }[] = [];
  const checks: { con: AnyNode; attnum?: number }[] = [];
  const keys: { con: AnyNode; attnum?: number }[] = [];
  const excls: AnyNode[] = [];
  for (const p of all) {
    if (p.con.contype === 'CONSTR_FOREIGN') fks.push(p);
    else if (p.con.contype === 'CONSTR_CHECK') checks.push(p);
    else if (p.con.contype === 'CONSTR_PRIMARY' || p.con.contype === 'CONSTR_UNIQUE') keys.push(p);
    else if (p.con.contype === 'CONSTR_NOTNULL') {
      for (const k of (p.con.keys ?? []) as AnyNode[]) {
        const cn = k.String.sval;
        const idx = columns.findIndex((c) => c.name === cn);
        if (idx < 0) throw new PgError(SQLSTATE.undefined_column, `column "${cn}" named in NOT NULL constraint does not exist`);
        setCol(idx + 1, { notNull: true });
        notNulls.table(idx + 1, p.con.conname ? truncateIdentifier(p.con.conname) : undefined, !!p.con.is_no_inherit);
      }
    } else if (p.con.contype === 'CONSTR_EXCLUSION') excls.push(p.con);
    else throw featureNotSupported(`table constraint ${p.con.contype}`, p.con.location);
  }
  // PRIMARY KEY columns become NOT NULL.
  for (const p of keys) {
    if (p.con.contype !== 'CONSTR_PRIMARY') continue;
    for (const a of keyAttnums(cat, p, columns, name, pos)) {
      setCol(a, { notNull: true });
      if (p.attnum === undefined) notNulls.table(a, undefined, false);
    }
  }
  // Check constraints (named after the table and, for one column, the column).
  for (const p of checks) {
    const con = p.con;
    const e = analyzeTableExpr(session, cat, rel, con.raw_expr, 'check', sql);
    const refs = [...referencedColumns(e.expr)];
    const conName = con.conname ? truncateIdentifier(con.conname) : chooseName(cat, ns, name, checkNameColumn(e.expr, columns), 'check', takenNames, false);
    checkDuplicateConstraint(cat, oid, conName, name, takenNames, con.conname !== undefined);
    const notEnforced = isNotEnforced(con);
    const def: ConstraintDef = { oid: db.newOid(), name: conName, kind: 'c', relation: oid, namespace: ns, columns: refs, check: e, deferrable: false, deferred: false, validated: !con.skip_validation && !notEnforced, noInherit: !!con.is_no_inherit, ...(notEnforced ? { notEnforced: true } : {}) };
    cat.putConstraint(def);
  }
  // NOT NULL constraints (PG 18 catalogs them too).
  const nnSpecs = notNulls.merged(likeNotNullNames, name, rel.kind === 'p');
  for (const given of nnSpecs.values()) if (given.name) takenNames.add(given.name);
  for (const c of columns) {
    if (!c.notNull) continue;
    const spec = nnSpecs.get(c.attnum);
    const conName = spec?.name ?? chooseName(cat, ns, name, c.name, 'not_null', takenNames, false);
    takenNames.add(conName);
    cat.putConstraint({ oid: db.newOid(), name: conName, kind: 'n', relation: oid, namespace: ns, columns: [c.attnum], deferrable: false, deferred: false, validated: true, ...(spec?.noInherit ? { noInherit: true } : {}) });
  }
  const keyIndexes = distinctKeyConstraints(keys.map((p) => ({ con: p.con, atts: keyAttnums(cat, p, columns, name, pos), include: constraintIncludeAttnums(p.con, columns, pos(p.con.location)) })));
  for (const { con, atts, include, name: given } of keyIndexes) {
    const primary = con.contype === 'CONSTR_PRIMARY';
    const conName = given
      ? truncateIdentifier(given)
      : primary
        ? chooseName(cat, ns, name, undefined, 'pkey', takenNames, true)
        : chooseName(cat, ns, name, distinctIndexColumnNames([...atts, ...include].map((a) => columns[a - 1].name)).join('_'), 'key', takenNames, true);
    if (cat.relationIn(ns, conName)) {
      throw new PgError(SQLSTATE.duplicate_table, `relation "${conName}" already exists`);
    }
    const temporal = con.without_overlaps ? temporalKeyIndex(cat, rel, atts) : undefined;
    if (rel.kind === 'p') checkUniqueCoversKey(cat, rel, atts.map((a) => ({ attnum: a, descending: false, nullsFirst: false })), primary ? 'PRIMARY KEY' : 'UNIQUE', temporal?.exclusion);
    const idxOid = defineIndex(session, cat, rel, {
      name: conName,
      keys: atts.map((a) => ({ attnum: a, descending: false, nullsFirst: false })),
      unique: true,
      primary,
      nullsNotDistinct: !!con.nulls_not_distinct,
      include: [...include],
      options: relOptionsOf(con.options, temporal ? 'gist' : 'btree'),
      ...temporal,
    });
    const conOid = db.newOid();
    cat.putConstraint({ oid: conOid, name: conName, kind: primary ? 'p' : 'u', relation: oid, namespace: ns, columns: atts, index: idxOid, deferrable: !!con.deferrable, deferred: !!con.initdeferred, validated: true, ...(temporal ? { period: true } : {}) });
    const idx = cat.relation(idxOid);
    cat.putRelation({ ...idx, index: { ...idx.index!, constraint: conOid } });
  }
  for (const con of excls) addExclusionConstraint(session, cat, cat.relation(oid), con, sql, takenNames);
  for (const like of likes) applyLikeConstraints(session, cat, like, cat.relation(oid), takenNames);
  if (partParent) finishPartitionOf(session, cat, oid, partParent, n.partbound, sql);
  if (inhSpec) {
    checkInheritedDefaults(inhSpec, cat.relation(oid).columns, colNodes);
    finishInherits(session, cat, oid, inhSpec, colNodes);
  }
  rel = cat.relation(oid);
  for (const p of fks) {
    addForeignKey(session, cat, cat.relation(oid), p.con, p.attnum, sql, takenNames);
  }
  // PARTITION OF: its own keys that match the parent's merge into them.
  if (partParent && fks.length) mergePartitionKeys(cat, cat.relation(oid));
  opts?.created?.(cat.relation(oid));
  return commandResult('CREATE TABLE');
}

/** Location of the first reference to column `attno` in an analyzed expression. */
function varLocation(e: unknown, attno: number): number | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const o = e as Record<string, unknown>;
  if (o.kind === 'Var' && o.attno === attno) return o.location as number | undefined;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'fn') continue;
    const l = varLocation(v, attno);
    if (l !== undefined) return l;
  }
  return undefined;
}

const LIKE = { COMMENTS: 1, COMPRESSION: 2, CONSTRAINTS: 4, DEFAULTS: 8, GENERATED: 16, IDENTITY: 32, INDEXES: 64, STATISTICS: 128, STORAGE: 256 } as const;

/** LIKE ... INCLUDING STORAGE / COMPRESSION: the source column's settings. */
function likeStorage(c: ColumnDef, options: number): Partial<ColumnDef> {
  const out: { storage?: ColumnDef['storage']; compression?: ColumnDef['compression'] } = {};
  if (options & LIKE.STORAGE && c.storage) out.storage = c.storage;
  if (options & LIKE.COMPRESSION && c.compression) out.compression = c.compression;
  return out;
}

/** Rewrites the Vars of an expression from the LIKE source's attnums to the new table's. */
export function remapVars<T>(e: T, map: Map<number, number>): T {
  const walk = (x: unknown): unknown => {
    if (!x || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map(walk);
    const o = x as Record<string, unknown>;
    if (o.kind === 'Var') return { ...o, attno: map.get(o.attno as number) ?? o.attno };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = k === 'fn' || k === 'agg' || k === 'compare' || typeof v === 'function' ? v : walk(v);
    return out;
  };
  return walk(e) as T;
}

function applyLikeColumns(
  session: Session,
  cat: Catalog,
  like: { src: RelationDef; options: number; map: Map<number, number> },
  columns: ColumnDef[],
  setCol: (attnum: number, patch: Partial<ColumnDef>) => void,
  table: string,
  ns: number,
  taken: Set<string>,
  relOid: number,
): void {
  for (const c of like.src.columns) {
    const to = like.map.get(c.attnum);
    if (to === undefined) continue;
    if (c.generated && like.options & LIKE.GENERATED) {
      setCol(to, { generated: { kind: c.generated.kind, expr: remapVars(c.generated.expr, like.map) } });
    } else if (c.identity && like.options & LIKE.IDENTITY) {
      const srcSeq = [...cat.relations.values()].find((r) => r.kind === 'S' && r.sequence?.identity && r.sequence.ownedBy?.relation === like.src.oid && r.sequence.ownedBy.attnum === c.attnum)?.sequence;
      const seq = defineSequence(session, cat, ns, chooseName(cat, ns, table, c.name, 'seq', taken, true), { type: OID.int8, ownedBy: { relation: relOid, attnum: to }, identity: true }, srcSeq ? sequenceInfoOptions(srcSeq) : []); // (bigint, as Postgres: its LIKE passes no type)
      setCol(to, { identity: c.identity, notNull: true, default: serialDefault(cat, seq, c.type) });
    } else if (c.default && !c.identity && like.options & LIKE.DEFAULTS) {
      setCol(to, { default: c.default });
    }
    if (like.options & LIKE.COMMENTS) {
      const cmt = cat.comments.get(`1259.${like.src.oid}.${c.attnum}`);
      if (cmt !== undefined) cat.comments.set(`1259.${relOid}.${to}`, cmt);
    }
  }
  void columns;
}

function applyLikeConstraints(session: Session, cat: Catalog, like: { src: RelationDef; options: number; map: Map<number, number> }, rel: RelationDef, taken: Set<string>): void {
  if (like.options & LIKE.CONSTRAINTS) {
    for (const k of cat.relationConstraints(like.src.oid)) {
      if (k.kind !== 'c' || !k.check) continue;
      if (k.noInherit && rel.kind === 'p') throw new PgError(SQLSTATE.invalid_table_definition, `cannot add NO INHERIT constraint to partitioned table "${rel.name}"`);
      const conOid = session.db.newOid();
      cat.putConstraint({ ...k, oid: conOid, relation: rel.oid, namespace: rel.namespace, columns: k.columns.map((a) => like.map.get(a) ?? a), check: remapVars(k.check, like.map) });
      taken.add(k.name);
      copyComment(cat, like.options, `2606.${k.oid}.0`, `2606.${conOid}.0`);
    }
  }
  if (like.options & LIKE.INDEXES) {
    for (const idx of cat.relationIndexes(like.src.oid)) {
      const info = idx.index!;
      const keys = info.keys.map((k) => ({ ...k, attnum: k.attnum ? (like.map.get(k.attnum) ?? k.attnum) : 0, expr: k.expr ? remapVars(k.expr, like.map) : undefined }));
      // An expression column is named after its function, as CREATE INDEX names it (FigureIndexColname).
      const colNames = keys.map((k) => (k.attnum ? rel.columns[k.attnum - 1].name : k.expr!.expr.kind === 'FuncExpr' ? k.expr!.expr.name : 'expr'));
      const include = info.include.map((a) => like.map.get(a) ?? a);
      for (const a of include) colNames.push(rel.columns[a - 1].name);
      // A unique index that backs no constraint is named like any other index.
      if (info.primary && cat.relationConstraints(rel.oid).some((k) => k.kind === 'p')) {
        throw new PgError(SQLSTATE.invalid_table_definition, `multiple primary keys for table "${rel.name}" are not allowed`);
      }
      const conKind = info.constraint !== undefined ? cat.constraints.get(info.constraint)?.kind : undefined;
      const label = info.primary ? 'pkey' : info.exclusion ? 'excl' : conKind === 'u' ? 'key' : 'idx';
      const idxName = chooseName(cat, rel.namespace, rel.name, info.primary ? undefined : distinctIndexColumnNames(colNames).join('_'), label, taken, true);
      const idxOid = defineIndex(session, cat, cat.relation(rel.oid), {
        name: idxName, keys, unique: info.unique, primary: info.primary, nullsNotDistinct: info.nullsNotDistinct, include,
        predicate: info.predicate ? remapVars(info.predicate, like.map) : undefined, method: info.method, exclusion: info.exclusion, options: idx.options ? [...idx.options] : undefined,
      });
      copyComment(cat, like.options, `1259.${idx.oid}.0`, `1259.${idxOid}.0`);
      const con = info.constraint !== undefined ? cat.constraints.get(info.constraint) : undefined;
      if (con) {
        const conOid = session.db.newOid();
        cat.putConstraint({ oid: conOid, name: idxName, kind: con.kind, relation: rel.oid, namespace: rel.namespace, columns: keys.map((k) => k.attnum), index: idxOid, deferrable: con.deferrable, deferred: con.deferred, validated: true, ...(con.period ? { period: true } : {}) });
        const ir = cat.relation(idxOid);
        cat.putRelation({ ...ir, index: { ...ir.index!, constraint: conOid } });
        if (info.primary) for (const k of keys) if (k.attnum) {
          const col = cat.relation(rel.oid).columns[k.attnum - 1];
          if (!col.notNull) cat.putRelation({ ...cat.relation(rel.oid), columns: cat.relation(rel.oid).columns.map((c) => (c.attnum === k.attnum ? { ...c, notNull: true } : c)) });
        }
      }
    }
  }
  if (like.options & LIKE.STATISTICS) {
    for (const [from, to] of copyStatistics(session, cat, like.src, cat.relation(rel.oid), like.map)) copyComment(cat, like.options, `3381.${from.oid}.0`, `3381.${to.oid}.0`);
  }
}

/** LIKE ... INCLUDING COMMENTS: an object's comment on its copy. */
function copyComment(cat: Catalog, options: number, from: string, to: string): void {
  if (!(options & LIKE.COMMENTS)) return;
  const c = cat.comments.get(from);
  if (c !== undefined) cat.comments.set(to, c);
}

function checkDuplicateConstraint(cat: Catalog, rel: number, conName: string, table: string, taken: Set<string>, explicit: boolean): void {
  if (!explicit) return;
  if (cat.relationConstraints(rel).some((c) => c.name === conName)) {
    throw new PgError(SQLSTATE.duplicate_object, `constraint "${conName}" for relation "${table}" already exists`);
  }
  taken.add(conName);
}

function keyAttnums(cat: Catalog, p: { con: AnyNode; attnum?: number }, columns: ColumnDef[], table: string, pos: (l: number | undefined) => string | undefined): number[] {
  if (p.attnum !== undefined) return [p.attnum];
  const out: number[] = [];
  for (const k of (p.con.keys ?? []) as AnyNode[]) {
    const cn = k.String.sval as string;
    const idx = columns.findIndex((c) => c.name === cn && !c.dropped);
    if (idx < 0) {
      throw new PgError(SQLSTATE.undefined_column, `column "${cn}" named in key does not exist`, { position: pos(p.con.location) });
    }
    if (out.includes(idx + 1)) {
      throw new PgError(SQLSTATE.duplicate_column, `column "${cn}" appears twice in ${p.con.contype === 'CONSTR_PRIMARY' ? 'primary key' : 'unique'} constraint`, { position: pos(p.con.location) });
    }
    out.push(idx + 1);
  }
  checkWithoutOverlapsColumns(cat, p.con, columns, out, pos(p.con.location));
  void table;
  return out;
}

export { FK_ACTIONS };

/**
 * TABLESPACE / USING INDEX TABLESPACE: only pg_default exists (data lives in memory anyway).
 * Postgres counterpart: get_tablespace_oid and DefineRelation's pg_global check.
 */
export function checkTablespace(name: string | undefined): void {
  if (name === undefined || name === '' || name === 'pg_default') return;
  if (name === 'pg_global') throw new PgError(SQLSTATE.invalid_parameter_value, 'only shared relations can be placed in pg_global tablespace');
  throw new PgError(SQLSTATE.undefined_object, `tablespace "${name}" does not exist`);
}

/**
 * A column type's warning as Postgres gives it in CREATE TABLE and ALTER TABLE: once when the
 * statement is analyzed (with the type name's position), once when it runs (without).
 */
export function typeWarningTwice(session: { notice(n: PgError): void }, w: PgError, later?: PgError[]): void {
  session.notice(w);
  const again = new PgError(w.code, w.message, { severity: w.severity });
  if (later) later.push(again);
  else session.notice(again);
}

/**
 * A column definition's type, typmod and collation (CREATE TABLE, CREATE TYPE ... AS): pseudo-types
 * are refused, a COLLATE clause must name an existing collation, string types get the default.
 */
export function columnTypeOf(
  cat: Catalog,
  searchPath: readonly string[],
  cd: AnyNode,
  cname: string,
  pos: (loc: number | undefined) => string | undefined,
  /** CREATE TYPE reports an unknown collation without a position, as Postgres does. */
  collationPosition = true,
  /** Receives the type name's warnings (TIME(7) reduced to 6). */
  warn?: (w: PgError) => void,
): { type: number; typmod: number; collation: string | undefined } {
  const { oid: type, typmod } = resolveTypeName(cat, searchPath, cd.typeName, pos, warn);
  const info = typeInfo(cat, type);
  if (info.typtype === 'p') {
    throw new PgError(SQLSTATE.invalid_table_definition, `column "${cname}" has pseudo-type ${formatType(cat, type)}`);
  }
  let collation: string | undefined;
  if (cd.collClause) {
    const parts = (cd.collClause.collname as AnyNode[]).map((x) => x.String.sval as string);
    const coll = resolveCollationName(cat, searchPath, parts);
    if (coll === undefined) {
      throw new PgError(SQLSTATE.undefined_object, `collation "${parts.join('.')}" for encoding "UTF8" does not exist`, { position: collationPosition ? pos(cd.collClause.location) : undefined });
    }
    if (!isCollatableType(cat, type)) {
      throw new PgError(SQLSTATE.datatype_mismatch, `collations are not supported by type ${formatType(cat, type)}`, { position: collationPosition ? pos(cd.collClause.location) : undefined });
    }
    collation = coll;
  } else if (info.category === 'S') collation = type === OID.name ? 'C' : (domainCollation(cat, type) ?? 'default');
  return { type, typmod, collation };
}
