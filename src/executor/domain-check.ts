/**
 * Domain constraints at coercion time: NOT NULL and CHECK (VALUE ...) of a domain and of the
 * domains it is based on, with Postgres's errors (23502 / 23514 naming the domain).
 * Postgres counterpart: execExprInterp.c ExecEvalConstraintCheck / ExecEvalConstraintNotNull.
 */
import type { Catalog } from '../catalog/catalog.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { setDomainCheckFactory } from '../analyze/coerce.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import type { Value } from '../types/values.js';
import { compileExpr } from './expr/compile.js';
import { formatTypeName } from '../catalog/ruleutils/format-type.js';
import type { ExecContext } from './context.js';

setDomainCheckFactory((cat: Catalog, domainType: number) => {
  const chain: { name: string; schema: string; notNull: boolean; checks: { name: string; f: (v: Value, rt: ExprRuntime) => Value }[] }[] = [];
  let t = cat.types.get(domainType);
  while (t && t.kind === 'd' && t.domain) {
    const d = t.domain;
    chain.unshift({
      name: t.name,
      schema: cat.namespaceName(t.namespace),
      notNull: d.notNull,
      checks: d.checks.map((c) => {
        // Domain checks are analyzed with VALUE as Param index 0... stored as a Var of rti 0 attno 1.
        const ce = compileExpr(c.expr.expr, { depth: 0, offsets: [0] });
        return { name: c.name, f: (v: Value, rt: ExprRuntime) => ce([v], rt as ExecContext) };
      }),
    });
    t = cat.types.get(d.baseType);
  }
  // Errors name the domain being coerced to, whichever domain of the chain owns the constraint
  // (ExecEvalConstraintCheck reports its resulttype).
  // format_type_be: qualified only when not visible through the search path (computed on error).
  const top = chain[chain.length - 1];
  const shownIn = (rt: ExprRuntime) => formatTypeName(cat, rt.session.searchPath(), domainType, null);
  return (v, rt) => {
    for (const d of chain) {
      // A NULL meets CHECK constraints too: CHECK (VALUE IS NOT NULL) rejects it.
      if (v === null && d.notNull) throw new PgError(SQLSTATE.not_null_violation, `domain ${shownIn(rt)} does not allow null values`, { schema: top.schema, dataType: top.name });
      for (const c of d.checks) {
        if (c.f(v, rt) === false) {
          throw new PgError(SQLSTATE.check_violation, `value for domain ${shownIn(rt)} violates check constraint "${c.name}"`, { schema: top.schema, dataType: top.name, constraint: c.name });
        }
      }
    }
    return v;
  };
});
