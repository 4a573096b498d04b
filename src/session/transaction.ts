/**
 * One transaction of a session: its xid (assigned on first write), command counter, snapshot,
 * private catalog copy (when it runs DDL), and the storage it created or dropped, so that commit
 * publishes everything at once and abort forgets it; the undo of a statement that must wait, its
 * table locks, deferred constraint checks and isolation level.
 * Postgres counterpart: src/backend/access/transam/xact.c.
 * Known gaps: SERIALIZABLE behaves as REPEATABLE READ (no serializable snapshot isolation: write
 * skew and read-only anomalies are not detected, no 40001 "read/write dependencies"); a subtransaction
 * that fails releases its own row locks but the table locks it took stay until the transaction ends.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ConstraintDef, RelationDef } from '../catalog/objects.js';
import type { RiEvent } from '../executor/modify-table.js';
import type { Value } from '../types/values.js';

/** A uniqueness check of a DEFERRABLE unique key, made at statement end or at commit. */
export interface UniqueRecheck {
  readonly kind: 'unique';
  readonly con: ConstraintDef;
  readonly table: RelationDef;
  readonly idx: RelationDef;
  readonly tid: number;
  readonly key: readonly Value[];
}

/** A constraint check waiting for commit: a foreign-key event or a uniqueness check. */
export type DeferredEvent = RiEvent | UniqueRecheck;

/** The empty list transactions start with (most never need their own). */
const NONE: readonly never[] = Object.freeze([]);
/** Shared empty undo log (a statement that writes gets its own). */
const NO_UNDO: (Heap | number)[] = Object.freeze([]) as unknown as (Heap | number)[];
import type { TxnAccess } from '../executor/context.js';
import { Heap, isVisible, type OwnState, type Tuple } from '../storage/heap.js';
import { IndexStore } from '../storage/index-store.js';
import type { Snapshot } from '../storage/xact.js';
import type { DbState } from './db-state.js';
import { indexColumnOrders } from '../commands/index-keys.js';
import type { NotifyAction } from './notify.js';
import { LockMode } from '../storage/lock-manager.js';
import { checkStrongLocks } from './table-locks.js';
import { mergeCatalogs } from './catalog-merge.js';
import { needsPrune } from '../storage/prune.js';
import { cursorMark, dropCursorsSince } from './cursors.js';
import { readingMicros, type ClockReading } from './clock.js';

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable' | 'read uncommitted';


export class Transaction implements TxnAccess {
  xid = 0;
  readonly ownXids = new Set<number>();
  cid = 0;
  private wrote = false;
  private privateCatalog: Catalog | undefined;
  private snap: Snapshot | undefined;
  isolation: IsolationLevel = 'read committed';
  readOnly = false;
  /** BEGIN ... DEFERRABLE (only meaningful for SERIALIZABLE READ ONLY; shown by SHOW transaction_deferrable). */
  deferrable = false;
  /** Uniqueness checks of DEFERRABLE unique keys written by the running statement. */
  uniqueRechecks: readonly UniqueRecheck[] = NONE;
  /** Constraint checks deferred to commit (or to SET CONSTRAINTS ... IMMEDIATE). */
  deferredEvents: readonly DeferredEvent[] = NONE;
  /** SET CONSTRAINTS: per constraint oid, deferred (true) or immediate (false). */
  constraintModes: Map<number, boolean> | undefined;
  /** SET CONSTRAINTS ALL DEFERRED / IMMEDIATE (undefined: each constraint's own default). */
  allConstraintsDeferred: boolean | undefined;
  /** Temporary tables created ON COMMIT DROP in this transaction. */
  onCommitDrop: readonly number[] = NONE;
  /** A statement needing a snapshot has run (SET TRANSACTION ISOLATION LEVEL is refused from then on). */
  snapshotTaken = false;
  private readonly startClock: ClockReading;
  private startMicros: bigint | undefined;
  /** When the transaction started, in microseconds since 2000 (now(), xact_start). */
  get startTimestamp(): bigint {
    return (this.startMicros ??= readingMicros(this.startClock));
  }
  private created: Set<number> | undefined;
  private dropped: Set<number> | undefined;
  /** Storage created by this transaction (dropped on abort); made on first use, as most never do. */
  get createdFilenodes(): Set<number> {
    return (this.created ??= new Set());
  }
  /** Storage to drop at commit. */
  get droppedFilenodes(): Set<number> {
    return (this.dropped ??= new Set());
  }
  private ownState: OwnState;
  /** Open savepoints, innermost last; each is a subtransaction with its own xid once it writes. */
  private readonly savepoints: {
    name: string;
    subxid: number;
    /** Subxids of savepoints released into this one (they abort with it). */
    released?: number[];
    /** transaction_read_only when it began: restored when it ends either way (xact.c's prevXactReadOnly). */
    readOnly: boolean;
    catalog: Catalog | undefined;
    base: Catalog | undefined;
    dropped: Set<number>;
    notifyMark: number;
    cursorMark: number;
    settingsMark: number;
  }[] = [];
  /** The session's settings, whose changes since a savepoint its rollback undoes (guc.c AtEOSubXact_GUC). */
  settingsJournal: { mark(): number; rollbackTo(mark: number): void } | undefined;
  /** The committed catalog the private one was copied from (to merge with DDL committed meanwhile). */
  private catalogBase: Catalog | undefined;
  /** LISTEN / UNLISTEN / NOTIFY of this transaction, applied at commit (notify.ts). */
  readonly notifyActions: NotifyAction[] = [];
  /** The private catalog is shared with a savepoint: copy it before the next change. */
  private catalogShared = false;

  /** Changes of the running statement: heap, tid, heap, tid, ... (versions it inserted or stamped with xmax). */
  private undo: (Heap | number)[] = NO_UNDO;
  /** Phantom xids holding what waiting statements wrote (aborted when the statement goes on). */
  private phantoms: readonly number[] = NONE;
  /** Command counter state when the running statement began. */
  private markCid = 0;
  private markCidTop = 0;
  private markWrote = false;
  private markWrites = 0;
  /** Changes made by earlier statements of the block (for COMMIT AND CHAIN, SET TRANSACTION checks). */
  statements = 0;

  /**
   * Table locks held (relation oid → strongest mode): the first relation inline (most statements
   * use one), the others in a map created when needed.
   */
  private lockOid = 0;
  private lockMode = 0;
  private moreLocks: Map<number, number> | undefined;
  private ended: { promise: Promise<void>; resolve: () => void } | undefined;
  /** The snapshot was taken by the running statement (a table-lock wait makes the retry take a new one). */
  private snapTakenNow = false;

  constructor(
    readonly db: DbState,
    now: ClockReading,
    /** Backend pid of the owning session (the waits-for graph names sessions). */
    readonly ownerPid = 0,
    /** OID of the session's database (lock messages name it). */
    readonly dbOid = 0,
  ) {
    this.startClock = now;
    this.ownState = { xids: this.ownXids, curcid: 0 };
  }

  get catalog(): Catalog {
    return this.privateCatalog ?? this.db.catalog;
  }

  get status() {
    return this.db.status;
  }

  /** The catalog to modify (cloned from the committed one on first DDL). */
  catalogForWrite(): Catalog {
    if (!this.privateCatalog) {
      this.catalogBase = this.db.catalog;
      this.privateCatalog = this.db.catalog.clone();
    }
    else if (this.catalogShared) this.privateCatalog = this.privateCatalog.clone();
    this.catalogShared = false;
    this.privateCatalog.bump();
    return this.privateCatalog;
  }

  private rebaseCatalog(): void {
    const merged = mergeCatalogs(this.catalogBase!, this.privateCatalog!, this.db.catalog);
    this.catalogBase = this.db.catalog;
    this.privateCatalog = merged;
    this.catalogShared = false;
  }

  hasCatalogChanges(): boolean {
    return this.privateCatalog !== undefined;
  }

  /**
   * New statement: READ COMMITTED takes a fresh snapshot, unless the statement is being retried
   * after a wait (`retry`): Postgres does not restart a statement that waited, it goes on with its
   * snapshot and re-checks the rows that changed meanwhile.
   */
  beginStatement(retry = false, needsSnapshot = true, freshSnapshot = false): void {
    // Catalog lookups see the latest committed DDL (Postgres reads catalogs with a fresh catalog
    // snapshot): a transaction with DDL of its own rebases it on what others committed since.
    if (this.privateCatalog && this.catalogBase !== undefined && this.catalogBase !== this.db.catalog) this.rebaseCatalog();
    // Earlier statements may have cached plans and lookups on the private catalog object (caches
    // are keyed by catalog identity): the next DDL works on a copy, so that they go stale with it.
    if (this.privateCatalog) this.catalogShared = true;
    if (freshSnapshot && this.snapTakenNow) this.snap = undefined;
    this.snapTakenNow = false;
    if (needsSnapshot) {
      if (!this.snap || (this.isolation === 'read committed' && (!retry || freshSnapshot))) {
        this.snap = this.db.status.snapshot();
        this.snapTakenNow = true;
      }
      this.snapshotTaken = true;
    }
    if (this.undo.length) this.foldUndo();
    if (this.phantoms.length) this.endPhantoms();
    if (this.uniqueRechecks.length) this.uniqueRechecks = NONE;
    this.markCid = this.cid;
    this.markCidTop = this.cidTop;
    this.markWrote = this.wrote;
    this.markWrites = this.writeCount;
  }

  /** Heaps the transaction wrote, with how many versions (they become garbage if it aborts). */
  private wroteHeap: Heap | undefined;
  private wroteCount = 0;
  private moreHeaps: Map<Heap, number> | undefined;

  /** The finished statement's changes join the transaction's tally of written heaps. */
  private foldUndo(): void {
    const undo = this.undo;
    for (let i = 0; i < undo.length; i += 2) {
      const h = undo[i] as Heap;
      if (this.wroteHeap === undefined || this.wroteHeap === h) {
        this.wroteHeap = h;
        this.wroteCount++;
      } else {
        const m = (this.moreHeaps ??= new Map());
        m.set(h, (m.get(h) ?? 0) + 1);
      }
    }
    this.undo = NO_UNDO;
  }

  /** Hot keys seen by unique checks (pruned after the transaction; see storage/prune.ts). */
  pruneHints: { heap: Heap; index: IndexStore; key: readonly Value[] }[] | undefined;
  notePruneHint(heap: Heap, index: IndexStore, key: readonly Value[]): void {
    const hints = (this.pruneHints ??= []);
    if (hints.length < 16 && !hints.some((h) => h.index === index && h.key === key)) hints.push({ heap, index, key });
  }

  /** Whether what the transaction wrote (or a hot key it met) may be worth pruning now it ended. */
  wantsPrune(): boolean {
    if (this.pruneHints) return true;
    if (this.undo.length) this.foldUndo();
    if (!this.wroteHeap) return false;
    if (needsPrune(this.wroteHeap)) return true;
    if (this.moreHeaps) for (const h of this.moreHeaps.keys()) if (needsPrune(h)) return true;
    return false;
  }

  /** The heaps this transaction wrote (after it ended: candidates for pruning). */
  writtenHeaps(): Heap[] {
    if (this.undo.length) this.foldUndo();
    if (!this.wroteHeap) return [];
    return this.moreHeaps ? [this.wroteHeap, ...this.moreHeaps.keys()] : [this.wroteHeap];
  }

  /** Remembers a version the running statement inserted or stamped with its xmax. */
  noteWrite(heap: Heap, tid: number): void {
    if (this.undo === NO_UNDO) this.undo = [heap, tid];
    else this.undo.push(heap, tid);
  }

  /**
   * Undoes the running statement's changes when it must wait (it will be retried from the start).
   * In Postgres the waiting statement keeps what it wrote until it goes on, and others wait for
   * it (a unique key it inserted, a row it updated). So its versions are handed over to a phantom
   * transaction of this session, in progress until the retry begins: to the statement itself they
   * are gone, to others they are still being written, by this session. The command counter goes
   * back to where the statement began.
   */
  undoStatement(): void {
    if (this.undo.length) {
      const status = this.db.status;
      const phantom = status.assign(this.ownerPid);
      this.phantoms = [...this.phantoms, phantom];
      const own = this.ownXids;
      const from = this.markCid;
      const undo = this.undo;
      for (let i = 0; i < undo.length; i += 2) {
        const heap = undo[i] as Heap;
        const cur = heap.get(undo[i + 1] as number);
        if (!cur) continue;
        const xmin = own.has(cur.xmin) && cur.cmin >= from ? phantom : cur.xmin;
        const xmax = cur.xmax !== 0 && own.has(cur.xmax) && cur.cmax >= from ? phantom : cur.xmax;
        if (xmin !== cur.xmin || xmax !== cur.xmax) heap.replace({ ...cur, xmin, xmax });
      }
    }
    this.undo = NO_UNDO;
    this.cid = this.markCid;
    this.cidTop = this.markCidTop;
    this.wrote = this.markWrote;
    this.writeCount = this.markWrites;
    this.ownState = { xids: this.ownXids, curcid: this.cid };
  }

  snapshot(): Snapshot {
    if (!this.snap) this.snap = this.db.status.snapshot();
    return this.snap;
  }

  own(): OwnState {
    return this.ownState;
  }

  /** The top-level xid (txid_current()), assigned when `assign` and none is yet; 0 when none. */
  topXid(assign: boolean): number {
    if (this.xid === 0 && assign) {
      this.xid = this.db.status.assign(this.ownerPid);
      this.ownXids.add(this.xid);
    }
    return this.xid;
  }

  writeXid(): number {
    if (this.xid === 0) {
      this.xid = this.db.status.assign(this.ownerPid);
      this.ownXids.add(this.xid);
    }
    const sp = this.savepoints[this.savepoints.length - 1];
    if (!sp) return this.xid;
    if (sp.subxid === 0) {
      sp.subxid = this.db.status.assign(this.ownerPid);
      this.ownXids.add(sp.subxid);
    }
    return sp.subxid;
  }

  /** Whether a savepoint is open (a subtransaction runs). */
  get inSubtransaction(): boolean {
    return this.savepoints.length > 0;
  }

  /** SAVEPOINT name: a new subtransaction. */
  savepoint(name: string): void {
    this.savepoints.push({ name, subxid: 0, readOnly: this.readOnly, catalog: this.privateCatalog, base: this.catalogBase, dropped: new Set(this.droppedFilenodes), notifyMark: this.notifyActions.length, cursorMark: cursorMark(), settingsMark: this.settingsJournal?.mark() ?? 0 });
    this.catalogShared = true;
  }

  private findSavepoint(name: string): number {
    for (let i = this.savepoints.length - 1; i >= 0; i--) if (this.savepoints[i].name === name) return i;
    return -1;
  }

  /** ROLLBACK TO SAVEPOINT: undo everything since it (the savepoint stays). Returns false if unknown. */
  rollbackTo(name: string): boolean {
    const i = this.findSavepoint(name);
    if (i < 0) return false;
    const aborted: number[] = [];
    for (let k = i; k < this.savepoints.length; k++) {
      const sk = this.savepoints[k];
      if (sk.subxid) aborted.push(sk.subxid);
      if (sk.released) aborted.push(...sk.released);
    }
    for (const x of aborted) this.ownXids.delete(x);
    this.db.status.abort(aborted);
    const sp = this.savepoints[i];
    this.savepoints.length = i + 1;
    sp.subxid = 0;
    sp.released = undefined;
    this.readOnly = sp.readOnly;
    this.notifyActions.length = sp.notifyMark;
    dropCursorsSince(this, sp.cursorMark);
    this.settingsJournal?.rollbackTo(sp.settingsMark);
    this.privateCatalog = sp.catalog;
    this.catalogBase = sp.base;
    this.catalogShared = true;
    this.droppedFilenodes.clear();
    for (const f of sp.dropped) this.droppedFilenodes.add(f);
    this.ownState = { xids: this.ownXids, curcid: this.cid };
    return true;
  }

  /**
   * An error in a transaction block: the innermost subtransaction aborts (the whole transaction
   * when there is no savepoint), releasing its locks; the block waits for ROLLBACK or ROLLBACK TO.
   * Returns true when the whole transaction aborted.
   */
  abortOnError(): boolean {
    if (this.phantoms.length) this.endPhantoms();
    const sp = this.savepoints[this.savepoints.length - 1];
    if (!sp) {
      this.db.status.abort(this.ownXids);
      // Its table locks go too: whoever waits for this transaction goes on.
      this.lockOid = 0;
      this.moreLocks = undefined;
      this.ended?.resolve();
      return true;
    }
    if (sp.subxid) this.db.status.abort([sp.subxid]);
    if (sp.released) this.db.status.abort(sp.released);
    return false;
  }

  /** Whether a DEFERRABLE constraint is currently deferred (SET CONSTRAINTS, else INITIALLY ...). */
  isDeferred(con: ConstraintDef): boolean {
    if (!con.deferrable) return false;
    const m = this.constraintModes?.get(con.oid);
    if (m !== undefined) return m;
    return this.allConstraintsDeferred ?? con.deferred;
  }

  /** Keeps a constraint check for commit. */
  deferEvent(e: DeferredEvent): void {
    this.deferredEvents = this.deferredEvents === NONE ? [e] : [...this.deferredEvents, e];
  }

  /** A temporary table to drop at commit. */
  addOnCommitDrop(oid: number): void {
    this.onCommitDrop = [...this.onCommitDrop, oid];
  }

  noteUniqueRecheck(check: UniqueRecheck): void {
    this.uniqueRechecks = [...this.uniqueRechecks, check];
  }

  /** The waiting statement goes on (or the transaction ends): its phantom versions die. */
  private endPhantoms(): void {
    const p = this.phantoms;
    this.phantoms = NONE;
    this.db.status.abort(p);
  }

  /** RELEASE SAVEPOINT: merge it (and inner ones) into the parent. Returns false if unknown. */
  release(name: string): boolean {
    const i = this.findSavepoint(name);
    if (i < 0) return false;
    // The released subtransactions become part of the enclosing one (undone if it is rolled back).
    const parent = this.savepoints[i - 1];
    if (parent) {
      for (let k = i; k < this.savepoints.length; k++) {
        const sk = this.savepoints[k];
        if (sk.subxid) (parent.released ??= []).push(sk.subxid);
        if (sk.released) (parent.released ??= []).push(...sk.released);
      }
    }
    this.readOnly = this.savepoints[i].readOnly;
    this.savepoints.length = i;
    return true;
  }

  markWrite(): void {
    this.wrote = true;
    this.writeCount++;
  }

  /** Postgres's CommandCounterIncrement: later commands see this one's writes. */
  commandCounterIncrement(): void {
    if (this.wrote) {
      // Above every command id a nested statement (function, trigger) used meanwhile.
      this.cid = Math.max(this.cid, this.cidTop) + 1;
      this.cidTop = this.cid;
      this.ownState = { xids: this.ownXids, curcid: this.cid };
      this.wrote = false;
    }
  }

  /** Highest command id handed out so far (nested commands take ids above it). */
  private cidTop = 0;
  /** Writes so far (to tell whether nested commands wrote). */
  private writeCount = 0;

  /**
   * Starts a nested command (a statement of a volatile function or trigger): it sees everything
   * done so far, including the calling command's own writes, and writes with a command id of its
   * own. popCommand gives the caller back its command id, so the calling statement does not see
   * what the nested ones wrote (as its snapshot in Postgres would not).
   */
  pushCommand(): { readonly cid: number; readonly wrote: boolean; readonly writes: number } {
    const saved = { cid: this.cid, wrote: this.wrote, writes: this.writeCount };
    this.cid = Math.max(this.cid, this.cidTop) + 1;
    this.cidTop = this.cid;
    this.ownState = { xids: this.ownXids, curcid: this.cid };
    this.wrote = false;
    return saved;
  }

  /** Ends a nested command started by pushCommand. */
  popCommand(saved: { readonly cid: number; readonly wrote: boolean; readonly writes: number }): void {
    this.cidTop = Math.max(this.cidTop, this.cid);
    this.cid = saved.cid;
    this.ownState = { xids: this.ownXids, curcid: saved.cid };
    this.wrote = saved.wrote || this.writeCount !== saved.writes;
  }

  visible(t: Tuple): boolean {
    return isVisible(t, this.snapshot(), this.ownState, this.db.status);
  }

  relLockMode(oid: number): number | undefined {
    return oid === this.lockOid ? this.lockMode : this.moreLocks?.get(oid);
  }

  setRelLock(oid: number, mode: number): void {
    if (this.lockOid === 0 || this.lockOid === oid) {
      this.lockOid = oid;
      this.lockMode = mode;
    } else (this.moreLocks ??= new Map()).set(oid, mode);
  }

  /**
   * The oldest xid the transaction's snapshot may still see as running (its smallest running xid,
   * or its xmax), or undefined without a snapshot: versions deleted before it are invisible to it.
   */
  snapshotHorizon(): number | undefined {
    const s = this.snap;
    if (!s) return undefined;
    let h = s.xmax;
    for (const x of s.xip) if (x < h) h = x;
    return h;
  }

  /** Settles when the transaction commits or aborts. */
  whenEnded(): Promise<void> {
    if (!this.ended) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.ended = { promise, resolve };
    }
    return this.ended.promise;
  }

  /**
   * A relation's storage, taking the statement's implicit table lock on first use (ACCESS SHARE to
   * read, ROW SHARE / ROW EXCLUSIVE to lock or change rows): waits for conflicting strong locks.
   */
  heap(rel: RelationDef, lockMode: number = LockMode.AccessShare): Heap {
    const held = rel.oid === this.lockOid ? this.lockMode : this.moreLocks?.get(rel.oid);
    if (held === undefined || held < lockMode) {
      if (!this.db.status.locks.empty) checkStrongLocks(this.db.status, this, rel, lockMode);
      this.setRelLock(rel.oid, lockMode);
    }
    let h = this.db.heapFor(rel.filenode);
    if (!h) {
      h = new Heap();
      this.db.heaps.set(rel.filenode, h);
    }
    return h;
  }

  index(idx: RelationDef): IndexStore {
    let s = this.db.indexFor(idx.filenode);
    if (!s) {
      s = new IndexStore(indexColumnOrders(this.catalog, idx));
      this.db.indexes.set(idx.filenode, s);
    }
    return s;
  }

  commit(): void {
    this.ended?.resolve();
    if (this.phantoms.length) this.endPhantoms();
    this.db.status.commit(this.ownXids);
    if (this.privateCatalog) {
      const base = this.catalogBase;
      this.db.catalog = base === undefined || base === this.db.catalog ? this.privateCatalog : mergeCatalogs(base, this.privateCatalog, this.db.catalog);
    }
    for (const f of this.dropped ?? []) {
      this.db.heaps.delete(f);
      this.db.indexes.delete(f);
      this.db.sequences.delete(f);
    }
  }

  abort(): void {
    this.ended?.resolve();
    if (this.phantoms.length) this.endPhantoms();
    // Everything it wrote is garbage now.
    if (this.undo.length) this.foldUndo();
    if (this.wroteHeap) {
      this.wroteHeap.garbage += this.wroteCount;
      if (this.moreHeaps) for (const [h, n] of this.moreHeaps) h.garbage += n;
    }
    this.db.status.abort(this.ownXids);
    for (const f of this.created ?? []) {
      this.db.heaps.delete(f);
      this.db.indexes.delete(f);
      this.db.sequences.delete(f);
    }
  }
}
