/**
 * Running PL/pgSQL: function calls (arguments into the frame, the body, the result cast to the
 * declared type or shaped into rows for set-returning functions), DO blocks, and the validator
 * CREATE FUNCTION runs. Compiled forms are cached per function version, argument types, result
 * type and catalog version.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_handler.c (plpgsql_call_handler,
 * plpgsql_inline_handler, plpgsql_validator), pl_exec.c (plpgsql_exec_function).
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { FunctionDef, RelationDef, TriggerDef } from '../../catalog/objects.js';
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { RawStatement } from '../../parser/parse.js';
import { domainCheckFunction } from '../../analyze/coerce.js';
import type { ExecContext } from '../../executor/context.js';
import { OID } from '../../types/oids.js';
import { formatType } from '../../types/registry.js';
import { PgArray, PgRecord, type Value } from '../../types/values.js';
import { setTriggerRunner, type TriggerCall } from '../../executor/trigger.js';
import { atomically } from '../atomic.js';
import type { Session } from '../../session/session.js';
import { addErrorContext, markContextDone, popContext, pushContext } from '../error-context.js';
import { setPlpgsqlRunner, withRoutineEnvironment } from '../handler.js';
import { setPlpgsqlValidator, type BodyPosition } from '../validate.js';
import { resultShape, type ResultShape } from '../sql-function.js';
import { enforceGenericTypeConsistency } from '../../analyze/poly-consistency.js';
import { isPolymorphic } from '../../analyze/func.js';
import { routineSignature } from '../signature.js';
import { compileFunction, declarationErrors, statementErrors, type PlFunction, type RoutineKind } from './compile.js';
import { Frame, rowtypeDesc, type RecDesc } from './frame.js';
import { castValue, descOfValue } from './assign.js';
import { offsetFromLine, parseFunctionText, plpgsqlSource } from './parse.js';
import type { PlNode } from './tree.js';

const trees = new WeakMap<FunctionDef, PlNode>();
const compiled = new WeakMap<FunctionDef, Map<string, PlFunction>>();

function treeOf(session: Session, def: FunctionDef): PlNode {
  let t = trees.get(def);
  if (!t) {
    t = parseFunctionText(plpgsqlSource(session.catalog(), def), def.name, def.body);
    trees.set(def, t);
  }
  return t;
}

/** The routine kind of a catalog function, for the given actual result type. */
function routineKind(def: FunctionDef, returnType: number): RoutineKind {
  const outs = def.params.filter((p) => p.mode === 'o' || p.mode === 'b' || p.mode === 't');
  const nparams = def.params.length;
  // One OUT parameter is its own datum; several get a row datum right after the parameters.
  const outDno = outs.length === 0 ? undefined : outs.length === 1 ? def.params.indexOf(outs[0]) : nparams;
  return {
    // (an event trigger function returns nothing: PL/pgSQL compiles it as returning void)
    returnType: returnType === OID.event_trigger ? OID.void : returnType,
    retset: def.retset,
    isProcedure: def.kind === 'p',
    isTrigger: def.returnType === OID.trigger,
    volatility: def.volatility,
    nparams,
    outDno,
  };
}

/** Parameter types of every datum-backed parameter (OUT ones included, in declaration order). */
function allParamTypes(cat: Catalog, def: FunctionDef, inputTypes: readonly number[]): number[] {
  let k = 0;
  return def.params.map((p) => {
    const isInput = p.mode === 'i' || p.mode === 'b' || p.mode === 'v' || (def.kind === 'p' && p.mode === 'o');
    if (isInput) return inputTypes[k++] ?? p.type;
    // A polymorphic OUT parameter: the type the call's arguments bind it to.
    // (Not when validating the body, where the inputs are the declared polymorphic types.)
    if (!isPolymorphic(p.type) || !inputTypes.length || inputTypes.some(isPolymorphic)) return p.type;
    return enforceGenericTypeConsistency(cat, inputTypes, def.argTypes, p.type, false).returnType;
  });
}

/** The compiled form of a function for these argument and result types. */
export function compiledFunction(session: Session, def: FunctionDef, inputTypes: readonly number[], returnType: number): PlFunction {
  const cat = session.catalog();
  let m = compiled.get(def);
  if (!m) {
    m = new Map();
    compiled.set(def, m);
  }
  const key = `${cat.version}|${inputTypes.join(',')}|${returnType}`;
  let fn = m.get(key);
  if (!fn) {
    const tree = treeOf(session, def);
    const signature = routineSignature(cat, def, session.searchPath());
    try {
      fn = compileFunction(session, tree, routineKind(def, returnType), allParamTypes(cat, def, inputTypes), def.name, signature);
    } catch (e) {
      if (e instanceof PgError && !e.where) {
        e.where = `compilation of PL/pgSQL function "${def.name}" near line 1`;
        markContextDone(e);
      }
      throw e;
    }
    if (m.size > 16) m.clear();
    m.set(key, fn);
  }
  return fn;
}

/** How RETURN NEXT / RETURN QUERY values become rows of the function's result. */
function resultConverter(f: Frame, shape: ResultShape): (v: Value, type: number) => Value {
  if (shape.kind === 'composite') {
    return (v) => {
      if (v === null) return new PgRecord(shape.columns.map(() => null), shape.columns.map((c) => c.name), shape.columns.map((c) => c.type));
      if (!(v instanceof PgRecord)) throw new PgError(SQLSTATE.datatype_mismatch, 'wrong record type supplied in RETURN NEXT');
      checkReturnedRecord(f, shape, v);
      const src = v.types;
      return new PgRecord(shape.columns.map((c, i) => castValue(f, v.fields[i] ?? null, src?.[i] ?? OID.unknown, c.type, c.typmod)), shape.columns.map((c) => c.name), shape.columns.map((c) => c.type));
    };
  }
  return (v, type) => castValue(f, v, type, shape.type, -1);
}

/**
 * RETURN of a record whose field types are known: they must be the result's column types, as
 * Postgres's convert_tuples_by_position requires (no casts).
 */
function checkReturnedRecord(f: Frame, shape: ResultShape, v: PgRecord): void {
  const types = v.types;
  if (!types) return;
  const cat = f.session.catalog();
  // convert_tuples_by_position: the columns both have, then the count.
  const n = Math.min(types.length, shape.columns.length);
  for (let i = 0; i < n; i++) {
    const t = types[i];
    const c = shape.columns[i];
    if (t === c.type) continue;
    throw new PgError(SQLSTATE.datatype_mismatch, 'returned record type does not match expected record type', {
      detail: `Returned type ${formatType(cat, t)} does not match expected type ${formatType(cat, c.type, c.typmod)} in column "${c.name}" (position ${i + 1}).`,
    });
  }
  if (types.length !== shape.columns.length) {
    throw new PgError(SQLSTATE.datatype_mismatch, 'returned record type does not match expected record type', {
      detail: `Number of returned columns (${types.length}) does not match expected column count (${shape.columns.length}).`,
    });
  }
}

/** Runs a frame's body with its CONTEXT frame on the stack. */
function runBody(fn: PlFunction, f: Frame): void {
  pushContext(f);
  try {
    fn.body(f);
  } catch (e) {
    addErrorContext(e);
    throw e;
  } finally {
    popContext();
  }
}

/** Casts the RETURN value to the declared result (`while casting return value ...`). */
function finishResult(f: Frame, shape: ResultShape): Value {
  f.cur = undefined;
  f.errVarLine = undefined;
  f.errText = "while casting return value to function's return type";
  pushContext(f);
  try {
    const v = f.retValue;
    if (shape.kind === 'composite') {
      if (v === null) return null;
      if (!(v instanceof PgRecord)) throw new PgError(SQLSTATE.datatype_mismatch, 'cannot return non-composite value from function returning composite type');
      const row = resultConverter(f, shape)(v, f.retType);
      // A domain over the composite type: its constraints, in the same error context.
      return shape.domain === undefined || row === null ? row : domainCheckFunction(f.session.catalog(), shape.domain)(row, { params: [], session: f.session });
    }
    return castValue(f, v, f.retType, shape.type, -1);
  } catch (e) {
    addErrorContext(e);
    throw e;
  } finally {
    popContext();
    f.errText = undefined;
  }
}

/** Calls a PL/pgSQL function (the handler's entry point). */
export function runPlpgsqlFunction(session: Session, def: FunctionDef, args: readonly Value[], inputTypes: readonly number[], returnType: number, ctx: ExecContext): Value | Value[] {
  void ctx;
  const fn = compiledFunction(session, def, inputTypes, returnType);
  const f = new Frame(fn, session);
  f.routineOid = def.oid;
  const cat = session.catalog();
  let k = 0;
  def.params.forEach((p, i) => {
    const isInput = p.mode === 'i' || p.mode === 'b' || p.mode === 'v' || (def.kind === 'p' && p.mode === 'o');
    if (!isInput) return;
    const v = args[k] ?? null;
    const from = inputTypes[k++] ?? OID.record;
    f.values[i] = v;
    const d = fn.datums[i];
    // A `record` parameter takes the structure of the value passed (row(1,2): f1, f2).
    if (d.isRecord && v instanceof PgRecord) f.descs[i] = d.namedType ? rowtypeDesc(cat, d.type) : descOfValue(f, v, from);
  });
  f.values[fn.foundDno] = false;
  const shape = resultShape(cat, def, returnType, inputTypes);
  if (def.retset) {
    f.results = [];
    f.resultColumns = shape.kind === 'composite' ? shape.columns : [{ type: returnType }];
    f.resultValue = resultConverter(f, shape);
  }
  runBody(fn, f);
  if (def.retset) return f.results ?? [];
  if (def.kind === 'p') return procedureOutputs(def, f);
  if (shape.kind === 'void') return '';
  return finishResult(f, shape);
}

/** A procedure's OUT / INOUT values as one record (CALL shows it as a row). */
function procedureOutputs(def: FunctionDef, f: Frame): Value {
  const outs: { name: string; type: number; v: Value }[] = [];
  def.params.forEach((p, i) => {
    if (p.mode === 'o' || p.mode === 'b') outs.push({ name: p.name, type: p.type, v: f.values[i] });
  });
  if (!outs.length) return null;
  return new PgRecord(outs.map((o) => o.v), outs.map((o) => o.name), outs.map((o) => o.type));
}

/** Runs a DO block's PL/pgSQL code. */
export function runDoBlock(session: Session, st: RawStatement, body: string, bodyPos?: BodyPosition): void {
  const tree = parseFunctionText(st.text, 'inline_code_block', body, bodyPos);
  const kind: RoutineKind = { returnType: OID.void, retset: false, isProcedure: true, isTrigger: false, volatility: 'v', nparams: 0 };
  let fn: PlFunction;
  try {
    fn = compileFunction(session, tree, kind, [], 'inline_code_block', 'inline_code_block', bodyPos ? { body, bodyPos } : undefined);
  } catch (e) {
    if (bodyPos) placeStatementError(e, body, bodyPos);
    throw e;
  }
  const f = new Frame(fn, session);
  f.values[fn.foundDno] = false;
  runBody(fn, f);
}

/** Gives a grammar error found while compiling a statement (statementErrors) its position; true if it was one. */
function placeStatementError(e: unknown, body: string, bodyPos: BodyPosition): boolean {
  const site = e instanceof PgError ? statementErrors.get(e) : undefined;
  if (!site) return false;
  const off = offsetFromLine(body, site.line, site.find);
  if (off >= 0) (e as PgError).position = bodyPos(off);
  return true;
}

/** CREATE FUNCTION's check of a PL/pgSQL body: grammar, then declarations (types, conditions). */
function validate(session: Session, def: FunctionDef, st: RawStatement, bodyPos: BodyPosition): void {
  let tree: PlNode;
  try {
    tree = parseFunctionText(st.text, def.name, def.body, bodyPos);
  } catch (e) {
    // libpg-query's grammar cannot take a `tab.col%TYPE` parameter or result type: the
    // statement rebuilt from the catalog entry (types resolved) has the same body.
    if (!(e instanceof PgError) || e.message !== 'Not implemented') throw e;
    tree = parseFunctionText(plpgsqlSource(session.catalog(), def), def.name, def.body, bodyPos);
  }
  trees.set(def, tree);
  try {
    compileFunction(session, tree, routineKind(def, def.returnType), allParamTypes(session.catalog(), def, def.argTypes), def.name, def.name, { body: def.body, bodyPos });
  } catch (e) {
    if (placeStatementError(e, def.body, bodyPos)) throw e;
    if (def.returnType === OID.trigger) throw e;
    if (e instanceof PgError && !e.where && e.position === undefined) {
      const decl = declarationErrors.get(e);
      if (decl && e.code === SQLSTATE.undefined_object) {
        // Unknown types point at the declaration (Postgres parses them while reading DECLARE).
        const lines = def.body.split('\n');
        const before = lines.slice(0, decl.line - 1).join('\n').length + (decl.line > 1 ? 1 : 0);
        const at = lines[decl.line - 1]?.indexOf(decl.typname) ?? -1;
        if (at >= 0) e.position = bodyPos(before + at);
      } else {
        e.where = `compilation of PL/pgSQL function "${def.name}" near line ${decl?.line ?? 1}`;
        markContextDone(e);
      }
    }
    throw e;
  }
}

/** Where a compiled trigger function keeps NEW, OLD and the TG_ variables (-1: not referenced). */
interface TriggerSlots {
  readonly new: number;
  readonly old: number;
  /** tg_name, tg_when, tg_level, tg_op, tg_relid, tg_relname, tg_table_name, tg_table_schema, tg_nargs, tg_argv */
  readonly tg: Int32Array;
}
const TG_NAMES = ['tg_name', 'tg_when', 'tg_level', 'tg_op', 'tg_relid', 'tg_relname', 'tg_table_name', 'tg_table_schema', 'tg_nargs', 'tg_argv'] as const;
const triggerSlots = new WeakMap<PlFunction, TriggerSlots>();

function slotsOf(fn: PlFunction): TriggerSlots {
  let s = triggerSlots.get(fn);
  if (!s) {
    const dno = (name: string) => fn.scope.names.get(name) ?? -1;
    s = { new: dno('new'), old: dno('old'), tg: Int32Array.from(TG_NAMES, dno) };
    triggerSlots.set(fn, s);
  }
  return s;
}

/** What a trigger's firings share within one catalog version: the row descriptor, schema name, TG_ARGV. */
interface TriggerStatic {
  readonly cat: Catalog;
  readonly rel: RelationDef;
  readonly desc: RecDesc;
  readonly schema: string;
  /** Shared between firings: assignments to TG_ARGV elements build a new array. */
  readonly argv: PgArray | null;
}
const triggerStatics = new WeakMap<TriggerDef, TriggerStatic>();

function staticOf(cat: Catalog, t: TriggerDef, rel: RelationDef): TriggerStatic {
  let s = triggerStatics.get(t);
  if (!s || s.cat !== cat || s.rel !== rel) {
    s = { cat, rel, desc: rowtypeDesc(cat, rel.rowType), schema: cat.namespaceName(rel.namespace), argv: t.args.length ? new PgArray([...t.args], [t.args.length], [0]) : null };
    triggerStatics.set(t, s);
  }
  return s;
}

/** The compiled trigger function of the current catalog version (no key string per firing). */
const lastTriggerFn = new WeakMap<FunctionDef, { readonly version: number; readonly fn: PlFunction }>();

/** Runs a PL/pgSQL trigger function for one firing (the executor's trigger runner). */
export function runTriggerFunction(session: Session, def: FunctionDef, call: TriggerCall): Value {
  if (def.language !== 'plpgsql') throw featureNotSupported(`trigger functions in LANGUAGE ${def.language}`);
  const cat = session.catalog();
  let last = lastTriggerFn.get(def);
  if (!last || last.version !== cat.version) {
    last = { version: cat.version, fn: compiledFunction(session, def, [], OID.trigger) };
    lastTriggerFn.set(def, last);
  }
  const fn = last.fn;
  const f = new Frame(fn, session);
  f.routineOid = def.oid;
  const t = call.trigger;
  const st = staticOf(cat, t, call.rel);
  const desc = st.desc;
  const slots = slotsOf(fn);
  // NEW / OLD have the table's row type even when NULL (OLD in INSERT triggers, statement triggers).
  if (slots.new >= 0) {
    f.values[slots.new] = call.newRow ?? null;
    f.descs[slots.new] = desc;
  }
  if (slots.old >= 0) {
    f.values[slots.old] = call.oldRow ?? null;
    f.descs[slots.old] = desc;
  }
  const tg = slots.tg;
  if (tg[0] >= 0) f.values[tg[0]] = t.name;
  if (tg[1] >= 0) f.values[tg[1]] = call.when;
  if (tg[2] >= 0) f.values[tg[2]] = call.level;
  if (tg[3] >= 0) f.values[tg[3]] = call.op;
  if (tg[4] >= 0) f.values[tg[4]] = call.rel.oid;
  if (tg[5] >= 0) f.values[tg[5]] = call.rel.name;
  if (tg[6] >= 0) f.values[tg[6]] = call.rel.name;
  if (tg[7] >= 0) f.values[tg[7]] = st.schema;
  if (tg[8] >= 0) f.values[tg[8]] = t.args.length;
  if (tg[9] >= 0) f.values[tg[9]] = st.argv;
  f.values[fn.foundDno] = false;
  const savedMat = session.materialized;
  if (call.transition?.size) session.materialized = new Map([...(savedMat ?? []), ...call.transition]);
  try {
    withRoutineEnvironment(session, def, () => atomically(session, () => runBody(fn, f)));
  } finally {
    session.materialized = savedMat;
  }
  const r = f.retValue;
  if (call.level !== 'ROW' || call.when === 'AFTER' || r === null) return r;
  if (r instanceof PgRecord && r.types && r.fields.length === desc.names.length && r.types.every((ty, i) => ty === desc.types[i])) return r;
  // Converting the returned row to the table's row type happens `during function exit`.
  f.cur = undefined;
  f.errText = 'during function exit';
  pushContext(f);
  try {
    if (!(r instanceof PgRecord)) throw new PgError(SQLSTATE.datatype_mismatch, 'returned row structure does not match the structure of the triggering table');
    if (r.fields.length !== desc.names.length) {
      throw new PgError(SQLSTATE.datatype_mismatch, 'returned row structure does not match the structure of the triggering table', {
        detail: `Number of returned columns (${r.fields.length}) does not match expected column count (${desc.names.length}).`,
      });
    }
    return new PgRecord(desc.types.map((ty, i) => castValue(f, r.fields[i] ?? null, r.types?.[i] ?? OID.unknown, ty, desc.typmods[i])), desc.names, desc.types);
  } catch (e) {
    addErrorContext(e);
    throw e;
  } finally {
    popContext();
    f.errText = undefined;
  }
}

/**
 * Runs a PL/pgSQL event trigger function for one event: TG_EVENT and TG_TAG are set, the result
 * is ignored (Postgres's plpgsql_exec_event_trigger).
 */
export function runEventTriggerFunction(session: Session, def: FunctionDef, event: string, tag: string): void {
  if (def.language !== 'plpgsql') throw featureNotSupported(`event trigger functions in LANGUAGE ${def.language}`);
  const fn = compiledFunction(session, def, [], OID.event_trigger);
  const f = new Frame(fn, session);
  f.routineOid = def.oid;
  const ev = fn.scope.names.get('tg_event');
  const tg = fn.scope.names.get('tg_tag');
  if (ev !== undefined) f.values[ev] = event;
  if (tg !== undefined) f.values[tg] = tag;
  f.values[fn.foundDno] = false;
  withRoutineEnvironment(session, def, () => atomically(session, () => runBody(fn, f)));
}

setPlpgsqlRunner(runPlpgsqlFunction);
setTriggerRunner(runTriggerFunction);
setPlpgsqlValidator(validate);
