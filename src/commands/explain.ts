/**
 * EXPLAIN [ANALYZE] [VERBOSE] and EXPLAIN (option, ...): plans the statement as it would run
 * (SELECT, VALUES, INSERT / UPDATE / DELETE, EXECUTE, DECLARE, CREATE TABLE AS), with the planner
 * recording what EXPLAIN shows (plan/explain-notes.ts; nothing is recorded for ordinary
 * statements), and prints the plan in the requested format. ANALYZE runs the statement for real
 * (an EXPLAIN ANALYZE INSERT inserts; errors propagate), counting rows, loops and time per node
 * by wrapping the nodes of the freshly planned tree (never a cached one).
 * Postgres counterpart: src/backend/commands/explain.c (ExplainQuery, ExplainOnePlan),
 * explain_state.c (ParseExplainOptionList).
 * Known gaps: BUFFERS / WAL / MEMORY counters are zero or nominal (there are no buffers); costs
 * follow a simple model; `Rows Removed by Filter` is not counted; EXPLAIN ANALYZE of CREATE TABLE
 * AS and of statements with data-modifying WITH queries is 0A000.
 */
import type { StatementState } from '../analyze/parse-state.js';
import { conflictArbiters, conflictFilter } from './on-conflict.js';
import { rewriteViewDml } from '../rewrite/updatable-view.js';
import type { ConflictDescription } from './explain-describe.js';
import { planningCursor } from '../plan/planner.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RawStatement } from '../parser/parse.js';
import type { Session } from '../session/session.js';
import type { ResultField, StatementResult } from '../session/dispatch.js';
import { charOffset, type ColumnRefHook } from '../analyze/parse-state.js';
import { transformSelectStmt } from '../analyze/select.js';
import { openRelation } from '../analyze/relation.js';
import { statementState, makeExecContext } from '../session/run-select.js';
import { bindParams } from '../session/params.js';
import { foldQueryConstants } from '../plan/const-fold.js';
import { planSelect, withPlanningCatalog } from '../plan/planner.js';
import { capturePlanNotes, type PlanCapture } from '../plan/explain-notes.js';
import type { Plan } from '../executor/scan.js';
import type { CExpr } from '../executor/expr/compile.js';
import type { Row } from '../executor/context.js';
import type { RelationDef } from '../catalog/objects.js';
import type { Query, RangeTblEntry } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import type { Value } from '../types/values.js';
import { countRtes, uniqueRteNames, describeModify, describePlan, leafNode, typeWidth, type DescribeContext, type ExplainNode, type NodeStats } from './explain-describe.js';
import { formatExplain, type ExplainFormat, type ExplainSummary } from './explain-format.js';
import { targetHasRules } from '../rewrite/rules.js';
import { runDelete, runInsert, runUpdate, describeDml, hasDmlCte } from './dml.js';
import { executePrepared } from './prepare.js';
import { createTableAs, ctasRelationExists, hoistSetOpInto, selectIntoAsCtas } from './create-table-as.js';
import { adjustPersistence } from './temp-tables.js';
import { withDefaultAcls } from './create-checks.js';

type AnyNode = Record<string, any>;

export interface ExplainOptions {
  analyze: boolean;
  verbose: boolean;
  costs: boolean;
  settings: boolean;
  generic: boolean;
  buffers: boolean;
  wal: boolean;
  timing: boolean;
  summary: boolean;
  memory: boolean;
  serialize: 'none' | 'text' | 'binary';
  format: ExplainFormat;
}

const position = (sql: string, loc: number | undefined): string | undefined => (loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1));

/** An option's argument as defGetString reads it. */
function optionString(d: AnyNode): string | undefined {
  const a = d.arg;
  if (!a) return undefined;
  if (a.String) return a.String.sval ?? '';
  if (a.Integer) return String(a.Integer.ival ?? 0);
  if (a.Float) return a.Float.fval;
  if (a.Boolean) return a.Boolean.boolval ? 'true' : 'false';
  return undefined;
}

/** defGetBoolean: no argument, 0 / 1, or true / false / on / off. */
function optionBoolean(d: AnyNode): boolean {
  const a = d.arg;
  if (!a) return true;
  if (a.Integer) {
    const v = a.Integer.ival ?? 0;
    if (v === 0) return false;
    if (v === 1) return true;
  } else if (a.Boolean) return !!a.Boolean.boolval;
  else {
    const s = (optionString(d) ?? '').toLowerCase();
    if (s === 'true' || s === 'on') return true;
    if (s === 'false' || s === 'off') return false;
  }
  throw new PgError(SQLSTATE.syntax_error, `${d.defname} requires a Boolean value`);
}

/** ParseExplainOptionList: the options, defaults and the combinations Postgres rejects. */
export function parseExplainOptions(list: readonly AnyNode[] | undefined, sql: string): ExplainOptions {
  const o: ExplainOptions = { analyze: false, verbose: false, costs: true, settings: false, generic: false, buffers: false, wal: false, timing: false, summary: false, memory: false, serialize: 'none', format: 'text' };
  let timingSet = false;
  let buffersSet = false;
  let summarySet = false;
  for (const item of list ?? []) {
    const d = item.DefElem as AnyNode;
    const name = d.defname as string;
    switch (name) {
      case 'analyze':
      case 'verbose':
      case 'costs':
      case 'settings':
      case 'wal':
      case 'memory':
        o[name] = optionBoolean(d);
        break;
      case 'generic_plan':
        o.generic = optionBoolean(d);
        break;
      case 'buffers':
        buffersSet = true;
        o.buffers = optionBoolean(d);
        break;
      case 'timing':
        timingSet = true;
        o.timing = optionBoolean(d);
        break;
      case 'summary':
        summarySet = true;
        o.summary = optionBoolean(d);
        break;
      case 'serialize': {
        if (!d.arg) {
          o.serialize = 'text';
          break;
        }
        const p = optionString(d) ?? '';
        if (p === 'off' || p === 'none') o.serialize = 'none';
        else if (p === 'text' || p === 'binary') o.serialize = p;
        else throw new PgError(SQLSTATE.invalid_parameter_value, `unrecognized value for EXPLAIN option "${name}": "${p}"`, { position: position(sql, d.location) });
        break;
      }
      case 'format': {
        const p = optionString(d) ?? '';
        if (p === 'text' || p === 'xml' || p === 'json' || p === 'yaml') o.format = p;
        else throw new PgError(SQLSTATE.invalid_parameter_value, `unrecognized value for EXPLAIN option "${name}": "${p}"`, { position: position(sql, d.location) });
        break;
      }
      default:
        throw new PgError(SQLSTATE.syntax_error, `unrecognized EXPLAIN option "${name}"`, { position: position(sql, d.location) });
    }
  }
  const requires = (what: string) => new PgError(SQLSTATE.invalid_parameter_value, `EXPLAIN option ${what} requires ANALYZE`);
  if (o.wal && !o.analyze) throw requires('WAL');
  o.timing = timingSet ? o.timing : o.analyze;
  o.buffers = buffersSet ? o.buffers : o.analyze;
  if (o.timing && !o.analyze) throw requires('TIMING');
  if (o.serialize !== 'none' && !o.analyze) throw requires('SERIALIZE');
  if (o.generic && o.analyze) throw new PgError(SQLSTATE.invalid_parameter_value, 'EXPLAIN options ANALYZE and GENERIC_PLAN cannot be used together');
  o.summary = summarySet ? o.summary : o.analyze;
  return o;
}

/** The result column: `QUERY PLAN`, text (json / xml for those formats). */
export function explainFields(format: ExplainFormat): ResultField[] {
  const type = format === 'json' ? OID.json : format === 'xml' ? OID.xml : OID.text;
  return [{ name: 'QUERY PLAN', tableID: 0, columnID: 0, dataTypeID: type, dataTypeSize: -1, dataTypeModifier: -1, format: 'text' }];
}

/** Describe of an EXPLAIN statement (its options decide the column type). */
export function describeExplain(body: AnyNode, sql: string): ResultField[] {
  return explainFields(parseExplainOptions(body.options, sql).format);
}

const now = () => performance.now();

/** Wraps every node of a freshly planned tree to count rows, loops and time (EXPLAIN ANALYZE). */
function instrument(plan: Plan, stats: Map<object, NodeStats>, seen = new Set<object>()): void {
  if (seen.has(plan)) return;
  seen.add(plan);
  const isPlan = (v: unknown): v is Plan => !!v && typeof v === 'object' && typeof (v as Plan).run === 'function' && typeof (v as Plan).kind === 'string';
  for (const v of Object.values(plan)) {
    if (isPlan(v)) instrument(v, stats, seen);
    else if (Array.isArray(v)) for (const x of v) if (isPlan(x)) instrument(x, stats, seen);
  }
  const s: NodeStats = { loops: 0, rows: 0, startup: 0, total: 0 };
  stats.set(plan, s);
  // Rows a scan's filter (or a Filter node's qual) rejects: `Rows Removed by Filter`.
  const field = plan.kind === 'Filter' ? 'qual' : plan.kind === 'SeqScan' || plan.kind === 'IndexScan' ? 'filter' : undefined;
  const f = field ? ((plan as unknown as Record<string, unknown>)[field] as CExpr | undefined) : undefined;
  if (field && f) {
    s.removed = 0;
    const counted: CExpr = (row, ctx) => {
      const v = f(row, ctx);
      if (v !== true) s.removed!++;
      return v;
    };
    Object.defineProperty(plan, field, { value: counted });
  }
  const orig = plan.run.bind(plan);
  // Consumers that read every row push them through `each` when a node has it; instrumented
  // nodes are read through `run` only, so every row and loop is counted.
  if (plan.each) Object.defineProperty(plan, 'each', { value: undefined });
  (plan as { run: Plan['run'] }).run = function* (ctx, base) {
    s.loops++;
    let first = true;
    let t = now();
    const it = orig(ctx, base)[Symbol.iterator]();
    try {
      for (;;) {
        const r = it.next();
        const el = now() - t;
        s.total += el;
        if (first) {
          s.startup += el;
          first = false;
        }
        if (r.done) return;
        s.rows++;
        yield r.value;
        t = now();
      }
    } finally {
      it.return?.();
    }
  };
}

interface Explained {
  root: ExplainNode;
  /** ExplainDummyGroup: CREATE TABLE AS whose table exists (IF NOT EXISTS) shows only this label. */
  dummy?: string;
  planningMs: number;
  executionMs?: number;
  serializedBytes?: number;
}

/** Live row counts and average row widths of relations (sampled), for the estimates. */
function relStatsFor(session: Session): { rows: (rel: RelationDef) => number; width: (rel: RelationDef) => number } {
  const cache = new Map<number, { rows: number; width: number }>();
  const get = (rel: RelationDef) => {
    let s = cache.get(rel.oid);
    if (s === undefined) {
      const cat = session.catalog();
      const fixedW = rel.columns.map((c) => (c.dropped ? 0 : typeWidth(cat, c.type)));
      let rows = 0;
      let sampled = 0;
      let width = 0;
      try {
        const txn = session.transaction();
        for (const t of txn.heap(rel).all()) {
          if (!txn.visible(t)) continue;
          rows++;
          if (sampled < 100) {
            sampled++;
            rel.columns.forEach((c, i) => {
              const v = t.values[i];
              if (c.dropped || v === null || v === undefined) return;
              width += fixedW[i] !== 32 ? fixedW[i] : typeof v === 'string' ? v.length + 1 : 32;
            });
          }
        }
      } catch {
        rows = 1000;
      }
      s = { rows, width: sampled ? Math.round(width / sampled) : fixedW.reduce((a, b) => a + b, 0) };
      cache.set(rel.oid, s);
    }
    return s;
  };
  return { rows: (rel) => get(rel).rows, width: (rel) => get(rel).width };
}

function describeContext(session: Session, capture: PlanCapture, o: ExplainOptions, q: Query | undefined, stats: Map<object, NodeStats> | undefined, params?: readonly Value[]): DescribeContext {
  const rs = relStatsFor(session);
  return {
    cat: session.catalog(),
    session,
    capture,
    opts: { verbose: o.verbose, analyze: o.analyze, costs: o.costs },
    stats,
    manyRtes: countRtes(q) > 1,
    relRows: rs.rows,
    relWidth: rs.width,
    params,
    pending: [],
    subplanNumbers: new Map(),
    rteNames: uniqueRteNames(q, scannedRtes(capture)),
  };
}

/** The range entries the plan's scans read, in planning order. */
function scannedRtes(capture: PlanCapture): Set<RangeTblEntry> {
  const out = new Set<RangeTblEntry>();
  for (const n of capture.notes.values()) if (n.rte) out.add(n.rte);
  return out;
}

function outputBytes(rows: Row[]): number {
  let n = 0;
  for (const r of rows) for (const v of r) n += v === null ? 0 : typeof v === 'string' ? v.length : String(v).length;
  return n;
}

/** EXPLAIN ANALYZE CREATE TABLE AS: where the query's rows go (`rows` undefined: WITH NO DATA, not run). */
interface IntoSink {
  rows: Row[] | undefined;
}

function explainSelect(session: Session, body: AnyNode, sql: string, o: ExplainOptions, params: readonly unknown[], paramTypes: number[], hook?: ColumnRefHook, sink?: IntoSink): Explained {
  const t0 = now();
  const base = statementState(session, sql, paramTypes);
  const state = o.generic || hook ? { ...base, inferParams: o.generic, columnRefHook: hook } : base;
  const cat = state.catalog;
  const query = transformSelectStmt(state, body);
  foldQueryConstants(query, makeExecContext(session, []));
  const { result: planned, capture } = capturePlanNotes(() => withPlanningCatalog(cat, () => planSelect(query, undefined, cat)));
  const planningMs = now() - t0;
  let stats: Map<object, NodeStats> | undefined;
  let executionMs: number | undefined;
  let serializedBytes: number | undefined;
  const types = state.paramTypes.map((t) => (t === 0 || t === OID.unknown ? OID.text : t));
  // Inside PL/pgSQL (a column hook) the parameters are the variables' values already.
  const values = hook ? (params as Value[]) : params.length && !o.generic ? bindParams(cat, session.io, params, types) : undefined;
  if (o.analyze) {
    if (query.locking?.length && session.txn?.readOnly) throw new PgError(SQLSTATE.read_only_sql_transaction, 'cannot execute SELECT FOR UPDATE in a read-only transaction');
    stats = new Map();
    instrument(planned.plan, stats);
    const t1 = now();
    const ctx = makeExecContext(session, values ?? []);
    const rows: Row[] = [];
    if (!sink || sink.rows) {
      for (const r of planned.plan.run(ctx, undefined)) {
        if (o.serialize !== 'none') rows.push(r.slice(0, planned.width));
        sink?.rows?.push(r.slice(0, planned.width));
      }
    }
    executionMs = now() - t1;
    if (o.serialize !== 'none') serializedBytes = outputBytes(rows) + rows.length * (11 + 4 * planned.width);
  }
  const root = describePlan(describeContext(session, capture, o, query, stats, values), planned.plan);
  return { root, planningMs, executionMs, serializedBytes };
}

const DML_OPS = { InsertStmt: 'Insert', UpdateStmt: 'Update', DeleteStmt: 'Delete' } as const;

function explainDml(session: Session, kind: 'InsertStmt' | 'UpdateStmt' | 'DeleteStmt', body: AnyNode, sql: string, o: ExplainOptions, params: readonly unknown[], paramTypes: number[]): Explained {
  if (hasDmlCte(body)) throw featureNotSupported('EXPLAIN of a statement with data-modifying WITH queries');
  if (targetHasRules(session, kind, body)) throw featureNotSupported('EXPLAIN of a statement on a relation with rules');
  const cat = session.catalog();
  const rel = openRelation(cat, session.searchPath(), { schema: body.relation.schemaname, name: body.relation.relname }, position(sql, body.relation.location));
  const stats = o.analyze ? new Map<object, NodeStats>() : undefined;
  const t0 = now();
  let planningMs: number;
  let executionMs: number | undefined;
  let result: StatementResult | undefined;
  let capture: PlanCapture;
  if (!o.analyze) {
    // GENERIC_PLAN: parameters take the types the statement gives them.
    const infer = session.inferParams;
    if (o.generic) session.inferParams = true;
    try {
      capture = capturePlanNotes(() => describeDml(session, kind, body, sql, paramTypes)).capture;
    } finally {
      session.inferParams = infer;
    }
    planningMs = now() - t0;
  } else {
    if (session.txn?.readOnly) throw new PgError(SQLSTATE.read_only_sql_transaction, `cannot execute ${DML_OPS[kind].toUpperCase()} in a read-only transaction`);
    // Plan and run in one go, instrumenting the input plan as soon as the planner makes it.
    let planned: number | undefined;
    const run = capturePlanNotes(
      () => (kind === 'InsertStmt' ? runInsert(session, body, sql, params, paramTypes) : kind === 'UpdateStmt' ? runUpdate(session, body, sql, params, paramTypes) : runDelete(session, body, sql, params, paramTypes)),
      (plan) => {
        planned ??= now();
        instrument(plan as Plan, stats!);
      },
    );
    const end = now();
    result = run.result;
    capture = run.capture;
    planningMs = (planned ?? end) - t0;
    executionMs = end - (planned ?? t0);
  }
  const dc = describeContext(session, capture, o, undefined, stats);
  (dc as { manyRtes: boolean }).manyRtes = dmlRteCount(body) > 1;
  let input: ExplainNode;
  const inputPlan = capture.dmlInputs[0] as Plan | undefined;
  if (inputPlan) input = describePlan(dc, inputPlan);
  else {
    const values = body.selectStmt?.SelectStmt?.valuesLists as unknown[] | undefined;
    const nrows = values?.length ?? 1;
    input = nrows > 1 ? leafNode('Values Scan', 'Values Scan on "*VALUES*"', nrows, 4 * rel.columns.length) : leafNode('Result', 'Result', 1, 4 * rel.columns.length);
    if (nrows > 1) input.head.push(['Alias', '*VALUES*']);
    if (stats) input.stats = { loops: 1, rows: nrows, startup: 0, total: executionMs ?? 0 };
  }
  const alias = body.relation.alias?.aliasname as string | undefined;
  const modStats = stats ? { loops: 1, rows: result?.rows.length ?? 0, startup: executionMs ?? 0, total: executionMs ?? 0 } : undefined;
  const root = describeModify(dc, DML_OPS[kind], rel, alias, input, modStats, conflictOf(session, rel, body, sql));
  return { root, planningMs, executionMs };
}

/** ON CONFLICT's action and arbiter indexes (inferred as the INSERT infers them). */
function conflictOf(session: Session, rel: RelationDef, body: AnyNode, sql: string): ConflictDescription | undefined {
  if (!body.onConflictClause) return undefined;
  const oc0 = body.onConflictClause as AnyNode;
  const action = oc0.action === 'ONCONFLICT_UPDATE' ? 'UPDATE' : 'NOTHING';
  if (!oc0.infer) return { action, arbiters: [] };
  const cat = session.catalog();
  const state: StatementState = { catalog: cat, session, sql, paramTypes: [], inferParams: false, volatileSeen: false };
  if (rel.kind === 'v') {
    // Through an auto-updatable view: the clause as rewritten onto the base relation.
    const rw = rewriteViewDml(session, rel, body, 'insert', []);
    return conflictOf(session, rw.base, rw.stmt, sql);
  }
  const oc = body.onConflictClause as AnyNode;
  const alias = body.relation.alias as AnyNode | undefined;
  return { action, arbiters: conflictArbiters(state, rel, oc, alias).map((i) => i.name), filter: conflictFilter(state, rel, oc, alias) };
}

/** Entries of an INSERT / UPDATE / DELETE's range table: the target, USING / FROM items, a VALUES list. */
function dmlRteCount(body: AnyNode): number {
  let n = 1;
  n += ((body.fromClause ?? body.usingClause ?? []) as unknown[]).length;
  if (body.selectStmt?.SelectStmt?.valuesLists?.length > 1) n++;
  if (body.selectStmt?.SelectStmt?.fromClause) n += body.selectStmt.SelectStmt.fromClause.length;
  return n;
}

function explainInner(session: Session, stmt: AnyNode, sql: string, o: ExplainOptions, params: readonly unknown[], paramTypes: number[], hook?: ColumnRefHook, sink?: IntoSink): Explained {
  const [kind, body] = Object.entries(stmt)[0] as [string, AnyNode];
  switch (kind) {
    case 'SelectStmt': {
      const top = hoistSetOpInto(body, sql);
      if (top.intoClause && !sink) return explainCreateTableAs(session, selectIntoAsCtas(top), sql, o, params, paramTypes);
      return explainSelect(session, body, sql, o, params, paramTypes, hook, sink);
    }
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
      return explainDml(session, kind, body, sql, o, params, paramTypes);
    case 'DeclareCursorStmt':
      return planningCursor(() => explainInner(session, body.query, sql, o, params, paramTypes, hook));
    case 'CreateTableAsStmt':
      return explainCreateTableAs(session, body, sql, o, params, paramTypes);
    case 'ExecuteStmt': {
      let out: Explained | undefined;
      executePrepared(session, body, sql, (st, psql, values, types) => {
        out = explainInner(session, st.stmt as AnyNode, psql, o, values, types, undefined, sink);
        return { command: 'EXPLAIN', rowCount: null, fields: [], rows: [] };
      });
      return out!;
    }
    default:
      throw featureNotSupported(`EXPLAIN of ${kind.replace(/Stmt$/, '')}`);
  }
}

/**
 * EXPLAIN [ANALYZE] CREATE TABLE AS / SELECT INTO / CREATE MATERIALIZED VIEW: the existence check
 * first (an existing table with IF NOT EXISTS explains as a bare label); under ANALYZE the query
 * runs once, instrumented, and its rows fill the new table (WITH NO DATA: never executed).
 * Postgres counterpart: explain.c (ExplainOneUtility), createas.c (CreateTableAsRelExists).
 */
function explainCreateTableAs(session: Session, n: AnyNode, sql: string, o: ExplainOptions, params: readonly unknown[], paramTypes: number[]): Explained {
  const ctas = n.into?.rel ? { ...n, into: adjustPersistence(n.into, 'rel', sql) } : n;
  const label = ctas.objtype === 'OBJECT_MATVIEW' ? 'CREATE MATERIALIZED VIEW' : 'CREATE TABLE AS';
  if (ctasRelationExists(session, ctas, sql)) return { root: undefined as unknown as ExplainNode, dummy: label, planningMs: 0 };
  if (!o.analyze) return explainInner(session, ctas.query, sql, o, params, paramTypes);
  const sink: IntoSink = { rows: ctas.into.skipData ? undefined : [] };
  const e = explainInner(session, ctas.query, sql, o, params, paramTypes, undefined, sink);
  withDefaultAcls(session, () => createTableAs(session, ctas, sql, { stmt: ctas.query, location: 0, text: sql } as RawStatement, (sink.rows ?? []) as Value[][]));
  return e;
}

/** Settings that change plans and differ from their defaults (EXPLAIN (SETTINGS)). */
function changedSettings(session: Session): [string, string][] {
  const out: [string, string][] = [];
  const sp = session.settings.get('search_path', true);
  if (sp !== null && sp !== '"$user", public') out.push(['search_path', sp]);
  const wm = session.settings.get('work_mem', true);
  if (wm !== null && wm !== '4MB') out.push(['work_mem', wm]);
  return out;
}

/** Runs an EXPLAIN statement. */
export function runExplain(session: Session, body: AnyNode, sql: string, _st: RawStatement, params: readonly unknown[], paramTypes: number[], hook?: ColumnRefHook): StatementResult {
  const o = parseExplainOptions(body.options, sql);
  // The result column of FORMAT XML is of type xml, which fauxgres does not have.
  if (o.format === 'xml') throw featureNotSupported('EXPLAIN (FORMAT XML)');
  const e = explainInner(session, body.query, sql, o, params, paramTypes, hook);
  if (e.dummy) {
    const lines = o.format === 'json' ? [`[\n  "${e.dummy}"\n]`] : o.format === 'yaml' ? [`- "${e.dummy}"`] : [];
    return { command: 'EXPLAIN', rowCount: lines.length, fields: explainFields(o.format), rows: lines.map((l) => [l]) };
  }
  const summary: ExplainSummary = {};
  if (o.settings) {
    const s = changedSettings(session);
    if (s.length || o.format !== 'text') summary.settings = s;
  }
  if (o.memory) summary.planningMemory = { used: 6, allocated: 8 };
  if (o.summary) summary.planningTime = e.planningMs;
  if (o.analyze) summary.triggers = true;
  if (o.serialize !== 'none') summary.serialization = { time: o.timing ? 0.001 : undefined, bytes: e.serializedBytes ?? 0, format: o.serialize };
  if (o.summary && o.analyze) summary.executionTime = e.executionMs ?? 0;
  const lines = formatExplain(e.root, { format: o.format, costs: o.costs, analyze: o.analyze, timing: o.timing, buffers: o.buffers, wal: o.wal, verbose: o.verbose }, summary);
  return { command: 'EXPLAIN', rowCount: lines.length, fields: explainFields(o.format), rows: lines.map((l) => [l]) };
}
