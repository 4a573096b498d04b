/**
 * Runs a SELECT: analyze and plan once per (text, catalog version, parameter types), then bind
 * parameters and execute. Postgres counterpart: exec_simple_query / the plan cache (plancache.c).
 */
import type { RawStatement } from '../parser/parse.js';
import type { Query, TargetEntry } from '../nodes/query.js';
import { transformSelectStmt } from '../analyze/select.js';
import type { StatementState } from '../analyze/parse-state.js';
import { planSelect, withPlanningCatalog, type PlannedSelect } from '../plan/planner.js';
import type { ExecContext, Row } from '../executor/context.js';
import { bindParams } from './params.js';
import type { ResultField, StatementResult } from './dispatch.js';
import type { Session } from './session.js';
import type { Catalog } from '../catalog/catalog.js';
import { typeInfo } from '../types/registry.js';
import { OID, sameTypes } from '../types/oids.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { domainBase } from '../analyze/coerce.js';
import { CACHEABLE_SQL_LENGTH } from '../parser/parse.js';
import { relativeTimeInputCount } from '../types/datetime/decode.js';
import { foldQueryConstants } from '../plan/const-fold.js';
import { eachRow } from '../executor/scan.js';

export interface CachedQuery {
  readonly catalog: Catalog;
  readonly query: Query;
  readonly planned: PlannedSelect;
  readonly paramTypes: number[];
  readonly fields: ResultField[];
}

const planCache = new WeakMap<Catalog, Map<string, CachedQuery>>();

export function cacheFor(cat: Catalog): Map<string, CachedQuery> {
  let m = planCache.get(cat);
  if (!m) {
    m = new Map();
    planCache.set(cat, m);
  }
  return m;
}

export function statementState(session: Session, sql: string, paramTypes: number[]): StatementState {
  return {
    catalog: session.catalog(),
    session,
    sql,
    paramTypes: [...paramTypes],
    inferParams: session.inferParams,
    volatileSeen: false,
  };
}

export function fieldsOf(cat: Catalog, tl: readonly TargetEntry[]): ResultField[] {
  return tl
    .filter((t) => !t.resjunk)
    .map((t) => ({
      name: t.name,
      tableID: t.origin?.relation ?? 0,
      columnID: t.origin?.attnum ?? 0,
      // Postgres's RowDescription names a domain's base type (printtup.c: getBaseType).
      dataTypeID: domainBase(cat, t.expr.type),
      dataTypeSize: typeInfo(cat, t.expr.type).typlen,
      dataTypeModifier: t.expr.typmod,
      format: 'text' as const,
    }));
}

/** A statement's execution context; its cache Map is made on first use (most statements never need one). */
class StatementContext implements ExecContext {
  readonly levelRows: Row[] = [];
  private caches: Map<object, unknown> | undefined;
  constructor(
    readonly params: ExecContext['params'],
    readonly session: Session,
    readonly txn: ExecContext['txn'],
  ) {}
  get cache(): Map<object, unknown> {
    return (this.caches ??= new Map());
  }
}

export function makeExecContext(session: Session, params: ExecContext['params']): ExecContext {
  return new StatementContext(params, session, session.transaction());
}

/**
 * An error of plan-time constant folding met while describing a statement (Parse): Postgres plans
 * at Bind, so the protocol raises it there. Carries what Describe reports.
 */
export class DeferredPlanError {
  constructor(
    readonly error: unknown,
    readonly paramTypes: number[],
    readonly fields: ResultField[],
  ) {}
}

/**
 * Analyzes and plans a SELECT, or finds it in the plan cache (per catalog version). With
 * `deferPlanErrors` (Describe at Parse), an error of constant folding comes as a DeferredPlanError.
 */
export function prepareSelect(session: Session, st: RawStatement, body: Record<string, any>, sql: string, paramTypes: number[], deferPlanErrors = false): CachedQuery {
  const cat = session.catalog();
  const spKey = session.searchPathKey();
  const ioKey = session.settings.ioKey;
  // A repeated statement finds its plan on its parse tree, without building the text key.
  const m = lastPlan.get(body);
  if (m && m.c.catalog === cat && m.sql === sql && m.spKey === spKey && m.ioKey === ioKey && sameTypes(m.types, paramTypes)) {
    if (session.inferParams || m.c.paramTypes.length <= paramTypes.length) return m.c;
  }
  // The search path is part of the key: the same text may name other objects under another one.
  const key = `${st.location}\u0000${paramTypes.join(',')}\u0000${spKey}\u0000${ioKey}\u0000${sql}`;
  const cache = cacheFor(cat);
  let c = cache.get(key);
  // A plan made with inferred parameters does not serve a query that has none (42P02 instead).
  if (c && !session.inferParams && c.paramTypes.length > paramTypes.length) c = undefined;
  let cacheable = !session.materialized && sql.length <= CACHEABLE_SQL_LENGTH;
  if (!c) {
    const relative = relativeTimeInputCount();
    const state = statementState(session, sql, paramTypes);
    const query = transformSelectStmt(state, body);
    const types = state.paramTypes.map((t) => (t === 0 || t === OID.unknown ? OID.text : t));
    try {
      foldQueryConstants(query, makeExecContext(session, []));
    } catch (e) {
      if (deferPlanErrors) throw new DeferredPlanError(e, types, fieldsOf(cat, query.targetList));
      throw e;
    }
    const planned = withPlanningCatalog(cat, () => planSelect(query, undefined, cat));
    c = { catalog: cat, query, planned, paramTypes: types, fields: fieldsOf(cat, query.targetList) };
    if (cache.size > 2000) cache.clear();
    // ('now' / 'today' read while analyzing: the constants hold only for this execution)
    if (relativeTimeInputCount() !== relative) cacheable = false;
    if (cacheable) cache.set(key, c);
  }
  if (cacheable) lastPlan.set(body, { c, sql, spKey, ioKey, types: paramTypes.slice() });
  return c;
}

/** The plan a parsed SELECT last used, with what its cache key was made of. */
const lastPlan = new WeakMap<object, { c: CachedQuery; sql: string; spKey: string; ioKey: string; types: readonly number[] }>();

/**
 * The plan a parsed SELECT last used without declared parameter types (as `db.query` runs it), if
 * it still applies to the session's catalog and settings.
 */
export function cachedSelect(session: Session, body: Record<string, any>, sql: string): CachedQuery | undefined {
  const m = lastPlan.get(body);
  if (!m || m.types.length !== 0 || m.c.catalog !== session.catalog() || m.sql !== sql || m.spKey !== session.searchPathKey() || m.ioKey !== session.settings.ioKey) return undefined;
  return m.c;
}


export function runSelect(session: Session, st: RawStatement, body: Record<string, any>, sql: string, params: readonly unknown[], paramTypes: number[]): StatementResult {
  return runPreparedSelect(session, prepareSelect(session, st, body, sql, paramTypes), params);
}

/** SELECT ... FOR UPDATE in a READ ONLY transaction: 25006, naming the strongest clause as Postgres does. */
function checkLockingReadOnly(locking: NonNullable<Query['locking']>): void {
  const names: Record<string, string> = { LCS_FORUPDATE: 'UPDATE', LCS_FORNOKEYUPDATE: 'NO KEY UPDATE', LCS_FORSHARE: 'SHARE', LCS_FORKEYSHARE: 'KEY SHARE' };
  throw new PgError(SQLSTATE.read_only_sql_transaction, `cannot execute SELECT FOR ${names[locking[0].strength] ?? 'UPDATE'} in a read-only transaction`);
}

/** Executes an analyzed and planned SELECT (its catalog must be the session's current one). */
export function runPreparedSelect(session: Session, c: CachedQuery, params: readonly unknown[]): StatementResult {
  const cat = c.catalog;
  if (c.query.locking?.length && session.txn?.readOnly) checkLockingReadOnly(c.query.locking);
  const values = bindParams(cat, session.io, params, c.paramTypes);
  const ctx = makeExecContext(session, values);
  const width = c.fields.length;
  // (made on the first row: a one-row result gets an array of one)
  let rows: Row[] | undefined;
  eachRow(c.planned.plan, ctx, undefined, (r) => {
    const out = r.length === width ? r : r.slice(0, width);
    if (rows) rows.push(out);
    else rows = [out];
  });
  return { command: 'SELECT', rowCount: rows ? rows.length : 0, fields: c.fields, rows: rows ?? [] };
}
