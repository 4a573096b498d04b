/**
 * StatementBlocked: thrown by a statement that must wait for another transaction (a row lock, a
 * unique key being inserted concurrently). The statement has undone whatever it did; the caller
 * (the session API, the wire protocol) waits for `until` and then runs the statement again.
 * Postgres counterpart: a backend sleeping in XactLockTableWait / the lock manager.
 */
export class StatementBlocked extends Error {
  constructor(
    /** Settles when the statement may be retried (the blocking transaction ended). */
    readonly until: Promise<unknown>,
  ) {
    super('statement is waiting for another transaction');
    this.name = 'StatementBlocked';
  }
}
