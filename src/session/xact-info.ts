/**
 * What the transaction-id functions (pg_current_xact_id, pg_xact_status, pg_current_snapshot,
 * age(xid), ...) ask of the running transaction, in Postgres's terms.
 *
 * fauxgres's snapshot holds every xid in progress, the reader's own included, and xmax is the next
 * xid to assign; Postgres's snapshot leaves the reader's own xids out of xip (they only lower xmin)
 * and its xmax is the latest completed xid + 1. `snapshot()` converts.
 *
 * Postgres counterpart: src/backend/utils/adt/xid8funcs.c, xid.c (xid_age),
 * storage/ipc/procarray.c (GetSnapshotData).
 * Known gaps: xids of other sessions' subtransactions appear in xip (Postgres lists them in
 * subxip, which pg_current_snapshot does not show).
 */
import type { Transaction } from './transaction.js';
import { FIRST_XID, type TransactionStatus } from '../storage/xact.js';

export type XactStatus = 'committed' | 'aborted' | 'in progress';

export interface XactInfo {
  /** The top-level xid, 0 when none is assigned (assigning none). */
  readonly assignedXid: number;
  /** The first xid not yet assigned. */
  readonly nextXid: number;
  /** pg_xact_status: undefined for xid 0; 'future' when not yet assigned. */
  status(xid: number): XactStatus | 'future' | undefined;
  /** The statement's snapshot as pg_current_snapshot() prints it. */
  snapshot(): { xmin: number; xmax: number; xip: number[] };
}

export function xactInfo(t: Transaction, status: TransactionStatus): XactInfo {
  return {
    assignedXid: t.topXid(false),
    nextXid: status.nextXid,
    status(xid: number) {
      if (xid === 0) return undefined;
      if (xid < FIRST_XID) return 'committed';
      if (xid >= status.nextXid) return 'future';
      if (status.isInProgress(xid)) return 'in progress';
      return status.isAborted(xid) ? 'aborted' : 'committed';
    },
    snapshot() {
      const snap = t.snapshot();
      const own = t.ownXids;
      let xmax = snap.xmax;
      while (xmax - 1 >= FIRST_XID && snap.xip.has(xmax - 1)) xmax--;
      let xmin = xmax;
      const xip: number[] = [];
      for (const x of snap.xip) {
        if (x < xmin) xmin = x;
        if (x < xmax && !own.has(x)) xip.push(x);
      }
      // The reader's own top-level xid, assigned after the snapshot was taken, still lowers xmin.
      if (t.xid !== 0 && t.xid < xmin) xmin = t.xid;
      xip.sort((a, b) => a - b);
      return { xmin, xmax, xip };
    },
  };
}
