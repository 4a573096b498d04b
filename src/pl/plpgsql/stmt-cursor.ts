/**
 * Cursors: OPEN (bound cursors with arguments, OPEN ... FOR query / FOR EXECUTE), FETCH and MOVE
 * in every direction, CLOSE, and FOR over a bound cursor. A cursor variable holds the portal's
 * name (generated as `<unnamed portal N>` when the variable is NULL); portals live in the
 * session until closed. Rows are computed when the cursor is opened.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_stmt_open, exec_stmt_fetch,
 * exec_stmt_close, exec_stmt_forc); portals in src/backend/utils/mmgr/portalmem.c.
 * Portals are the session's cursors (session/cursors.ts), so SQL FETCH reads a returned refcursor.
 * Known gaps: rows are materialized at OPEN (no lazy fetching, no FOR UPDATE cursors); SCROLL /
 * NO SCROLL are not enforced.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Row } from '../../executor/context.js';
import { addCursor, cursorsOf, noCursor, type Cursor } from '../../session/cursors.js';
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

/** How a cursor's rows are produced (bound query with arguments, or an OPEN ... FOR). */
type Source = (f: Frame) => { rows: Row[]; cols: readonly SpiColumn[]; text?: string };

/** The query of a bound cursor variable, with its arguments (if any) assigned first. */
function boundSource(c: Compiler, curDno: number, argNode: PlNode | undefined, scope: Scope): Source {
  const raw = c.raw[curDno].body;
  const argRowDno: number = raw.cursor_explicit_argrow ?? -1;
  const argDnos: number[] = argRowDno >= 0 ? ((c.raw[argRowDno].body.fields ?? []) as PlNode[]).map((x) => x.varno ?? 0) : [];
  const qscope = new Scope(scope, undefined);
  for (const a of argDnos) qscope.names.set(c.datums[a].name, a);
  const query = c.sql(raw.cursor_explicit_expr, qscope);
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
    return { rows: query.run(f).rows, cols, text: queryText };
  };
}

function openPortal(c: Compiler, f: Frame, curDno: number, src: Source): string {
  const ps = portalsOf(f.session);
  let name = f.values[curDno] === null ? undefined : String(f.values[curDno]);
  if (name !== undefined && ps.map.has(name)) throw new PgError(SQLSTATE.duplicate_cursor, `cursor "${name}" already in use`);
  const { rows, cols, text } = src(f);
  if (name === undefined) {
    name = `<unnamed portal ${++ps.counter}>`;
    f.values[curDno] = name;
  }
  const s = f.session;
  addCursor(s, { name, rows, cols, pos: 0, scroll: true, holdable: false, binary: false, statement: text ?? '', created: s.statementTimestamp(), fromSql: false, txn: s.transaction() });
  void c;
  return name;
}

function compileOpen(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const curDno: number = b.curvar ?? 0;
  let src: Source;
  if (b.query) {
    const q = c.sql(b.query, scope);
    const text = exprText(b.query) ?? '';
    src = (f) => ({ cols: q.prepare(f).columns, rows: q.run(f).rows, text });
  } else if (b.dynquery) {
    const query = c.expr(b.dynquery, scope);
    const params = ((b.params ?? []) as PlNode[]).map((p) => c.expr(p, scope));
    src = (f) => {
      const text = String(castValue(f, query.value(f), query.valueType(f).type, OID.text, -1));
      const values: Value[] = params.map((p) => p.value(f));
      const types = params.map((p) => p.valueType(f).type);
      const plan = prepareSpi(f.session, parseScript(text)[0], { paramTypes: types });
      pushContext({ describe: () => `SQL statement "${text}"` });
      try {
        return { cols: plan.columns, rows: plan.execute(f.session, values).rows, text };
      } catch (e) {
        addErrorContext(e);
        throw e;
      } finally {
        popContext();
      }
    };
  } else src = boundSource(c, curDno, b.argquery, scope);
  return (f) => {
    openPortal(c, f, curDno, src);
    return Rc.Ok;
  };
}

/** Moves a portal; returns the rows it passes over (FETCH returns the last, MOVE counts them). */
function movePortal(p: Portal, direction: number, count: number): { row: Row | undefined; moved: number } {
  const n = p.rows.length;
  const at = (pos: number) => (pos >= 1 && pos <= n ? p.rows[pos - 1] : undefined);
  switch (direction) {
    case 2: {
      // ABSOLUTE
      const target = count >= 0 ? count : n + 1 + count;
      p.pos = Math.max(0, Math.min(n + 1, target));
      const row = at(p.pos);
      return { row, moved: row ? 1 : 0 };
    }
    case 3: {
      // RELATIVE
      p.pos = Math.max(0, Math.min(n + 1, p.pos + count));
      const row = at(p.pos);
      return { row, moved: row ? 1 : 0 };
    }
    default: {
      const step = direction === 1 ? -1 : 1;
      let moved = 0;
      let row: Row | undefined;
      for (let i = 0; i < count; i++) {
        const next = p.pos + step;
        if (next < 1 || next > n) {
          p.pos = step > 0 ? n + 1 : 0;
          row = undefined;
          break;
        }
        p.pos = next;
        row = p.rows[next - 1];
        moved++;
      }
      return { row, moved };
    }
  }
}

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
    if (howMany > 2147483647) count = p.rows.length + 1;
    const r = movePortal(p, direction, direction >= 2 ? count : Math.max(count, isMove ? count : 1));
    if (!isMove && target) assignRow(f, c, target, r.row, p.cols);
    f.rowCount = isMove ? r.moved : r.row ? 1 : 0;
    c.setFound(f, isMove ? r.moved > 0 : !!r.row);
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
    const name = openPortal(c, f, curDno, src);
    const ps = portalsOf(f.session);
    const p = ps.map.get(name) as Portal;
    let rc: Rc = Rc.Ok;
    try {
      for (const row of p.rows) {
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
