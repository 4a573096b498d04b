/**
 * PL/pgSQL expressions and embedded queries: each is parsed once (`SELECT <expr>`, the query as
 * written, or the right side of an assignment), analyzed with the function's variables resolved
 * through a ColumnRefHook (variables become Params over the frame's values; `rec.field` becomes
 * a field selection whose position depends on the record's current structure), and planned once
 * per catalog version and record structures. Simple expressions (one target, no FROM, no
 * subqueries) are evaluated as compiled expressions without a plan, as Postgres's
 * exec_eval_simple_expr does; constant parts are folded at preparation.
 *
 * CONTEXT lines follow Postgres's SPI callback: an error without a position while preparing, or
 * while running a non-simple expression, adds `PL/pgSQL expression "..."`, `PL/pgSQL assignment
 * "..."` or `SQL statement "..."`; errors with a position become INTERNAL QUERY / POSITION.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_prepare_plan, exec_eval_expr,
 * exec_eval_simple_expr), pl_comp.c (plpgsql_pre/post_column_ref, resolve_column_ref).
 */
import type { Catalog } from '../../catalog/catalog.js';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ColumnRefHook } from '../../analyze/parse-state.js';
import type { Expr } from '../../nodes/primnodes.js';
import type { Row } from '../../executor/context.js';
import type { CursorPositions } from '../../commands/current-of.js';
import { parseScript, type RawStatement } from '../../parser/parse.js';
import { OID } from '../../types/oids.js';
import { typeInfo } from '../../types/registry.js';
import type { Value } from '../../types/values.js';
import { addErrorContext, popContext, pushContext, type ContextFrame } from '../error-context.js';
import { castExpr } from '../cast.js';
import { prepareSpi, type SpiColumn, type SpiPlan } from '../spi.js';
import { foldConstants } from './fold.js';
import { rowtypeDesc, type Frame, type RecDesc } from './frame.js';
import type { Scope } from './scope.js';

/** What a datum is at run time (compile.ts fills these in). */
export interface DatumRt {
  readonly kind: 'var' | 'rec' | 'row' | 'recfield';
  readonly name: string;
  readonly type: number;
  readonly typmod: number;
  /** Holds a record (composite or `record`). */
  readonly isRecord: boolean;
  /** Declared with a composite type: its structure is known before any assignment. */
  readonly namedType: boolean;
  readonly notnull: boolean;
  readonly lineno: number;
  /** row: the variables it stands for (INTO / FOR targets). */
  readonly fields?: readonly number[];
  /** recfield: the record and the field. */
  readonly parent?: number;
  readonly field?: string;
}

/** What expressions need from the compiled function. */
export interface ExprOwner {
  readonly datums: readonly DatumRt[];
  /** Types of $1 .. $n. */
  readonly paramTypes: readonly number[];
  /** Volatile routines run each statement as a new command (it sees the previous ones' writes). */
  readonly volatile: boolean;
  /** When a name is both a variable and a column (plpgsql.variable_conflict). */
  readonly conflict: 'error' | 'column' | 'variable';
}

/** expression: `SELECT <text>`; assign: `target := <expr>`; sql: a statement as written. */
export type ExprMode = 'expr' | 'assign' | 'sql';

/** The structure a record datum has now (its value's, or its declared type's). */
export function currentDesc(f: Frame, owner: ExprOwner, dno: number): RecDesc | undefined {
  const d = f.descs[dno];
  if (d) return d;
  const dt = owner.datums[dno];
  return dt.namedType ? rowtypeDesc(f.session.catalog(), dt.type) : undefined;
}

function notAssigned(name: string): PgError {
  return new PgError(SQLSTATE.object_not_in_prerequisite_state, `record "${name}" is not assigned yet`, {
    detail: 'The tuple structure of a not-yet-assigned record is indeterminate.',
  });
}

/** Resolves `name`, `label.name`, `rec.field`, `label.rec.field`. */
export function resolvePlName(owner: ExprOwner, scope: Scope, fields: readonly string[]): { dno: number; field?: string } | undefined {
  const isRec = (dno: number) => owner.datums[dno].isRecord;
  if (fields.length === 1) {
    const dno = scope.find(fields[0]);
    return dno === undefined || owner.datums[dno].kind === 'row' ? undefined : { dno };
  }
  if (fields.length === 2) {
    const lbl = scope.findLabel(fields[0]);
    const inLabel = lbl?.names.get(fields[1]);
    if (inLabel !== undefined) return { dno: inLabel };
    const dno = scope.find(fields[0]);
    if (dno !== undefined && isRec(dno)) return { dno, field: fields[1] };
    return undefined;
  }
  if (fields.length === 3) {
    const lbl = scope.findLabel(fields[0]);
    const dno = lbl?.names.get(fields[1]);
    if (dno !== undefined && isRec(dno)) return { dno, field: fields[2] };
  }
  return undefined;
}

function textCollation(cat: Catalog, type: number): string | undefined {
  try {
    return typeInfo(cat, type).category === 'S' ? 'default' : undefined;
  } catch {
    return undefined;
  }
}

/** The hook that makes a function's variables visible to the analyzer. */
export function makeHook(owner: ExprOwner, scope: Scope, f: Frame, deps: [number, RecDesc | undefined][], used?: Set<number>): ColumnRefHook {
  const cat = f.session.catalog();
  const recordParam = (dno: number, location: number | undefined): Expr => {
    const desc = currentDesc(f, owner, dno);
    deps.push([dno, desc]);
    return { kind: 'Param', index: dno, type: desc?.typeOid ?? owner.datums[dno].type, typmod: -1, location };
  };
  return {
    conflict: owner.conflict,
    resolve(_ps, fields, location) {
      const r = resolvePlName(owner, scope, fields);
      if (!r) return undefined;
      used?.add(r.dno);
      const d = owner.datums[r.dno];
      if (r.field === undefined) {
        if (d.isRecord) return recordParam(r.dno, location);
        return { kind: 'Param', index: r.dno, type: d.type, typmod: d.typmod, location, collation: textCollation(cat, d.type) };
      }
      const desc = currentDesc(f, owner, r.dno);
      deps.push([r.dno, desc]);
      if (!desc) throw notAssigned(d.name);
      const i = desc.names.indexOf(r.field);
      if (i < 0) throw new PgError(SQLSTATE.undefined_column, `record "${d.name}" has no field "${r.field}"`);
      return {
        kind: 'FieldSelect', arg: { kind: 'Param', index: r.dno, type: desc.typeOid, typmod: -1 }, fieldIndex: i,
        type: desc.types[i], typmod: desc.typmods[i], location, collation: textCollation(cat, desc.types[i]),
      };
    },
    expandStar(_ps, name, location) {
      const r = resolvePlName(owner, scope, [name]);
      if (!r || !owner.datums[r.dno].isRecord) return undefined;
      const desc = currentDesc(f, owner, r.dno);
      deps.push([r.dno, desc]);
      if (!desc) throw notAssigned(owner.datums[r.dno].name);
      const arg: Expr = { kind: 'Param', index: r.dno, type: desc.typeOid, typmod: -1 };
      return desc.names.map((n, i) => ({
        name: n,
        expr: { kind: 'FieldSelect', arg, fieldIndex: i, type: desc.types[i], typmod: desc.typmods[i], location, collation: textCollation(cat, desc.types[i]) } as Expr,
      }));
    },
  };
}

/** A context frame with a fixed line. */
function fixedFrame(line: string): ContextFrame {
  return { describe: () => line };
}

function hasPosition(e: unknown): boolean {
  return e instanceof PgError && (e.internalPosition !== undefined || e.position !== undefined);
}

/** One expression or query of a PL/pgSQL function. */
export class PlExpr {
  private plan: SpiPlan | undefined;
  private version = -1;
  private spKey = '';
  private deps: [number, RecDesc | undefined][] = [];
  private raw: RawStatement | undefined;
  private readonly contextLine: string;
  /**
   * Preparing failed once: Postgres then runs the expression through custom plans, folding it
   * with the variables' values while planning (so errors come in evaluation order, under the
   * expression's CONTEXT line). Here: no generic folding, evaluation under the line.
   */
  private custom = false;
  /** The datums the expression reads, in datum order (Postgres's expr->paramnos), once prepared. */
  paramDnos: readonly number[] = [];
  /** The query opens a cursor (OPEN, FOR over a cursor): rows come with WHERE CURRENT OF positions. */
  forCursor = false;

  /**
   * @param text the text Postgres shows (`x > 1`, `x := x + 1`, `select ... from t`)
   * @param parseText what is parsed (`SELECT x > 1`, `SELECT x + 1`, the statement)
   * @param delta added to positions in parseText to give positions in `text`
   * @param target for assignments: the type the value is cast to inside the expression
   */
  constructor(
    readonly owner: ExprOwner,
    readonly scope: Scope,
    readonly text: string,
    readonly parseText: string,
    readonly delta: number,
    readonly mode: ExprMode,
    readonly target?: { readonly type: number; readonly typmod: number },
  ) {
    this.contextLine = mode === 'expr' ? `PL/pgSQL expression "${text}"` : mode === 'assign' ? `PL/pgSQL assignment "${text}"` : `SQL statement "${text}"`;
  }

  private valid(f: Frame, cat: Catalog): boolean {
    if (!this.plan || this.version !== cat.version || f.session.materialized) return false;
    // A query was analyzed for one role and search path (privileges, row-level security, names):
    // another role (SET ROLE, a SECURITY DEFINER caller) needs its own plan.
    if (!this.plan.simple && this.spKey !== f.session.searchPathKey()) return false;
    for (const [dno, desc] of this.deps) if (currentDesc(f, this.owner, dno) !== desc) return false;
    return true;
  }

  /** The plan for the frame's current catalog and record structures. */
  prepare(f: Frame): SpiPlan {
    const cat = f.session.catalog();
    if (this.valid(f, cat)) return this.plan as SpiPlan;
    const deps: [number, RecDesc | undefined][] = [];
    const used = new Set<number>();
    const frame = fixedFrame(this.contextLine);
    pushContext(frame);
    try {
      this.raw ??= parseOne(this.parseText);
      const ctx = f.ctx();
      const target = this.target;
      const custom = this.custom;
      const rewrite = this.mode === 'sql'
        ? undefined
        : (e: Expr): Expr => {
            const cast = target && target.type !== OID.record && !typeInfo(cat, target.type).relation ? castExpr(cat, e, target.type, target.typmod) : e;
            return custom ? cast : foldConstants(cast, ctx);
          };
      this.plan = prepareSpi(f.session, this.raw, {
        paramTypes: this.owner.paramTypes,
        hook: makeHook(this.owner, this.scope, f, deps, used),
        errorText: this.text,
        errorDelta: this.delta,
        rewriteTarget: rewrite,
        forCursor: this.forCursor,
      });
      this.version = cat.version;
      this.spKey = f.session.searchPathKey();
      this.deps = deps;
      this.paramDnos = [...used].sort((a, b) => a - b);
      return this.plan;
    } catch (e) {
      this.custom = true;
      if (hasPosition(e)) {
        popContext();
        try {
          addErrorContext(e);
        } finally {
          pushContext(frame);
        }
      } else addErrorContext(e);
      throw e;
    } finally {
      popContext();
    }
  }

  /** Throws `e` with this expression's CONTEXT line (errors Postgres raises inside SPI). */
  fail(e: PgError): never {
    pushContext(fixedFrame(this.contextLine));
    try {
      addErrorContext(e);
    } finally {
      popContext();
    }
    throw e;
  }

  /** Result columns (prepares if needed). */
  columns(f: Frame): readonly SpiColumn[] {
    return this.prepare(f).columns;
  }

  /**
   * The value of a one-column expression: no row gives NULL, more than one is an error
   * (21000, as Postgres's exec_eval_expr).
   */
  value(f: Frame): Value {
    const plan = this.prepare(f);
    // exec_eval_simple_expr: a volatile body's expression sees the body's earlier writes (a
    // STABLE function it calls reads with the new command id).
    if (plan.simple && this.owner.volatile) f.session.transaction().commandCounterIncrement();
    if (plan.simple && !this.custom) return plan.simple.expr(EMPTY, f.ctx());
    if (plan.simple) {
      pushContext(fixedFrame(this.contextLine));
      try {
        return plan.simple.expr(EMPTY, f.ctx());
      } catch (e) {
        addErrorContext(e);
        throw e;
      } finally {
        popContext();
      }
    }
    const cols = plan.columns.length;
    if (cols !== 1) {
      const e = new PgError(SQLSTATE.syntax_error, this.mode === 'assign' ? `assignment source returned ${cols} columns` : `query returned ${cols} columns`);
      pushContext(fixedFrame(this.contextLine));
      try {
        addErrorContext(e);
      } finally {
        popContext();
      }
      throw e;
    }
    const rows = this.run(f).rows;
    if (rows.length > 1) {
      const e = new PgError(SQLSTATE.cardinality_violation, 'query returned more than one row');
      pushContext(fixedFrame(`query: ${this.text}`));
      try {
        addErrorContext(e);
      } finally {
        popContext();
      }
      throw e;
    }
    return rows.length ? (rows[0][0] ?? null) : null;
  }

  /** The type `value()` returns (after prepare). */
  valueType(f: Frame): { type: number; typmod: number } {
    const plan = this.prepare(f);
    if (plan.simple) return { type: plan.simple.type, typmod: plan.simple.typmod };
    const c = plan.columns[0];
    return { type: c?.type ?? OID.unknown, typmod: c?.typmod ?? -1 };
  }

  /** Runs the query with this expression's CONTEXT line active. */
  run(f: Frame): { rows: Row[]; rowCount: number } {
    const plan = this.prepare(f);
    pushContext(fixedFrame(this.contextLine));
    try {
      if (this.owner.volatile) f.session.transaction().commandCounterIncrement();
      return plan.execute(f.session, f.values);
    } catch (e) {
      addErrorContext(e);
      throw e;
    } finally {
      popContext();
    }
  }

  /** Runs a cursor's query (forCursor): its rows, positions and scrollability, under the CONTEXT line. */
  runCursor(f: Frame): { rows: Row[]; positions?: CursorPositions; scrollable: boolean } {
    const plan = this.prepare(f);
    pushContext(fixedFrame(this.contextLine));
    try {
      if (this.owner.volatile) f.session.transaction().commandCounterIncrement();
      if (plan.cursorExecute) return { ...plan.cursorExecute(f.session, f.values), scrollable: !!plan.scrollable };
      return { rows: plan.execute(f.session, f.values).rows, scrollable: !!plan.scrollable };
    } catch (e) {
      addErrorContext(e);
      throw e;
    } finally {
      popContext();
    }
  }

  /** Rows of a query one at a time (FOR loops): materialized first, under the CONTEXT line. */
  rows(f: Frame): Row[] {
    return this.run(f).rows;
  }
}

const EMPTY: Row = [];

function parseOne(text: string): RawStatement {
  const stmts = parseScript(text);
  if (stmts.length !== 1) throw new PgError(SQLSTATE.syntax_error, 'syntax error at end of input');
  return stmts[0];
}
