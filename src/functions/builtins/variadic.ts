/**
 * Reading the arguments of VARIADIC "any" functions (concat, format, json_build_object, ...).
 * The executor packs the variadic arguments of an expanded call into one PgArray and leaves
 * `call.argTypes` listing each original argument's type; a call whose argument count equals the
 * declared count arrives unpacked.
 *
 * Postgres counterpart: the `fcinfo->args` / get_fn_expr_argtype handling of "any" variadics.
 * Known gaps: `VARIADIC array` calls to "any" functions are not distinguished from passing an array.
 */
import type { CallInfo } from '../registry.js';
import { OID } from '../../types/oids.js';
import { PgArray, type Value } from '../../types/values.js';

/** One argument with its actual type. */
export interface TypedArg {
  readonly value: Value;
  readonly type: number;
}

/** The arguments from position `fixed` on, each with its type. */
export function variadicArgs(args: readonly Value[], call: CallInfo, fixed: number): TypedArg[] {
  const types = call.argTypes;
  // Packed when the counts differ, or when one packed argument arrives as an array although its
  // own type is not an array type (array types have OIDs listed in the catalog as category A;
  // scalars passed raw are never PgArray).
  const packed =
    args[fixed] instanceof PgArray && (types.length !== args.length || (args.length === fixed + 1 && !isArrayValueType(types[fixed], args[fixed] as PgArray)));
  if (packed) {
    const items = (args[fixed] as PgArray).items;
    return items.map((value, i) => ({ value, type: types[fixed + i] }));
  }
  const out: TypedArg[] = [];
  for (let i = fixed; i < args.length; i++) out.push({ value: args[i], type: types[i] });
  return out;
}

/** Whether a raw argument of type `type` can be this PgArray (i.e. the type is an array type). */
function isArrayValueType(type: number, _v: PgArray): boolean {
  return ARRAY_TYPES.has(type) || type >= 16384;
}

const ARRAY_TYPES = new Set<number>(Object.entries(OID).filter(([k]) => k.startsWith('_')).map(([, v]) => v));
