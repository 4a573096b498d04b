/**
 * RAISE at every level and ASSERT: `%` placeholders filled with the parameters' text output
 * (`<NULL>` for NULL), USING options (ERRCODE by name or SQLSTATE, MESSAGE, DETAIL, HINT,
 * COLUMN, CONSTRAINT, DATATYPE, TABLE, SCHEMA), condition-name forms, re-raise (`RAISE;`).
 * NOTICE / WARNING / INFO reach the client as notices carrying the current CONTEXT; DEBUG and
 * LOG stay below client_min_messages.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_stmt_raise, exec_stmt_assert).
 */
import { PgError, type Severity } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { currentContext, markContextDone } from '../error-context.js';
import { valueText } from '../record-text.js';
import { conditionCode } from './conditions.js';
import { Rc, type Frame } from './frame.js';
import type { PlExpr } from './expr.js';
import { castValue } from './assign.js';
import { condition } from './stmt-control.js';
import { regOutput } from '../../analyze/regclass.js';
import type { Scope } from './scope.js';
import type { CStmt, Compiler } from './compile.js';
import { ELOG, RAISE_OPTIONS, type PlNode } from './tree.js';

function textOf(f: Frame, e: PlExpr): string | null {
  const v = e.value(f);
  if (v === null) return null;
  const type = e.valueType(f).type;
  // The reg* types print names looked up in the session's catalog and search path.
  const reg = type === undefined ? undefined : regOutput(type);
  if (reg) return reg({ params: [], session: f.session }, v as number);
  return valueText(f.session.catalog(), type, v, f.session.io);
}

/** A SQLSTATE from ERRCODE's text: five code characters, or a condition name. */
export function sqlstateOf(text: string): string {
  if (/^[0-9A-Z]{5}$/.test(text)) return text;
  const code = conditionCode(text);
  if (!code) throw new PgError(SQLSTATE.undefined_object, `unrecognized exception condition "${text}"`);
  return code;
}

function severityOf(level: number): Severity {
  if (level >= ELOG.ERROR) return 'ERROR';
  if (level >= ELOG.WARNING) return 'WARNING';
  if (level >= ELOG.NOTICE) return 'NOTICE';
  if (level >= ELOG.INFO) return 'INFO';
  if (level >= ELOG.LOG) return 'LOG';
  return 'DEBUG';
}

function compileRaiseStmt(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const level: number = b.elog_level ?? ELOG.ERROR;
  const message: string | undefined = b.message;
  const params = ((b.params ?? []) as PlNode[]).map((p) => c.expr(p, scope));
  const options = ((b.options ?? []) as PlNode[]).map((o) => ({ kind: RAISE_OPTIONS[o.PLpgSQL_raise_option.opt_type ?? 0], expr: c.expr(o.PLpgSQL_raise_option.expr, scope) }));
  const condname: string | undefined = b.condname;
  const rethrow = level >= ELOG.ERROR && message === undefined && condname === undefined && options.length === 0 && params.length === 0;
  return (f) => {
    if (rethrow) {
      if (!f.handling) throw new PgError('0Z002', 'RAISE without parameters cannot be used outside an exception handler');
      throw f.handling;
    }
    let code: string | undefined = condname !== undefined ? sqlstateOf(condname) : undefined;
    let msg: string | undefined;
    if (message !== undefined) {
      let out = '';
      let p = 0;
      for (let i = 0; i < message.length; i++) {
        const ch = message[i];
        if (ch === '%') {
          if (message[i + 1] === '%') {
            out += '%';
            i++;
            continue;
          }
          const t = p < params.length ? textOf(f, params[p++]) : null;
          out += t === null ? '<NULL>' : t;
        } else out += ch;
      }
      msg = out;
    }
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    for (const o of options) {
      if (seen.has(o.kind) || (o.kind === 'MESSAGE' && message !== undefined) || (o.kind === 'ERRCODE' && condname !== undefined)) {
        throw new PgError(SQLSTATE.syntax_error, `RAISE option already specified: ${o.kind}`);
      }
      seen.add(o.kind);
      const t = textOf(f, o.expr);
      if (t === null) throw new PgError(SQLSTATE.null_value_not_allowed, `RAISE statement option cannot be null`);
      switch (o.kind) {
        case 'ERRCODE':
          code = sqlstateOf(t);
          break;
        case 'MESSAGE':
          msg = t;
          break;
        case 'DETAIL': fields.detail = t; break;
        case 'HINT': fields.hint = t; break;
        case 'COLUMN': fields.column = t; break;
        case 'CONSTRAINT': fields.constraint = t; break;
        case 'DATATYPE': fields.dataType = t; break;
        case 'TABLE': fields.table = t; break;
        case 'SCHEMA': fields.schema = t; break;
      }
    }
    if (code === undefined && level >= ELOG.ERROR) code = SQLSTATE.raise_exception;
    if (msg === undefined) msg = condname ?? code ?? '';
    const severity = severityOf(level);
    if (severity === 'ERROR') throw new PgError(code as string, msg, fields);
    const n = new PgError(code ?? (severity === 'WARNING' ? SQLSTATE.warning : SQLSTATE.successful_completion), msg, { ...fields, severity, where: currentContext() });
    markContextDone(n);
    f.session.notice(n);
    return Rc.Ok;
  };
}

function compileAssert(c: Compiler, b: PlNode, scope: Scope): CStmt {
  const cond = c.expr(b.cond, scope);
  const message = b.message ? c.expr(b.message, scope) : undefined;
  return (f) => {
    if ((f.session.getSetting('plpgsql.check_asserts', true) ?? 'on') === 'off') return Rc.Ok;
    if (condition(f, cond)) return Rc.Ok;
    let msg = 'assertion failed';
    if (message) {
      const v: Value = message.value(f);
      msg = v === null ? 'null' : String(castValue(f, v, message.valueType(f).type, OID.text, -1));
    }
    throw new PgError(SQLSTATE.assert_failure, msg);
  };
}

export function compileRaise(c: Compiler, k: string, b: PlNode, scope: Scope): CStmt {
  return k === 'PLpgSQL_stmt_assert' ? compileAssert(c, b, scope) : compileRaiseStmt(c, b, scope);
}
