/**
 * Operators as pg_operator sees them: the built-in ones fauxgres implements (namespace
 * pg_catalog, from system/operator-data.ts) and the catalog's user-defined and shell operators,
 * looked up by OID, by schema and name, or by name and operand types through the search path
 * (OpernameGetOprid), and described as getObjectDescription does (`operator @#@(NONE,bigint)`).
 * Postgres counterpart: src/backend/catalog/namespace.c (OpernameGetOprid), pg_operator.c (OperatorGet).
 */
import type { Catalog } from './catalog.js';
import type { OperatorObjectDef } from './objects.js';
import { BUILTIN_OPERATOR_FACTS } from './system/operator-data.js';
import { formatType } from '../types/registry.js';

/** An operator of either origin; built-ins are owned by the bootstrap superuser. */
export interface OperatorInfo extends OperatorObjectDef {
  readonly builtin?: true;
}

export const PG_CATALOG_NAMESPACE = 11;
const BOOTSTRAP_SUPERUSER = 'postgres';

let builtins: { list: OperatorInfo[]; byOid: Map<number, OperatorInfo>; byName: Map<string, OperatorInfo[]> } | undefined;

function builtinOperators(): NonNullable<typeof builtins> {
  if (builtins) return builtins;
  const list: OperatorInfo[] = BUILTIN_OPERATOR_FACTS.map(([oid, name, kind, left, right, result, com, neg, merge, hash, , code, rest, join]) => ({
    oid, name, namespace: PG_CATALOG_NAMESPACE, owner: BOOTSTRAP_SUPERUSER, kind, left, right, result, proc: code,
    commutator: com, negator: neg, restrict: rest, join, canMerge: merge === 1, canHash: hash === 1, builtin: true,
  }));
  const byName = new Map<string, OperatorInfo[]>();
  for (const o of list) byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
  builtins = { list, byOid: new Map(list.map((o) => [o.oid, o])), byName };
  return builtins;
}

/** Every operator, built-in first, then the catalog's in OID order (pg_operator's rows). */
export function allOperators(cat: Catalog): OperatorInfo[] {
  return [...builtinOperators().list, ...[...cat.operators.values()].sort((a, b) => a.oid - b.oid)];
}

export function operatorByOid(cat: Catalog, oid: number): OperatorInfo | undefined {
  return cat.operators.get(oid) ?? builtinOperators().byOid.get(oid);
}

/** The operators named `name` in one schema. */
export function operatorsIn(cat: Catalog, namespace: number, name: string): OperatorInfo[] {
  if (namespace === PG_CATALOG_NAMESPACE) {
    const user = [...cat.operators.values()].filter((o) => o.namespace === namespace && o.name === name);
    return [...(builtinOperators().byName.get(name) ?? []), ...user];
  }
  const out: OperatorInfo[] = [];
  for (const o of cat.operators.values()) if (o.namespace === namespace && o.name === name) out.push(o);
  return out;
}

/** The operator in `namespace` with exactly these operand types (0 for none), shell or not. */
export function operatorGet(cat: Catalog, namespace: number, name: string, left: number, right: number): OperatorInfo | undefined {
  return operatorsIn(cat, namespace, name).find((o) => o.left === left && o.right === right);
}

/**
 * OpernameGetOprid: the operator `names` (`op` or `schema.op`) with exactly these operand types,
 * in the named schema or the first schema of the search path that has one.
 * @returns undefined when there is none, or the named schema does not exist.
 */
export function lookupOperator(cat: Catalog, searchPath: readonly string[], names: readonly string[], left: number, right: number): OperatorInfo | undefined {
  const name = names[names.length - 1];
  const schemas = names.length > 1 ? [names[names.length - 2]] : (searchPath.includes('pg_catalog') ? searchPath : ['pg_catalog', ...searchPath]);
  for (const s of schemas) {
    const ns = cat.namespaceOid(s) ?? (s === 'pg_catalog' ? PG_CATALOG_NAMESPACE : undefined);
    if (ns === undefined) continue;
    const hit = operatorGet(cat, ns, name, left, right);
    if (hit) return hit;
  }
  return undefined;
}

/** getObjectDescription's text: `operator @#@(NONE,bigint)`, schema-qualified unless visible. */
export function operatorDescription(cat: Catalog, searchPath: readonly string[], o: OperatorInfo): string {
  const visible = lookupOperator(cat, searchPath, [o.name], o.left, o.right)?.oid === o.oid;
  const name = visible ? o.name : `${cat.namespaceName(o.namespace)}.${o.name}`;
  return `operator ${name}(${o.left ? formatType(cat, o.left) : 'NONE'},${formatType(cat, o.right)})`;
}

/** `integer ###### bigint` / `###### integer`: an operator signature in 42883 messages. */
export function operatorSignature(cat: Catalog, names: readonly string[], left: number, right: number): string {
  const name = names.join('.');
  return left ? `${formatType(cat, left)} ${name} ${formatType(cat, right)}` : `${name} ${formatType(cat, right)}`;
}
