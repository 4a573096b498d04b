/**
 * CREATE TYPE ... AS ENUM, ALTER TYPE ... ADD VALUE / RENAME VALUE, CREATE DOMAIN (DEFAULT,
 * NOT NULL, CHECK; the constraint kinds Postgres refuses, with its errors), ALTER DOMAIN (SET /
 * DROP DEFAULT and NOT NULL, ADD / DROP / VALIDATE / RENAME CONSTRAINT), DROP TYPE / DROP DOMAIN.
 * Postgres counterpart: src/backend/commands/typecmds.c, catalog/pg_enum.c.
 * Known gaps: a domain's COLLATE clause is checked but not stored; ALTER DOMAIN ADD CONSTRAINT
 * checks columns of the domain and of domains over it, not values inside arrays or composites.
 */
import { tempNamespace } from './temp-tables.js';
import { schemaMissingSkips } from './drop-missing.js';
import type { Catalog } from '../catalog/catalog.js';
import type { DomainInfo, FunctionDef, RelationDef, UserTypeDef } from '../catalog/objects.js';
import { resolveCollationName } from '../catalog/collation-lookup.js';
import { dropRelation } from './drop.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { creationNamespace, lookupRelation } from '../analyze/relation.js';
import { lookupTypeName, resolveTypeName } from '../analyze/type-name.js';
import { formatType, typeInfo } from '../types/registry.js';
import { FIRST_NORMAL_OID } from '../types/oids.js';
import { routineSignature } from '../pl/signature.js';
import { analyzeTableExpr } from './column-expr.js';
import { chooseName, truncateIdentifier } from './naming.js';
import { compileExpr } from '../executor/expr/compile.js';
import { makeExecContext } from '../session/run-select.js';
import type { Value } from '../types/values.js';
import { charOffset } from '../analyze/parse-state.js';
import { checkCreateInNamespace } from './create-checks.js';
import { checkDropOwner, checkOwner } from '../catalog/acl.js';

type AnyNode = Record<string, any>;

function qualName(names: AnyNode[]): { schema?: string; name: string } {
  const parts = names.map((x) => x.String.sval as string);
  return parts.length === 2 ? { schema: parts[0], name: parts[1] } : { name: parts[parts.length - 1] };
}

/** Whether a type (or a relation with a row type) named `name` exists in schema `ns`. */
export function typeNameTaken(cat: Catalog, ns: number, name: string): boolean {
  const rel = cat.relationIn(ns, name);
  return !!cat.typeIn(ns, name) || (!!rel && rel.kind !== 'i' && rel.kind !== 'S');
}

function checkTypeNameFree(cat: Catalog, ns: number, name: string): void {
  if (typeNameTaken(cat, ns, name)) throw new PgError(SQLSTATE.duplicate_object, `type "${name}" already exists`);
}

export function createEnum(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const qn = qualName(n.typeName);
  const name = truncateIdentifier(qn.name);
  const ns = creationNamespace(txn.catalog, session.searchPath(), { schema: qn.schema, name }, undefined, () => tempNamespace(session, true) as number);
  checkCreateInNamespace(session, ns);
  checkTypeNameFree(txn.catalog, ns, name);
  const labels = ((n.vals ?? []) as AnyNode[]).map((v) => v.String.sval as string);
  const seen = new Set<string>();
  for (const l of labels) {
    if (Buffer.byteLength(l) > 63) {
      throw new PgError(SQLSTATE.invalid_name, `invalid enum label "${l}"`, { detail: 'Labels must be 63 bytes or less.' });
    }
    if (seen.has(l)) throw new PgError(SQLSTATE.duplicate_object, `enum label "${l}" used more than once`);
    seen.add(l);
  }
  const cat = txn.catalogForWrite();
  const oid = session.db.newOid();
  const arr = session.db.newOid();
  cat.putType({ oid, name, namespace: ns, kind: 'e', owner: session.currentUser(), arrayType: arr, enumInfo: { labels: labels.map((label, i) => ({ label, sortOrder: i + 1, oid: session.db.newOid() })) } });
  cat.putType({ oid: arr, name: '_' + name, namespace: ns, kind: 'b', owner: session.currentUser(), elementType: oid });
  return commandResult('CREATE TYPE');
}

function findType(session: Session, cat: Catalog, names: AnyNode[]): UserTypeDef {
  const parts = names.map((x) => x.String.sval as string);
  const oid = lookupTypeName(cat, session.searchPath(), parts);
  const t = oid === undefined ? undefined : cat.types.get(oid);
  if (!t) throw new PgError(SQLSTATE.undefined_object, `type "${parts.join('.')}" does not exist`);
  return t;
}

export function alterEnum(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const t = findType(session, txn.catalog, n.typeName);
  if (t.kind !== 'e' || !t.enumInfo) throw new PgError(SQLSTATE.wrong_object_type, `"${t.name}" is not an enum`);
  checkOwner(txn.catalog, session.currentUser(), t.owner, 'type', formatType(txn.catalog, t.oid));
  const labels = [...t.enumInfo.labels];
  if (n.oldVal) {
    const i = labels.findIndex((l) => l.label === n.oldVal);
    if (i < 0) throw new PgError(SQLSTATE.invalid_parameter_value, `"${n.oldVal}" is not an existing enum label`);
    if (labels.some((l) => l.label === n.newVal)) throw new PgError(SQLSTATE.duplicate_object, `enum label "${n.newVal}" already exists`);
    labels[i] = { ...labels[i], label: n.newVal };
  } else {
    const v = n.newVal as string;
    if (labels.some((l) => l.label === v)) {
      if (n.skipIfNewValExists) {
        session.notice(new PgError(SQLSTATE.duplicate_object, `enum label "${v}" already exists, skipping`, { severity: 'NOTICE' }));
        return commandResult('ALTER TYPE');
      }
      throw new PgError(SQLSTATE.duplicate_object, `enum label "${v}" already exists`);
    }
    const sorted = [...labels].sort((a, b) => a.sortOrder - b.sortOrder);
    let order: number;
    if (n.newValNeighbor) {
      const i = sorted.findIndex((l) => l.label === n.newValNeighbor);
      if (i < 0) throw new PgError(SQLSTATE.invalid_parameter_value, `"${n.newValNeighbor}" is not an existing enum label`);
      if (n.newValIsAfter) order = i + 1 < sorted.length ? (sorted[i].sortOrder + sorted[i + 1].sortOrder) / 2 : sorted[i].sortOrder + 1;
      else order = i > 0 ? (sorted[i - 1].sortOrder + sorted[i].sortOrder) / 2 : sorted[i].sortOrder - 1;
    } else order = (sorted[sorted.length - 1]?.sortOrder ?? 0) + 1;
    labels.push({ label: v, sortOrder: order, oid: session.db.newOid() });
  }
  const cat = txn.catalogForWrite();
  cat.putType({ ...t, enumInfo: { labels } });
  return commandResult('ALTER TYPE');
}

/** A one-column stand-in relation so `VALUE` in a domain CHECK analyzes as column 1. */
function valueRelation(base: number, typmod: number): RelationDef {
  return { oid: 0, name: 'value', namespace: 0, kind: 'r', persistence: 'p', owner: '', filenode: 0, rowType: 0, columns: [{ name: 'value', attnum: 1, type: base, typmod, notNull: false }] };
}

export function createDomain(session: Session, n: AnyNode, sql: string): StatementResult {
  const txn = session.transaction();
  const qn = qualName(n.domainname);
  const name = truncateIdentifier(qn.name);
  const ns = creationNamespace(txn.catalog, session.searchPath(), { schema: qn.schema, name }, undefined, () => tempNamespace(session, true) as number);
  checkCreateInNamespace(session, ns);
  checkTypeNameFree(txn.catalog, ns, name);
  const cat = txn.catalogForWrite();
  const { oid: baseType, typmod } = resolveTypeName(cat, session.searchPath(), n.typeName, (l) => (l !== undefined && l >= 0 ? String(charOffset(sql, l) + 1) : undefined), (w) => session.notice(w));
  const bt = typeInfo(cat, baseType);
  const posOf = (loc: number | undefined) => ({ position: loc !== undefined && loc >= 0 ? String(charOffset(sql, loc) + 1) : undefined });
  if (bt.typtype === 'p') throw new PgError(SQLSTATE.datatype_mismatch, `"${bt.name}" is not a valid base type for a domain`, posOf(n.typeName?.location));
  if (n.collClause && !isCollatable(cat, baseType)) {
    throw new PgError(SQLSTATE.datatype_mismatch, `collations are not supported by type ${formatType(cat, baseType)}`, posOf(n.typeName?.location));
  }
  const info: { -readonly [K in keyof DomainInfo]: DomainInfo[K] } = { baseType, baseTypmod: typmod, notNull: false, checks: [] };
  if (n.collClause) {
    const parts = (n.collClause.collname as AnyNode[]).map((x) => x.String.sval as string);
    const coll = resolveCollationName(cat, session.searchPath(), parts);
    if (coll === undefined) throw new PgError(SQLSTATE.undefined_object, `collation "${parts.join('.')}" for encoding "UTF8" does not exist`, posOf(n.collClause.location));
    info.collation = coll;
  }
  const taken = new Set<string>();
  const checks: DomainInfo['checks'][number][] = [];
  const checkNodes: AnyNode[] = [];
  // DefineDomain: the constraint list is checked in order; CHECK expressions are analyzed after.
  let nullDefined = false;
  let sawDefault = false;
  for (const c of (n.constraints ?? []) as AnyNode[]) {
    const con = c.Constraint;
    const at = () => posOf(con.location);
    switch (con.contype) {
      case 'CONSTR_NOTNULL':
        if (nullDefined) {
          if (!info.notNull) throw new PgError(SQLSTATE.syntax_error, 'conflicting NULL/NOT NULL constraints', at());
          throw new PgError(SQLSTATE.invalid_object_definition, 'redundant NOT NULL constraint definition', at());
        }
        if (con.is_no_inherit) throw new PgError(SQLSTATE.invalid_object_definition, 'not-null constraints for domains cannot be marked NO INHERIT', at());
        info.notNull = true;
        info.notNullName = con.conname ?? `${name}_not_null`;
        nullDefined = true;
        break;
      case 'CONSTR_NULL':
        if (nullDefined && info.notNull) throw new PgError(SQLSTATE.syntax_error, 'conflicting NULL/NOT NULL constraints', at());
        nullDefined = true;
        break;
      case 'CONSTR_DEFAULT':
        if (sawDefault) throw new PgError(SQLSTATE.syntax_error, 'multiple default expressions', at());
        sawDefault = true;
        info.default = analyzeTableExpr(session, cat, valueRelation(baseType, typmod), con.raw_expr, 'default', sql, { type: baseType, typmod, column: name });
        break;
      case 'CONSTR_CHECK':
        if (con.is_no_inherit) throw new PgError(SQLSTATE.invalid_object_definition, 'check constraints for domains cannot be marked NO INHERIT', at());
        checkNodes.push(con);
        break;
      case 'CONSTR_UNIQUE':
        throw new PgError(SQLSTATE.syntax_error, 'unique constraints not possible for domains', at());
      case 'CONSTR_PRIMARY':
        throw new PgError(SQLSTATE.syntax_error, 'primary key constraints not possible for domains', at());
      case 'CONSTR_EXCLUSION':
        throw new PgError(SQLSTATE.syntax_error, 'exclusion constraints not possible for domains', at());
      case 'CONSTR_FOREIGN':
        throw new PgError(SQLSTATE.syntax_error, 'foreign key constraints not possible for domains', at());
      case 'CONSTR_ATTR_DEFERRABLE':
      case 'CONSTR_ATTR_NOT_DEFERRABLE':
      case 'CONSTR_ATTR_DEFERRED':
      case 'CONSTR_ATTR_IMMEDIATE':
        throw new PgError(SQLSTATE.feature_not_supported, 'specifying constraint deferrability not supported for domains', at());
      case 'CONSTR_GENERATED':
      case 'CONSTR_IDENTITY':
        throw new PgError(SQLSTATE.feature_not_supported, 'specifying GENERATED not supported for domains', at());
      case 'CONSTR_ATTR_ENFORCED':
      case 'CONSTR_ATTR_NOT_ENFORCED':
        throw new PgError(SQLSTATE.invalid_object_definition, 'specifying constraint enforceability not supported for domains', at());
      default:
        throw featureNotSupported(`domain constraint ${con.contype}`, con.location);
    }
  }
  for (const con of checkNodes) {
    const e = analyzeTableExpr(session, cat, valueRelation(baseType, typmod), con.raw_expr, 'check', sql);
    const cname = con.conname ?? chooseName(cat, ns, name, undefined, 'check', taken, false);
    checks.push({ oid: session.db.newOid(), name: cname, expr: e, validated: true });
  }
  info.checks = checks;
  const oid = session.db.newOid();
  const arr = session.db.newOid();
  cat.putType({ oid, name, namespace: ns, kind: 'd', owner: session.currentUser(), arrayType: arr, domain: info });
  cat.putType({ oid: arr, name: '_' + name, namespace: ns, kind: 'b', owner: session.currentUser(), elementType: oid });
  return commandResult('CREATE DOMAIN');
}

export function alterDomain(session: Session, n: AnyNode, sql: string): StatementResult {
  const txn = session.transaction();
  const t = findType(session, txn.catalog, n.typeName);
  if (t.kind !== 'd' || !t.domain) throw new PgError(SQLSTATE.wrong_object_type, `"${t.name}" is not a domain`);
  checkOwner(txn.catalog, session.currentUser(), t.owner, 'type', formatType(txn.catalog, t.oid));
  const cat = txn.catalogForWrite();
  const d = t.domain;
  let next: DomainInfo = d;
  switch (n.subtype) {
    case 'T':
      next = { ...d, default: n.def ? analyzeTableExpr(session, cat, valueRelation(d.baseType, d.baseTypmod), n.def, 'default', sql, { type: d.baseType, typmod: d.baseTypmod, column: t.name }) : undefined };
      break;
    case 'N':
      next = { ...d, notNull: false, notNullName: undefined };
      break;
    case 'O':
      next = domainSetNotNull(session, cat, t, undefined);
      break;
    case 'C': {
      const con = n.def.Constraint;
      if (con.contype === 'CONSTR_NOTNULL') {
        if (con.skip_validation) throw new PgError(SQLSTATE.feature_not_supported, 'NOT NULL constraints cannot be marked NOT VALID', { position: con.location >= 0 ? String(charOffset(sql, con.location) + 1) : undefined });
        next = domainSetNotNull(session, cat, t, con.conname);
        break;
      }
      if (con.contype !== 'CONSTR_CHECK') throw featureNotSupported(`ALTER DOMAIN ADD of constraint type ${con.contype}`);
      const e = analyzeTableExpr(session, cat, valueRelation(d.baseType, d.baseTypmod), con.raw_expr, 'check', sql);
      const cname = con.conname ?? chooseName(cat, t.namespace, t.name, undefined, 'check', new Set(d.checks.map((c) => c.name)), false);
      if (d.checks.some((c) => c.name === cname)) throw new PgError(SQLSTATE.duplicate_object, `constraint "${cname}" for domain "${t.name}" already exists`);
      if (!con.skip_validation) {
        const f = compileExpr(e.expr, { depth: 0, offsets: [0] });
        const ctx = makeExecContext(session, []);
        checkDomainUsers(session, cat, t, (v) => f([v], ctx) !== false, (table, col) => new PgError(SQLSTATE.check_violation, `column "${col}" of table "${table.name}" contains values that violate the new constraint`, { schema: cat.namespaceName(table.namespace), table: table.name, column: col }));
      }
      next = { ...d, checks: [...d.checks, { oid: session.db.newOid(), name: cname, expr: e, validated: !con.skip_validation }] };
      break;
    }
    case 'X': {
      if (d.notNull && (d.notNullName ?? `${t.name}_not_null`) === n.name) {
        next = { ...d, notNull: false, notNullName: undefined };
        break;
      }
      const exists = d.checks.some((c) => c.name === n.name);
      if (!exists) {
        if (n.missing_ok) {
          session.notice(new PgError(SQLSTATE.successful_completion, `constraint "${n.name}" of domain "${t.name}" does not exist, skipping`, { severity: 'NOTICE' }));
          return commandResult('ALTER DOMAIN');
        }
        throw new PgError(SQLSTATE.undefined_object, `constraint "${n.name}" of domain "${t.name}" does not exist`);
      }
      next = { ...d, checks: d.checks.filter((c) => c.name !== n.name) };
      break;
    }
    case 'V': {
      // VALIDATE CONSTRAINT: a NOT VALID check is checked against the stored values, then marked valid.
      const c = d.checks.find((x) => x.name === n.name);
      if (!c) {
        if (d.notNull && (d.notNullName ?? `${t.name}_not_null`) === n.name) {
          throw new PgError(SQLSTATE.wrong_object_type, `constraint "${n.name}" of domain "${t.name}" is not a check constraint`);
        }
        throw new PgError(SQLSTATE.undefined_object, `constraint "${n.name}" of domain "${t.name}" does not exist`);
      }
      const f = compileExpr(c.expr.expr, { depth: 0, offsets: [0] });
      const ctx = makeExecContext(session, []);
      checkDomainUsers(session, cat, t, (v) => f([v], ctx) !== false, (table, col) => new PgError(SQLSTATE.check_violation, `column "${col}" of table "${table.name}" contains values that violate the new constraint`, { schema: cat.namespaceName(table.namespace), table: table.name, column: col }));
      next = { ...d, checks: d.checks.map((x) => (x === c ? { ...x, validated: true } : x)) };
      break;
    }
    default:
      throw featureNotSupported(`ALTER DOMAIN (${n.subtype})`);
  }
  cat.putType({ ...t, domain: next });
  return commandResult('ALTER DOMAIN');
}

/**
 * ALTER DOMAIN SET NOT NULL / ADD [CONSTRAINT name] NOT NULL: nothing when the domain is already
 * NOT NULL; otherwise every stored value is checked first.
 */
function domainSetNotNull(session: Session, cat: Catalog, t: UserTypeDef, name: string | undefined): DomainInfo {
  const d = t.domain as DomainInfo;
  if (d.notNull) return d;
  checkDomainUsers(session, cat, t, (v) => v !== null, (table, col) => new PgError(SQLSTATE.not_null_violation, `column "${col}" of table "${table.name}" contains null values`, { schema: cat.namespaceName(table.namespace), table: table.name, column: col }));
  return { ...d, notNull: true, notNullName: name ?? `${t.name}_not_null` };
}

/** Checks every stored value of every column of the domain's type. */
function checkDomainUsers(session: Session, cat: Catalog, t: UserTypeDef, ok: (v: Value) => boolean, fail: (table: RelationDef, col: string) => PgError): void {
  const txn = session.transaction();
  // get_rels_with_domain: columns of the domain, and of domains over it.
  const overDomain = (oid: number): boolean => {
    for (let u = cat.types.get(oid); u; u = u.kind === 'd' && u.domain ? cat.types.get(u.domain.baseType) : undefined) if (u.oid === t.oid) return true;
    return false;
  };
  // A container of it (an array, a composite type, a domain over those) stored in a column is
  // refused outright, as Postgres does not look inside (find_composite_type_dependencies).
  const memo = new Map<number, boolean>();
  const container = (oid: number): boolean => {
    const known = memo.get(oid);
    if (known !== undefined) return known;
    memo.set(oid, false); // (a composite type that contains itself through an array stops here)
    const u = cat.types.get(oid);
    const uses = (x: number) => overDomain(x) || container(x);
    const result = !!u && !overDomain(oid) && ((u.elementType !== undefined && uses(u.elementType)) || (u.kind === 'c' && u.relation !== undefined && (cat.relations.get(u.relation)?.columns ?? []).some((c) => !c.dropped && uses(c.type))) || (u.kind === 'd' && u.domain !== undefined && container(u.domain.baseType)));
    memo.set(oid, result);
    return result;
  };
  for (const r of cat.relations.values()) {
    if (r.kind !== 'r' && r.kind !== 'm' && r.kind !== 'p') continue;
    const c = r.columns.find((x) => !x.dropped && container(x.type));
    if (c) throw new PgError(SQLSTATE.feature_not_supported, `cannot alter type "${t.name}" because column "${r.name}.${c.name}" uses it`);
  }
  for (const r of cat.relations.values()) {
    if (r.kind !== 'r') continue;
    for (const c of r.columns) {
      if (c.dropped || !overDomain(c.type)) continue;
      for (const tup of txn.heap(r).all()) {
        if (!txn.visible(tup)) continue;
        const v = tup.values[c.attnum - 1] ?? c.missing ?? null;
        if (!ok(v)) throw fail(r, c.name);
      }
    }
  }
}

export function dropTypes(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const isDomain = n.removeType === 'OBJECT_DOMAIN';
  const word = isDomain ? 'DOMAIN' : 'TYPE';
  for (const obj of n.objects as AnyNode[]) {
    const names = (obj.TypeName?.names ?? obj.List?.items) as AnyNode[];
    const parts = names.map((x) => x.String.sval as string);
    if (schemaMissingSkips(session, txn.catalog, parts, !!n.missing_ok)) continue;
    const oid = lookupTypeName(txn.catalog, session.searchPath(), parts);
    const t = oid === undefined ? undefined : txn.catalog.types.get(oid);
    if (!t && oid !== undefined && oid < FIRST_NORMAL_OID) {
      // Built-in types are pinned (dependency.c: "required by the database system").
      const shown = formatType(txn.catalog, oid);
      if (isDomain) throw new PgError(SQLSTATE.wrong_object_type, `"${shown}" is not a domain`);
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop type ${shown} because it is required by the database system`);
    }
    if (!t) {
      if (n.missing_ok) {
        session.notice(new PgError(SQLSTATE.successful_completion, `type "${parts.join('.')}" does not exist, skipping`, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_object, `type "${parts.join('.')}" does not exist`);
    }
    if (isDomain && t.kind !== 'd') throw new PgError(SQLSTATE.wrong_object_type, `"${t.name}" is not a domain`);
    checkDropOwner(txn.catalog, session.currentUser(), t.owner, t.namespace, 'type', formatType(txn.catalog, t.oid));
    const compRel = t.kind === 'c' && t.relation !== undefined ? txn.catalog.relations.get(t.relation) : undefined;
    if (t.kind === 'c' && compRel && compRel.kind !== 'c') {
      const word = compRel.kind === 'v' ? 'view' : compRel.kind === 'm' ? 'materialized view' : 'table';
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop type ${t.name} because ${word} ${compRel.name} requires it`, { hint: `You can drop ${word} ${compRel.name} instead.` });
    }
    // A multirange or array type goes with the type it was made for (pg_depend 'i').
    const owning = t.kind === 'm' ? [...txn.catalog.types.values()].find((r) => r.range?.multirange === t.oid) : t.elementType !== undefined ? txn.catalog.types.get(t.elementType) : undefined;
    if (owning && (t.kind === 'm' || owning.arrayType === t.oid)) {
      const shown = (x: UserTypeDef) => formatType(txn.catalog, x.oid);
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop type ${shown(t)} because type ${shown(owning)} requires it`, { hint: `You can drop type ${shown(owning)} instead.` });
    }
    const cat = txn.catalogForWrite();
    const sp = session.searchPath();
    const { relName, typName } = dependentNames(cat, sp);
    const dropTable = (r: RelationDef) => dropRelation(session, cat, cat.relation(r.oid), new Set([r.oid]));
    const deps = t.kind === 'r'
      ? rangeDependents(cat, t, relName, (y) => `type ${typName(y)}`, (f) => routineSignature(cat, f, sp), dropTable)
      : typeDependents(cat, t, compRel?.oid, relName, (x) => `type ${typName(x)}`, (f) => routineSignature(cat, f, sp), dropTable);
    if (deps.length) {
      const all = flattenDependents(deps);
      if (n.behavior !== 'DROP_CASCADE') {
        throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop type ${typName(t)} because other objects depend on it`, {
          detail: all.map((d) => `${d.label} depends on ${d.on}`).join('\n'),
          hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
        });
      }
      if (all.some((d) => !d.supported)) throw featureNotSupported(`DROP ${word} ... CASCADE with dependent columns`);
      if (all.length === 1) session.notice(new PgError(SQLSTATE.successful_completion, `drop cascades to ${all[0].label}`, { severity: 'NOTICE' }));
      else session.notice(new PgError(SQLSTATE.successful_completion, `drop cascades to ${all.length} other objects`, { severity: 'NOTICE', detail: all.map((d) => `drop cascades to ${d.label}`).join('\n') }));
      // Dependents of dependents go first (a domain's columns before the domain).
      for (const d of [...all].reverse()) d.drop();
    }
    if (t.kind === 'r') removeRangeType(cat, t);
    else {
      if (t.arrayType !== undefined) cat.removeType(t.arrayType);
      cat.removeType(t.oid);
    }
    if (compRel) cat.removeRelation(compRel.oid);
  }
  return commandResult(`DROP ${word}`);
}

/**
 * What depends on a table's row type (DROP TABLE reaches them through it): other relations'
 * columns of that type, domains over it, routines taking or returning it, in the order Postgres
 * reports them, with the OID of the routine, relation or domain.
 */
export function rowTypeDependents(session: Session, cat: Catalog, rel: RelationDef): { oid: number; label: string; on: string; drop: () => void }[] {
  const t = cat.types.get(rel.rowType);
  if (!t) return [];
  const sp = session.searchPath();
  const { relName, typName } = dependentNames(cat, sp);
  const deps = flattenDependents(typeDependents(cat, t, rel.oid, relName, (x) => `type ${typName(x)}`, (f) => routineSignature(cat, f, sp)));
  return deps.map((d) => ({
    oid: d.oid,
    label: d.label,
    on: d.on,
    drop: d.supported ? d.drop : () => {
      throw featureNotSupported(`DROP TABLE ... CASCADE with ${d.label} using its row type`);
    },
  }));
}

/** Relation and type names as dependency messages print them: schema-qualified when not visible. */
function dependentNames(cat: Catalog, sp: readonly string[]): { relName: (r: RelationDef) => string; typName: (t: UserTypeDef) => string } {
  return {
    relName: (r) => (lookupRelation(cat, sp, { name: r.name })?.oid === r.oid ? r.name : `${cat.namespaceName(r.namespace)}.${r.name}`),
    typName: (x) => (lookupTypeName(cat, sp, [x.name]) === x.oid ? x.name : `${cat.namespaceName(x.namespace)}.${x.name}`),
  };
}

/** An object that depends on a type being dropped, with what depends on it in turn. */
interface TypeDependent {
  /** The routine, the relation of the column, or the domain. */
  readonly oid: number;
  /** Dependents are reported in the order their dependencies were made (OIDs approximate it). */
  readonly order: readonly number[];
  readonly label: string;
  /** What it depends on, as the RESTRICT error's DETAIL names it. */
  readonly on: string;
  /** False for dependents a cascade cannot drop yet (views). */
  readonly supported: boolean;
  readonly drop: () => void;
  readonly children: readonly TypeDependent[];
}

/**
 * What depends on type `t`: columns and routines using it or its array type (those through the
 * array first, as Postgres reaches them through the array type), and domains over it with their
 * own dependents.
 */
function typeDependents(
  cat: Catalog,
  t: UserTypeDef,
  skipRel: number | undefined,
  relName: (r: RelationDef) => string,
  typeLabel: (x: UserTypeDef) => string,
  routine: (f: FunctionDef) => string,
  dropTable?: (r: RelationDef) => void,
): TypeDependent[] {
  const out: TypeDependent[] = [];
  for (const viaArray of [true, false]) {
    const target = viaArray ? t.arrayType : t.oid;
    if (target === undefined) continue;
    const on = viaArray ? `${typeLabel(t)}[]` : typeLabel(t);
    const group = (own: number) => (viaArray ? [target, own] : [own, 0]);
    for (const r of cat.relations.values()) {
      if (r.oid === skipRel) continue;
      for (const c of [...r.columns].reverse()) {
        if (c.dropped || c.type !== target) continue;
        const word = r.kind === 'c' ? 'composite type' : r.kind === 'v' ? 'view' : 'table';
        out.push({ oid: r.oid, order: [...group(r.oid), -c.attnum], label: `column ${c.name} of ${word} ${relName(r)}`, on, supported: r.kind === 'r' || r.kind === 'c', drop: () => dropColumnForType(cat, r.oid, c.attnum), children: [] });
      }
    }
    // Typed tables (CREATE TABLE ... OF the type).
    for (const r of cat.relations.values()) {
      if (viaArray || r.ofType !== target) continue;
      out.push({ oid: r.oid, order: [...group(r.oid), 0], label: `table ${relName(r)}`, on, supported: !!dropTable, drop: () => dropTable?.(r), children: [] });
    }
    for (const d of cat.types.values()) {
      if (d.kind !== 'd' || d.domain?.baseType !== target) continue;
      out.push({
        oid: d.oid,
        order: [...group(d.oid), 0],
        label: typeLabel(d),
        on,
        supported: true,
        drop: () => {
          if (d.arrayType !== undefined) cat.removeType(d.arrayType);
          cat.removeType(d.oid);
        },
        children: typeDependents(cat, d, undefined, relName, typeLabel, routine),
      });
    }
    // Range types over it (their constructors, multirange and array types go with them).
    for (const r of cat.types.values()) {
      if (r.kind !== 'r' || r.range?.subtype !== target) continue;
      out.push({ oid: r.oid, order: [...group(r.oid), 0], label: typeLabel(r), on, supported: true, drop: () => removeRangeType(cat, r), children: rangeDependents(cat, r, relName, typeLabel, routine, dropTable) });
    }
    for (const f of cat.functions.values()) {
      // A range type's constructors are reached through the range type (above).
      if (f.constructsType !== undefined && cat.types.get(f.constructsType)?.range?.subtype === target) continue;
      if (f.returnType !== target && !f.params.some((p) => p.type === target)) continue;
      out.push({ oid: f.oid, order: [...group(f.oid), 0], label: `${f.kind === 'p' ? 'procedure' : 'function'} ${routine(f)}`, on, supported: true, drop: () => cat.removeFunction(f.oid), children: [] });
    }
  }
  // A routine using both the type and its array is one dependent (reached through the array first).
  const seen = new Set<string>();
  return out
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2])
    .filter((d) => (seen.has(d.label) ? false : (seen.add(d.label), true)));
}

/**
 * What depends on range type `r`: its own dependents and its multirange type's (reached through
 * it, grouped under it as an array type's are), not the constructors created with it.
 */
function rangeDependents(
  cat: Catalog,
  r: UserTypeDef,
  relName: (x: RelationDef) => string,
  typeLabel: (x: UserTypeDef) => string,
  routine: (f: FunctionDef) => string,
  dropTable?: (x: RelationDef) => void,
): TypeDependent[] {
  const own = (x: UserTypeDef) => typeDependents(cat, x, undefined, relName, typeLabel, routine, dropTable).filter((d) => cat.functions.get(d.oid)?.constructsType !== r.oid);
  const multi = r.range ? cat.types.get(r.range.multirange) : undefined;
  if (!multi) return own(r);
  const byOrder = (a: TypeDependent, b: TypeDependent) => {
    for (let i = 0; i < Math.max(a.order.length, b.order.length); i++) if ((a.order[i] ?? 0) !== (b.order[i] ?? 0)) return (a.order[i] ?? 0) - (b.order[i] ?? 0);
    return 0;
  };
  return [...own(r), ...own(multi).map((d) => ({ ...d, order: [multi.oid, ...d.order] }))].sort(byOrder);
}

/** Removes a range type with what was created with it: constructors, multirange and array types. */
function removeRangeType(cat: Catalog, r: UserTypeDef): void {
  for (const f of [...cat.functions.values()]) if (f.constructsType === r.oid) cat.removeFunction(f.oid);
  for (const x of [r, r.range ? cat.types.get(r.range.multirange) : undefined]) {
    if (x?.arrayType !== undefined) cat.removeType(x.arrayType);
    if (x) cat.removeType(x.oid);
  }
}

/** Dependents in the order Postgres reports them: each followed by its own dependents. */
function flattenDependents(deps: readonly TypeDependent[], out: TypeDependent[] = []): TypeDependent[] {
  for (const d of deps) {
    if (out.some((o) => o.label === d.label)) continue;
    out.push(d);
    flattenDependents(d.children, out);
  }
  return out;
}

/** DROP TYPE ... CASCADE: a column of the dropped type goes (its constraints with it). */
function dropColumnForType(cat: Catalog, relOid: number, attnum: number): void {
  const rel = cat.relation(relOid);
  for (const k of cat.relationConstraints(relOid)) if (k.columns.includes(attnum)) cat.removeConstraint(k.oid);
  cat.putRelation({
    ...rel,
    columns: rel.columns.map((c) => (c.attnum === attnum ? { ...c, dropped: true, name: `........pg.dropped.${attnum}........`, notNull: false, default: undefined, generated: undefined, identity: undefined } : c)),
  });
}

/** pg_type.typcollation != 0: string types, and domains and arrays over them. */
function isCollatable(cat: Catalog, oid: number): boolean {
  let info = typeInfo(cat, oid);
  while (info.typtype === 'd' && info.baseType !== undefined) info = typeInfo(cat, info.baseType);
  if (info.category === 'A' && info.elem !== undefined) return isCollatable(cat, info.elem);
  return info.category === 'S';
}

/** ALTER DOMAIN name RENAME CONSTRAINT old TO new (Postgres's RenameConstraint for domains). */
export function renameDomainConstraint(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const names = (n.object?.List?.items ?? []) as AnyNode[];
  const parts = names.map((x) => x.String.sval as string);
  const oid = lookupTypeName(txn.catalog, session.searchPath(), parts);
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `type "${parts.join('.')}" does not exist`);
  const t = txn.catalog.types.get(oid);
  if (!t || t.kind !== 'd' || !t.domain) throw new PgError(SQLSTATE.wrong_object_type, `${formatType(txn.catalog, oid)} is not a domain`);
  const d = t.domain;
  const shown = formatType(txn.catalog, oid);
  const oldName = n.subname as string;
  const newName = truncateIdentifier(n.newname as string);
  const notNullName = d.notNull ? (d.notNullName ?? `${t.name}_not_null`) : undefined;
  const exists = (x: string) => x === notNullName || d.checks.some((c) => c.name === x);
  if (!exists(oldName)) throw new PgError(SQLSTATE.undefined_object, `constraint "${oldName}" for domain ${shown} does not exist`);
  if (exists(newName)) throw new PgError(SQLSTATE.duplicate_object, `constraint "${newName}" for domain ${shown} already exists`);
  const next: DomainInfo = oldName === notNullName ? { ...d, notNullName: newName } : { ...d, checks: d.checks.map((c) => (c.name === oldName ? { ...c, name: newName } : c)) };
  txn.catalogForWrite().putType({ ...t, domain: next });
  return commandResult('ALTER DOMAIN');
}
