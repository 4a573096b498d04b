/**
 * The operators an expression `a op b` may resolve to when the catalog has user-defined ones:
 * the built-ins (pg_catalog, and extensions' in their schemas) and CREATE OPERATOR operators,
 * found through the search path (or the schema of OPERATOR(schema.op)); an operator in a schema
 * searched earlier hides one with the same operand types later on, as OpernameGetCandidates does.
 * Shell operators (named by COMMUTATOR / NEGATOR, never defined) are candidates that
 * resolveOperator refuses once chosen, as Postgres's make_op does.
 * Postgres counterpart: src/backend/catalog/namespace.c (OpernameGetCandidates).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { OperatorObjectDef } from '../catalog/objects.js';
import type { FunctionImpl, OperatorDef } from '../functions/registry.js';
import { userFunctionImpl } from '../functions/user-functions.js';
import { builtinProcByOid } from '../catalog/system/procs.js';
import { operatorByOid } from '../catalog/operators.js';
import { builtinSchema } from './func-candidates.js';

/** The implementation of a user operator's function (undefined for a shell). */
function operatorFunction(cat: Catalog, o: OperatorObjectDef): FunctionImpl | undefined {
  if (!o.proc) return undefined;
  const def = cat.functions.get(o.proc);
  if (def) return userFunctionImpl(def);
  return builtinProcByOid(o.proc)?.fn;
}

/** Never called: resolving to a shell operator is an error at analysis. */
const SHELL_FUNCTION: FunctionImpl = { name: 'shell', argTypes: [], returnType: 0, strict: true, volatility: 'i', fn: () => null };

function userOperatorDef(cat: Catalog, o: OperatorObjectDef): OperatorDef | undefined {
  const fn = operatorFunction(cat, o) ?? (o.proc ? undefined : SHELL_FUNCTION);
  if (!fn) return undefined;
  const com = o.commutator ? operatorByOid(cat, o.commutator)?.name : undefined;
  const neg = o.negator ? operatorByOid(cat, o.negator)?.name : undefined;
  return { name: o.name, left: o.kind === 'l' ? 0 : o.left, right: o.right, result: o.result, fn, ...(o.proc ? {} : { shell: true as const }), ...(com ? { commutator: com } : {}), ...(neg ? { negator: neg } : {}) };
}

/**
 * Built-in candidates `builtins` (already limited to installed extensions) merged with the user
 * operators named `name` along `path` (the effective search path, or the one named schema).
 */
export function operatorCandidates(cat: Catalog, path: readonly string[], name: string, builtins: readonly OperatorDef[]): OperatorDef[] {
  const out: OperatorDef[] = [];
  const hidden = (o: OperatorDef) => out.some((x) => x.left === o.left && x.right === o.right);
  for (const s of path) {
    for (const b of builtins) if (builtinSchema(cat, b.fn) === s && !hidden(b)) out.push(b);
    const ns = cat.namespaceOid(s);
    if (ns === undefined) continue;
    for (const o of cat.operators.values()) {
      if (o.namespace !== ns || o.name !== name) continue;
      const def = userOperatorDef(cat, o);
      if (def && !hidden(def)) out.push(def);
    }
  }
  return out;
}
