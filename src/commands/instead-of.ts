/**
 * INSERT / UPDATE / DELETE on a view with INSTEAD OF triggers: the rows the statement would
 * write are computed (the VALUES or SELECT source for INSERT; the view's rows matching WHERE,
 * with SET applied, for UPDATE; the matching rows for DELETE) and the trigger runs once per row
 * instead of any write. A row counts as processed when the trigger returns it; RETURNING reads
 * the returned NEW (OLD for DELETE). Statement triggers on the view fire around it.
 *
 * Postgres counterpart: src/backend/executor/nodeModifyTable.c (ExecIRInsertTriggers and the
 * INSTEAD OF paths), rewrite/rewriteHandler.c (views with INSTEAD OF triggers are not rewritten).
 * Known gaps: UPDATE SET (a, b) = (...) and WITH in these statements raise 0A000.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { ParseState } from '../analyze/parse-state.js';
import { lookupRelation, relationRte } from '../analyze/relation.js';
import { transformSelectStmt } from '../analyze/select.js';
import { addOldNew, analyzeReturning, fillOldNew } from './dml.js';
import { canCoerce, coerceTo } from '../analyze/coerce.js';
import { emptyQuery } from '../nodes/query.js';
import { compileExpr } from '../executor/expr/compile.js';
import type { Row } from '../executor/context.js';
import { fireBeforeRow, fireBeforeStatement, triggerRunner, triggersFor, type TriggerOp } from '../executor/trigger.js';
import { planSelect, withPlanningCatalog } from '../plan/planner.js';
import { formatType } from '../types/registry.js';
import { OID } from '../types/oids.js';
import type { Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import type { StatementResult } from '../session/dispatch.js';
import { bindParams } from '../session/params.js';
import { fieldsOf, makeExecContext, statementState } from '../session/run-select.js';

type AnyNode = Record<string, any>;

/** The view a DML statement targets, when it has an INSTEAD OF trigger for the operation. */
export function insteadOfView(session: Session, n: AnyNode, op: TriggerOp): RelationDef | undefined {
  const cat = session.catalog();
  if (!hasInsteadTriggers(cat)) return undefined;
  const rv = n.relation;
  const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel || rel.kind !== 'v') return undefined;
  return triggersFor(session.catalog(), rel.oid, 'instead', 'row', op).length ? rel : undefined;
}

const insteadCache = new WeakMap<Catalog, boolean>();

/** Whether any view has an INSTEAD OF trigger (checked once per catalog version). */
export function hasInsteadTriggers(cat: Catalog): boolean {
  let v = insteadCache.get(cat);
  if (v === undefined) {
    v = false;
    for (const t of cat.triggers.values()) if (t.timing === 'instead') v = true;
    insteadCache.set(cat, v);
  }
  return v;
}

function colRef(name: string): AnyNode {
  return { ColumnRef: { fields: [{ String: { sval: name } }] } };
}

/** Runs a statement's source query and returns its rows (types of its columns too). */
function runQuery(session: Session, sel: AnyNode, sql: string, paramTypes: number[], params: readonly unknown[], keepUnknown: boolean) {
  const cat = session.catalog();
  const state = statementState(session, sql, paramTypes);
  const q = transformSelectStmt(state, sel, undefined, keepUnknown);
  const planned = withPlanningCatalog(cat, () => planSelect(q, undefined, cat));
  const types = state.paramTypes.map((t) => (t === 0 || t === OID.unknown ? OID.text : t));
  const values = bindParams(cat, session.io, params, types);
  const ctx = makeExecContext(session, values);
  const tl = q.targetList.filter((t) => !t.resjunk);
  const rows = [...planned.plan.run(ctx, undefined)].map((r) => r.slice(0, tl.length));
  return { rows, exprs: tl.map((t) => t.expr), ctx, state };
}

/** Casts a source value to a view column's type, as an assignment would. */
function toColumn(session: Session, rel: RelationDef, attnum: number, v: Value, from: number, ctxRow: { ctx: ReturnType<typeof makeExecContext> }): Value {
  const col = rel.columns[attnum - 1];
  if (v === null || from === col.type) return v;
  const cat = session.catalog();
  if (from !== OID.unknown && !canCoerce(cat, from, col.type, 'assignment')) {
    throw new PgError(SQLSTATE.datatype_mismatch, `column "${col.name}" is of type ${formatType(cat, col.type)} but expression is of type ${formatType(cat, from)}`, {
      hint: 'You will need to rewrite or cast the expression.',
    });
  }
  const e = coerceTo(undefined, cat, { kind: 'Const', type: from, typmod: -1, value: v }, col.type, col.typmod, 'assignment');
  return compileExpr(e, { depth: 0, offsets: [] })([], ctxRow.ctx);
}

/** RETURNING over the view's row. */
function returningOf(session: Session, rel: RelationDef, n: AnyNode, sql: string) {
  const list = n.returningClause?.exprs as AnyNode[] | undefined;
  if (!list?.length) return undefined;
  const state = statementState(session, sql, []);
  const ps = new ParseState(state, emptyQuery('select'));
  const rti = ps.addRte(relationRte(rel, n.relation.alias));
  ps.namespace.push({ rti, rte: ps.query.rtable[rti], relVisible: true, colsVisible: true });
  // PG 18's old / new: the view's row before, and the row the trigger returned.
  const oldNew = addOldNew(ps, rel, n.returningClause);
  const tl = analyzeReturning(ps, list) ?? [];
  const w = rel.columns.length + 1;
  const layout = { depth: 0, offsets: [0, oldNew.oldRti * w, oldNew.newRti * w] };
  const exprs = withPlanningCatalog(session.catalog(), () => tl.map((t) => compileExpr(t.expr, layout)));
  return { exprs, fields: fieldsOf(session.catalog(), tl), layout, oldNew, width: 3 * w };
}

/** The RETURNING columns of a statement on a view with an INSTEAD OF trigger (for Describe), or null. */
export function insteadOfReturningFields(session: Session, rel: RelationDef, n: AnyNode, sql: string): StatementResult['fields'] | null {
  return returningOf(session, rel, n, sql)?.fields ?? null;
}

/** INSERT / UPDATE / DELETE on a view through its INSTEAD OF trigger. */
export function runInsteadOf(session: Session, rel: RelationDef, op: TriggerOp, n: AnyNode, sql: string, params: readonly unknown[], paramTypes: number[]): StatementResult {
  if (n.withClause) throw featureNotSupported(`WITH in ${op} on a view with INSTEAD OF triggers`);
  const ncols = rel.columns.length;
  const ret = returningOf(session, rel, n, sql);
  fireBeforeStatement(session, rel, op);
  const out: Row[] = [];
  let count = 0;
  const emit = (ctx: ReturnType<typeof makeExecContext>, oldVals: Value[] | undefined, newVals: Value[] | undefined) => {
    const r = fireBeforeRow(session, ctx, rel, op, oldVals, newVals, undefined, 'instead');
    if (!r) return;
    count++;
    if (ret) {
      const row: Row = new Array(ret.width).fill(null);
      for (let i = 0; i < ncols; i++) row[i] = r[i] ?? null;
      row[ncols] = true;
      fillOldNew(row, ret.layout, ret.oldNew, ncols, oldVals, op === 'DELETE' ? undefined : r);
      out.push(ret.exprs.map((f) => f(row, ctx)));
    }
  };
  if (op === 'INSERT') {
    const cols = n.cols ? (n.cols as AnyNode[]).map((c) => {
      const col = rel.columns.find((x) => x.name === c.ResTarget.name && !x.dropped);
      if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${c.ResTarget.name}" of relation "${rel.name}" does not exist`);
      return col.attnum;
    }) : rel.columns.filter((c) => !c.dropped).map((c) => c.attnum);
    const sel = n.selectStmt?.SelectStmt;
    if (!sel) {
      const ctx = makeExecContext(session, []);
      emit(ctx, undefined, new Array<Value>(ncols).fill(null));
    } else {
      const q = runQuery(session, sel, sql, paramTypes, params, true);
      for (const r of q.rows) {
        const values = new Array<Value>(ncols).fill(null);
        cols.forEach((a, i) => {
          if (i < r.length) values[a - 1] = toColumn(session, rel, a, r[i] ?? null, q.exprs[i].type, q);
        });
        emit(q.ctx, undefined, values);
      }
    }
  } else {
    const live = rel.columns.filter((c) => !c.dropped);
    const targets: AnyNode[] = rel.columns.map((c) => ({ ResTarget: { val: c.dropped ? { A_Const: { isnull: true } } : colRef(c.name) } }));
    const sets: number[] = [];
    if (op === 'UPDATE') {
      for (const t of n.targetList as AnyNode[]) {
        const rt = t.ResTarget;
        if (rt.indirection || Object.keys(rt.val)[0] === 'MultiAssignRef') throw featureNotSupported('UPDATE SET of this form on a view with INSTEAD OF triggers');
        const col = live.find((c) => c.name === rt.name);
        if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${rt.name}" of relation "${rel.name}" does not exist`);
        sets.push(col.attnum);
        targets.push({ ResTarget: { val: rt.val } });
      }
    }
    const from = [{ RangeVar: n.relation }, ...((op === 'UPDATE' ? n.fromClause : n.usingClause) ?? [])];
    const q = runQuery(session, { targetList: targets, fromClause: from, whereClause: n.whereClause, op: 'SETOP_NONE', limitOption: 'LIMIT_OPTION_DEFAULT' }, sql, paramTypes, params, true);
    const seen = new Set<string>();
    for (const r of q.rows) {
      const oldVals = r.slice(0, ncols);
      const key = JSON.stringify(oldVals, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
      if (seen.has(key)) continue;
      seen.add(key);
      if (op === 'DELETE') {
        emit(q.ctx, oldVals, undefined);
        continue;
      }
      const newVals = [...oldVals];
      sets.forEach((a, i) => {
        newVals[a - 1] = toColumn(session, rel, a, r[ncols + i] ?? null, q.exprs[ncols + i].type, q);
      });
      emit(q.ctx, oldVals, newVals);
    }
  }
  for (const t of triggersFor(session.catalog(), rel.oid, 'after', 'statement', op)) {
    const fn = session.catalog().functions.get(t.function);
    if (fn) triggerRunner()(session, fn, { trigger: t, rel, when: 'AFTER', level: 'STATEMENT', op });
  }
  return { command: op, rowCount: count, fields: ret?.fields ?? [], rows: out, oid: 0 };
}
