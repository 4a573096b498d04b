/**
 * ALTER TABLE on tables in an inheritance tree: what recurses to the children (ADD / DROP COLUMN,
 * ALTER COLUMN TYPE, SET / DROP NOT NULL, ADD / DROP CHECK constraints, column defaults stay
 * local), the ONLY forms and what a child may not do to what it inherited (42P16), and
 * INHERIT / NO INHERIT.
 *
 * Postgres counterpart: src/backend/commands/tablecmds.c (ATSimpleRecursion, ATExecAddColumn's
 * recursion, ATExecDropColumn, ATExecAddInherit / MergeAttributesIntoExisting /
 * MergeConstraintsIntoExisting, RemoveInheritance).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, ConstraintDef, RelationDef } from '../catalog/objects.js';
import { inheritAncestors, inheritDescendants } from '../catalog/inheritance.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { formatType } from '../types/registry.js';
import { openRelation } from '../analyze/relation.js';
import type { Session } from '../session/session.js';
import { remapVars } from './create-table.js';

type AnyNode = Record<string, any>;
type AlterOne = (rel: RelationDef, cmd: AnyNode) => void;

const HANDLED = new Set(['AT_AddColumn', 'AT_DropColumn', 'AT_AlterColumnType', 'AT_SetNotNull', 'AT_DropNotNull', 'AT_AddConstraint', 'AT_DropConstraint', 'AT_AddInherit', 'AT_DropInherit']);

function notice(session: Session, message: string): void {
  session.notice(new PgError(SQLSTATE.successful_completion, message, { severity: 'NOTICE' }));
}

function liveColumn(rel: RelationDef, name: string): ColumnDef | undefined {
  return rel.columns.find((c) => !c.dropped && c.name === name);
}

function putCol(cat: Catalog, relOid: number, col: ColumnDef): void {
  const r = cat.relation(relOid);
  cat.putRelation({ ...r, columns: r.columns.map((c) => (c.attnum === col.attnum ? col : c)) });
}

function children(cat: Catalog, rel: RelationDef): RelationDef[] {
  return (cat.relation(rel.oid).inhChildren ?? []).map((o) => cat.relation(o));
}

function attnumMap(parent: RelationDef, child: RelationDef): Map<number, number> {
  const m = new Map<number, number>();
  for (const c of parent.columns) {
    if (c.dropped) continue;
    const cc = liveColumn(child, c.name);
    if (cc) m.set(c.attnum, cc.attnum);
  }
  return m;
}

/**
 * Runs one ALTER TABLE subcommand on a table with inheritance parents or children, recursing as
 * Postgres does. False when the subcommand is not one of these (the caller runs it alone).
 * `only`: ALTER TABLE ONLY.
 */
export function alterInherited(session: Session, cat: Catalog, rel: RelationDef, cmd: AnyNode, only: boolean, alterOne: AlterOne, pos: (loc: number | undefined) => string | undefined): boolean {
  if (!HANDLED.has(cmd.subtype)) return false;
  switch (cmd.subtype) {
    case 'AT_AddInherit':
      addInherit(session, cat, rel, cmd.def.RangeVar);
      return true;
    case 'AT_DropInherit':
      dropInherit(session, cat, rel, cmd.def.RangeVar);
      return true;
  }
  const hasChildren = !!rel.inhChildren?.length;
  const inheritedCol = (name: string) => {
    const c = liveColumn(rel, name);
    return c && (c.inhCount ?? 0) > 0 ? c : undefined;
  };
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      if (!hasChildren) return false;
      if (only) throw new PgError(SQLSTATE.invalid_table_definition, 'column must be added to child tables too');
      addColumnRecursive(session, cat, rel, cmd, alterOne, true);
      return true;
    }
    case 'AT_DropColumn': {
      const c = inheritedCol(cmd.name);
      if (c) throw new PgError(SQLSTATE.invalid_table_definition, `cannot drop inherited column "${c.name}"`);
      if (!hasChildren || !liveColumn(rel, cmd.name)) return false;
      dropColumnRecursive(session, cat, rel, cmd, only, alterOne);
      return true;
    }
    case 'AT_AlterColumnType': {
      const c = inheritedCol(cmd.name);
      if (c) throw new PgError(SQLSTATE.invalid_table_definition, `cannot alter inherited column "${c.name}"`, { position: pos(cmd.def?.ColumnDef?.location) });
      if (!hasChildren || !liveColumn(rel, cmd.name)) return false;
      if (only) throw new PgError(SQLSTATE.invalid_table_definition, `type of inherited column "${cmd.name}" must be changed in child tables too`);
      // A descendant that also inherits the column from a parent outside this tree cannot follow
      // (ATPrepAlterColumnType's attinhcount > numparents check).
      const tree = inheritDescendants(cat, rel);
      const inTree = new Set([rel.oid, ...tree.map((d) => d.oid)]);
      for (const d of tree) {
        const dc = liveColumn(d, cmd.name);
        if (dc && (dc.inhCount ?? 0) > (d.inhParents ?? []).filter((p) => inTree.has(p)).length) {
          throw new PgError(SQLSTATE.invalid_table_definition, `cannot alter inherited column "${dc.name}" of relation "${d.name}"`);
        }
      }
      alterOne(rel, cmd);
      const seen = new Set<number>();
      const rec = (r: RelationDef) => {
        for (const ch of children(cat, r)) {
          if (seen.has(ch.oid) || !liveColumn(ch, cmd.name)) continue;
          seen.add(ch.oid);
          alterOne(cat.relation(ch.oid), cmd);
          rec(ch);
        }
      };
      rec(rel);
      return true;
    }
    case 'AT_SetNotNull': {
      if (!hasChildren || !liveColumn(rel, cmd.name)) return false;
      alterOne(rel, cmd);
      if (only) return true;
      const parentNN = cat.relationConstraints(rel.oid).find((k) => k.kind === 'n' && k.columns[0] === liveColumn(rel, cmd.name)!.attnum);
      const rec = (r: RelationDef) => {
        for (const ch of children(cat, r)) {
          const col = liveColumn(cat.relation(ch.oid), cmd.name);
          if (!col) continue;
          const had = cat.relationConstraints(ch.oid).find((k) => k.kind === 'n' && k.columns[0] === col.attnum);
          if (had) cat.putConstraint({ ...had, inhCount: (had.inhCount ?? 0) + 1 });
          else {
            alterOne(cat.relation(ch.oid), cmd);
            const nn = cat.relationConstraints(ch.oid).find((k) => k.kind === 'n' && k.columns[0] === col.attnum)!;
            cat.putConstraint({ ...nn, name: parentNN?.name ?? nn.name, inhCount: 1, notLocal: true });
          }
          rec(ch);
        }
      };
      rec(rel);
      return true;
    }
    case 'AT_DropNotNull': {
      const col = liveColumn(rel, cmd.name);
      if (!col) return false;
      const nn = cat.relationConstraints(rel.oid).find((k) => k.kind === 'n' && k.columns[0] === col.attnum);
      if (nn && (nn.inhCount ?? 0) > 0) throw new PgError(SQLSTATE.invalid_table_definition, `cannot drop inherited constraint "${nn.name}" of relation "${rel.name}"`);
      if (!hasChildren) return false;
      alterOne(rel, cmd);
      if (!nn) return true;
      dropInheritedNotNull(cat, rel, cmd.name, only, alterOne);
      return true;
    }
    case 'AT_AddConstraint': {
      const con = cmd.def.Constraint;
      if (con.contype !== 'CONSTR_CHECK' || !hasChildren) return false;
      if (con.is_no_inherit) return false;
      if (only) throw new PgError(SQLSTATE.invalid_table_definition, 'constraint must be added to child tables too');
      const before = new Set(cat.relationConstraints(rel.oid).map((k) => k.oid));
      alterOne(rel, cmd);
      const added = cat.relationConstraints(rel.oid).find((k) => !before.has(k.oid) && k.kind === 'c');
      if (added) addCheckToChildren(session, cat, rel, added, con, alterOne);
      return true;
    }
    case 'AT_DropConstraint': {
      const con = cat.relationConstraints(rel.oid).find((k) => k.name === cmd.name);
      if (con && (con.inhCount ?? 0) > 0 && con.kind !== 'n') throw new PgError(SQLSTATE.invalid_table_definition, `cannot drop inherited constraint "${con.name}" of relation "${rel.name}"`);
      if (!con || con.kind !== 'c' || !hasChildren) return false;
      alterOne(rel, cmd);
      const rec = (r: RelationDef) => {
        for (const ch of children(cat, r)) {
          const k = cat.relationConstraints(ch.oid).find((x) => x.kind === 'c' && x.name === con.name);
          if (!k) continue;
          const count = (k.inhCount ?? 0) - 1;
          if (only || count > 0 || !k.notLocal) cat.putConstraint({ ...k, inhCount: Math.max(0, count), notLocal: false });
          else {
            cat.removeConstraint(k.oid);
            rec(ch);
          }
        }
      };
      rec(rel);
      return true;
    }
  }
  return false;
}

function addColumnRecursive(session: Session, cat: Catalog, rel: RelationDef, cmd: AnyNode, alterOne: AlterOne, top: boolean): void {
  const cd = cmd.def.ColumnDef;
  if (!top) {
    const existing = liveColumn(cat.relation(rel.oid), cd.colname);
    if (existing) {
      // MergeAttributesIntoExisting's check, then one more parent for the column.
      const tmp = cat.relation(rel.oid);
      void tmp;
      notice(session, `merging definition of column "${cd.colname}" for child "${rel.name}"`);
      putCol(cat, rel.oid, { ...existing, inhCount: (existing.inhCount ?? 0) + 1 });
      return;
    }
  }
  const before = cat.relation(rel.oid).columns.length;
  alterOne(cat.relation(rel.oid), cmd);
  const after = cat.relation(rel.oid);
  if (!top && after.columns.length > before) {
    const col = after.columns[after.columns.length - 1];
    putCol(cat, rel.oid, { ...col, inhCount: 1, notLocal: true });
  }
  for (const ch of children(cat, rel)) addColumnRecursive(session, cat, ch, cmd, alterOne, false);
}

function dropColumnRecursive(session: Session, cat: Catalog, rel: RelationDef, cmd: AnyNode, only: boolean, alterOne: AlterOne): void {
  const name = cmd.name as string;
  const kids = children(cat, rel);
  alterOne(cat.relation(rel.oid), cmd);
  for (const ch of kids) {
    const col = liveColumn(cat.relation(ch.oid), name);
    if (!col) continue;
    const count = (col.inhCount ?? 0) - 1;
    if (only) {
      // ONLY: the children keep the column as their own.
      putCol(cat, ch.oid, { ...col, inhCount: Math.max(0, count), notLocal: false });
      continue;
    }
    if (count > 0 || !col.notLocal) {
      putCol(cat, ch.oid, { ...col, inhCount: Math.max(0, count) });
      continue;
    }
    putCol(cat, ch.oid, { ...col, inhCount: 0 });
    dropColumnRecursive(session, cat, cat.relation(ch.oid), cmd, false, alterOne);
  }
  void session;
}

function dropInheritedNotNull(cat: Catalog, rel: RelationDef, name: string, only: boolean, alterOne: AlterOne): void {
  for (const ch of children(cat, rel)) {
    const col = liveColumn(cat.relation(ch.oid), name);
    if (!col) continue;
    const nn = cat.relationConstraints(ch.oid).find((k) => k.kind === 'n' && k.columns[0] === col.attnum);
    if (!nn) continue;
    const count = (nn.inhCount ?? 0) - 1;
    if (only || count > 0 || !nn.notLocal) {
      cat.putConstraint({ ...nn, inhCount: Math.max(0, count), notLocal: false });
      continue;
    }
    cat.putConstraint({ ...nn, inhCount: 0 });
    alterOne(cat.relation(ch.oid), { subtype: 'AT_DropNotNull', name });
    dropInheritedNotNull(cat, cat.relation(ch.oid), name, false, alterOne);
  }
}

/**
 * MergeWithExistingConstraint: a CHECK constraint named like an existing constraint of `rel` is
 * merged into it when both have the same expression and their states allow it (a local one may
 * merge with a purely inherited one, an inherited one with any); otherwise Postgres's errors.
 */
export function mergeWithExistingCheck(
  session: Session,
  cat: Catalog,
  rel: RelationDef,
  existing: ConstraintDef,
  exprText: string | undefined,
  opts: { readonly allowMerge: boolean; readonly isLocal: boolean; readonly enforced: boolean; readonly initiallyValid: boolean; readonly noInherit: boolean },
): void {
  const found = existing.kind === 'c' && existing.check?.text === exprText;
  const allowMerge = opts.allowMerge || (opts.isLocal && !!existing.notLocal && !rel.partitionOf);
  const name = existing.name;
  const conflict = (what: string) => new PgError(SQLSTATE.invalid_object_definition, `constraint "${name}" conflicts with ${what} on relation "${rel.name}"`);
  if (!found || !allowMerge) throw new PgError(SQLSTATE.duplicate_object, `constraint "${name}" for relation "${rel.name}" already exists`);
  if (existing.noInherit) throw conflict('non-inherited constraint');
  if ((existing.inhCount ?? 0) > 0 && opts.noInherit) throw conflict('inherited constraint');
  const existingEnforced = !existing.notEnforced;
  if (opts.initiallyValid && existingEnforced && !existing.validated) throw conflict('NOT VALID constraint');
  if ((!opts.isLocal && opts.enforced && !existingEnforced) || (opts.isLocal && !opts.enforced && existingEnforced)) throw conflict('NOT ENFORCED constraint');
  notice(session, `merging constraint "${name}" with inherited definition`);
  cat.putConstraint({
    ...existing,
    ...(opts.isLocal ? { notLocal: false } : { inhCount: (existing.inhCount ?? 0) + 1 }),
    ...(opts.noInherit ? { noInherit: true } : {}),
    // An enforced definition makes the merged constraint enforced (and valid).
    ...(opts.enforced && !existingEnforced ? { notEnforced: false, validated: true } : {}),
  });
}

function addCheckToChildren(session: Session, cat: Catalog, parent: RelationDef, con: ConstraintDef, raw: AnyNode, alterOne: AlterOne): void {
  for (const ch of children(cat, parent)) {
    const same = cat.relationConstraints(ch.oid).find((k) => k.name === con.name && k.kind !== 'n');
    if (same) {
      const map = attnumMap(cat.relation(parent.oid), cat.relation(ch.oid));
      mergeWithExistingCheck(session, cat, cat.relation(ch.oid), same, remapVars(con.check!, map).text, {
        allowMerge: true, isLocal: false, enforced: !con.notEnforced, initiallyValid: con.validated, noInherit: false,
      });
      continue;
    }
    // Validated on the child's rows (its errors name the child), then marked inherited.
    const map = attnumMap(cat.relation(parent.oid), cat.relation(ch.oid));
    const before = new Set(cat.relationConstraints(ch.oid).map((k) => k.oid));
    alterOne(cat.relation(ch.oid), { subtype: 'AT_AddConstraint', def: { Constraint: { ...raw, conname: con.name } } });
    const added = cat.relationConstraints(ch.oid).find((k) => !before.has(k.oid) && k.kind === 'c');
    const mine: ConstraintDef = { ...(added ?? con), check: remapVars(con.check!, map) };
    if (added) cat.putConstraint({ ...mine, inhCount: 1, notLocal: true });
    // (the grandchildren's copies come from the child's, in the child's column numbers)
    addCheckToChildren(session, cat, ch, mine, raw, alterOne);
  }
}

/** ALTER TABLE child INHERIT parent: the child must have the parent's columns and CHECK constraints. */
function addInherit(session: Session, cat: Catalog, child: RelationDef, rv: AnyNode): void {
  const parent = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname }, undefined);
  if (parent.kind === 'p') throw new PgError(SQLSTATE.wrong_object_type, 'cannot inherit from partitioned table');
  if (child.kind === 'p') throw new PgError(SQLSTATE.wrong_object_type, 'cannot change inheritance of partitioned table');
  if (parent.partitionOf) throw new PgError(SQLSTATE.wrong_object_type, 'cannot inherit from a partition');
  if (child.partitionOf) throw new PgError(SQLSTATE.wrong_object_type, 'cannot change inheritance of a partition');
  if (parent.persistence === 't' && child.persistence !== 't') throw new PgError(SQLSTATE.wrong_object_type, `cannot inherit from temporary relation "${parent.name}"`);
  if (parent.oid === child.oid || inheritAncestors(cat, parent).some((a) => a.oid === child.oid)) {
    throw new PgError(SQLSTATE.duplicate_table, `circular inheritance not allowed`, { detail: `"${parent.name}" is already a child of "${child.name}".` });
  }
  if (child.inhParents?.includes(parent.oid)) throw new PgError(SQLSTATE.duplicate_table, `relation "${parent.name}" would be inherited from more than once`);
  // Columns (MergeAttributesIntoExisting).
  const updates: ColumnDef[] = [];
  for (const pc of parent.columns) {
    if (pc.dropped) continue;
    const cc = liveColumn(child, pc.name);
    if (!cc) throw new PgError(SQLSTATE.datatype_mismatch, `child table is missing column "${pc.name}"`);
    if (cc.type !== pc.type || cc.typmod !== pc.typmod) throw new PgError(SQLSTATE.datatype_mismatch, `child table "${child.name}" has different type for column "${pc.name}"`);
    if ((cc.collation ?? 'default') !== (pc.collation ?? 'default')) throw new PgError(SQLSTATE.collation_mismatch, `child table "${child.name}" has different collation for column "${pc.name}"`);
    if (pc.notNull && !cc.notNull) throw new PgError(SQLSTATE.datatype_mismatch, `column "${pc.name}" in child table "${child.name}" must be marked NOT NULL`);
    if (pc.generated && !cc.generated) throw new PgError(SQLSTATE.datatype_mismatch, `column "${pc.name}" in child table must be a generated column`);
    if (cc.generated && !pc.generated) throw new PgError(SQLSTATE.datatype_mismatch, `column "${pc.name}" in child table must not be a generated column`);
    updates.push({ ...cc, inhCount: (cc.inhCount ?? 0) + 1 });
  }
  // CHECK constraints (MergeConstraintsIntoExisting).
  const map = attnumMap(parent, child);
  const cons: ConstraintDef[] = [];
  for (const k of cat.relationConstraints(parent.oid)) {
    if (k.kind !== 'c' || k.noInherit) continue;
    const ck = cat.relationConstraints(child.oid).find((x) => x.kind === 'c' && x.name === k.name);
    if (!ck) throw new PgError(SQLSTATE.datatype_mismatch, `child table is missing constraint "${k.name}"`);
    if (ck.check?.text !== remapVars(k.check!, map).text) throw new PgError(SQLSTATE.datatype_mismatch, `child table "${child.name}" has different definition for check constraint "${k.name}"`);
    if (ck.noInherit) throw new PgError(SQLSTATE.invalid_object_definition, `constraint "${k.name}" conflicts with non-inherited constraint on child table "${child.name}"`);
    cons.push({ ...ck, inhCount: (ck.inhCount ?? 0) + 1 });
  }
  for (const k of cat.relationConstraints(parent.oid)) {
    if (k.kind !== 'n' || k.noInherit) continue;
    const col = parent.columns[k.columns[0] - 1];
    const cc = liveColumn(child, col.name)!;
    const nn = cat.relationConstraints(child.oid).find((x) => x.kind === 'n' && x.columns[0] === cc.attnum);
    if (nn) cons.push({ ...nn, inhCount: (nn.inhCount ?? 0) + 1 });
  }
  for (const c of updates) putCol(cat, child.oid, c);
  for (const k of cons) cat.putConstraint(k);
  const cur = cat.relation(child.oid);
  cat.putRelation({ ...cur, inhParents: [...(cur.inhParents ?? []), parent.oid] });
  const p = cat.relation(parent.oid);
  cat.putRelation({ ...p, inhChildren: [...(p.inhChildren ?? []), child.oid] });
  void formatType;
}

/** ALTER TABLE child NO INHERIT parent: inherited columns and constraints become the child's own when no other parent gives them. */
function dropInherit(session: Session, cat: Catalog, child: RelationDef, rv: AnyNode): void {
  const parent = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname }, undefined);
  if (child.partitionOf) throw new PgError(SQLSTATE.wrong_object_type, 'cannot change inheritance of a partition');
  if (!child.inhParents?.includes(parent.oid)) throw new PgError(SQLSTATE.undefined_table, `relation "${parent.name}" is not a parent of relation "${child.name}"`);
  for (const pc of parent.columns) {
    if (pc.dropped) continue;
    const cc = liveColumn(cat.relation(child.oid), pc.name);
    if (!cc) continue;
    const count = (cc.inhCount ?? 0) - 1;
    putCol(cat, child.oid, { ...cc, inhCount: Math.max(0, count), notLocal: count > 0 ? cc.notLocal : false });
  }
  const map = attnumMap(parent, child);
  for (const k of cat.relationConstraints(parent.oid)) {
    if ((k.kind !== 'c' && k.kind !== 'n') || k.noInherit) continue;
    const ck = k.kind === 'c' ? cat.relationConstraints(child.oid).find((x) => x.kind === 'c' && x.name === k.name) : cat.relationConstraints(child.oid).find((x) => x.kind === 'n' && x.columns[0] === map.get(k.columns[0]));
    if (!ck) continue;
    const count = (ck.inhCount ?? 0) - 1;
    cat.putConstraint({ ...ck, inhCount: Math.max(0, count), notLocal: count > 0 ? ck.notLocal : false });
  }
  const cur = cat.relation(child.oid);
  cat.putRelation({ ...cur, inhParents: (cur.inhParents ?? []).filter((o) => o !== parent.oid) });
  const p = cat.relation(parent.oid);
  cat.putRelation({ ...p, inhChildren: (p.inhChildren ?? []).filter((o) => o !== child.oid) });
}
