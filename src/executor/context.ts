/**
 * Run-time state of one statement execution: parameters, the session, storage access under the
 * statement's snapshot, the current row of each query level (for correlated references) and
 * per-execution caches (uncorrelated subquery results, CTEs). Plans never hold any of this.
 * Postgres counterpart: EState / ExprContext in src/include/nodes/execnodes.h.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import type { SessionContext } from '../session/session-context.js';
import type { Heap, OwnState, Tuple } from '../storage/heap.js';
import type { IndexStore } from '../storage/index-store.js';
import type { Snapshot, TransactionStatus } from '../storage/xact.js';
import type { Value } from '../types/values.js';

export type Row = Value[];

/** Storage as one transaction sees it. */
export interface TxnAccess {
  readonly catalog: Catalog;
  readonly status: TransactionStatus;
  snapshot(): Snapshot;
  own(): OwnState;
  /** A relation's storage; the first use takes the statement's implicit table lock (`lockMode`, default ACCESS SHARE). */
  heap(rel: RelationDef, lockMode?: number): Heap;
  index(idx: RelationDef): IndexStore;
  /** The xid to stamp new row versions with (assigned on first write). */
  writeXid(): number;
  /** Current command id (row versions written by this command are invisible to it). */
  readonly cid: number;
  /** Marks that this command wrote, so the next command gets a new command id. */
  markWrite(): void;
  /** Postgres's CommandCounterIncrement: what this command wrote becomes visible. */
  commandCounterIncrement(): void;
  /** A row version's visibility for this transaction now. */
  visible(t: Tuple): boolean;
  /** Backend pid of the session (lock holders and waiters are sessions). */
  readonly ownerPid: number;
  /** 'read committed', 'repeatable read', 'serializable' (row conflicts depend on it). */
  readonly isolation: string;
  /** An index key with many versions (a hot row): prune them when the transaction ends. */
  notePruneHint?(heap: Heap, index: IndexStore, key: readonly Value[]): void;
  /** A DEFERRABLE unique key was written without its check: check it at statement end or commit. */
  noteUniqueRecheck(check: import('../session/transaction.js').UniqueRecheck): void;
  /** Records a version the running statement inserted or stamped with xmax (undone if the statement must wait). */
  noteWrite(heap: Heap, tid: number): void;
}

export interface ExecContext extends ExprRuntime {
  readonly params: readonly Value[];
  readonly session: SessionContext;
  readonly txn: TxnAccess;
  /** Current row of each query level, by depth (0 = outermost). */
  readonly levelRows: Row[];
  /** Per-execution caches keyed by plan objects. */
  readonly cache: Map<object, unknown>;
}
