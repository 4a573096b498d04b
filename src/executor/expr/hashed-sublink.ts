/**
 * Hashed sublinks: `x IN (SELECT ...)` / `x = ANY (SELECT ...)` over an uncorrelated subquery
 * looks its left side up in a hash table of the subquery's rows, and a correlated EXISTS split by
 * plan/sublink-hashing.ts looks the outer key up in a hash table of the uncorrelated rest of its
 * subquery, instead of comparing against every row for every outer row.
 *
 * Postgres counterpart: src/backend/executor/nodeSubplan.c (ExecHashSubPlan, buildSubPlanHash:
 * one table of rows without NULLs, and the rows with NULLs kept apart for the NULL answers).
 *
 * EXISTS is adaptive, where Postgres decides by estimated cost: each outer row still runs the
 * per-row subquery (cheap with an index) while the hash table is built in the background, one
 * slice per outer row taking at most BUILD_SHARE of the time that row's subquery took. Once the
 * table is complete, lookups replace the subquery. A statement over few outer rows thus pays at
 * most BUILD_SHARE more than the per-row plan; one over many rows runs in O(outer + inner).
 *
 * An error while building (say a division by zero in a row no outer row matches) abandons the
 * table, so the statement raises only errors of the rows the per-row subquery reads. Postgres
 * raises such an error whenever its cost model picks a hashed subplan or a hash semi-join, which
 * fauxgres does not mimic: it never raises an error the per-row plan would not.
 */
import type { Value } from '../../types/values.js';
import type { ExecContext, Row } from '../context.js';
import { hashKeyOf } from '../join.js';

type CExpr = (row: Row, ctx: ExecContext) => Value;
type KeyFn = (v: Value) => unknown;

/** Share of a per-row EXISTS subquery's time spent building the hash table alongside it. */
const BUILD_SHARE = 0.5;

/** The hash key of a subquery row's first `keyFns.length` columns; undefined when one is NULL. */
function rowKey(r: Row, keyFns: readonly KeyFn[]): unknown {
  if (keyFns.length === 1) {
    const v = r[0];
    return v === null ? undefined : keyFns[0](v);
  }
  return hashKeyOf(r.slice(0, keyFns.length), keyFns);
}

/** The rows of an uncorrelated ANY subquery, hashed: full rows by key, rows with NULLs apart. */
export interface AnyHash {
  readonly keys: Set<unknown>;
  readonly rowsWithNull: Row[];
}

/** Hashes the rows of an uncorrelated `= ANY` subquery (see AnyHash). */
export function buildAnyHash(rows: readonly Row[], keyFns: readonly KeyFn[]): AnyHash {
  const keys = new Set<unknown>();
  const rowsWithNull: Row[] = [];
  for (const r of rows) {
    const k = rowKey(r, keyFns);
    if (k === undefined) rowsWithNull.push(r);
    else keys.add(k);
  }
  return { keys, rowsWithNull };
}

/**
 * The correlated conditions of an EXISTS other than its hashed equalities: `test` reads the inner
 * row as its own level's row and the outer row from `ctx.levelRows[depth]`.
 */
export interface ExistsResidual {
  readonly test: CExpr;
  readonly depth: number;
}

/** Per-execution state of a hashed EXISTS. */
interface ExistsHashState {
  /** The inner rows' keys; with a residual, the rows of each key. */
  readonly keys: Map<unknown, Row[]> | Set<unknown>;
  rows: Iterator<Row> | undefined;
  /** 'building' until the subquery is exhausted; 'abandoned' after an error while building. */
  phase: 'building' | 'done' | 'abandoned';
  /** Build time earned by per-row subqueries and not spent yet, ms. */
  credit: number;
}

/**
 * A correlated EXISTS answered per row by `probe` until the hash table of `inner` (the
 * uncorrelated rest of the subquery, yielding the inner key sides and the columns `residual`
 * reads) is complete, then by looking the row's `outerKeys` up in it: true when some inner row of
 * that key passes the residual (any row, without one).
 */
export function adaptiveHashedExists(
  probe: (row: Row, ctx: ExecContext) => boolean,
  inner: { run(ctx: ExecContext, row: Row): Iterable<Row> },
  outerKeys: readonly CExpr[],
  keyFns: readonly KeyFn[],
  residual?: ExistsResidual,
): (row: Row, ctx: ExecContext) => boolean {
  const token = {};
  const single = outerKeys.length === 1;
  return (row, ctx) => {
    let st = ctx.cache.get(token) as ExistsHashState | undefined;
    if (st === undefined) {
      st = { keys: residual ? new Map() : new Set(), rows: undefined, phase: 'building', credit: 0 };
      ctx.cache.set(token, st);
    }
    if (st.phase === 'done') {
      let key: unknown;
      if (single) {
        const v = outerKeys[0](row, ctx);
        key = v === null ? undefined : keyFns[0](v);
      } else {
        key = hashKeyOf(outerKeys.map((k) => k(row, ctx)), keyFns);
      }
      if (key === undefined) return false;
      if (!residual) return st.keys.has(key);
      const bucket = (st.keys as Map<unknown, Row[]>).get(key);
      return bucket !== undefined && passesResidual(bucket, residual, row, ctx);
    }
    if (st.phase === 'abandoned') return probe(row, ctx);
    const t0 = performance.now();
    const found = probe(row, ctx);
    const t1 = performance.now();
    st.credit += (t1 - t0) * BUILD_SHARE;
    buildSlice(st, inner, ctx, keyFns, t1);
    return found;
  };
}

/** Whether one of `rows` passes the residual against the outer row `outer`. */
function passesResidual(rows: readonly Row[], residual: ExistsResidual, outer: Row, ctx: ExecContext): boolean {
  const saved = ctx.levelRows[residual.depth];
  ctx.levelRows[residual.depth] = outer;
  try {
    for (const r of rows) if (residual.test(r, ctx) === true) return true;
    return false;
  } finally {
    ctx.levelRows[residual.depth] = saved;
  }
}

/** Adds subquery rows to the table for as long as the state's credit lasts. */
function buildSlice(st: ExistsHashState, inner: { run(ctx: ExecContext, row: Row): Iterable<Row> }, ctx: ExecContext, keyFns: readonly KeyFn[], start: number): void {
  const until = start + st.credit;
  let n = 0;
  try {
    st.rows ??= inner.run(ctx, [])[Symbol.iterator]();
    for (;;) {
      const next = st.rows.next();
      if (next.done) {
        st.phase = 'done';
        st.rows = undefined;
        return;
      }
      const k = rowKey(next.value, keyFns);
      if (k !== undefined) {
        if (st.keys instanceof Set) st.keys.add(k);
        else {
          const bucket = st.keys.get(k);
          if (bucket) bucket.push(next.value);
          else st.keys.set(k, [next.value]);
        }
      }
      if ((++n & 31) === 0 && performance.now() >= until) break;
    }
  } catch {
    // The per-row subquery may never reach the row that failed: keep answering per row.
    st.phase = 'abandoned';
    st.rows = undefined;
    st.keys.clear();
    return;
  }
  st.credit -= performance.now() - start;
}
