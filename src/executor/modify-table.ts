/**
 * Row-level write primitives shared by INSERT, UPDATE, DELETE and the referential actions:
 * completing a new row (defaults, identity, generated columns), the NOT NULL / CHECK tests in
 * Postgres's order, heap and index writes, and the end-of-statement queue of foreign-key events.
 * Postgres counterpart: src/backend/executor/nodeModifyTable.c, execMain.c (ExecConstraints),
 * execIndexing.c.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ConstraintDef, RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Tuple } from '../storage/heap.js';
import { typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { ExecContext } from './context.js';
import { compileExpr, type CExpr } from './expr/compile.js';
import { insertIndexEntry } from '../commands/unique-check.js';
import { checkConstraintsOf, indexesOf } from '../catalog/relation-cache.js';

const TABLE_LAYOUT = { depth: 0, offsets: [0] };
const compiledCache = new WeakMap<object, CExpr>();

/** Compiles a stored expression over a table row (values by attnum - 1). */
export function compileStored(e: { expr: import('../nodes/primnodes.js').Expr }): CExpr {
  let c = compiledCache.get(e);
  if (!c) {
    c = compileExpr(e.expr, TABLE_LAYOUT);
    compiledCache.set(e, c);
  }
  return c;
}

/** Foreign-key work queued until the end of the statement (Postgres's RI after-triggers). */
export type RiEvent =
  | { kind: 'check'; fk: ConstraintDef; table: RelationDef; tuple: Tuple }
  | { kind: 'ref-delete'; fk: ConstraintDef; table: RelationDef; old: readonly Value[] }
  | { kind: 'ref-update'; fk: ConstraintDef; table: RelationDef; old: readonly Value[]; now: readonly Value[] };

export class ModifyState {
  readonly queue: RiEvent[] = [];
  /** Tids written by this statement per relation (to skip rows updated twice by joins). */
  readonly touched = new Map<number, Set<number>>();
  constructor(
    readonly ctx: ExecContext,
    readonly cat: Catalog,
  ) {}
}

/** The text Postgres prints in `Failing row contains (...)`. */
export function failingRow(ctx: ExecContext, cat: Catalog, rel: RelationDef, values: readonly Value[]): string {
  const parts: string[] = [];
  for (const c of rel.columns) {
    if (c.dropped) continue;
    if (c.generated?.kind === 'v') {
      parts.push('virtual');
      continue;
    }
    const v = values[c.attnum - 1];
    parts.push(v === null || v === undefined ? 'null' : typeInfo(cat, c.type).io.output(v, ctx.session.io));
  }
  return `(${parts.join(', ')})`;
}

/** Computes generated columns (after defaults and BEFORE triggers), in attnum order. */
export function computeGenerated(ctx: ExecContext, rel: RelationDef, values: Value[]): void {
  for (const c of rel.columns) {
    if (c.dropped || !c.generated) continue;
    values[c.attnum - 1] = compileStored(c.generated.expr)(values, ctx);
  }
}

/** NOT NULL, then CHECK constraints in name order (Postgres's ExecConstraints). */
export function checkConstraints(ctx: ExecContext, cat: Catalog, rel: RelationDef, values: Value[]): void {
  const schema = cat.namespaceName(rel.namespace);
  for (const c of rel.columns) {
    if (c.dropped || !c.notNull) continue;
    const v = values[c.attnum - 1];
    if (v === null || v === undefined) {
      throw new PgError(SQLSTATE.not_null_violation, `null value in column "${c.name}" of relation "${rel.name}" violates not-null constraint`, {
        detail: `Failing row contains ${failingRow(ctx, cat, rel, values)}.`,
        schema,
        table: rel.name,
        column: c.name,
      });
    }
  }
  const checks = checkConstraintsOf(cat, rel.oid);
  for (const k of checks) {
    const r = compileStored(k.check!)(values, ctx);
    if (r === false) {
      throw new PgError(SQLSTATE.check_violation, `new row for relation "${rel.name}" violates check constraint "${k.name}"`, {
        detail: `Failing row contains ${failingRow(ctx, cat, rel, values)}.`,
        schema,
        table: rel.name,
        constraint: k.name,
      });
    }
  }
}

/** Writes a new row version and its index entries (unique checks in index OID order). */
export function insertTuple(ms: ModifyState, rel: RelationDef, values: Value[]): Tuple {
  const { ctx, cat } = ms;
  const txn = ctx.txn;
  const t = txn.heap(rel).insert(values, txn.writeXid(), txn.cid);
  txn.markWrite();
  markTouched(ms, rel, t.tid);
  for (const idx of indexesOf(cat, rel.oid)) insertIndexEntry(ctx, cat, rel, idx, values, t.tid);
  return t;
}

export function markTouched(ms: ModifyState, rel: RelationDef, tid: number): void {
  let s = ms.touched.get(rel.oid);
  if (!s) {
    s = new Set();
    ms.touched.set(rel.oid, s);
  }
  s.add(tid);
}

/** Marks a version deleted by this command (returns false if it was already deleted by it). */
export function deleteTuple(ms: ModifyState, rel: RelationDef, t: Tuple): boolean {
  const txn = ms.ctx.txn;
  const heap = txn.heap(rel);
  const cur = heap.get(t.tid) ?? t;
  if (cur.xmax !== 0 && !cur.lockOnly && !ms.ctx.txn.status.isAborted(cur.xmax)) {
    if (txn.own().xids.has(cur.xmax)) return false;
    throw new PgError(SQLSTATE.serialization_failure, 'could not serialize access due to concurrent update');
  }
  heap.replace({ ...cur, xmax: txn.writeXid(), cmax: txn.cid, lockOnly: false });
  txn.markWrite();
  return true;
}

/** Replaces a version with a new one (UPDATE). */
export function updateTuple(ms: ModifyState, rel: RelationDef, t: Tuple, values: Value[]): Tuple | undefined {
  if (!deleteTuple(ms, rel, t)) return undefined;
  const nt = insertTuple(ms, rel, values);
  const heap = ms.ctx.txn.heap(rel);
  const old = heap.get(t.tid);
  if (old) heap.replace({ ...old, next: nt.tid });
  return nt;
}
