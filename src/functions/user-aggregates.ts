/**
 * User aggregates (CREATE AGGREGATE) as the executor runs them: an AggregateImpl whose step
 * calls the transition function and whose final calls the final function, with Postgres's
 * rules for strict transition functions (the first non-null input becomes the state when there
 * is no initial value; a null state stays null) and strict final functions.
 * Postgres counterpart: src/backend/executor/nodeAgg.c (advance_transition_function,
 * finalize_aggregate), parse_func.c (aggregates found among functions).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { AggregateFnRef, FunctionDef } from '../catalog/objects.js';
import type { Value } from '../types/values.js';
import { typeInfo } from '../types/registry.js';
import type { AggregateImpl, CallInfo, FunctionImpl } from './registry.js';
import { userFunctionImpl } from './user-functions.js';
import { effectiveSearchPath } from '../analyze/func-candidates.js';
import { DEFAULT_IO_CONTEXT } from '../types/type-io.js';
import { isPolymorphic } from '../analyze/func.js';
import { enforceGenericTypeConsistency } from '../analyze/poly-consistency.js';

/** The state of a strict transition function before its first non-null input (nodeAgg's noTransValue). */
const NO_VALUE = Symbol('no transition value');

function callable(cat: Catalog, ref: AggregateFnRef): FunctionImpl {
  if (ref.builtin) return ref.builtin;
  const def = cat.functions.get(ref.oid);
  if (!def) throw new Error(`fauxgres internal: aggregate support function ${ref.oid} missing`);
  return userFunctionImpl(def);
}

/** The user aggregates a call of `names` may mean, through the search path. */
export function userAggregatesNamed(cat: Catalog, searchPath: readonly string[], names: readonly string[]): FunctionDef[] {
  if (cat.functions.size === 0) return [];
  const name = names[names.length - 1];
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  const out: FunctionDef[] = [];
  for (const s of schema !== undefined ? [schema] : effectiveSearchPath(searchPath)) {
    const ns = cat.namespaceOid(s);
    if (ns !== undefined) for (const f of cat.functionsIn(ns, name)) if (f.kind === 'a') out.push(f);
  }
  return out;
}

/** The support functions' call facts for one set of actual argument types. */
interface AggCalls {
  readonly transType: number;
  readonly trans: CallInfo;
  readonly final?: CallInfo;
  initValue?: Value;
  initParsed: boolean;
}

/** The executable form of a user aggregate (built per analysis; plans are cached per catalog version). */
export function userAggregateImpl(cat: Catalog, def: FunctionDef): AggregateImpl {
  const info = def.aggregate!;
  const trans = callable(cat, info.transFn);
  const final = info.finalFn ? callable(cat, info.finalFn) : undefined;
  const strict = info.transFn.strict;
  const finalStrict = info.finalFn?.strict ?? false;
  const extraNulls: Value[] = info.finalExtra ? def.argTypes.map(() => null) : [];
  const initText = info.initVal;
  const fixed: AggCalls = {
    transType: info.transType,
    trans: { argTypes: info.transFn.argTypes, returnType: info.transFn.returnType, returnTypmod: -1 },
    final: info.finalFn ? { argTypes: info.finalFn.argTypes, returnType: info.finalFn.returnType, returnTypmod: -1 } : undefined,
    initParsed: false,
  };
  // A polymorphic aggregate binds its transition type per call, from the actual argument types
  // (the planner's CallInfo), as nodeAgg's resolve_aggregate_transtype does.
  const polymorphic = isPolymorphic(info.transType) || def.argTypes.some(isPolymorphic);
  const perCall = new WeakMap<CallInfo, AggCalls>();
  const callsFor = (call: CallInfo): AggCalls => {
    if (!polymorphic) return fixed;
    let c = perCall.get(call);
    if (!c) {
      const binding = enforceGenericTypeConsistency(cat, call.argTypes, def.argTypes, info.transType, false);
      const transType = binding.returnType;
      const bound = (types: readonly number[]) => types.map((t) => binding.resolve(t));
      c = {
        transType,
        trans: { argTypes: [transType, ...call.argTypes], returnType: transType, returnTypmod: -1 },
        final: info.finalFn ? { argTypes: [transType, ...bound(info.finalFn.argTypes.slice(1))], returnType: call.returnType, returnTypmod: -1 } : undefined,
        initParsed: false,
      };
      perCall.set(call, c);
    }
    return c;
  };
  return {
    name: def.name,
    oid: def.oid,
    transShareKey: info.finalModify === 'w' ? undefined : `${info.transFn.oid}:${info.transFn.name}|${info.transType}|${initText ?? ''}|${initText === null}`,
    argTypes: def.argTypes,
    returnType: def.returnType,
    strict,
    init(call): unknown {
      if (initText === null) return strict ? NO_VALUE : null;
      // Parsed once per transition type (values are immutable).
      const c = callsFor(call);
      if (!c.initParsed) {
        c.initValue = typeInfo(cat, c.transType).io.input(initText, -1, DEFAULT_IO_CONTEXT);
        c.initParsed = true;
      }
      return c.initValue;
    },
    step(state: unknown, args: Value[], rt, call): unknown {
      if (strict) {
        if (state === NO_VALUE) return args[0];
        if (state === null) return null;
      }
      const out = trans.fn([state as Value, ...args], rt, callsFor(call).trans);
      return out as Value;
    },
    final(state: unknown, rt, call): Value {
      const v = state === NO_VALUE ? null : (state as Value);
      if (!final) return v;
      if (finalStrict && (v === null || extraNulls.length > 0)) return null;
      return final.fn([v, ...extraNulls], rt, callsFor(call).final!) as Value;
    },
  };
}
