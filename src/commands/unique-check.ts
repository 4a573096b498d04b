/**
 * Index maintenance on insert/update, with the uniqueness check Postgres's b-tree performs:
 * another live (or not yet committed) version with an equal key is a 23505, with Postgres's
 * `Key (cols)=(vals) already exists.` detail. NULLs never conflict unless NULLS NOT DISTINCT.
 * Postgres counterpart: src/backend/access/nbtree/nbtinsert.c (_bt_check_unique), executor/execIndexing.c.
 */
import { keyValuesVisible } from '../rewrite/row-security.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ExecContext } from '../executor/context.js';
import type { Tuple } from '../storage/heap.js';
import type { Value } from '../types/values.js';
import { typeInfo } from '../types/registry.js';
import { indexKeyFunction } from './index-keys.js';
import { compileExpr } from '../executor/expr/compile.js';
import { waitForXid } from '../executor/row-lock.js';
import { checkExclusion, findExclusionConflict } from './exclusion.js';
import { checkWithoutOverlapsNotEmpty } from './temporal-key.js';
import { indexDef } from '../catalog/ruleutils/indexdef.js';
import type { SessionContext } from '../session/session-context.js';

/**
 * Whether a version blocks a unique insert: Postgres's SnapshotDirty view of it. A version another
 * transaction in progress inserted or deletes makes the inserter wait for that transaction
 * (StatementBlocked), then decide again, as _bt_check_unique does.
 */
export function liveForUniqueness(ctx: ExecContext, t: Tuple): boolean {
  const txn = ctx.txn;
  const own = txn.own().xids;
  const st = txn.status;
  if (st.isAborted(t.xmin)) return false;
  if (!own.has(t.xmin) && st.isInProgress(t.xmin)) throw waitForXid(st, t.xmin);
  if (t.xmax === 0 || t.lockOnly) return true;
  if (own.has(t.xmax)) return false;
  if (st.isAborted(t.xmax)) return true;
  if (st.isInProgress(t.xmax)) throw waitForXid(st, t.xmax);
  return false;
}

const predicateCache = new WeakMap<RelationDef, (values: Value[], ctx: ExecContext) => boolean>();
function predicateOf(idx: RelationDef): ((values: Value[], ctx: ExecContext) => boolean) | undefined {
  const p = idx.index?.predicate;
  if (!p) return undefined;
  let f = predicateCache.get(idx);
  if (!f) {
    const c = compileExpr(p.expr, { depth: 0, offsets: [0] });
    f = (values, ctx) => c(values, ctx) === true;
    predicateCache.set(idx, f);
  }
  return f;
}

/** Whether a row (all columns) satisfies the index's predicate (true without one). */
export function predicateHolds(idx: RelationDef, values: Value[], ctx: ExecContext): boolean {
  const p = predicateOf(idx);
  return !p || p(values, ctx);
}

/** Adds the index entry for a new row version, checking uniqueness first. */
export function insertIndexEntry(ctx: ExecContext, cat: Catalog, table: RelationDef, idx: RelationDef, values: readonly Value[], tid: number, isBuild = false): void {
  const info = idx.index!;
  const full = values.length === table.columns.length ? (values as Value[]) : table.columns.map((c, i) => (values[i] === undefined ? (c.missing ?? null) : values[i]));
  const pred = predicateOf(idx);
  if (pred && !pred(full, ctx)) return;
  const key = indexKeyFunction(idx)(full, ctx);
  const store = ctx.txn.index(idx);
  if (info.exclusion) {
    // WITHOUT OVERLAPS (a unique exclusion index) refuses an empty range first, even when the check itself is deferred.
    if (info.unique && key[key.length - 1] !== null) checkWithoutOverlapsNotEmpty(table, info, key);
    // An index build checks every row once all are in (defineIndex); DEFERRABLE ones at statement end or commit.
    const con = info.constraint !== undefined && !isBuild ? cat.constraints.get(info.constraint) : undefined;
    if (con?.deferrable) {
      // As Postgres, only a row that conflicts now gets a recheck queued (execIndexing.c, noDupErr).
      if (findExclusionConflict(ctx, cat, table, idx, key, tid)) ctx.txn.noteUniqueRecheck({ kind: 'unique', con, table, idx, tid, key });
      store.insert(key, tid);
      return;
    }
    if (!isBuild) checkExclusion(ctx, cat, table, idx, key, tid, false);
    store.insert(key, tid);
    return;
  }
  if (info.unique && (info.nullsNotDistinct || key.every((k) => k !== null))) {
    // A DEFERRABLE unique key is checked at the end of the statement or at commit instead.
    const con = info.constraint !== undefined && !isBuild ? cat.constraints.get(info.constraint) : undefined;
    if (con?.deferrable) {
      store.insert(key, tid);
      ctx.txn.noteUniqueRecheck({ kind: 'unique', con, table, idx, tid, key });
      return;
    }
    const heap = ctx.txn.heap(table);
    const others = store.lookup(key);
    for (const otherTid of others) {
      if (otherTid === tid) continue;
      const t = heap.get(otherTid);
      if (!t || !liveForUniqueness(ctx, t)) continue;
      // An equal key in the index: the key columns compare equal by construction.
      throw uniqueViolation(cat, table, idx, key, isBuild, ctx);
    }
    // Many dead versions under one key (a hot row): have them pruned when the transaction ends.
    if (others.length > 32) ctx.txn.notePruneHint?.(heap, store, key);
  }
  store.insert(key, tid);
}

/**
 * The deferred check of a DEFERRABLE unique key: if the version written is still live, no other
 * live version may have the same key (Postgres's unique_key_recheck).
 */
export function recheckUnique(ctx: ExecContext, cat: Catalog, c: { table: RelationDef; idx: RelationDef; tid: number; key: readonly Value[] }): void {
  const heap = ctx.txn.heap(c.table);
  const t = heap.get(c.tid);
  if (!t || !liveForUniqueness(ctx, t)) return;
  if (c.idx.index?.exclusion) {
    checkExclusion(ctx, cat, c.table, c.idx, c.key, c.tid, false);
    return;
  }
  for (const otherTid of ctx.txn.index(c.idx).lookup(c.key as Value[])) {
    if (otherTid === c.tid) continue;
    const o = heap.get(otherTid);
    if (o && liveForUniqueness(ctx, o)) throw uniqueViolation(cat, c.table, c.idx, [...c.key], false, ctx);
  }
}

export function uniqueViolation(cat: Catalog, table: RelationDef, idx: RelationDef, key: Value[], isBuild: boolean, ctx?: ExecContext): PgError {
  const info = idx.index!;
  // (no DETAIL when the user may not see the key: row-level security, or no SELECT on it)
  const shown = !ctx || keyValuesVisible(ctx.session, cat, table, info.keys.map((k) => k.attnum));
  const session = ctx?.session;
  const cols = info.keys.map((k, i) => (k.attnum ? quoteColumn(table.columns[k.attnum - 1].name) : session ? indexDef(cat, session, idx, i + 1) : (k.expr?.text ?? 'expr')));
  const vals = info.keys.map((k, i) => {
    const v = key[i];
    if (v === null) return 'null';
    const type = k.attnum ? table.columns[k.attnum - 1].type : (k.expr?.expr.type as number);
    return typeInfo(cat, type).io.output(v, { timeZone: 'UTC', dateStyle: 'ISO, MDY', intervalStyle: 'postgres', extraFloatDigits: 1, byteaOutput: 'hex' });
  });
  const conName = info.constraint !== undefined ? (cat.constraints.get(info.constraint)?.name ?? idx.name) : idx.name;
  if (isBuild) {
    return new PgError(SQLSTATE.unique_violation, `could not create unique index "${idx.name}"`, {
      ...(shown ? { detail: `Key (${cols.join(', ')})=(${vals.join(', ')}) is duplicated.` } : {}),
      schema: cat.namespaceName(table.namespace),
      table: table.name,
      constraint: idx.name,
    });
  }
  return new PgError(SQLSTATE.unique_violation, `duplicate key value violates unique constraint "${conName}"`, {
    ...(shown ? { detail: `Key (${cols.join(', ')})=(${vals.join(', ')}) already exists.` } : {}),
    schema: cat.namespaceName(table.namespace),
    table: table.name,
    constraint: conName,
  });
}

function quoteColumn(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"';
}
