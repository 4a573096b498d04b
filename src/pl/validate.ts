/**
 * Body validation at CREATE FUNCTION time (Postgres's check_function_bodies = on): a SQL body's
 * statements are analyzed with the parameters' types and its result checked against the declared
 * one (skipped for polymorphic parameters, as in Postgres); a PL/pgSQL body is parsed and its
 * declarations compiled by the PL/pgSQL validator. Errors point into the CREATE statement.
 *
 * Postgres counterpart: fmgr_sql_validator (pg_proc.c), plpgsql_validator (pl_handler.c).
 */
import type { FunctionDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { isPolymorphic } from '../analyze/func.js';
import type { RawStatement } from '../parser/parse.js';
import type { Session } from '../session/session.js';
import { markContextDone } from './error-context.js';
import { checkSqlResult, resultShape, sqlBodyStatements, sqlParamHook } from './sql-function.js';
import { prepareSpi, type SpiPlan } from './spi.js';

/** Maps a 0-based offset in the body to a 1-based position in the client's statement. */
export type BodyPosition = (bodyOffset: number) => string | undefined;

export type PlpgsqlValidator = (session: Session, def: FunctionDef, st: RawStatement, bodyPos: BodyPosition) => void;
let plpgsqlValidator: PlpgsqlValidator | undefined;
export function setPlpgsqlValidator(v: PlpgsqlValidator): void {
  plpgsqlValidator = v;
}

/** Validates a routine's body; throws the first error Postgres would report at creation. */
export function validateRoutineBody(session: Session, def: FunctionDef, st: RawStatement, bodyPos: BodyPosition): void {
  if (def.language === 'plpgsql') {
    plpgsqlValidator?.(session, def, st, bodyPos);
    return;
  }
  if (def.argTypes.some(isPolymorphic)) return;
  const stmts = sqlBodyStatements(def);
  const hook = sqlParamHook(def, def.argTypes);
  let last: SpiPlan | undefined;
  for (const raw of stmts) {
    try {
      last = prepareSpi(session, raw, { paramTypes: def.argTypes, hook });
      if (last.command === 'UTILITY' && last.returnsRows && 'CallStmt' in raw.stmt) {
        // Postgres's check_sql_fn_statements.
        throw new PgError(SQLSTATE.feature_not_supported, 'calling procedures with output arguments is not supported in SQL functions');
      }
    } catch (e) {
      if (e instanceof PgError && e.internalPosition !== undefined && def.sqlBody === undefined) {
        e.position = bodyPos(raw.location + Number(e.internalPosition) - 1);
        e.internalPosition = undefined;
        e.internalQuery = undefined;
      } else if (e instanceof PgError) {
        e.internalPosition = undefined;
        e.internalQuery = undefined;
      }
      throw e;
    }
  }
  if (def.kind === 'p') return;
  try {
    checkSqlResult(session.catalog(), resultShape(session.catalog(), def, def.returnType), stmts.length ? last : undefined, def.retset);
  } catch (e) {
    if (e instanceof PgError) {
      e.where = `SQL function "${def.name}"`;
      markContextDone(e);
    }
    throw e;
  }
}
