/**
 * User-defined functions as the executor calls them: a FunctionDef from the catalog becomes a
 * FunctionImpl whose `fn` runs the body through the language handler (src/pl/). The handler
 * registers itself here (a seam that keeps analyze/ independent of the interpreters); one
 * FunctionImpl per FunctionDef version, so CREATE OR REPLACE takes effect at once.
 *
 * Postgres counterpart: fmgr_info for non-internal languages (fmgr.c) and the pg_proc columns
 * the parser reads (parse_func.c).
 */
import type { FunctionDef } from '../catalog/objects.js';
import type { FunctionImpl } from './registry.js';

export type UserFunctionFactory = (def: FunctionDef) => FunctionImpl;

let factory: UserFunctionFactory | undefined;
const impls = new WeakMap<FunctionDef, FunctionImpl>();

/** Installs the function that turns catalog definitions into callable implementations. */
export function setUserFunctionFactory(f: UserFunctionFactory): void {
  factory = f;
}

/** The callable form of a user function (cached per definition version). */
export function userFunctionImpl(def: FunctionDef): FunctionImpl {
  let impl = impls.get(def);
  if (!impl) {
    if (!factory) throw new Error('fauxgres internal: no handler for user-defined functions');
    impl = factory(def);
    impls.set(def, impl);
  }
  return impl;
}
