/**
 * User-defined functions as text: pg_get_function_arguments / identity_arguments / result and
 * pg_get_functiondef.
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (print_function_arguments,
 * print_function_rettype, pg_get_functiondef).
 * Known gaps: SET clauses print their stored text.
 */
import type { Catalog } from '../catalog.js';
import type { SessionContext } from '../../session/session-context.js';
import { quoteIdent } from '../../functions/builtins/quote.js';
import { deparseExpr } from '../deparse.js';
import { deparseContextFor } from './context.js';
import { formatTypeName } from './format-type.js';
import type { UserFunction } from '../system/user-functions.js';

const MODE_WORDS: Record<string, string> = { i: '', o: 'OUT ', b: 'INOUT ', v: 'VARIADIC ', t: '' };

/** The argument list: `withDefaults` adds DEFAULT clauses (pg_get_function_arguments). */
export function userFunctionArguments(cat: Catalog, session: SessionContext, f: UserFunction, withDefaults: boolean): string {
  const sp = session.searchPath();
  const parts: string[] = [];
  for (const p of f.params) {
    if (p.mode === 't') continue;
    // Procedures mark IN too (DROP PROCEDURE would otherwise read an unmarked one ambiguously).
    let s = (p.mode === 'i' && f.kind === 'p' ? 'IN ' : MODE_WORDS[p.mode]) + (p.name ? `${quoteIdent(p.name)} ` : '') + formatTypeName(cat, sp, p.type, null);
    if (withDefaults && p.default) s += ` DEFAULT ${deparseExpr({ ...deparseContextFor(cat, session, undefined), fallback: p.default.text }, p.default.expr)}`;
    parts.push(s);
  }
  return parts.join(', ');
}

/** The result clause (`integer`, `SETOF record`, `TABLE(a integer)`), or null for a procedure. */
export function userFunctionResult(cat: Catalog, session: SessionContext, f: UserFunction): string | null {
  if (f.kind === 'p') return null;
  const sp = session.searchPath();
  const table = f.params.filter((p) => p.mode === 't');
  if (table.length) return `TABLE(${table.map((p) => `${quoteIdent(p.name)} ${formatTypeName(cat, sp, p.type, null)}`).join(', ')})`;
  return (f.retset ? 'SETOF ' : '') + formatTypeName(cat, sp, f.returnType, null);
}

const VOLATILITY = { i: 'IMMUTABLE', s: 'STABLE', v: '' } as const;
const PARALLEL = { s: 'PARALLEL SAFE', r: 'PARALLEL RESTRICTED', u: '' } as const;

/** pg_get_functiondef: the CREATE OR REPLACE statement, ending with a newline. */
export function userFunctionDef(cat: Catalog, session: SessionContext, f: UserFunction): string {
  const what = f.kind === 'p' ? 'PROCEDURE' : 'FUNCTION';
  let s = `CREATE OR REPLACE ${what} ${quoteIdent(cat.namespaceName(f.namespace))}.${quoteIdent(f.name)}(${userFunctionArguments(cat, session, f, true)})\n`;
  const result = userFunctionResult(cat, session, f);
  if (result !== null) s += ` RETURNS ${result}\n`;
  s += ` LANGUAGE ${f.language}\n`;
  const props = [VOLATILITY[f.volatility], PARALLEL[f.parallel], f.strict ? 'STRICT' : '', f.securityDefiner ? 'SECURITY DEFINER' : '', f.leakproof ? 'LEAKPROOF' : ''].filter((x) => x);
  if (props.length) s += ` ${props.join(' ')}\n`;
  if (f.cost !== 100) s += ` COST ${f.cost}\n`;
  if (f.retset && f.rows !== 1000) s += ` ROWS ${f.rows}\n`;
  for (const c of f.config) {
    const eq = c.indexOf('=');
    s += ` SET ${c.slice(0, eq)} TO '${c.slice(eq + 1).replace(/'/g, "''")}'\n`;
  }
  const tag = f.kind === 'p' ? '$procedure$' : '$function$';
  return `${s}AS ${tag}${f.body}${tag}\n`;
}
