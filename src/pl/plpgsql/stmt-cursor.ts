/**
 * Cursors: OPEN (bound cursors with arguments, OPEN ... FOR query / FOR EXECUTE), FETCH and MOVE
 * in every direction, CLOSE, and FOR over a bound cursor. A cursor variable holds the portal's
 * name (generated as `<unnamed portal N>` when the variable is NULL); portals live in the
 * session until closed. Rows are computed when the cursor is opened.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_stmt_open, exec_stmt_fetch,
 * exec_stmt_close, exec_stmt_forc); portals in src/backend/utils/mmgr/portalmem.c.
 * Portals are the session's cursors (session/cursors.ts), so SQL FETCH reads a returned refcursor.
 * A cursor scrolls when declared (or opened) SCROLL, or when neither SCROLL nor NO SCROLL is
 * given and its plan can run backward; its rows record the ctids WHERE CURRENT OF reads.
 * Known gaps: rows are materialized at OPEN (no lazy fetching, no FOR UPDATE cursors).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Row } from '../../executor/context.js';
import { addCursor, cursorsOf, fetchCursor, noCursor, type Cursor, type FetchDirection } from '../../session/cursors.js';
import { setCursorPositions, type CursorPositions } from '../../commands/current-of.js';
import { parseScript } from '../../parser/parse.js';
import type { Session } from '../../session/session.js';
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { prepareSpi, type SpiColumn } from '../spi.js';
import { addErrorContext, popContext, pushContext } from '../error-context.js';
import { Rc, type Frame } from './frame.js';
import { PlExpr } from './expr.js';
import { assignRow, castValue, type Target } from './assign.js';
import { loopOutcome } from './stmt-control.js';
import { targetOf } from './stmt-query.js';
import { Scope } from './scope.js';
import type { CStmt, Compiler } from './compile.js';
import { exprText, type PlNode } from './tree.js';

type Portal = Cursor;

/** The session's cursors: shared with SQL DECLARE / FETCH (session/cursors.ts). */
function portalsOf(s: Session) {
  return cursorsOf(s);
}

/**
 * Takes an unnamed-portal number: Postgres's FOR loops over queries run through portals too, so
 * they advance the `<unnamed portal N>` numbering.
 */
export function takePortalNumber(s: Session): number {
  return ++portalsOf(s).counter;
}


function cursorName(c: Compiler, f: Frame, dno: number): string {
  const v = f.values[dno];
  if (v === null) throw new PgError(SQLSTATE.null_value_not_allowed, `cursor variable "${c.datums[dno].name}" is null`);
  return String(v);
}

/** What opening a cursor computed: rows, columns, and what the plan allows. */
interface Opened {
  readonly rows: Row[];
  readonly cols: readonly SpiColumn[];
  readonly text?: string;
  /** The plan can run backward (decides scrolling when neither SCROLL nor NO SCROLL is given). */
  readonly scrollable: boolean;
  /** Rows' positions for WHERE CURRENT OF. */
  readonly positions?: CursorPositions;
}

/** How a cursor's rows are produced (bound query with arguments, or an OPEN ... FOR). */
type Source = (f: Frame) => Opened;

const CURSOR_OPT_SCROLL = 0x2;
const CURSOR_OPT_NO_SCROLL = 0x4;

/** Whether a cursor opened with these options scrolls (SPI_cursor_open's choice). */
function scrolls(options: number, planScrollable: boolean): boolean {
  if (options & CURSOR_OPT_SCROLL) return true;
  if (options & CURSOR_OPT_NO_SCROLL) return false;
  return planScrollable;
}

/** The query of a bound cursor variable, with its arguments (if any) assigned first. */
function boundSource(c: Compiler, curDno: number, argNode: PlNode | undefined, scope: Scope): Source {
  const raw = c.raw[curDno].body;
  const argRowDno: number = raw.cursor_explicit_argrow ?? -1;
  const argDnos: number[] = argRowDno >= 0 ? ((c.raw[argRowDno].body.fields ?? []) as PlNode[]).map((x) => x.varno ?? 0) : [];
  const qscope = new Scope(scope, undefined);
  for (const a of argDnos) qscope.names.set(c.datums[a].name, a);
  const query = c.sql(raw.cursor_explicit_expr, qscope);
  query.forCursor = true;
  const queryText = exprText(raw.cursor_explicit_expr) ?? '';
  const args = argNode ? new PlExpr(c, scope, exprText(argNode) ?? '', `SELECT ${exprText(argNode)}`, -7, 'expr') : undefined;
  return (f) => {
    if (args) {
      const plan = args.prepare(f);
      const row = plan.execute(f.session, f.values).rows[0] ?? [];
      argDnos.forEach((a, i) => {
        f.values[a] = castValue(f, row[i] ?? null, plan.columns[i]?.type ?? OID.unknown, c.datums[a].type, c.datums[a].typmod);
      });
    }
    const cols = query.prepare(f).columns;
    return { ...query.runCursor(f), cols, text: queryText };
  };
}

function openPortal(c: Compiler, f: Frame, curDno: number, src: Source, options: number): string {
  const ps = portalsOf(f.session);
  let name = f.values[curDno] === null ? undefined : String(f.values[curDno]);
  if (name !== undefined && ps.map.has(name)) throw new PgError(SQLSTATE.duplicate_cursor, `cursor "${name}" already in use`);
  const { rows, cols, text, scrollable, positions } = src(f);
  if (name === undefined) {
    // exec_check_assignable: the generated name is stored into the variable.
    if (c.raw[curDno].body.isconst) throw new PgError(SQLSTATE.error_in_assignment, `variable "${c.datums[curDno].name}" is declared CONSTANT`);
    name = `<unnamed portal ${++ps.counter}>`;
    f.values[curDno] = name;
  }
  const s = f.session;
  const cursor: Portal = { name, rows, cols, pos: 0, scroll: scrolls(options, scrollable), holdable: false, binary: false, statement: text ?? '', created: s.statementTimestamp(), fromSql: false, txn: s.transaction() };
  addCursor(s, cursor);
  if (positions) setCursorPositions(cursor, positions);
  return name;
}

function compileOpen(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const curDno: number = b.curvar ?? 0;
  let src: Source;
  // A bound cursor's options are its declaration's; OPEN ... FOR gives its own.
  const options: number = (b.query || b.dynquery ? b.cursor_options : c.raw[curDno].body.cursor_options) ?? 0;
  if (b.query) {
    const q = c.sql(b.query, scope);
    q.forCursor = true;
    const text = exprText(b.query) ?? '';
    src = (f) => ({ cols: q.prepare(f).columns, ...q.runCursor(f), text });
  } else if (b.dynquery) {
    const query = c.expr(b.dynquery, scope);
    const params = ((b.params ?? []) as PlNode[]).map((p) => c.expr(p, scope));
    src = (f) => {
      const text = String(castValue(f, query.value(f), query.valueType(f).type, OID.text, -1));
      const values: Value[] = params.map((p) => p.value(f));
      const types = params.map((p) => p.valueType(f).type);
      const plan = prepareSpi(f.session, parseScript(text)[0], { paramTypes: types, forCursor: true });
      pushContext({ describe: () => `SQL statement "${text}"` });
      try {
        if (plan.cursorExecute) return { cols: plan.columns, ...plan.cursorExecute(f.session, values), text, scrollable: !!plan.scrollable };
        return { cols: plan.columns, rows: plan.execute(f.session, values).rows, text, scrollable: !!plan.scrollable };
      } catch (e) {
        addErrorContext(e);
        throw e;
      } finally {
        popContext();
      }
    };
  } else src = boundSource(c, curDno, b.argquery, scope);
  return (f) => {
    openPortal(c, f, curDno, src, options);
    return Rc.Ok;
  };
}

/** PL/pgSQL's FETCH directions (FetchDirection in parsenodes.h) as the portal layer names them. */
const DIRECTIONS: readonly FetchDirection[] = ['forward', 'backward', 'absolute', 'relative'];

function compileFetch(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const curDno: number = b.curvar ?? 0;
  const target: Target | undefined = targetOf(b.target);
  const direction: number = b.direction ?? 0;
  const howMany: number = b.how_many ?? 0;
  const countExpr = b.expr ? c.expr(b.expr, scope) : undefined;
  const isMove = !!b.is_move;
  return (f) => {
    const name = cursorName(c, f, curDno);
    const p = portalsOf(f.session).map.get(name);
    if (!p) throw noCursor(name);
    let count = howMany;
    if (countExpr) count = Number(castValue(f, countExpr.value(f), countExpr.valueType(f).type, OID.int8, -1));
    if (howMany > 2147483647) count = Infinity;
    // SPI_scroll_cursor_fetch / _move: the portal's rules (NO SCROLL cursors only go forward).
    const r = fetchCursor(p, DIRECTIONS[direction] ?? 'forward', count, isMove);
    if (!isMove && target) assignRow(f, c, target, r.rows[0], p.cols);
    f.rowCount = r.count;
    c.setFound(f, r.count > 0);
    return Rc.Ok;
  };
}

function compileClose(c: Compiler, b: PlNode): CStmt {
  const curDno: number = b.curvar ?? 0;
  return (f) => {
    const name = cursorName(c, f, curDno);
    if (!portalsOf(f.session).map.delete(name)) throw noCursor(name);
    return Rc.Ok;
  };
}

function compileForc(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const label = b.label as string | undefined;
  const curDno: number = b.curvar ?? 0;
  const recDno: number = b.var?.PLpgSQL_rec?.dno ?? 0;
  const inner = new Scope(scope, label);
  inner.names.set(c.datums[recDno].name, recDno);
  const src = boundSource(c, curDno, b.argquery, scope);
  const body = c.list(b.body, inner);
  const target: Target = { kind: 'rec', dno: recDno };
  return (f) => {
    const wasNull = f.values[curDno] === null;
    const name = openPortal(c, f, curDno, src, c.raw[curDno].body.cursor_options ?? 0);
    const ps = portalsOf(f.session);
    const p = ps.map.get(name) as Portal;
    let rc: Rc = Rc.Ok;
    try {
      for (const row of p.rows) {
        // The portal is positioned on the row (WHERE CURRENT OF in the body).
        p.pos++;
        assignRow(f, c, target, row, p.cols);
        const o = loopOutcome(f, body(f), label);
        if (o === 'break') break;
        if (o !== 'next') {
          rc = o;
          break;
        }
      }
    } finally {
      ps.map.delete(name);
      // A cursor variable that was NULL goes back to NULL (its generated name is not kept).
      if (wasNull) f.values[curDno] = null;
    }
    c.setFound(f, p.rows.length > 0);
    return rc;
  };
}

export function compileCursorStmt(c: Compiler, k: string, b: PlNode, scope: Scope): CStmt {
  switch (k) {
    case 'PLpgSQL_stmt_open':
      return compileOpen(c, b, scope);
    case 'PLpgSQL_stmt_fetch':
      return compileFetch(c, b, scope);
    case 'PLpgSQL_stmt_close':
      return compileClose(c, b);
    default:
      return compileForc(c, b, scope);
  }
}
