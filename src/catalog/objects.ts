/**
 * Catalog object definitions: what pg_namespace, pg_class, pg_attribute, pg_constraint, pg_index,
 * pg_sequence, pg_type, pg_proc and pg_trigger rows hold, as immutable TypeScript records. A catalog version never
 * mutates a record it shares with another version; DDL replaces records (see catalog.ts).
 *
 * Postgres counterpart: src/include/catalog/pg_*.h.
 */
import type { Expr } from '../nodes/primnodes.js';
import type { Value } from '../types/values.js';
import type { PartitionKey, PartitionOf } from './partition.js';

/** An analyzed expression kept in the catalog, with the text Postgres would deparse it to. */
export interface StoredExpr {
  readonly expr: Expr;
  readonly text: string;
  /** Whether evaluation may give a different value each time (nextval, random). */
  readonly volatile: boolean;
  /** Whether it calls anything not IMMUTABLE (now() is STABLE). */
  readonly mutable?: boolean;
}

export interface NamespaceDef {
  readonly oid: number;
  readonly name: string;
  readonly owner: string;
  /** nspacl; undefined: the default (acldefault). */
  readonly acl?: readonly AclItem[];
}

/**
 * One aclitem: what `grantee` (0 = PUBLIC) may do, granted by `grantor` (role OIDs). `privs` and
 * `grantable` are sets of Postgres's privilege letters (`arwdDxtm`, `X`, `U`, `C`, `UC`, ...).
 */
export interface AclItem {
  readonly grantee: number;
  readonly grantor: number;
  readonly privs: string;
  readonly grantable: string;
}

/** A pg_authid row. */
export interface RoleDef {
  readonly oid: number;
  readonly name: string;
  readonly superuser: boolean;
  readonly inherit: boolean;
  readonly createRole: boolean;
  readonly createDb: boolean;
  readonly canLogin: boolean;
  readonly replication: boolean;
  readonly bypassRls: boolean;
  readonly connLimit: number;
  readonly password: string | null;
  /** VALID UNTIL as given (a timestamptz literal), or null. */
  readonly validUntil: string | null;
  /** ALTER ROLE ... SET: `name=value` (pg_db_role_setting). */
  readonly config: readonly string[];
}

/** A pg_auth_members row: `member` is a member of `role`. */
export interface AuthMemberDef {
  readonly oid: number;
  readonly role: number;
  readonly member: number;
  readonly grantor: number;
  readonly admin: boolean;
  readonly inherit: boolean;
  readonly set: boolean;
}

/** A policy expression as parsed (re-analyzed on use), its text, and the statement it came from. */
export interface PolicyExpr {
  readonly raw: unknown;
  /** As analyzed at CREATE / ALTER POLICY (for pg_get_expr). */
  readonly expr: Expr;
  readonly text: string;
  readonly sql: string;
}

/** A pg_policy row (row-level security). */
export interface PolicyDef {
  readonly oid: number;
  readonly name: string;
  readonly relation: number;
  /** polcmd: r SELECT, a INSERT, w UPDATE, d DELETE, * ALL. */
  readonly cmd: 'r' | 'a' | 'w' | 'd' | '*';
  readonly permissive: boolean;
  /** Role OIDs; [0] is PUBLIC. */
  readonly roles: readonly number[];
  /** USING and WITH CHECK as parsed (re-analyzed on use) with their deparsed text. */
  readonly qual?: PolicyExpr;
  readonly withCheck?: PolicyExpr;
}

export interface ColumnDef {
  readonly name: string;
  /** 1-based attribute number; stable for the life of the column (dropped columns keep theirs). */
  readonly attnum: number;
  readonly type: number;
  readonly typmod: number;
  readonly notNull: boolean;
  readonly collation?: string;
  readonly default?: StoredExpr;
  readonly generated?: { readonly kind: 's' | 'v'; readonly expr: StoredExpr };
  readonly identity?: 'a' | 'd';
  readonly dropped?: boolean;
  /** Value for rows stored before this column was added (Postgres's attmissingval). */
  readonly missing?: Value;
  /** attacl: column privileges (undefined: none). */
  readonly acl?: readonly AclItem[];
  /** ALTER COLUMN ... SET STATISTICS (attstattarget); undefined: the default (NULL). */
  /** ALTER COLUMN SET (n_distinct = ...): pg_attribute.attoptions, as `name=value`. */
  readonly attOptions?: readonly string[];
  readonly statTarget?: number;
  /** Table inheritance: how many parents this column comes from (attinhcount); undefined: 0. */
  readonly inhCount?: number;
  /** Table inheritance: the column is not defined locally (attislocal false). */
  readonly notLocal?: boolean;
  /** SET STORAGE / STORAGE (attstorage); undefined: the type's. */
  readonly storage?: 'p' | 'e' | 'm' | 'x';
  /** SET COMPRESSION / COMPRESSION (attcompression, p pglz); undefined: the default (''). */
  readonly compression?: 'p';
}

export type FkAction = 'a' | 'r' | 'c' | 'n' | 'd'; // NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT

export interface ForeignKeyInfo {
  readonly refRelation: number;
  readonly refColumns: readonly number[];
  readonly onDelete: FkAction;
  readonly onUpdate: FkAction;
  readonly match: 's' | 'f' | 'p';
  /** ON DELETE SET NULL (cols) / SET DEFAULT (cols) column subset. */
  readonly deleteSetColumns?: readonly number[];
  /** The unique index on the referenced table that backs the key. */
  readonly refIndex: number;
}

export interface ConstraintDef {
  readonly oid: number;
  readonly name: string;
  /** p primary key, u unique, c check, f foreign key, n not null, x exclusion */
  readonly kind: 'p' | 'u' | 'c' | 'f' | 'n' | 'x';
  readonly relation: number;
  readonly namespace: number;
  readonly columns: readonly number[];
  readonly index?: number;
  readonly check?: StoredExpr;
  readonly fk?: ForeignKeyInfo;
  readonly deferrable: boolean;
  readonly deferred: boolean;
  readonly validated: boolean;
  readonly noInherit?: boolean;
  /** CHECK ... NOT ENFORCED (PG 18): recorded, never checked (conenforced false, convalidated false). */
  readonly notEnforced?: boolean;
  /** Table inheritance: how many parents this constraint comes from (coninhcount); undefined: 0. */
  readonly inhCount?: number;
  /** Table inheritance: the constraint is not defined locally (conislocal false). */
  readonly notLocal?: boolean;
  /** A partition's foreign key merged into its ancestor's key on ATTACH (conparentid). */
  readonly parentConstraint?: number;
  /** PG 18 temporal key (conperiod): PRIMARY KEY / UNIQUE (..., col WITHOUT OVERLAPS), FOREIGN KEY (..., PERIOD col). */
  readonly period?: boolean;
}

export interface IndexKey {
  /** attnum, or 0 for an expression key. */
  readonly attnum: number;
  readonly expr?: StoredExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
  readonly collation?: string;
  /** A non-default operator class named in CREATE INDEX (gin's jsonb_path_ops). */
  readonly opclass?: string;
  /** The extension whose operator class `opclass` is (commands/extension-opclasses.ts). */
  readonly opclassExtension?: string;
  /** That class's options as pg_get_indexdef prints them (`siglen='32'`). */
  readonly opclassOptions?: string;
  /** That class is the type's default one (pg_get_indexdef does not print it). */
  readonly opclassDefault?: boolean;
}

export interface IndexInfo {
  readonly relation: number;
  readonly keys: readonly IndexKey[];
  readonly unique: boolean;
  readonly primary: boolean;
  readonly nullsNotDistinct: boolean;
  readonly predicate?: StoredExpr;
  readonly constraint?: number;
  /** INCLUDE columns (attnums). */
  readonly include: readonly number[];
  readonly method: string;
  /** Exclusion constraint index: the operator of each key column (pg_constraint.conexclop). */
  readonly exclusion?: readonly ExclusionOperator[];
  /** A partition's copy of its partitioned table's index: that index (pg_inherits of indexes). */
  readonly parentIndex?: number;
  /** A partitioned index some partition has no part of yet (CREATE INDEX ON ONLY): indisvalid false. */
  readonly invalid?: boolean;
}

/** One `col WITH op` of an exclusion constraint. */
export interface ExclusionOperator {
  /** Operator name (`=`, `&&`, `<>`, `-|-`). */
  readonly name: string;
  /** Postgres's pg_operator OID of it (0 when unknown). */
  readonly oid: number;
}

export interface SequenceInfo {
  readonly type: number;
  readonly start: bigint;
  readonly increment: bigint;
  readonly min: bigint;
  readonly max: bigint;
  readonly cache: bigint;
  readonly cycle: boolean;
  readonly ownedBy?: { readonly relation: number; readonly attnum: number };
  /** Sequence created for an identity column (dependency type 'i'). */
  readonly identity?: boolean;
}

export interface ViewInfo {
  /** The view's SELECT as parsed (re-analyzed on use), and the statement text its locations index. */
  readonly raw: unknown;
  readonly text: string;
  /** search_path when the view was created (its names resolve under it). */
  readonly searchPath: readonly string[];
  readonly checkOption?: 'local' | 'cascaded';
  readonly securityBarrier?: boolean;
  readonly securityInvoker?: boolean;
  /** Relations (and their columns) the view's query reads, for DROP dependency checks. */
  readonly dependsOn: readonly number[];
  /** Materialized views: whether it holds data (false after WITH NO DATA), pg_class.relispopulated. */
  readonly populated?: boolean;
  /** The objects the query's names resolved to at creation (followed on every use; rewrite/view-binding.ts). */
  readonly binding?: import('../rewrite/view-binding.js').ViewBinding;
  /** Columns the query uses, per relation OID (DROP COLUMN / ALTER COLUMN TYPE dependencies). */
  readonly columnDeps?: ReadonlyMap<number, ReadonlySet<number>>;
  /** Primary keys the query's grouping relies on (functional dependency): DROP CONSTRAINT checks them. */
  readonly constraintDeps?: readonly number[];
}

/** A pg_class row: table (r), view (v), index (i), sequence (S), partitioned table (p), materialized view (m). */
export interface RelationDef {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  /**
   * ALTER TABLE ... DISABLE TRIGGER ALL: the table's internal foreign-key triggers (its own keys'
   * checks, the actions of keys referencing it) are disabled, so neither runs.
   */
  readonly riTriggersDisabled?: boolean;
  readonly kind: 'r' | 'v' | 'i' | 'S' | 'p' | 'm' | 'c';
  readonly persistence: 'p' | 't' | 'u';
  readonly owner: string;
  readonly columns: readonly ColumnDef[];
  /** Storage key of the heap (or index/sequence state); changes on rewrite (ALTER COLUMN TYPE, TRUNCATE). */
  readonly filenode: number;
  /** Composite row type of a table/view. */
  readonly rowType: number;
  readonly index?: IndexInfo;
  readonly sequence?: SequenceInfo;
  readonly view?: ViewInfo;
  readonly rlsEnabled?: boolean;
  readonly rlsForced?: boolean;
  readonly options?: readonly string[];
  /** Partitioned table (relkind p): its partition key (pg_partitioned_table). */
  readonly partitionKey?: PartitionKey;
  /** Partitioned table: its partitions' oids, in attach order (pg_inherits). */
  readonly partitions?: readonly number[];
  /** A partition (relispartition): its parent and bound (relpartbound). */
  readonly partitionOf?: PartitionOf;
  /** A typed table (CREATE TABLE ... OF type): the composite type (reloftype). */
  readonly ofType?: number;
  /** Table inheritance (INHERITS): the parents, in inhseqno order. */
  readonly inhParents?: readonly number[];
  /** Table inheritance: the children (tables whose inhParents name this one), in creation order. */
  readonly inhChildren?: readonly number[];
  /** relacl; undefined: the default (acldefault). */
  readonly acl?: readonly AclItem[];
  /** REPLICA IDENTITY (relreplident) of a table: undefined is DEFAULT ('d'). */
  readonly replicaIdentity?: 'n' | 'f' | 'i';
  /** REPLICA IDENTITY USING INDEX: that index (it may since have been dropped). */
  readonly replicaIndex?: number;
  /** ALTER TABLE ... CLUSTER ON / CLUSTER ... USING: the index marked indisclustered. */
  readonly clusteredIndex?: number;
}

/** A table named in a publication (a pg_publication_rel row). */
export interface PublicationRel {
  /** The pg_publication_rel row's own oid. */
  readonly oid: number;
  readonly relation: number;
}

/** A publication (pg_publication with its pg_publication_rel / pg_publication_namespace rows). */
/** An extended statistics object (CREATE STATISTICS; pg_statistic_ext). */
/**
 * A user-defined operator (CREATE OPERATOR), or a shell operator a COMMUTATOR / NEGATOR clause
 * named before it was defined (`proc` 0). Built-in operators live in functions/registry.ts.
 */
export interface OperatorObjectDef {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  readonly owner: string;
  /** oprkind: b (infix) or l (prefix, `left` 0). */
  readonly kind: 'b' | 'l';
  readonly left: number;
  readonly right: number;
  readonly result: number;
  /** oprcode: a user function's OID or a built-in's pg_proc OID (0 for a shell). */
  readonly proc: number;
  readonly commutator: number;
  readonly negator: number;
  /** oprrest / oprjoin: pg_proc OIDs of the estimators (0 when none). */
  readonly restrict: number;
  readonly join: number;
  readonly canMerge: boolean;
  readonly canHash: boolean;
}

/** A user collation (CREATE COLLATION; pg_collation). Built-in collations live in types/collation.ts. */
export interface CollationDef {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  readonly owner: string;
  /** collprovider: c (libc), i (ICU), b (builtin). */
  readonly provider: 'c' | 'i' | 'b';
  readonly deterministic: boolean;
  /** collencoding: -1 (any) or 6 (UTF8). */
  readonly encoding: number;
  readonly collate: string | null;
  readonly ctype: string | null;
  readonly locale: string | null;
  readonly icuRules: string | null;
  readonly version: string | null;
}

export interface StatisticsDef {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  readonly relation: number;
  readonly owner: string;
  /** Column attnums, ascending (stxkeys). */
  readonly keys: readonly number[];
  /** Expressions, in the order given. */
  readonly exprs: readonly StoredExpr[];
  /** stxkind: d (ndistinct), f (dependencies), m (mcv), e (expressions), in that order. */
  readonly kinds: readonly string[];
  /** stxstattarget (undefined: NULL, the default). */
  readonly target?: number;
}

/** An event trigger (pg_event_trigger row). */
export interface EventTriggerDef {
  readonly oid: number;
  readonly name: string;
  /** ddl_command_start, ddl_command_end, sql_drop, table_rewrite or login. */
  readonly event: string;
  readonly owner: string;
  readonly func: number;
  /** evtenabled: O (origin), D (disabled), R (replica), A (always). */
  readonly enabled: 'O' | 'D' | 'R' | 'A';
  /** WHEN TAG IN (...), upper-cased; null: every command. */
  readonly tags: readonly string[] | null;
}

export interface PublicationDef {
  readonly oid: number;
  readonly name: string;
  readonly owner: string;
  readonly allTables: boolean;
  readonly insert: boolean;
  readonly update: boolean;
  readonly delete: boolean;
  readonly truncate: boolean;
  readonly viaRoot: boolean;
  /** publish_generated_columns: none ('n') or stored ('s'). */
  readonly generatedColumns: 'n' | 's';
  readonly tables: readonly PublicationRel[];
  /** FOR TABLES IN SCHEMA: [pg_publication_namespace oid, namespace oid]. */
  readonly schemas: readonly (readonly [number, number])[];
}

export interface EnumInfo {
  readonly labels: readonly { readonly label: string; readonly sortOrder: number; readonly oid: number }[];
}

export interface DomainInfo {
  readonly baseType: number;
  readonly baseTypmod: number;
  readonly notNull: boolean;
  /** The NOT NULL constraint's name (default `<domain>_not_null` as named at creation). */
  readonly notNullName?: string;
  readonly default?: StoredExpr;
  readonly checks: readonly { readonly oid: number; readonly name: string; readonly expr: StoredExpr; readonly validated: boolean }[];
  readonly collation?: string;
}

/** A user range type's pg_range row (CREATE TYPE ... AS RANGE). */
export interface RangeInfo {
  readonly subtype: number;
  /** rngcollation: the collation the subtype's values compare by (collatable subtypes only). */
  readonly collation?: string;
  /** rngmultitypid: the multirange type created with it. */
  readonly multirange: number;
  /** rngsubdiff: the subtype_diff function's OID (0 when none). */
  readonly subtypeDiff: number;
}

/** A pg_type row for a user-defined type (enum, domain, composite, range, multirange) or its array type. */
export interface UserTypeDef {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  /** e enum, d domain, c composite, b base (extension types, arrays), r range, m multirange. */
  readonly kind: 'e' | 'd' | 'c' | 'b' | 'r' | 'm';
  readonly owner: string;
  readonly arrayType?: number;
  /** For an array type: its element type. */
  readonly elementType?: number;
  readonly enumInfo?: EnumInfo;
  readonly domain?: DomainInfo;
  /** For a composite type: the relation that defines its attributes. */
  readonly relation?: number;
  /** For a range type: its pg_range row. */
  readonly range?: RangeInfo;
  /** For a multirange type: its range type. */
  readonly multirangeOf?: number;
  /** For a base type an extension brings: which built-in I/O implements it. */
  readonly baseIO?: 'citext' | 'hstore';
  /** typacl; undefined: the default (acldefault). */
  readonly acl?: readonly AclItem[];
}

export interface ExtensionDef {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  readonly version: string;
}

/** One parameter of a function (pg_proc.proargnames / proargmodes / proallargtypes). */
export interface FunctionParamDef {
  /** Empty for an unnamed parameter. */
  readonly name: string;
  /** Declared type; may be polymorphic (anyelement, anyarray, anycompatible...). */
  readonly type: number;
  /** i IN, o OUT, b INOUT, v VARIADIC, t TABLE (a RETURNS TABLE column). */
  readonly mode: 'i' | 'o' | 'b' | 'v' | 't';
  /** DEFAULT expression (analyzed, coerced to `type`). */
  readonly default?: StoredExpr;
}

/** A pg_proc row for a user-defined function or procedure. */
export interface FunctionDef {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  readonly owner: string;
  /** f function, p procedure, a aggregate (CREATE AGGREGATE; see `aggregate`). */
  readonly kind: 'f' | 'p' | 'a';
  /** internal: a built-in C function by its prosrc name (the constructors of user range types). */
  readonly language: 'sql' | 'plpgsql' | 'internal';
  /** Every parameter in declaration order (IN, OUT, INOUT, VARIADIC, TABLE). */
  readonly params: readonly FunctionParamDef[];
  /** The signature: types of the input parameters (IN, INOUT, VARIADIC), pg_proc.proargtypes. */
  readonly argTypes: readonly number[];
  /** prorettype: the declared result (record for several OUT columns, void for procedures without OUT). */
  readonly returnType: number;
  readonly retset: boolean;
  readonly volatility: 'i' | 's' | 'v';
  readonly strict: boolean;
  readonly securityDefiner: boolean;
  readonly leakproof: boolean;
  readonly parallel: 's' | 'r' | 'u';
  readonly cost: number;
  readonly rows: number;
  /** SET clauses (pg_proc.proconfig), as `name=value`. */
  readonly config: readonly string[];
  /** The body text (prosrc); for BEGIN ATOMIC bodies, the text of the statements. */
  readonly body: string;
  /** SQL-standard body (BEGIN ATOMIC / RETURN expr): the parsed statements. */
  readonly sqlBody?: readonly unknown[];
  /** Line offset of the body inside CREATE FUNCTION, for error positions at creation. */
  readonly bodyOffset?: number;
  /** Relations the SQL-standard body reads (pg_depend), for DROP dependency checks. */
  readonly dependsOn?: readonly number[];
  /** proacl; undefined: the default (acldefault). */
  readonly acl?: readonly AclItem[];
  /** An aggregate's pg_aggregate row. */
  readonly aggregate?: AggregateInfo;
  /** A constructor function of a user range or multirange type (pg_depend 'i'): dropped with the type. */
  readonly constructsType?: number;
}

/** A function an aggregate calls: a user function's OID, or a built-in's pg_proc OID and implementation. */
export interface AggregateFnRef {
  readonly oid: number;
  readonly name: string;
  readonly builtin?: import('../functions/registry.js').FunctionImpl;
  /** Argument and result types as the aggregate calls it. */
  readonly argTypes: readonly number[];
  readonly returnType: number;
  readonly strict: boolean;
}

/** A pg_aggregate row of a user aggregate (normal kind 'n'). */
export interface AggregateInfo {
  readonly transFn: AggregateFnRef;
  readonly finalFn?: AggregateFnRef;
  readonly combineFn?: AggregateFnRef;
  readonly serialFn?: AggregateFnRef;
  readonly deserialFn?: AggregateFnRef;
  readonly transType: number;
  /** agginitval (text), or null. */
  readonly initVal: string | null;
  readonly finalExtra: boolean;
  /** aggfinalmodify: r read-only, s shareable, w read-write. */
  readonly finalModify: 'r' | 's' | 'w';
  readonly transSpace: number;
}
/**
 * A rewrite rule (pg_rewrite row) made by CREATE RULE: its qual and actions are kept raw (as
 * parsed), with the search path they were created under; src/rewrite/rules.ts applies them.
 */
export interface RuleDef {
  readonly oid: number;
  readonly name: string;
  readonly relation: number;
  readonly event: 'INSERT' | 'UPDATE' | 'DELETE';
  readonly instead: boolean;
  /** ev_enabled: O enabled (origin), D disabled, R replica, A always. */
  readonly enabled: 'O' | 'D' | 'R' | 'A';
  /** WHERE condition, raw (undefined: none). */
  readonly qual?: unknown;
  /** Action statements, raw ({ InsertStmt: ... } ...); empty for NOTHING. */
  readonly actions: readonly unknown[];
  /** CREATE RULE's text and search path (actions are analyzed under it). */
  readonly text: string;
  readonly searchPath: readonly string[];
  /** Relations the qual and actions use (pg_depend 'n' rows), besides the rule's own relation. */
  readonly dependsOn: readonly number[];
}

export interface TriggerDef {
  readonly oid: number;
  readonly name: string;
  readonly relation: number;
  readonly function: number;
  readonly timing: 'before' | 'after' | 'instead';
  readonly events: { readonly insert: boolean; readonly update: boolean; readonly delete: boolean; readonly truncate: boolean };
  readonly level: 'row' | 'statement';
  /** UPDATE OF columns (attnums); empty: any column. */
  readonly updateColumns: readonly number[];
  /** WHEN condition over OLD / NEW (range entries 0 and 1 of a two-table layout). */
  readonly when?: StoredExpr;
  readonly args: readonly string[];
  /** tgenabled: O enabled (origin), D disabled, R replica, A always. */
  readonly enabled: 'O' | 'D' | 'R' | 'A';
  /** CONSTRAINT trigger: its pg_constraint-like deferral settings. */
  readonly constraint?: { readonly deferrable: boolean; readonly initiallyDeferred: boolean };
  /** REFERENCING OLD TABLE AS / NEW TABLE AS. */
  readonly oldTable?: string;
  readonly newTable?: string;
  /** A partition's clone of its partitioned table's row trigger: that trigger (pg_trigger.tgparentid). */
  readonly parentTrigger?: number;
}

/**
 * A large object: its pg_largeobject_metadata row and its contents (pg_largeobject's pages, kept
 * as one byte array). Replaced, never mutated: a write stores a new record with new bytes, so a
 * descriptor opened for reading keeps the version it saw (inv_open's snapshot).
 */
export interface LargeObjectDef {
  readonly oid: number;
  readonly owner: string;
  /** lomacl (undefined: NULL, the default: the owner holds SELECT and UPDATE). */
  readonly acl: readonly AclItem[] | undefined;
  readonly data: Uint8Array;
}
