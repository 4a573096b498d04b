/**
 * CREATE TABLE ... INHERITS (parents): the child's columns merged from its parents' and its own
 * (MergeAttributes: the parents' columns first, in order, then the new ones; same-named columns
 * merged with NOTICEs, type / collation / default / generation conflicts), the inherited CHECK
 * and NOT NULL constraints (coninhcount / conislocal), defaults and generation expressions, and
 * the pg_inherits links.
 *
 * Postgres counterpart: src/backend/commands/tablecmds.c (MergeAttributes, MergeInheritedAttribute,
 * MergeCheckConstraint, StoreCatalogInheritance).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, ConstraintDef, RelationDef, StoredExpr } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { formatType } from '../types/registry.js';
import { openRelation } from '../analyze/relation.js';
import { exprEqual } from '../analyze/select.js';
import type { Session } from '../session/session.js';
import { remapVars } from './create-table.js';
import { checkRelationOwner } from './owner.js';

type AnyNode = Record<string, any>;

/** What CREATE TABLE keeps of its INHERITS clause until the child exists. */
export interface InheritSpec {
  readonly parents: readonly RelationDef[];
  /** Per inherited column (child attnum): its merged definition. */
  readonly inherited: Map<number, { inhCount: number; local: boolean; defaults: (StoredExpr | undefined)[]; generated?: ColumnDef['generated']; sources: { parent: RelationDef; attnum: number }[] }>;
}

/** The parents named in INHERITS, checked as MergeAttributes checks them. */
function openParents(session: Session, cat: Catalog, n: AnyNode, temp: boolean): RelationDef[] {
  const parents: RelationDef[] = [];
  for (const rv of n.inhRelations as AnyNode[]) {
    const r = rv.RangeVar;
    const p = openRelation(cat, session.searchPath(), { schema: r.schemaname, name: r.relname }, undefined);
    if (p.kind === 'p') throw new PgError(SQLSTATE.wrong_object_type, `cannot inherit from partitioned table "${p.name}"`);
    if (p.partitionOf) throw new PgError(SQLSTATE.wrong_object_type, `cannot inherit from partition "${p.name}"`);
    if (p.kind !== 'r') throw new PgError(SQLSTATE.wrong_object_type, `inherited relation "${p.name}" is not a table or foreign table`);
    if (p.persistence === 't' && !temp) throw new PgError(SQLSTATE.wrong_object_type, `cannot inherit from temporary relation "${p.name}"`);
    // (MergeAttributes: the creator of a child table must own the parent)
    checkRelationOwner(session, cat, p);
    if (parents.some((x) => x.oid === p.oid)) throw new PgError(SQLSTATE.duplicate_table, `relation "${p.name}" would be inherited from more than once`);
    parents.push(p);
  }
  return parents;
}

function liveName(rel: RelationDef, name: string): boolean {
  return rel.columns.some((c) => !c.dropped && c.name === name);
}

function collName(c: ColumnDef): string {
  return c.collation ?? 'default';
}

/**
 * The column nodes of a child table: the parents' columns (merged by name), then the statement's
 * own (a same-named one is merged into the inherited column, keeping its constraints). Returns
 * the nodes in CREATE TABLE's `__like` form and the remaining table elements.
 */
export function inheritColumnNodes(session: Session, cat: Catalog, n: AnyNode, elts: readonly AnyNode[], temp: boolean): { cols: AnyNode[]; rest: AnyNode[]; spec: InheritSpec } {
  const parents = openParents(session, cat, n, temp);
  // (LIKE's columns named like inherited ones would merge with them as local definitions: not done here yet)
  for (const e of elts) {
    const lr = e.TableLikeClause?.relation;
    if (!lr) continue;
    const src = openRelation(cat, session.searchPath(), { schema: lr.schemaname, name: lr.relname }, undefined);
    if (src.columns.some((c) => !c.dropped && parents.some((p) => liveName(p, c.name)))) throw featureNotSupported('LIKE together with INHERITS for a column both give');
  }
  const cols: AnyNode[] = [];
  const inherited: InheritSpec['inherited'] = new Map();
  for (const p of parents) {
    for (const c of p.columns) {
      if (c.dropped) continue;
      const i = cols.findIndex((x) => x.colname === c.name);
      if (i >= 0) {
        session.notice(new PgError(SQLSTATE.successful_completion, `merging multiple inherited definitions of column "${c.name}"`, { severity: 'NOTICE' }));
        const prev = cols[i].__like as ColumnDef;
        if (prev.type !== c.type || prev.typmod !== c.typmod) {
          throw new PgError(SQLSTATE.datatype_mismatch, `inherited column "${c.name}" has a type conflict`, { detail: `${formatType(cat, prev.type, prev.typmod)} versus ${formatType(cat, c.type, c.typmod)}` });
        }
        if (collName(prev) !== collName(c)) {
          throw new PgError(SQLSTATE.collation_mismatch, `inherited column "${c.name}" has a collation conflict`, { detail: `"${collName(prev)}" versus "${collName(c)}"` });
        }
        const info = inherited.get(i + 1)!;
        info.inhCount++;
        info.defaults.push(c.default);
        info.sources.push({ parent: p, attnum: c.attnum });
        if (c.notNull && !prev.notNull) cols[i].__like = { ...prev, notNull: true };
        continue;
      }
      cols.push({ __like: { ...c, identity: undefined, default: undefined, generated: undefined }, __inherited: true, colname: c.name, constraints: [] as AnyNode[] });
      inherited.set(cols.length, { inhCount: 1, local: false, defaults: [c.default && !c.identity ? c.default : undefined], generated: c.generated, sources: [{ parent: p, attnum: c.attnum }] });
    }
  }
  const rest: AnyNode[] = [];
  let localIndex = 0;
  for (const el of elts) {
    if (!el.ColumnDef) {
      rest.push(el);
      continue;
    }
    const cd = el.ColumnDef;
    localIndex++;
    const i = cols.findIndex((x) => x.__inherited && x.colname === cd.colname);
    if (i < 0) {
      rest.push(el);
      continue;
    }
    const target = cols[i];
    if (target.__override) {
      throw new PgError(SQLSTATE.duplicate_column, `column "${cd.colname}" specified more than once`);
    }
    if (i + 1 === localIndex) session.notice(new PgError(SQLSTATE.successful_completion, `merging column "${cd.colname}" with inherited definition`, { severity: 'NOTICE' }));
    else session.notice(new PgError(SQLSTATE.successful_completion, `moving and merging column "${cd.colname}" with inherited definition`, { severity: 'NOTICE', detail: 'User-specified column moved to the position of the inherited column.' }));
    target.__override = true;
    target.__localDef = cd;
    target.constraints = cd.constraints ?? [];
    inherited.get(i + 1)!.local = true;
  }
  return { cols, rest, spec: { parents, inherited } };
}

/**
 * Checks a merged column's local definition against the inherited one (after its type is
 * resolved): MergeInheritedAttribute's type and collation conflicts.
 */
export function checkMergedColumn(cat: Catalog, inh: ColumnDef, local: { type: number; typmod: number; collation?: string }): void {
  if (inh.type !== local.type || inh.typmod !== local.typmod) {
    throw new PgError(SQLSTATE.datatype_mismatch, `column "${inh.name}" has a type conflict`, { detail: `${formatType(cat, inh.type, inh.typmod)} versus ${formatType(cat, local.type, local.typmod)}` });
  }
  const lc = local.collation;
  if (lc !== undefined && collName(inh) !== lc) {
    throw new PgError(SQLSTATE.collation_mismatch, `column "${inh.name}" has a collation conflict`, { detail: `"${collName(inh)}" versus "${lc}"` });
  }
}

/**
 * The generation / default conflicts of merged columns, checked once the child's own clauses are
 * known. Defaults conflict when their expressions differ (not their spelling: Postgres compares
 * the trees).
 */
export function checkInheritedDefaults(spec: InheritSpec, columns: readonly ColumnDef[], cols: readonly AnyNode[]): void {
  for (const [attnum, info] of spec.inherited) {
    const col = columns[attnum - 1];
    const localCons = ((cols[attnum - 1].__localDef?.constraints ?? []) as AnyNode[]).map((x) => x.Constraint?.contype);
    const localDefault = localCons.includes('CONSTR_DEFAULT');
    const localGenerated = localCons.includes('CONSTR_GENERATED');
    if (info.local && localGenerated && !info.generated) {
      throw new PgError(SQLSTATE.invalid_column_definition, `child column "${col.name}" specifies generation expression`, { hint: 'A child table column cannot be generated unless its parent column is.' });
    }
    if (info.local && info.generated && localDefault) {
      throw new PgError(SQLSTATE.invalid_column_definition, `column "${col.name}" inherits from generated column but specifies default`);
    }
    if (info.local && info.generated && localCons.includes('CONSTR_IDENTITY')) {
      throw new PgError(SQLSTATE.invalid_column_definition, `column "${col.name}" inherits from generated column but specifies identity`);
    }
    if (!localDefault && !localGenerated) {
      const ds = info.defaults.filter((d): d is StoredExpr => d !== undefined);
      if (ds.length > 1 && ds.some((d) => d.text !== ds[0].text && !exprEqual(d.expr, ds[0].expr))) {
        throw new PgError(SQLSTATE.invalid_column_definition, `column "${col.name}" inherits conflicting default values`, { hint: 'To resolve the conflict, specify a default explicitly.' });
      }
    }
  }
}

/** The map from a parent's attnums to the child's (by column name). */
function attnumMap(parent: RelationDef, child: RelationDef): Map<number, number> {
  const m = new Map<number, number>();
  for (const c of parent.columns) {
    if (c.dropped) continue;
    const cc = child.columns.find((x) => !x.dropped && x.name === c.name);
    if (cc) m.set(c.attnum, cc.attnum);
  }
  return m;
}

/**
 * After CREATE TABLE made the child: inherited defaults and generation expressions (unless the
 * child gives its own), attinhcount / attislocal, the inherited CHECK constraints (merged with
 * same-named local ones), the NOT NULL constraints' inheritance counts, and the pg_inherits links.
 */
export function finishInherits(session: Session, cat: Catalog, oid: number, spec: InheritSpec, cols: readonly AnyNode[]): void {
  let child = cat.relation(oid);
  const columns = [...child.columns];
  for (const [attnum, info] of spec.inherited) {
    let col = columns[attnum - 1];
    const localCons = ((cols[attnum - 1].__localDef?.constraints ?? []) as AnyNode[]).map((x) => x.Constraint?.contype);
    const src = info.sources[0];
    const map = attnumMap(src.parent, child);
    if (!col.default && !col.generated && !localCons.includes('CONSTR_DEFAULT')) {
      const d = info.defaults.find((x) => x !== undefined);
      const srcOf = info.sources[info.defaults.indexOf(d)];
      if (d) col = { ...col, default: remapVars(d, attnumMap(srcOf.parent, child)) };
    }
    if (info.generated && !localCons.includes('CONSTR_GENERATED')) col = { ...col, generated: { kind: info.generated.kind, expr: remapVars(info.generated.expr, map) } };
    col = { ...col, inhCount: info.inhCount, ...(info.local ? {} : { notLocal: true }) };
    columns[attnum - 1] = col;
  }
  child = { ...child, columns, inhParents: spec.parents.map((p) => p.oid) };
  cat.putRelation(child);
  for (const p of spec.parents) {
    const cur = cat.relation(p.oid);
    cat.putRelation({ ...cur, inhChildren: [...(cur.inhChildren ?? []), oid] });
  }
  // NOT NULL constraints: named after the (first) parent's, counted per parent that has one.
  const own = cat.relationConstraints(oid);
  for (const k of own) {
    if (k.kind !== 'n') continue;
    const info = spec.inherited.get(k.columns[0]);
    if (!info) continue;
    let count = 0;
    let parentName: string | undefined;
    for (const s of info.sources) {
      const pk = cat.relationConstraints(s.parent.oid).find((x) => x.kind === 'n' && x.columns[0] === s.attnum && !x.noInherit);
      if (pk) {
        count++;
        parentName ??= pk.name;
      }
    }
    if (!count) continue;
    const localNN = ((cols[k.columns[0] - 1].__localDef?.constraints ?? []) as AnyNode[]).some((x) => x.Constraint?.contype === 'CONSTR_NOTNULL');
    cat.putConstraint({ ...k, ...(localNN ? {} : { name: parentName!, notLocal: true }), inhCount: count });
  }
  // CHECK constraints of the parents (not NO INHERIT), merged by name.
  for (const p of spec.parents) {
    const map = attnumMap(p, child);
    for (const k of cat.relationConstraints(p.oid)) {
      if (k.kind !== 'c' || k.noInherit || !k.check) continue;
      const check = remapVars(k.check, map);
      const same = cat.relationConstraints(oid).find((x) => x.kind === 'c' && x.name === k.name);
      if (same) {
        if (same.check?.text !== check.text) {
          if (same.notLocal || same.inhCount) throw new PgError(SQLSTATE.duplicate_object, `check constraint name "${k.name}" appears multiple times but with different expressions`);
          throw new PgError(SQLSTATE.duplicate_object, `constraint "${k.name}" for relation "${child.name}" already exists`);
        }
        if (!same.inhCount && !same.notLocal) session.notice(new PgError(SQLSTATE.successful_completion, `merging constraint "${k.name}" with inherited definition`, { severity: 'NOTICE' }));
        cat.putConstraint({ ...same, inhCount: (same.inhCount ?? 0) + 1 });
        continue;
      }
      const def: ConstraintDef = { ...k, oid: session.db.newOid(), relation: oid, namespace: child.namespace, columns: k.columns.map((a) => map.get(a) ?? a), check, inhCount: 1, notLocal: true };
      cat.putConstraint(def);
    }
  }
}
