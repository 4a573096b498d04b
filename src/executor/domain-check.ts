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
  return (v, rt) => {
    for (const d of chain) {
      if (v === null) {
        if (d.notNull) throw new PgError(SQLSTATE.not_null_violation, `domain ${d.name} does not allow null values`, { schema: d.schema, dataType: d.name });
        continue;
      }
      for (const c of d.checks) {
        if (c.f(v, rt) === false) {
          throw new PgError(SQLSTATE.check_violation, `value for domain ${d.name} violates check constraint "${c.name}"`, { schema: d.schema, dataType: d.name, constraint: c.name });
        }
      }
    }
    return v;
  };
});
