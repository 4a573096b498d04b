/**
 * The deparsing functions clients call on catalog rows: format_type, pg_get_expr,
 * pg_get_constraintdef, pg_get_indexdef.
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c, format_type.c.
 */
import { fn } from '../registry.js';
import { OID } from '../../types/oids.js';
import { deparseExpr, Unprintable } from '../../catalog/deparse.js';
import { resolveNodeTree } from '../../catalog/ruleutils/node-tree.js';
import { partitionBoundTree } from '../../catalog/partition.js';
import { deparseContextFor, qualifiedRelationName, relationName } from '../../catalog/ruleutils/context.js';
import { constraintDef, domainCheckDef } from '../../catalog/ruleutils/constraintdef.js';
import { indexDef } from '../../catalog/ruleutils/indexdef.js';
import { formatTypeName } from '../../catalog/ruleutils/format-type.js';
import { findDomainConstraint } from '../../catalog/system/pg-constraint.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { viewDefinition } from '../../catalog/ruleutils/viewdef.js';
import { relationExprText } from '../../catalog/ruleutils/querydef.js';
import { userRuleDefinition } from '../../catalog/ruleutils/ruledef.js';
import { regInput } from '../../analyze/regclass.js';
import type { Value } from '../../types/values.js';
import { baseTypeOf, typeExists } from '../../types/registry.js';

const S = { volatility: 's' as const };

fn('format_type', [OID.oid, OID.int4], OID.text, (a, rt) => {
  if (a[0] === null) return null;
  return formatTypeName(rt.session.catalog(), rt.session.searchPath(), a[0] as number, a[1] === null ? null : (a[1] as number));
}, { ...S, strict: false });

function getExpr(rt: ExprRuntime, tree: Value, pretty: boolean): Value {
  const cat = rt.session.catalog();
  const bound = partitionBoundTree(cat, tree as string);
  if (bound !== undefined) return bound;
  const r = resolveNodeTree(cat, tree as string);
  if (!r) return null;
  const ctx = deparseContextFor(cat, rt.session, r.relation, { pretty, domainValue: r.domain });
  if (r.subqueries && r.relation && !pretty) {
    const rel = r.relation;
    try {
      return r.exprs.map((e) => relationExprText(cat, rt.session, rel, e.expr)).join(', ');
    } catch (err) {
      if (!(err instanceof Unprintable)) throw err;
    }
  }
  return r.exprs.map((e) => deparseExpr({ ...ctx, fallback: e.text }, e.expr)).join(', ');
}
fn('pg_get_expr', [OID.pg_node_tree, OID.oid], OID.text, (a, rt) => getExpr(rt, a[0], false), S);
fn('pg_get_expr', [OID.pg_node_tree, OID.oid, OID.bool], OID.text, (a, rt) => getExpr(rt, a[0], a[2] as boolean), S);

function getConstraintDef(rt: ExprRuntime, oid: number, pretty: boolean): Value {
  const cat = rt.session.catalog();
  const c = cat.constraints.get(oid);
  if (c) return constraintDef(cat, rt.session, c, pretty);
  const d = findDomainConstraint(cat, oid);
  if (!d) return null;
  return d.check ? domainCheckDef(cat, rt.session, d.check, pretty) : 'NOT NULL';
}
fn('pg_get_constraintdef', [OID.oid], OID.text, (a, rt) => getConstraintDef(rt, a[0] as number, false), S);
fn('pg_get_constraintdef', [OID.oid, OID.bool], OID.text, (a, rt) => getConstraintDef(rt, a[0] as number, a[1] as boolean), S);

function getIndexDef(rt: ExprRuntime, oid: number, column: number, pretty: boolean): Value {
  const cat = rt.session.catalog();
  const r = cat.relations.get(oid);
  return r?.index ? indexDef(cat, rt.session, r, column, pretty) : null;
}
fn('pg_get_indexdef', [OID.oid], OID.text, (a, rt) => getIndexDef(rt, a[0] as number, 0, false), S);
fn('pg_get_indexdef', [OID.oid, OID.int4, OID.bool], OID.text, (a, rt) => getIndexDef(rt, a[0] as number, a[1] as number, a[2] as boolean), S);

function getViewDef(rt: ExprRuntime, oid: number, pretty: boolean, wrap = 0): Value {
  const cat = rt.session.catalog();
  const r = cat.relations.get(oid);
  return r?.view ? viewDefinition(cat, rt.session, r, pretty, wrap) : null;
}
fn('pg_get_viewdef', [OID.oid], OID.text, (a, rt) => getViewDef(rt, a[0] as number, false), S);
fn('pg_get_viewdef', [OID.oid, OID.bool], OID.text, (a, rt) => getViewDef(rt, a[0] as number, a[1] as boolean), S);
fn('pg_get_viewdef', [OID.oid, OID.int4], OID.text, (a, rt) => getViewDef(rt, a[0] as number, true, a[1] as number), S);
fn('pg_get_viewdef', [OID.text], OID.text, (a, rt) => getViewDef(rt, regInput(OID.regclass)!(rt, a[0] as string), false), S);
fn('pg_get_viewdef', [OID.text, OID.bool], OID.text, (a, rt) => getViewDef(rt, regInput(OID.regclass)!(rt, a[0] as string), a[1] as boolean), S);
// Views' _RETURN rules are the only rules here.
function getRuleDef(rt: ExprRuntime, oid: number, pretty: boolean): Value {
  const cat = rt.session.catalog();
  const rule = cat.rules.get(oid);
  if (rule) return userRuleDefinition(cat, rt.session, rule, pretty);
  const view = cat.relations.get(oid - 0x50000000);
  if (!view?.view) return null;
  const def = viewDefinition(cat, rt.session, view, pretty);
  const name = pretty ? relationName(cat, rt.session.searchPath(), view.oid) : qualifiedRelationName(cat, view.oid);
  return def === null ? null : `CREATE RULE "_RETURN" AS\n    ON SELECT TO ${name} DO INSTEAD ${def}`;
}
fn('pg_get_ruledef', [OID.oid], OID.text, (a, rt) => getRuleDef(rt, a[0] as number, false), S);
fn('pg_get_ruledef', [OID.oid, OID.bool], OID.text, (a, rt) => getRuleDef(rt, a[0] as number, a[1] as boolean), S);

// pg_basetype(regtype): a domain's base type (through nested domains), the type itself otherwise,
// NULL for an unknown type OID.
fn('pg_basetype', [OID.regtype], OID.regtype, (a, rt) => {
  const cat = rt.session.catalog();
  const oid = a[0] as number;
  if (!typeExists(cat, oid)) return null;
  return baseTypeOf(cat, oid);
}, S);
