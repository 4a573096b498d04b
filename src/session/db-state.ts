/**
 * The state one database shares between its sessions: the committed catalog, storage (heaps,
 * indexes, sequence counters, keyed by filenode), transaction status and the OID counter.
 * `fork()` copies it in O(number of relations), sharing every heap and index page.
 */
import { Catalog } from '../catalog/catalog.js';
import { bootstrapCatalog } from '../catalog/bootstrap.js';
import { Heap } from '../storage/heap.js';
import { IndexStore } from '../storage/index-store.js';
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
  heaps = new Map<number, Heap>();
  indexes = new Map<number, IndexStore>();
  sequences = new Map<number, SequenceState>();
  status = new TransactionStatus();
  nextOid = FIRST_NORMAL_OID;
  nextPid = 1000;
  /** LISTEN/NOTIFY registry (a fork starts with no listeners). */
  readonly notify = new NotifyHub();
  /** Sessions waiting for locks, and for whom (deadlock detection). */
  readonly waits: WaitGraph = new Map();
  /** Open sessions (a strong table lock must find the transactions holding weak ones). */
  readonly sessions = new Set<{ readonly txn: Transaction | undefined }>();

  constructor(catalog?: Catalog) {
    this.catalog = catalog ?? bootstrapCatalog(this);
  }

  newOid(): number {
    return this.nextOid++;
  }

  /**
   * Becomes a copy of `other` (a snapshot): its catalog, storage, sequences and transaction
   * status, sharing pages with it until either writes. Sessions and their pids stay.
   */
  restoreFrom(other: DbState): void {
    const copy = other.fork();
    this.catalog = copy.catalog;
    this.heaps = copy.heaps;
    this.indexes = copy.indexes;
    this.sequences = copy.sequences;
    this.status = copy.status;
    this.nextOid = copy.nextOid;
  }

  fork(): DbState {
    const s = new DbState(this.catalog);
    for (const [k, h] of this.heaps) s.heaps.set(k, h.clone());
    for (const [k, i] of this.indexes) s.indexes.set(k, i.clone());
    for (const [k, q] of this.sequences) s.sequences.set(k, { ...q });
    s.status = this.status.fork();
    s.nextOid = this.nextOid;
    return s;
  }
}
