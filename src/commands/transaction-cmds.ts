/**
 * Transaction control: BEGIN / START TRANSACTION with their characteristics, COMMIT / END,
 * ROLLBACK / ABORT (AND [NO] CHAIN), SAVEPOINT / RELEASE / ROLLBACK TO, SET TRANSACTION,
 * SET SESSION CHARACTERISTICS AS TRANSACTION, and the read-only check of utility statements.
 *
 * Postgres counterpart: src/backend/tcop/utility.c (TransactionStmt), access/transam/xact.c
 * (BeginTransactionBlock, EndTransactionBlock, ...), commands/variable.c (check_transaction_*).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import type { IsolationLevel } from '../session/transaction.js';
import { discardDeferredTriggers, fireDeferredTriggers, hasDeferredTriggers } from '../executor/trigger.js';
import { StatementBlocked } from '../session/blocking.js';
import { fireDeferred } from '../executor/deferred-constraints.js';
import type { ConstraintDef } from '../catalog/objects.js';

type AnyNode = Record<string, any>;

/** The value of a transaction option (`A_Const` string, integer or boolean). */
function optionValue(arg: AnyNode | undefined): string {
  const c = arg?.A_Const;
  if (!c) return '';
  if (c.sval) return c.sval.sval ?? '';
  if (c.ival) return String(c.ival.ival ?? 0);
  if (c.boolval) return c.boolval.boolval ? 'on' : 'off';
  return '';
}

const onValue = (v: string) => v === 'on' || v === 'true' || v === '1';

/** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK TO. */
export function transactionStmt(session: Session, n: AnyNode): StatementResult {
  switch (n.kind) {
    case 'TRANS_STMT_BEGIN':
    case 'TRANS_STMT_START': {
      const tag = n.kind === 'TRANS_STMT_BEGIN' ? 'BEGIN' : 'START TRANSACTION';
      if (session.inBlock) {
        session.notice(new PgError(SQLSTATE.active_sql_transaction, 'there is already a transaction in progress', { severity: 'WARNING' }));
        return commandResult(tag);
      }
      session.beginBlock();
      if (n.options) applyTransactionOptions(session, n.options, true);
      return commandResult(tag);
    }
    case 'TRANS_STMT_COMMIT':
    case 'TRANS_STMT_ROLLBACK': {
      const commit = n.kind === 'TRANS_STMT_COMMIT';
      if (!commit) discardDeferredTriggers(session);
      if (!session.inBlock) {
        if (n.chain) throw new PgError(SQLSTATE.no_active_sql_transaction, `${commit ? 'COMMIT' : 'ROLLBACK'} AND CHAIN can only be used in transaction blocks`);
        session.notice(new PgError(SQLSTATE.no_active_sql_transaction, 'there is no transaction in progress', { severity: 'WARNING' }));
        session.finishTransaction(commit);
        return commandResult(commit ? 'COMMIT' : 'ROLLBACK');
      }
      const failed = session.failed;
      if (commit && !failed && hasDeferredTriggers(session)) {
        // Deferred constraint triggers run now; an error aborts the transaction.
        try {
          fireDeferredTriggers(session);
        } catch (e) {
          session.finishTransaction(false);
          throw e;
        }
      }
      discardDeferredTriggers(session);
      const t = session.txn;
      const characteristics = t && { isolation: t.isolation, readOnly: t.readOnly, deferrable: t.deferrable };
      try {
        session.finishTransaction(commit && !failed);
      } catch (e) {
        // A deferred constraint failed at COMMIT: the transaction rolls back and the block ends.
        if (e instanceof StatementBlocked) throw e;
        session.finishTransaction(false);
        throw e;
      }
      // AND CHAIN: a new block at once, with the same characteristics.
      if (n.chain && characteristics) {
        session.beginBlock(characteristics.isolation, characteristics.readOnly);
        session.transaction().deferrable = characteristics.deferrable;
      }
      return commandResult(commit && !failed ? 'COMMIT' : 'ROLLBACK');
    }
    case 'TRANS_STMT_SAVEPOINT': {
      if (!session.inBlock) throw new PgError(SQLSTATE.no_active_sql_transaction, 'SAVEPOINT can only be used in transaction blocks');
      session.transaction().savepoint(n.savepoint_name);
      return commandResult('SAVEPOINT');
    }
    case 'TRANS_STMT_RELEASE': {
      if (!session.inBlock) throw new PgError(SQLSTATE.no_active_sql_transaction, 'RELEASE SAVEPOINT can only be used in transaction blocks');
      if (!session.transaction().release(n.savepoint_name)) {
        throw new PgError(SQLSTATE.invalid_savepoint_specification, `savepoint "${n.savepoint_name}" does not exist`);
      }
      return commandResult('RELEASE');
    }
    case 'TRANS_STMT_ROLLBACK_TO': {
      if (!session.inBlock) throw new PgError(SQLSTATE.no_active_sql_transaction, 'ROLLBACK TO SAVEPOINT can only be used in transaction blocks');
      if (!session.rollbackToSavepoint(n.savepoint_name)) {
        throw new PgError(SQLSTATE.invalid_savepoint_specification, `savepoint "${n.savepoint_name}" does not exist`);
      }
      return commandResult('ROLLBACK');
    }
    case 'TRANS_STMT_PREPARE': {
      // As a server with the default max_prepared_transactions = 0: the transaction rolls back.
      if (!session.inBlock) {
        session.notice(new PgError(SQLSTATE.no_active_sql_transaction, 'there is no transaction in progress', { severity: 'WARNING' }));
        session.finishTransaction(false);
        return commandResult('ROLLBACK');
      }
      const failed = session.failed;
      discardDeferredTriggers(session);
      session.finishTransaction(false);
      if (failed) return commandResult('ROLLBACK');
      throw new PgError(SQLSTATE.object_not_in_prerequisite_state, 'prepared transactions are disabled', { hint: 'Set "max_prepared_transactions" to a nonzero value.' });
    }
    case 'TRANS_STMT_COMMIT_PREPARED':
    case 'TRANS_STMT_ROLLBACK_PREPARED':
      session.preventInTransactionBlock(n.kind === 'TRANS_STMT_COMMIT_PREPARED' ? 'COMMIT PREPARED' : 'ROLLBACK PREPARED');
      throw new PgError(SQLSTATE.undefined_object, `prepared transaction with identifier "${n.gid}" does not exist`);
    default:
      throw featureNotSupported(`transaction statement ${String(n.kind).replace('TRANS_STMT_', '')}`);
  }
}

/** SET TRANSACTION ...: outside a block a warning and nothing else, as in Postgres. */
export function setTransaction(session: Session, options: AnyNode[]): StatementResult {
  if (!session.inBlock) {
    session.notice(new PgError(SQLSTATE.no_active_sql_transaction, 'SET TRANSACTION can only be used in transaction blocks', { severity: 'WARNING' }));
    return commandResult('SET');
  }
  applyTransactionOptions(session, options, false);
  return commandResult('SET');
}

/** SET SESSION CHARACTERISTICS AS TRANSACTION ...: the defaults of later transactions. */
export function setSessionCharacteristics(session: Session, options: AnyNode[]): StatementResult {
  for (const o of options ?? []) {
    const d = o.DefElem;
    const v = optionValue(d.arg);
    const name = `default_${d.defname as string}`;
    session.setSetting(name, d.defname === 'transaction_isolation' ? v : onValue(v) ? 'on' : 'off', false);
  }
  return commandResult('SET');
}

/** Applies transaction_isolation / transaction_read_only / transaction_deferrable to the open transaction. */
function applyTransactionOptions(session: Session, options: AnyNode[], atBegin: boolean): void {
  for (const o of options ?? []) {
    const d = o.DefElem;
    const v = optionValue(d.arg);
    if (d.defname === 'transaction_isolation') setIsolation(session, v, atBegin);
    else if (d.defname === 'transaction_read_only') setReadOnly(session, onValue(v), atBegin);
    else if (d.defname === 'transaction_deferrable') session.transaction().deferrable = onValue(v);
    else throw featureNotSupported(`SET TRANSACTION ${d.defname}`);
  }
}

const LEVELS = new Set(['serializable', 'repeatable read', 'read committed', 'read uncommitted']);

/** transaction_isolation: only before the transaction's first query (Postgres's check_transaction_isolation). */
export function setIsolation(session: Session, value: string, atBegin = false): void {
  const v = value.toLowerCase();
  if (!LEVELS.has(v)) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "transaction_isolation": "${value}"`, {
      hint: 'Available values: serializable, repeatable read, read committed, read uncommitted.',
    });
  }
  const t = session.transaction();
  if (!atBegin && t.isolation !== v && t.snapshotTaken) {
    throw new PgError(SQLSTATE.active_sql_transaction, 'SET TRANSACTION ISOLATION LEVEL must be called before any query');
  }
  t.isolation = v as IsolationLevel;
}

/** transaction_read_only: read-write only before the first query (Postgres's check_transaction_read_only). */
export function setReadOnly(session: Session, readOnly: boolean, atBegin = false): void {
  const t = session.transaction();
  if (!atBegin && !readOnly && t.readOnly && t.inSubtransaction) {
    throw new PgError(SQLSTATE.active_sql_transaction, 'cannot set transaction read-write mode inside a read-only transaction');
  }
  if (!atBegin && !readOnly && t.readOnly && t.snapshotTaken) {
    throw new PgError(SQLSTATE.active_sql_transaction, 'transaction read-write mode must be set before any query');
  }
  t.readOnly = readOnly;
}

/** Utility statements that write: their Postgres command names, for the 25006 message. */
function writingCommandName(kind: string, n: AnyNode): string | undefined {
  switch (kind) {
    case 'CreateStmt':
      return 'CREATE TABLE';
    case 'CreateTableAsStmt':
      return n.objtype === 'OBJECT_MATVIEW' ? 'CREATE MATERIALIZED VIEW' : n.is_select_into || n.intoClause ? 'SELECT INTO' : 'CREATE TABLE AS';
    case 'RefreshMatViewStmt':
      return 'REFRESH MATERIALIZED VIEW';
    case 'IndexStmt':
      return 'CREATE INDEX';
    case 'CreateSeqStmt':
      return 'CREATE SEQUENCE';
    case 'AlterSeqStmt':
      return 'ALTER SEQUENCE';
    case 'ViewStmt':
      return 'CREATE VIEW';
    case 'CreateSchemaStmt':
      return 'CREATE SCHEMA';
    case 'CreateFunctionStmt':
      return n.is_procedure ? 'CREATE PROCEDURE' : 'CREATE FUNCTION';
    case 'CreateEnumStmt':
    case 'CompositeTypeStmt':
    case 'CreateRangeStmt':
      return 'CREATE TYPE';
    case 'AlterEnumStmt':
      return 'ALTER TYPE';
    case 'CreateDomainStmt':
      return 'CREATE DOMAIN';
    case 'AlterDomainStmt':
      return 'ALTER DOMAIN';
    case 'CreateExtensionStmt':
      return 'CREATE EXTENSION';
    case 'CommentStmt':
      return 'COMMENT';
    case 'TruncateStmt':
      return 'TRUNCATE TABLE';
    case 'AlterTableStmt':
      return n.objtype === 'OBJECT_INDEX' ? 'ALTER INDEX' : n.objtype === 'OBJECT_SEQUENCE' ? 'ALTER SEQUENCE' : n.objtype === 'OBJECT_VIEW' ? 'ALTER VIEW' : 'ALTER TABLE';
    case 'RenameStmt':
      return 'ALTER ' + String(n.renameType ?? 'OBJECT_TABLE').replace('OBJECT_', '').replace(/_/g, ' ');
    case 'DropStmt':
      return 'DROP ' + String(n.removeType ?? 'OBJECT_TABLE').replace('OBJECT_', '').replace(/_/g, ' ');
    case 'CopyStmt':
      return n.is_from ? 'COPY FROM' : undefined;
    case 'LockStmt':
      // Only the modes stronger than ROW EXCLUSIVE (4) are refused.
      return (n.mode ?? 8) > 3 ? 'LOCK TABLE' : undefined;
    default:
      return undefined;
  }
}

/** A utility statement in a READ ONLY transaction: 25006 "cannot execute <command> in a read-only transaction". */
export function checkReadOnlyUtility(session: Session, kind: string, n: AnyNode): void {
  if (!session.txn?.readOnly) return;
  const name = writingCommandName(kind, n);
  if (name) throw new PgError(SQLSTATE.read_only_sql_transaction, `cannot execute ${name} in a read-only transaction`);
}

/**
 * SET CONSTRAINTS { ALL | name, ... } { DEFERRED | IMMEDIATE }. Names are looked up through the
 * search path (a schema-qualified name in that schema); switching to IMMEDIATE runs the checks
 * deferred so far for those constraints.
 */
export function setConstraints(session: Session, n: AnyNode): StatementResult {
  if (!session.inBlock) {
    session.notice(new PgError(SQLSTATE.no_active_sql_transaction, 'SET CONSTRAINTS can only be used in transaction blocks', { severity: 'WARNING' }));
    return commandResult('SET CONSTRAINTS');
  }
  const txn = session.transaction();
  const deferred = !!n.deferred;
  const names = (n.constraints ?? []) as AnyNode[];
  let selected: Set<number> | undefined;
  if (!names.length) {
    txn.allConstraintsDeferred = deferred;
    txn.constraintModes = undefined;
  } else {
    selected = new Set();
    const cat = txn.catalog;
    for (const item of names) {
      const rv = item.RangeVar;
      const schemas = rv.schemaname ? [rv.schemaname as string] : session.searchPath();
      let found: ConstraintDef[] = [];
      for (const sch of schemas) {
        const ns = cat.namespaceOid(sch);
        if (ns === undefined) continue;
        found = [...cat.constraints.values()].filter((c) => c.namespace === ns && c.name === rv.relname);
        // Constraint triggers are constraints too (pg_constraint contype 't'), in their table's schema.
        for (const t of cat.triggers.values()) {
          if (t.constraint && t.name === rv.relname && cat.relations.get(t.relation)?.namespace === ns) {
            found.push({ oid: t.oid, name: t.name, deferrable: t.constraint.deferrable } as ConstraintDef);
          }
        }
        if (found.length) break;
      }
      if (!found.length) throw new PgError(SQLSTATE.undefined_object, `constraint "${rv.relname}" does not exist`);
      for (const c of found) {
        if (!c.deferrable) throw new PgError(SQLSTATE.wrong_object_type, `constraint "${c.name}" is not deferrable`);
        (txn.constraintModes ??= new Map()).set(c.oid, deferred);
        selected.add(c.oid);
      }
    }
  }
  if (!deferred) {
    const sel = selected;
    fireDeferred(session, sel ? (oid) => sel.has(oid) : undefined);
    fireDeferredTriggers(session, sel ? (oid) => sel.has(oid) : undefined);
  }
  return commandResult('SET CONSTRAINTS');
}

/** Settings RESET / SET ... TO DEFAULT refuse and functions may not set (Postgres's GUC_NO_RESET). */
export const NO_RESET: ReadonlySet<string> = new Set(['transaction_isolation', 'transaction_read_only', 'transaction_deferrable']);

/** 0A000 for RESET of a GUC_NO_RESET setting. */
export function cannotReset(name: string): PgError {
  return new PgError(SQLSTATE.feature_not_supported, `parameter "${name}" cannot be reset`);
}

/**
 * CREATE / ALTER FUNCTION ... SET of a GUC_NO_RESET setting: its check hook runs first (as for a
 * SET in the running transaction, whose snapshot is taken), then, for CREATE, 0A000.
 */
export function checkFunctionSetting(session: Session, name: string, value: string, create = true): void {
  if (!NO_RESET.has(name)) return;
  const t = session.transaction();
  if (name === 'transaction_isolation') {
    const v = value.toLowerCase();
    if (LEVELS.has(v) && t.isolation !== v) {
      if (t.snapshotTaken) throw new PgError(SQLSTATE.active_sql_transaction, 'SET TRANSACTION ISOLATION LEVEL must be called before any query');
    } else if (!LEVELS.has(v)) setIsolation(session, value, true);
  } else if (name === 'transaction_deferrable') {
    if (t.inSubtransaction) throw new PgError(SQLSTATE.active_sql_transaction, 'SET TRANSACTION [NOT] DEFERRABLE cannot be called within a subtransaction');
    if (t.snapshotTaken) throw new PgError(SQLSTATE.active_sql_transaction, 'SET TRANSACTION [NOT] DEFERRABLE must be called before any query');
  } else if (!/^(on|true|yes|1|t|y)$/i.test(value) && t.readOnly) {
    if (t.inSubtransaction) throw new PgError(SQLSTATE.active_sql_transaction, 'cannot set transaction read-write mode inside a read-only transaction');
    if (t.snapshotTaken) throw new PgError(SQLSTATE.active_sql_transaction, 'transaction read-write mode must be set before any query');
  }
  // CREATE applies the settings while validating the body (ProcedureCreate); ALTER only checks
  // the value, and the call fails instead.
  if (create) throw cannotSetInFunction(name);
}

/** 0A000 for a function's SET of a GUC_NO_RESET setting (at CREATE FUNCTION, or at the call). */
export function cannotSetInFunction(name: string): PgError {
  return new PgError(SQLSTATE.feature_not_supported, `parameter "${name}" cannot be set locally in functions`);
}
