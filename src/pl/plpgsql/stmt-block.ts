/**
 * BEGIN ... EXCEPTION ... END blocks: variable initialization on every entry (defaults, NOT
 * NULL, bound cursors named after themselves), EXIT to the block's label, and exception handlers
 * run in a subtransaction: the block's database changes are rolled back when an error is caught
 * (variables keep their values), sqlstate / sqlerrm are set, and an unmatched error goes on.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_stmt_block,
 * exception_matches_conditions).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { toPgError } from '../../session/session.js';
import type { Value } from '../../types/values.js';
import { addErrorContext } from '../error-context.js';
import { conditionCodes, conditionMatches, type HandlerCondition } from './conditions.js';
import { Rc, type Frame } from './frame.js';
import type { PlExpr } from './expr.js';
import { assignDatum } from './assign.js';
import { Scope } from './scope.js';
import { escapeRe } from './parse.js';
import type { CStmt, Compiler } from './compile.js';
import type { PlNode } from './tree.js';

interface VarInit {
  readonly dno: number;
  readonly lineno: number;
  readonly isRecord: boolean;
  readonly def?: PlExpr;
}

interface Handler {
  readonly conditions: readonly HandlerCondition[];
  readonly body: CStmt;
}

let subxactCounter = 0;

/** Number of PL/pgSQL subtransactions open in each session (COMMIT is refused inside one). */
export const openSubxacts = new WeakMap<object, number>();

function conditionsOf(list: PlNode[]): HandlerCondition[] {
  return list.map((c) => {
    const name = String(c.PLpgSQL_condition.condname);
    if (name === 'others') return { kind: 'others' };
    if (/^[0-9A-Z]{5}$/.test(name)) return { kind: 'codes', codes: [name] };
    const codes = conditionCodes(name);
    if (!codes) throw new PgError(SQLSTATE.undefined_object, `unrecognized exception condition "${name}"`);
    return { kind: 'codes', codes };
  });
}

export function compileBlock(c: Compiler, b: PlNode, outer: Scope): CStmt {
  const scope = new Scope(outer, b.label);
  const declared = c.implicit.blockDecls.get(b) ?? [];
  const aliases = c.implicit.blockAliases.get(b) ?? [];
  let nextAlias = 0;
  const inits: VarInit[] = [];
  for (const dno of declared) {
    const raw = c.raw[dno];
    const d = c.datums[dno];
    // `name ALIAS FOR $1 / new / var`: one more name for the datum, from its declaration on.
    while (nextAlias < aliases.length && aliases[nextAlias].lineno <= raw.lineno) {
      scope.names.set(aliases[nextAlias].name, aliases[nextAlias].varno);
      nextAlias++;
    }
    if (d.name) {
      const word = `(?<![\\w$"])(${escapeRe(d.name)})(?![\\w$])`;
      c.checkShadow(d.name, outer.find(d.name) !== undefined, raw.lineno, new RegExp(word, 'i'));
      const argRow: number = raw.body.cursor_explicit_argrow ?? -1;
      for (const a of argRow >= 0 ? ((c.raw[argRow].body.fields ?? []) as PlNode[]) : []) {
        const arg = String(a.name ?? '');
        const found = scope.names.has(arg) || outer.find(arg) !== undefined;
        c.checkShadow(arg, found, raw.lineno, new RegExp(`${word}\\s+(?:no\\s+)?(?:scroll\\s+)?cursor\\s*\\([^)]*?(?<![\\w$])(${escapeRe(arg)})(?![\\w$])`, 'i'));
      }
    }
    const defNode = raw.body.default_val;
    // A default sees the declarations before it only (its own name is still the outer one):
    // Postgres parses it before adding the variable to the namespace.
    const defScope = defNode ? new Scope(outer, b.label) : undefined;
    if (defScope) for (const [n, v] of scope.names) defScope.names.set(n, v);
    if (d.name) scope.names.set(d.name, dno);
    inits.push({
      dno,
      lineno: raw.lineno,
      isRecord: d.isRecord,
      def: defNode && defScope ? c.expr(defNode, defScope) : undefined,
    });
  }
  for (; nextAlias < aliases.length; nextAlias++) scope.names.set(aliases[nextAlias].name, aliases[nextAlias].varno);
  const body = c.list(b.body, scope);
  const label = b.label as string | undefined;
  const exc = b.exceptions?.PLpgSQL_exception_block;
  let handlers: Handler[] | undefined;
  let stateDno = -1;
  let errmDno = -1;
  if (exc) {
    const hv = c.implicit.handlerVars.get(exc);
    const hscope = new Scope(scope, undefined);
    if (hv) {
      [stateDno, errmDno] = hv;
      hscope.names.set('sqlstate', stateDno);
      hscope.names.set('sqlerrm', errmDno);
    }
    handlers = ((exc.exc_list ?? []) as PlNode[]).map((h) => ({
      conditions: conditionsOf(h.PLpgSQL_exception.conditions ?? []),
      body: c.list(h.PLpgSQL_exception.action, hscope),
    }));
  }
  const afterBody = (f: Frame, rc: Rc): Rc => {
    if (rc === Rc.Exit && label !== undefined && f.exitLabel === label) {
      f.exitLabel = undefined;
      return Rc.Ok;
    }
    return rc;
  };
  const init = (f: Frame): void => {
    if (!inits.length) return;
    f.errText = 'during statement block local variable initialization';
    try {
      for (const v of inits) {
        f.errVarLine = v.lineno;
        f.descs[v.dno] = undefined;
        if (v.def) {
          const value = v.def.value(f);
          assignDatum(f, c, v.dno, value, v.def.valueType(f).type);
        } else {
          f.values[v.dno] = null;
          const d = c.datums[v.dno];
          if (d.notnull) {
            throw new PgError(SQLSTATE.null_value_not_allowed, `variable "${d.name}" must have a default value, since it's declared NOT NULL`);
          }
        }
      }
    } catch (e) {
      addErrorContext(e);
      throw e;
    } finally {
      f.errText = undefined;
      f.errVarLine = undefined;
    }
  };
  if (!handlers) {
    return (f) => {
      init(f);
      return afterBody(f, body(f));
    };
  }
  const hs = handlers;
  return (f) => {
    init(f);
    const session = f.session;
    const txn = session.transaction();
    const name = `\u0000plpgsql_subxact_${++subxactCounter}`;
    txn.savepoint(name);
    openSubxacts.set(session, (openSubxacts.get(session) ?? 0) + 1);
    let rc: Rc;
    try {
      rc = body(f);
    } catch (e0) {
      const e = toPgError(e0);
      addErrorContext(e);
      openSubxacts.set(session, (openSubxacts.get(session) ?? 1) - 1);
      if (session.txn === txn) {
        txn.rollbackTo(name);
        txn.release(name);
      }
      for (const h of hs) {
        if (!h.conditions.some((cond) => conditionMatches(cond, e.code))) continue;
        if (stateDno >= 0) f.values[stateDno] = e.code as Value;
        if (errmDno >= 0) f.values[errmDno] = e.message;
        const saved = f.handling;
        f.handling = e;
        try {
          return afterBody(f, h.body(f));
        } finally {
          f.handling = saved;
        }
      }
      throw e;
    }
    openSubxacts.set(session, (openSubxacts.get(session) ?? 1) - 1);
    if (session.txn === txn) txn.release(name);
    return afterBody(f, rc);
  };
}
