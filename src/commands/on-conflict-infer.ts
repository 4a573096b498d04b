/**
 * ON CONFLICT arbiter inference: the inference clause is analyzed like Postgres's parser does
 * (columns and expressions against the target, with COLLATE / operator class; the WHERE of a
 * partial index; ON CONSTRAINT), then matched against the table's indexes like the planner's
 * infer_arbiter_indexes: the plain columns must equal the index's as a set, every expression of
 * the index must be named, a named collation / operator class must be that of some index column,
 * and a partial index's predicate must be implied by the WHERE given.
 *
 * Postgres counterpart: parser/parse_clause.c (transformOnConflictArbiter,
 * resolve_unique_index_expr), optimizer/util/plancat.c (infer_arbiter_indexes,
 * infer_collation_opclass_match), optimizer/util/predtest.c (predicate_implied_by).
 * Known gaps: predicate implication knows conjunctions, disjunctions and comparisons of one
 * expression with numeric constants only; operator classes match by name (the type's default
 * class is `<type>_ops`).
 */
import type { ConstraintDef, RelationDef } from '../catalog/objects.js';
import type { Catalog } from '../catalog/catalog.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ParseState } from '../analyze/parse-state.js';
import { coerceToBoolean, transformExpr } from '../analyze/expr.js';
import { exprEqual } from '../analyze/select.js';
import type { Expr } from '../nodes/primnodes.js';
import { typeInfo } from '../types/registry.js';

type AnyNode = Record<string, any>;

/** One element of `ON CONFLICT (...)`: a column or expression, with what it requires of the index column. */
interface InferenceElem {
  readonly expr: Expr;
  readonly collation?: string;
  readonly opclass?: string;
}

/** The analyzed arbiter clause. */
export interface ArbiterSpec {
  readonly elems?: readonly InferenceElem[];
  readonly where?: Expr;
  readonly constraint?: ConstraintDef;
}

const lastName = (names: AnyNode[] | undefined): string | undefined => (names?.length ? (names[names.length - 1].String.sval as string) : undefined);

/**
 * Analyzes the arbiter clause in `ps` (the target at range-table index 0 under its alias; for DO
 * UPDATE, EXCLUDED in the range table but not visible, for error hints).
 * @throws 42P10 for ASC/DESC or NULLS FIRST/LAST, 42703 for unknown columns, 42704 for a missing constraint.
 */
export function analyzeArbiter(ps: ParseState, rel: RelationDef, clause: AnyNode): ArbiterSpec {
  const infer = clause.infer as AnyNode | undefined;
  if (!infer) {
    if (clause.action === 'ONCONFLICT_UPDATE') {
      throw new PgError(SQLSTATE.syntax_error, 'ON CONFLICT DO UPDATE requires inference specification or constraint name', {
        hint: 'For example, ON CONFLICT (column_name).',
        position: ps.position(clause.location),
      });
    }
    return {};
  }
  const saved = ps.exprKind;
  let elems: InferenceElem[] | undefined;
  if (infer.indexElems) {
    elems = [];
    for (const e of infer.indexElems as AnyNode[]) {
      const ie = e.IndexElem;
      if (ie.ordering && ie.ordering !== 'SORTBY_DEFAULT') {
        throw new PgError(SQLSTATE.invalid_column_reference, 'ASC/DESC is not allowed in ON CONFLICT clause', { position: ps.position(infer.location) });
      }
      if (ie.nulls_ordering && ie.nulls_ordering !== 'SORTBY_NULLS_DEFAULT') {
        throw new PgError(SQLSTATE.invalid_column_reference, 'NULLS FIRST/LAST is not allowed in ON CONFLICT clause', { position: ps.position(infer.location) });
      }
      // A plain column is a column reference located at the inference clause.
      const raw = ie.expr ?? { ColumnRef: { fields: [{ String: { sval: ie.name } }], location: infer.location } };
      ps.exprKind = 'index';
      const expr = transformExpr(ps, raw);
      elems.push({ expr, collation: lastName(ie.collation), opclass: lastName(ie.opclass) });
    }
  }
  let where: Expr | undefined;
  if (infer.whereClause) {
    ps.exprKind = 'index predicate';
    where = coerceToBoolean(ps, transformExpr(ps, infer.whereClause), 'WHERE');
  }
  ps.exprKind = saved;
  let constraint: ConstraintDef | undefined;
  if (infer.conname) {
    constraint = ps.catalog.relationConstraints(rel.oid).find((c) => c.name === infer.conname);
    if (!constraint) throw new PgError(SQLSTATE.undefined_object, `constraint "${infer.conname}" for table "${rel.name}" does not exist`);
  }
  return { elems, where, constraint };
}

/** A plain column of the target (range-table index 0). */
function targetAttno(e: Expr): number | undefined {
  return e.kind === 'Var' && e.rti === 0 && e.levelsUp === 0 ? e.attno : undefined;
}

/**
 * The indexes that arbitrate (infer_arbiter_indexes).
 * @throws 42P10 `there is no unique or exclusion constraint matching the ON CONFLICT specification`.
 */
export function inferArbiterIndexes(cat: Catalog, rel: RelationDef, spec: ArbiterSpec, action: string): RelationDef[] {
  const indexes = cat.relationIndexes(rel.oid);
  if (!spec.elems && !spec.constraint) {
    // Without a target, DO NOTHING arbitrates on every unique and exclusion index.
    return indexes.filter((i) => i.index!.unique || i.index!.exclusion);
  }
  const inferAttrs = new Set<number>();
  const inferExprs: Expr[] = [];
  const where: Expr | undefined = spec.where;
  if (spec.constraint) {
    const con = spec.constraint;
    if (con.index === undefined) throw new PgError(SQLSTATE.wrong_object_type, 'constraint in ON CONFLICT clause has no associated index');
    // (Postgres 18 arbitrates on the named constraint's index alone; later versions add
    // equivalent unique indexes.)
    const i = cat.relation(con.index);
    if (i.index!.exclusion && action === 'ONCONFLICT_UPDATE') {
      throw new PgError(SQLSTATE.wrong_object_type, 'ON CONFLICT DO UPDATE not supported with exclusion constraints');
    }
    return [i];
  } else {
    for (const el of spec.elems!) {
      const att = targetAttno(el.expr);
      if (att === 0) throw new PgError(SQLSTATE.feature_not_supported, 'whole row unique index inference specifications are not supported');
      if (att !== undefined) inferAttrs.add(att);
      else inferExprs.push(el.expr);
    }
  }
  const found: RelationDef[] = [];
  for (const i of indexes) {
    const idx = i.index!;
    if (!idx.unique || idx.exclusion) continue;
    const plain = idx.keys.filter((k) => k.attnum > 0).map((k) => k.attnum);
    if (new Set(plain).size !== inferAttrs.size || !plain.every((a) => inferAttrs.has(a))) continue;
    const idxExprs = idx.keys.filter((k) => k.attnum === 0).map((k) => k.expr!.expr);
    if (spec.elems && !spec.elems.every((el) => elemMatches(cat, rel, i, el, idxExprs))) continue;
    if (!idxExprs.every((x) => inferExprs.some((y) => exprEqual(x, y)))) continue;
    const pred = idx.predicate?.expr;
    if (pred && !(where && predicateImplied(pred, where))) continue;
    found.push(i);
  }
  if (!found.length) {
    throw new PgError(SQLSTATE.invalid_column_reference, 'there is no unique or exclusion constraint matching the ON CONFLICT specification');
  }
  return found;
}

/** An element matches the index: its collation / operator class (if named) are some column's, and an expression is one of the index's. */
function elemMatches(cat: Catalog, rel: RelationDef, i: RelationDef, el: InferenceElem, idxExprs: readonly Expr[]): boolean {
  if (!collationOpclassMatch(cat, rel, i, el)) return false;
  if (targetAttno(el.expr) !== undefined) return true;
  return el.collation !== undefined || el.opclass !== undefined || idxExprs.some((x) => exprEqual(x, el.expr));
}

/** infer_collation_opclass_match: some index column has the named collation / operator class and is this element. */
function collationOpclassMatch(cat: Catalog, rel: RelationDef, i: RelationDef, el: InferenceElem): boolean {
  if (el.collation === undefined && el.opclass === undefined) return true;
  const att = targetAttno(el.expr);
  for (const k of i.index!.keys) {
    const col = k.attnum > 0 ? rel.columns[k.attnum - 1] : undefined;
    const keyType = col?.type ?? k.expr?.expr.type;
    if (el.opclass !== undefined) {
      const named = k.opclass && !k.opclassDefault ? k.opclass : keyType !== undefined ? `${typeInfo(cat, keyType).name}_ops` : undefined;
      if (named !== el.opclass) continue;
    }
    if (el.collation !== undefined && (k.collation ?? col?.collation ?? 'default') !== el.collation) continue;
    if (att !== undefined ? k.attnum === att : k.attnum === 0 && exprEqual(k.expr!.expr, el.expr)) return true;
  }
  return false;
}

function conjuncts(e: Expr): Expr[] {
  return e.kind === 'BoolExpr' && e.op === 'and' ? e.args.flatMap(conjuncts) : [e];
}

/** predicate_implied_by, for the forms partial unique indexes use. */
function predicateImplied(pred: Expr, where: Expr): boolean {
  const given = conjuncts(where);
  return conjuncts(pred).every((p) => impliedByAny(p, given));
}

function impliedByAny(p: Expr, given: readonly Expr[]): boolean {
  if (given.some((w) => exprEqual(w, p) || comparisonImplies(w, p))) return true;
  // A OR B is implied by whatever implies one arm.
  if (p.kind === 'BoolExpr' && p.op === 'or') return p.args.some((a) => impliedByAny(a, given));
  return false;
}

const COMPARISONS = new Set(['<', '<=', '=', '>=', '>']);

/** `x > 1` implies `x > 0` (btree_implies_table, for numeric constants). */
function comparisonImplies(w: Expr, p: Expr): boolean {
  if (w.kind !== 'OpExpr' || p.kind !== 'OpExpr' || w.args.length !== 2 || p.args.length !== 2) return false;
  if (!COMPARISONS.has(w.op) || !COMPARISONS.has(p.op)) return false;
  const [wl, wr] = w.args;
  const [pl, pr] = p.args;
  if (wr.kind !== 'Const' || pr.kind !== 'Const' || wr.value === null || pr.value === null || !exprEqual(wl, pl)) return false;
  const a = Number(wr.value);
  const b = Number(pr.value);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  switch (p.op) {
    case '>':
      return (w.op === '>' && a >= b) || ((w.op === '>=' || w.op === '=') && a > b);
    case '>=':
      return (w.op === '>' || w.op === '>=' || w.op === '=') && a >= b;
    case '<':
      return (w.op === '<' && a <= b) || ((w.op === '<=' || w.op === '=') && a < b);
    case '<=':
      return (w.op === '<' || w.op === '<=' || w.op === '=') && a <= b;
    default:
      return w.op === '=' && a === b;
  }
}
