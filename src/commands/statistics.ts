/**
 * Extended statistics objects: CREATE STATISTICS (columns and expressions of one table, the kinds
 * ndistinct / dependencies / mcv, the name Postgres chooses when none is given), ALTER STATISTICS
 * (SET STATISTICS, RENAME, SET SCHEMA, OWNER TO), DROP STATISTICS, and what happens to them
 * with their table (DROP COLUMN drops the objects using the column; LIKE ... INCLUDING
 * STATISTICS copies them).
 * fauxgres never gathers the statistics (no ANALYZE data, no pg_statistic_ext_data rows) and the
 * planner does not use them: they are catalog state (pg_statistic_ext), as a new table's are.
 * Postgres counterpart: src/backend/commands/statscmds.c (CreateStatistics, AlterStatistics,
 * ChooseExtendedStatisticName), parser/parse_utilcmd.c (transformStatsStmt).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef, StatisticsDef, StoredExpr } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { openRelation } from '../analyze/relation.js';
import { checkOwner } from '../catalog/acl.js';
import { analyzeTableExpr } from './column-expr.js';
import { makeObjectName } from './naming.js';
import { deparseExpr } from '../catalog/deparse.js';
import { typeInfo } from '../types/registry.js';
import { formatType } from '../types/registry.js';
import { resolveRoleSpec } from '../catalog/system/common.js';
import { remapVars } from './create-table.js';
import { quoteIdent } from '../functions/builtins/quote.js';
import { deparseContextFor, relationName } from '../catalog/ruleutils/context.js';
import type { SessionContext } from '../session/session-context.js';

type AnyNode = Record<string, any>;

/** pg_statistic_ext's OID (the classoid of pg_description rows on statistics objects). */
export const PG_STATISTIC_EXT = 3381;

const KIND_CODES: Record<string, string> = { ndistinct: 'd', dependencies: 'f', mcv: 'm' };
const KIND_DETAIL: Record<string, string> = { v: 'views', i: 'indexes', I: 'partitioned indexes', S: 'sequences', c: 'composite types' };

/** The statistics object `name` (optionally schema-qualified) visible on the search path. */
export function lookupStatistics(cat: Catalog, searchPath: readonly string[], parts: readonly string[]): StatisticsDef | undefined {
  const name = parts[parts.length - 1];
  const namespaces =
    parts.length > 1
      ? [cat.namespaceOid(parts[parts.length - 2])]
      : ['pg_catalog', ...searchPath.filter((s) => s !== 'pg_catalog')].map((s) => cat.namespaceOid(s));
  for (const ns of namespaces) {
    if (ns === undefined) continue;
    for (const s of cat.statistics.values()) if (s.namespace === ns && s.name === name) return s;
  }
  return undefined;
}

function statisticsIn(cat: Catalog, ns: number, name: string): StatisticsDef | undefined {
  for (const s of cat.statistics.values()) if (s.namespace === ns && s.name === name) return s;
  return undefined;
}

function listParts(o: AnyNode): string[] {
  return ((o.List?.items ?? []) as AnyNode[]).map((x) => x.String.sval as string);
}

function mustExist(cat: Catalog, session: Session, parts: string[]): StatisticsDef {
  const s = lookupStatistics(cat, session.searchPath(), parts);
  if (!s) throw new PgError(SQLSTATE.undefined_object, `statistics object "${parts.join('.')}" does not exist`);
  return s;
}

/** ChooseExtendedStatisticName: `<table>_<columns, expr for expressions>_stat`, made unique in the schema. */
function chooseStatisticsName(cat: Catalog, ns: number, table: string, parts: readonly string[]): string {
  let addition = '';
  for (const p of parts) {
    if (addition.length) addition += '_';
    addition += p;
    if (Buffer.byteLength(addition) >= 64) break;
  }
  for (let pass = 0; ; pass++) {
    const name = makeObjectName(table, addition, pass === 0 ? 'stat' : `stat${pass}`);
    if (!statisticsIn(cat, ns, name)) return name;
  }
}

/** CREATE STATISTICS [IF NOT EXISTS] [name] [(kinds)] ON columns and expressions FROM table. */
export function createStatistics(session: Session, n: AnyNode, sql: string): StatementResult {
  const txn = session.transaction();
  const cat = txn.catalogForWrite();
  const rels = (n.relations ?? []) as AnyNode[];
  if (rels.length !== 1 || !rels[0].RangeVar) throw new PgError(SQLSTATE.feature_not_supported, 'only a single relation is allowed in CREATE STATISTICS');
  const rv = rels[0].RangeVar;
  // (Postgres reports a missing table without a position here)
  const rel = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (rel.kind !== 'r' && rel.kind !== 'p' && rel.kind !== 'm') {
    throw new PgError(SQLSTATE.wrong_object_type, `cannot define statistics for relation "${rel.name}"`, { detail: `This operation is not supported for ${KIND_DETAIL[rel.kind] ?? 'this relation'}.` });
  }
  checkOwner(cat, session.currentUser(), rel.owner, 'table', rel.name);
  const defnames = ((n.defnames ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  let ns = rel.namespace;
  if (defnames.length > 1) {
    const o = cat.namespaceOid(defnames[defnames.length - 2]);
    if (o === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${defnames[defnames.length - 2]}" does not exist`);
    ns = o;
  }
  let name = defnames.length ? defnames[defnames.length - 1] : undefined;
  if (name !== undefined && statisticsIn(cat, ns, name)) {
    if (n.if_not_exists) {
      session.notice(new PgError(SQLSTATE.duplicate_object, `statistics object "${name}" already exists, skipping`, { severity: 'NOTICE' }));
      return commandResult('CREATE STATISTICS');
    }
    throw new PgError(SQLSTATE.duplicate_object, `statistics object "${name}" already exists`);
  }
  // Columns and expressions (a parenthesized plain column counts as a column).
  const keys: number[] = [];
  const exprs: StoredExpr[] = [];
  const nameParts: string[] = [];
  for (const el of (n.exprs ?? []) as AnyNode[]) {
    const se = el.StatsElem;
    const colName: string | undefined = se.name ?? (se.expr?.ColumnRef?.fields?.length === 1 ? se.expr.ColumnRef.fields[0].String?.sval : undefined);
    if (colName !== undefined) {
      const col = rel.columns.find((c) => !c.dropped && c.name === colName);
      if (!col) {
        if (['ctid', 'xmin', 'cmin', 'xmax', 'cmax', 'tableoid'].includes(colName)) throw new PgError(SQLSTATE.feature_not_supported, 'statistics creation on system columns is not supported');
        throw new PgError(SQLSTATE.undefined_column, `column "${colName}" does not exist`);
      }
      if (!hasDefaultBtree(cat, col.type)) {
        throw new PgError(SQLSTATE.undefined_object, `column "${colName}" cannot be used in statistics because its type ${formatType(cat, col.type)} has no default btree operator class`);
      }
      if (keys.includes(col.attnum)) throw new PgError(SQLSTATE.duplicate_column, 'duplicate column name in statistics definition');
      keys.push(col.attnum);
      nameParts.push(col.name);
      continue;
    }
    const e = statisticsExpr(session, cat, rel, se.expr, sql);
    if (!hasDefaultBtree(cat, e.expr.type)) {
      throw new PgError(SQLSTATE.undefined_object, `expression cannot be used in multivariate statistics because its type ${formatType(cat, e.expr.type)} has no default btree operator class`);
    }
    const key = JSON.stringify(e.expr, (k, v) => (k === 'location' || typeof v === 'function' ? undefined : v));
    if (exprs.some((x) => JSON.stringify(x.expr, (k, v) => (k === 'location' || typeof v === 'function' ? undefined : v)) === key)) {
      throw new PgError(SQLSTATE.duplicate_column, 'duplicate expression in statistics definition');
    }
    exprs.push(e);
    nameParts.push('expr');
  }
  const count = keys.length + exprs.length;
  const single = count === 1 && exprs.length === 1;
  const kindNames = ((n.stat_types ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  if (single && kindNames.length) throw new PgError(SQLSTATE.feature_not_supported, 'when building statistics on a single expression, statistics kinds may not be specified');
  if (count < 2 && !single) throw new PgError(SQLSTATE.invalid_object_definition, 'extended statistics require at least 2 columns');
  if (count > 8) throw new PgError(SQLSTATE.too_many_columns, 'cannot have more than 8 columns in statistics');
  const chosen = new Set<string>();
  for (const k of kindNames) {
    const code = KIND_CODES[k];
    if (!code) throw new PgError(SQLSTATE.syntax_error, `unrecognized statistics kind "${k}"`);
    chosen.add(code);
  }
  const kinds = single ? [] : ['d', 'f', 'm'].filter((k) => !chosen.size || chosen.has(k));
  if (exprs.length) kinds.push('e');
  name ??= chooseStatisticsName(cat, ns, rel.name, nameParts);
  const oid = session.db.newOid();
  cat.statistics.set(oid, { oid, name, namespace: ns, relation: rel.oid, owner: rel.owner, keys: [...keys].sort((a, b) => a - b), exprs, kinds });
  cat.bump();
  return commandResult('CREATE STATISTICS');
}

/** An expression of CREATE STATISTICS, with Postgres's messages for what it may not contain. */
function statisticsExpr(session: Session, cat: Catalog, rel: RelationDef, raw: AnyNode, sql: string): StoredExpr {
  try {
    return analyzeTableExpr(session, cat, rel, raw, 'index', sql);
  } catch (e) {
    if (e instanceof PgError && /index expression/.test(e.message)) {
      throw new PgError(e.code, e.message.replace('index expressions', 'statistics expressions').replace('index expression', 'statistics expression'), { position: e.position });
    }
    throw e;
  }
}

/** Whether a type has a default btree operator class (it can be sorted and compared). */
function hasDefaultBtree(cat: Catalog, type: number): boolean {
  const info = typeInfo(cat, type);
  return info.category !== 'G' && !['json', 'xml', 'point', 'polygon', 'circle', 'line', 'lseg', 'box', 'path'].includes(info.name);
}

/** ALTER STATISTICS [IF EXISTS] name SET STATISTICS { n | DEFAULT }. */
export function alterStatistics(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const parts = ((n.defnames ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  const st = lookupStatistics(cat, session.searchPath(), parts);
  if (!st) {
    if (n.missing_ok) {
      session.notice(new PgError(SQLSTATE.successful_completion, `statistics object "${parts.join('.')}" does not exist, skipping`, { severity: 'NOTICE' }));
      return commandResult('ALTER STATISTICS');
    }
    throw new PgError(SQLSTATE.undefined_object, `statistics object "${parts.join('.')}" does not exist`);
  }
  checkOwner(cat, session.currentUser(), st.owner, 'statistics object', st.name);
  let target: number | undefined = n.stxstattarget?.Integer ? Number(n.stxstattarget.Integer.ival ?? 0) : undefined;
  if (target !== undefined) {
    if (target < -1) throw new PgError(SQLSTATE.invalid_parameter_value, `statistics target ${target} is too low`);
    if (target > 10000) {
      session.notice(new PgError(SQLSTATE.invalid_parameter_value, 'lowering statistics target to 10000', { severity: 'WARNING' }));
      target = 10000;
    }
    if (target === -1) target = undefined;
  }
  const { target: _t, ...rest } = st;
  void _t;
  cat.statistics.set(st.oid, target === undefined ? rest : { ...rest, target });
  cat.bump();
  return commandResult('ALTER STATISTICS');
}

/** DROP STATISTICS [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
export function dropStatistics(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  for (const o of (n.objects ?? []) as AnyNode[]) {
    const parts = listParts(o);
    const st = lookupStatistics(cat, session.searchPath(), parts);
    if (!st) {
      if (n.missing_ok) {
        session.notice(new PgError(SQLSTATE.successful_completion, `statistics object "${parts.join('.')}" does not exist, skipping`, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_object, `statistics object "${parts.join('.')}" does not exist`);
    }
    checkOwner(cat, session.currentUser(), st.owner, 'statistics object', st.name);
    removeStatistics(cat, st.oid);
  }
  cat.bump();
  return commandResult('DROP STATISTICS');
}

export function removeStatistics(cat: Catalog, oid: number): void {
  cat.statistics.delete(oid);
  cat.comments.delete(`${PG_STATISTIC_EXT}.${oid}.0`);
}

/** ALTER STATISTICS name RENAME TO new. */
export function renameStatistics(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const st = mustExist(cat, session, listParts(n.object));
  checkOwner(cat, session.currentUser(), st.owner, 'statistics object', st.name);
  if (statisticsIn(cat, st.namespace, n.newname)) {
    throw new PgError(SQLSTATE.duplicate_object, `statistics object "${n.newname}" already exists in schema "${cat.namespaces.get(st.namespace)?.name}"`);
  }
  cat.statistics.set(st.oid, { ...st, name: n.newname });
  cat.bump();
  return commandResult('ALTER STATISTICS');
}

/** ALTER STATISTICS name SET SCHEMA s. */
export function statisticsSetSchema(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const st = lookupStatistics(cat, session.searchPath(), listParts(n.object));
  if (!st) {
    if (n.missing_ok) {
      session.notice(new PgError(SQLSTATE.successful_completion, `statistics object "${listParts(n.object).join('.')}" does not exist, skipping`, { severity: 'NOTICE' }));
      return commandResult('ALTER STATISTICS');
    }
    throw new PgError(SQLSTATE.undefined_object, `statistics object "${listParts(n.object).join('.')}" does not exist`);
  }
  checkOwner(cat, session.currentUser(), st.owner, 'statistics object', st.name);
  const ns = cat.namespaceOid(n.newschema);
  if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${n.newschema}" does not exist`);
  if (ns !== st.namespace && statisticsIn(cat, ns, st.name)) {
    throw new PgError(SQLSTATE.duplicate_object, `statistics object "${st.name}" already exists in schema "${n.newschema}"`);
  }
  cat.statistics.set(st.oid, { ...st, namespace: ns });
  cat.bump();
  return commandResult('ALTER STATISTICS');
}

/** ALTER STATISTICS name OWNER TO role. */
export function statisticsOwner(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalogForWrite();
  const st = mustExist(cat, session, listParts(n.object));
  const owner = resolveRoleSpec(n.newowner, session.currentUser(), session.sessionUser(), cat);
  if (owner !== st.owner) checkOwner(cat, session.currentUser(), st.owner, 'statistics object', st.name);
  cat.statistics.set(st.oid, { ...st, owner });
  cat.bump();
  return commandResult('ALTER STATISTICS');
}

/** DROP COLUMN: the statistics objects using the column go with it. */
export function dropColumnStatistics(cat: Catalog, rel: number, attnum: number): void {
  for (const st of [...cat.statistics.values()]) {
    if (st.relation !== rel) continue;
    if (st.keys.includes(attnum) || st.exprs.some((e) => readsColumn(e.expr, attnum))) removeStatistics(cat, st.oid);
  }
}

function readsColumn(e: unknown, attnum: number): boolean {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  if (o.kind === 'Var' && o.attno === attnum && !o.levelsUp) return true;
  for (const [k, v] of Object.entries(o)) if (k !== 'fn' && k !== 'agg' && typeof v !== 'function' && readsColumn(v, attnum)) return true;
  return false;
}

/**
 * CREATE TABLE ... (LIKE src INCLUDING STATISTICS): src's statistics objects on the new table,
 * with names chosen for it (`map`: src attnum to the new table's).
 */
export function copyStatistics(session: Session, cat: Catalog, src: RelationDef, rel: RelationDef, map: ReadonlyMap<number, number>): [StatisticsDef, StatisticsDef][] {
  const out: [StatisticsDef, StatisticsDef][] = [];
  for (const st of [...cat.statistics.values()].filter((s) => s.relation === src.oid).sort((a, b) => a.oid - b.oid)) {
    const parts = [...st.keys.map((a) => src.columns[a - 1].name), ...st.exprs.map(() => 'expr')];
    const name = chooseStatisticsName(cat, rel.namespace, rel.name, parts);
    const oid = session.db.newOid();
    const copy: StatisticsDef = {
      ...st, oid, name, namespace: rel.namespace, relation: rel.oid, owner: rel.owner,
      keys: st.keys.map((a) => map.get(a) ?? a).sort((a, b) => a - b), exprs: st.exprs.map((e) => remapVars(e, map as Map<number, number>)),
    };
    cat.statistics.set(oid, copy);
    out.push([st, copy]);
  }
  return out;
}

// ---- ruleutils ---------------------------------------------------------------------------------

/** The columns and expressions of a statistics object, as pg_get_statisticsobjdef_columns prints them. */
export function statisticsColumnsText(cat: Catalog, session: SessionContext, st: StatisticsDef): string {
  const rel = cat.relations.get(st.relation);
  if (!rel) return '';
  const items = st.keys.map((a) => quoteIdent(rel.columns[a - 1].name));
  // (printed with PRETTYFLAG_PAREN: no parentheses beyond those the operators need)
  const ctx = deparseContextFor(cat, session, rel, { pretty: true });
  for (const e of st.exprs) {
    const text = deparseExpr({ ...ctx, fallback: e.text }, e.expr);
    // A function call needs no parentheses of its own; any other expression does.
    const isCall = e.expr.kind === 'FuncExpr' && /^[a-z_][a-z0-9_]*\(/.test(text);
    items.push(isCall ? text : `(${text})`);
  }
  return items.join(', ');
}

/** pg_get_statisticsobjdef: the CREATE STATISTICS statement (kinds only when not all are built). */
export function statisticsDef(cat: Catalog, session: SessionContext, st: StatisticsDef): string {
  const nsName = cat.namespaces.get(st.namespace)?.name ?? '';
  let s = `CREATE STATISTICS ${quoteIdent(nsName)}.${quoteIdent(st.name)}`;
  const all = st.kinds.includes('d') && st.kinds.includes('f') && st.kinds.includes('m');
  const single = st.keys.length + st.exprs.length === 1;
  if (!all && !single) {
    const names = [['d', 'ndistinct'], ['f', 'dependencies'], ['m', 'mcv']].filter(([k]) => st.kinds.includes(k)).map(([, n]) => n);
    s += ` (${names.join(', ')})`;
  }
  return `${s} ON ${statisticsColumnsText(cat, session, st)} FROM ${relationName(cat, session.searchPath(), st.relation)}`;
}
