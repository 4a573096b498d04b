/**
 * Control statements: assignment, IF / ELSIF, CASE (searched and simple), LOOP, WHILE, integer
 * FOR (REVERSE, BY), FOREACH over arrays (SLICE), EXIT / CONTINUE with labels, RETURN and
 * RETURN NEXT.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_stmt_assign, exec_stmt_if,
 * exec_stmt_case, exec_stmt_loop, exec_stmt_while, exec_stmt_fori, exec_stmt_foreach_a,
 * exec_stmt_exit, exec_stmt_return, exec_stmt_return_next).
 */
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { formatType, typeInfo } from '../../types/registry.js';
import { PgArray, PgRecord, type Value } from '../../types/values.js';
import { Rc, type Frame, type StmtInfo } from './frame.js';
import { PlExpr } from './expr.js';
import { arrayTypeOf, assignDatum, assignElement, assignFieldElement, castValue } from './assign.js';
import { parseAssignTarget } from './assign-target.js';
import { Scope } from './scope.js';
import { statementErrors, type CStmt, type Compiler } from './compile.js';
import { exprText, stmtList, type PlNode } from './tree.js';

/** Evaluates a condition: true only for a true boolean (NULL counts as false). */
export function condition(f: Frame, e: PlExpr): boolean {
  const v = e.value(f);
  if (v === null) return false;
  const t = e.valueType(f).type;
  if (t === OID.bool) return v === true;
  return castValue(f, v, t, OID.bool, -1) === true;
}

/** Loop bookkeeping: what to do with a body's outcome. 'next' continues the loop. */
export function loopOutcome(f: Frame, rc: Rc, label: string | undefined): 'next' | 'break' | Rc {
  if (rc === Rc.Ok) return 'next';
  if (rc === Rc.Exit) {
    if (f.exitLabel === undefined || f.exitLabel === label) {
      f.exitLabel = undefined;
      return 'break';
    }
    return rc;
  }
  if (rc === Rc.Continue) {
    if (f.exitLabel === undefined || f.exitLabel === label) {
      f.exitLabel = undefined;
      return 'next';
    }
    return rc;
  }
  return rc;
}

function compileAssign(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const text = exprText(b.expr) ?? '';
  const tgt = parseAssignTarget(text);
  const dno: number = b.varno ?? 0;
  const d = c.datums[dno];
  const exprPart = text.slice(tgt.exprOffset);
  const isElement = tgt.subscripts.length > 0;
  if (isElement && ((d.kind !== 'var' && d.kind !== 'recfield') || tgt.subscripts.some((s) => s.slice))) throw featureNotSupported('assignment to array slices or elements of non-array variables');
  const elemType = isElement && d.kind === 'var' ? (arrayTypeOf(c.cat, d.type)?.elem ?? OID.text) : undefined;
  const target = d.kind === 'var' && d.type !== OID.unknown ? { type: isElement ? (elemType as number) : d.type, typmod: isElement ? -1 : d.typmod } : undefined;
  const e = new PlExpr(c, scope, text, `SELECT ${exprPart}`, tgt.exprOffset - 7, 'assign', target);
  const subs = tgt.subscripts.map((s) => new PlExpr(c, scope, text, `SELECT ${s.text}`, s.offset - 7, 'assign'));
  if (isElement) {
    return (f) => {
      const idx = subs.map((s) => {
        const v = s.value(f);
        return castValue(f, v, s.valueType(f).type, OID.int4, -1);
      });
      const v = e.value(f);
      if (d.kind === 'recfield') assignFieldElement(f, c, d.parent as number, d.field as string, idx, v, e.valueType(f).type);
      else assignElement(f, c, dno, idx, v, e.valueType(f).type);
      return Rc.Ok;
    };
  }
  if (d.kind === 'var') {
    const name = d.name;
    const notnull = d.notnull;
    return (f) => {
      const v = e.value(f);
      if (v === null && notnull) {
        throw new PgError(SQLSTATE.null_value_not_allowed, `null value cannot be assigned to variable "${name}" declared NOT NULL`);
      }
      const t = e.valueType(f);
      f.values[dno] = t.type === d.type || v === null ? v : castValue(f, v, t.type, d.type, d.typmod);
      return Rc.Ok;
    };
  }
  return (f) => {
    const v = e.value(f);
    assignDatum(f, c, dno, v, e.valueType(f).type);
    return Rc.Ok;
  };
}

function compileIf(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const branches: { cond: PlExpr; body: CStmt }[] = [{ cond: c.expr(b.cond, scope), body: c.list(b.then_body, scope) }];
  for (const e of (b.elsif_list ?? []) as PlNode[]) {
    const x = e.PLpgSQL_if_elsif;
    const cond = c.expr(x.cond, scope);
    const body = c.list(x.stmts, scope);
    const info: StmtInfo = { lineno: x.lineno ?? 0, typename: 'IF' };
    branches.push({ cond, body: (f) => { void info; return body(f); } });
  }
  const els = b.else_body ? c.list(b.else_body, scope) : undefined;
  return (f) => {
    for (const br of branches) if (condition(f, br.cond)) return br.body(f);
    return els ? els(f) : Rc.Ok;
  };
}

function compileCase(c: Compiler, b: PlNode, outer: Scope): CStmt {
  const tExpr = b.t_expr ? c.expr(b.t_expr, outer) : undefined;
  const tDno: number | undefined = b.t_expr ? (b.t_varno ?? 0) : undefined;
  const scope = tDno !== undefined ? new Scope(outer, undefined) : outer;
  if (tDno !== undefined) scope.names.set(c.datums[tDno].name, tDno);
  const whens = ((b.case_when_list ?? []) as PlNode[]).map((w) => ({ cond: c.expr(w.PLpgSQL_case_when.expr, scope), body: c.list(w.PLpgSQL_case_when.stmts, scope) }));
  const els = b.have_else ? c.list(b.else_stmts, scope) : undefined;
  return (f) => {
    if (tExpr && tDno !== undefined) {
      const v = tExpr.value(f);
      const t = tExpr.valueType(f);
      // The CASE temporary takes the expression's type (a fresh datum type per evaluation).
      const d = c.datums[tDno] as { type: number; typmod: number };
      if (d.type !== t.type) {
        d.type = t.type;
        d.typmod = t.typmod;
      }
      f.values[tDno] = v;
    }
    for (const w of whens) if (condition(f, w.cond)) return w.body(f);
    if (els) return els(f);
    throw new PgError(SQLSTATE.case_not_found, 'case not found', { hint: 'CASE statement is missing ELSE part.' });
  };
}

function compileLoop(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const label = b.label as string | undefined;
  const body = c.list(b.body, label ? new Scope(scope, label) : scope);
  return (f) => {
    for (;;) {
      const o = loopOutcome(f, body(f), label);
      if (o === 'break') return Rc.Ok;
      if (o !== 'next') return o;
    }
  };
}

function compileWhile(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const label = b.label as string | undefined;
  const cond = c.expr(b.cond, scope);
  const body = c.list(b.body, label ? new Scope(scope, label) : scope);
  return (f) => {
    while (condition(f, cond)) {
      const o = loopOutcome(f, body(f), label);
      if (o === 'break') return Rc.Ok;
      if (o !== 'next') return o;
    }
    return Rc.Ok;
  };
}

function boundValue(f: Frame, e: PlExpr, what: string): number {
  const v = e.value(f);
  if (v === null) throw new PgError(SQLSTATE.null_value_not_allowed, `${what} of FOR loop cannot be null`);
  return castValue(f, v, e.valueType(f).type, OID.int4, -1) as number;
}

function compileFori(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const label = b.label as string | undefined;
  const dno = c.implicit.loopVars.get(b) as number;
  const inner = new Scope(scope, label);
  inner.names.set(c.datums[dno].name, dno);
  const lower = c.expr(b.lower, scope);
  const upper = c.expr(b.upper, scope);
  const step = b.step ? c.expr(b.step, scope) : undefined;
  const reverse = !!b.reverse;
  const body = c.list(b.body, inner);
  return (f) => {
    let i = boundValue(f, lower, 'lower bound');
    const end = boundValue(f, upper, 'upper bound');
    let by = 1;
    if (step) {
      by = boundValue(f, step, 'BY value');
      if (by <= 0) throw new PgError(SQLSTATE.invalid_parameter_value, 'BY value of FOR loop must be greater than zero');
    }
    let found = false;
    let rc: Rc = Rc.Ok;
    for (;;) {
      if (reverse ? i < end : i > end) break;
      found = true;
      f.values[dno] = i;
      const o = loopOutcome(f, body(f), label);
      if (o === 'break') break;
      if (o !== 'next') {
        rc = o;
        break;
      }
      const next = reverse ? i - by : i + by;
      if (next > 2147483647 || next < -2147483648) break;
      i = next;
    }
    c.setFound(f, found);
    return rc;
  };
}

function compileForeach(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const label = b.label as string | undefined;
  const dno: number = b.varno ?? 0;
  const slice: number = b.slice ?? 0;
  const arr = c.expr(b.expr, scope);
  const body = c.list(b.body, label ? new Scope(scope, label) : scope);
  return (f) => {
    const v = arr.value(f);
    const t = arr.valueType(f).type;
    if (v === null) throw new PgError(SQLSTATE.null_value_not_allowed, 'FOREACH expression must not be null');
    if (!(v instanceof PgArray)) {
      throw new PgError(SQLSTATE.datatype_mismatch, `FOREACH expression must yield an array, not type ${formatType(f.session.catalog(), t)}`);
    }
    const ndim = v.dims.length;
    if (slice < 0 || slice > ndim) {
      throw new PgError(SQLSTATE.array_subscript_error, `slice dimension (${slice}) is out of the valid range 0..${ndim}`);
    }
    // The loop variable: an array for SLICE, not an array otherwise (a record is neither).
    const lv = c.datums[dno];
    const lvArray = lv.kind === 'var' && arrayTypeOf(f.session.catalog(), lv.type) !== undefined;
    if (slice > 0 && !lvArray) throw new PgError(SQLSTATE.datatype_mismatch, 'FOREACH ... SLICE loop variable must be of an array type');
    if (slice === 0 && lvArray) throw new PgError(SQLSTATE.datatype_mismatch, 'FOREACH loop variable must not be of an array type');
    const elemType = typeInfo(f.session.catalog(), t).elem ?? OID.text;
    const values: { v: Value; type: number }[] = [];
    if (slice === 0) for (const x of v.items) values.push({ v: x, type: elemType });
    else {
      const inner = v.dims.slice(ndim - slice);
      const size = inner.reduce((a, x) => a * x, 1);
      for (let off = 0; off < v.items.length; off += size) values.push({ v: new PgArray(v.items.slice(off, off + size), inner), type: t });
    }
    let rc: Rc = Rc.Ok;
    for (const x of values) {
      assignDatum(f, c, dno, x.v, x.type);
      const o = loopOutcome(f, body(f), label);
      if (o === 'break') break;
      if (o !== 'next') {
        rc = o;
        break;
      }
    }
    return rc;
  };
}

function compileExit(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const cond = b.cond ? c.expr(b.cond, scope) : undefined;
  const label = b.label as string | undefined;
  const rc = b.is_exit ? Rc.Exit : Rc.Continue;
  return (f) => {
    if (cond && !condition(f, cond)) return Rc.Ok;
    f.exitLabel = label;
    return rc;
  };
}

/** The value RETURN / RETURN NEXT give: an expression, or a variable (retvarno). */
function returnValue(c: Compiler, b: PlNode, scope: Scope): ((f: Frame) => { v: Value; type: number }) | undefined {
  if (b.expr) {
    const e = c.expr(b.expr, scope);
    return (f) => ({ v: e.value(f), type: e.valueType(f).type });
  }
  if (b.retvarno !== undefined) {
    const dno: number = b.retvarno;
    const d = c.datums[dno];
    if (d.kind === 'row') {
      const fields = d.fields ?? [];
      return (f) => ({ v: new PgRecord(fields.map((x) => f.values[x]), fields.map((x) => c.datums[x].name), fields.map((x) => c.datums[x].type)), type: OID.record });
    }
    return (f) => ({ v: f.values[dno], type: f.descs[dno]?.typeOid ?? d.type });
  }
  return undefined;
}

function compileReturn(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const k = c.kind;
  if (k.retset) {
    return () => Rc.Return;
  }
  const get = returnValue(c, b, scope) ?? (k.outDno !== undefined ? returnValue(c, { retvarno: k.outDno }, scope) : undefined);
  const implicitEnd = b.lineno === undefined;
  const needsValue = !k.isProcedure && k.returnType !== OID.void && k.outDno === undefined;
  if (!implicitEnd && needsValue && !get) {
    // make_return_stmt requires an expression (libpg-query's grammar does not know the type).
    const e = new PgError(SQLSTATE.syntax_error, 'missing expression at or near ";"');
    statementErrors.set(e, { line: b.lineno, find: /\breturn\s*;/i });
    throw e;
  }
  return (f) => {
    if (implicitEnd && needsValue) {
      throw new PgError(SQLSTATE.function_executed_no_return_statement, k.isTrigger ? 'control reached end of trigger procedure without RETURN' : 'control reached end of function without RETURN');
    }
    if (get) {
      const r = get(f);
      f.retValue = r.v;
      f.retType = r.type;
    } else {
      f.retValue = null;
      f.retType = OID.unknown;
    }
    return Rc.Return;
  };
}

function compileReturnNext(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const get = returnValue(c, b, scope) ?? (c.kind.outDno !== undefined ? returnValue(c, { retvarno: c.kind.outDno }, scope) : undefined);
  if (!get) throw new PgError(SQLSTATE.syntax_error, 'RETURN NEXT must have a parameter');
  return (f) => {
    const r = get(f);
    (f.results ??= []).push(f.resultValue(r.v, r.type));
    return Rc.Ok;
  };
}

export function compileControl(c: Compiler, k: string, b: PlNode, scope: Scope, info: StmtInfo): CStmt {
  void info;
  switch (k) {
    case 'PLpgSQL_stmt_assign':
      return compileAssign(c, b, scope);
    case 'PLpgSQL_stmt_if':
      return compileIf(c, b, scope);
    case 'PLpgSQL_stmt_case':
      return compileCase(c, b, scope);
    case 'PLpgSQL_stmt_loop':
      return compileLoop(c, b, scope);
    case 'PLpgSQL_stmt_while':
      return compileWhile(c, b, scope);
    case 'PLpgSQL_stmt_fori':
      return compileFori(c, b, scope);
    case 'PLpgSQL_stmt_foreach_a':
      return compileForeach(c, b, scope);
    case 'PLpgSQL_stmt_exit':
      return compileExit(c, b, scope);
    case 'PLpgSQL_stmt_return':
      return compileReturn(c, b, scope);
    case 'PLpgSQL_stmt_return_next':
      return compileReturnNext(c, b, scope);
    default:
      throw featureNotSupported(`PL/pgSQL statement ${k}`);
  }
}

export { stmtList };
