/**
 * The state one database shares between its sessions: the committed catalog, storage (heaps,
 * indexes, sequence counters, keyed by filenode), transaction status and the OID counter.
 * `fork()` is O(1) when nothing changed since the last fork (else one copy of each map): heaps,
 * indexes and sequence counters sit in layered maps (storage/layered-map.ts) whose frozen base both
 * copies share; each clones a heap or index (O(1), sharing every page) the first time it uses it
 * (`heapFor`, `indexFor`).
 */
import { Catalog } from '../catalog/catalog.js';
import { bootstrapCatalog } from '../catalog/bootstrap.js';
import { Heap } from '../storage/heap.js';
import { IndexStore } from '../storage/index-store.js';
import { LayeredMap } from '../storage/layered-map.js';
import { TransactionStatus } from '../storage/xact.js';
import { FIRST_NORMAL_OID } from '../types/oids.js';
import type { WaitGraph } from './lock-wait.js';
import type { Transaction } from './transaction.js';

export interface SequenceState {
  last: bigint;
  isCalled: boolean;
}

import { NotifyHub } from './notify.js';

export class DbState {
  catalog: Catalog;
  heaps: LayeredMap<number, Heap>;
  indexes: LayeredMap<number, IndexStore>;
  /** Sequence counters by filenode; the objects are immutable (nextval replaces them). */
  sequences: LayeredMap<number, Readonly<SequenceState>>;
  status: TransactionStatus;
  nextOid = FIRST_NORMAL_OID;
  nextPid = 1000;
  private notifyHub: NotifyHub | undefined;
  private waitGraph: WaitGraph | undefined;
  private openSessions: Set<{ readonly txn: Transaction | undefined }> | undefined;
  /** Sessions waiting for locks, and for whom (deadlock detection). */
  get waits(): WaitGraph {
    return (this.waitGraph ??= new Map());
  }
  /** Open sessions (a strong table lock must find the transactions holding weak ones). */
  get sessions(): Set<{ readonly txn: Transaction | undefined }> {
    return (this.openSessions ??= new Set());
  }

  /** A new database (bootstrapped catalog), or a fork's state built from another's parts. */
  constructor(from?: Pick<DbState, 'catalog' | 'heaps' | 'indexes' | 'sequences' | 'status' | 'nextOid'>) {
    if (from) {
      this.catalog = from.catalog;
      this.heaps = from.heaps;
      this.indexes = from.indexes;
      this.sequences = from.sequences;
      this.status = from.status;
      this.nextOid = from.nextOid;
    } else {
      this.heaps = new LayeredMap();
      this.indexes = new LayeredMap();
      this.sequences = new LayeredMap();
      this.status = new TransactionStatus();
      this.catalog = bootstrapCatalog(this);
    }
  }

  /** LISTEN/NOTIFY registry (a fork starts with no listeners). */
  get notify(): NotifyHub {
    return (this.notifyHub ??= new NotifyHub());
  }

  newOid(): number {
    return this.nextOid++;
  }

  /** The heap of a filenode, safe to change in place (cloned on first use after a fork). */
  heapFor(filenode: number): Heap | undefined {
    const own = this.heaps.getOwn(filenode);
    if (own !== undefined) return own;
    const shared = this.heaps.get(filenode);
    if (shared === undefined) return undefined;
    const h = shared.clone();
    this.heaps.set(filenode, h);
    return h;
  }

  /** The index storage of a filenode, safe to change in place (see heapFor). */
  indexFor(filenode: number): IndexStore | undefined {
    const own = this.indexes.getOwn(filenode);
    if (own !== undefined) return own;
    const shared = this.indexes.get(filenode);
    if (shared === undefined) return undefined;
    const s = shared.clone();
    this.indexes.set(filenode, s);
    return s;
  }

  /**
   * Becomes a copy of `other` (a snapshot): its catalog, storage, sequences and transaction
   * status, sharing pages with it until either writes. Sessions and their pids stay.
   */
  restoreFrom(other: DbState): void {
    this.catalog = other.catalog;
    this.heaps = other.heaps.fork();
    this.indexes = other.indexes.fork();
    this.sequences = other.sequences.fork();
    this.status = other.status.fork();
    this.nextOid = other.nextOid;
  }

  fork(): DbState {
    return new DbState({
      catalog: this.catalog,
      heaps: this.heaps.fork(),
      indexes: this.indexes.fork(),
      sequences: this.sequences.fork(),
      status: this.status.fork(),
      nextOid: this.nextOid,
    });
  }
}
