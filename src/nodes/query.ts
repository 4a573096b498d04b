/**
 * The analyzed query tree (Postgres's Query): range table, join tree, target list and clauses,
 * all with resolved types. The planner turns it into a plan; views store it.
 *
 * Postgres counterpart: src/include/nodes/parsenodes.h (Query, RangeTblEntry, TargetEntry).
 */
import type { RelationDef } from '../catalog/objects.js';
import type { Aggref, Expr, SortKey, WindowFunc } from './primnodes.js';

export interface RteColumn {
  readonly name: string;
  readonly type: number;
  readonly typmod: number;
  readonly collation?: string;
  /** Dropped relation columns stay in the list (so attno = position + 1) but cannot be named. */
  readonly dropped?: boolean;
  /** A field added to a FROM function's row type after the view reading it was created: not in `*`, not nameable. */
  readonly hidden?: boolean;
}

interface RteBase {
  /** The name the entry is referenced by (alias or relation name). */
  readonly alias: string;
  /** Whether `alias` was given explicitly (affects error messages). */
  readonly hasAlias: boolean;
  readonly columns: readonly RteColumn[];
  readonly lateral: boolean;
  /**
   * A whole-row reference to this entry sits on the nullable side of an outer join: the wide row
   * has one more slot after the columns, set when the entry produced a row and nulled when a join
   * null-extends it, so the whole row reads as NULL rather than a row of NULLs (relations use
   * their row-version slot instead). Set by the analyzer; not for relation entries.
   */
  presenceSlot?: boolean;
}

export interface RelationRte extends RteBase {
  readonly kind: 'relation';
  readonly rel: RelationDef;
  /** FROM ONLY: a partitioned table's own (empty) heap, not its partitions. */
  readonly only?: boolean;
  /** RETURNING's old / new: the whole row is NULL when that side does not exist (its row-version slot is null). */
  readonly nullableRow?: boolean;
}

export interface SubqueryRte extends RteBase {
  readonly kind: 'subquery';
  readonly query: Query;
  /** The view this entry expands (its name and column names print in view definitions). */
  readonly viewOid?: number;
  /** A table read through its row-level security policies (a security barrier). */
  readonly rlsRelation?: number;
  /**
   * That table when a locking clause (FOR UPDATE / SHARE) applies to it: the subquery then also
   * outputs the row version as a last, hidden column, which LockRows locks (rewrite/row-security.ts).
   */
  rlsLockRel?: import('../catalog/objects.js').RelationDef;
}

export interface ValuesRte extends RteBase {
  readonly kind: 'values';
  readonly rows: readonly (readonly Expr[])[];
}

/** One function of `ROWS FROM (...)` (or the only function of a function RTE). */
export interface RowsFromItem {
  readonly call: Expr;
  /** The function returns a composite: its fields are the columns. */
  readonly expandsRecord: boolean;
  /** A `record` result read through a column definition list: check each row's shape (the messages differ for SQL functions). */
  readonly checkRecord?: 'sql' | 'other';
  readonly columns: readonly RteColumn[];
}

export interface FunctionRte extends RteBase {
  readonly kind: 'function';
  readonly call: Expr;
  /** ROWS FROM with several functions (call is the first one's): zipped row by row. */
  readonly rowsFrom?: readonly RowsFromItem[];
  /** The single function returns `record` through a column definition list. */
  readonly checkRecord?: 'sql' | 'other';
  /** The function returns a composite: its columns are the fields. */
  readonly expandsRecord: boolean;
  /** A system catalog table read through this scan: its OID (RowDescription names it as a column's origin). */
  readonly systemTable?: number;
  readonly ordinality: boolean;
}

export interface CteRte extends RteBase {
  readonly kind: 'cte';
  readonly cteName: string;
  /** Levels up to the query whose WITH defines it. */
  readonly levelsUp: number;
  /** The recursive term's reference to its own WITH RECURSIVE query: reads the working table. */
  readonly selfReference?: boolean;
  /**
   * The WITH query reads columns of queries outside the one that defines it: its rows change
   * with their current rows, so a subquery reading it is correlated even without outer columns.
   */
  readonly outerCorrelated?: boolean;
}

/** A join's merged columns (USING / NATURAL), as expressions over its inputs. */
export interface JoinRte extends RteBase {
  readonly kind: 'join';
  readonly aliasExprs: readonly Expr[];
  /** A `USING (...) AS name` alias: a name only, not an entry Postgres's range table has. */
  readonly usingAlias?: boolean;
}

export type RangeTblEntry = RelationRte | SubqueryRte | ValuesRte | FunctionRte | CteRte | JoinRte;

export type JoinType = 'inner' | 'left' | 'right' | 'full';

export type JoinNode =
  | { readonly kind: 'RangeTblRef'; readonly rti: number }
  | {
      readonly kind: 'JoinExpr';
      readonly joinType: JoinType;
      readonly left: JoinNode;
      readonly right: JoinNode;
      readonly quals?: Expr;
      readonly rti?: number;
      /** USING / NATURAL: the merged column names (view definitions print `USING (...)`), and `USING (...) AS name`. */
      readonly using?: readonly string[];
      readonly usingAlias?: string;
      /** `(a JOIN b ...) AS alias [(columns)]`: printed after the join in view definitions. */
      readonly alias?: string;
      readonly aliasColumns?: readonly string[];
    };

export interface TargetEntry {
  readonly expr: Expr;
  readonly name: string;
  /** Helper entries (ORDER BY expressions not in the select list) that are not output. */
  readonly resjunk: boolean;
  /** For a plain column reference: the source table and column (RowDescription's tableID/columnID). */
  readonly origin?: { readonly relation: number; readonly attnum: number };
}

export interface CommonTableExpr {
  readonly name: string;
  readonly query: Query;
  readonly columns: readonly RteColumn[];
  readonly recursive: boolean;
  readonly materialized?: boolean;
}

export interface OnConflictClause {
  readonly action: 'nothing' | 'update';
  /** The arbiter unique index oids (empty: any unique violation). */
  readonly arbiters: readonly number[];
  /** SET assignments: attnum → expression over the target row and EXCLUDED (rti `excludedRti`). */
  readonly set: readonly { readonly attnum: number; readonly expr: Expr }[];
  readonly where?: Expr;
  readonly excludedRti: number;
}

export interface Query {
  readonly commandType: 'select' | 'insert' | 'update' | 'delete';
  readonly rtable: RangeTblEntry[];
  readonly fromList: JoinNode[];
  where?: Expr;
  targetList: TargetEntry[];
  groupBy: Expr[];
  /** Grouping sets as lists of indexes into groupBy (undefined: plain GROUP BY). */
  groupingSets?: number[][];
  having?: Expr;
  aggs: Aggref[];
  hasAggs: boolean;
  /** Window function calls of the target list and ORDER BY (computed by a WindowAgg node). */
  windowFuncs?: WindowFunc[];
  sortBy: SortKey[];
  distinct: boolean;
  distinctOn?: Expr[];
  limit?: Expr;
  offset?: Expr;
  limitWithTies?: boolean;
  setOp?: {
    readonly op: 'union' | 'intersect' | 'except';
    readonly all: boolean;
    readonly left: Query;
    readonly right: Query;
    /** Per output column: the comparison to use for duplicate elimination. */
    readonly columnTypes: readonly { type: number; typmod: number }[];
    /** WITH RECURSIVE: `right` is the recursive term, iterated over the working table. */
    readonly recursive?: boolean;
  };
  ctes: CommonTableExpr[];
  /** Row locking (FOR UPDATE ...), by rti. */
  locking?: { readonly strength: string; readonly rtis: readonly number[]; readonly wait: 'wait' | 'nowait' | 'skip' }[];

  // --- DML -------------------------------------------------------------------------------------
  /** Range-table index of the target relation. */
  resultRti?: number;
  /** INSERT: target attnums in the order the source produces them. */
  insertColumns?: number[];
  /** INSERT source: a query whose target list feeds `insertColumns` (VALUES or SELECT). */
  insertSource?: Query;
  overriding?: 'system' | 'user';
  onConflict?: OnConflictClause;
  /** UPDATE: attnum → new value expression (over the scan row). */
  updateSet?: { attnum: number; expr: Expr }[];
  returning?: TargetEntry[];
}

export function emptyQuery(commandType: Query['commandType']): Query {
  return {
    commandType,
    rtable: [],
    fromList: [],
    targetList: [],
    groupBy: [],
    aggs: [],
    hasAggs: false,
    sortBy: [],
    distinct: false,
    ctes: [],
  };
}
