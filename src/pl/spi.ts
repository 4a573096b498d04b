/**
 * Statements inside function bodies (PL/pgSQL expressions and queries, SQL-function statements,
 * dynamic EXECUTE): analyzed by the normal analyzer with the body's variables resolved through a
 * ColumnRefHook (as Params), planned once, and run with the variables' current values as the
 * parameter array. A plan is valid for one catalog version; callers keep it per function.
 *
 * Errors while analyzing carry Postgres's INTERNAL QUERY / INTERNAL POSITION instead of a
 * position in the client's statement.
 *
 * Postgres counterpart: src/backend/executor/spi.c (SPI_prepare / SPI_execute_plan) and
 * pl_exec.c's simple-expression path (exec_eval_simple_expr).
 */
import type { Catalog } from '../catalog/catalog.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import type { ColumnRefHook, StatementState } from '../analyze/parse-state.js';
import { transformSelectStmt } from '../analyze/select.js';
import type { Expr } from '../nodes/primnodes.js';
import { exprContains } from '../nodes/walk.js';
import { coerceTo } from '../analyze/coerce.js';
import { OID } from '../types/oids.js';
import type { Query } from '../nodes/query.js';
import { planSelect, withPlanningCatalog, type PlannedSelect } from '../plan/planner.js';
import { compileExpr, type CExpr } from '../executor/expr/compile.js';
import type { ExecContext, Row } from '../executor/context.js';
import { parseScript, type RawStatement } from '../parser/parse.js';
import type { Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import { makeExecContext } from '../session/run-select.js';
import { runUtility } from '../commands/utility.js';
import { analyzeCall, executeCall, outputParams, outputTypes } from '../commands/call.js';
import { executeSpiDml, needsCteRun, prepareDmlForSpi, type SpiDml } from '../commands/dml.js';
import { withDmlPlan } from './spi-with-dml.js';
import { explainFields, parseExplainOptions, runExplain } from '../commands/explain.js';
import { cursorTargets, splitCtidColumns, withCtidColumns, type CursorPositions } from '../commands/current-of.js';
import { planCanScrollBackward } from '../commands/portalcmds.js';

export interface SpiColumn {
  readonly name: string;
  readonly type: number;
  readonly typmod: number;
}

/** How to analyze one statement of a function body. */
export interface SpiOptions {
  /** Types of `$1 .. $n` (the function's parameters). */
  readonly paramTypes: readonly number[];
  readonly hook?: ColumnRefHook;
  /** Text shown as INTERNAL QUERY for analysis errors (defaults to the parsed text). */
  readonly errorText?: string;
  /** Added to 1-based positions in the parsed text to give positions in `errorText`. */
  readonly errorDelta?: number;
  /** Rewrites each output expression of a SELECT before planning (assignment casts, folding). */
  readonly rewriteTarget?: (e: Expr) => Expr;
  /** The SELECT opens a cursor: also plan the row positions WHERE CURRENT OF reads. */
  readonly forCursor?: boolean;
}

type AnyNode = Record<string, any>;

/** A prepared statement of a function body. */
export interface SpiPlan {
  readonly command: 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE' | 'UTILITY';
  /** Result columns (SELECT, or RETURNING of DML); empty otherwise. */
  readonly columns: readonly SpiColumn[];
  readonly returnsRows: boolean;
  /** The catalog version it was planned for. */
  readonly catalogVersion: number;
  /** Whether it calls anything not IMMUTABLE (Postgres would not fold it at plan time). */
  readonly mutable?: boolean;
  /** For `SELECT <expr>` without FROM: the expression alone (evaluated without a plan). */
  readonly simple?: { readonly expr: CExpr; readonly type: number; readonly typmod: number };
  /** Runs the statement; rows of a SELECT or RETURNING, and the processed-row count. */
  execute(session: Session, params: readonly Value[]): { rows: Row[]; rowCount: number };
  /** Rows of a SELECT one at a time (FOR loops, cursors). */
  iterate(session: Session, params: readonly Value[]): Iterable<Row>;
  /** A SELECT whose plan can run backward (a cursor without SCROLL / NO SCROLL may scroll). */
  readonly scrollable?: boolean;
  /**
   * With `forCursor`: the rows and, per table the cursor can name in WHERE CURRENT OF, the ctid
   * each row came from.
   */
  cursorExecute?(session: Session, params: readonly Value[]): { rows: Row[]; positions: CursorPositions };
}

/** Parses exactly one statement. */
export function parseOne(text: string): RawStatement {
  const stmts = parseScript(text);
  if (stmts.length !== 1) throw featureNotSupported(stmts.length ? 'several statements in one function-body query' : 'an empty query');
  return stmts[0];
}

/** Moves a client-side position to INTERNAL QUERY / INTERNAL POSITION (analysis errors in bodies). */
export function internalizeError(e: unknown, text: string, delta: number): void {
  if (!(e instanceof PgError)) return;
  let pos: number | undefined;
  if (e.position !== undefined) pos = Number(e.position);
  else if (e.cursor !== undefined) pos = e.cursor + 1;
  if (pos === undefined) return;
  e.position = undefined;
  e.cursor = undefined;
  e.internalPosition = String(pos + delta);
  e.internalQuery = text;
}

function isSimpleSelect(q: Query): boolean {
  return (
    q.rtable.length === 0 && q.fromList.length === 0 && !q.where && !q.hasAggs && q.groupBy.length === 0 && !q.having &&
    q.sortBy.length === 0 && !q.distinct && !q.limit && !q.offset && !q.setOp && q.ctes.length === 0 &&
    q.targetList.length === 1 && !q.targetList[0].resjunk && !hasSetReturning(q.targetList[0].expr) &&
    !exprContains(q.targetList[0].expr, (x) => x.kind === 'SubLink')
  );
}

function hasSetReturning(e: Expr): boolean {
  if (e.kind === 'FuncExpr' && e.retset) return true;
  for (const v of Object.values(e)) {
    if (v && typeof v === 'object' && 'kind' in (v as object) && 'type' in (v as object) && hasSetReturning(v as Expr)) return true;
    if (Array.isArray(v)) for (const x of v) if (x && typeof x === 'object' && 'kind' in x && 'type' in x && hasSetReturning(x as Expr)) return true;
  }
  return false;
}

function selectPlan(session: Session, state: StatementState, body: AnyNode, cat: Catalog, rewrite: ((e: Expr) => Expr) | undefined, forCursor = false): SpiPlan {
  // With a rewrite (PL/pgSQL assignment), literals stay unknown so the target type reads them.
  const query = transformSelectStmt(state, body, undefined, !!rewrite);
  if (rewrite) {
    query.targetList = query.targetList.map((t) => {
      if (t.resjunk) return t;
      const e = rewrite(t.expr);
      return { ...t, expr: e.type === OID.unknown ? coerceTo(undefined, cat, e, OID.text, -1, 'implicit') : e };
    });
  }
  const tl = query.targetList.filter((t) => !t.resjunk);
  const columns = tl.map((t) => ({ name: t.name, type: t.expr.type, typmod: t.expr.typmod }));
  if (isSimpleSelect(query)) {
    const e = tl[0].expr;
    const expr = withPlanningCatalog(cat, () => compileExpr(e, { depth: 0, offsets: [] }));
    const empty: Row = [];
    const one = (s: Session, params: readonly Value[]): Row => [expr(empty, execContext(s, params))];
    return {
      command: 'SELECT', columns, returnsRows: true, catalogVersion: cat.version, simple: { expr, type: e.type, typmod: e.typmod },
      execute: (s, params) => ({ rows: [one(s, params)], rowCount: 1 }),
      iterate: (s, params) => [one(s, params)],
    };
  }
  const planned: PlannedSelect = withPlanningCatalog(cat, () => planSelect(query, undefined, cat));
  const width = columns.length;
  const iterate = function* (s: Session, params: readonly Value[]): Iterable<Row> {
    const ctx = execContext(s, params);
    for (const r of planned.plan.run(ctx, undefined)) yield r.length === width ? r : r.slice(0, width);
  };
  return {
    command: 'SELECT', columns, returnsRows: true, catalogVersion: cat.version,
    execute: (s, params) => {
      const rows = [...iterate(s, params)];
      return { rows, rowCount: rows.length };
    },
    iterate,
    scrollable: planCanScrollBackward(query),
    cursorExecute: forCursor ? cursorPositionsPlan(state, body, cat, query, planned, width) : undefined,
  };
}

/**
 * For a cursor: the same query with the ctid of each table WHERE CURRENT OF can name appended
 * (as DECLARE does, commands/current-of.ts), run and split into rows and positions.
 */
function cursorPositionsPlan(state: StatementState, body: AnyNode, cat: Catalog, query: Query, planned: PlannedSelect, width: number): SpiPlan['cursorExecute'] {
  const targets = cursorTargets(query, planned.plan);
  const refs = targets.rtis.map((rti) => query.rtable[rti] as { alias: string; rel: { oid: number } });
  let wide: PlannedSelect | undefined;
  if (refs.length) {
    const q2 = transformSelectStmt({ ...state, paramTypes: [...state.paramTypes] }, withCtidColumns(body, refs.map((r) => r.alias)), undefined, false);
    wide = withPlanningCatalog(cat, () => planSelect(q2, undefined, cat));
  }
  const relOids = refs.map((r) => r.rel.oid);
  return (s, params) => {
    const ctx = execContext(s, params);
    if (!wide) {
      const rows: Row[] = [];
      for (const r of planned.plan.run(ctx, undefined)) rows.push(r.length === width ? r : r.slice(0, width));
      return { rows, positions: { mode: targets.mode, targets: [] } };
    }
    const split = splitCtidColumns([...wide.plan.run(ctx, undefined)], width, relOids);
    return { rows: split.rows, positions: { mode: targets.mode, targets: split.targets } };
  };
}

/** An ExecContext whose parameters are the body's variable values. */
export function execContext(session: Session, params: readonly Value[]): ExecContext {
  return makeExecContext(session, params);
}

/**
 * Analyzes and plans one statement of a function body.
 * @throws the analyzer's errors, with INTERNAL QUERY / POSITION set.
 */
export function prepareSpi(session: Session, raw: RawStatement, opts: SpiOptions): SpiPlan {
  const text = raw.text;
  const cat = session.catalog();
  const [kind, body] = Object.entries(raw.stmt)[0] as [string, AnyNode];
  try {
    const state: StatementState = {
      catalog: cat, session, sql: text, paramTypes: [...opts.paramTypes], inferParams: false, volatileSeen: false, columnRefHook: opts.hook,
    };
    // WITH holding data-modifying queries (or a WITH an UPDATE / DELETE cannot carry): spi-with-dml.ts.
    if ((kind === 'SelectStmt' || kind === 'InsertStmt' || kind === 'UpdateStmt' || kind === 'DeleteStmt' || kind === 'MergeStmt') && needsCteRun(kind, body)) {
      return withDmlPlan(session, raw, kind, body, opts, prepareSpi);
    }
    switch (kind) {
      case 'SelectStmt': {
        const plan = selectPlan(session, state, body, cat, opts.rewriteTarget, !!opts.forCursor);
        return { ...plan, mutable: !!state.mutableSeen || state.volatileSeen };
      }
      case 'InsertStmt':
      case 'UpdateStmt':
      case 'DeleteStmt':
      case 'MergeStmt': {
        const p: SpiDml = prepareDmlForSpi(session, kind, body, text, [...opts.paramTypes], opts.hook);
        const columns = (p.returning?.fields ?? []).map((f) => ({ name: f.name, type: f.dataTypeID, typmod: f.dataTypeModifier }));
        const command = kind.replace('Stmt', '').toUpperCase() as 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE';
        const execute = (s: Session, params: readonly Value[]) => {
          const r = executeSpiDml(s, p, params);
          return { rows: r.rows, rowCount: r.rowCount ?? 0 };
        };
        return { command, columns, returnsRows: !!p.returning, catalogVersion: cat.version, execute, iterate: (s, params) => execute(s, params).rows };
      }
      case 'ExplainStmt': {
        // FOR r IN EXPLAIN ... / EXECUTE 'EXPLAIN ...': the plan lines as rows of one column.
        const field = explainFields(parseExplainOptions(body.options, text).format)[0];
        const execute = (s: Session, params: readonly Value[]) => {
          const r = runExplain(s, body, text, raw, params, [...opts.paramTypes], opts.hook);
          return { rows: r.rows, rowCount: r.rows.length };
        };
        return { command: 'SELECT', columns: [{ name: field.name, type: field.dataTypeID, typmod: -1 }], returnsRows: true, catalogVersion: -1, execute, iterate: (s, params) => execute(s, params).rows };
      }
      case 'CallStmt': {
        // CALL with the body's parameters in scope (a SQL function's `CALL p(x)`).
        const call = analyzeCall(session, body.funccall, text, opts.paramTypes, opts.hook);
        const outs = outputParams(call.def);
        const columns = outs.map((p, i) => ({ name: p.name || 'column', type: outputTypes(cat, call)[i], typmod: -1 }));
        const execute = (s: Session, params: readonly Value[]) => {
          const values = executeCall(s, call, makeExecContext(s, params));
          return { rows: outs.length ? [values as Row] : [], rowCount: outs.length ? 1 : 0 };
        };
        return { command: 'UTILITY', columns, returnsRows: outs.length > 0, catalogVersion: cat.version, execute, iterate: (s, params) => execute(s, params).rows };
      }
      case 'TransactionStmt':
        throw featureNotSupported('transaction control statements inside this function body');
      default: {
        const execute = (s: Session) => {
          runUtility(s, kind, body, text, raw);
          return { rows: [] as Row[], rowCount: 0 };
        };
        return { command: 'UTILITY', columns: [], returnsRows: false, catalogVersion: -1, execute, iterate: () => [] };
      }
    }
  } catch (e) {
    internalizeError(e, opts.errorText ?? text, opts.errorDelta ?? 0);
    throw e;
  }
}
