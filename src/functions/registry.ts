/**
 * The built-in function, operator and aggregate library, declared as data and looked up by name.
 * User-defined functions (CREATE FUNCTION) live in the catalog; analyze/func-candidates.ts merges
 * both into one candidate list.
 *
 * Postgres counterpart: pg_proc.dat, pg_operator.dat, pg_aggregate.dat.
 */
import type { Value } from '../types/values.js';
import type { ExprRuntime } from '../nodes/primnodes.js';

export type Volatility = 'i' | 's' | 'v';

export interface FunctionImpl {
  readonly name: string;
  /** Argument type OIDs; may contain polymorphic pseudo-types (anyelement, anyarray, anycompatible...). */
  readonly argTypes: readonly number[];
  readonly returnType: number;
  /** When set, the last argument is VARIADIC of this array type. */
  readonly variadic?: number;
  /** Null in any argument gives null without calling `fn` (Postgres's STRICT). */
  readonly strict: boolean;
  readonly volatility: Volatility;
  /** Set-returning: `fn` returns an iterable of values (or of rows, for multi-column results). */
  readonly retset?: boolean;
  readonly fn: (args: Value[], rt: ExprRuntime, call: CallInfo) => Value | Iterable<Value>;
  readonly oid?: number;
  /** Set on a call-site copy: arguments from this index on are packed into the VARIADIC array. */
  readonly variadicExpanded?: number;
  /** Number of trailing arguments that have defaults. */
  readonly defaults?: number;
  /** Only callable once CREATE EXTENSION has installed this extension. */
  readonly extension?: string;
  /** Parameter names, for calls with named arguments (`f(a => 1)`). */
  readonly argNames?: readonly string[];
  /** Default values of the trailing parameters (`defaults` of them), for named-argument calls. */
  readonly argDefaults?: readonly Value[];
  /** For a function returning SETOF record with OUT parameters: its result columns. */
  readonly outColumns?: readonly { readonly name: string; readonly type: number }[];
  /** Default expressions of the trailing parameters (`defaults` of them), for user functions. */
  readonly argDefaultExprs?: readonly import('../nodes/primnodes.js').Expr[];
  /** The result column's name in FROM when it is not the function's (a single OUT parameter). */
  readonly resultColumnName?: string;
  /** pg_proc.prokind for user routines: procedures are only callable by CALL. */
  readonly prokind?: 'f' | 'p';
  /**
   * How pg_proc lists this function when Postgres declares it polymorphically and fauxgres has one
   * overload per concrete type (`lower(anyrange)` for lower(int4range), lower(numrange), ...).
   */
  readonly catalogSignature?: { readonly argTypes: readonly number[]; readonly returnType: number };
  /**
   * Argument positions that accept only exactly their declared type (or an unknown literal), no
   * implicit cast: the element of a concrete overload Postgres declares as `anyelement` next to
   * `anyrange` / `anymultirange` (generic type consistency allows no cast there).
   */
  readonly exactArgs?: readonly number[];
  /** A function returning `record` that needs its caller's column definition list (json_to_record): the call-site form. */
  readonly withColumns?: (cols: readonly RecordColumn[]) => FunctionImpl;
  /**
   * A generic overload on anyrange / anymultirange serving user range types: not a candidate when
   * an argument is one of the built-in range or multirange types (their concrete overloads are).
   */
  readonly userRangesOnly?: true;
  /** A SQL function Postgres would inline: the call-site form, given whether all arguments are constants. */
  readonly inlineVariant?: (constArgs: boolean) => FunctionImpl;
}

/** A column of a record result, as a column definition list gives it. */
export interface RecordColumn {
  readonly name: string;
  readonly type: number;
  readonly typmod: number;
}

/** Facts about one call site, fixed at analysis time. */
export interface CallInfo {
  readonly argTypes: readonly number[];
  readonly returnType: number;
  readonly returnTypmod: number;
  readonly collation?: string;
}

export interface OperatorDef {
  readonly name: string;
  /** 0 for a prefix operator. */
  readonly left: number;
  readonly right: number;
  readonly result: number;
  readonly fn: FunctionImpl;
  /** Commutator / negator names, used by the planner. */
  readonly commutator?: string;
  readonly negator?: string;
  /** A shell operator (named by a COMMUTATOR / NEGATOR, never defined): resolving to it is 42883. */
  readonly shell?: true;
}

export interface AggregateImpl {
  readonly name: string;
  /** A user aggregate's pg_proc OID (CREATE AGGREGATE); undefined for built-ins. */
  readonly oid?: number;
  readonly argTypes: readonly number[];
  readonly returnType: number;
  /** Transition skips rows where any argument is null (most aggregates). */
  readonly strict: boolean;
  /** As FunctionImpl.catalogSignature: the polymorphic signature pg_proc lists. */
  readonly catalogSignature?: { readonly argTypes: readonly number[]; readonly returnType: number };
  init(call: CallInfo): unknown;
  step(state: unknown, args: Value[], rt: ExprRuntime, call: CallInfo): unknown;
  final(state: unknown, rt: ExprRuntime, call: CallInfo): Value;
  /**
   * The transition in a form the aggregation node runs inline for a one-argument (or no-argument)
   * call, instead of calling `step`, with the same result: 'count' adds 1 to a number state;
   * 'int-sum' adds a JS-number argument to a null or number state while the total stays within
   * ±2^52 (it calls `step` otherwise); 'max' / 'min' keep the larger / smaller of the state and
   * the argument (numbers or bigints of one type, compared with > / <; a null state takes it).
   */
  readonly inline?: AggregateInline;
  /**
   * Aggregates with the same key, called on the same inputs, may share one transition state
   * (Postgres's find_compatible_trans: same transition function, state type and initial value,
   * a final function that does not modify the state). User aggregates only.
   */
  readonly transShareKey?: string;
  /** As FunctionImpl.userRangesOnly. */
  readonly userRangesOnly?: true;
}

export type AggregateInline = 'count' | 'int-sum' | 'max' | 'min';

const functions = new Map<string, FunctionImpl[]>();
const operators = new Map<string, OperatorDef[]>();
const aggregates = new Map<string, AggregateImpl[]>();

let registryVersion = 0;

/** Changes whenever a function, operator or aggregate is registered (for caches of the lists). */
export function registryChanges(): number {
  return registryVersion;
}

export function registerFunction(f: FunctionImpl): void {
  registryVersion++;
  const list = functions.get(f.name);
  if (list) list.push(f);
  else functions.set(f.name, [f]);
}

export function registerOperator(op: OperatorDef): void {
  const list = operators.get(op.name);
  if (list) list.push(op);
  else operators.set(op.name, [op]);
}

export function registerAggregate(a: AggregateImpl): void {
  registryVersion++;
  const list = aggregates.get(a.name);
  if (list) list.push(a);
  else aggregates.set(a.name, [a]);
}

/** Every registered function, by name (for pg_proc). Operator implementations are not included. */
export function allFunctions(): IterableIterator<[string, readonly FunctionImpl[]]> {
  return functions.entries();
}

/** Every registered operator, by name (for pg_operator). */
export function allOperators(): IterableIterator<[string, readonly OperatorDef[]]> {
  return operators.entries();
}

/** Every registered aggregate, by name (for pg_proc). */
export function allAggregates(): IterableIterator<[string, readonly AggregateImpl[]]> {
  return aggregates.entries();
}

export function functionsNamed(name: string): readonly FunctionImpl[] {
  return functions.get(name) ?? [];
}

export function operatorsNamed(name: string): readonly OperatorDef[] {
  return operators.get(name) ?? [];
}

export function aggregatesNamed(name: string): readonly AggregateImpl[] {
  return aggregates.get(name) ?? [];
}

/** Shorthand for declaring a strict immutable function. */
export function fn(
  name: string,
  argTypes: readonly number[],
  returnType: number,
  impl: (args: Value[], rt: ExprRuntime, call: CallInfo) => Value | Iterable<Value>,
  opts: Partial<Omit<FunctionImpl, 'name' | 'argTypes' | 'returnType' | 'fn'>> = {},
): FunctionImpl {
  const f: FunctionImpl = { name, argTypes, returnType, strict: true, volatility: 'i', fn: impl, ...opts };
  registerFunction(f);
  return f;
}

/** Declares a binary operator backed by a new strict function. */
export function op(
  name: string,
  left: number,
  right: number,
  result: number,
  impl: (a: Value, b: Value, rt: ExprRuntime, call: CallInfo) => Value,
  extra: { commutator?: string; negator?: string; strict?: boolean; exactArgs?: readonly number[]; userRangesOnly?: true } = {},
): OperatorDef {
  const f: FunctionImpl = {
    name: `op ${name}`,
    argTypes: left === 0 ? [right] : [left, right],
    returnType: result,
    strict: extra.strict ?? true,
    volatility: 'i',
    fn: left === 0 ? (args, rt, call) => impl(null, args[0], rt, call) : (args, rt, call) => impl(args[0], args[1], rt, call),
    ...(extra.exactArgs ? { exactArgs: extra.exactArgs } : {}),
    ...(extra.userRangesOnly ? { userRangesOnly: true as const } : {}),
  };
  const o: OperatorDef = { name, left, right, result, fn: f, commutator: extra.commutator, negator: extra.negator };
  registerOperator(o);
  return o;
}
