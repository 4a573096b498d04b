/**
 * Function signatures as text: pg_get_function_arguments, pg_get_function_identity_arguments,
 * pg_get_function_result, pg_get_functiondef, for the built-in functions.
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (print_function_arguments,
 * pg_get_functiondef).
 * Known gaps: built-in defaults print as their values' text; user-defined functions are not
 * covered yet.
 */
import { fn } from '../registry.js';
import { OID } from '../../types/oids.js';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { builtinProcByOid, type BuiltinProc } from '../../catalog/system/procs.js';
import { formatTypeName } from '../../catalog/ruleutils/format-type.js';
import { typeInfo } from '../../types/registry.js';
import { quoteIdent, quoteLiteral } from '../builtins/quote.js';
import { userFunction } from '../../catalog/system/user-functions.js';
import { userFunctionArguments, userFunctionDef, userFunctionResult } from '../../catalog/ruleutils/functiondef.js';

const S = { volatility: 's' as const };

function typeText(rt: ExprRuntime, oid: number): string {
  return formatTypeName(rt.session.catalog(), rt.session.searchPath(), oid, null);
}

/** A default value as ruleutils prints its Const: numbers and booleans bare, others as 'text'::type. */
function defaultText(rt: ExprRuntime, type: number, v: NonNullable<unknown> | null): string {
  if (v === null) return 'NULL';
  if (type === OID.bool) return v ? 'true' : 'false';
  const info = typeInfo(rt.session.catalog(), type);
  const text = info.io.output(v as never, rt.session.io);
  if (info.category === 'N' && !text.startsWith('-')) return text;
  return `${quoteLiteral(text)}::${typeText(rt, type)}`;
}

function argumentsText(rt: ExprRuntime, p: BuiltinProc, withDefaults: boolean): string {
  const f = p.fn;
  const n = p.argTypes.length;
  const firstDefault = n - (f?.defaults ?? 0);
  const parts = p.argTypes.map((t, i) => {
    const variadic = f?.variadic !== undefined && i === n - 1;
    const name = f?.argNames?.[i];
    let s = (variadic ? 'VARIADIC ' : '') + (name ? `${quoteIdent(name)} ` : '') + typeText(rt, variadic ? f!.variadic! : t);
    const dv = f?.argDefaults?.[i - firstDefault];
    if (withDefaults && i >= firstDefault && dv !== undefined) {
      s += ` DEFAULT ${defaultText(rt, t, dv)}`;
    }
    return s;
  });
  for (const c of f?.outColumns ?? []) parts.push(`OUT ${quoteIdent(c.name)} ${typeText(rt, c.type)}`);
  return parts.join(', ');
}

function resultText(rt: ExprRuntime, p: BuiltinProc): string {
  const ret = p.agg ? p.agg.returnType : p.fn!.returnType;
  return (p.fn?.retset ? 'SETOF ' : '') + typeText(rt, ret);
}

fn('pg_get_function_arguments', [OID.oid], OID.text, (a, rt) => {
  const u = userFunction(rt.session.catalog(), a[0] as number);
  if (u) return userFunctionArguments(rt.session.catalog(), rt.session, u, true);
  const p = builtinProcByOid(a[0] as number);
  return p ? argumentsText(rt, p, true) : null;
}, S);
fn('pg_get_function_identity_arguments', [OID.oid], OID.text, (a, rt) => {
  const u = userFunction(rt.session.catalog(), a[0] as number);
  if (u) return userFunctionArguments(rt.session.catalog(), rt.session, u, false);
  const p = builtinProcByOid(a[0] as number);
  return p ? argumentsText(rt, p, false) : null;
}, S);
fn('pg_get_function_result', [OID.oid], OID.text, (a, rt) => {
  const u = userFunction(rt.session.catalog(), a[0] as number);
  if (u) return userFunctionResult(rt.session.catalog(), rt.session, u);
  const p = builtinProcByOid(a[0] as number);
  return p ? resultText(rt, p) : null;
}, S);

const VOLATILITY = { i: 'IMMUTABLE', s: 'STABLE', v: 'VOLATILE' } as const;

fn('pg_get_functiondef', [OID.oid], OID.text, (a, rt) => {
  const u = userFunction(rt.session.catalog(), a[0] as number);
  if (u) return userFunctionDef(rt.session.catalog(), rt.session, u);
  const p = builtinProcByOid(a[0] as number);
  if (!p) return null;
  if (p.agg) throw new PgError(SQLSTATE.wrong_object_type, `"${p.name}" is an aggregate function`);
  const f = p.fn!;
  const cat = rt.session.catalog();
  const ext = p.extension ? cat.extensions.get(p.extension) : undefined;
  const schema = ext ? quoteIdent(cat.namespaceName(ext.namespace)) : 'pg_catalog';
  // VOLATILE is the default and not printed.
  const props = [f.volatility === 'v' ? '' : VOLATILITY[f.volatility] + ' ', 'PARALLEL SAFE', f.strict ? ' STRICT' : ''].join('');
  const body = ext ? `'$libdir/${p.extension}', $function$${p.name}$function$` : `$function$${p.name}$function$`;
  return `CREATE OR REPLACE FUNCTION ${schema}.${quoteIdent(p.name)}(${argumentsText(rt, p, true)})\n RETURNS ${resultText(rt, p)}\n LANGUAGE ${ext ? 'c' : 'internal'}\n ${props}\nAS ${body}\n`;
}, S);
