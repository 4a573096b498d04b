/**
 * The built-in functions and aggregates as pg_proc sees them: OIDs (Postgres's, from
 * builtin-data.ts; a stable synthetic one for a function Postgres names differently), names and
 * argument types, looked up by OID or by name for regproc / regprocedure.
 * Postgres counterpart: src/include/catalog/pg_proc.dat.
 * Known gaps: only the functions fauxgres implements (and the type I/O functions pg_type names).
 */
import { allAggregates, allFunctions, registryChanges, type AggregateImpl, type FunctionImpl } from '../../functions/registry.js';
import { BUILTIN_PROC_OIDS, TYPE_FUNCTION_NAMES } from './builtin-data.js';
import { BUILTIN_OPERATOR_FACTS, ESTIMATOR_NAMES } from './operator-data.js';

/** pg_proc OIDs of the operators' functions (oprcode), by `name(argument type OIDs)`. */
const OPERATOR_PROC_OIDS = new Map(BUILTIN_OPERATOR_FACTS.map((o) => [`${o[10]}(${(o[2] === 'l' ? [o[4]] : [o[3], o[4]]).join(',')})`, o[11]]));

export interface BuiltinProc {
  readonly oid: number;
  readonly name: string;
  readonly argTypes: readonly number[];
  readonly fn?: FunctionImpl;
  readonly agg?: AggregateImpl;
  /** For a function an extension brings: the extension's name (listed once it is installed). */
  readonly extension?: string;
}

let cache: { size: number; list: BuiltinProc[]; byOid: Map<number, BuiltinProc>; byName: Map<string, BuiltinProc[]> } | undefined;

function registrySize(): number {
  return registryChanges();
}

function build(): NonNullable<typeof cache> {
  const list: BuiltinProc[] = [];
  const seen = new Set<string>();
  let synthetic = 0x7e000000;
  let extensionOid = 0x7c000000;
  const add = (name: string, argTypes: readonly number[], extra: { fn?: FunctionImpl; agg?: AggregateImpl; extension?: string }) => {
    const key = `${extra.extension ?? ''}:${name}(${argTypes.join(',')})`;
    if (seen.has(key)) return;
    seen.add(key);
    const oid = extra.extension ? extensionOid++ : (BUILTIN_PROC_OIDS[`${name}(${argTypes.join(',')})`] ?? OPERATOR_PROC_OIDS.get(`${name}(${argTypes.join(',')})`) ?? synthetic++);
    list.push({ oid, name, argTypes, ...extra });
  };
  const names = [...allFunctions()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, fns] of names) {
    for (const f of fns) if (/^[a-z_][a-z0-9_]*$/.test(name)) add(name, f.catalogSignature?.argTypes ?? f.argTypes, { fn: f, extension: f.extension });
  }
  const aggs = [...allAggregates()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, list2] of aggs) for (const a of list2) add(name, a.catalogSignature?.argTypes ?? a.argTypes, { agg: a });
  const byOid = new Map(list.map((p) => [p.oid, p]));
  const byName = new Map<string, BuiltinProc[]>();
  for (const p of list) {
    const l = byName.get(p.name);
    if (l) l.push(p);
    else byName.set(p.name, [p]);
  }
  return { size: registrySize(), list, byOid, byName };
}

function current(): NonNullable<typeof cache> {
  if (!cache || cache.size !== registrySize()) cache = build();
  return cache;
}

/** Every built-in function and aggregate fauxgres has, with its pg_proc OID. */
export function builtinProcs(): readonly BuiltinProc[] {
  return current().list;
}

/** A built-in function by OID. */
export function builtinProcByOid(oid: number): BuiltinProc | undefined {
  return current().byOid.get(oid);
}

/** The built-in functions named `name`. */
export function builtinProcsNamed(name: string): readonly BuiltinProc[] {
  return current().byName.get(name) ?? [];
}

/** The name of a function by OID: a built-in, or one of the type I/O functions pg_type names. */
export function procName(oid: number): string | undefined {
  return builtinProcByOid(oid)?.name ?? TYPE_FUNCTION_NAMES[oid] ?? ESTIMATOR_NAMES[oid];
}
