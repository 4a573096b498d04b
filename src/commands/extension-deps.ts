/**
 * What depends on an extension's functions and operators, for DROP EXTENSION (2BP01): stored
 * expressions calling them (index keys and predicates, column defaults, generated columns,
 * CHECK constraints).
 * Postgres counterpart: src/backend/catalog/dependency.c (pg_depend entries recorded on the
 * extension's member functions and operators).
 * Known gaps: views calling an extension's functions are not seen (views keep their parse tree).
 */
import type { Catalog } from '../catalog/catalog.js';
import { allFunctions, type FunctionImpl } from '../functions/registry.js';
import { formatType } from '../types/registry.js';

/** The first call (FuncExpr / OpExpr) of an extension's function inside a stored expression. */
function extensionCall(e: unknown, ext: string): { fn: FunctionImpl; op?: string } | undefined {
  if (!e || typeof e !== 'object') return undefined;
  if (Array.isArray(e)) {
    for (const x of e) {
      const r = extensionCall(x, ext);
      if (r) return r;
    }
    return undefined;
  }
  const o = e as Record<string, unknown>;
  if ((o.kind === 'FuncExpr' || o.kind === 'OpExpr') && (o.fn as FunctionImpl | undefined)?.extension === ext) {
    return { fn: o.fn as FunctionImpl, op: o.kind === 'OpExpr' ? (o.op as string) : undefined };
  }
  for (const [k, v] of Object.entries(o)) {
    if (k === 'fn' || k === 'agg' || k === 'rel') continue;
    const r = extensionCall(v, ext);
    if (r) return r;
  }
  return undefined;
}

/** `index i depends on function f(text)` lines for the extension's functions in stored expressions. */
export function functionDependents(cat: Catalog, searchPath: readonly string[], ext: string): string[] {
  const e = cat.extensions.get(ext);
  if (!e) return [];
  const ns = cat.namespaceName(e.namespace);
  const prefix = searchPath.includes(ns) ? '' : `${ns}.`;
  const what = (c: { fn: FunctionImpl; op?: string }) => {
    const args = c.fn.argTypes.map((t) => formatType(cat, t)).join(',');
    return c.op ? `operator ${prefix}${c.op}(${args})` : `function ${prefix}${c.fn.name}(${args})`;
  };
  // Dependents come function by function (in the order the extension's script creates them),
  // then by the dependent object's creation.
  const rank = new Map<FunctionImpl, number>();
  for (const [, list] of allFunctions()) for (const f of list) if (f.extension === ext) rank.set(f, rank.size);
  const found: { rank: number; oid: number; line: string }[] = [];
  const add = (c: { fn: FunctionImpl; op?: string }, oid: number, line: string) => found.push({ rank: rank.get(c.fn) ?? 1e9, oid, line: `${line} depends on ${what(c)}` });
  for (const rel of [...cat.relations.values()].sort((a, b) => a.oid - b.oid)) {
    if (rel.kind === 'i' && rel.index) {
      for (const part of [...rel.index.keys.map((k) => k.expr?.expr), rel.index.predicate?.expr]) {
        const c = extensionCall(part, ext);
        if (c) {
          add(c, rel.oid, `index ${rel.name}`);
          break;
        }
      }
      continue;
    }
    if (rel.kind !== 'r' && rel.kind !== 'p') continue;
    for (const col of rel.columns) {
      if (col.dropped) continue;
      const d = extensionCall(col.default?.expr, ext);
      if (d) add(d, rel.oid, `default value for column ${col.name} of table ${rel.name}`);
      const g = extensionCall(col.generated?.expr.expr, ext);
      if (g) add(g, rel.oid, `column ${col.name} of table ${rel.name}`);
    }
    for (const con of cat.relationConstraints(rel.oid)) {
      const c = extensionCall(con.check?.expr, ext);
      if (c) add(c, con.oid, `constraint ${con.name} on table ${rel.name}`);
    }
  }
  return found.sort((a, b) => a.rank - b.rank || a.oid - b.oid).map((f) => f.line);
}
