/**
 * pg_node_tree values: where Postgres stores serialized expression trees (pg_attrdef.adbin,
 * pg_constraint.conbin, pg_index.indexprs/indpred), fauxgres stores a reference to the catalog
 * object holding the analyzed expression, e.g. `{FAUXGRES :default 16390 2}`; pg_get_expr()
 * resolves it and deparses the expression. Clients only ever pass these values to pg_get_expr.
 * Postgres counterpart: src/backend/nodes/outfuncs.c (the tree text), ruleutils.c (pg_get_expr).
 * Known gaps: the text of the value itself differs from Postgres's node dump.
 */
import type { Catalog } from '../catalog.js';
import type { RelationDef, StoredExpr } from '../objects.js';

export type NodeTreeRef =
  | { readonly kind: 'default'; readonly relation: number; readonly attnum: number }
  | { readonly kind: 'check'; readonly constraint: number }
  | { readonly kind: 'domaincheck'; readonly type: number; readonly constraint: number }
  | { readonly kind: 'domaindefault'; readonly type: number }
  | { readonly kind: 'indexprs' | 'indpred'; readonly index: number }
  | { readonly kind: 'partexprs' | 'partbound'; readonly relation: number }
  | { readonly kind: 'polqual' | 'polwithcheck'; readonly index: number }
  | { readonly kind: 'stxexprs'; readonly index: number };

/** The pg_node_tree text for a reference. */
export function nodeTree(ref: NodeTreeRef): string {
  switch (ref.kind) {
    case 'default':
      return `{FAUXGRES :default ${ref.relation} ${ref.attnum}}`;
    case 'check':
      return `{FAUXGRES :check ${ref.constraint}}`;
    case 'domaincheck':
      return `{FAUXGRES :domaincheck ${ref.type} ${ref.constraint}}`;
    case 'domaindefault':
      return `{FAUXGRES :domaindefault ${ref.type}}`;
    case 'partexprs':
    case 'partbound':
      return `{FAUXGRES :${ref.kind} ${ref.relation}}`;
    default:
      return `{FAUXGRES :${ref.kind} ${ref.index}}`;
  }
}

/** What a pg_node_tree value refers to: the expressions and the relation their Vars belong to. */
export interface ResolvedTree {
  readonly exprs: readonly StoredExpr[];
  readonly relation?: RelationDef;
  readonly domain?: boolean;
  /** The expressions may hold subqueries (policies): printed through relationExprText. */
  readonly subqueries?: boolean;
}

/** Resolves a pg_node_tree value, or undefined when it names nothing (any more). */
export function resolveNodeTree(cat: Catalog, text: string): ResolvedTree | undefined {
  const m = /^\{FAUXGRES :(\w+) (\d+)(?: (\d+))?\}$/.exec(text);
  if (!m) return undefined;
  const a = Number(m[2]);
  const b = m[3] === undefined ? 0 : Number(m[3]);
  switch (m[1]) {
    case 'default': {
      const rel = cat.relations.get(a);
      const col = rel?.columns[b - 1];
      const e = col?.generated?.expr ?? col?.default;
      return rel && e ? { exprs: [e], relation: rel } : undefined;
    }
    case 'check': {
      const c = cat.constraints.get(a);
      return c?.check ? { exprs: [c.check], relation: cat.relations.get(c.relation) } : undefined;
    }
    case 'domaincheck': {
      const chk = cat.types.get(a)?.domain?.checks.find((k) => k.oid === b);
      return chk ? { exprs: [chk.expr], domain: true } : undefined;
    }
    case 'domaindefault': {
      const d = cat.types.get(a)?.domain?.default;
      return d ? { exprs: [d], domain: true } : undefined;
    }
    case 'partexprs': {
      const rel = cat.relations.get(a);
      const parts = rel?.partitionKey?.parts.filter((p) => p.expr);
      return rel && parts?.length ? { exprs: parts.map((p) => p.expr!), relation: rel } : undefined;
    }
    case 'stxexprs': {
      const st = cat.statistics.get(a);
      return st?.exprs.length ? { exprs: st.exprs, relation: cat.relations.get(st.relation) } : undefined;
    }
    case 'indexprs':
    case 'indpred': {
      const idx = cat.relations.get(a);
      const info = idx?.index;
      if (!info) return undefined;
      const table = cat.relations.get(info.relation);
      if (m[1] === 'indpred') return info.predicate ? { exprs: [info.predicate], relation: table } : undefined;
      return { exprs: info.keys.filter((k) => k.expr).map((k) => k.expr!), relation: table };
    }
    case 'polqual':
    case 'polwithcheck': {
      const p = cat.policies.get(a);
      const e = m[1] === 'polqual' ? p?.qual : p?.withCheck;
      return p && e ? { exprs: [{ expr: e.expr as StoredExpr['expr'], text: e.text, volatile: false }], relation: cat.relations.get(p.relation), subqueries: true } : undefined;
    }
  }
  return undefined;
}
