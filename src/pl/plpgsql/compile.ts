/**
 * Compiles a PL/pgSQL function (libpg-query's tree) into closures, once per function version,
 * argument types and catalog version: datums get their types, blocks their declarations and
 * scopes, every statement a `(frame) => Rc` function, every expression a PlExpr (analyzed and
 * planned on first use). Statement kinds are dispatched exhaustively by name; an unknown one is
 * 0A000.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_comp.c (do_compile) and the statement executors
 * of pl_exec.c (exec_stmt_*), which here are produced at compile time.
 */
import type { Catalog } from '../../catalog/catalog.js';
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import type { Session } from '../../session/session.js';
import type { Value } from '../../types/values.js';
import { Frame, Rc, type FrameOwner, type StmtInfo } from './frame.js';
import { PlExpr, type DatumRt, type ExprOwner } from './expr.js';
import { assignDatums, readDatums, type ImplicitDatums, type RawDatum } from './datums.js';
import { resolvePlType, type PlType } from './types.js';
import { Scope } from './scope.js';
import { exprText, lineOf, plKind, stmtList, typeNameOf, type PlNode } from './tree.js';
import { escapeRe, offsetFromLine, type CompileOptions } from './parse.js';
import { extraCheckLevel } from './extra-checks.js';
import { markContextDone } from '../error-context.js';
import { compileBlock } from './stmt-block.js';
import { compileControl } from './stmt-control.js';
import { compileQueryStmt } from './stmt-query.js';
import { compileRaise } from './stmt-raise.js';
import { compileCursorStmt } from './stmt-cursor.js';

/** Errors raised compiling a declaration: its line and type name (CREATE reports them there). */
export const declarationErrors = new WeakMap<PgError, { readonly line: number; readonly typname: string }>();

/**
 * Grammar errors Postgres reports while reading a statement that libpg-query's grammar accepts:
 * the statement's line and the token (the last character of the first match of `find` from that
 * line on), for CREATE's position.
 */
export const statementErrors = new WeakMap<PgError, { readonly line: number; readonly find: RegExp }>();

/** A compiled statement: runs in a frame, returns its control-flow outcome. */
export type CStmt = (f: Frame) => Rc;

/** What kind of routine the body belongs to (decides RETURN's meaning). */
export interface RoutineKind {
  readonly returnType: number;
  readonly retset: boolean;
  readonly isProcedure: boolean;
  readonly isTrigger: boolean;
  readonly volatility: 'i' | 's' | 'v';
  /** Number of declared parameters (datums 0 .. n-1). */
  readonly nparams: number;
  /** The OUT parameters' datum (single variable, or the row of them), if any. */
  readonly outDno?: number;
}

/** A compiled PL/pgSQL function. */
export interface PlFunction extends ExprOwner, FrameOwner {
  readonly name: string;
  readonly kind: RoutineKind;
  readonly foundDno: number;
  readonly body: CStmt;
  /** Function-level scope (parameters, FOUND, trigger variables), labelled with the name. */
  readonly scope: Scope;
}

/** The body being compiled at CREATE / DO, for warnings that point into it. */
export interface Validation {
  readonly body: string;
  readonly bodyPos: (bodyOffset: number) => string | undefined;
}

/** Shared state of one compilation (statement compilers receive it). */
export class Compiler implements ExprOwner {
  readonly datums: DatumRt[] = [];
  readonly volatile: boolean;
  readonly raw: RawDatum[];
  readonly implicit: ImplicitDatums;
  readonly paramTypes: number[];
  readonly cat: Catalog;
  readonly searchPath: readonly string[];
  /** plpgsql.print_strict_params (or `#print_strict_params`): STRICT errors list the parameters. */
  readonly printStrictParams: boolean;
  /** plpgsql.variable_conflict (or `#variable_conflict`). */
  readonly conflict: 'error' | 'column' | 'variable';
  foundDno = -1;

  constructor(
    readonly session: Session,
    readonly fnNode: PlNode,
    readonly kind: RoutineKind,
    paramTypes: readonly number[],
    readonly name: string,
    /** Set when compiling for CREATE / DO (Postgres's parse): grammar-time warnings are reported. */
    readonly validation?: Validation,
  ) {
    this.volatile = kind.volatility === 'v';
    const opts = (fnNode.compOptions ?? {}) as CompileOptions;
    const strictParams = opts.printStrictParams ?? session.getSetting('plpgsql.print_strict_params', true);
    this.printStrictParams = typeof strictParams === 'boolean' ? strictParams : /^(on|true|yes|1|t)$/i.test(strictParams ?? '');
    const conflict = opts.variableConflict ?? session.getSetting('plpgsql.variable_conflict', true) ?? 'error';
    this.conflict = conflict === 'use_column' ? 'column' : conflict === 'use_variable' ? 'variable' : 'error';
    this.cat = session.catalog();
    this.searchPath = session.searchPath();
    this.raw = readDatums(fnNode);
    this.paramTypes = [...paramTypes];
    const firstBody = this.functionDatumCount();
    const aliases = ((fnNode.aliases ?? []) as PlNode[]).map((a) => ({ name: String(a.PLpgSQL_alias.name), varno: a.PLpgSQL_alias.varno ?? 0, lineno: a.PLpgSQL_alias.lineno ?? 0 }));
    this.implicit = assignDatums(this.raw, firstBody, fnNode.action, aliases);
    for (const d of this.raw) this.datums.push(this.datumRt(d, paramTypes));
  }

  /** Datums before the body's: parameters, the OUT row, trigger variables, FOUND. */
  private functionDatumCount(): number {
    for (let i = this.kind.nparams; i < this.raw.length; i++) {
      const d = this.raw[i];
      if (d.kind === 'var' && d.name === 'found' && typeNameOf(d.body) === 'boolean') {
        this.foundDno = i;
        return i + 1;
      }
    }
    throw new Error('fauxgres internal: PL/pgSQL function without FOUND');
  }

  private typeOf(d: RawDatum): PlType {
    const tn = typeNameOf(d.body);
    if (tn === undefined) return { type: OID.record, typmod: -1, isRecord: true };
    return resolvePlType(this.cat, this.searchPath, tn, (name) => {
      for (let i = d.dno - 1; i >= 0; i--) {
        const o = this.datums[i];
        if (o && o.name === name && o.kind !== 'row' && o.kind !== 'recfield') return { type: o.type, typmod: o.typmod, isRecord: o.isRecord };
      }
      return undefined;
    });
  }

  private datumRt(d: RawDatum, paramTypes: readonly number[]): DatumRt {
    const base = { name: d.name, lineno: d.lineno, notnull: !!d.body.notnull };
    if (d.kind === 'row') {
      const fields = ((d.body.fields ?? []) as PlNode[]).map((x) => (x ? (x.varno ?? 0) : 0));
      return { ...base, kind: 'row', type: OID.record, typmod: -1, isRecord: true, namedType: false, fields };
    }
    if (d.kind === 'recfield') {
      return { ...base, kind: 'recfield', type: OID.unknown, typmod: -1, isRecord: false, namedType: false, parent: d.body.recparentno ?? 0, field: d.name };
    }
    if (d.dno < this.kind.nparams) {
      const t = paramTypes[d.dno] ?? OID.text;
      const rec = t === OID.record || this.isComposite(t);
      return { ...base, kind: rec ? 'rec' : 'var', type: t, typmod: -1, isRecord: rec, namedType: rec && t !== OID.record };
    }
    if (/^__Case__Variable_\d+__$/.test(d.name)) {
      return { ...base, kind: 'var', type: OID.unknown, typmod: -1, isRecord: false, namedType: false };
    }
    let t: PlType;
    try {
      t = this.typeOf(d);
    } catch (e) {
      if (e instanceof PgError) declarationErrors.set(e, { line: d.lineno, typname: typeNameOf(d.body) ?? '' });
      throw e;
    }
    const named = t.isRecord && t.type !== OID.record;
    return { ...base, kind: t.isRecord ? 'rec' : 'var', type: t.type, typmod: t.typmod, isRecord: t.isRecord, namedType: named };
  }

  private isComposite(t: number): boolean {
    try {
      return this.cat.types.get(t)?.kind === 'c';
    } catch {
      return false;
    }
  }

  /**
   * plpgsql.extra_warnings / extra_errors shadowed_variables (pl_gram.y decl_varname): a
   * declaration reusing a name visible from an enclosing block or the function's parameters.
   * `find` locates the name from its declaration's line.
   */
  checkShadow(name: string, visible: boolean, line: number, find: RegExp): void {
    if (!visible || !this.validation) return;
    const level = extraCheckLevel(this.session, 'shadowed_variables');
    if (!level) return;
    const off = offsetFromLine(this.validation.body, line, find);
    const e = new PgError(SQLSTATE.duplicate_alias, `variable "${name}" shadows a previously defined variable`, {
      position: off >= 0 ? this.validation.bodyPos(off) : undefined,
    });
    if (level === 'ERROR') {
      markContextDone(e);
      throw e;
    }
    e.severity = 'WARNING';
    this.session.notice(e);
  }

  /** An expression (`SELECT <text>`). */
  expr(node: PlNode | undefined, scope: Scope): PlExpr {
    const text = exprText(node) ?? '';
    return new PlExpr(this, scope, text, `SELECT ${text}`, -7, 'expr');
  }

  /** A statement as written (mode `sql`). */
  sql(node: PlNode | undefined, scope: Scope): PlExpr {
    const text = exprText(node) ?? '';
    return new PlExpr(this, scope, text, text, 0, 'sql');
  }

  /** Compiles a statement list. */
  list(stmts: PlNode[] | undefined, scope: Scope): CStmt {
    const compiled = stmtList(stmts).map((s) => this.stmt(s, scope));
    if (compiled.length === 0) return () => Rc.Ok;
    if (compiled.length === 1) return compiled[0];
    return (f) => {
      for (let i = 0; i < compiled.length; i++) {
        const rc = compiled[i](f);
        if (rc !== Rc.Ok) return rc;
      }
      return Rc.Ok;
    };
  }

  /** Compiles one statement, wrapped so CONTEXT lines name it while it runs. */
  stmt(node: PlNode, scope: Scope): CStmt {
    const [k, b] = plKind(node);
    const info: StmtInfo = { lineno: lineOf(b), typename: stmtTypename(k, b) };
    const run = this.dispatch(k, b, scope, info);
    return (f) => {
      const saved = f.cur;
      f.cur = info;
      const rc = run(f);
      f.cur = saved;
      return rc;
    };
  }

  private dispatch(k: string, b: PlNode, scope: Scope, info: StmtInfo): CStmt {
    switch (k) {
      case 'PLpgSQL_stmt_block':
        return compileBlock(this, b, scope);
      case 'PLpgSQL_stmt_assign':
      case 'PLpgSQL_stmt_if':
      case 'PLpgSQL_stmt_case':
      case 'PLpgSQL_stmt_loop':
      case 'PLpgSQL_stmt_while':
      case 'PLpgSQL_stmt_fori':
      case 'PLpgSQL_stmt_foreach_a':
      case 'PLpgSQL_stmt_exit':
      case 'PLpgSQL_stmt_return':
      case 'PLpgSQL_stmt_return_next':
        return compileControl(this, k, b, scope, info);
      case 'PLpgSQL_stmt_execsql':
      case 'PLpgSQL_stmt_perform':
      case 'PLpgSQL_stmt_dynexecute':
      case 'PLpgSQL_stmt_fors':
      case 'PLpgSQL_stmt_dynfors':
      case 'PLpgSQL_stmt_return_query':
      case 'PLpgSQL_stmt_getdiag':
      case 'PLpgSQL_stmt_call':
      case 'PLpgSQL_stmt_commit':
      case 'PLpgSQL_stmt_rollback':
        return compileQueryStmt(this, k, b, scope);
      case 'PLpgSQL_stmt_raise':
      case 'PLpgSQL_stmt_assert':
        return compileRaise(this, k, b, scope);
      case 'PLpgSQL_stmt_open':
      case 'PLpgSQL_stmt_fetch':
      case 'PLpgSQL_stmt_close':
      case 'PLpgSQL_stmt_forc':
        return compileCursorStmt(this, k, b, scope);
      default:
        throw featureNotSupported(`PL/pgSQL statement ${k.replace('PLpgSQL_stmt_', '')}`);
    }
  }

  /** Sets FOUND. */
  setFound(f: Frame, v: boolean): void {
    f.values[this.foundDno] = v;
  }
}

/** Postgres's plpgsql_stmt_typename (the word after `at` in CONTEXT lines). */
export function stmtTypename(kind: string, b: PlNode): string {
  switch (kind) {
    case 'PLpgSQL_stmt_block': return 'statement block';
    case 'PLpgSQL_stmt_assign': return 'assignment';
    case 'PLpgSQL_stmt_if': return 'IF';
    case 'PLpgSQL_stmt_case': return 'CASE';
    case 'PLpgSQL_stmt_loop': return 'LOOP';
    case 'PLpgSQL_stmt_while': return 'WHILE';
    case 'PLpgSQL_stmt_fori': return 'FOR with integer loop variable';
    case 'PLpgSQL_stmt_fors': return 'FOR over SELECT rows';
    case 'PLpgSQL_stmt_forc': return 'FOR over cursor';
    case 'PLpgSQL_stmt_foreach_a': return 'FOREACH over array';
    case 'PLpgSQL_stmt_exit': return b.is_exit ? 'EXIT' : 'CONTINUE';
    case 'PLpgSQL_stmt_return': return 'RETURN';
    case 'PLpgSQL_stmt_return_next': return 'RETURN NEXT';
    case 'PLpgSQL_stmt_return_query': return 'RETURN QUERY';
    case 'PLpgSQL_stmt_raise': return 'RAISE';
    case 'PLpgSQL_stmt_assert': return 'ASSERT';
    case 'PLpgSQL_stmt_execsql': return 'SQL statement';
    case 'PLpgSQL_stmt_dynexecute': return 'EXECUTE';
    case 'PLpgSQL_stmt_dynfors': return 'FOR over EXECUTE statement';
    case 'PLpgSQL_stmt_getdiag': return b.is_stacked ? 'GET STACKED DIAGNOSTICS' : 'GET DIAGNOSTICS';
    case 'PLpgSQL_stmt_open': return 'OPEN';
    case 'PLpgSQL_stmt_fetch': return b.is_move ? 'MOVE' : 'FETCH';
    case 'PLpgSQL_stmt_close': return 'CLOSE';
    case 'PLpgSQL_stmt_perform': return 'PERFORM';
    case 'PLpgSQL_stmt_call': return b.is_call ? 'CALL' : 'DO';
    case 'PLpgSQL_stmt_commit': return 'COMMIT';
    case 'PLpgSQL_stmt_rollback': return 'ROLLBACK';
    default: return 'unknown';
  }
}

/**
 * Compiles a whole function. `signature` is how CONTEXT lines name it (`f(integer)`,
 * `inline_code_block`).
 */
export function compileFunction(session: Session, fnNode: PlNode, kind: RoutineKind, paramTypes: readonly number[], name: string, signature: string, validation?: Validation): PlFunction {
  const c = new Compiler(session, fnNode, kind, paramTypes, name, validation);
  const scope = new Scope(undefined, name);
  for (let i = 0; i <= c.foundDno; i++) {
    const d = c.datums[i];
    if (d.kind !== 'row' && d.name) scope.names.set(d.name, i);
  }
  const body = c.stmt({ PLpgSQL_stmt_block: fnNode.action.PLpgSQL_stmt_block }, scope);
  return { name, kind, foundDno: c.foundDno, body, scope, datums: c.datums, paramTypes: c.paramTypes, signature, ndatums: c.datums.length, volatile: c.volatile, conflict: c.conflict };
}

export type { Value };
export { SQLSTATE };
