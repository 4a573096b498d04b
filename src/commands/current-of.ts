/**
 * `UPDATE / DELETE ... WHERE CURRENT OF cursor`: the row version the cursor is positioned on.
 * At DECLARE, a cursor that could serve it records, with each row it computes, the ctid of the
 * row it read from each table it can name: for a cursor without FOR UPDATE / SHARE, its one
 * table when the query is a simple scan of it (no join, grouping, aggregate, DISTINCT, set
 * operation or sort step); for a FOR UPDATE / SHARE cursor, each locked table. The statement
 * then reads only the version with the cursor's current ctid (none if it has been changed since,
 * as Postgres's TID scan finds it invisible).
 *
 * Postgres counterpart: execCurrentOf in src/backend/executor/execCurrent.c, transformCurrentOfExpr
 * in parse_expr.c (a PL/pgSQL refcursor variable names the cursor).
 * A row read through an inheritance parent is named by its ctid and its table (tableoid).
 * Known gaps: some cursors PL/pgSQL opens do not record positions (0A000); partitioned tables are
 * not simply updatable scans here; UPDATE / DELETE of an
 * inheritance child WHERE CURRENT OF a cursor over its parent does not find the row.
 */
import type { RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr, ExprRuntime } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import type { FunctionImpl } from '../functions/registry.js';
import type { ParseState } from '../analyze/parse-state.js';
import { compileExpr } from '../executor/expr/compile.js';
import { OID } from '../types/oids.js';
import type { Value } from '../types/values.js';
import { cursorsOf, type Cursor } from '../session/cursors.js';
import type { ExecContext, Row } from '../executor/context.js';
import { systemColumnInfo } from '../analyze/system-columns.js';
import { makeTid } from '../types/xact-types.js';

type AnyNode = Record<string, any>;

/** What a cursor recorded for WHERE CURRENT OF. */
export interface CursorPositions {
  /** 'scan': no FOR UPDATE / SHARE (a simply updatable scan, or none); 'locking': FOR UPDATE / SHARE. */
  readonly mode: 'scan' | 'locking';
  /**
   * Per table it can name: the table, and the ctid per row (by row index), with the table the
   * row came from (an inheritance child's row read through its parent: each heap has its own ctids).
   */
  readonly targets: { readonly relOid: number; readonly ctids: Value[]; readonly tables: Value[] }[];
}

const positions = new WeakMap<Cursor, CursorPositions>();

/** Records a cursor's positions (DECLARE). */
export function setCursorPositions(c: Cursor, p: CursorPositions): void {
  positions.set(c, p);
}

function hasNode(x: unknown, kind: string, seen = new Set<object>()): boolean {
  if (!x || typeof x !== 'object' || seen.has(x)) return false;
  seen.add(x);
  if (Array.isArray(x)) return x.some((y) => hasNode(y, kind, seen));
  const o = x as Record<string, unknown>;
  if (o.kind === kind) return true;
  for (const [k, v] of Object.entries(o)) if (k !== 'fn' && k !== 'rel' && k !== 'index' && k !== 'compare' && typeof v === 'object' && hasNode(v, kind, seen)) return true;
  return false;
}

/**
 * The tables (range entries) whose ctid a cursor over `q` records, and the mode. Undefined
 * targets: none can be named.
 */
export function cursorTargets(q: Query, plan: unknown): { mode: 'scan' | 'locking'; rtis: number[] } {
  if (q.locking?.length) {
    const rtis = new Set<number>();
    for (const l of q.locking) for (const rti of l.rtis) {
      const rte = q.rtable[rti];
      if (rte?.kind === 'relation' && rte.rel.kind === 'r') rtis.add(rti);
    }
    return { mode: 'locking', rtis: [...rtis] };
  }
  const simple =
    !q.setOp && !q.hasAggs && !q.groupBy.length && !q.groupingSets && !q.distinct && !q.distinctOn && !q.windowFuncs?.length &&
    q.fromList.length === 1 && q.fromList[0].kind === 'RangeTblRef';
  if (!simple) return { mode: 'scan', rtis: [] };
  const rti = (q.fromList[0] as { rti: number }).rti;
  const rte = q.rtable[rti];
  if (rte?.kind !== 'relation' || rte.rel.kind !== 'r') return { mode: 'scan', rtis: [] };
  // A sort step (rather than an ordered index scan) hides the scan, as in Postgres.
  if (q.sortBy.length && hasNode(plan, 'Sort')) return { mode: 'scan', rtis: [] };
  return { mode: 'scan', rtis: [rti] };
}

/** The raw SELECT with `refname.ctid, refname.tableoid` appended for each of `refnames` (as the last output columns). */
export function withCtidColumns(sel: AnyNode, refnames: string[]): AnyNode {
  const col = (r: string, c: string, name: string) => ({ ResTarget: { name, val: { ColumnRef: { fields: [{ String: { sval: r } }, { String: { sval: c } }], location: -1 } }, location: -1 } });
  const extra = refnames.flatMap((r, i) => [col(r, 'ctid', `\u0000ctid${i}`), col(r, 'tableoid', `\u0000toid${i}`)]);
  return { ...sel, targetList: [...(sel.targetList ?? []), ...extra] };
}

/** Splits rows computed with the extra ctid columns: the output rows, and the ctids per table. */
export function splitCtidColumns(rows: Row[], width: number, relOids: number[]): { rows: Row[]; targets: CursorPositions['targets'] } {
  const targets = relOids.map((relOid) => ({ relOid, ctids: [] as Value[], tables: [] as Value[] }));
  const out = rows.map((r) => {
    targets.forEach((t, i) => {
      t.ctids.push(r[width + 2 * i] ?? null);
      t.tables.push(r[width + 2 * i + 1] ?? null);
    });
    return r.slice(0, width);
  });
  return { rows: out, targets };
}

function invalidState(message: string): PgError {
  return new PgError(SQLSTATE.invalid_cursor_state, message);
}

/**
 * The ctid of the row `cursorName` is positioned on, for table `rel`; null when the cursor's
 * current row did not come from it (nothing to change). Raises Postgres's errors.
 */
export function currentOfCtid(session: object, cursorName: string, rel: RelationDef): { ctid: Value; table: Value } {
  const c = cursorsOf(session).map.get(cursorName);
  if (!c) throw new PgError(SQLSTATE.invalid_cursor_name, `cursor "${cursorName}" does not exist`);
  if (c.txn === undefined) throw invalidState(`cursor "${cursorName}" is held from a previous transaction`);
  const p = positions.get(c);
  if (!p) throw featureNotSupported('WHERE CURRENT OF a cursor opened by PL/pgSQL');
  const matching = p.targets.filter((t) => t.relOid === rel.oid);
  if (p.mode === 'locking') {
    if (matching.length > 1) throw invalidState(`cursor "${cursorName}" has multiple FOR UPDATE/SHARE references to table "${rel.name}"`);
    if (!matching.length) throw invalidState(`cursor "${cursorName}" does not have a FOR UPDATE/SHARE reference to table "${rel.name}"`);
  } else if (!matching.length) {
    throw invalidState(`cursor "${cursorName}" is not a simply updatable scan of table "${rel.name}"`);
  }
  if (c.pos < 1 || c.pos > c.rows.length) throw invalidState(`cursor "${cursorName}" is not positioned on a row`);
  return { ctid: matching[0].ctids[c.pos - 1] ?? null, table: matching[0].tables[c.pos - 1] ?? null };
}

/** True when `node` (a raw WHERE) is CURRENT OF. */
export function isCurrentOf(node: AnyNode | undefined): boolean {
  return !!node?.CurrentOfExpr;
}

/**
 * WHERE CURRENT OF as a filter on the target's ctid: the cursor is looked up once per execution
 * (`start`, which raises the cursor errors even when the table is empty), then each row's ctid is
 * compared with the cursor's current one.
 */
/**
 * The ctid of the newest version of the row at `ctid` (Postgres's TID scan for CURRENT OF
 * follows the update chain: heap_get_latest_tid), or `ctid` itself.
 */
function latestVersion(ctx: ExecContext, parent: RelationDef, pos: { ctid: Value; table: Value }): Value {
  const ctid = pos.ctid;
  if (ctid === null) return null;
  const rel = pos.table === null || Number(pos.table) === parent.oid ? parent : ctx.txn.catalog.relations.get(Number(pos.table));
  if (!rel) return null;
  const aborted = ctx.txn.status.aborted;
  const per = systemColumnInfo(ctx.txn.catalog, rel).perPage;
  const c = Number(ctid);
  let tid = Math.floor(c / 65536) * per + (c % 65536);
  const heap = ctx.txn.heap(rel);
  let t = heap.get(tid);
  if (!t) return ctid;
  // (a version whose update was rolled back is still the newest one)
  while (t.next !== undefined && t.xmax !== 0 && !t.lockOnly && !aborted.has(t.xmax)) {
    const n = heap.get(t.next);
    if (!n) break;
    t = n;
    tid = n.tid;
  }
  return makeTid(Math.floor((tid - 1) / per), ((tid - 1) % per) + 1);
}

export function transformCurrentOf(ps: ParseState, node: AnyNode, rel: RelationDef, ctidVar: Expr, tableVar: Expr): { where: Expr; start: (rt: ExprRuntime & { session: object }) => void } {
  const b = node.CurrentOfExpr;
  const name = b.cursor_name as string;
  // A PL/pgSQL refcursor variable of that name names the cursor by its value.
  let param: Expr | undefined;
  const hook = ps.stmt.columnRefHook;
  if (hook) {
    const v = hook.resolve(ps, [name], undefined);
    if (v && (v.type === OID.refcursor || v.type === OID.text) && v.kind === 'Param') param = v;
  }
  const holder: { tid: Value; table: Value } = { tid: null, table: null };
  const args: Expr[] = [ctidVar, tableVar];
  if (param) args.push(param);
  const fn: FunctionImpl = {
    name: 'current_of',
    argTypes: args.map((a) => a.type),
    returnType: OID.bool,
    strict: false,
    volatility: 'v',
    fn: (vals: Value[]) => holder.tid !== null && vals[0] !== null && String(vals[0]) === String(holder.tid) && (holder.table === null || Number(vals[1]) === Number(holder.table)),
  } as FunctionImpl;
  const where: Expr = { kind: 'FuncExpr', name: 'current_of', fn, args, type: OID.bool, typmod: -1 } as Expr;
  const paramValue = param ? compileExpr(param, { depth: 0, offsets: [] }) : undefined;
  return {
    where,
    start(rt) {
      let cursorName = name;
      if (paramValue) {
        const v = paramValue([], rt as never);
        if (v === null) throw new PgError(SQLSTATE.invalid_parameter_value, 'cursor variable is null');
        cursorName = String(v);
      }
      const p = currentOfCtid(rt.session, cursorName, rel);
      holder.table = p.table;
      holder.tid = latestVersion(rt as unknown as ExecContext, rel, p);
    },
  };
}

