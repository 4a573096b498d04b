/**
 * Views bound by OID. Postgres stores a view's query with its tables, columns, functions and types
 * as OIDs, so renames (tables, columns, functions, types, schemas), SET SCHEMA and later changes
 * of search_path leave the view reading the same objects. fauxgres re-analyzes the view's parse
 * tree on use (RLS, privileges and replaced inner views apply as they are then); what makes that
 * analysis find the same objects is the binding recorded when the view was created:
 *
 * - each table / view named in FROM (by the RangeVar's location) → its OID, and its column names
 *   at that time: the range entry shows the columns under those names (so column references, `*`,
 *   USING and NATURAL resolve as they did) and hides columns added later (`*` was expanded once);
 * - each user function call → the function's OID, each user type name → the type's OID: the call
 *   or type is looked up under the object's current schema-qualified name.
 *
 * The analyzed query is made of Vars (by attribute number), so pg_get_viewdef prints current names.
 * Postgres counterpart: src/backend/commands/view.c (DefineView stores the analyzed query),
 * src/backend/catalog/dependency.c (recordDependencyOnExpr: the view's column dependencies).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Query, RteColumn } from '../nodes/query.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { baseTypeOf, typeInfo } from '../types/registry.js';

export interface ViewBinding {
  /** RangeVar location → relation OID and its column names by attno - 1 at creation ('' for dropped). */
  readonly rels: Map<number, { readonly oid: number; readonly columns: readonly string[] }>;
  /** FuncCall location → user function OID. */
  readonly funcs: Map<number, number>;
  /** TypeName location → user type OID. */
  readonly types: Map<number, number>;
  /**
   * FROM function call location → how many fields its composite result (a table's row type) had:
   * `*` was expanded once, so fields added to the type later stay hidden.
   */
  readonly funcRows?: Map<number, number>;
}

/** What the analyzer does with a binding: fill it (CREATE VIEW) or follow it (every later use). */
export interface ViewBindingState {
  readonly mode: 'record' | 'apply';
  readonly b: ViewBinding;
}

/** The state a stored view's query is re-analyzed with (views created before bindings have none). */
export function applyBinding(info: { readonly binding?: ViewBinding }): { viewBinding?: ViewBindingState } {
  return { viewBinding: info.binding ? { mode: 'apply', b: info.binding } : undefined };
}

export function newViewBinding(): ViewBinding {
  return { rels: new Map(), funcs: new Map(), types: new Map(), funcRows: new Map() };
}

/** The relation a bound RangeVar names now (a relation dropped under the view is an internal error, as in Postgres). */
export function boundRelationOid(vb: ViewBindingState | undefined, location: number | undefined): { oid: number; columns: readonly string[] } | undefined {
  if (!vb || vb.mode !== 'apply' || location === undefined) return undefined;
  return vb.b.rels.get(location);
}

export function recordRelation(vb: ViewBindingState | undefined, location: number | undefined, oid: number, columns: readonly { name: string; dropped?: boolean }[]): void {
  if (!vb || vb.mode !== 'record' || location === undefined) return;
  vb.b.rels.set(location, { oid, columns: columns.map((c) => (c.dropped ? '' : c.name)) });
}

/**
 * A FROM function's composite fields as the view saw them when it was created (recorded then):
 * fields added to the type since are hidden from `*` and from names (a whole-row reference
 * still returns the function's row as it is now, as in Postgres).
 */
export function boundFunctionFields<T extends object>(vb: ViewBindingState | undefined, location: number | undefined, fields: T[]): (T & { hidden?: boolean })[] {
  if (!vb || location === undefined) return fields;
  if (vb.mode === 'record') {
    vb.b.funcRows?.set(location, fields.length);
    return fields;
  }
  const n = vb.b.funcRows?.get(location);
  return n !== undefined && n < fields.length ? fields.map((f, i) => (i < n ? f : { ...f, hidden: true })) : fields;
}

export function missingBoundRelation(oid: number): PgError {
  return new PgError(SQLSTATE.internal_error, `could not open relation with OID ${oid}`);
}

/**
 * A bound entry's columns under their names at creation; columns added since are hidden. `aliased`
 * leading live columns keep the alias names the FROM item gave them.
 */
export function freezeColumns(cols: readonly RteColumn[], names: readonly string[], aliased: number): RteColumn[] {
  let live = 0;
  return cols.map((c, i) => {
    if (i >= names.length) return c.dropped ? c : { ...c, dropped: true };
    if (c.dropped || names[i] === '') return c;
    return live++ < aliased || c.name === names[i] ? c : { ...c, name: names[i] };
  });
}

/** A FuncCall / TypeName's name list, as the bound object's current schema-qualified name. */
function qualifiedName(cat: Catalog, ns: number, name: string): { String: { sval: string } }[] {
  return [{ String: { sval: cat.namespaceName(ns) } }, { String: { sval: name } }];
}

export function boundFuncName(cat: Catalog, vb: ViewBindingState | undefined, location: number | undefined): { String: { sval: string } }[] | undefined {
  if (!vb || vb.mode !== 'apply' || location === undefined) return undefined;
  const oid = vb.b.funcs.get(location);
  const f = oid === undefined ? undefined : cat.functions.get(oid);
  return f ? qualifiedName(cat, f.namespace, f.name) : undefined;
}

export function recordFunc(vb: ViewBindingState | undefined, location: number | undefined, oid: number | undefined): void {
  if (!vb || vb.mode !== 'record' || location === undefined || oid === undefined || oid < 16384) return;
  vb.b.funcs.set(location, oid);
}

export function boundTypeName(cat: Catalog, vb: ViewBindingState | undefined, location: number | undefined): { String: { sval: string } }[] | undefined {
  if (!vb || vb.mode !== 'apply' || location === undefined) return undefined;
  const oid = vb.b.types.get(location);
  const t = oid === undefined ? undefined : cat.types.get(oid);
  return t ? qualifiedName(cat, t.namespace, t.name) : undefined;
}

export function recordType(cat: Catalog, vb: ViewBindingState | undefined, location: number | undefined, oid: number): void {
  if (!vb || vb.mode !== 'record' || location === undefined || !cat.types.has(oid)) return;
  vb.b.types.set(location, oid);
}

const SKIP = new Set(['rel', 'fn', 'agg', 'compare', 'eq', 'compareFns', 'keyFns', 'aliasExprs']);

/**
 * The columns a view's query uses, per relation (tables, views, and tables read through a policy
 * subquery), as recordDependencyOnExpr finds them: Vars of each level (whole-row: every column),
 * join columns through to the columns they merge; not inside the views it names.
 */
export function columnDependencies(q: Query, cat: Catalog): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  const add = (oid: number, attno: number) => {
    let s = out.get(oid);
    if (!s) out.set(oid, (s = new Set()));
    if (attno === 0) {
      for (const c of cat.relations.get(oid)?.columns ?? []) if (!c.dropped) s.add(c.attnum);
    } else if (attno > 0) s.add(attno);
  };
  const stack: Query[] = [];
  const onVar = (v: { levelsUp: number; rti: number; attno: number }) => {
    const level = stack[stack.length - 1 - v.levelsUp];
    const rte = level?.rtable[v.rti];
    if (!rte) return;
    if (rte.kind === 'relation') add(rte.rel.oid, v.attno);
    else if (rte.kind === 'subquery') {
      const o = (rte as { viewOid?: number; rlsRelation?: number }).viewOid ?? (rte as { rlsRelation?: number }).rlsRelation;
      if (o !== undefined) add(o, v.attno);
    } else if (rte.kind === 'function' && !rte.rowsFrom && rte.expandsRecord) {
      // A function returning a table's row type: the table's columns, by field position.
      const relOid = typeInfo(cat, baseTypeOf(cat, rte.call.type)).relation;
      const cols = relOid === undefined ? undefined : cat.relations.get(relOid)?.columns.filter((c) => !c.dropped);
      // (a whole-row reference depends on the function alone, as in Postgres)
      if (cols && relOid !== undefined && v.attno > 0) add(relOid, cols[v.attno - 1]?.attnum ?? -1);
    } else if (rte.kind === 'join') {
      const inner = rte.aliasExprs[v.attno - 1];
      if (inner) {
        // The merged column's inputs, read at the join's level.
        const saved = stack.splice(stack.length - v.levelsUp, v.levelsUp);
        walk(inner);
        stack.push(...saved);
      }
    }
  };
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const y of x) walk(y);
      return;
    }
    const o = x as Record<string, unknown>;
    if (o.kind === 'Var') {
      onVar(o as unknown as { levelsUp: number; rti: number; attno: number });
      return;
    }
    // A FROM function's whole row depends on the function alone, not on its row type's columns.
    if (o.kind === 'RowExpr' && o.wholeRow) {
      const a0 = (o.args as { kind: string; levelsUp: number; rti: number }[])[0];
      if (a0?.kind === 'Var' && stack[stack.length - 1 - a0.levelsUp]?.rtable[a0.rti]?.kind === 'function') return;
    }
    // A view or policy subquery named in FROM: its own dependencies, not this view's.
    if (o.kind === 'subquery' && ((o as { viewOid?: number }).viewOid !== undefined || (o as { rlsRelation?: number }).rlsRelation !== undefined)) return;
    const isQuery = 'commandType' in o && Array.isArray(o.rtable);
    if (isQuery) stack.push(o as unknown as Query);
    for (const [k, v] of Object.entries(o)) {
      if (SKIP.has(k) || typeof v !== 'object' || v === null) continue;
      walk(v);
    }
    if (isQuery) stack.pop();
  };
  walk(q);
  return out;
}
