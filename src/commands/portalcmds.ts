/**
 * SQL cursors: DECLARE name [BINARY] [ASENSITIVE|INSENSITIVE] [NO] SCROLL CURSOR [WITH|WITHOUT
 * HOLD] FOR query, FETCH / MOVE in every direction, CLOSE name | ALL. Cursors live in the
 * session's registry (session/cursors.ts), shared with PL/pgSQL's OPEN.
 * Postgres counterpart: src/backend/commands/portalcmds.c, tcop/pquery.c (PortalRunFetch).
 * Known gaps: FETCH from a BINARY cursor is 0A000 (rows are sent in text format only); rows
 * are computed at DECLARE (FOR UPDATE cursors lock every row then, not as they are fetched).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RawStatement } from '../parser/parse.js';
import type { Query } from '../nodes/query.js';
import type { Row } from '../executor/context.js';
import type { Session } from '../session/session.js';
import { commandResult, type ResultField, type StatementResult } from '../session/dispatch.js';
import { prepareSelect, makeExecContext } from '../session/run-select.js';
import { planningCursor } from '../plan/planner.js';
import { bindParams } from '../session/params.js';
import { addCursor, cursorsOf, fetchCursor, findCursor, type Cursor, type FetchDirection } from '../session/cursors.js';
import { typeInfo } from '../types/registry.js';
import { domainBase } from '../analyze/coerce.js';
import type { Catalog } from '../catalog/catalog.js';
import { cursorTargets, setCursorPositions, splitCtidColumns, withCtidColumns } from './current-of.js';

type AnyNode = Record<string, any>;

// parsenodes.h CURSOR_OPT_*.
const OPT_BINARY = 0x1;
const OPT_SCROLL = 0x2;
const OPT_NO_SCROLL = 0x4;
const OPT_HOLD = 0x20;

/**
 * Whether Postgres's plan for the query could run backward (ExecSupportsBackwardScan), which
 * makes a cursor declared without SCROLL or NO SCROLL scrollable. Follows the plan shapes
 * Postgres picks: a Sort on top, scans, VALUES and function scans can; aggregation, DISTINCT,
 * set operations, joins without a final sort, and a FROM-less Result cannot.
 */
export function planCanScrollBackward(q: Query): boolean {
  if (q.locking?.length) return false;
  if (q.setOp) {
    if (q.sortBy.length) return true;
    return q.setOp.op === 'union' && q.setOp.all && !q.setOp.recursive && planCanScrollBackward(q.setOp.left) && planCanScrollBackward(q.setOp.right);
  }
  if (q.hasAggs || q.groupBy.length || q.distinctOn || q.windowFuncs?.length) return false;
  if (q.distinct) return q.sortBy.length > 0;
  if (!q.fromList.length) return false;
  if (q.fromList.length > 1 || q.fromList[0].kind === 'JoinExpr') return false;
  if (q.sortBy.length) return true;
  const rte = q.rtable[q.fromList[0].rti - 1];
  if (rte?.kind === 'subquery') return planCanScrollBackward(rte.query);
  return true;
}

export function cursorFields(cat: Catalog, cols: Cursor['cols']): ResultField[] {
  return cols.map((c) => ({
    name: c.name,
    tableID: 0,
    columnID: 0,
    dataTypeID: domainBase(cat, c.type),
    dataTypeSize: typeInfo(cat, c.type).typlen,
    dataTypeModifier: c.typmod,
    format: 'text' as const,
  }));
}

/** Computes a query's rows for a cursor, keeping an error met on the way for the fetch that reaches it. */
export function materializeRows(run: () => Iterable<Row>, width: number): { rows: Row[]; error?: unknown } {
  const rows: Row[] = [];
  try {
    for (const r of run()) rows.push(r.length === width ? r : r.slice(0, width));
  } catch (e) {
    if (!(e instanceof PgError)) throw e;
    return { rows, error: e };
  }
  return { rows };
}

export function declareCursor(session: Session, n: AnyNode, sql: string, st: RawStatement, params: readonly unknown[] = [], paramTypes: number[] = []): StatementResult {
  const name = n.portalname as string;
  const opts = (n.options ?? 0) as number;
  const hold = (opts & OPT_HOLD) !== 0;
  const q = n.query as AnyNode;
  if (!q.SelectStmt) throw featureNotSupported('DECLARE CURSOR for a non-SELECT query');
  // (the query's analysis errors come first, as Postgres analyzes it before PerformCursorOpen)
  const c = planningCursor(() => prepareSelect(session, st, q.SelectStmt, sql, paramTypes));
  if (!hold && !session.inBlock && !session.multiStatement) throw new PgError(SQLSTATE.no_active_sql_transaction, 'DECLARE CURSOR can only be used in transaction blocks');
  const reg = cursorsOf(session);
  if (reg.map.has(name)) throw new PgError(SQLSTATE.duplicate_cursor, `cursor "${name}" already exists`);
  if (c.query.locking?.length) {
    if (opts & OPT_SCROLL) throw new PgError(SQLSTATE.feature_not_supported, 'DECLARE SCROLL CURSOR ... FOR UPDATE is not supported', { detail: 'Scrollable cursors must be READ ONLY.' });
    if (hold) throw new PgError(SQLSTATE.feature_not_supported, 'DECLARE CURSOR WITH HOLD ... FOR UPDATE is not supported', { detail: 'Holdable cursors must be READ ONLY.' });
  }
  const values = bindParams(c.catalog, session.io, params, c.paramTypes);
  const ctx = makeExecContext(session, values);
  // For WHERE CURRENT OF: the same query with the ctid of each table it can name appended.
  const targets = cursorTargets(c.query, c.planned.plan);
  const refs = targets.rtis.map((rti) => c.query.rtable[rti] as { alias: string; rel: { oid: number } });
  const run = refs.length
    ? planningCursor(() => prepareSelect(session, st, withCtidColumns(q.SelectStmt, refs.map((r) => r.alias)), `${sql}\u0000current of`, paramTypes))
    : c;
  const width = c.fields.length + 2 * refs.length; // (a ctid and a tableoid per table)
  const { rows: wide, error } = materializeRows(() => run.planned.plan.run(ctx, undefined), width);
  const split = splitCtidColumns(wide, c.fields.length, refs.map((r) => r.rel.oid));
  const rows = split.rows;
  const scroll = (opts & OPT_SCROLL) !== 0 || ((opts & OPT_NO_SCROLL) === 0 && planCanScrollBackward(c.query));
  const cols = c.query.targetList.filter((t) => !t.resjunk).map((t) => ({ name: t.name, type: t.expr.type, typmod: t.expr.typmod }));
  const txn = session.transaction();
  const cursor: Cursor = {
    name, rows, cols, fields: c.fields, error, pos: 0, scroll, holdable: hold, binary: (opts & OPT_BINARY) !== 0, statement: sql,
    created: session.statementTimestamp(), fromSql: true, txn,
  };
  addCursor(session, cursor);
  setCursorPositions(cursor, { mode: targets.mode, targets: split.targets });
  return commandResult('DECLARE CURSOR');
}

const FETCH_ALL = 9223372036854775807;

function direction(n: AnyNode): { dir: FetchDirection; count: number } {
  const raw = n.howMany ?? 0;
  const big = typeof raw === 'string' ? Number(raw) : (raw as number);
  const all = big >= FETCH_ALL || String(raw) === '9223372036854775807';
  switch (n.direction) {
    case 'FETCH_BACKWARD':
      return { dir: 'backward', count: all ? Infinity : big };
    case 'FETCH_ABSOLUTE':
      return { dir: 'absolute', count: big };
    case 'FETCH_RELATIVE':
      return { dir: 'relative', count: big };
    default:
      return { dir: 'forward', count: all ? Infinity : big };
  }
}

export function fetchStatement(session: Session, n: AnyNode): StatementResult {
  const name = (n.portalname as string | undefined) ?? '';
  const isMove = !!n.ismove;
  if (!name) throw new PgError(SQLSTATE.invalid_cursor_name, 'invalid cursor name: must not be empty');
  const c = findCursor(session, name);
  if (c.binary && !isMove) throw featureNotSupported('FETCH from a BINARY cursor');
  const { dir, count } = direction(n);
  if (c.failed) throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `portal "${name}" cannot be run`);
  let r: ReturnType<typeof fetchCursor>;
  try {
    r = fetchCursor(c, dir, count, isMove);
  } catch (e) {
    c.failed = true;
    throw e;
  }
  if (isMove) return commandResult('MOVE', r.count);
  return { command: 'FETCH', rowCount: r.rows.length, fields: c.fields ? [...c.fields] : cursorFields(session.catalog(), c.cols), rows: r.rows };
}

/** Describe of a FETCH statement: the cursor's columns (NoData for MOVE or an unknown cursor). */
export function describeFetch(session: Session, n: AnyNode): ResultField[] | null {
  if (n.ismove) return null;
  const c = cursorsOf(session).map.get(n.portalname ?? '');
  if (!c) return null;
  return c.fields ? [...c.fields] : cursorFields(session.catalog(), c.cols);
}

export function closeCursor(session: Session, n: AnyNode): StatementResult {
  const reg = cursorsOf(session);
  if (!n.portalname) {
    reg.map.clear();
    return commandResult('CLOSE CURSOR ALL');
  }
  if (!reg.map.delete(n.portalname)) throw new PgError(SQLSTATE.invalid_cursor_name, `cursor "${n.portalname}" does not exist`);
  return commandResult('CLOSE CURSOR');
}
