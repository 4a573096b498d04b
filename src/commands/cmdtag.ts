/**
 * The command tag of a utility statement before it runs (what event triggers filter on and
 * TG_TAG shows), from the parse tree as Postgres's CreateCommandTag computes it.
 * Postgres counterpart: src/backend/tcop/utility.c (CreateCommandTag, AlterObjectTypeCommandTag).
 */

type AnyNode = Record<string, any>;

/** The object word of CREATE / ALTER / DROP tags, by parse-tree object type. */
const OBJECT_WORD: Record<string, string> = {
  OBJECT_TABLE: 'TABLE', OBJECT_SEQUENCE: 'SEQUENCE', OBJECT_VIEW: 'VIEW', OBJECT_MATVIEW: 'MATERIALIZED VIEW', OBJECT_INDEX: 'INDEX',
  OBJECT_TYPE: 'TYPE', OBJECT_DOMAIN: 'DOMAIN', OBJECT_COLLATION: 'COLLATION', OBJECT_CONVERSION: 'CONVERSION', OBJECT_SCHEMA: 'SCHEMA',
  OBJECT_TSPARSER: 'TEXT SEARCH PARSER', OBJECT_TSDICTIONARY: 'TEXT SEARCH DICTIONARY', OBJECT_TSTEMPLATE: 'TEXT SEARCH TEMPLATE',
  OBJECT_TSCONFIGURATION: 'TEXT SEARCH CONFIGURATION', OBJECT_FOREIGN_TABLE: 'FOREIGN TABLE', OBJECT_EXTENSION: 'EXTENSION',
  OBJECT_FUNCTION: 'FUNCTION', OBJECT_PROCEDURE: 'PROCEDURE', OBJECT_ROUTINE: 'ROUTINE', OBJECT_AGGREGATE: 'AGGREGATE',
  OBJECT_OPERATOR: 'OPERATOR', OBJECT_LANGUAGE: 'LANGUAGE', OBJECT_CAST: 'CAST', OBJECT_TRIGGER: 'TRIGGER', OBJECT_EVENT_TRIGGER: 'EVENT TRIGGER',
  OBJECT_RULE: 'RULE', OBJECT_FDW: 'FOREIGN DATA WRAPPER', OBJECT_FOREIGN_SERVER: 'SERVER', OBJECT_OPCLASS: 'OPERATOR CLASS',
  OBJECT_OPFAMILY: 'OPERATOR FAMILY', OBJECT_POLICY: 'POLICY', OBJECT_TRANSFORM: 'TRANSFORM', OBJECT_ACCESS_METHOD: 'ACCESS METHOD',
  OBJECT_PUBLICATION: 'PUBLICATION', OBJECT_STATISTIC_EXT: 'STATISTICS', OBJECT_SUBSCRIPTION: 'SUBSCRIPTION',
};

/** ALTER's object word where it differs from CREATE / DROP's (AlterObjectTypeCommandTag). */
const ALTER_WORD: Record<string, string> = {
  OBJECT_ATTRIBUTE: 'TYPE', OBJECT_COLUMN: 'TABLE', OBJECT_DATABASE: 'DATABASE', OBJECT_DOMCONSTRAINT: 'DOMAIN', OBJECT_LARGEOBJECT: 'LARGE OBJECT',
  OBJECT_ROLE: 'ROLE', OBJECT_TABCONSTRAINT: 'TABLE', OBJECT_TABLESPACE: 'TABLESPACE',
};

const alterTag = (objtype: string): string => {
  const w = ALTER_WORD[objtype] ?? OBJECT_WORD[objtype];
  return w ? `ALTER ${w}` : '???';
};

/** Tags that depend only on the statement's node type. */
const FIXED: Record<string, string> = {
  CreateDomainStmt: 'CREATE DOMAIN', CreateSchemaStmt: 'CREATE SCHEMA', CreateStmt: 'CREATE TABLE', CreateExtensionStmt: 'CREATE EXTENSION',
  AlterExtensionStmt: 'ALTER EXTENSION', AlterExtensionContentsStmt: 'ALTER EXTENSION', CreateFdwStmt: 'CREATE FOREIGN DATA WRAPPER',
  CreateForeignServerStmt: 'CREATE SERVER', CreateUserMappingStmt: 'CREATE USER MAPPING', CreateForeignTableStmt: 'CREATE FOREIGN TABLE',
  TruncateStmt: 'TRUNCATE TABLE', CommentStmt: 'COMMENT', SecLabelStmt: 'SECURITY LABEL', CopyStmt: 'COPY', AlterDomainStmt: 'ALTER DOMAIN',
  AlterDefaultPrivilegesStmt: 'ALTER DEFAULT PRIVILEGES', CompositeTypeStmt: 'CREATE TYPE', CreateEnumStmt: 'CREATE TYPE',
  CreateRangeStmt: 'CREATE TYPE', AlterEnumStmt: 'ALTER TYPE', ViewStmt: 'CREATE VIEW', IndexStmt: 'CREATE INDEX', RuleStmt: 'CREATE RULE',
  CreateSeqStmt: 'CREATE SEQUENCE', AlterSeqStmt: 'ALTER SEQUENCE', DoStmt: 'DO', CallStmt: 'CALL', RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
  CreateTrigStmt: 'CREATE TRIGGER', CreateEventTrigStmt: 'CREATE EVENT TRIGGER', AlterEventTrigStmt: 'ALTER EVENT TRIGGER',
  CreateRoleStmt: 'CREATE ROLE', AlterRoleStmt: 'ALTER ROLE', AlterRoleSetStmt: 'ALTER ROLE', DropRoleStmt: 'DROP ROLE', DropOwnedStmt: 'DROP OWNED',
  ReassignOwnedStmt: 'REASSIGN OWNED', LockStmt: 'LOCK TABLE', CreatePolicyStmt: 'CREATE POLICY', AlterPolicyStmt: 'ALTER POLICY',
  CreatePublicationStmt: 'CREATE PUBLICATION', AlterPublicationStmt: 'ALTER PUBLICATION', CreateStatsStmt: 'CREATE STATISTICS',
  AlterStatsStmt: 'ALTER STATISTICS', AlterOperatorStmt: 'ALTER OPERATOR', AlterCollationStmt: 'ALTER COLLATION',
  AlterTSConfigurationStmt: 'ALTER TEXT SEARCH CONFIGURATION', AlterTSDictionaryStmt: 'ALTER TEXT SEARCH DICTIONARY', CreateCastStmt: 'CREATE CAST',
  CreateOpClassStmt: 'CREATE OPERATOR CLASS', CreateOpFamilyStmt: 'CREATE OPERATOR FAMILY', CreateTransformStmt: 'CREATE TRANSFORM',
  CreatePLangStmt: 'CREATE LANGUAGE', CreateAmStmt: 'CREATE ACCESS METHOD', CreateConversionStmt: 'CREATE CONVERSION',
  AlterTableMoveAllStmt: 'ALTER TABLE', ImportForeignSchemaStmt: 'IMPORT FOREIGN SCHEMA', ReindexStmt: 'REINDEX',
};

/** CreateCommandTag for the utility statements fauxgres runs ('???' for those it does not name). */
export function createCommandTag(kind: string, n: AnyNode): string {
  const fixed = FIXED[kind];
  if (fixed) return fixed;
  switch (kind) {
    case 'DropStmt': {
      const w = OBJECT_WORD[n.removeType as string];
      return w ? `DROP ${w}` : '???';
    }
    case 'RenameStmt':
      return alterTag((n.renameType === 'OBJECT_COLUMN' ? n.relationType : n.renameType) as string);
    case 'AlterObjectDependsStmt':
    case 'AlterObjectSchemaStmt':
    case 'AlterOwnerStmt':
      return alterTag(n.objectType as string);
    case 'AlterTableStmt':
      return alterTag(n.objtype as string);
    case 'AlterFunctionStmt':
      return alterTag(n.objtype as string);
    case 'GrantStmt':
      return n.is_grant ? 'GRANT' : 'REVOKE';
    case 'GrantRoleStmt':
      return n.is_grant ? 'GRANT ROLE' : 'REVOKE ROLE';
    case 'DefineStmt': {
      const w = OBJECT_WORD[n.kind as string];
      return w ? `CREATE ${w}` : '???';
    }
    case 'CreateFunctionStmt':
      return n.is_procedure ? 'CREATE PROCEDURE' : 'CREATE FUNCTION';
    case 'CreateTableAsStmt':
      if (n.objtype === 'OBJECT_MATVIEW') return 'CREATE MATERIALIZED VIEW';
      return n.is_select_into ? 'SELECT INTO' : 'CREATE TABLE AS';
    default:
      return '???';
  }
}
