/**
 * The analyzer's working state for one query level: the query being built, the names visible
 * in FROM, parameter types (shared by all levels) and what kind of clause is being analyzed.
 *
 * Postgres counterpart: src/include/parser/parse_node.h (ParseState, ParseNamespaceItem).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Query, RangeTblEntry, CommonTableExpr } from '../nodes/query.js';
import type { Aggref, Expr } from '../nodes/primnodes.js';
import type { SessionContext } from '../session/session-context.js';

export interface NamespaceItem {
  readonly rti: number;
  readonly rte: RangeTblEntry;
  /** Reachable by its alias (`alias.col`). */
  relVisible: boolean;
  /** Its columns are reachable unqualified. */
  colsVisible: boolean;
  /** Columns hidden from unqualified lookup (merged into a USING join). */
  readonly hiddenCols?: ReadonlySet<string>;
  /** Only visible to LATERAL items right of it (set while analyzing a FROM item). */
  lateralOnly?: boolean;
  /**
   * An input of a JOIN: Postgres resolves unqualified names through the join's own entry, so
   * an input's system columns (ctid, xmin, ...) are not reachable unqualified.
   */
  joinInput?: boolean;
  /** On the nullable side of an outer join (its whole-row references may be NULL). */
  nullable?: boolean;
  /** The left input of a RIGHT / FULL join while its right input is analyzed (no LATERAL reference). */
  lateralNotOk?: boolean;
}

export type ExprKind =
  | 'none'
  | 'select'
  | 'where'
  | 'join'
  | 'group'
  | 'having'
  | 'order'
  | 'limit'
  | 'offset'
  | 'values'
  /** The one row of INSERT ... VALUES (Postgres's EXPR_KIND_VALUES_SINGLE: set-returning calls allowed). */
  | 'values single'
  | 'insert'
  | 'update'
  | 'returning'
  | 'default'
  | 'check'
  | 'generated'
  | 'index'
  | 'index predicate'
  | 'partition key'
  | 'from function'
  /** A subquery in FROM, while its own query is analyzed (outer aggregates must not land here). */
  | 'from subquery'
  | 'policy'
  | 'domain check'
  | 'filter'
  | 'window definition'
  | 'on conflict'
  | 'merge when';

/**
 * Names a function body gives its statements: PL/pgSQL variables, SQL-function parameters
 * (Postgres's p_pre_columnref_hook / p_post_columnref_hook, installed by plpgsql and functions.c).
 */
export interface ColumnRefHook {
  /**
   * The variable a column reference (`x`, `rec.field`, `label.x`) names, as an expression
   * (usually a Param), or undefined when it names none.
   */
  resolve(pstate: ParseState, fields: readonly string[], location: number | undefined): Expr | undefined;
  /**
   * When a name is both a column and a variable: 'error' raises 42702 (plpgsql.variable_conflict
   * = error, PL/pgSQL's default), 'column' lets the column win (SQL functions, use_column),
   * 'variable' the variable (use_variable: the column is not even looked up).
   */
  readonly conflict: 'error' | 'column' | 'variable';
  /** `rec.*` of a record variable: its fields as (name, expression) pairs, or undefined. */
  expandStar?(pstate: ParseState, name: string, location: number | undefined): { name: string; expr: Expr }[] | undefined;
}

/** Shared by every level of one statement. */
export interface StatementState {
  readonly catalog: Catalog;
  readonly session: SessionContext;
  readonly sql: string;
  /** Parameter types by $n - 1; 0 = not yet determined (unknown). Inference fills them in. */
  readonly paramTypes: number[];
  /** Whether $n with undetermined type may be inferred (false: all given). */
  readonly inferParams: boolean;
  /** Volatile functions seen (for defaults/generated/index checks). */
  volatileSeen: boolean;
  /** A stable or volatile function was called (generated columns and indexes need immutable). */
  mutableSeen?: boolean;
  /** Keep casts of constants as written (stored expressions print them, as Postgres stores them). */
  noFold?: boolean;
  /** Variables of the function body this statement belongs to. */
  columnRefHook?: ColumnRefHook;
  /** CALL: the location of the call that must resolve to a procedure (every other call to a function). */
  procedureCallAt?: number;
  /** Inside a view: the role whose privileges and policies apply (the view's owner); else current_user. */
  asUser?: string;
  /** Structural analysis only (a view's query read to rewrite DML onto its table): no privilege checks, no RLS. */
  skipSecurity?: boolean;
  /** Tables whose policies are being analyzed (fireRIRrules's activeRIRs): reaching one again from its own policy is 42P17. */
  rlsActive?: readonly number[];
  /** Inside a view's query: SELECT checks collected here, run after the naming level's (see deferViewChecks). */
  deferredPerms?: { q: import('../nodes/query.js').Query; run: () => void }[];
  /** A view's query: names bound to OIDs at CREATE VIEW (recorded then, followed on use; see rewrite/view-binding.ts). */
  viewBinding?: import('../rewrite/view-binding.js').ViewBindingState;
  /** Collects the primary keys a grouped query's ungrouped columns rely on (Query.constraintDeps), for views. */
  constraintDeps?: Set<number>;
}

export class ParseState {
  readonly namespace: NamespaceItem[] = [];
  /**
   * Inside a join that has an alias (which will hide the names in it): where in `namespace` its
   * items start. New names conflict only with names from there (checkNameSpaceConflicts runs on
   * a join's finished inputs, where an aliased join shows only its alias).
   */
  aliasedJoinStart: number | undefined;
  readonly ctes: CommonTableExpr[] = [];
  exprKind: ExprKind = 'none';
  /** Aggregates found at this level while analyzing the current clause. */
  readonly aggs: Aggref[] = [];
  /**
   * The set-returning call (FuncExpr or OpExpr) analyzed last at this level (Postgres's
   * p_last_srf): a construct compares it before and after analyzing its arguments to find SRFs
   * inside it (CASE, COALESCE, aggregates, window functions, functions in FROM).
   */
  lastSrf?: Expr;
  /** Names of CTEs being defined (recursive self-reference). */
  recursiveCte?: { name: string; columns?: import('../nodes/query.js').RteColumn[] };

  constructor(
    readonly stmt: StatementState,
    readonly query: Query,
    readonly parent?: ParseState,
  ) {}

  get catalog(): Catalog {
    return this.stmt.catalog;
  }

  addRte(rte: RangeTblEntry): number {
    this.query.rtable.push(rte);
    return this.query.rtable.length - 1;
  }

  /** 1-based position of a 0-based byte location in the statement text. */
  position(location: number | undefined): string | undefined {
    if (location === undefined || location < 0) return undefined;
    return String(charOffset(this.stmt.sql, location) + 1);
  }
}

/** libpg-query locations are UTF-8 byte offsets; convert to a character offset. */
export function charOffset(sql: string, byteOffset: number): number {
  if (byteOffset <= asciiPrefix(sql)) return byteOffset;
  return Buffer.from(sql, 'utf8').subarray(0, byteOffset).toString('utf8').length;
}

/** Length of the all-ASCII prefix of the last text asked about (a script's statements share it). */
let prefixOf: string | undefined;
let prefixLength = 0;
function asciiPrefix(sql: string): number {
  if (sql === prefixOf) return prefixLength;
  let i = 0;
  while (i < sql.length && sql.charCodeAt(i) <= 0x7f) i++;
  prefixOf = sql;
  prefixLength = i;
  return i;
}
