/**
 * Deferred constraints: checks of DEFERRABLE constraints made at the end of the statement
 * (DEFERRABLE INITIALLY IMMEDIATE unique keys) or kept until commit (INITIALLY DEFERRED, or
 * SET CONSTRAINTS ... DEFERRED), and run at COMMIT or at SET CONSTRAINTS ... IMMEDIATE.
 * Postgres counterpart: src/backend/commands/trigger.c (AfterTriggerFireDeferred,
 * AfterTriggerSetState), utils/adt/ri_triggers.c, commands/constraint.c (unique_key_recheck).
 */
import type { Session } from '../session/session.js';
import type { DeferredEvent } from '../session/transaction.js';
import { makeExecContext } from '../session/run-select.js';
import { recheckUnique } from '../commands/unique-check.js';
import { ModifyState, type RiEvent } from './modify-table.js';
import { runRiQueue } from './ri.js';

/** End of statement: uniqueness checks of DEFERRABLE keys run now unless deferred. */
export function runUniqueRechecks(session: Session): void {
  const txn = session.transaction();
  const checks = txn.uniqueRechecks;
  txn.uniqueRechecks = [];
  const ctx = makeExecContext(session, []);
  const cat = session.catalog();
  for (const c of checks) {
    if (txn.isDeferred(c.con)) txn.deferEvent(c);
    else recheckUnique(ctx, cat, c);
  }
}

/**
 * Runs the deferred checks (those of the constraints `only` selects, or all): violations throw.
 * The events stay queued until they all passed, so a check that must wait runs again on retry.
 */
export function fireDeferred(session: Session, only?: (conOid: number) => boolean): void {
  const txn = session.transaction();
  if (!txn.deferredEvents.length) return;
  const cat0 = session.catalog();
  // A constraint dropped since its event was queued (DROP TABLE ... CASCADE) has nothing to check.
  const all = txn.deferredEvents.filter((e) => cat0.constraints.has(eventConstraint(e)));
  const mine = only ? all.filter((e) => only(eventConstraint(e))) : all;
  if (!mine.length) return;
  txn.commandCounterIncrement();
  const ctx = makeExecContext(session, []);
  const cat = session.catalog();
  const ms = new ModifyState(ctx, cat);
  ms.firingDeferred = true;
  const ri: RiEvent[] = [];
  for (const e of mine) {
    if (e.kind === 'unique') recheckUnique(ctx, cat, e);
    else ri.push(e);
  }
  ms.queue.push(...ri);
  runRiQueue(ms, session);
  txn.deferredEvents = only ? all.filter((e) => !mine.includes(e)) : [];
}

function eventConstraint(e: DeferredEvent): number {
  return e.kind === 'unique' ? e.con.oid : e.fk.oid;
}
