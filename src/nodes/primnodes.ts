/**
 * Analyzed expression nodes: the typed tree the analyzer produces and the executor compiles to
 * closures. Every node has a result `type` (OID) and `typmod`. Node kinds reuse Postgres's names.
 *
 * Postgres counterpart: src/include/nodes/primnodes.h.
 */
import type { Value } from '../types/values.js';
import type { Query } from './query.js';
import type { FunctionImpl, AggregateImpl } from '../functions/registry.js';

interface Typed {
  type: number;
  typmod: number;
  /** Collation name for string results ('default', 'C', ...); undefined for non-collatable. */
  collation?: string;
  /** Byte offset in the statement, for error positions. */
  location?: number;
}

export interface Const extends Typed {
  kind: 'Const';
  value: Value;
}

/** `$n`; `index` is 0-based. */
export interface Param extends Typed {
  kind: 'Param';
  index: number;
}

/**
 * A column of a range-table entry. `levelsUp` > 0 refers to an outer query (correlated
 * subqueries); `rti` indexes the query's range table (0-based), `attno` is 1-based.
 */
export interface Var extends Typed {
  kind: 'Var';
  levelsUp: number;
  rti: number;
  /** 1-based column number; negative for a system column (ctid -1 ... tableoid -6). */
  attno: number;
  /** For a system column: where its row version sits and what it needs (analyze/system-columns.ts). */
  sys?: import('../analyze/system-columns.js').SystemColumnInfo;
}

export interface FuncExpr extends Typed {
  kind: 'FuncExpr';
  name: string;
  fn: FunctionImpl;
  args: Expr[];
  /** Set-returning function call (only allowed where Postgres allows it). */
  retset?: boolean;
  /**
   * How ruleutils prints a call that is SQL syntax rather than a function (JSON_QUERY(...)),
   * given its printed args and a printer for other expressions it keeps (a raw operand).
   */
  display?: (args: readonly string[], print: (e: Expr) => string) => string;
}

export interface OpExpr extends Typed {
  kind: 'OpExpr';
  op: string;
  fn: FunctionImpl;
  args: Expr[];
}

export interface BoolExpr extends Typed {
  kind: 'BoolExpr';
  op: 'and' | 'or' | 'not';
  args: Expr[];
}

export interface NullTest extends Typed {
  kind: 'NullTest';
  arg: Expr;
  isNull: boolean;
  /** Row-valued argument: IS NULL means all fields null, IS NOT NULL means none null. */
  rowArg?: boolean;
}

export interface BooleanTest extends Typed {
  kind: 'BooleanTest';
  arg: Expr;
  test: 'true' | 'not_true' | 'false' | 'not_false' | 'unknown' | 'not_unknown';
}

export interface CaseExpr extends Typed {
  kind: 'CaseExpr';
  whens: { cond: Expr; result: Expr }[];
  elseResult: Expr;
}

export interface CoalesceExpr extends Typed {
  kind: 'CoalesceExpr';
  args: Expr[];
}

export interface MinMaxExpr extends Typed {
  kind: 'MinMaxExpr';
  op: 'greatest' | 'least';
  args: Expr[];
  compare: (a: Value, b: Value) => number;
}

export interface NullIfExpr extends Typed {
  kind: 'NullIfExpr';
  args: [Expr, Expr];
  eq: FunctionImpl;
}

/** A type coercion: `fn` converts a non-null input value (already checked for null). */
export interface CoerceExpr extends Typed {
  kind: 'CoerceExpr';
  arg: Expr;
  fn: (v: Value, ctx: ExprRuntime) => Value;
  /** Call `fn` for null input too (domain NOT NULL checks); otherwise null passes through. */
  handlesNull?: boolean;
  /** How it was written, for deparse: 'implicit' | 'explicit' | 'assignment'. */
  form: 'implicit' | 'explicit' | 'assignment';
}

/** `x op ANY (array)` / `x op ALL (array)`, also IN-lists. */
export interface ScalarArrayOpExpr extends Typed {
  kind: 'ScalarArrayOpExpr';
  useOr: boolean;
  op: string;
  fn: FunctionImpl;
  left: Expr;
  /** Either an array-valued expression or an explicit list of element expressions (IN list). */
  right: Expr | Expr[];
}

export interface ArrayExpr extends Typed {
  kind: 'ArrayExpr';
  elementType: number;
  elements: Expr[];
  /** True when the elements are themselves arrays (multidimensional constructor). */
  multidims: boolean;
}

export interface RowExpr extends Typed {
  kind: 'RowExpr';
  args: Expr[];
  fieldNames?: string[];
  /**
   * A whole-row reference (`t` / `t.*` as a value): a Var that is NULL exactly when a join
   * null-extended the entry's row, which makes the whole row NULL (Postgres's whole-row Var).
   */
  presence?: Expr;
  /** A whole-row reference (a composite value, compared with record_eq, not field by field). */
  wholeRow?: boolean;
  /** The arguments before unknown literals were resolved to text (analysis only). */
  rawArgs?: Expr[];
}

export interface SubLink extends Typed {
  kind: 'SubLink';
  subLinkType: 'EXISTS' | 'ANY' | 'ALL' | 'EXPR' | 'ARRAY' | 'ROWCOMPARE';
  subquery: Query;
  /** For ANY/ALL: the left-hand expressions and the comparison per column. */
  testExprs?: Expr[];
  compareFns?: FunctionImpl[];
  opName?: string;
  /**
   * ANY/ALL of several columns with `<>` (any pair unequal) or an ordering operator (the first
   * unequal pair decides, by `strictFns`; all equal: `<=` / `>=` hold): per column `=` and the
   * strict operator (`<` for `<=`). Absent for `=` (every pair equal).
   */
  rowCompare?: { readonly mode: 'or' | 'lex'; readonly eqFns: FunctionImpl[]; readonly strictFns: FunctionImpl[]; readonly orEqual: boolean };
  /** EXPR sublink of a multi-column subquery (UPDATE SET (a, b) = (SELECT ...)): the column used. */
  column?: number;
  /** ARRAY(subquery) of an array column: the rows' arrays stacked into one more dimension. */
  stackArrays?: boolean;
}

export interface Aggref extends Typed {
  kind: 'Aggref';
  name: string;
  agg: AggregateImpl;
  args: Expr[];
  distinct: boolean;
  star: boolean;
  filter?: Expr;
  orderBy?: SortKey[];
  /**
   * An ordered-set aggregate's direct arguments (`percentile_cont(0.5) WITHIN GROUP (ORDER BY x)`):
   * evaluated once per group; `args` are then the WITHIN GROUP expressions, `orderBy` their keys.
   */
  directArgs?: Expr[];
  /**
   * An aggregate of an outer query level (its arguments read only that level's columns): this
   * level reads `outerAgg`, the copy relative to that level which its Agg node computes.
   */
  levelsUp?: number;
  outerAgg?: Aggref;
  /** Index of this aggregate in its Agg node's output (set by the planner). */
  aggIndex: number;
  /** An earlier aggregate of the same query whose transition state this one reads (see AggregateImpl.transShareKey). */
  sharedTrans?: Aggref;
}

export interface SortKey {
  expr: Expr;
  descending: boolean;
  nullsFirst: boolean;
  compare: (a: Value, b: Value) => number;
}

/** current_date, current_user, ...: evaluated per statement or per call. */
export interface SQLValueFunction extends Typed {
  kind: 'SQLValueFunction';
  op: string;
}

/** Field access on a composite value: (expr).field */
export interface FieldSelect extends Typed {
  kind: 'FieldSelect';
  arg: Expr;
  fieldIndex: number;
}

/** Array subscript / slice. */
export interface SubscriptExpr extends Typed {
  kind: 'SubscriptExpr';
  arg: Expr;
  indexes: { lower?: Expr; upper?: Expr; isSlice: boolean }[];
}

/** Reference to an output column of the input row of a plan node (set by the planner). */
export interface InputRef extends Typed {
  kind: 'InputRef';
  index: number;
}

/** One end of a window frame; offsets are constant expressions (no variables). */
export interface FrameBound {
  kind: 'unbounded preceding' | 'offset preceding' | 'current row' | 'offset following' | 'unbounded following';
  /** ROWS / GROUPS: the offset count (int8); RANGE: the offset in the key's offset type. */
  offset?: Expr;
  /** The offset as written, before coercion (what view definitions print). */
  written?: Expr;
  /**
   * RANGE with an offset: the in_range test of the ORDER BY key's (base) type, with its sub / less
   * flags (Postgres's update_frameheadpos / update_frametailpos): a row is on the frame's side of the
   * bound when in_range(row key, current key, offset, sub, less) holds.
   */
  inRange?: { keyType: number; sub: boolean; less: boolean };
}

/** The frame clause of a window (Postgres's frameOptions + start/end offsets). */
export interface WindowFrame {
  mode: 'range' | 'rows' | 'groups';
  start: FrameBound;
  end: FrameBound;
  exclude: 'no others' | 'current row' | 'group' | 'ties';
  /** Written out in the query (not the default frame), and whether as BETWEEN ... AND ... (for deparsing). */
  explicit?: boolean;
  between?: boolean;
}

/** A resolved window: PARTITION BY, ORDER BY and frame (Postgres's WindowClause). */
export interface WindowSpec {
  /** Partition keys, as ascending sort keys (their compare functions decide equality). */
  partitionBy: SortKey[];
  orderBy: SortKey[];
  frame: WindowFrame;
}

/** A window function call, or an aggregate used with OVER (Postgres's WindowFunc). */
export interface WindowFunc extends Typed {
  kind: 'WindowFunc';
  name: string;
  args: Expr[];
  /** Set when a plain aggregate is used as a window function. */
  agg?: AggregateImpl;
  star: boolean;
  filter?: Expr;
  spec: WindowSpec;
}

/** The value to use for a DEFAULT marker inside INSERT ... VALUES. */
export interface SetToDefault extends Typed {
  kind: 'SetToDefault';
}

export type Expr =
  | Const
  | Param
  | Var
  | FuncExpr
  | OpExpr
  | BoolExpr
  | NullTest
  | BooleanTest
  | CaseExpr
  | CoalesceExpr
  | MinMaxExpr
  | NullIfExpr
  | CoerceExpr
  | ScalarArrayOpExpr
  | ArrayExpr
  | RowExpr
  | SubLink
  | Aggref
  | WindowFunc
  | SQLValueFunction
  | FieldSelect
  | SubscriptExpr
  | InputRef
  | SetToDefault;

/** What an expression may need at run time beyond the row: implemented by the executor. */
export interface ExprRuntime {
  readonly params: readonly Value[];
  readonly session: import('../session/session-context.js').SessionContext;
}
