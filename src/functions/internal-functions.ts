/**
 * Catalog functions of language `internal` (pg_proc.prolang 12): built-in C functions that a
 * catalog row names by its prosrc. Today the constructors Postgres creates with a user range type
 * (range_constructor2/3, multirange_constructor0/1/2); the call's result type names the type.
 *
 * Postgres counterpart: fmgr_internal_function (src/backend/utils/fmgr/fmgr.c) and the
 * constructors in rangetypes.c / multirangetypes.c.
 */
import type { FunctionDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { makeMultirange } from '../types/multirange.js';
import { parseRangeFlags, serialize, type RangeTypeDef } from '../types/range.js';
import { multirangeDefIn, rangeDefIn } from '../types/user-range.js';
import type { MultirangeTypeDef } from '../types/multirange.js';
import type { PgArray, PgRange, Value } from '../types/values.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import type { CallInfo, FunctionImpl } from './registry.js';

type Body = (args: Value[], rt: ExprRuntime, call: CallInfo) => Value;

const rangeOf = (rt: ExprRuntime, call: CallInfo): RangeTypeDef => rangeDefIn(rt.session.catalog(), call.returnType) as RangeTypeDef;
const multirangeOf = (rt: ExprRuntime, call: CallInfo): MultirangeTypeDef => multirangeDefIn(rt.session.catalog(), call.returnType) as MultirangeTypeDef;

const BODIES: Record<string, Body> = {
  // NULL bounds are infinite: these two are not strict.
  range_constructor2: (a, rt, call) => serialize(rangeOf(rt, call), a[0], a[1], true, false),
  range_constructor3: (a, rt, call) => {
    if (a[2] === null) throw new PgError(SQLSTATE.data_exception, 'range constructor flags argument must not be null');
    const [li, ui] = parseRangeFlags(a[2] as string);
    return serialize(rangeOf(rt, call), a[0], a[1], li, ui);
  },
  multirange_constructor0: (_a, rt, call) => makeMultirange(multirangeOf(rt, call).range, []),
  multirange_constructor1: (a, rt, call) => makeMultirange(multirangeOf(rt, call).range, [a[0] as PgRange]),
  multirange_constructor2: (a, rt, call) => {
    const items = (a[0] as PgArray).items;
    if (items.some((r) => r === null)) throw new PgError(SQLSTATE.null_value_not_allowed, 'multirange values cannot contain null members');
    return makeMultirange(multirangeOf(rt, call).range, items as PgRange[]);
  },
};

/** The callable form of an internal-language catalog function. */
export function internalFunctionImpl(def: FunctionDef): FunctionImpl {
  const body = BODIES[def.body];
  if (!body) throw new PgError(SQLSTATE.undefined_function, `there is no built-in function named "${def.body}"`);
  const variadic = def.params.some((p) => p.mode === 'v');
  return {
    name: def.name,
    argTypes: def.argTypes,
    returnType: def.returnType,
    variadic: variadic ? def.argTypes[def.argTypes.length - 1] : undefined,
    strict: def.strict,
    volatility: def.volatility,
    oid: def.oid,
    argNames: def.params.map((p) => p.name),
    prokind: 'f',
    fn: body,
  };
}
