/**
 * INSERT, UPDATE and DELETE: analysis of the target, columns and sources (VALUES with DEFAULT,
 * SELECT, DEFAULT VALUES, UPDATE ... FROM, DELETE ... USING, SET (a, b) = (...)), ON CONFLICT,
 * RETURNING, and execution through the shared row-write primitives with foreign-key work at the
 * end of the statement. A failing statement leaves nothing behind (its writes are never visible
 * once the transaction aborts; inside a block the block fails as in Postgres).
 * Postgres counterpart: parser/analyze.c (transformInsertStmt ...), executor/nodeModifyTable.c.
 */
import { orderRecursiveCtes } from '../analyze/cte-order.js';
import { checkReplicaIdentity } from './publication.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import { emptyQuery, type Query, type TargetEntry } from '../nodes/query.js';
import { ParseState, charOffset } from '../analyze/parse-state.js';
import { transformExpr, nodeKind, coerceToBoolean } from '../analyze/expr.js';
import { canCoerce, coerceTo } from '../analyze/coerce.js';
import { openRelation, relationRte } from '../analyze/relation.js';
import { selectReferences, transformSelectStmt } from '../analyze/select.js';
import { expandValuesStars, transformTargetList, resolveUnknownTargets } from '../analyze/target.js';
import { formatType } from '../types/registry.js';
import { OID } from '../types/oids.js';
import type { Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import type { StatementResult } from '../session/dispatch.js';
import { bindParams } from '../session/params.js';
import { fieldsOf, makeExecContext, runSelect, statementState } from '../session/run-select.js';
import { planFromWhere, planSelect, withPlanningCatalog } from '../plan/planner.js';
import { capturingPlanNotes, noteDmlInput } from '../plan/explain-notes.js';
import { foldExpr, foldQueryConstants } from '../plan/const-fold.js';
import { compileExpr, type CExpr, type Layout } from '../executor/expr/compile.js';
import type { ExecContext, Row } from '../executor/context.js';
import type { Tuple } from '../storage/heap.js';
import { checkConstraints, compileStored, computeGenerated, deleteTuple, failingRow, insertTuple, keyChanged, ModifyState, targetForWrite, updateTuple } from '../executor/modify-table.js';
import { renameCheckAlias, rewriteViewDml, type RawViewCheck, type ViewCheck } from '../rewrite/updatable-view.js';
import { CACHEABLE_SQL_LENGTH, type RawStatement } from '../parser/parse.js';
import { relativeTimeInputCount } from '../types/datetime/decode.js';
import { lookupRelation } from '../analyze/relation.js';
import { analyzeTableExpr } from './column-expr.js';
import { makeVar } from '../analyze/column-ref.js';
import { assignmentReads, defaultThroughIndirection, isIndirectAssignment, transformAssignmentIndirection } from '../analyze/assign-indirection.js';
import { insertTargets } from './insert-targets.js';
import { isCurrentOf, transformCurrentOf } from './current-of.js';
import { queueCrossPartitionUpdate, queueInsertChecks, queueDeleteActions, queueMoveDeleteActions, queueUpdateActions, runRiQueue } from '../executor/ri.js';
import { onConflictPlan, type OnConflictPlan } from './on-conflict.js';
import { checkPartitionConstraint, fitsPartition, leafOfTuple, partitionMap, routeRowTo } from '../executor/partition-route.js';
import { partitionLeaves } from '../catalog/partition.js';
import { childTargetForWrite, childValues, inheritTarget } from './inherit-dml.js';
import { toChildLayout, toParentLayout, tupleOwner } from '../executor/inherit-scan.js';
import { prepareMerge } from './merge.js';
import { checkCteRules, targetHasRules } from '../rewrite/rules.js';
import { dmlSecurity, setViewReads, viewDmlUser, viewPrivileges } from './dml-security.js';
import { hasInsteadTriggers, insteadOfReturningFields, insteadOfView, runInsteadOf } from './instead-of.js';
import { beforeRowTriggers, captureRouted, discardDeferredTriggers, fireAfterTriggers, fireBeforeStatement, fireDeferredTriggers, hasDeferredTriggers, hasQueuedEvents, hasTriggers, queueAfterRow, triggersFor, type StatementEvent, type TriggerOp } from '../executor/trigger.js';

type AnyNode = Record<string, any>;

interface ColumnSource {
  attnum: number;
  /** Compiled value expression, or 'default' for DEFAULT. */
  expr: CExpr | 'default';
}

/** WITH CHECK OPTION of the views a statement was rewritten through. */
export function viewCheckFn(checks: readonly ViewCheck[], rel: RelationDef): ((ctx: ExecContext, cat: Catalog, values: Value[]) => void) | undefined {
  if (!checks.length) return undefined;
  const fns = checks.map((c) => ({ name: c.viewName, f: compileStored(c.check) }));
  return (ctx, cat, values) => {
    for (const c of fns) {
      if (c.f(values, ctx) !== true) {
        throw new PgError(SQLSTATE.with_check_option_violation, `new row violates check option for view "${c.name}"`, {
          detail: `Failing row contains ${failingRow(ctx, cat, rel, values)}.`,
        });
      }
    }
  };
}

export interface PreparedDml {
  readonly kind: 'insert' | 'update' | 'delete' | 'merge';
  readonly rel: RelationDef;
  readonly paramTypes: number[];
  readonly returning?: { exprs: CExpr[]; fields: StatementResult['fields']; layout: Layout };
  readonly run: (ms: ModifyState, returning: Row[] | undefined) => number;
  /** INSERT ... ON CONFLICT DO UPDATE: UPDATE statement triggers fire too. */
  readonly onConflictUpdate?: boolean;
  /** MERGE: the statement-trigger events of the actions its clauses name (INSERT, UPDATE, DELETE order). */
  readonly statementOps?: readonly TriggerOp[];
  /** UPDATE (and ON CONFLICT DO UPDATE, MERGE's UPDATE actions): the columns assigned, for UPDATE OF statement triggers. */
  readonly updatedCols?: ReadonlySet<number>;
}

export function pos(sql: string, loc: number | undefined): string | undefined {
  return loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1);
}

/** Variables of the function body a DML statement is prepared for (see prepareDmlForSpi). */
let spiHook: import('../analyze/parse-state.js').ColumnRefHook | undefined;

/** The role a statement through a view acts as on the base table (the view's owner); see throughViews. */
let dmlAsUser: string | undefined;

export function newState(session: Session, sql: string, paramTypes: number[]) {
  let st = statementState(session, sql, paramTypes);
  if (dmlAsUser !== undefined) st = { ...st, asUser: dmlAsUser };
  if (spiHook) return { ...st, inferParams: false, columnRefHook: spiHook };
  return st;
}

function targetRelation(session: Session, cat: Catalog, rv: AnyNode, sql: string, verb: string): RelationDef {
  const rel = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname }, pos(sql, rv.location));
  if (rel.kind === 'v') throw featureNotSupported(`${verb} on this view`, rv.location);
  if (rel.kind !== 'r' && rel.kind !== 'p') {
    const what = rel.kind === 'S' ? 'sequence' : rel.kind === 'i' ? 'index' : rel.kind === 'm' ? 'materialized view' : 'relation';
    throw new PgError(SQLSTATE.wrong_object_type, `cannot change ${what} "${rel.name}"`);
  }
  return rel;
}

export function assignmentCoerce(ps: ParseState, e: Expr, col: ColumnDef, loc: number | undefined): Expr {
  const cat = ps.catalog;
  if (e.type !== OID.unknown && e.type !== col.type && !canCoerce(cat, e.type, col.type, 'assignment')) {
    throw new PgError(SQLSTATE.datatype_mismatch, `column "${col.name}" is of type ${formatType(cat, col.type)} but expression is of type ${formatType(cat, e.type)}`, {
      hint: 'You will need to rewrite or cast the expression.',
      position: ps.position(loc ?? e.location),
    });
  }
  return coerceTo(ps, cat, e, col.type, col.typmod, 'assignment', loc ?? e.location);
}

export function returningList(n: AnyNode): AnyNode[] | undefined {
  const rc = n.returningClause;
  if (!rc) return undefined;
  return rc.exprs;
}

/** Namespace items of old / new: visible to RETURNING only (SET and WHERE cannot name them). */
const oldNewItems = new WeakSet<object>();

/** PG 18's RETURNING old.* / new.*: range entries reachable only by those names, only in RETURNING. */
export function addOldNew(ps: ParseState, rel: RelationDef, rc?: AnyNode): { oldRti: number; newRti: number } {
  // RETURNING WITH (OLD AS o, NEW AS n) renames them; a given name must be free.
  const names = { old: 'old', new: 'new' };
  const given = new Set<string>();
  for (const o of (rc?.options ?? []) as AnyNode[]) {
    const opt = o.ReturningOption;
    const which = opt.option === 'RETURNING_OPTION_OLD' ? 'old' : 'new';
    if (given.has(which)) throw new PgError(SQLSTATE.syntax_error, `${which.toUpperCase()} cannot be specified multiple times`, { position: ps.position(opt.location) });
    const taken = ps.namespace.some((i) => i.rte.alias === opt.value) || (given.size > 0 && names[which === 'old' ? 'new' : 'old'] === opt.value);
    if (taken) throw new PgError(SQLSTATE.duplicate_alias, `table name "${opt.value}" specified more than once`, { position: ps.position(opt.location) });
    given.add(which);
    names[which] = opt.value;
  }
  const oldRti = ps.addRte({ ...relationRte(rel, { aliasname: names.old }), nullableRow: true });
  const newRti = ps.addRte({ ...relationRte(rel, { aliasname: names.new }), nullableRow: true });
  for (const rti of [oldRti, newRti]) {
    if (!ps.namespace.some((i) => i.rte.alias === ps.query.rtable[rti].alias)) {
      const item = { rti, rte: ps.query.rtable[rti], relVisible: false, colsVisible: false };
      oldNewItems.add(item);
      ps.namespace.push(item);
    }
  }
  return { oldRti, newRti };
}

/** Fills the old/new slots of a RETURNING row (null values for a side that does not exist). */
export function fillOldNew(
  row: Row,
  layout: Layout,
  on: { oldRti: number; newRti: number },
  ncols: number,
  oldVals: readonly Value[] | undefined,
  newVals: readonly Value[] | undefined,
  oldTuple?: Tuple,
  newTuple?: Tuple,
): void {
  const o = layout.offsets[on.oldRti];
  const nw = layout.offsets[on.newRti];
  for (let i = 0; i < ncols; i++) {
    row[o + i] = oldVals ? (oldVals[i] ?? null) : null;
    row[nw + i] = newVals ? (newVals[i] ?? null) : null;
  }
  // The row-version slots: the old and new versions (their system columns), NULL for a side that
  // does not exist (a whole-row old / new is NULL then).
  row[o + ncols] = oldVals ? ((oldTuple ?? true) as unknown as Value) : null;
  row[nw + ncols] = newVals ? ((newTuple ?? true) as unknown as Value) : null;
}

export function addReturning(ps: ParseState, list: AnyNode[] | undefined, layout: Layout): PreparedDml['returning'] {
  const tl = analyzeReturning(ps, list);
  return tl && compileReturning(ps, tl, layout);
}

/** RETURNING analyzed (before planning; see compileReturning). */
export function analyzeReturning(ps: ParseState, list: AnyNode[] | undefined): TargetEntry[] | undefined {
  if (!list?.length) return undefined;
  ps.exprKind = 'returning';
  for (const item of ps.namespace) if (oldNewItems.has(item)) item.relVisible = true;
  const tl = resolveUnknownTargets(ps, transformTargetList(ps, list));
  if (!tl.length) throw new PgError(SQLSTATE.syntax_error, 'RETURNING must have at least one column', { position: ps.position(list[0].ResTarget?.location) });
  return tl;
}

export function compileReturning(ps: ParseState, tl: TargetEntry[], layout: Layout): PreparedDml['returning'] {
  return { exprs: tl.map((t) => compileExpr(t.expr, layout)), fields: fieldsOf(ps.catalog, tl), layout };
}

/** Forgets the acting role and column reads a statement through views left behind (MERGE prepares without throughViews). */
export function clearViewDmlState(): void {
  dmlAsUser = undefined;
  setViewReads(undefined);
}

// ---------------------------------------------------------------------------------------------
// INSERT
// ---------------------------------------------------------------------------------------------

/** `VALUES (a, b)` as `SELECT a, b`. */
function valuesRowAsSelect(sel: AnyNode): AnyNode {
  const items = sel.valuesLists[0].List.items as AnyNode[];
  return { ...sel, valuesLists: undefined, targetList: items.map((it) => ({ ResTarget: { val: it, location: nodeKind(it)[1].location ?? -1 } })) };
}

function prepareInsert(session: Session, n: AnyNode, sql: string, paramTypes: number[], viewChecks: readonly ViewCheck[] = []): PreparedDml {
  if (n.withClause && n.selectStmt?.SelectStmt) {
    // WITH ... INSERT ... SELECT / VALUES: the WITH queries belong to the source query.
    const sel = n.selectStmt.SelectStmt;
    const inner = sel.withClause;
    const withClause = inner ? { ...inner, ctes: [...n.withClause.ctes, ...inner.ctes], recursive: inner.recursive || n.withClause.recursive } : n.withClause;
    n = { ...n, withClause: undefined, selectStmt: { SelectStmt: { ...sel, withClause } } };
  }
  const state = newState(session, sql, paramTypes);
  const cat = state.catalog;
  if (n.withClause) throw featureNotSupported('WITH in INSERT', undefined);
  const rel = targetRelation(session, cat, n.relation, sql, 'INSERT');
  const q = emptyQuery('insert');
  const ps = new ParseState(state, q);
  // Target columns.
  const cols: ColumnDef[] = [];
  const targets = n.cols ? insertTargets(ps, rel, n.cols as AnyNode[]) : undefined;
  if (targets) cols.push(...targets.cols);
  else cols.push(...rel.columns.filter((c) => !c.dropped));
  const overriding = n.override === 'OVERRIDING_SYSTEM_VALUE' ? 'system' : n.override === 'OVERRIDING_USER_VALUE' ? 'user' : undefined;
  // Source rows.
  let sourceRows: ((ctx: ExecContext) => Iterable<(Value | undefined)[]>) | undefined;
  const sel = n.selectStmt?.SelectStmt;
  if (!sel) {
    sourceRows = () => [[]];
    cols.length = 0;
  }
  let viaSelect = !!sel && !sourceRows;
  if (sel && !sourceRows && sel.valuesLists && !sel.fromClause && !sel.sortClause && !sel.limitCount && !sel.withClause) {
    viaSelect = false;
    ps.exprKind = sel.valuesLists.length === 1 ? 'values single' : 'values';
    const rows: (Expr | 'default')[][] = [];
    for (const l of sel.valuesLists as AnyNode[]) {
      const items = expandValuesStars(ps, l.List.items as AnyNode[]);
      if (items.length > cols.length) {
        const extra = items[cols.length];
        throw new PgError(SQLSTATE.syntax_error, 'INSERT has more expressions than target columns', { position: ps.position('expanded' in extra ? (extra.expanded as Expr).location : extra[Object.keys(extra)[0]]?.location) });
      }
      if (items.length < cols.length && n.cols) {
        throw new PgError(SQLSTATE.syntax_error, 'INSERT has more target columns than expressions', { position: ps.position((n.cols as AnyNode[])[items.length].ResTarget.location) });
      }
      const chain = new Map<number, Expr>();
      const row: (Expr | 'default')[] = items.map((it, i) => {
        if ('expanded' in it) {
          const ex = it.expanded as Expr;
          return targets?.indirect ? (targets.assign(i, ex, chain) ?? assignmentCoerce(ps, ex, cols[i], ex.location)) : assignmentCoerce(ps, ex, cols[i], ex.location);
        }
        const [k, b] = nodeKind(it);
        if (k === 'SetToDefault') {
          if (targets?.indirect?.[i]) throw defaultThroughIndirection(ps, targets.indirect[i]);
          return 'default' as const;
        }
        const ex = transformExpr(ps, it);
        return targets?.indirect ? (targets.assign(i, ex, chain) ?? assignmentCoerce(ps, ex, cols[i], ex.location ?? b.location)) : assignmentCoerce(ps, ex, cols[i], ex.location ?? b.location);
      });
      rows.push(row);
    }
    if (ps.aggs.length) throw new PgError(SQLSTATE.grouping_error, 'aggregate functions are not allowed in VALUES', { position: ps.position(ps.aggs[0].location) });
    if (ps.lastSrf) {
      // One VALUES row with set-returning calls is a select list (Postgres's VALUES_SINGLE):
      // INSERT ... VALUES (generate_series(1, 3)) inserts three rows.
      if (rows[0].includes('default')) throw featureNotSupported('DEFAULT in a VALUES row with set-returning functions', undefined);
      viaSelect = true;
    } else {
      const compiled: ColumnSource[][] = rows.map((r) => r.map((e, i) => ({ attnum: cols[i].attnum, expr: e === 'default' ? ('default' as const) : compileExpr(e, { depth: 0, offsets: [] }) })));
      const width = rows[0]?.length ?? 0;
      cols.length = Math.min(cols.length, width);
      sourceRows = function* (ctx) {
        const empty: Row = [];
        for (const r of compiled) yield r.map((s) => (s.expr === 'default' ? undefined : s.expr(empty, ctx)));
      };
    }
  }
  if (viaSelect) {
    const sq = transformSelectStmt(state, sel.valuesLists?.length === 1 && !sel.fromClause ? valuesRowAsSelect(sel) : sel, undefined, true);
    const tl = sq.targetList.filter((t) => !t.resjunk);
    if (tl.length > cols.length) throw new PgError(SQLSTATE.syntax_error, 'INSERT has more expressions than target columns', { position: ps.position(tl[cols.length].expr.location) });
    if (tl.length < cols.length && n.cols && !n.viewImplicitCols) throw new PgError(SQLSTATE.syntax_error, 'INSERT has more target columns than expressions', { position: ps.position((n.cols as AnyNode[])[tl.length].ResTarget.location) });
    cols.length = tl.length;
    // Coerce each output column to its target column type.
    const chain = new Map<number, Expr>();
    sq.targetList = sq.targetList.map((t, i) => (t.resjunk ? t : { ...t, expr: targets?.assign(i, t.expr, chain) ?? assignmentCoerce(ps, t.expr, cols[i], t.expr.location) }));
    foldQueryConstants(sq, makeExecContext(session, []));
    const planned = withPlanningCatalog(cat, () => planSelect(sq, undefined, cat));
    noteDmlInput(planned.plan);
    const w = tl.length;
    sourceRows = function* (ctx) {
      for (const r of planned.plan.run(ctx, undefined)) yield r.slice(0, w);
    };
  }
  // Identity and generated columns may not be given values.
  for (const c of cols) {
    // (DEFAULT in one VALUES row does not excuse a value in another: every row must say DEFAULT.)
    if (c.generated) {
      if (!explicitAllDefault(sel, cols, c)) {
        throw new PgError(SQLSTATE.generated_always, `cannot insert a non-DEFAULT value into column "${c.name}"`, {
          detail: `Column "${c.name}" is a generated column.`,
        });
      }
    }
    if (c.identity === 'a' && overriding === undefined && !explicitAllDefault(sel, cols, c)) {
      throw new PgError(SQLSTATE.generated_always, `cannot insert a non-DEFAULT value into column "${c.name}"`, {
        detail: `Column "${c.name}" is an identity column defined as GENERATED ALWAYS.`,
        hint: 'Use OVERRIDING SYSTEM VALUE to override.',
      });
    }
  }
  if (overriding === 'system' && !rel.columns.some((c) => c.identity === 'a')) {
    // Postgres accepts OVERRIDING SYSTEM VALUE without an identity column.
  }
  const defaults = rel.columns.map((c) => (c.default && !c.generated ? compileStored(c.default) : c.generated || c.dropped ? undefined : domainDefault(cat, c)));
  const colIdx = cols.map((c) => c.attnum - 1);
  const useDefaultForProvided = cols.map((c) => (c.identity !== undefined && overriding === 'user') || !!c.generated);
  // ON CONFLICT
  let conflict: OnConflictPlan | undefined;
  const rps = new ParseState(state, emptyQuery('select'));
  const rrti = rps.addRte(relationRte(rel, n.relation.alias));
  rps.namespace.push({ rti: rrti, rte: rps.query.rtable[rrti], relVisible: true, colsVisible: true });
  const insOldNew = addOldNew(rps, rel, n.returningClause);
  // EXCLUDED is in the range table but not visible to RETURNING (for Postgres's error text).
  if (n.onConflictClause?.action === 'ONCONFLICT_UPDATE') rps.addRte(relationRte({ ...rel, kind: 'c' }, { aliasname: 'excluded' }));
  const rw = rel.columns.length + 1;
  const layoutReturning: Layout = { depth: 0, offsets: [0, rw, 2 * rw] };
  if (n.onConflictClause) conflict = onConflictPlan(session, state, rel, n.onConflictClause, n.relation.alias, sql);
  // Through a partitioned table: each leaf partition resolves the conflict on its own indexes.
  const leafConflicts = n.onConflictClause && rel.kind === 'p' ? new Map(partitionLeaves(cat, rel).map((l) => [l.oid, onConflictPlan(session, state, l, n.onConflictClause, n.relation.alias ?? { aliasname: rel.name }, sql)])) : undefined;
  const retList = analyzeReturning(rps, returningList(n));
  const returning = retList && compileReturning(rps, retList, layoutReturning);
  const retSys = rel.kind === 'p' && readsTupleHeader(retList);
  const ncols = rel.columns.length;
  const viewCheck = viewCheckFn(viewChecks, rel);
  const security = dmlSecurity(state, rel, 'insert', n, { targetCols: cols.map((c) => c.attnum), returning: returningList(n), conflict });
  return {
    kind: 'insert',
    onConflictUpdate: n.onConflictClause?.action === 'ONCONFLICT_UPDATE',
    updatedCols: conflict?.updatedCols,
    rel,
    paramTypes: state.paramTypes,
    returning,
    run(ms, retRows) {
      const ctx = ms.ctx;
      let count = 0;
      const trig = hasTriggers(ms.cat, rel.oid);
      for (const src of (sourceRows as (c: ExecContext) => Iterable<(Value | undefined)[]>)(ctx)) {
        let values: Value[] = new Array(ncols);
        const given = new Array<boolean>(ncols).fill(false);
        for (let i = 0; i < colIdx.length; i++) {
          const v = src[i];
          if (v === undefined || useDefaultForProvided[i]) continue;
          values[colIdx[i]] = v;
          given[colIdx[i]] = true;
        }
        for (let a = 0; a < ncols; a++) {
          if (given[a]) continue;
          const c = rel.columns[a];
          if (c.dropped) {
            values[a] = null;
            continue;
          }
          const d = defaults[a];
          values[a] = d ? d(values, ctx) : null;
        }
        // A partitioned table: the leaf partition the row goes to (whose triggers and constraints
        // apply), the row in that leaf's layout (`lmap`: from rel's layout, when they differ).
        let tgt = rel;
        let lmap: Int32Array | undefined;
        if (rel.kind === 'p') {
          // A partitioned partition written directly checks its own partition constraint first.
          if (rel.partitionOf) checkPartitionConstraint(ctx, ms.cat, rel, values);
          const routed = routeRowTo(ctx, ms.cat, rel, values);
          tgt = routed.leaf;
          if (routed.values !== values) {
            lmap = partitionMap(rel, tgt);
            values = routed.values;
          } else if (retSys && retRows) noTupleHeader();
        }
        const rtrig = tgt === rel ? trig : hasTriggers(ms.cat, tgt.oid);
        if (rtrig) {
          // BEFORE ROW triggers see defaults, may change or skip the row; generated columns follow.
          const r = beforeRowTriggers(ms, tgt, 'INSERT', undefined, values);
          if (!r) continue;
          values = r;
        }
        computeGenerated(ctx, tgt, values);
        // rel's view of the row (its RLS checks, view checks and RETURNING read rel's columns).
        const root = lmap ? { rel, map: lmap } : undefined;
        security.check?.(ctx, lmap ? toParentLayout(lmap, tgt, values) : values);
        if (tgt.partitionOf && (tgt === rel || rtrig)) checkPartitionConstraint(ctx, ms.cat, tgt, values, root);
        checkConstraints(ctx, ms.cat, tgt, values, root);
        let written: Value[] | undefined = values;
        if (conflict) {
          const r = (leafConflicts?.get(tgt.oid) ?? conflict).handle(ms, values);
          if (r.action === 'skip') continue;
          if (r.action === 'updated') {
            if (lmap) {
              r.old = toParentLayout(lmap, tgt, r.old as Value[]);
              r.values = toParentLayout(lmap, tgt, r.values as Value[]);
              tupleOwner.set(r.tuple as object, tgt.oid);
            }
            security.conflict?.(ctx, r.old as Value[], r.values as Value[]);
            viewCheck?.(ctx, ms.cat, r.values as Value[]);
            written = r.values;
            count++;
            if (retRows && returning && written) {
              const row: Row = [...(written as Value[]), r.tuple as unknown as Value];
              fillOldNew(row, layoutReturning, insOldNew, ncols, r.old, written, r.oldTuple, r.tuple);
              retRows.push(returning.exprs.map((f) => f(row, ctx)));
            }
            continue;
          }
        }
        const t = insertTuple(ms, tgt, values);
        const pv = lmap ? toParentLayout(lmap, tgt, values) : values;
        if (lmap) tupleOwner.set(t, tgt.oid);
        viewCheck?.(ctx, ms.cat, pv);
        queueInsertChecks(ms, tgt, t);
        if (rtrig) queueAfterRow(ms, tgt, 'INSERT', undefined, values);
        if (trig && tgt !== rel) captureRouted(ms, tgt, 'INSERT', undefined, values);
        count++;
        if (retRows && returning) {
          values = pv;
          const row: Row = [...values, t as unknown as Value];
          fillOldNew(row, layoutReturning, insOldNew, ncols, undefined, values, undefined, t);
          retRows.push(returning.exprs.map((f) => f(row, ctx)));
        }
      }
      return count;
    },
  };
}

/** For a domain-typed column without a default of its own: the domain's default, checked. */
export function domainDefault(cat: Catalog, col: ColumnDef): CExpr | undefined {
  const t = cat.types.get(col.type);
  if (!t || t.kind !== 'd' || !t.domain) return undefined;
  let dom: typeof t | undefined = t;
  let def: import('../catalog/objects.js').StoredExpr | undefined;
  while (dom && dom.kind === 'd' && dom.domain && !def) {
    def = dom.domain.default;
    dom = cat.types.get(dom.domain.baseType);
  }
  const base: Expr = def ? def.expr : { kind: 'Const', type: OID.unknown, typmod: -1, value: null };
  const checked = coerceTo(undefined, cat, base.type === OID.unknown ? { kind: 'Const', type: t.domain.baseType, typmod: -1, value: null } : base, col.type, col.typmod, 'assignment');
  return compileExpr(checked, { depth: 0, offsets: [] });
}

/** True when every VALUES row gives DEFAULT for column c (or there is no source). */
export function explicitAllDefault(sel: AnyNode | undefined, cols: ColumnDef[], c: ColumnDef): boolean {
  if (!sel) return true;
  if (!sel.valuesLists) return false;
  const i = cols.indexOf(c);
  return (sel.valuesLists as AnyNode[]).every((l) => nodeKind(l.List.items[i] ?? { SetToDefault: {} })[0] === 'SetToDefault');
}

// ---------------------------------------------------------------------------------------------
// UPDATE / DELETE
// ---------------------------------------------------------------------------------------------

function scanTarget(session: Session, n: AnyNode, sql: string, paramTypes: number[], verb: 'UPDATE' | 'DELETE') {
  const state = newState(session, sql, paramTypes);
  const cat = state.catalog;
  if (n.withClause) throw featureNotSupported(`WITH in ${verb}`, undefined);
  const rel = targetRelation(session, cat, n.relation, sql, verb);
  const q = emptyQuery(verb === 'UPDATE' ? 'update' : 'delete');
  const ps = new ParseState(state, q);
  // UPDATE / DELETE ONLY a partitioned table reaches no partition (its own heap is empty), ONLY an inheritance parent no child.
  const rti = ps.addRte((rel.kind === 'p' || rel.inhChildren?.length) && !n.relation.inh ? { ...relationRte(rel, n.relation.alias), only: true } : relationRte(rel, n.relation.alias));
  ps.namespace.push({ rti, rte: q.rtable[rti], relVisible: true, colsVisible: true });
  q.fromList.push({ kind: 'RangeTblRef', rti });
  const extra = (verb === 'UPDATE' ? n.fromClause : n.usingClause) as AnyNode[] | undefined;
  if (extra?.length) {
    // Analyze the extra FROM items as a SELECT over them, then splice in.
    // (one SELECT over all of them, so that a LATERAL item sees the items before it)
    const relOnly = new Set(extra.flatMap((x) => (x.RangeSubselect?.ruleRelOnly ? [x.RangeSubselect.alias.aliasname as string] : [])));
    {
      const sub = transformSelectStmt(state, { fromClause: extra, targetList: [] }, undefined);
      const base = q.rtable.length;
      for (const rte of sub.rtable) q.rtable.push(rte);
      const shift = (j: import('../nodes/query.js').JoinNode): import('../nodes/query.js').JoinNode =>
        j.kind === 'RangeTblRef' ? { kind: 'RangeTblRef', rti: j.rti + base } : { ...j, left: shift(j.left), right: shift(j.right), rti: j.rti === undefined ? undefined : j.rti + base, quals: j.quals ? shiftVars(j.quals, base) : undefined };
      for (const j of sub.fromList) q.fromList.push(shift(j));
      sub.rtable.forEach((rte, i) => {
        if (rte.kind === 'join' && !rte.hasAlias) return;
        if (rte.alias === q.rtable[rti].alias) {
          throw new PgError(SQLSTATE.duplicate_alias, `table name "${rte.alias}" specified more than once`);
        }
        ps.namespace.push({ rti: base + i, rte: q.rtable[base + i], relVisible: true, colsVisible: !(rte.kind === 'subquery' && relOnly.has(rte.alias)) });
      });
    }
  }
  let currentOf: ReturnType<typeof transformCurrentOf> | undefined;
  if (isCurrentOf(n.whereClause)) {
    // WHERE CURRENT OF cursor: the version the cursor is on, by its ctid.
    if (rel.kind !== 'r') throw featureNotSupported('WHERE CURRENT OF on a partitioned table');
    const sys = (c: string) => transformExpr(ps, { ColumnRef: { fields: [{ String: { sval: q.rtable[rti].alias } }, { String: { sval: c } }], location: -1 } });
    currentOf = transformCurrentOf(ps, n.whereClause, rel, sys('ctid'), sys('tableoid'));
    q.where = currentOf.where;
  } else if (n.whereClause) {
    ps.exprKind = 'where';
    q.where = coerceToBoolean(ps, transformExpr(ps, n.whereClause), 'WHERE');
    if (ps.aggs.length) throw new PgError(SQLSTATE.grouping_error, 'aggregate functions are not allowed in WHERE', { position: ps.position(ps.aggs[0].location) });
  }
  const oldNew = addOldNew(ps, rel, n.returningClause);
  return { state, cat, rel, q, ps, rti, oldNew, currentOf };
}

function shiftVars(e: Expr, by: number): Expr {
  return JSON.parse(JSON.stringify(e)) && mapVars(e, by);
}
function mapVars(e: Expr, by: number): Expr {
  const walk = (x: unknown): unknown => {
    if (!x || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map(walk);
    const o = x as Record<string, unknown>;
    if (o.kind === 'Var' && o.levelsUp === 0) return { ...o, rti: (o.rti as number) + by };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = k === 'fn' || k === 'agg' || k === 'rel' || k === 'compare' || typeof v === 'function' ? v : walk(v);
    return out;
  };
  return walk(e) as Expr;
}

function prepareUpdate(session: Session, n: AnyNode, sql: string, paramTypes: number[], viewChecks: readonly ViewCheck[] = []): PreparedDml {
  const { state, cat, rel, q, ps, rti, oldNew, currentOf } = scanTarget(session, n, sql, paramTypes, 'UPDATE');
  const sets = transformUpdateTargets(session, ps, rel, q, rti, n.targetList as AnyNode[]);
  const security = dmlSecurity(state, rel, 'update', n, { q, rti, targetCols: sets.map((x) => x.attnum), setExprs: sets.flatMap((x) => (x.expr === 'default' ? [] : assignmentReads(x.expr))), returning: returningList(n) });
  foldDmlConstants(session, q);
  const from = withPlanningCatalog(cat, () => planFromWhere(q, undefined, cat));
  noteDmlInput(from.plan);
  const off = from.layout.offsets[rti];
  const recheck = q.where ? compileExpr(q.where, from.layout) : undefined;
  const compiled = sets.map((s) => ({ idx: s.attnum - 1, f: s.expr === 'default' ? undefined : compileExpr(s.expr, from.layout), def: s.expr === 'default' }));
  const updatedCols: ReadonlySet<number> = new Set(sets.map((s) => s.attnum));
  const defaults = rel.columns.map((c) => (c.default ? compileStored(c.default) : undefined));
  const retList = analyzeReturning(ps, returningList(n));
  const returning = retList && compileReturning(ps, retList, from.layout);
  const retSys = rel.kind === 'p' && readsTupleHeader(retList);
  const ncols = rel.columns.length;
  const viewCheck = viewCheckFn(viewChecks, rel);
  return {
    kind: 'update',
    updatedCols,
    rel,
    paramTypes: state.paramTypes,
    returning,
    run(ms, retRows) {
      const ctx = ms.ctx;
      currentOf?.start(ctx);
      const rows = [...from.plan.run(ctx, undefined)];
      let count = 0;
      const done = new Set<number>();
      const doneLeaf = new Set<readonly Value[]>();
      const trig = hasTriggers(ms.cat, rel.oid);
      for (let row of rows) {
        let t = row[off + ncols] as unknown as Tuple;
        // Through a partitioned table: the leaf partition holding the row; through an
        // inheritance parent: the child table it came from (written in its own layout).
        let inh = inheritTarget(ms.cat, rel, t);
        const leaf = rel.kind === 'p' ? leafOfTuple(ctx, ms.cat, rel, t) : (inh?.child ?? rel);
        // A partition with its own column layout is written like an inheritance child.
        const pmap = rel.kind === 'p' ? partitionMap(rel, leaf) : undefined;
        if (pmap) inh = { child: leaf, map: pmap };
        if (leaf === rel ? done.has(t.tid) : doneLeaf.has(t.values)) continue;
        if (leaf === rel) done.add(t.tid);
        else doneLeaf.add(t.values);
        const ltrig = leaf === rel ? trig : hasTriggers(ms.cat, leaf.oid);
        let values = row.slice(off, off + ncols) as Value[];
        let old = [...values];
        for (const s of compiled) values[s.idx] = s.def ? (defaults[s.idx] ? defaults[s.idx]!(values, ctx) : null) : s.f!(row, ctx);
        // Another transaction may have changed the row since the snapshot: wait, re-check (EvalPlanQual).
        const mode = keyChanged(ms.cat, inh ? rel : leaf, old, values) ? 'update' : 'nokeyupdate';
        const target = inh ? childTargetForWrite(ms, rel, inh.child, inh.map, row, off, mode, recheck) : targetForWrite(ms, leaf, row, off, mode, recheck);
        if (!target) continue;
        if (target !== row) {
          row = target;
          t = row[off + ncols] as unknown as Tuple;
          values = row.slice(off, off + ncols) as Value[];
          old = [...values];
          for (const s of compiled) values[s.idx] = s.def ? (defaults[s.idx] ? defaults[s.idx]!(values, ctx) : null) : s.f!(row, ctx);
        }
        let lcols = updatedCols;
        if (inh) {
          // A child's row: its own layout from here on (its columns the parent lacks keep their values).
          old = childValues(inh.child, t);
          values = toChildLayout(inh.map, inh.child, values, old);
          lcols = new Set([...updatedCols].map((a) => inh.map[a - 1] + 1));
        }
        // BEFORE ROW triggers see the row as locked (Postgres's GetTupleForTrigger).
        if (ltrig) {
          const r = beforeRowTriggers(ms, leaf, 'UPDATE', old, values, lcols);
          if (!r) continue;
          values = r;
        }
        computeGenerated(ctx, leaf, values);
        let nt: Tuple | undefined;
        let movedValues: Value[] | undefined;
        const moved = !!leaf.partitionOf && !fitsPartition(ctx, ms.cat, leaf, values);
        if (moved) {
          // The row leaves its partition: delete it there and insert it where it now belongs.
          if (rel.kind !== 'p') checkPartitionConstraint(ctx, ms.cat, leaf, values);
          const m = moveRow(ms, rel, leaf, t, old, values, pmap);
          if (!m) continue;
          if (retSys && retRows && !m.mapped) noTupleHeader();
          nt = m.tuple;
          movedValues = m.values;
        } else {
          security.check?.(ctx, inh ? toParentLayout(inh.map, inh.child, values) : values);
          checkConstraints(ctx, ms.cat, leaf, values, inh ? { rel, map: inh.map } : undefined);
          nt = updateTuple(ms, leaf, t, values);
          if (!nt) continue;
        }
        viewCheck?.(ctx, ms.cat, movedValues ?? (inh ? toParentLayout(inh.map, inh.child, values) : values));
        count++;
        if (!moved) {
          queueUpdateActions(ms, leaf, old, values, nt, t);
          if (ltrig) queueAfterRow(ms, leaf, 'UPDATE', old, values, lcols);
          if (trig && leaf !== rel) captureRouted(ms, leaf, 'UPDATE', old, values, inh ? { rel, map: inh.map } : undefined);
        }
        if (retRows && returning) {
          if (inh) {
            // RETURNING reads the parent's columns.
            values = toParentLayout(inh.map, inh.child, values);
            old = toParentLayout(inh.map, inh.child, old);
            if (!moved) tupleOwner.set(nt, inh.child.oid);
          }
          if (movedValues) values = movedValues;
          const r = row.slice();
          for (let i = 0; i < ncols; i++) r[off + i] = values[i];
          r[off + ncols] = nt as unknown as Value;
          fillOldNew(r, from.layout, oldNew, ncols, old, values, t, nt);
          retRows.push(returning.exprs.map((f) => f(r, ctx)));
        }
      }
      return count;
    },
  };
}

/**
 * UPDATE's SET list (also MERGE's UPDATE SET): each target column's new value as an expression
 * over the statement's range table, or DEFAULT; field and multi-column assignments; the checks on
 * generated and GENERATED ALWAYS identity columns. Constant calls are folded now (as Postgres plans).
 */
export function transformUpdateTargets(session: Session, ps: ParseState, rel: RelationDef, q: Query, rti: number, targets: AnyNode[]): { attnum: number; expr: Expr | 'default' }[] {
  ps.exprKind = 'update';
  const sets: { attnum: number; expr: Expr | 'default' }[] = [];
  const multiSubqueries = new Map<number, Query>();
  const fieldStores = new Set<Expr>();
  for (let i = 0; i < targets.length; i++) {
    const rt = targets[i].ResTarget;
    const col = rel.columns.find((c) => c.name === rt.name && !c.dropped);
    if (!col) {
      const qualified = rt.indirection && rt.name === q.rtable[rti].alias;
      throw new PgError(SQLSTATE.undefined_column, `column "${rt.name}" of relation "${rel.name}" does not exist`, {
        ...(qualified ? { hint: 'SET target columns cannot be qualified with the relation name.' } : {}),
        position: ps.position(rt.location),
      });
    }
    const { val, loc } = updateTargetValue(ps, rt, multiSubqueries);
    if (rt.indirection) {
      // SET c.f = v, SET a[i] = v, SET doc['k'] = v: built on the column's current value, or on an
      // earlier assignment through indirection to the same column.
      if (val === 'default') throw defaultThroughIndirection(ps, rt);
      const prev = sets.find((s) => s.attnum === col.attnum);
      if (prev && (prev.expr === 'default' || !isIndirectAssignment(prev.expr))) {
        throw new PgError(SQLSTATE.syntax_error, `multiple assignments to same column "${rt.name}"`);
      }
      const base = prev ? (prev.expr as Expr) : makeVar(q.rtable[rti], rti, col.attnum, 0, rt.location);
      const e = transformAssignmentIndirection(ps, base, col.name, col.type, col.typmod, rt.indirection as AnyNode[], val, rt.location);
      if (prev) prev.expr = e;
      else sets.push({ attnum: col.attnum, expr: e });
      continue;
    }
    if (sets.some((s) => s.attnum === col.attnum)) {
      throw new PgError(SQLSTATE.syntax_error, `multiple assignments to same column "${rt.name}"`);
    }
    sets.push({ attnum: col.attnum, expr: val === 'default' ? 'default' : assignmentCoerce(ps, val, col, loc) });
  }
  if (ps.aggs.length) throw new PgError(SQLSTATE.grouping_error, 'aggregate functions are not allowed in UPDATE', { position: ps.position(ps.aggs[0].location) });
  const foldCtx = makeExecContext(session, []);
  for (const st of sets) if (st.expr !== 'default') st.expr = foldExpr(st.expr, foldCtx);
  for (const s of sets) {
    const col = rel.columns[s.attnum - 1];
    if (col.generated && s.expr !== 'default') {
      throw new PgError(SQLSTATE.generated_always, `column "${col.name}" can only be updated to DEFAULT`, { detail: `Column "${col.name}" is a generated column.` });
    }
    if (col.identity === 'a' && s.expr !== 'default') {
      throw new PgError(SQLSTATE.generated_always, `column "${col.name}" can only be updated to DEFAULT`, { detail: `Column "${col.name}" is an identity column defined as GENERATED ALWAYS.` });
    }
  }
  return sets;
}

/**
 * The value of one UPDATE SET target (also ON CONFLICT DO UPDATE's and MERGE's): an expression,
 * DEFAULT, or one column of `SET (a, b) = (ROW(...) | sub-SELECT)` (the sub-SELECT analyzed once
 * per statement and shared by its columns, through `multiSubqueries`). Not yet coerced.
 */
/** `SET (...) = ROW(t.*)` rows, expanded once per statement. */
const expandedRows = new WeakMap<object, Extract<Expr, { kind: 'RowExpr' }>>();

export function updateTargetValue(ps: ParseState, rt: AnyNode, multiSubqueries: Map<number, Query>): { val: Expr | 'default'; loc: number | undefined } {
  // The value: an expression, DEFAULT, or one column of SET (...) = (ROW(...) | sub-SELECT).
  const [k, b] = nodeKind(rt.val);
  let val: Expr | 'default';
  let loc: number | undefined;
  if (k === 'MultiAssignRef') {
    const [sk, sb] = nodeKind(b.source);
    if (sk === 'RowExpr') {
      const args = sb.args as AnyNode[];
      const starred = args.some((a) => (a.ColumnRef?.fields as AnyNode[] | undefined)?.some((f) => f.A_Star) || (a.A_Indirection?.indirection as AnyNode[] | undefined)?.some((f) => f.A_Star));
      if (starred) {
        // ROW(t.*): the expanded row's fields, analyzed once for all the target columns.
        let row = expandedRows.get(sb);
        if (!row) {
          row = transformExpr(ps, b.source) as Extract<Expr, { kind: 'RowExpr' }>;
          if (row.args.length !== b.ncolumns) throw new PgError(SQLSTATE.syntax_error, 'number of columns does not match number of values', { position: ps.position(sb.location) });
          expandedRows.set(sb, row);
        }
        val = row.args[b.colno - 1];
        loc = val.location;
        return { val, loc };
      }
      if (args.length !== b.ncolumns) {
        throw new PgError(SQLSTATE.syntax_error, 'number of columns does not match number of values', { position: ps.position(sb.location) });
      }
      const item = args[b.colno - 1];
      val = nodeKind(item)[0] === 'SetToDefault' ? 'default' : transformExpr(ps, item);
      loc = val === 'default' ? undefined : val.location;
    } else {
      if (sk !== 'SubLink' || sb.subLinkType !== 'EXPR_SUBLINK') {
        throw new PgError(SQLSTATE.feature_not_supported, 'source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression', { position: ps.position(sb?.location) });
      }
      let sub = multiSubqueries.get(sb.location);
      if (!sub) {
        sub = transformSelectStmt(ps.stmt, sb.subselect.SelectStmt, ps);
        const width = sub.targetList.filter((t) => !t.resjunk).length;
        if (width !== b.ncolumns) {
          throw new PgError(SQLSTATE.syntax_error, 'number of columns does not match number of values', { position: ps.position(sb.location) });
        }
        multiSubqueries.set(sb.location, sub);
      }
      const te = sub.targetList.filter((t) => !t.resjunk)[b.colno - 1];
      val = { kind: 'SubLink', subLinkType: 'EXPR', subquery: sub, column: b.colno - 1, type: te.expr.type, typmod: te.expr.typmod, location: sb.location };
      loc = te.expr.location ?? sb.location;
    }
  } else if (k === 'SetToDefault') val = 'default';
  else {
    val = transformExpr(ps, rt.val);
    loc = val.location;
  }
  return { val, loc };
}

/** Plan-time constant folding of UPDATE / DELETE's WHERE (errors of constant calls come now, as in Postgres). */
function foldDmlConstants(session: Session, q: Query): void {
  if (q.where) q.where = foldExpr(q.where, makeExecContext(session, []));
}

function prepareDelete(session: Session, n: AnyNode, sql: string, paramTypes: number[]): PreparedDml {
  const { state, cat, rel, q, ps, rti, oldNew, currentOf } = scanTarget(session, n, sql, paramTypes, 'DELETE');
  dmlSecurity(state, rel, 'delete', n, { q, rti, targetCols: [], returning: returningList(n) });
  foldDmlConstants(session, q);
  const from = withPlanningCatalog(cat, () => planFromWhere(q, undefined, cat));
  noteDmlInput(from.plan);
  const off = from.layout.offsets[rti];
  const recheck = q.where ? compileExpr(q.where, from.layout) : undefined;
  const returning = addReturning(ps, returningList(n), from.layout);
  const ncols = rel.columns.length;
  return {
    kind: 'delete',
    rel,
    paramTypes: state.paramTypes,
    returning,
    run(ms, retRows) {
      const ctx = ms.ctx;
      currentOf?.start(ctx);
      const rows = [...from.plan.run(ctx, undefined)];
      let count = 0;
      const trig = hasTriggers(ms.cat, rel.oid);
      for (let row of rows) {
        // Another transaction may have changed the row since the snapshot: wait, re-check (EvalPlanQual).
        let inh = inheritTarget(ms.cat, rel, row[off + ncols] as unknown as Tuple);
        const leaf = rel.kind === 'p' ? leafOfTuple(ctx, ms.cat, rel, row[off + ncols] as unknown as Tuple) : (inh?.child ?? rel);
        // A partition with its own column layout is written like an inheritance child.
        const pmap = rel.kind === 'p' ? partitionMap(rel, leaf) : undefined;
        if (pmap) inh = { child: leaf, map: pmap };
        const ltrig = leaf === rel ? trig : hasTriggers(ms.cat, leaf.oid);
        // (with BEFORE DELETE row triggers Postgres locks the row for them first: GetTupleForTrigger's "to be updated" wording)
        const what = ltrig && triggersFor(ms.cat, leaf.oid, 'before', 'row', 'DELETE').length ? 'updated' : 'deleted';
        const target = inh ? childTargetForWrite(ms, rel, inh.child, inh.map, row, off, 'update', recheck, what) : targetForWrite(ms, leaf, row, off, 'update', recheck, what);
        if (!target) continue;
        row = target;
        const t = row[off + ncols] as unknown as Tuple;
        // (a child's row: its own layout for its triggers and foreign keys)
        const oldVals = inh ? childValues(inh.child, t) : (row.slice(off, off + ncols) as Value[]);
        if (ltrig && !beforeRowTriggers(ms, leaf, 'DELETE', oldVals, undefined)) continue;
        if (!deleteTuple(ms, leaf, t)) continue;
        count++;
        queueDeleteActions(ms, leaf, oldVals);
        if (ltrig) queueAfterRow(ms, leaf, 'DELETE', oldVals, undefined);
        if (trig && leaf !== rel) captureRouted(ms, leaf, 'DELETE', oldVals, undefined, inh ? { rel, map: inh.map } : undefined);
        if (retRows && returning) {
          const r = row.slice();
          fillOldNew(r, from.layout, oldNew, ncols, inh ? toParentLayout(inh.map, inh.child, oldVals) : oldVals, undefined, t);
          retRows.push(returning.exprs.map((f) => f(r, ctx)));
        }
      }
      return count;
    },
  };
}

/**
 * ExecCrossPartitionUpdate: an UPDATE through partitioned table `root` whose new row belongs to
 * another partition: DELETE from `leaf` (its DELETE row triggers fire), INSERT routed from the
 * root (the destination's INSERT row triggers and constraints apply). Undefined when skipped.
 */
/** Whether RETURNING reads xmin, cmin, xmax or cmax of the row written. */
function readsTupleHeader(tl: readonly TargetEntry[] | undefined): boolean {
  const walk = (x: unknown): boolean => {
    if (!x || typeof x !== 'object') return false;
    if (Array.isArray(x)) return x.some(walk);
    const o = x as Record<string, unknown>;
    if (o.kind === 'Var' && typeof o.attno === 'number' && o.attno <= -2 && o.attno >= -5 && !o.levelsUp) return true;
    for (const [k, v] of Object.entries(o)) if (k !== 'fn' && k !== 'agg' && typeof v !== 'function' && walk(v)) return true;
    return false;
  };
  return !!tl && tl.some((t) => walk(t.expr));
}

/**
 * Postgres's error for RETURNING xmin / cmin / xmax / cmax of a row a partitioned table routed
 * into a partition of its own layout (the routed row is a virtual slot there; a partition with
 * another layout returns its stored tuple instead).
 */
function noTupleHeader(): never {
  throw new PgError(SQLSTATE.feature_not_supported, 'cannot retrieve a system column in this context');
}

export function moveRow(ms: ModifyState, root: RelationDef, leaf: RelationDef, t: Tuple, old: Value[], values: Value[], map: Int32Array | undefined, merge = false): { tuple: Tuple; values: Value[]; mapped: boolean } | undefined {
  const { ctx, cat } = ms;
  // `old` and `values` are in the source leaf's layout (`map`: from root's, when they differ);
  // the row is routed in root's layout and written in the destination's.
  const srcTrig = hasTriggers(cat, leaf.oid);
  if (srcTrig && !beforeRowTriggers(ms, leaf, 'DELETE', old, undefined)) return undefined;
  if (!deleteTuple(ms, leaf, t)) return undefined;
  queueMoveDeleteActions(ms, leaf, old);
  if (srcTrig) queueAfterRow(ms, leaf, 'DELETE', old, undefined);
  // (MERGE's moved rows go to the DELETE and INSERT transition tables, not UPDATE's: Postgres
  // captures them as an UPDATE only when the statement's command is UPDATE)
  captureRouted(ms, leaf, merge ? 'DELETE' : 'UPDATE', old, undefined);
  const rootVals = map ? toParentLayout(map, leaf, values) : values;
  // A root that is itself a partition: the row must stay within it (ExecFindPartition's check).
  if (root.partitionOf) checkPartitionConstraint(ctx, cat, root, rootVals);
  const routed = routeRowTo(ctx, cat, root, rootVals);
  const dest = routed.leaf;
  let dv = routed.values;
  const dmap = partitionMap(root, dest);
  const droot = dmap ? { rel: root, map: dmap } : undefined;
  const destTrig = hasTriggers(cat, dest.oid);
  if (destTrig) {
    const r = beforeRowTriggers(ms, dest, 'INSERT', undefined, dv);
    if (!r) return undefined;
    dv = r;
    checkPartitionConstraint(ctx, cat, dest, dv, droot);
  }
  checkConstraints(ctx, cat, dest, dv, droot);
  const nt = insertTuple(ms, dest, dv);
  if (dmap) tupleOwner.set(nt, dest.oid);
  queueInsertChecks(ms, dest, nt);
  if (destTrig) queueAfterRow(ms, dest, 'INSERT', undefined, dv);
  captureRouted(ms, dest, merge ? 'INSERT' : 'UPDATE', undefined, dv);
  // Keys referencing the updated table see an UPDATE of it, not a DELETE (ON UPDATE actions).
  queueCrossPartitionUpdate(ms, root, leaf, map ? toParentLayout(map, leaf, old) : old, rootVals);
  return { tuple: nt, values: dmap ? toParentLayout(dmap, dest, dv) : dv, mapped: !!dmap };
}

// ---------------------------------------------------------------------------------------------

const prepCache = new WeakMap<Catalog, Map<string, PreparedDml>>();

export function prepared(session: Session, key: string, make: () => PreparedDml): PreparedDml {
  const cat = session.catalog();
  let m = prepCache.get(cat);
  if (!m) {
    m = new Map();
    prepCache.set(cat, m);
  }
  // EXPLAIN plans afresh (its planner notes and instrumentation must not reach the cache).
  const uncached = session.materialized || capturingPlanNotes();
  let p = uncached ? undefined : m.get(key);
  // A statement prepared with inferred parameters does not serve a query that has none (42P02 instead).
  if (p && !session.inferParams && p.paramTypes.length > 0) p = undefined;
  if (!p) {
    // Compiling expressions may plan subqueries (SET (...) = (SELECT ...), RETURNING (SELECT ...)).
    const relative = relativeTimeInputCount();
    p = withPlanningCatalog(cat, make);
    if (m.size > 2000) m.clear();
    // ('now' / 'today' read while analyzing: the constants hold only for this execution)
    if (!uncached && key.length <= CACHEABLE_SQL_LENGTH + 64 && relativeTimeInputCount() === relative) m.set(key, p);
  }
  return p;
}

export function executePrepared(session: Session, p: PreparedDml, params: readonly unknown[], deferRi?: ModifyState[]): StatementResult {
  const cat = session.catalog();
  // A published table needs a replica identity before it is updated or deleted from (at executor start).
  if (cat.publications.size && (p.kind === 'update' || p.kind === 'delete')) checkReplicaIdentity(cat, p.rel, p.kind);
  const types = p.paramTypes.map((t) => (t === 0 || t === OID.unknown ? OID.text : t));
  // A WITH query may use fewer parameters than its statement: the rest are bound as text.
  while (deferRi && types.length < params.length) types.push(OID.text);
  const values = bindParams(cat, session.io, params, types);
  const ctx = makeExecContext(session, values);
  const ms = new ModifyState(ctx, cat);
  // The statement uses its command id even when it changes no row (GetCurrentCommandId(true) at
  // executor start): the next command gets a new one (cmin / cmax show it).
  ctx.txn.markWrite();
  const ret: Row[] | undefined = p.returning ? [] : undefined;
  // In autocommit mode nothing can still be deferred (a failed statement's events are dropped).
  if (!session.inBlock && !deferRi) discardDeferredTriggers(session);
  const count = runWithStatementTriggers(session, ms, p, ret, deferRi);
  if (!deferRi && !session.inBlock && hasDeferredTriggers(session)) fireDeferredTriggers(session);
  const command = p.kind.toUpperCase();
  return { command, rowCount: count, fields: p.returning?.fields ?? [], rows: ret ?? [], oid: 0 };
}

/**
 * A statement whose WITH holds INSERT / UPDATE / DELETE queries: each runs first, in order, under
 * the statement's snapshot and command id (so nothing it writes is visible to the rest of the
 * statement except through RETURNING); its RETURNING rows become a constant relation for the
 * queries that follow; foreign-key work of all parts runs at the end, as in Postgres.
 */
export function runWithDmlCtes(
  session: Session,
  kind: string,
  body: AnyNode,
  sql: string,
  params: readonly unknown[],
  paramTypes: number[],
  runMain: (kind: string, body: AnyNode) => StatementResult,
): StatementResult {
  const runner: CteRunner = {
    runDml(k, cb, deferred) {
      const p = withPlanningCatalog(session.catalog(), () => k === 'MergeStmt'
        ? prepareMerge(session, cb, sql, paramTypes)
        : k === 'InsertStmt'
        ? (() => { const v = throughViews(session, cb, sql, 'insert'); return prepareInsert(session, v.stmt, sql, paramTypes, v.checks); })()
        : k === 'UpdateStmt'
          ? (() => { const v = throughViews(session, cb, sql, 'update'); return prepareUpdate(session, v.stmt, sql, paramTypes, v.checks); })()
          : prepareDelete(session, throughViews(session, cb, sql, 'delete').stmt, sql, paramTypes));
      return { returning: !!p.returning, result: executePrepared(session, p, params, deferred) };
    },
    runSelect: (select, i) => runSelect(session, { stmt: { SelectStmt: select }, location: -1 - i } as unknown as RawStatement, select, sql, params, paramTypes),
  };
  return driveDmlCtes(session, kind, body, sql, runner, runMain);
}

/**
 * How driveDmlCtes runs the parts of a statement: a top-level statement (client parameters), or
 * a function-body statement (the body's variables, spi.ts).
 */
export interface CteRunner {
  /** Prepares and runs one data-modifying WITH query; its RI work and AFTER triggers go to `deferred`. */
  runDml(kind: 'InsertStmt' | 'UpdateStmt' | 'DeleteStmt' | 'MergeStmt', body: AnyNode, deferred: ModifyState[]): { returning: boolean; result: StatementResult };
  /** Runs a SELECT (a plain WITH query, as `WITH name AS (...) SELECT * FROM name`). */
  runSelect(select: AnyNode, index: number): StatementResult;
}

/** runWithDmlCtes with the parts run by `runner`. */
export function driveDmlCtes(session: Session, kind: string, body: AnyNode, sql: string, runner: CteRunner, runMain: (kind: string, body: AnyNode) => StatementResult): StatementResult {
  const w = body.withClause;
  if (kind === 'MergeStmt' && w.recursive) throw new PgError(SQLSTATE.syntax_error, 'WITH RECURSIVE is not supported for MERGE statement');
  // WITH RECURSIVE: the items in an order without forward references (recursive plain ones run as such).
  const ctes = w.recursive ? orderRecursiveCtes(w.ctes as AnyNode[], (loc) => pos(sql, loc)) : (w.ctes as AnyNode[]);
  const mats = new Map<string, import('../session/session-context.js').MaterializedCte>();
  const deferred: ModifyState[] = [];
  const keep: AnyNode[] = [];
  const saved = session.materialized;
  session.materialized = mats;
  try {
    for (let i = 0; i < ctes.length; i++) {
      const c = ctes[i];
      const cte = c.CommonTableExpr;
      const [k, cb] = nodeKind(cte.ctequery);
      if (k !== 'InsertStmt' && k !== 'UpdateStmt' && k !== 'DeleteStmt' && k !== 'MergeStmt') {
        keep.push(c);
        continue;
      }
      if (keep.length) {
        // Plain WITH queries before this one: those it or the rest of the statement reads run now,
        // under the same snapshot (the statement's writes are invisible to it anyway), and are
        // read as constants from here on.
        materializePlainCtes(runner, { ...w, ctes: keep }, mats, { rest: ctes.slice(i), body: { ...body, withClause: undefined } });
        keep.length = 0;
      }
      if (cb.withClause) throw featureNotSupported('nested WITH in a data-modifying WITH query', cte.location);
      checkCteRules(session, k, cb);
      const { returning, result: r } = runner.runDml(k, cb, deferred);
      let columns = r.fields.map((f) => ({ name: f.name, type: f.dataTypeID, typmod: f.dataTypeModifier }));
      if (cte.aliascolnames) {
        const names = (cte.aliascolnames as AnyNode[]).map((x) => x.String.sval as string);
        columns = columns.map((col, i) => (i < names.length ? { ...col, name: names[i] } : col));
      }
      // Without RETURNING the query still runs; it just offers nothing to read.
      mats.set(cte.ctename, returning ? { columns, rows: r.rows } : { columns: [], rows: [], noReturning: true });
    }
    const rest = keep.length ? { ...w, ctes: keep } : undefined;
    // (the kept items stay in their safe order: a WITH RECURSIVE list keeps its flag for the recursive ones)
    let main: AnyNode = { ...body, withClause: rest };
    // INSERT ... SELECT / VALUES takes the remaining WITH into its query (prepareInsert), unless
    // its ON CONFLICT clause reads one: then they are run first, as for UPDATE / DELETE.
    if (kind !== 'SelectStmt' && rest && !(kind === 'InsertStmt' && body.selectStmt?.SelectStmt && !conflictReadsCte(body))) {
      // UPDATE / DELETE (and INSERT ... DEFAULT VALUES) cannot take the WITH along: the plain
      // queries it names are run first, under the statement's snapshot, and read as constants.
      materializePlainCtes(runner, rest, mats, main);
      main = { ...main, withClause: undefined };
    }
    const result = runMain(kind, main);
    for (const ms of deferred) {
      runRiQueue(ms, session);
      const stmts = deferredStatements.get(ms);
      if (stmts || hasQueuedEvents(ms)) fireAfterTriggers(session, ms, stmts ? [...stmts].reverse() : []);
    }
    return result;
  } finally {
    session.materialized = saved;
  }
}

/**
 * Runs each plain WITH query of `w` that the statement refers to (Postgres skips the others) as
 * `WITH name AS (...) SELECT * FROM name`, in order, so later ones and the statement read the
 * earlier ones' rows from `mats`.
 */
function materializePlainCtes(runner: CteRunner, w: AnyNode, mats: Map<string, import('../session/session-context.js').MaterializedCte>, main: AnyNode): void {
  const ctes = w.ctes as AnyNode[];
  ctes.forEach((c, i) => {
    const cte = c.CommonTableExpr;
    const name = cte.ctename as string;
    const later = [main, ...ctes.slice(i + 1).map((x) => x.CommonTableExpr.ctequery)];
    if (!later.some((n) => selectReferences(n, name))) return;
    const select: AnyNode = {
      withClause: { ctes: [c], recursive: w.recursive },
      targetList: [{ ResTarget: { val: { ColumnRef: { fields: [{ A_Star: {} }] } } } }],
      fromClause: [{ RangeVar: { relname: name, inh: true, relpersistence: 'p' } }],
    };
    const r = runner.runSelect(select, i);
    mats.set(name, { columns: r.fields.map((f) => ({ name: f.name, type: f.dataTypeID, typmod: f.dataTypeModifier })), rows: r.rows });
  });
}

/**
 * Whether a statement goes through runWithDmlCtes: a data-modifying WITH query anywhere, or an
 * UPDATE / DELETE / INSERT without a query that has a WITH.
 */
export function needsCteRun(kind: string, body: AnyNode): boolean {
  if (hasDmlCte(body)) return true;
  if (!body.withClause) return false;
  return kind === 'UpdateStmt' || kind === 'DeleteStmt' || kind === 'MergeStmt' || (kind === 'InsertStmt' && (!body.selectStmt?.SelectStmt || conflictReadsCte(body)));
}

/** INSERT ... ON CONFLICT whose DO UPDATE SET / WHERE reads a WITH query (the source query cannot carry it there). */
function conflictReadsCte(body: AnyNode): boolean {
  const oc = body.onConflictClause;
  return !!oc && ((body.withClause?.ctes ?? []) as AnyNode[]).some((c) => selectReferences(oc, c.CommonTableExpr.ctename as string));
}

/** Whether a statement's WITH holds a data-modifying query. */
export function hasDmlCte(body: AnyNode): boolean {
  return ((body.withClause?.ctes ?? []) as AnyNode[]).some((c) => {
    const k = Object.keys(c.CommonTableExpr.ctequery)[0];
    return k === 'InsertStmt' || k === 'UpdateStmt' || k === 'DeleteStmt' || k === 'MergeStmt';
  });
}

/**
 * A DML target that is a view is rewritten onto its base table, one view at a time (a view on a
 * view is rewritten twice). Privileges of each view are checked after the whole rewrite, top view
 * first, as the role acting at that level (the caller, then each view's owner unless the view is
 * security_invoker); the base table is then used as the last view's acting role. With `stopAt`,
 * the walk stops at a view below the top that has an INSTEAD OF trigger for that event.
 */
function throughViews(session: Session, n: AnyNode, sql: string, kind: 'insert' | 'update' | 'delete', stopAt?: TriggerOp): { stmt: AnyNode; checks: ViewCheck[]; insteadOf?: RelationDef } {
  let stmt = n;
  let pending: RawViewCheck[] = [];
  dmlAsUser = undefined;
  setViewReads(undefined);
  const cat = session.catalog();
  const perms: (() => void)[] = [];
  let user: string | undefined;
  let read: Set<string> | undefined;
  let written: string[] | undefined;
  let readsRows = false;
  let base: RelationDef | undefined;
  for (let depth = 0; ; depth++) {
    if (depth >= 16) throw new PgError(SQLSTATE.invalid_recursion, 'infinite recursion detected in rules');
    const rv = stmt.relation;
    const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
    if (!rel || rel.kind !== 'v') {
      base = rel;
      break;
    }
    if (stopAt && depth > 0 && triggersFor(cat, rel.oid, 'instead', 'row', stopAt).length) return { stmt, checks: [], insteadOf: rel };
    const r = rewriteViewDml(session, rel, stmt, kind, pending);
    if (depth === 0) {
      read = r.read;
      written = r.written;
      readsRows = r.readsRows;
    }
    const actor = user ?? session.currentUser();
    const w = written!;
    const rd = read!;
    perms.push(() => viewPrivileges(cat, actor, rel, kind, w, rd, readsRows));
    // Columns the statement reads and writes, as the next level names them.
    read = r.baseRead;
    written = r.baseWritten;
    user = viewDmlUser(rel);
    stmt = r.stmt;
    pending = r.checks;
  }
  for (const p of perms) p();
  if (!perms.length || !base) return { stmt, checks: [] };
  dmlAsUser = user;
  const byName = new Map(base.columns.filter((c) => !c.dropped).map((c) => [c.name, c.attnum]));
  setViewReads({ cols: new Set([...read!].flatMap((c) => (byName.has(c) ? [byName.get(c)!] : []))), rows: readsRows });
  const checks = pending.flatMap((c) => (c.expr ? [{ viewName: c.viewName, check: analyzeTableExpr(session, cat, base, renameCheckAlias(c.expr, base.name) as AnyNode, 'check', '', undefined, true) }] : []));
  return { stmt, checks };
}

/**
 * INSERT / UPDATE / DELETE on a view below the target (a view on a view) that has an INSTEAD OF
 * trigger for the event: the statement rewritten down to that view, and the view.
 */
function insteadOfBelow(session: Session, n: AnyNode, kind: 'insert' | 'update' | 'delete'): { view: RelationDef; stmt: AnyNode } | undefined {
  if (!hasInsteadTriggers(session.catalog())) return undefined;
  const rv = n.relation;
  const rel = lookupRelation(session.catalog(), session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel || rel.kind !== 'v') return undefined;
  const saved = dmlAsUser;
  const r = throughViews(session, n, '', kind, OPS_OF[kind]);
  dmlAsUser = saved;
  setViewReads(undefined);
  return r.insteadOf ? { view: r.insteadOf, stmt: r.stmt } : undefined;
}

const OPS_OF = { insert: 'INSERT', update: 'UPDATE', delete: 'DELETE' } as const;

/** Statement-level trigger events of a statement (INSERT ... ON CONFLICT DO UPDATE is both). */
function statementEvents(p: PreparedDml): StatementEvent[] {
  const updated = p.updatedCols;
  if (p.statementOps) return p.statementOps.map((op) => ({ rel: p.rel, op, updated: op === 'UPDATE' ? updated : undefined }));
  const op = p.kind === 'insert' ? 'INSERT' : p.kind === 'update' ? 'UPDATE' : 'DELETE';
  const out: StatementEvent[] = [{ rel: p.rel, op, updated: op === 'UPDATE' ? updated : undefined }];
  if (p.onConflictUpdate) out.push({ rel: p.rel, op: 'UPDATE', updated });
  return out;
}

/** Statement events of data-modifying WITH queries, fired after the whole statement. */
const deferredStatements = new WeakMap<ModifyState, StatementEvent[]>();

/** A DML statement prepared for a function body (PL/pgSQL, SQL functions): see prepareDmlForSpi. */
export type SpiDml = PreparedDml;

/**
 * Prepares INSERT / UPDATE / DELETE inside a function body: `hook` resolves the body's variables
 * (as Params of `paramTypes`), and nothing is cached here (the caller caches per function).
 */
export function prepareDmlForSpi(session: Session, kind: 'InsertStmt' | 'UpdateStmt' | 'DeleteStmt' | 'MergeStmt', n: AnyNode, sql: string, paramTypes: number[], hook: import('../analyze/parse-state.js').ColumnRefHook | undefined): SpiDml {
  if (hasDmlCte(n)) throw featureNotSupported('data-modifying WITH queries inside functions');
  if (targetHasRules(session, kind, n)) throw featureNotSupported('a statement on a relation with rules inside a function');
  const saved = spiHook;
  spiHook = hook;
  try {
    return withPlanningCatalog(session.catalog(), () => {
      if (kind === 'MergeStmt') return prepareMerge(session, n, sql, paramTypes);
      if (kind === 'InsertStmt') {
        const v = throughViews(session, n, sql, 'insert');
        return prepareInsert(session, v.stmt, sql, paramTypes, v.checks);
      }
      if (kind === 'UpdateStmt') {
        const v = throughViews(session, n, sql, 'update');
        return prepareUpdate(session, v.stmt, sql, paramTypes, v.checks);
      }
      return prepareDelete(session, throughViews(session, n, sql, 'delete').stmt, sql, paramTypes);
    });
  } finally {
    spiHook = saved;
  }
}

/**
 * Runs a prepared write between its BEFORE and AFTER statement triggers, then its RI work; inside a
 * data-modifying WITH query (`deferRi`) the RI work and AFTER triggers wait for the whole statement.
 */
function runWithStatementTriggers(session: Session, ms: ModifyState, p: PreparedDml | SpiDml, ret: Row[] | undefined, deferRi: ModifyState[] | undefined): number {
  const stmts = statementEvents(p);
  const trig = hasTriggers(ms.cat, p.rel.oid);
  if (trig) for (const e of stmts) fireBeforeStatement(session, e.rel, e.op, e.updated);
  const count = p.run(ms, ret);
  if (deferRi) {
    deferRi.push(ms);
    if (trig) deferredStatements.set(ms, stmts);
  } else {
    runRiQueue(ms, session);
    if (trig || hasQueuedEvents(ms)) fireAfterTriggers(session, ms, trig ? [...stmts].reverse() : []);
  }
  return count;
}

/** Runs a statement from prepareDmlForSpi with already-typed parameter values. */
export function executeSpiDml(session: Session, p: SpiDml, values: readonly Value[], deferRi?: ModifyState[]): StatementResult {
  if (p.rel.persistence !== 't') checkWritableSpi(session, p.kind.toUpperCase());
  const ctx = makeExecContext(session, values);
  const ms = new ModifyState(ctx, session.catalog());
  const ret: Row[] | undefined = p.returning ? [] : undefined;
  const count = runWithStatementTriggers(session, ms, p, ret, deferRi);
  return { command: p.kind.toUpperCase(), rowCount: count, fields: p.returning?.fields ?? [], rows: ret ?? [], oid: 0 };
}

function checkWritableSpi(session: Session, what: string): void {
  if (session.txn?.readOnly) {
    throw new PgError(SQLSTATE.read_only_sql_transaction, `cannot execute ${what} in a read-only transaction`);
  }
}

function prepareDml(session: Session, kind: 'InsertStmt' | 'UpdateStmt' | 'DeleteStmt', n: AnyNode, sql: string, paramTypes: number[]): PreparedDml {
  const tag = kind === 'InsertStmt' ? 'I' : kind === 'UpdateStmt' ? 'U' : 'D';
  return prepared(session, `${tag}\u0000${paramTypes.join(',')}\u0000${n.relation.location}\u0000${session.searchPathKey()}\u0000${session.settings.ioKey}\u0000${sql}`, () => {
    if (kind === 'DeleteStmt') return prepareDelete(session, throughViews(session, n, sql, 'delete').stmt, sql, paramTypes);
    const v = throughViews(session, n, sql, kind === 'InsertStmt' ? 'insert' : 'update');
    return kind === 'InsertStmt' ? prepareInsert(session, v.stmt, sql, paramTypes, v.checks) : prepareUpdate(session, v.stmt, sql, paramTypes, v.checks);
  });
}

/** Parameter types and RETURNING columns of an INSERT / UPDATE / DELETE, without running it (for Describe). */
export function describeDml(session: Session, kind: 'InsertStmt' | 'UpdateStmt' | 'DeleteStmt', n: AnyNode, sql: string, paramTypes: number[]): { paramTypes: number[]; fields: StatementResult['fields'] | null } {
  const view = insteadOfView(session, n, OPS[kind]);
  // A view with an INSTEAD OF trigger is analyzed when the statement runs: its parameters stay
  // untyped (0) here and are read then.
  if (view) return { paramTypes: [...paramTypes], fields: insteadOfReturningFields(session, view, n, sql) };
  const p = prepareDml(session, kind, n, sql, paramTypes);
  return { paramTypes: p.paramTypes.map((t) => (t === 0 || t === OID.unknown ? OID.text : t)), fields: p.returning?.fields ?? null };
}

const OPS = { InsertStmt: 'INSERT', UpdateStmt: 'UPDATE', DeleteStmt: 'DELETE' } as const;

function runDml(session: Session, kind: 'InsertStmt' | 'UpdateStmt' | 'DeleteStmt', n: AnyNode, sql: string, params: readonly unknown[], paramTypes: number[]): StatementResult {
  const view = insteadOfView(session, n, OPS[kind]);
  if (view) return runInsteadOf(session, view, OPS[kind], n, sql, params, paramTypes);
  const below = insteadOfBelow(session, n, kind === 'InsertStmt' ? 'insert' : kind === 'UpdateStmt' ? 'update' : 'delete');
  if (below) return runInsteadOf(session, below.view, OPS[kind], below.stmt, sql, params, paramTypes);
  return executePrepared(session, prepareDml(session, kind, n, sql, paramTypes), params);
}

export function runInsert(session: Session, n: AnyNode, sql: string, params: readonly unknown[], paramTypes: number[]): StatementResult {
  return runDml(session, 'InsertStmt', n, sql, params, paramTypes);
}

export function runUpdate(session: Session, n: AnyNode, sql: string, params: readonly unknown[], paramTypes: number[]): StatementResult {
  return runDml(session, 'UpdateStmt', n, sql, params, paramTypes);
}

export function runDelete(session: Session, n: AnyNode, sql: string, params: readonly unknown[], paramTypes: number[]): StatementResult {
  return runDml(session, 'DeleteStmt', n, sql, params, paramTypes);
}

export type { Query };
