/**
 * LANGUAGE sql functions and procedures: the body's statements run in order through SPI with the
 * arguments as parameters (by position `$1` or by name, `f.name` too; a column of the same name
 * wins, as in Postgres); the last statement's rows give the result. Plans are kept per function
 * version, catalog version and actual argument types.
 *
 * CONTEXT lines follow Postgres: `SQL function "f" statement 2` while a statement runs; for a
 * function Postgres would inline (a single `SELECT expr`), none, or `during inlining` when the
 * call's arguments are constants (Postgres folds it while planning); analysis errors of
 * functions called in expressions read `SQL function "f" during inlining`.
 *
 * Postgres counterpart: src/backend/executor/functions.c, optimizer/util/clauses.c
 * (inline_function), check_sql_fn_retval.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { FunctionDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ColumnRefHook } from '../analyze/parse-state.js';
import { canCoerce, domainCheckFunction } from '../analyze/coerce.js';
import { enforceGenericTypeConsistency, isBinaryCoercible } from '../analyze/poly-consistency.js';
import { isPolymorphic } from '../analyze/func.js';
import type { Expr } from '../nodes/primnodes.js';
import { parseScript, type RawStatement } from '../parser/parse.js';
import type { ExecContext, Row } from '../executor/context.js';
import { OID } from '../types/oids.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import { PgRecord, type Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import { addErrorContext, popContext, pushContext, type ContextFrame } from './error-context.js';
import { caster, type Caster } from './cast.js';
import { prepareSpi, type SpiColumn, type SpiPlan } from './spi.js';
import { expandFields, selectField } from '../analyze/record-fields.js';

/** How a call was planned: as Postgres would inline it (with constant arguments or not), or run. */
export type SqlCallMode = 'run' | 'inline' | 'inline-const';

/** The declared result shape of a routine. */
export interface ResultShape {
  readonly kind: 'void' | 'scalar' | 'composite';
  readonly type: number;
  /** For composite results: the columns (table row type or OUT parameters). */
  readonly columns: readonly SpiColumn[];
  /** A composite result declared as a domain over the composite type: the domain (checked on each result). */
  readonly domain?: number;
}

/** The columns of a composite result (a table's row type or the OUT parameters), else undefined. */
export function resultShape(cat: Catalog, def: FunctionDef, returnType: number, paramTypes?: readonly number[]): ResultShape {
  if (returnType === OID.void) return { kind: 'void', type: returnType, columns: [] };
  const outs = def.params.filter((p) => p.mode === 'o' || p.mode === 'b' || p.mode === 't');
  if (outs.length > 1) {
    // Polymorphic OUT parameters take the types this call's arguments bind them to
    // (resolve_polymorphic_tupdesc); an unnamed one is "columnN" (build_function_result_tupdesc_d).
    const bind = (t: number) => (paramTypes && isPolymorphic(t) ? enforceGenericTypeConsistency(cat, paramTypes, def.argTypes, t, false).returnType : t);
    const columns = outs.map((p, i) => ({ name: p.name || `column${i + 1}`, type: bind(p.type), typmod: -1 }));
    return { kind: 'composite', type: returnType, columns };
  }
  const info = typeInfo(cat, returnType);
  const base = info.typtype === 'd' ? typeInfo(cat, baseTypeOf(cat, returnType)) : info;
  if (base.typtype === 'c' && base.relation !== undefined) {
    const rel = cat.relation(base.relation);
    const columns = rel.columns.filter((c) => !c.dropped).map((c) => ({ name: c.name, type: c.type, typmod: c.typmod }));
    return { kind: 'composite', type: returnType, columns, domain: info.typtype === 'd' ? returnType : undefined };
  }
  return { kind: 'scalar', type: returnType, columns: [] };
}

/** The body's statements: the function text, or for BEGIN ATOMIC the statements inside it. */
export function sqlBodyStatements(def: FunctionDef): readonly RawStatement[] {
  return parseScript(def.body);
}

function mismatch(cat: Catalog, rettype: number, detail: string): PgError {
  return new PgError(SQLSTATE.invalid_function_definition, `return type mismatch in function declared to return ${formatType(cat, rettype)}`, { detail });
}

/**
 * Postgres's check_sql_fn_retval: the last statement must produce what the function returns.
 * @throws 42P13 return type mismatch (DETAIL says how).
 */
export function checkSqlResult(cat: Catalog, shape: ResultShape, last: SpiPlan | undefined, retset: boolean): void {
  void retset;
  if (shape.kind === 'void') return;
  if (!last || !last.returnsRows) {
    throw mismatch(cat, shape.type, "Function's final statement must be SELECT or INSERT/UPDATE/DELETE/MERGE RETURNING.");
  }
  const cols = last.columns;
  // An anonymous `record` result: any row shape (checked against the caller's column list).
  if (shape.kind === 'scalar' && shape.type === OID.record) return;
  if (shape.kind === 'scalar') {
    if (cols.length !== 1) throw mismatch(cat, shape.type, 'Final statement must return exactly one column.');
    const t = cols[0].type === OID.unknown ? OID.text : cols[0].type;
    if (t !== shape.type && !canCoerce(cat, t, shape.type, 'assignment')) {
      throw mismatch(cat, shape.type, `Actual return type is ${formatType(cat, t)}.`);
    }
    return;
  }
  // A single column of the composite type itself (or a record) is the whole row.
  if (wholeRowResult(cat, shape, cols)) return;
  if (cols.length > shape.columns.length) throw mismatch(cat, shape.type, 'Final statement returns too many columns.');
  for (let i = 0; i < cols.length; i++) {
    const t = cols[i].type === OID.unknown ? OID.text : cols[i].type;
    const want = shape.columns[i].type;
    if (t !== want && !canCoerce(cat, t, want, 'assignment')) {
      throw mismatch(cat, shape.type, `Final statement returns ${formatType(cat, t)} instead of ${formatType(cat, want)} at column ${i + 1}.`);
    }
  }
  if (cols.length < shape.columns.length) throw mismatch(cat, shape.type, 'Final statement returns too few columns.');
}

/** Whether the last statement returns the composite result as one row-valued column. */
function wholeRowResult(cat: Catalog, shape: ResultShape, cols: readonly SpiColumn[]): boolean {
  if (shape.kind !== 'composite' || cols.length !== 1) return false;
  return cols[0].type === shape.type || cols[0].type === OID.record || typeInfo(cat, cols[0].type).typtype === 'c';
}

/** Resolves parameter names (`a`, `f.a`) of a SQL function to Params; columns win. */
export function sqlParamHook(def: FunctionDef, paramTypes: readonly number[]): ColumnRefHook {
  const names = inputParams(def).map((p) => p.name);
  return {
    conflict: 'column',
    resolve(ps, fields, location) {
      const param = (name: string | undefined): Expr | undefined => {
        if (name === undefined || name === '') return undefined;
        const i = names.indexOf(name);
        return i < 0 ? undefined : { kind: 'Param', index: i, type: paramTypes[i], typmod: -1, location };
      };
      if (fields.length === 1) return param(fields[0]);
      if (fields.some((f) => f === '*')) return undefined;
      // `fn.c` and `fn.c.f`: the parameter qualified by the function's name (before `c.f`, as
      // sql_fn_post_column_ref tries it).
      if (fields[0] === def.name) {
        const q = param(fields[1]);
        if (q) {
          let e = q;
          for (const f of fields.slice(2)) e = selectField(ps, e, f, location);
          return e;
        }
      }
      // `c.f`: a field of a composite parameter c (columns of FROM items were tried first).
      const p = param(fields[0]);
      if (!p) return undefined;
      let e = p;
      for (const f of fields.slice(1)) e = selectField(ps, e, f, location);
      return e;
    },
    // `c.*` of a composite parameter: its fields.
    expandStar(ps, name, location) {
      const i = names.indexOf(name);
      if (i < 0 || typeInfo(ps.catalog, baseTypeOf(ps.catalog, paramTypes[i])).typtype !== 'c') return undefined;
      const p: Expr = { kind: 'Param', index: i, type: paramTypes[i], typmod: -1, location };
      return expandFields(ps, p, location);
    },
  };
}

/** Input parameters in signature order (procedures count OUT parameters too). */
export function inputParams(def: FunctionDef) {
  return def.params.filter((p) => p.mode === 'i' || p.mode === 'b' || p.mode === 'v' || (def.kind === 'p' && p.mode === 'o'));
}

interface PlanSet {
  readonly catalogVersion: number;
  readonly plans: (SpiPlan | undefined)[];
  resultCasters?: (Caster | undefined)[];
  wholeRow?: boolean;
  /** For a function returning `record`: the last statement's columns. */
  recordColumns?: readonly SpiColumn[];
}

interface Compiled {
  readonly statements: readonly RawStatement[];
  readonly sets: Map<string, PlanSet>;
  readonly inlinable: boolean;
}

const compiled = new WeakMap<FunctionDef, Compiled>();

function compiledFor(def: FunctionDef): Compiled {
  let c = compiled.get(def);
  if (!c) {
    const statements = sqlBodyStatements(def);
    c = { statements, sets: new Map(), inlinable: isInlinable(def, statements) };
    compiled.set(def, c);
  }
  return c;
}

/** Whether Postgres's inline_function would replace calls by the body's expression. */
function isInlinable(def: FunctionDef, stmts: readonly RawStatement[]): boolean {
  if (def.kind !== 'f' || def.retset || def.securityDefiner || def.config.length || def.returnType === OID.record) return false;
  if (def.params.some((p) => p.mode === 'o' || p.mode === 'b' || p.mode === 't')) return false;
  if (stmts.length !== 1) return false;
  const sel = (stmts[0].stmt as { SelectStmt?: Record<string, unknown> }).SelectStmt;
  if (!sel) return false;
  const allowed = new Set(['targetList', 'limitOption', 'op']);
  if (Object.keys(sel).some((k) => !allowed.has(k))) return false;
  return Array.isArray(sel.targetList) && sel.targetList.length === 1;
}

/** Whether calls of this SQL function are inlined by Postgres (its CONTEXT lines differ). */
export function sqlFunctionInlinable(def: FunctionDef): boolean {
  return compiledFor(def).inlinable;
}

function describeInlining(def: FunctionDef): ContextFrame {
  return { describe: () => `SQL function "${def.name}" during inlining` };
}

/**
 * Runs a SQL function body for one call and shapes its result (a value, a record, or for
 * set-returning functions an array of them).
 */
export function runSqlFunction(
  session: Session,
  def: FunctionDef,
  args: readonly Value[],
  paramTypes: readonly number[],
  shape: ResultShape,
  ctx: ExecContext,
  mode: SqlCallMode,
): Value | Value[] {
  const c = compiledFor(def);
  const cat = session.catalog();
  // The role and search path are part of the key: the body is analyzed with their privileges,
  // row-level security and names.
  const key = paramTypes.join(',') + '\u0000' + session.searchPathKey();
  let set = c.sets.get(key);
  if (!set || set.catalogVersion !== cat.version) {
    set = { catalogVersion: cat.version, plans: c.statements.map(() => undefined) };
    c.sets.set(key, set);
  }
  const hook = sqlParamHook(def, paramTypes);
  const n = c.statements.length;
  let last: { rows: Row[]; rowCount: number } | undefined;
  let stmtNo = 0;
  // An inlined call with constant arguments is folded while planning only when the body is immutable.
  const folded = () => mode === 'inline-const' && !set?.plans[0]?.mutable;
  const frame: ContextFrame = {
    describe: () => (mode === 'run' || !c.inlinable ? `SQL function "${def.name}" statement ${stmtNo}` : folded() ? `SQL function "${def.name}" during inlining` : undefined),
  };
  const txn = session.transaction();
  for (let i = 0; i < n; i++) {
    stmtNo = i + 1;
    let plan = set.plans[i];
    if (!plan) {
      pushContext(def.retset ? frame : describeInlining(def));
      try {
        plan = prepareSpi(session, c.statements[i], { paramTypes, hook });
        if (i === n - 1) {
          checkSqlResult(cat, shape, plan, def.retset);
          set.resultCasters = resultCasters(cat, shape, plan);
          if (shape.kind === 'scalar' && shape.type === OID.record) set.recordColumns = plan.columns;
          set.wholeRow = wholeRowResult(cat, shape, plan.columns);
        }
      } catch (e) {
        addErrorContext(e);
        throw e;
      } finally {
        popContext();
      }
      if (plan.command !== 'UTILITY') set.plans[i] = plan;
    }
    if (i > 0) txn.commandCounterIncrement();
    pushContext(frame);
    try {
      last = plan.execute(session, args);
    } catch (e) {
      addErrorContext(e);
      throw e;
    } finally {
      popContext();
    }
  }
  void ctx;
  if (shape.kind === 'void') return def.retset ? [] : null;
  const rows = last?.rows ?? [];
  const casters = set.resultCasters ?? [];
  const wholeRow = !!set.wholeRow;
  const rc = set.recordColumns;
  const shaped = rc ? (r: Row): Value => recordRow(cat, rc, r) : (r: Row): Value => shapeRow(cat, shape, r, casters, ctx, wholeRow);
  const check = shape.domain !== undefined ? domainCheckFunction(cat, shape.domain) : undefined;
  const toValue = check ? (r: Row): Value => check(shaped(r), ctx) : shaped;
  if (def.retset) return rows.map(toValue);
  return rows.length ? toValue(rows[0]) : null;
}

/** One row of a function returning `record`: the row itself, or its only column if that is a row. */
function recordRow(cat: Catalog, cols: readonly SpiColumn[], r: Row): Value {
  if (cols.length === 1 && (cols[0].type === OID.record || typeInfo(cat, cols[0].type).typtype === 'c')) return r[0] ?? null;
  return new PgRecord(cols.map((_, i) => r[i] ?? null), cols.map((c) => c.name), cols.map((c) => (c.type === OID.unknown ? OID.text : c.type)));
}

function resultCasters(cat: Catalog, shape: ResultShape, plan: SpiPlan): (Caster | undefined)[] {
  if (shape.kind === 'scalar' && shape.type === OID.record) return [];
  if (shape.kind === 'scalar') return [caster(cat, plan.columns[0].type === OID.unknown ? OID.text : plan.columns[0].type, shape.type, -1)];
  if (shape.kind !== 'composite') return [];
  if (wholeRowResult(cat, shape, plan.columns)) return [];
  return plan.columns.map((col, i) => (shape.columns[i] ? caster(cat, col.type === OID.unknown ? OID.text : col.type, shape.columns[i].type, shape.columns[i].typmod) : undefined));
}

function checkRecordMatch(cat: Catalog, rec: PgRecord, cols: ResultShape['columns']): void {
  const fail = (detail: string) => new PgError(SQLSTATE.datatype_mismatch, 'function return row and query-specified return row do not match', { detail });
  const n = rec.fields.length;
  if (n !== cols.length) throw fail(`Returned row contains ${n} attribute${n === 1 ? '' : 's'}, but query expects ${cols.length}.`);
  cols.forEach((c, i) => {
    const t = rec.types?.[i];
    if (t === undefined || t === c.type || isBinaryCoercible(cat, t, c.type)) return;
    throw fail(`Returned type ${formatType(cat, t)} at ordinal position ${i + 1}, but query expects ${formatType(cat, c.type)}.`);
  });
}

function shapeRow(cat: Catalog, shape: ResultShape, r: Row, casters: readonly (Caster | undefined)[], ctx: ExecContext, wholeRow: boolean): Value {
  if (shape.kind === 'scalar') {
    const v = r[0] ?? null;
    const c = casters[0];
    return c && v !== null ? c(v, ctx) : v;
  }
  if (wholeRow) {
    if (r[0] === null) return null;
    // Each field as the result's column (ROW(a, b) of numeric and text into numeric(12,2), char(3)).
    const rec = r[0] as PgRecord;
    // A function with OUT parameters returns `record`: the row must already match them
    // (Postgres's tupledesc_match at run time; only binary-coercible types pass).
    if (shape.type === OID.record) checkRecordMatch(cat, rec, shape.columns);
    const fields = shape.columns.map((c, i) => {
      const v = rec.fields[i] ?? null;
      const t = rec.types?.[i];
      if (v === null || t === undefined || t === OID.unknown) return v;
      const cast = caster(cat, t, c.type, c.typmod);
      return cast ? cast(v, ctx) : v;
    });
    return new PgRecord(fields, shape.columns.map((c) => c.name), shape.columns.map((c) => c.type));
  }
  const fields = shape.columns.map((_, i) => {
    const v = r[i] ?? null;
    const c = casters[i];
    return c && v !== null ? c(v, ctx) : v;
  });
  return new PgRecord(fields, shape.columns.map((c) => c.name), shape.columns.map((c) => c.type));
}
