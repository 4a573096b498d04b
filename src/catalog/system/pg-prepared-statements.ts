/**
 * pg_prepared_statements: the session's PREPAREd statements (from_sql true) and the named
 * statements of the extended query protocol (from_sql false), with their parameter and result
 * types and plan counts.
 * Postgres counterpart: pg_prepared_statement in src/backend/commands/prepare.c; the plan choice
 * of src/backend/utils/cache/plancache.c (choose_custom_plan).
 * Known gaps: the plan counts follow Postgres's usual choice (a statement without parameters always
 * runs a generic plan; with parameters, five custom plans, then the generic one), not its cost
 * comparison.
 */
import type { PreparedSqlStatement, Session } from '../../session/session.js';
import { PgArray } from '../../types/values.js';
import { defineRows, type RowObject } from './registry.js';

function planCounts(p: PreparedSqlStatement): [bigint, bigint] {
  const n = p.executions ?? 0;
  if (p.paramTypes.length === 0) return [BigInt(n), 0n];
  return [BigInt(Math.max(0, n - 5)), BigInt(Math.min(n, 5))];
}

function row(p: PreparedSqlStatement, fromSql: boolean): RowObject {
  const [generic, custom] = planCounts(p);
  return {
    name: p.name,
    statement: p.statement,
    prepare_time: p.prepareTime,
    parameter_types: PgArray.of([...p.paramTypes]),
    result_types: p.resultTypes ? PgArray.of([...p.resultTypes]) : null,
    from_sql: fromSql,
    generic_plans: generic,
    custom_plans: custom,
  };
}

defineRows('pg_catalog', 'pg_prepared_statements', {
  scope: 'session',
  *rows({ session }) {
    const s = session as unknown as Partial<Session>;
    for (const p of s.prepared?.values() ?? []) yield row(p, true);
    for (const p of s.protocolPrepared?.values() ?? []) yield row(p, false);
  },
});
