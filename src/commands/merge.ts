/**
 * MERGE: analysis and execution. The source is joined to the target (an inner join, or a left
 * join when there are WHEN NOT MATCHED [BY TARGET] clauses); for WHEN NOT MATCHED BY SOURCE the
 * target rows the join did not reach follow (Postgres's full join, computed as a second scan).
 * Each row is classified as matched / not matched by target / not matched by source, and the first clause of
 * its kind whose condition holds acts on it through the same row-write primitives, triggers,
 * constraint and foreign-key machinery as INSERT / UPDATE / DELETE (see dml.ts).
 *
 * In READ COMMITTED a matched row another transaction changed meanwhile is re-checked as Postgres
 * does (EvalPlanQual): the newest version is joined again (the ON condition) and the clauses are
 * evaluated afresh; a row that no longer matches (or was deleted) goes to the NOT MATCHED clauses.
 *
 * Postgres counterpart: parser/parse_merge.c (transformMergeStmt), executor/nodeModifyTable.c
 * (ExecMerge, ExecMergeMatched, ExecMergeNotMatched).
 * Privileges and row-level security: see merge-security.ts.
 * Into an automatically updatable view: rewritten onto its base table first (merge-views.ts).
 * Into a partitioned table or an inheritance parent: rows are written in their leaves (merge-write.ts).
 * Known gaps: MERGE into views with INSTEAD OF triggers (0A000).
 */
import { insertTargets } from './insert-targets.js';
import { defaultThroughIndirection } from '../analyze/assign-indirection.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import type { JoinNode, ValuesRte } from '../nodes/query.js';
import { ParseState, type NamespaceItem } from '../analyze/parse-state.js';
import { coerceToBoolean, nodeKind, transformExpr } from '../analyze/expr.js';
import { openRelation } from '../analyze/relation.js';
import { transformSelectStmt } from '../analyze/select.js';
import { mergeActionSlots } from '../analyze/merge-support.js';
import { OID } from '../types/oids.js';
import type { Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import type { StatementResult } from '../session/dispatch.js';
import { makeExecContext } from '../session/run-select.js';
import { planFromWhere, withPlanningCatalog } from '../plan/planner.js';
import { noteDmlInput } from '../plan/explain-notes.js';
import { foldExpr } from '../plan/const-fold.js';
import { compileExpr, type CExpr } from '../executor/expr/compile.js';
import type { Row } from '../executor/context.js';
import type { Tuple } from '../storage/heap.js';
import { compileStored } from '../executor/modify-table.js';
import { mergeSecurity, targetColumnsRead } from './merge-security.js';
import { assignmentReads } from '../analyze/assign-indirection.js';
import { mergeThroughViews } from './merge-views.js';
import { leafTargetForWrite, mergeDelete, mergeInsert, mergeUpdate, targetLeaf } from './merge-write.js';
import type { TriggerOp } from '../executor/trigger.js';
import {
  addOldNew, analyzeReturning, assignmentCoerce, clearViewDmlState, compileReturning, viewCheckFn, domainDefault, executePrepared, fillOldNew, newState, pos, prepared, returningList, transformUpdateTargets, type PreparedDml,
} from './dml.js';

type AnyNode = Record<string, any>;

type MatchKind = 'matched' | 'target' | 'source';

interface CompiledClause {
  readonly action: 'update' | 'delete' | 'insert' | 'nothing';
  readonly cond?: CExpr;
  /** UPDATE: new values by column index (undefined f: DEFAULT). */
  readonly sets?: readonly { idx: number; f?: CExpr }[];
  readonly updatedCols?: ReadonlySet<number>;
  /** INSERT: target column indexes, their value expressions ('default' for DEFAULT), and which ones take the default anyway (OVERRIDING USER VALUE). */
  readonly insCols?: readonly number[];
  readonly insExprs?: readonly (CExpr | 'default')[];
  readonly insUseDefault?: readonly boolean[];
}

const MATCH_KINDS: Record<string, MatchKind> = {
  MERGE_WHEN_MATCHED: 'matched',
  MERGE_WHEN_NOT_MATCHED_BY_TARGET: 'target',
  MERGE_WHEN_NOT_MATCHED_BY_SOURCE: 'source',
};

const OBJECT_KINDS: Record<string, string> = {
  S: 'sequences',
  m: 'materialized views',
  i: 'indexes',
  I: 'partitioned indexes',
  c: 'composite types',
  t: 'TOAST tables',
  f: 'foreign tables',
};

/** The names a source FROM item makes visible at the top level (aliases, or relation names). */
export function sourceNames(n: AnyNode, out: string[]): void {
  const [k, b] = nodeKind(n);
  if (k === 'RangeVar') out.push(b.alias?.aliasname ?? b.relname);
  else if (k === 'RangeSubselect' || k === 'RangeFunction' || k === 'RangeTableFunc' || k === 'JsonTable') {
    if (b.alias?.aliasname) out.push(b.alias.aliasname);
  } else if (k === 'JoinExpr') {
    if (b.alias?.aliasname) out.push(b.alias.aliasname);
    else {
      sourceNames(b.larg, out);
      sourceNames(b.rarg, out);
    }
  }
}

function mergeTarget(session: Session, cat: Catalog, rv: AnyNode, sql: string): RelationDef {
  const rel = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname }, pos(sql, rv.location));
  // (partitioned tables and inheritance parents: rows are written in their leaves, merge-write.ts)
  if (rel.kind === 'r' || rel.kind === 'p') return rel;
  if (rel.kind === 'v') throw featureNotSupported('MERGE into a view', rv.location);
  const what = OBJECT_KINDS[rel.kind];
  throw new PgError(SQLSTATE.feature_not_supported, `cannot execute MERGE on relation "${rel.name}"`, what ? { detail: `This operation is not supported for ${what}.` } : {});
}

function andExprs(list: (Expr | undefined)[]): Expr | undefined {
  const xs = list.filter((x): x is Expr => x !== undefined);
  return xs.length <= 1 ? xs[0] : ({ kind: 'BoolExpr', op: 'and', args: xs, type: OID.bool, typmod: -1 } as unknown as Expr);
}

/** The hidden range entry merge_action() reads (one text column, filled per RETURNING row). */
const actionRte = (): ValuesRte => ({
  kind: 'values',
  alias: '*merge_action*',
  hasAlias: false,
  columns: [{ name: 'merge_action', type: OID.text, typmod: -1 }],
  lateral: false,
  rows: [],
});

export function prepareMerge(session: Session, n: AnyNode, sql: string, paramTypes: number[]): PreparedDml {
  clearViewDmlState();
  const views = mergeThroughViews(session, n);
  n = views.stmt;
  const state = views.levels ? { ...newState(session, sql, paramTypes), asUser: views.user } : newState(session, sql, paramTypes);
  const cat = state.catalog;
  if (n.withClause) throw featureNotSupported('WITH in MERGE');
  const rel = mergeTarget(session, cat, n.relation, sql);
  // SELECT checks of the source's tables run after the target's privileges (mergeSecurity).
  const deferred: NonNullable<typeof state.deferredPerms> = [];
  state.deferredPerms = deferred;
  const whens = ((n.mergeWhenClauses ?? []) as AnyNode[]).map((w) => w.MergeWhenClause as AnyNode);
  // An unconditional clause makes the later clauses of its kind unreachable.
  const seenUnconditional = new Set<MatchKind>();
  for (const w of whens) {
    const mk = MATCH_KINDS[w.matchKind];
    if (seenUnconditional.has(mk)) throw new PgError(SQLSTATE.syntax_error, 'unreachable WHEN clause specified after unconditional WHEN clause');
    if (!w.condition) seenUnconditional.add(mk);
  }
  const targetAlias = n.relation.alias?.aliasname ?? n.relation.relname;
  const names: string[] = [];
  sourceNames(n.sourceRelation, names);
  if (names.includes(targetAlias)) {
    throw new PgError(SQLSTATE.duplicate_alias, `name "${targetAlias}" specified more than once`, { detail: 'The name is used both as MERGE target table and data source.' });
  }
  const hasTarget = whens.some((w) => MATCH_KINDS[w.matchKind] === 'target');
  const hasSource = whens.some((w) => MATCH_KINDS[w.matchKind] === 'source');
  // The source on the left, the target on the right: `*` lists the source's columns first.
  // Rows not matched by source come from a second scan of the target (the target rows the join
  // did not reach), not from a FULL join: the same rows, and the join stays a hash join.
  const join = { JoinExpr: { jointype: hasTarget ? 'JOIN_LEFT' : 'JOIN_INNER', larg: n.sourceRelation, rarg: { RangeVar: { ...n.relation, mergeTarget: true } }, quals: n.joinCondition } };
  const q = transformSelectStmt(state, { fromClause: [join], targetList: [] });
  const top = q.fromList[0] as Extract<JoinNode, { kind: 'JoinExpr' }>;
  const rti = (top.right as { rti: number }).rti;
  const ps = new ParseState(state, q);
  const items: NamespaceItem[] = [];
  q.rtable.forEach((rte, i) => {
    if (rte.kind === 'join' && !rte.hasAlias) return;
    const item = { rti: i, rte, relVisible: true, colsVisible: true };
    items.push(item);
    ps.namespace.push(item);
  });
  const oldNew = addOldNew(ps, rel, n.returningClause);
  const actionRti = ps.addRte(actionRte());
  mergeActionSlots.set(ps, actionRti);
  // Each clause sees the target (matched, by source) and the source (matched, by target).
  const visible = (target: boolean, source: boolean) => {
    for (const it of items) it.relVisible = it.colsVisible = it.rti === rti ? target : source;
  };
  const cols = rel.columns;
  const ncols = cols.length;
  const analyzed: { kind: MatchKind; action: CompiledClause['action']; cond?: Expr; sets?: { attnum: number; expr: Expr | 'default' }[]; ins?: { cols: ColumnDef[]; exprs: (Expr | 'default')[]; overriding?: 'system' | 'user' } }[] = [];
  for (const w of whens) {
    const kind = MATCH_KINDS[w.matchKind];
    visible(kind !== 'target', kind !== 'source');
    let cond: Expr | undefined;
    if (w.condition) {
      ps.exprKind = 'merge when';
      ps.aggs.length = 0;
      cond = coerceToBoolean(ps, transformExpr(ps, w.condition), 'WHEN');
      if (ps.aggs.length) throw new PgError(SQLSTATE.grouping_error, 'aggregate functions are not allowed in MERGE WHEN conditions', { position: ps.position(ps.aggs[0].location) });
    }
    switch (w.commandType) {
      case 'CMD_NOTHING':
        analyzed.push({ kind, action: 'nothing', cond });
        break;
      case 'CMD_DELETE':
        analyzed.push({ kind, action: 'delete', cond });
        break;
      case 'CMD_UPDATE': {
        ps.aggs.length = 0;
        const sets = transformUpdateTargets(session, ps, rel, q, rti, w.targetList as AnyNode[]);
        analyzed.push({ kind, action: 'update', cond, sets });
        break;
      }
      case 'CMD_INSERT':
        analyzed.push({ kind, action: 'insert', cond, ins: analyzeInsert(ps, rel, w) });
        break;
      default:
        throw featureNotSupported(`MERGE action ${w.commandType}`);
    }
  }
  // Through views: their WHERE limits the target rows the statement sees (matched or not matched by source).
  let viewQual: Expr | undefined;
  if (views.targetQual) {
    visible(true, false);
    ps.exprKind = 'where';
    viewQual = coerceToBoolean(ps, transformExpr(ps, views.targetQual), 'WHERE');
  }
  visible(true, true);
  const retList = analyzeReturning(ps, returningList(n));
  // Privileges of the target (before the source's), then its row-level security.
  const readExprs: unknown[] = [top.quals, ...analyzed.flatMap((a) => [a.cond, ...(a.sets ?? []).flatMap((x) => (x.expr === 'default' ? [] : assignmentReads(x.expr))), ...(a.ins?.exprs ?? [])]), ...(retList ?? []).map((t) => t.expr)];
  const read = new Set([...targetColumnsRead(rel, readExprs, rti), ...targetColumnsRead(rel, readExprs, oldNew.oldRti), ...targetColumnsRead(rel, readExprs, oldNew.newRti)]);
  const has = (a: string) => analyzed.some((x) => x.action === a);
  const security = mergeSecurity(
    state,
    rel,
    rti,
    {
      insertCols: has('insert') ? new Set(analyzed.flatMap((a) => (a.ins ? a.ins.cols.map((c) => c.attnum) : []))) : undefined,
      updateCols: has('update') ? new Set(analyzed.flatMap((a) => (a.sets ? a.sets.map((x) => x.attnum) : []))) : undefined,
      delete: has('delete'),
    },
    read,
    !!retList,
  );
  state.deferredPerms = undefined;
  // The source's column privileges cover what the actions and RETURNING read of it too (they are
  // not part of the join query): visible to the checks through a temporary field of the query.
  const withReads = q as unknown as { mergeActionReads?: unknown[] };
  withReads.mergeActionReads = readExprs;
  try {
    for (const d of deferred) d.run();
  } finally {
    delete withReads.mergeActionReads;
  }
  const targetFilter = andExprs([viewQual, security.targetQual]);
  if (targetFilter) (top as { quals?: Expr }).quals = andExprs([top.quals, targetFilter]);
  const viewCheck = viewCheckFn(views.checks, rel);
  const foldCtx = makeExecContext(session, []);
  const layoutPlan = withPlanningCatalog(cat, () => planFromWhere(q, undefined, cat));
  noteDmlInput(layoutPlan.plan);
  const { plan, layout } = layoutPlan;
  const off = layout.offsets[rti];
  // The target alone, over the same range table (so the same row layout) for NOT MATCHED BY SOURCE.
  const targetScan = hasSource ? withPlanningCatalog(cat, () => planFromWhere({ ...q, fromList: [{ kind: 'RangeTblRef', rti }], where: targetFilter }, undefined, cat)) : undefined;
  const actionOff = layout.offsets[actionRti];
  const onRecheck = top.quals ? compileExpr(top.quals, layout) : undefined;
  const defaults = cols.map((c) => (c.default && !c.generated ? compileStored(c.default) : c.generated || c.dropped ? undefined : domainDefault(cat, c)));
  const lists: Record<MatchKind, CompiledClause[]> = { matched: [], target: [], source: [] };
  const ops = new Set<TriggerOp>();
  for (const a of analyzed) {
    const cond = a.cond ? compileExpr(foldExpr(a.cond, foldCtx), layout) : undefined;
    if (a.action === 'update') {
      ops.add('UPDATE');
      lists[a.kind].push({
        action: 'update',
        cond,
        sets: a.sets!.map((s) => ({ idx: s.attnum - 1, f: s.expr === 'default' ? undefined : compileExpr(s.expr, layout) })),
        updatedCols: new Set(a.sets!.map((s) => s.attnum)),
      });
    } else if (a.action === 'insert') {
      ops.add('INSERT');
      const ins = a.ins!;
      lists[a.kind].push({
        action: 'insert',
        cond,
        insCols: ins.cols.map((c) => c.attnum - 1),
        insExprs: ins.exprs.map((e) => (e === 'default' ? e : compileExpr(foldExpr(e, foldCtx), layout))),
        insUseDefault: ins.cols.map((c) => (c.identity !== undefined && ins.overriding === 'user') || !!c.generated),
      });
    } else {
      if (a.action === 'delete') ops.add('DELETE');
      lists[a.kind].push({ action: a.action, cond });
    }
  }
  const statementOps = (['INSERT', 'UPDATE', 'DELETE'] as const).filter((o) => ops.has(o));
  // UPDATE OF statement triggers look at every column some UPDATE action assigns.
  const updatedCols = new Set(analyzed.flatMap((a) => (a.action === 'update' ? a.sets!.map((s) => s.attnum) : [])));
  const returning = retList && compileReturning(ps, retList, layout);
  return {
    kind: 'merge',
    rel,
    paramTypes: state.paramTypes,
    returning,
    statementOps,
    updatedCols,
    run(ms, retRows) {
      const ctx = ms.ctx;
      const rows = [...plan.run(ctx, undefined)];
      const nJoined = rows.length;
      if (targetScan) {
        // Target rows no source row joined: each one once, its other slots NULL.
        // (by version object: a partition's versions have their own tid numbering)
        const reached = new Set<Tuple>();
        for (const r of rows) {
          const t = r[off + ncols] as unknown as Tuple | null;
          if (t != null) reached.add(t);
        }
        const width = targetScan.width;
        for (const r of targetScan.plan.run(ctx, undefined)) {
          const t = r[off + ncols] as unknown as Tuple;
          if (reached.has(t)) continue;
          const row: Row = new Array(width).fill(null);
          for (let i = 0; i <= ncols; i++) row[off + i] = r[off + i];
          rows.push(row);
        }
      }
      /** Scanned target versions this statement updated or deleted (a second match is an error). */
      const done = new Set<Tuple>();
      let count = 0;
      const emit = (r: Row, action: string, old: readonly Value[] | undefined, now: readonly Value[] | undefined, oldT?: Tuple, newT?: Tuple) => {
        if (!retRows || !returning) return;
        r[actionOff] = action;
        fillOldNew(r, layout, oldNew, ncols, old, now, oldT, newT);
        retRows.push(returning.exprs.map((f) => f(r, ctx)));
      };
      /** RETURNING for a row version this statement wrote: the joined row with the target's new values. */
      const emitWritten = (row: Row, values: readonly Value[], t: Tuple, action: string, old: readonly Value[] | undefined) => {
        if (!retRows) return;
        const r = row.slice();
        const oldT = old ? (row[off + ncols] as unknown as Tuple) : undefined;
        for (let i = 0; i < ncols; i++) r[off + i] = values[i];
        r[off + ncols] = t as unknown as Value;
        emit(r, action, old, values, oldT, t);
      };
      for (let ri = 0; ri < rows.length; ri++) {
        let row = rows[ri];
        let kind: MatchKind = ri >= nJoined ? 'source' : row[off + ncols] == null ? 'target' : 'matched';
        for (;;) {
          let clause: CompiledClause | undefined;
          for (const c of lists[kind]) {
            if (!c.cond || c.cond(row, ctx) === true) {
              clause = c;
              break;
            }
          }
          if (!clause || clause.action === 'nothing') break;
          if (clause.action === 'insert') {
            let values: Value[] = new Array(ncols);
            const given = new Array<boolean>(ncols).fill(false);
            const ic = clause.insCols!;
            for (let i = 0; i < ic.length; i++) {
              const e = clause.insExprs![i];
              if (e === 'default' || clause.insUseDefault![i]) continue;
              values[ic[i]] = e(row, ctx);
              given[ic[i]] = true;
            }
            for (let a = 0; a < ncols; a++) {
              if (given[a]) continue;
              const d = defaults[a];
              values[a] = d && !cols[a].dropped ? d(values, ctx) : null;
            }
            // (through a partitioned table: routed to its leaf partition)
            const w = mergeInsert(ms, rel, values, security.insertNew, viewCheck);
            if (!w) break;
            count++;
            emitWritten(row, w.values, w.tuple, 'INSERT', undefined);
            break;
          }
          // UPDATE or DELETE of the target row.
          const t = row[off + ncols] as unknown as Tuple;
          const old = row.slice(off, off + ncols) as Value[];
          // The existing row must pass the action's USING policies (checked only for the action taken).
          if (clause.action === 'update') security.updateExisting?.(ctx, old);
          else security.deleteExisting?.(ctx, old);
          if (done.has(t)) {
            throw new PgError(SQLSTATE.cardinality_violation, 'MERGE command cannot affect row a second time', {
              hint: 'Ensure that not more than one source row matches any one target row.',
            });
          }
          let values: Value[] | undefined;
          if (clause.action === 'update') {
            values = [...old];
            for (const s of clause.sets!) values[s.idx] = s.f ? s.f(row, ctx) : defaults[s.idx] ? defaults[s.idx]!(values, ctx) : null;
          }
          // Through a partitioned table or an inheritance parent: written in the table the version is in.
          const tl = targetLeaf(ctx, ms.cat, rel, t);
          // Another transaction may have changed the row since the snapshot: wait, join it again (EvalPlanQual).
          const target = leafTargetForWrite(ms, rel, tl, row, off, old, values, kind === 'matched' ? onRecheck : undefined);
          if (!target) {
            if (kind !== 'matched') break;
            // Deleted or no longer matching: the source row is not matched after all.
            row = row.slice();
            for (let i = 0; i <= ncols; i++) row[off + i] = null;
            kind = 'target';
            continue;
          }
          if (target !== row) {
            row = target;
            continue;
          }
          if (!values) {
            if (!mergeDelete(ms, rel, tl, t, old)) break;
            done.add(t);
            count++;
            if (retRows) emit(row.slice(), 'DELETE', old, undefined, row[off + ncols] as unknown as Tuple);
            break;
          }
          const w = mergeUpdate(ms, rel, tl, t, old, values, clause.updatedCols!, security.updateNew, viewCheck);
          if (!w) break;
          done.add(t);
          count++;
          emitWritten(row, w.values, w.tuple, 'UPDATE', old);
          break;
        }
      }
      return count;
    },
  };
}

/** WHEN NOT MATCHED THEN INSERT [(cols)] [OVERRIDING ...] VALUES (...) | DEFAULT VALUES. */
function analyzeInsert(ps: ParseState, rel: RelationDef, w: AnyNode): { cols: ColumnDef[]; exprs: (Expr | 'default')[]; overriding?: 'system' | 'user' } {
  const overriding = w.override === 'OVERRIDING_SYSTEM_VALUE' ? 'system' : w.override === 'OVERRIDING_USER_VALUE' ? 'user' : undefined;
  const cols: ColumnDef[] = [];
  const named = w.targetList as AnyNode[] | undefined;
  const targets = named?.length ? insertTargets(ps, rel, named) : undefined;
  if (targets) cols.push(...targets.cols);
  else cols.push(...rel.columns.filter((c) => !c.dropped));
  const values = w.values as AnyNode[] | undefined;
  if (!values) return { cols: [], exprs: [], overriding };
  if (values.length > cols.length) {
    const b = nodeKind(values[cols.length])[1];
    throw new PgError(SQLSTATE.syntax_error, 'INSERT has more expressions than target columns', { position: ps.position(b?.location) });
  }
  if (values.length < cols.length && named?.length) {
    throw new PgError(SQLSTATE.syntax_error, 'INSERT has more target columns than expressions', { position: ps.position(named[values.length].ResTarget.location) });
  }
  cols.length = values.length;
  ps.exprKind = 'values';
  ps.aggs.length = 0;
  const chain = new Map<number, Expr>();
  const exprs = values.map((v, i): Expr | 'default' => {
    const [k, b] = nodeKind(v);
    if (k === 'SetToDefault') {
      if (targets?.indirect?.[i]) throw defaultThroughIndirection(ps, targets.indirect[i]);
      return 'default';
    }
    const e = transformExpr(ps, v);
    return targets?.assign(i, e, chain) ?? assignmentCoerce(ps, e, cols[i], e.location ?? b.location);
  });
  if (ps.aggs.length) throw new PgError(SQLSTATE.grouping_error, 'aggregate functions are not allowed in VALUES', { position: ps.position(ps.aggs[0].location) });
  cols.forEach((c, i) => {
    if (exprs[i] === 'default') return;
    if (c.generated) {
      throw new PgError(SQLSTATE.generated_always, `cannot insert a non-DEFAULT value into column "${c.name}"`, { detail: `Column "${c.name}" is a generated column.` });
    }
    if (c.identity === 'a' && overriding === undefined) {
      throw new PgError(SQLSTATE.generated_always, `cannot insert a non-DEFAULT value into column "${c.name}"`, {
        detail: `Column "${c.name}" is an identity column defined as GENERATED ALWAYS.`,
        hint: 'Use OVERRIDING SYSTEM VALUE to override.',
      });
    }
  });
  return { cols, exprs, overriding };
}

function prepareMergeCached(session: Session, n: AnyNode, sql: string, paramTypes: number[]): PreparedDml {
  return prepared(session, `M\u0000${paramTypes.join(',')}\u0000${n.relation.location}\u0000${session.searchPathKey()}\u0000${session.settings.ioKey}\u0000${sql}`, () => prepareMerge(session, n, sql, paramTypes));
}

/** MERGE INTO ... USING ... ON ... WHEN ...: returns `MERGE n` (rows inserted, updated or deleted). */
export function runMerge(session: Session, n: AnyNode, sql: string, params: readonly unknown[], paramTypes: number[]): StatementResult {
  return executePrepared(session, prepareMergeCached(session, n, sql, paramTypes), params);
}

/** Parameter types and RETURNING columns of a MERGE, without running it (for Describe). */
export function describeMerge(session: Session, n: AnyNode, sql: string, paramTypes: number[]): { paramTypes: number[]; fields: StatementResult['fields'] | null } {
  const p = prepareMergeCached(session, n, sql, paramTypes);
  return { paramTypes: p.paramTypes.map((t) => (t === 0 || t === OID.unknown ? OID.text : t)), fields: p.returning?.fields ?? null };
}
