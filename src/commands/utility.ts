/**
 * Utility statements: transaction control, SET/SHOW/RESET, and DDL dispatch. Unsupported
 * statements raise 0A000 naming the statement.
 * Postgres counterpart: src/backend/tcop/utility.c.
 */
import { createRangeType } from './range-type.js';
import { alterTsConfiguration, defineTsConfiguration, dropTsConfigurations } from './tsearch-cmds.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { cluster } from './cluster.js';
import { NO_RESET, cannotReset } from './transaction-cmds.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { DEFAULT_IO_CONTEXT } from '../types/type-io.js';
import { intervalIO } from '../types/datetime/interval.js';
import type { RawStatement } from '../parser/parse.js';
import { allSettingFacts, settingFact } from '../session/guc.js';
import { checkpoint, reindex, vacuum } from './maintenance.js';
import { OID } from '../types/oids.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { createTable } from './create-table.js';
import { runCopy } from './copy.js';
import { notifyAction } from '../session/notify.js';
import { createSchema, dropObjects } from './drop.js';
import { adjustPersistence } from './temp-tables.js';
import { dropDatabase, dropMissingKind, dropOtherMissing, isMissingKindDrop } from './drop-missing.js';
import { runSchemaElements } from './schema-elements.js';
import { createIndex } from './create-index.js';
import { createSequence } from './sequence.js';
import { truncateTables } from './truncate.js';
import { alterDomain, alterEnum, createDomain, createEnum, dropTypes } from './typecmds.js';
import { createCompositeType } from './composite-type.js';
import { createView } from './view.js';
import { commentOn } from './comment.js';
import { createExtension, dropExtension } from './extension.js';
import { alterTable, renameObject } from './alter-table.js';
import { alterSequence } from './alter-sequence.js';
import { createFunction, dropRoutines } from './functioncmds.js';
import { doStatement } from './do.js';
import { alterRoutine, isRoutineAlter } from './alter-function.js';
import { callStatement } from './call.js';
import { createTrigger, dropTrigger, withTruncateTriggers } from './trigger.js';
import { setConstraints, setSessionCharacteristics, setTransaction, transactionStmt } from './transaction-cmds.js';
import { discard } from './temp-tables.js';
import { deallocate, executePrepared, prepareStatement } from './prepare.js';
import { lockTable } from './lock.js';
import { createTableAs } from './create-table-as.js';
import { refreshMatview } from './matview.js';
import { closeCursor, declareCursor, fetchStatement } from './portalcmds.js';
import { alterRole, alterRoleSet, checkSetRole, createRole, dropRoles, grantRole, renameRole } from './role-cmds.js';
import { alterDefaultPrivileges, grantStatement } from './grant.js';
import { alterOwner } from './owner.js';
import { alterObjectSchema, isSchemaMove } from './alter-schema.js';
import { defineAggregate, dropAggregates } from './aggregatecmds.js';
import { alterPolicy, createPolicy, dropPolicy, renamePolicy } from './policy.js';
import { dropOwned, reassignOwned } from './role-deps.js';
import { checkCreateIn, checkTableOwner, withDefaultAcls } from './create-checks.js';
import { createRule, dropRule, renameRule } from './rulecmds.js';
import { checkCopy } from './copy-security.js';
import { alterStatistics, createStatistics, dropStatistics, renameStatistics, statisticsOwner, statisticsSetSchema } from './statistics.js';
import { alterOperator, defineOperator, dropOperators, operatorOwner, operatorSetSchema } from './operatorcmds.js';
import { collationOwner, collationSetSchema, defineCollation, dropCollations, refreshCollationVersion, renameCollation } from './collationcmds.js';
import { withEventTriggers } from './event-trigger-fire.js';
import { alterEventTrigger, createEventTrigger, dropEventTriggers, eventTriggerOwner, renameEventTrigger } from './event-trigger.js';
import { resolveRoleSpec } from '../catalog/system/common.js';
import { alterPublication, createPublication, dropPublications, publicationOwner, renamePublication } from './publication.js';

type AnyNode = Record<string, any>;

function settingValue(args: AnyNode[] | undefined): string {
  if (!args) return '';
  return args
    .map((a) => {
      const c = a.A_Const;
      if (c) {
        if (c.sval) return c.sval.sval ?? '';
        if (c.ival) return String(c.ival.ival ?? 0);
        if (c.fval) return c.fval.fval;
        if (c.boolval) return c.boolval.boolval ? 'on' : 'off';
        return '';
      }
      if (a.TypeCast) return settingValue([a.TypeCast.arg]);
      return '';
    })
    .join(', ');
}

/** Runs a utility statement, with the event triggers that apply to it (ProcessUtility). */
export function runUtility(session: Session, kind: string, n: AnyNode, sql: string, st: RawStatement): StatementResult {
  return withEventTriggers(session, kind, n, () => runUtilityCommand(session, kind, n, sql, st));
}

/** Runs a utility statement or a subcommand (CREATE SCHEMA's elements: no event triggers of their own). */
function runUtilityCommand(session: Session, kind: string, n: AnyNode, sql: string, st: RawStatement): StatementResult {
  switch (kind) {
    case 'TransactionStmt':
      return transactionStmt(session, n);
    case 'CopyStmt':
      checkCopy(session, n);
      return runCopy(session, n, sql);
    case 'ListenStmt':
      session.notifyAction({ kind: 'listen', channel: n.conditionname as string });
      return commandResult('LISTEN');
    case 'UnlistenStmt':
      session.notifyAction(n.conditionname ? { kind: 'unlisten', channel: n.conditionname as string } : { kind: 'unlisten_all' });
      return commandResult('UNLISTEN');
    case 'NotifyStmt':
      session.notifyAction(notifyAction(n.conditionname as string, (n.payload as string | undefined) ?? ''));
      return commandResult('NOTIFY');
    case 'VariableSetStmt': {
      const name = n.name as string;
      // SET LOCAL outside a transaction block lasts only for its own statement (xact.c WarnNoTransactionBlock).
      if (n.is_local && !session.inBlock && !session.inImplicitBlock && session.settings.routineDepth === 0) {
        session.notice(new PgError(SQLSTATE.no_active_sql_transaction, 'SET LOCAL can only be used in transaction blocks', { severity: 'WARNING' }));
      }
      if ((name === 'role' || name === 'session_authorization') && (n.kind === 'VAR_SET_VALUE' || n.kind === 'VAR_SET_DEFAULT' || n.kind === 'VAR_RESET')) {
        const value = n.kind === 'VAR_SET_VALUE' ? checkSetRole(session, name, settingValue(n.args)) : name === 'role' ? 'none' : session.user;
        if (name === 'session_authorization') {
          if (n.kind === 'VAR_SET_VALUE') checkSetRole(session, name, value);
          session.setSetting('role', 'none', !!n.is_local);
        }
        session.setSetting(name, value, !!n.is_local);
        return commandResult(n.kind === 'VAR_RESET' ? 'RESET' : 'SET');
      }
      if (n.kind === 'VAR_SET_VALUE') {
        let value = settingValue(n.args);
        if (name === 'search_path' || name === 'datestyle') {
          value = (n.args as AnyNode[]).map((a) => {
            const v = settingValue([a]);
            return name === 'search_path' && (v === '' || /[^a-z0-9_$]/.test(v)) ? '"' + v + '"' : v;
          }).join(', ');
        }
        if (name === 'timezone' && n.args?.[0]?.A_Const?.ival !== undefined) value = settingValue(n.args);
        if (name === 'timezone' && n.args?.[0]?.TypeCast) value = intervalZoneHours(n.args[0].TypeCast as AnyNode, value);
        session.setSetting(name, value, !!n.is_local);
        return commandResult('SET');
      }
      if (n.kind === 'VAR_SET_DEFAULT' || n.kind === 'VAR_RESET') {
        if (NO_RESET.has(name)) throw cannotReset(name);
        session.settings.reset(name, !!n.is_local);
        return commandResult(n.kind === 'VAR_RESET' ? 'RESET' : 'SET');
      }
      if (n.kind === 'VAR_SET_MULTI' && name === 'TRANSACTION') {
        return setTransaction(session, n.args);
      }
      if (n.kind === 'VAR_SET_MULTI' && name === 'SESSION CHARACTERISTICS') {
        return setSessionCharacteristics(session, n.args);
      }
      if (n.kind === 'VAR_RESET_ALL') {
        session.settings.resetAll();
        return commandResult('RESET');
      }
      throw featureNotSupported(`SET ${name}`);
    }
    case 'VariableShowStmt':
      return showStatement(session, n.name as string);
    case 'VacuumStmt':
      return vacuum(session, n, sql);
    case 'ReindexStmt':
      return reindex(session, n);
    case 'CheckPointStmt':
      return checkpoint();
    case 'CreateStmt': {
      const c = adjustPersistence(n, 'relation', sql);
      checkCreateIn(session, c.relation, sql);
      return withDefaultAcls(session, () => createTable(session, c, sql));
    }
    case 'CreateSchemaStmt': {
      const before = new Set(session.catalog().namespaces.keys());
      const r = createSchema(session, { ...n, schemaElts: undefined }, sql);
      if (n.schemaElts?.length) {
        // (CREATE SCHEMA AUTHORIZATION role names the schema after the role)
        const created = [...session.catalog().namespaces.values()].find((x) => !before.has(x.oid));
        const name = created?.name ?? (n.schemaname as string | undefined) ?? (n.authrole?.RoleSpec?.rolename as string | undefined) ?? session.currentUser();
        // (CreateSchemaCommand runs the elements as the schema's owner)
        const savedUser = session.settings.currentUser;
        if (created) session.settings.currentUser = created.owner;
        try {
          runSchemaElements(session, name, n.schemaElts as AnyNode[], (s, k, x) => void runUtilityCommand(s, k, x, sql, st));
        } finally {
          session.settings.currentUser = savedUser;
        }
      }
      return r;
    }
    case 'DropStmt':
      if (n.concurrent) {
        session.preventInTransactionBlock('DROP INDEX CONCURRENTLY');
        if (n.objects.length !== 1) throw new PgError(SQLSTATE.feature_not_supported, 'DROP INDEX CONCURRENTLY does not support dropping multiple objects');
        if (n.behavior === 'DROP_CASCADE') throw new PgError(SQLSTATE.feature_not_supported, 'DROP INDEX CONCURRENTLY does not support CASCADE');
      }
      if (n.removeType === 'OBJECT_FUNCTION' || n.removeType === 'OBJECT_PROCEDURE' || n.removeType === 'OBJECT_ROUTINE') return dropRoutines(session, n);
      if (n.removeType === 'OBJECT_TRIGGER') return dropTrigger(session, n);
      if (n.removeType === 'OBJECT_RULE') return dropRule(session, n);
      if (n.removeType === 'OBJECT_AGGREGATE') return dropAggregates(session, n);
      if (n.removeType === 'OBJECT_TYPE' || n.removeType === 'OBJECT_DOMAIN') return dropTypes(session, n);
      if (n.removeType === 'OBJECT_EXTENSION') return dropExtension(session, n);
      if (n.removeType === 'OBJECT_TSCONFIGURATION') return dropTsConfigurations(session, n);
      if (n.removeType === 'OBJECT_POLICY') return dropPolicy(session, n);
      if (n.removeType === 'OBJECT_PUBLICATION') return dropPublications(session, n);
      if (n.removeType === 'OBJECT_STATISTIC_EXT') return dropStatistics(session, n);
      if (n.removeType === 'OBJECT_OPERATOR') return dropOperators(session, n);
      if (n.removeType === 'OBJECT_COLLATION') return dropCollations(session, n);
      if (n.removeType === 'OBJECT_EVENT_TRIGGER') return dropEventTriggers(session, n);
      if (isMissingKindDrop(n.removeType)) return dropMissingKind(session, n);
      return dropObjects(session, n, sql);
    case 'DropdbStmt':
      return dropDatabase(session, n);
    case 'DropSubscriptionStmt':
    case 'DropTableSpaceStmt':
    case 'DropUserMappingStmt':
      return dropOtherMissing(session, kind, n);
    case 'TruncateStmt':
      return withTruncateTriggers(session, n, () => truncateTables(session, n));
    case 'CreateEnumStmt':
      return createEnum(session, n);
    case 'CompositeTypeStmt':
      return createCompositeType(session, n, sql);
    case 'CreateRangeStmt':
      return createRangeType(session, n, sql);
    case 'AlterEnumStmt':
      return alterEnum(session, n);
    case 'CreateDomainStmt':
      return createDomain(session, n, sql);
    case 'AlterDomainStmt':
      return alterDomain(session, n, sql);
    case 'ViewStmt':
      // (CREATE on the schema is checked after the query is analyzed, as DefineView does)
      return withDefaultAcls(session, () => createView(session, adjustPersistence(n, 'view', sql), sql));
    case 'CommentStmt':
      return commentOn(session, n);
    case 'CreateExtensionStmt':
      return createExtension(session, n);
    case 'AlterTableStmt':
      return alterTable(session, n, sql);
    case 'RenameStmt':
      if (n.renameType === 'OBJECT_ROLE') return renameRole(session, n);
      if (n.renameType === 'OBJECT_POLICY') return renamePolicy(session, n);
      if (n.renameType === 'OBJECT_RULE') return renameRule(session, n);
      if (n.renameType === 'OBJECT_PUBLICATION') return renamePublication(session, n);
      if (n.renameType === 'OBJECT_STATISTIC_EXT') return renameStatistics(session, n);
      if (n.renameType === 'OBJECT_COLLATION') return renameCollation(session, n);
      if (n.renameType === 'OBJECT_EVENT_TRIGGER') return renameEventTrigger(session, n);
      if (isRoutineAlter(kind, n)) return alterRoutine(session, kind, n, sql);
      return renameObject(session, n);
    case 'AlterFunctionStmt':
    case 'AlterOwnerStmt':
    case 'AlterObjectSchemaStmt':
      if (isRoutineAlter(kind, n)) return alterRoutine(session, kind, n, sql);
      if (kind === 'AlterOwnerStmt' && n.objectType === 'OBJECT_PUBLICATION') return publicationOwner(session, n);
      if (kind === 'AlterOwnerStmt' && n.objectType === 'OBJECT_STATISTIC_EXT') return statisticsOwner(session, n);
      if (kind === 'AlterOwnerStmt' && n.objectType === 'OBJECT_OPERATOR') return operatorOwner(session, n);
      if (kind === 'AlterOwnerStmt' && n.objectType === 'OBJECT_COLLATION') return collationOwner(session, n);
      if (kind === 'AlterOwnerStmt' && n.objectType === 'OBJECT_EVENT_TRIGGER') {
        return eventTriggerOwner(session, n, resolveRoleSpec(n.newowner, session.currentUser(), session.sessionUser(), session.transaction().catalog));
      }
      if (kind === 'AlterObjectSchemaStmt' && n.objectType === 'OBJECT_COLLATION') return collationSetSchema(session, n);
      if (kind === 'AlterObjectSchemaStmt' && n.objectType === 'OBJECT_OPERATOR') return operatorSetSchema(session, n);
      if (kind === 'AlterObjectSchemaStmt' && n.objectType === 'OBJECT_STATISTIC_EXT') return statisticsSetSchema(session, n);
      if (kind === 'AlterOwnerStmt') return alterOwner(session, n);
      if (kind === 'AlterObjectSchemaStmt' && isSchemaMove(n)) return alterObjectSchema(session, n);
      throw featureNotSupported(kind.replace(/Stmt$/, ' statement'));
    case 'CreateRoleStmt':
      return createRole(session, n, sql);
    case 'AlterRoleStmt':
      return alterRole(session, n, sql);
    case 'AlterRoleSetStmt':
      return alterRoleSet(session, n, settingValue);
    case 'DropRoleStmt':
      return dropRoles(session, n);
    case 'GrantRoleStmt':
      return grantRole(session, n);
    case 'GrantStmt':
      return grantStatement(session, n);
    case 'AlterDefaultPrivilegesStmt':
      return alterDefaultPrivileges(session, n);
    case 'ReassignOwnedStmt':
      return reassignOwned(session, n);
    case 'DropOwnedStmt':
      return dropOwned(session, n, (objs) => {
        for (const o of objs) {
          const removeType = o.kind === 'schema' ? 'OBJECT_SCHEMA' : o.kind === 'v' ? 'OBJECT_VIEW' : o.kind === 'S' ? 'OBJECT_SEQUENCE' : o.kind === 'm' ? 'OBJECT_MATVIEW' : 'OBJECT_TABLE';
          const names = o.kind === 'schema' ? { String: { sval: o.name } } : { List: { items: [{ String: { sval: o.schema } }, { String: { sval: o.name } }] } };
          dropObjects(session, { removeType, objects: [names], behavior: 'DROP_CASCADE', missing_ok: true }, sql);
        }
      });
    case 'CreateStatsStmt':
      return createStatistics(session, n, sql);
    case 'AlterStatsStmt':
      return alterStatistics(session, n);
    case 'CreatePublicationStmt':
      return createPublication(session, n, sql);
    case 'AlterPublicationStmt':
      return alterPublication(session, n, sql);
    case 'CreatePolicyStmt':
      return createPolicy(session, n, sql);
    case 'AlterPolicyStmt':
      return alterPolicy(session, n, sql);
    case 'AlterSeqStmt':
      return alterSequence(session, n, sql);
    case 'IndexStmt':
      if (n.concurrent) session.preventInTransactionBlock('CREATE INDEX CONCURRENTLY');
      checkTableOwner(session, n.relation);
      return createIndex(session, n, sql);
    case 'CreateSeqStmt': {
      const c = adjustPersistence(n, 'sequence', sql);
      checkCreateIn(session, c.sequence && { ...c.sequence, location: -1 }, sql); // (no position, unlike CREATE TABLE)
      return withDefaultAcls(session, () => createSequence(session, c, sql));
    }
    case 'CreateFunctionStmt':
      return withDefaultAcls(session, () => createFunction(session, n, sql, st));
    case 'DoStmt':
      return doStatement(session, n, st, sql);
    case 'CallStmt':
      return callStatement(session, n, sql);
    case 'RuleStmt':
      checkTableOwner(session, n.relation);
      return createRule(session, n, sql);
    case 'CreateTrigStmt':
      return createTrigger(session, n, sql);
    case 'CreateEventTrigStmt':
      return createEventTrigger(session, n);
    case 'AlterEventTrigStmt':
      return alterEventTrigger(session, n);
    case 'DiscardStmt':
      return discard(session, n);
    case 'PrepareStmt':
      return prepareStatement(session, n, sql, st);
    case 'ExecuteStmt':
      return executePrepared(session, n, sql);
    case 'DeallocateStmt':
      return deallocate(session, n);
    case 'ConstraintsSetStmt':
      return setConstraints(session, n);
    case 'LockStmt':
      return lockTable(session, n, sql);
    case 'DeclareCursorStmt':
      return declareCursor(session, n, sql, st);
    case 'FetchStmt':
      return fetchStatement(session, n);
    case 'ClosePortalStmt':
      return closeCursor(session, n);
    case 'CreateTableAsStmt':
      return withDefaultAcls(session, () => createTableAs(session, n.into?.rel ? { ...n, into: adjustPersistence(n.into, 'rel', sql) } : n, sql, st));
    case 'RefreshMatViewStmt':
      return refreshMatview(session, n, sql);
    case 'DefineStmt':
      if (n.kind === 'OBJECT_TSCONFIGURATION') return defineTsConfiguration(session, n);
      if (n.kind === 'OBJECT_AGGREGATE') return withDefaultAcls(session, () => defineAggregate(session, n, sql));
      if (n.kind === 'OBJECT_OPERATOR') return defineOperator(session, n);
      if (n.kind === 'OBJECT_COLLATION') return defineCollation(session, n);
      if (TS_OBJECTS[n.kind]) throw featureNotSupported(`CREATE TEXT SEARCH ${TS_OBJECTS[n.kind]}`);
      throw featureNotSupported('Define statement');
    case 'AlterOperatorStmt':
      return alterOperator(session, n);
    case 'ClusterStmt':
      return cluster(session, n);
    case 'AlterCollationStmt':
      return refreshCollationVersion(session, n);
    case 'AlterTSConfigurationStmt':
      return alterTsConfiguration(session, n);
    case 'AlterTSDictionaryStmt':
      throw featureNotSupported('ALTER TEXT SEARCH DICTIONARY');
    default:
      void st;
      throw featureNotSupported(kind.replace(/Stmt$/, ' statement'));
  }
}

/** Text-search object kinds fauxgres cannot create or drop (only configurations). */
const TS_OBJECTS: Record<string, string> = { OBJECT_TSDICTIONARY: 'DICTIONARY', OBJECT_TSPARSER: 'PARSER', OBJECT_TSTEMPLATE: 'TEMPLATE' };

/** SHOW name / SHOW ALL (name, setting, description of every setting, by name). */
function showStatement(session: Session, raw: string): StatementResult {
  const textField = (name: string) => ({ name, tableID: 0, columnID: 0, dataTypeID: OID.text, dataTypeSize: -1, dataTypeModifier: -1, format: 'text' as const });
  const name = raw.toLowerCase();
  if (name === 'all') {
    const rows = [...allSettingFacts().entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, f]) => [f.name, session.getSetting(key, true) ?? '', f.shortDesc]);
    return { command: 'SHOW', rowCount: rows.length, fields: [textField('name'), textField('setting'), textField('description')], rows };
  }
  const key = name === 'time zone' ? 'timezone' : name;
  const v = session.getSetting(key, false) ?? '';
  return { command: 'SHOW', rowCount: 1, fields: [textField(settingFact(key)?.name ?? key)], rows: [[v]] };
}

/**
 * SET TIME ZONE INTERVAL '...': a fixed offset given as an interval (hours east of UTC, as a
 * number the TimeZone setting takes); months and days are refused as Postgres refuses them.
 */
function intervalZoneHours(cast: AnyNode, text: string): string {
  const names = ((cast.typeName as AnyNode | undefined)?.names as AnyNode[] | undefined)?.map((x) => x.String?.sval as string) ?? [];
  if (names[names.length - 1] !== 'interval') return text;
  const iv = intervalIO.input(text, -1, DEFAULT_IO_CONTEXT);
  const shown = intervalIO.output(iv, DEFAULT_IO_CONTEXT);
  const refuse = (what: string) =>
    new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "TimeZone": "INTERVAL '${shown}'"`, { detail: `Cannot specify ${what} in time zone interval.` });
  if (iv.months !== 0) throw refuse('months');
  if (iv.days !== 0) throw refuse('days');
  return String(Number(iv.micros) / 3_600_000_000);
}
