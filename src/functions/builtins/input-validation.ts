/**
 * pg_input_is_valid(text, text) and pg_input_error_info(text, text): run a type's input function
 * (with the typmod and domain constraints the type string names) and report whether it raised a
 * data error instead of raising it.
 *
 * Postgres counterpart: src/backend/utils/adt/misc.c (pg_input_is_valid_common), with the "soft"
 * error reporting of input functions (utils/fmgr/fmgr.c InputFunctionCallSafe).
 *
 * Known gaps: which errors are soft is approximated by SQLSTATE class: data exceptions (22) and
 * integrity violations of domain constraints (23) are reported; any other error is raised, as
 * Postgres raises errors an input function does not report softly.
 */
import { fn } from '../registry.js';
import { OID } from '../../types/oids.js';
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Expr, ExprRuntime } from '../../nodes/primnodes.js';
import type { Value } from '../../types/values.js';
import { PgRecord } from '../../types/values.js';
import { parseScript } from '../../parser/parse.js';
import { resolveTypeName, type ResolvedType } from '../../analyze/type-name.js';
import { coerceTo } from '../../analyze/coerce.js';
import type { Catalog } from '../../catalog/catalog.js';

type AnyNode = Record<string, any>;

const typeStringCache = new WeakMap<Catalog, Map<string, ResolvedType>>();

/** Postgres's parseTypeString: a type name with modifiers and array bounds, as written in SQL. */
function parseTypeString(rt: ExprRuntime, text: string): ResolvedType {
  const cat = rt.session.catalog();
  let cache = typeStringCache.get(cat);
  if (!cache) typeStringCache.set(cat, (cache = new Map()));
  const hit = cache.get(text);
  if (hit) return hit;
  const invalid = () => new PgError(SQLSTATE.syntax_error, `invalid type name "${text}"`);
  let stmts;
  try {
    stmts = parseScript(`SELECT NULL::${text}`);
  } catch {
    throw invalid();
  }
  const sel = stmts.length === 1 ? (stmts[0].stmt as AnyNode).SelectStmt : undefined;
  const targets = sel?.targetList as AnyNode[] | undefined;
  const keys = sel ? Object.keys(sel).filter((k) => k !== 'targetList' && k !== 'limitOption' && k !== 'op') : [];
  const tc = targets?.length === 1 ? targets[0].ResTarget?.val?.TypeCast : undefined;
  if (!tc || keys.length || targets?.[0].ResTarget?.name) throw invalid();
  const resolved = resolveTypeName(cat, rt.session.searchPath(), tc.typeName, () => undefined);
  cache.set(text, resolved);
  return resolved;
}

/** Evaluates the Const / CoerceExpr chain coerceTo builds for a literal. */
function evalCoercion(e: Expr, rt: ExprRuntime): Value {
  if (e.kind === 'Const') return e.value;
  if (e.kind === 'CoerceExpr') {
    const v = evalCoercion(e.arg, rt);
    return v === null && !e.handlesNull ? null : e.fn(v, rt);
  }
  throw featureNotSupported(`pg_input_is_valid for this type (${e.kind})`);
}

/** Runs the input; returns the soft error, or undefined when the text is valid. */
function tryInput(rt: ExprRuntime, text: string, typeText: string): PgError | undefined {
  const { oid, typmod } = parseTypeString(rt, typeText);
  const cat = rt.session.catalog();
  try {
    const lit: Expr = { kind: 'Const', type: OID.unknown, typmod: -1, value: text } as Expr;
    evalCoercion(coerceTo(undefined, cat, lit, oid, typmod, 'assignment'), rt);
    return undefined;
  } catch (e) {
    if (e instanceof PgError && (e.soft || e.code.startsWith('22') || e.code.startsWith('23'))) return e;
    throw e;
  }
}

const S = { volatility: 's' as const };
fn('pg_input_is_valid', [OID.text, OID.text], OID.bool, (a, rt) => tryInput(rt, a[0] as string, a[1] as string) === undefined, S);

const INFO_NAMES = ['message', 'detail', 'hint', 'sql_error_code'];
const INFO_TYPES = [OID.text, OID.text, OID.text, OID.text];
fn('pg_input_error_info', [OID.text, OID.text], OID.record, (a, rt) => {
  const e = tryInput(rt, a[0] as string, a[1] as string);
  return new PgRecord(e ? [e.message, e.detail ?? null, e.hint ?? null, e.code] : [null, null, null, null], INFO_NAMES, INFO_TYPES);
}, {
  ...S,
  argNames: ['value', 'type_name'],
  outColumns: INFO_NAMES.map((name, i) => ({ name, type: INFO_TYPES[i] })),
});
