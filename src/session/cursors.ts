/**
 * The session's open cursors (portals with a name): SQL DECLARE ... CURSOR and PL/pgSQL OPEN
 * share this registry, so a refcursor a function returns can be fetched with SQL FETCH in the
 * same transaction (and a PL/pgSQL FETCH can read a cursor SQL declared). Rows are computed when
 * the cursor opens; an error met while computing them is kept and raised when a fetch reaches
 * that row, as Postgres raises it when its executor gets there.
 *
 * Lifetime: a cursor ends with its transaction (COMMIT or ROLLBACK), except WITH HOLD cursors,
 * which survive the COMMIT of the transaction that declared them (Postgres materializes them then)
 * and end with the session, with CLOSE, or with the ROLLBACK of the transaction that declared them.
 *
 * Postgres counterpart: src/backend/utils/mmgr/portalmem.c (the portal hash table, AtCommit_Portals,
 * AtAbort_Portals) and src/backend/tcop/pquery.c (PortalRunFetch, DoPortalRunFetch).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Row } from '../executor/context.js';

export interface CursorColumn {
  readonly name: string;
  readonly type: number;
  readonly typmod: number;
}

export interface Cursor {
  readonly name: string;
  readonly rows: Row[];
  readonly cols: readonly CursorColumn[];
  /** RowDescription of FETCH (SQL cursors: the query's, with source table and column). */
  readonly fields?: readonly import('./dispatch.js').ResultField[];
  /** An error the query raised after `rows`: raised when a fetch goes past them. */
  readonly error?: unknown;
  /** 0 before the first row, rows.length + 1 after the last. */
  pos: number;
  /** Backward fetches allowed (SCROLL, or a plan that can run backward). */
  readonly scroll: boolean;
  readonly holdable: boolean;
  readonly binary: boolean;
  /** pg_cursors.statement: the DECLARE text (or the PL/pgSQL query). */
  readonly statement: string;
  /** pg_cursors.creation_time (microseconds since 2000-01-01). */
  readonly created: bigint;
  /** Declared by SQL (pg_cursors lists these; PL/pgSQL cursors too, as Postgres lists all visible portals). */
  readonly fromSql: boolean;
  /** The transaction that opened it, until a commit makes a holdable cursor outlive it. */
  txn: object | undefined;
  /** Opening order (ROLLBACK TO SAVEPOINT drops the cursors opened after the savepoint). */
  seq?: number;
  /** A FETCH / MOVE on it failed: it cannot run again (Postgres's PORTAL_FAILED). */
  failed?: boolean;
}

interface Registry {
  readonly map: Map<string, Cursor>;
  /** For `<unnamed portal N>` names. */
  counter: number;
}

const registries = new WeakMap<object, Registry>();
/** The registry a transaction's cursors are in (for ROLLBACK TO SAVEPOINT). */
const byTxn = new WeakMap<object, Registry>();
let seqCounter = 0;

/** A mark for SAVEPOINT: cursors opened later have a higher `seq`. */
export function cursorMark(): number {
  return seqCounter;
}

/** Registers an opened cursor under its name. */
export function addCursor(session: object, c: Cursor): void {
  const r = cursorsOf(session);
  c.seq = ++seqCounter;
  r.map.set(c.name, c);
  if (c.txn) byTxn.set(c.txn, r);
}

/** ROLLBACK TO SAVEPOINT (or an exception block's rollback): the cursors opened since the mark go. */
export function dropCursorsSince(txn: object, mark: number): void {
  const r = byTxn.get(txn);
  if (!r) return;
  for (const [name, c] of r.map) if (c.txn === txn && (c.seq ?? 0) > mark) r.map.delete(name);
}

/** The open cursors of a session. */
export function cursorsOf(session: object): Registry {
  let r = registries.get(session);
  if (!r) {
    r = { map: new Map(), counter: 0 };
    registries.set(session, r);
  }
  return r;
}

export function noCursor(name: string): PgError {
  return new PgError(SQLSTATE.invalid_cursor_name, `cursor "${name}" does not exist`);
}

export function findCursor(session: object, name: string): Cursor {
  const c = registries.get(session)?.map.get(name);
  if (!c) throw noCursor(name);
  return c;
}

/** At the end of a transaction: COMMIT keeps WITH HOLD cursors, ROLLBACK drops those it declared. */
export function endTransactionCursors(session: object, txn: object, commit: boolean): void {
  const r = registries.get(session);
  if (!r || !r.map.size) return;
  for (const [name, c] of r.map) {
    if (c.txn !== txn) continue;
    if (commit && c.holdable) c.txn = undefined;
    else r.map.delete(name);
  }
}

function forwardOnly(): PgError {
  return new PgError(SQLSTATE.object_not_in_prerequisite_state, 'cursor can only scan forward', { hint: 'Declare it with SCROLL option to enable backward scan.' });
}

export type FetchDirection = 'forward' | 'backward' | 'absolute' | 'relative';

/** The row at 1-based position `pos`, raising the query's error when the rows stop there. */
function rowAt(c: Cursor, pos: number): Row | undefined {
  if (pos >= 1 && pos <= c.rows.length) return c.rows[pos - 1];
  if (pos > c.rows.length && c.error !== undefined) throw c.error;
  return undefined;
}

/** Rows known plus one past them if the query failed there (so the error surfaces). */
function end(c: Cursor): number {
  return c.rows.length + 1;
}

/**
 * FETCH / MOVE: moves the cursor and returns the rows it passes (FETCH returns them, MOVE counts
 * them). `count` is a row count for forward/backward (Infinity for ALL) and a position or offset
 * for absolute/relative. Mirrors DoPortalRunFetch's semantics.
 */
export function fetchCursor(c: Cursor, direction: FetchDirection, count: number, isMove: boolean): { rows: Row[]; count: number } {
  if (direction === 'forward' && count < 0) {
    direction = 'backward';
    count = -count;
  } else if (direction === 'backward' && count < 0) {
    direction = 'forward';
    count = -count;
  }
  const n = c.rows.length;
  switch (direction) {
    case 'absolute': {
      let target: number;
      if (count > 0) target = count;
      else if (count < 0) {
        if (!c.scroll) throw forwardOnly();
        target = c.error !== undefined ? end(c) : n + 1 + count;
      } else target = 0;
      // Postgres reaches an earlier or the same row by rewinding or reading backward: both need SCROLL.
      if (target <= c.pos && c.pos > 0 && !c.scroll) throw forwardOnly();
      return single(c, Math.max(0, Math.min(end(c), target)), isMove);
    }
    case 'relative': {
      if (count === 0) {
        // Re-fetch the current row: MOVE 0 only reports whether there is one; FETCH 0 steps back
        // to read it again (a backward step), unless the cursor is before the first or after the last row.
        const row = rowAt(c, c.pos);
        if (!row) return { rows: [], count: 0 };
        if (isMove) return { rows: [], count: 1 };
        if (!c.scroll) throw forwardOnly();
        return { rows: [row], count: 1 };
      }
      if (count < 0 && !c.scroll) throw forwardOnly();
      return single(c, Math.max(0, Math.min(end(c), c.pos + count)), isMove);
    }
    case 'forward': {
      if (count === 0) return fetchCursor(c, 'relative', 0, isMove);
      const out: Row[] = [];
      let moved = 0;
      while (moved < count) {
        const next = c.pos + 1;
        const row = rowAt(c, next);
        if (!row) {
          c.pos = Math.min(next, n + 1);
          break;
        }
        c.pos = next;
        if (!isMove) out.push(row);
        moved++;
      }
      return { rows: out, count: moved };
    }
    case 'backward': {
      if (!c.scroll) throw forwardOnly();
      if (count === 0) return fetchCursor(c, 'relative', 0, isMove);
      const out: Row[] = [];
      let moved = 0;
      while (moved < count) {
        const next = Math.min(c.pos, n + 1) - 1;
        if (next < 1) {
          c.pos = 0;
          break;
        }
        c.pos = next;
        if (!isMove) out.push(c.rows[next - 1]);
        moved++;
      }
      return { rows: out, count: moved };
    }
  }
}

function single(c: Cursor, target: number, isMove: boolean): { rows: Row[]; count: number } {
  const row = rowAt(c, target);
  c.pos = Math.min(target, c.rows.length + 1);
  if (!row) return { rows: [], count: 0 };
  return { rows: isMove ? [] : [row], count: 1 };
}
