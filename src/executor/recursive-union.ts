/**
 * WITH RECURSIVE execution: RecursiveUnion iterates the recursive term over a working table until
 * it yields no new rows; WorkTableScan is the recursive term's self-reference; SharedCteScan lets
 * every reader of a recursive WITH query pull its rows lazily from one shared run, so an outer
 * LIMIT stops an otherwise endless recursion (as in Postgres, whose CTE scans share a tuplestore).
 * Postgres counterpart: src/backend/executor/nodeRecursiveunion.c, nodeWorktablescan.c, nodeCtescan.c.
 * Known gaps: no cycle detection beyond UNION's duplicate elimination (as in Postgres).
 */
import type { Value } from '../types/values.js';
import type { ExecContext, Row } from './context.js';
import type { Plan } from './scan.js';
import { rowKey } from './sort-limit.js';
import { pullShared, type SharedRun } from './misc-nodes.js';

const workTableKeys = new WeakMap<object, object>();

/** The per-execution cache key of the working table of recursive query `q` (the CTE's query). */
export function workTableKey(q: object): object {
  let k = workTableKeys.get(q);
  if (!k) {
    k = {};
    workTableKeys.set(q, k);
  }
  return k;
}

/** Collects the plan nodes under `p` (their per-execution cache entries are reset each iteration). */
function planNodes(p: unknown, out: Set<object>): Set<object> {
  if (!p || typeof p !== 'object' || out.has(p)) return out;
  if (Array.isArray(p)) {
    for (const x of p) planNodes(x, out);
    return out;
  }
  const o = p as Record<string, unknown>;
  if (typeof o.kind !== 'string' || typeof o.run !== 'function') return out;
  out.add(o);
  // WITH queries scanned in the recursive term (they may read the working table) run again each round.
  if (o.cacheKey && typeof o.cacheKey === 'object') out.add(o.cacheKey);
  for (const v of Object.values(o)) if (v && typeof v === 'object') planNodes(v, out);
  return out;
}

/** Non-recursive term, then the recursive term over the rows of the previous round. */
export class RecursiveUnion implements Plan {
  readonly kind = 'RecursiveUnion';
  private nodes?: Set<object>;
  constructor(
    readonly all: boolean,
    readonly nonRecursive: Plan,
    readonly recursive: Plan,
    readonly width: number,
    readonly keyFns: readonly ((v: Value) => unknown)[],
    readonly workTable: object,
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const seen = this.all ? undefined : new Set<unknown>();
    const fresh = (r: Row): Row | undefined => {
      const row = r.slice(0, this.width);
      if (seen) {
        const k = rowKey(row, this.keyFns);
        if (seen.has(k)) return undefined;
        seen.add(k);
      }
      return row;
    };
    let working: Row[] = [];
    for (const r of this.nonRecursive.run(ctx, base)) {
      const row = fresh(r);
      if (!row) continue;
      working.push(row);
      yield row;
    }
    this.nodes ??= planNodes(this.recursive, new Set());
    while (working.length) {
      // Materialized inner sides of the recursive term depend on the working table: recompute.
      for (const n of this.nodes) ctx.cache.delete(n);
      ctx.cache.set(this.workTable, working);
      const next: Row[] = [];
      for (const r of this.recursive.run(ctx, base)) {
        const row = fresh(r);
        if (!row) continue;
        next.push(row);
        yield row;
      }
      working = next;
    }
  }
}

/** The recursive term's self-reference: the rows of the previous round, placed at `offset`. */
export class WorkTableScan implements Plan {
  readonly kind = 'WorkTableScan';
  constructor(
    readonly workTable: object,
    readonly offset: number,
    readonly ncols: number,
    readonly width: number,
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const rows = (ctx.cache.get(this.workTable) as Row[] | undefined) ?? [];
    const src = base ?? new Array(this.width);
    for (const r of rows) {
      const row = src.slice();
      for (let i = 0; i < this.ncols; i++) row[this.offset + i] = r[i];
      yield row;
    }
  }
}

/** A reference to a recursive WITH query: rows pulled on demand from one run shared by all readers. */
export class SharedCteScan implements Plan {
  readonly kind = 'SharedCteScan';
  constructor(
    readonly sub: { run(ctx: ExecContext, row: Row): Iterable<Row> },
    readonly cacheKey: object,
    readonly offset: number,
    readonly ncols: number,
    readonly width: number,
    /** False when the WITH query reads outer columns: then every scan runs it afresh, to the end. */
    readonly shareable = true,
  ) {}
  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const src = base ?? new Array(this.width);
    let shared = this.shareable ? (ctx.cache.get(this.cacheKey) as SharedRun | undefined) : undefined;
    if (!this.shareable) {
      // Run to completion before yielding: two lazy runs of one plan would share its working table.
      shared = { rows: [...this.sub.run(ctx, src)] };
    } else if (!shared) {
      shared = { rows: [], iter: this.sub.run(ctx, src)[Symbol.iterator]() };
      ctx.cache.set(this.cacheKey, shared);
    }
    for (const r of pullShared(shared)) {
      const row = src.slice();
      for (let c = 0; c < this.ncols; c++) row[this.offset + c] = r[c];
      yield row;
    }
  }
}
