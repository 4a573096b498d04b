/**
 * pg_proc: the built-in functions and aggregates fauxgres implements, with Postgres's OIDs,
 * argument and result types, strictness, volatility and set-returning flags.
 * Postgres counterpart: src/include/catalog/pg_proc.h, pg_proc.dat.
 * Known gaps: user-defined functions (CREATE FUNCTION) are not listed yet; prosrc is the
 * function's name; costs are Postgres's defaults.
 */
import { aclText } from '../acl.js';
import { PgArray } from '../../types/values.js';
import { vectorOf } from '../../types/catalog-types.js';
import { defineRows, PG_CATALOG_NAMESPACE, type RowObject } from './registry.js';
import { builtinProcs, type BuiltinProc } from './procs.js';
import { OID } from '../../types/oids.js';
import { languageOid, userFunctions, type UserFunction } from './user-functions.js';
import { roleOid } from './common.js';
import { typeInfo } from '../../types/registry.js';
import type { Catalog } from '../catalog.js';

/** provariadic: the element type of the VARIADIC array (any for VARIADIC "any"). */
function variadicElement(p: BuiltinProc): number {
  const v = p.fn?.variadic;
  if (v === undefined) return 0;
  if (v === OID.any) return OID.any;
  if (v === OID.anyarray) return OID.anyelement;
  if (v === OID.anycompatiblearray) return OID.anycompatible;
  return BUILTIN_ELEMENT[v] ?? 0;
}
const BUILTIN_ELEMENT: Record<number, number> = { [OID._text]: OID.text, [OID._int4]: OID.int4, [OID._numeric]: OID.numeric, [OID._float8]: OID.float8 };

/** The pg_proc row of a built-in function or aggregate (or of an installed extension's function). */
export function procRow(p: BuiltinProc, namespace = PG_CATALOG_NAMESPACE): RowObject {
  const f = p.fn;
  const isAgg = !!p.agg;
  const nargs = p.argTypes.length;
  const names = f?.argNames && f.argNames.some((n) => n) ? PgArray.of(f.argNames.map((n) => n ?? '')) : null;
  return {
    oid: p.oid, proname: p.name, pronamespace: namespace, proowner: 10, prolang: p.extension ? 13 : 12, procost: 1, prorows: f?.retset ? 1000 : 0,
    provariadic: variadicElement(p), prosupport: 0, prokind: isAgg ? 'a' : 'f', prosecdef: false, proleakproof: false,
    proisstrict: isAgg ? false : f!.strict, proretset: !!f?.retset, provolatile: isAgg ? 'i' : f!.volatility, proparallel: 's',
    pronargs: nargs, pronargdefaults: f?.defaults ?? 0, prorettype: isAgg ? (p.agg!.catalogSignature?.returnType ?? p.agg!.returnType) : (f!.catalogSignature?.returnType ?? f!.returnType),
    proargtypes: vectorOf([...p.argTypes]), proallargtypes: null, proargmodes: null, proargnames: names, proargdefaults: null,
    protrftypes: null, prosrc: isAgg ? 'aggregate_dummy' : p.name, probin: p.extension ? `$libdir/${p.extension}` : null, prosqlbody: null, proconfig: null, proacl: null,
  };
}


defineRows('pg_catalog', 'pg_proc', {
  scope: 'catalog',
  fixed: () => builtinProcs().filter((p) => !p.extension).map((p) => procRow(p)),
  *rows({ cat }) {
    for (const p of builtinProcs()) {
      const ext = p.extension ? cat.extensions.get(p.extension) : undefined;
      if (ext) yield procRow(p, ext.namespace);
    }
    for (const f of userFunctions(cat)) yield userProcRow(cat, f);
  },
});

/** The pg_proc row of a user-defined function or procedure. */
export function userProcRow(cat: Catalog, f: UserFunction): RowObject {
  const allIn = f.params.every((p) => p.mode === 'i');
  const variadic = f.params.find((p) => p.mode === 'v');
  let provariadic = 0;
  if (variadic) {
    try {
      provariadic = typeInfo(cat, variadic.type).elem ?? 0;
    } catch {
      provariadic = 0;
    }
  }
  return {
    oid: f.oid, proname: f.name, pronamespace: f.namespace, proowner: roleOid(f.owner), prolang: f.kind === 'a' ? 12 : languageOid(f.language), procost: f.cost,
    prorows: f.retset ? f.rows : 0, provariadic, prosupport: 0, prokind: f.kind, prosecdef: f.securityDefiner, proleakproof: f.leakproof,
    proisstrict: f.strict, proretset: f.retset, provolatile: f.volatility, proparallel: f.parallel, pronargs: f.argTypes.length,
    pronargdefaults: f.params.filter((p) => p.default).length, prorettype: f.returnType, proargtypes: vectorOf([...f.argTypes]),
    proallargtypes: allIn ? null : PgArray.of(f.params.map((p) => p.type)), proargmodes: allIn ? null : PgArray.of(f.params.map((p) => p.mode)),
    proargnames: f.params.some((p) => p.name) ? PgArray.of(f.params.map((p) => p.name)) : null, proargdefaults: null, protrftypes: null,
    prosrc: f.body, probin: null, prosqlbody: null, proconfig: f.config.length ? PgArray.of(f.config.map(flatConfig)) : null, proacl: f.acl ? PgArray.of(aclText(cat, f.acl)) : null,
  };
}

/**
 * A SET clause as pg_proc.proconfig stores it: list settings (search_path) keep each element as
 * an identifier, quoted when needed (`search_path=""` for `SET search_path = ''`), as
 * flatten_set_variable_args does for GUC_LIST_QUOTE settings.
 */
function flatConfig(c: string): string {
  const eq = c.indexOf('=');
  if (c.slice(0, eq) !== 'search_path') return c;
  const items = c.slice(eq + 1).split(/\s*,\s*/);
  return `search_path=${items.map((x) => (/^[a-z_][a-z0-9_$]*$/.test(x) ? x : `"${x.replace(/"/g, '""')}"`)).join(', ')}`;
}
