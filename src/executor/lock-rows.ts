/**
 * LockRows: SELECT ... FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE. Sits above the sort and
 * below the limit, as in Postgres, so that `ORDER BY ... LIMIT 1 FOR UPDATE SKIP LOCKED` locks
 * one row. Each input row carries the scan's wide row as a trailing column; for every locked
 * relation the row version in it is locked (waiting, NOWAIT or SKIP LOCKED). In READ COMMITTED a
 * row updated by a transaction that committed meanwhile is re-checked (EvalPlanQual): the newest
 * version replaces the old in the wide row, the WHERE clause is evaluated again and the output
 * columns are computed from it.
 *
 * Postgres counterpart: src/backend/executor/nodeLockRows.c, nodeLimit.c.
 * Known gaps: join conditions written in FROM (JOIN ... ON) are not re-checked, only WHERE.
 */
import { ownerOf, toParentLayout, tupleOwner } from './inherit-scan.js';
import { inheritAttrMap } from '../catalog/inheritance.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RelationDef } from '../catalog/objects.js';
import type { Tuple } from '../storage/heap.js';
import type { Value } from '../types/values.js';
import type { RowLockMode } from '../storage/row-locks.js';
import type { ExecContext, Row } from './context.js';
import type { CExpr } from './expr/compile.js';
import { checkRowLock, takeRowLock, type WaitPolicy } from './row-lock.js';
import { fillSlots, type Plan } from './scan.js';
import { LockMode } from '../storage/lock-manager.js';

export interface LockTarget {
  readonly rel: RelationDef;
  /** Offset of the relation's columns in the wide row (its row version follows them). */
  readonly offset: number;
  readonly mode: RowLockMode;
  readonly policy: WaitPolicy;
}

export class LockRows implements Plan {
  readonly kind = 'LockRows';
  constructor(
    /** Rows of `width` output columns followed by the wide scan row. */
    readonly input: Plan,
    readonly width: number,
    readonly targets: readonly LockTarget[],
    /** Output columns over the wide row (to recompute them after a re-check). */
    readonly exprs: readonly CExpr[],
    /** The WHERE clause over the wide row. */
    readonly recheck: CExpr | undefined,
  ) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const { width, targets } = this;
    for (const target of targets) ctx.txn.heap(target.rel, LockMode.RowShare);
    // Locking rows uses the command id, as DML does (the next command gets a new one).
    ctx.txn.markWrite();
    rows: for (const row of this.input.run(ctx, base)) {
      let wide = row[width] as unknown as Row;
      let changed = false;
      for (const target of targets) {
        const n = target.rel.columns.length;
        for (;;) {
          const t = wide[target.offset + n] as unknown as Tuple | null;
          if (!t) break; // the null side of an outer join
          // A row read through an inheritance parent is locked in the child it came from.
          const owner = target.rel.inhChildren?.length ? ownerOf(t, target.rel.oid) : target.rel.oid;
          const rel = owner === target.rel.oid ? target.rel : ctx.txn.catalog.relation(owner);
          ctx.txn.heap(rel, LockMode.RowShare);
          const r = checkRowLock(ctx, rel, t, target.mode, target.policy, false);
          if (r.status === 'ok' || r.status === 'self') {
            takeRowLock(ctx, rel, r.tuple, target.mode, true);
            break;
          }
          if (r.status !== 'updated') continue rows;
          wide = wide.slice();
          if (rel === target.rel) fillSlots(wide, target.offset, r.latest, target.rel);
          else {
            const pv = toParentLayout(inheritAttrMap(target.rel, rel), rel, r.latest.values);
            for (let i = 0; i < n; i++) wide[target.offset + i] = pv[i];
            wide[target.offset + n] = r.latest as unknown as Value;
            tupleOwner.set(r.latest, owner);
          }
          changed = true;
          if (this.recheck && this.recheck(wide, ctx) !== true) continue rows;
        }
      }
      if (!changed) {
        yield row.slice(0, width);
        continue;
      }
      const out: Row = new Array(width);
      for (let i = 0; i < width; i++) out[i] = this.exprs[i](wide, ctx);
      yield out;
    }
  }
}

/** Output columns plus the wide row they came from (for LockRows). */
export class ProjectWithRow implements Plan {
  readonly kind = 'Project';
  constructor(
    readonly input: Plan,
    readonly exprs: readonly CExpr[],
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const exprs = this.exprs;
    const n = exprs.length;
    for (const r of this.input.run(ctx, base)) {
      const out: Row = new Array(n + 1);
      for (let i = 0; i < n; i++) out[i] = exprs[i](r, ctx);
      out[n] = r as never;
      yield out;
    }
  }
}

/** LIMIT / OFFSET that stops reading as soon as it has enough rows (so no extra row gets locked). */
export class LockingLimit implements Plan {
  readonly kind = 'Limit';
  constructor(
    readonly input: Plan,
    readonly limit: CExpr | undefined,
    readonly offset: CExpr | undefined,
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const empty: Row = [];
    let off = 0n;
    const o = this.offset?.(empty, ctx);
    if (o !== undefined && o !== null) {
      off = o as bigint;
      if (off < 0n) throw new PgError(SQLSTATE.invalid_row_count_in_result_offset_clause, 'OFFSET must not be negative');
    }
    let lim: bigint | undefined;
    const l = this.limit?.(empty, ctx);
    if (l !== undefined && l !== null) {
      lim = l as bigint;
      if (lim < 0n) throw new PgError(SQLSTATE.invalid_row_count_in_limit_clause, 'LIMIT must not be negative');
    }
    if (lim === 0n) return;
    let count = 0n;
    for (const r of this.input.run(ctx, base)) {
      if (off > 0n) {
        off--;
        continue;
      }
      yield r;
      count++;
      if (lim !== undefined && count >= lim) return;
    }
  }
}
