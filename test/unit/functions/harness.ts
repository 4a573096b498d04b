/**
 * Differential harness for the function library: calls implementations straight from the
 * registry (by name and argument types) on values parsed from text, and asks the oracle to
 * evaluate the same SQL expression with the same text inputs. Both sides are compared as text
 * (the type's output function) or as an error's SQLSTATE and message.
 */
import pg from 'pg';
import '../../../src/functions/builtins/index.js';
import { bootstrapCatalog } from '../../../src/catalog/bootstrap.js';
import { PgError } from '../../../src/errors/pg-error.js';
import { aggregatesNamed, functionsNamed, operatorsNamed, type CallInfo, type FunctionImpl } from '../../../src/functions/registry.js';
import type { ExprRuntime } from '../../../src/nodes/primnodes.js';
import type { SessionContext } from '../../../src/session/session-context.js';
import { DEFAULT_IO_CONTEXT, type IoContext } from '../../../src/types/type-io.js';
import { formatType, typeInfo } from '../../../src/types/registry.js';
import { OID } from '../../../src/types/oids.js';
import { PgArray, type Value } from '../../../src/types/values.js';

const catalog = bootstrapCatalog(null);

/** A fixed transaction timestamp for tests: 2024-03-05 12:34:56.789 UTC. */
export const TEST_NOW = 762_957_296_789_000n;

/** A minimal session for calling functions directly. */
export function makeRuntime(io: Partial<IoContext> = {}): ExprRuntime {
  const settings = new Map<string, string>();
  let seed = 1;
  const session: SessionContext = {
    io: { ...DEFAULT_IO_CONTEXT, ...io },
    catalog: () => catalog,
    searchPath: () => ['public'],
    currentUser: () => 'postgres',
    sessionUser: () => 'postgres',
    transactionTimestamp: () => TEST_NOW,
    statementTimestamp: () => TEST_NOW,
    clockTimestamp: () => TEST_NOW,
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
    nextval: () => 1n,
    currval: () => 1n,
    setval: (_o, v) => v,
    lastvalSequence: () => 1,
    sequenceRow: () => [1n, 0n, true],
    materializedCte: () => undefined,
    notifyAction: () => {},
    listeningChannels: () => [],
    getSetting: (name) => settings.get(name) ?? null,
    setSetting: (name, value) => {
      settings.set(name, value);
      return value;
    },
    notice: () => {},
    currentXid: () => 1000n,
    xactInfo: () => { throw new Error("no transaction in the function harness"); },
    backendPid: () => 4242,
    databaseName: () => 'postgres',
  };
  return { params: [], session };
}

export const rt = makeRuntime();

/** Parses text as a value of a built-in type. */
export function parse(type: number, text: string | null, r: ExprRuntime = rt): Value {
  if (text === null) return null;
  // Floats are read with JS's parser: types/float's parser is not what these tests are about
  // (and hangs on some inputs at the time of writing).
  if (type === OID.float8 || type === OID.float4) {
    const t = text.trim().toLowerCase();
    const v = t === 'nan' ? NaN : t === 'infinity' || t === 'inf' ? Infinity : t === '-infinity' || t === '-inf' ? -Infinity : Number(t);
    if (Number.isNaN(v) && t !== 'nan') return typeInfo(catalog, type).io.input(text, -1, r.session.io);
    return type === OID.float4 ? Math.fround(v) : v;
  }
  return typeInfo(catalog, type).io.input(text, -1, r.session.io);
}

/** Text output of a value (null for SQL NULL). */
export function show(type: number, v: Value, r: ExprRuntime = rt): string | null {
  if (v === null) return null;
  return typeInfo(catalog, type).io.output(v, r.session.io);
}

/** The outcome of evaluating something: its text, or its error. */
export type Outcome = { value: string | null } | { error: string };

function errorOutcome(e: unknown): Outcome {
  if (e instanceof PgError) return { error: `${e.code}: ${e.message}${e.detail ? ' | ' + e.detail : ''}` };
  throw e;
}

/** Finds a function whose declared argument types are exactly `declared`. */
export function findFunction(name: string, declared: readonly number[]): FunctionImpl {
  const f = functionsNamed(name).find((x) => x.argTypes.length === declared.length && x.argTypes.every((t, i) => t === declared[i]));
  if (!f) throw new Error(`no function ${name}(${declared.join(',')})`);
  return f;
}

/** Finds an operator by name and declared operand types (left 0 for prefix). */
export function findOperator(name: string, left: number, right: number): FunctionImpl {
  const o = operatorsNamed(name).find((x) => x.left === left && x.right === right);
  if (!o) throw new Error(`no operator ${left} ${name} ${right}`);
  return o.fn;
}

export interface CallSpec {
  /** The implementation to call. */
  fn: FunctionImpl;
  /** Actual argument types (what the analyzer would bind). */
  argTypes: readonly number[];
  returnType: number;
  args: readonly (string | null)[];
  collation?: string;
  /** Pack arguments from this index into one array (VARIADIC "any" as the executor does). */
  variadicFrom?: number;
}

/** Calls an implementation on text inputs; set-returning results are joined with `\n`. */
export function call(spec: CallSpec, r: ExprRuntime = rt): Outcome {
  try {
    let vals = spec.args.map((a, i) => parse(spec.argTypes[i], a, r));
    if (spec.fn.strict && vals.some((v) => v === null)) return { value: null };
    // Pack as the executor does for an expanded VARIADIC call (not when the count matches the declaration).
    if (spec.variadicFrom !== undefined && vals.length !== spec.fn.argTypes.length) {
      vals = [...vals.slice(0, spec.variadicFrom), PgArray.of(vals.slice(spec.variadicFrom))];
    }
    const info: CallInfo = { argTypes: spec.argTypes, returnType: spec.returnType, returnTypmod: -1, collation: spec.collation };
    const out = spec.fn.fn(vals, r, info);
    if (spec.fn.retset) {
      const rows = [...(out as Iterable<Value>)].map((v) => show(spec.returnType, v, r) ?? 'NULL');
      return { value: rows.join('\n') };
    }
    return { value: show(spec.returnType, out as Value, r) };
  } catch (e) {
    return errorOutcome(e);
  }
}

/** Runs an aggregate over rows of text inputs. */
export function aggregate(
  name: string,
  declared: readonly number[],
  argTypes: readonly number[],
  returnType: number,
  rows: readonly (readonly (string | null)[])[],
  r: ExprRuntime = rt,
): Outcome {
  const a = aggregatesNamed(name).find((x) => x.argTypes.length === declared.length && x.argTypes.every((t, i) => t === declared[i]));
  if (!a) throw new Error(`no aggregate ${name}`);
  const info: CallInfo = { argTypes, returnType, returnTypmod: -1 };
  try {
    let st = a.init(info);
    for (const row of rows) {
      const vals = row.map((x, i) => parse(argTypes[i], x, r));
      if (a.strict && vals.some((v) => v === null)) continue;
      st = a.step(st, vals, r, info);
    }
    return { value: show(returnType, a.final(st, r, info), r) };
  } catch (e) {
    return errorOutcome(e);
  }
}

let client: pg.Client | undefined;

/** A connection to the oracle (PG_ORACLE_URL), opened once per test file. */
export async function oracle(): Promise<pg.Client> {
  if (!client) {
    const url = process.env.PG_ORACLE_URL;
    if (!url) throw new Error('PG_ORACLE_URL is not set');
    client = new pg.Client(url);
    await client.connect();
  }
  return client;
}

export async function closeOracle(): Promise<void> {
  await client?.end();
  client = undefined;
}

/** Evaluates `select <sql>` on the oracle with text parameters; the result in its text form. */
export async function oracleEval(sql: string, params: readonly (string | null)[] = [], setup?: string): Promise<Outcome> {
  const c = await oracle();
  try {
    if (setup) await c.query(setup);
    const r = await c.query({ text: `select ${sql}`, values: params as (string | null)[], rowMode: 'array', types: { getTypeParser: () => (v: string) => v } });
    return { value: r.rows[0][0] as string | null };
  } catch (e) {
    const err = e as { code: string; message: string; detail?: string };
    return { error: `${err.code}: ${err.message}${err.detail ? ' | ' + err.detail : ''}` };
  }
}

/** Evaluates a set-returning expression on the oracle, rows joined with `\n` (NULL as `NULL`). */
export async function oracleRows(sql: string, params: readonly (string | null)[] = []): Promise<Outcome> {
  const c = await oracle();
  try {
    const r = await c.query({ text: `select x from ${sql} x`, values: params as (string | null)[], rowMode: 'array', types: { getTypeParser: () => (v: string) => v } });
    return { value: r.rows.map((row) => (row[0] === null ? 'NULL' : (row[0] as string))).join('\n') };
  } catch (e) {
    const err = e as { code: string; message: string; detail?: string };
    return { error: `${err.code}: ${err.message}${err.detail ? ' | ' + err.detail : ''}` };
  }
}

/** Evaluates an aggregate on the oracle over VALUES rows (typed by `casts`, e.g. ['int4']). */
export async function oracleAggregate(expr: string, casts: readonly string[], rows: readonly (readonly (string | null)[])[]): Promise<Outcome> {
  const params: (string | null)[] = [];
  const values = rows.map((row) => '(' + row.map((v, i) => {
    params.push(v);
    return `$${params.length}::${casts[i]}`;
  }).join(', ') + ')');
  const cols = casts.map((_, i) => `c${i + 1}`).join(', ');
  const from = rows.length ? `(values ${values.join(', ')}) t(${cols})` : `(select ${casts.map((c, i) => `null::${c} as c${i + 1}`).join(', ')} where false) t`;
  const c = await oracle();
  try {
    const r = await c.query({ text: `select ${expr} from ${from}`, values: params, rowMode: 'array', types: { getTypeParser: () => (v: string) => v } });
    return { value: r.rows[0][0] as string | null };
  } catch (e) {
    const err = e as { code: string; message: string; detail?: string };
    return { error: `${err.code}: ${err.message}${err.detail ? ' | ' + err.detail : ''}` };
  }
}

/** A SQL type name usable in a cast (`bpchar` rather than `character`, which means char(1)). */
export function castName(type: number): string {
  if (type === OID.bpchar) return 'bpchar';
  if (type === OID._bpchar) return 'bpchar[]';
  return formatType(catalog, type);
}

/** One differential case: our call and the oracle's SQL for the same inputs. */
export interface Case {
  label: string;
  spec: CallSpec;
  sql: string;
  /** Set-returning: compare all rows. */
  rows?: boolean;
}

interface CaseOpts {
  argTypes?: readonly number[];
  ret?: number;
  sql?: string;
  collation?: string;
  variadicFrom?: number;
}

/** A function call case; the SQL defaults to `name($1::t1, ...)`. */
export function fnCase(name: string, declared: readonly number[], args: readonly (string | null)[], opts: CaseOpts = {}): Case {
  const fn = findFunction(name, declared);
  const argTypes = opts.argTypes ?? declared;
  const sql = opts.sql ?? `${name}(${argTypes.map((t, i) => `$${i + 1}::${castName(t)}`).join(', ')})`;
  return {
    label: `${sql} [${args.map((a) => JSON.stringify(a)).join(', ')}]`,
    spec: { fn, argTypes, returnType: opts.ret ?? fn.returnType, args, collation: opts.collation, variadicFrom: opts.variadicFrom },
    sql,
    rows: fn.retset,
  };
}

/** An operator case; SQL `($1::l op $2::r)` (prefix when left is 0). */
export function opCase(name: string, left: number, right: number, args: readonly (string | null)[], opts: CaseOpts = {}): Case {
  const fn = findOperator(name, left, right);
  const argTypes = opts.argTypes ?? (left === 0 ? [right] : [left, right]);
  const sql =
    opts.sql ??
    (left === 0 ? `(${name} $1::${castName(argTypes[0])})` : `($1::${castName(argTypes[0])} ${name} $2::${castName(argTypes[1])})`);
  return {
    label: `${sql} [${args.map((a) => JSON.stringify(a)).join(', ')}]`,
    spec: { fn, argTypes, returnType: opts.ret ?? fn.returnType, args, collation: opts.collation },
    sql,
  };
}

/** Runs cases on both sides; returns the mismatches (empty when all agree). */
export async function mismatches(cases: readonly Case[], r: ExprRuntime = rt): Promise<{ label: string; ours: Outcome; oracle: Outcome }[]> {
  const out: { label: string; ours: Outcome; oracle: Outcome }[] = [];
  for (const c of cases) {
    const ours = call(c.spec, r);
    const theirs = c.rows ? await oracleRows(c.sql, c.spec.args) : await oracleEval(c.sql, c.spec.args);
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) out.push({ label: c.label, ours, oracle: theirs });
  }
  return out;
}
