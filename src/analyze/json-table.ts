/**
 * JSON_TABLE in FROM: the row pattern path gives the rows, each column is a JSON_VALUE,
 * JSON_QUERY or JSON_EXISTS over the row item (or its ordinal number), and NESTED PATH columns
 * join each row with the rows of a nested path (siblings are unioned; a row without nested
 * rows is kept with NULLs, like an outer join).
 *
 * Postgres counterpart: transformJsonTable in src/backend/parser/parse_jsontable.c and
 * JsonTableFetchRow / JsonTablePlanNextRow in src/backend/utils/adt/jsonpath_exec.c.
 * Known gaps: the PLAN clause (not in Postgres 18 either).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr, ExprRuntime } from '../nodes/primnodes.js';
import type { RteColumn } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import { PgRecord, type Value } from '../types/values.js';
import type { JsonPath } from '../grammar/jsonpath/ast.js';
import { jsonPathIn } from '../types/jsonpath.js';
import { escapeJsonString, type JsonbValue } from '../types/jsonb.js';
import { executeJsonPath, Res } from '../types/jsonpath/exec.js';
import type { JpValue } from '../types/jsonpath/item.js';
import { numericFromInt } from '../types/numeric/numeric-convert.js';
import { typeInfo } from '../types/registry.js';
import { coerceTo } from './coerce.js';
import { transformExpr } from './expr.js';
import {
  checkReturning,
  passingVars,
  sqlJsonEvaluator,
  transformBehavior,
  transformContextItem,
  transformPassing,
  type SqlJsonOp,
} from './json-func-expr.js';
import type { ParseState } from './parse-state.js';
import { typeNameToOid } from './type-name.js';

type AnyNode = Record<string, any>;
type Evaluator = ReturnType<typeof sqlJsonEvaluator>;

type ColumnPlan = { kind: 'ordinality'; out: number } | { kind: 'value'; out: number; path: JsonPath; evaluate: Evaluator };

interface PathPlan {
  readonly path: JsonPath | null;
  readonly columns: ColumnPlan[];
  readonly nested: PathPlan[];
}

/** Analyzes a JsonTable FROM item: the row-returning call and its result columns. */
export function analyzeJsonTable(pstate: ParseState, n: AnyNode): { call: Expr; columns: RteColumn[] } {
  const cat = pstate.catalog;
  const ctx = transformContextItem(pstate, n.context_item, n.location);
  let rootPath = transformExpr(pstate, n.pathspec.string);
  rootPath = coerceTo(pstate, cat, rootPath, OID.jsonpath, -1, 'explicit', rootPath.location ?? n.location);
  const args: Expr[] = [ctx, rootPath];
  const vars = transformPassing(pstate, n.passing, args);
  const tableOnError = n.on_error ? n.on_error.btype : 'JSON_BEHAVIOR_EMPTY';
  if (!['JSON_BEHAVIOR_ERROR', 'JSON_BEHAVIOR_EMPTY', 'JSON_BEHAVIOR_EMPTY_ARRAY'].includes(tableOnError)) {
    throw new PgError(SQLSTATE.syntax_error, 'invalid ON ERROR behavior', {
      detail: 'Only EMPTY [ ARRAY ] or ERROR is allowed in the top-level ON ERROR clause.',
      position: pstate.position(n.on_error?.location),
    });
  }
  const columns: RteColumn[] = [];
  const names = new Set<string>();
  const claim = (name: string | undefined, location: number | undefined) => {
    if (name === undefined) return;
    if (names.has(name)) {
      throw new PgError(SQLSTATE.duplicate_alias, `duplicate JSON_TABLE column or path name: ${name}`, { position: pstate.position(location) });
    }
    names.add(name);
  };
  claim(n.pathspec.name, n.pathspec.name_location);
  const plan = (cols: AnyNode[], path: JsonPath | null): PathPlan => {
    const out: PathPlan = { path, columns: [], nested: [] };
    for (const c of cols) {
      const jc = c.JsonTableColumn;
      if (jc.coltype === 'JTC_NESTED') {
        claim(jc.pathspec.name, jc.pathspec.name_location);
        out.nested.push(plan(jc.columns ?? [], jsonPathIn(constPath(jc.pathspec))));
        continue;
      }
      claim(jc.name, jc.location);
      if (jc.coltype === 'JTC_FOR_ORDINALITY') {
        out.columns.push({ kind: 'ordinality', out: columns.length });
        columns.push({ name: jc.name, type: OID.int4, typmod: -1 });
        continue;
      }
      const rt = typeNameToOid(pstate, jc.typeName);
      const info = typeInfo(cat, rt.oid);
      let op: SqlJsonOp;
      if (jc.coltype === 'JTC_EXISTS') op = 'exists';
      else if (
        jc.coltype === 'JTC_FORMATTED' ||
        rt.oid === OID.json ||
        rt.oid === OID.jsonb ||
        info.category === 'A' ||
        info.typtype === 'c' ||
        (jc.wrapper && jc.wrapper !== 'JSW_UNSPEC' && jc.wrapper !== 'JSW_NONE') ||
        (jc.quotes && jc.quotes !== 'JS_QUOTES_UNSPEC')
      ) {
        op = 'query';
      } else op = 'value';
      checkReturning(pstate, op, rt.oid, jc.location);
      const colPath = jc.pathspec ? jsonPathIn(constPath(jc.pathspec)) : jsonPathIn('$.' + escapeJsonString(jc.name));
      const evaluate = sqlJsonEvaluator(pstate, {
        op,
        retType: rt.oid,
        retTypmod: rt.typmod,
        onEmpty: op === 'exists' ? { kind: 'null' } : transformBehavior(pstate, op, jc.on_empty, 'ON EMPTY', 'null', rt.oid, rt.typmod, args),
        onError: transformBehavior(pstate, op, jc.on_error, 'ON ERROR', op === 'exists' ? 'false' : 'null', rt.oid, rt.typmod, args),
        wrapper: jc.wrapper ?? 'JSW_UNSPEC',
        omitQuotes: jc.quotes === 'JS_QUOTES_OMIT',
      });
      out.columns.push({ kind: 'value', out: columns.length, path: colPath, evaluate });
      columns.push({ name: jc.name, type: rt.oid, typmod: rt.typmod });
    }
    return out;
  };
  const root = plan(n.columns ?? [], null);
  const width = columns.length;
  const throwErrors = tableOnError === 'JSON_BEHAVIOR_ERROR';
  const nvars = vars.names.length;

  function* rowsOf(p: PathPlan, item: JpValue, path: JsonPath, prefix: Value[], env: Map<string, JpValue>, a: Value[], rt: ExprRuntime): Generator<Value[]> {
    const found: JpValue[] = [];
    const res = executeJsonPath(path, env, item as JsonbValue, throwErrors, found, true, rt.session.io);
    if (res === Res.Error) return;
    let ord = 0;
    for (const f of found) {
      ord++;
      const row = prefix.slice();
      for (const c of p.columns) {
        row[c.out] = c.kind === 'ordinality' ? ord : c.evaluate(f, c.path, env, a, rt);
      }
      if (p.nested.length === 0) {
        yield row;
        continue;
      }
      let any = false;
      for (const child of p.nested) {
        for (const r of rowsOf(child, f, child.path!, row, env, a, rt)) {
          any = true;
          yield r;
        }
      }
      if (!any) yield row;
    }
  }

  const call: Expr = {
    kind: 'FuncExpr',
    name: 'json_table',
    args,
    type: OID.record,
    typmod: -1,
    retset: true,
    location: n.location,
    fn: {
      name: 'json_table',
      argTypes: args.map((e) => e.type),
      returnType: OID.record,
      strict: false,
      volatility: 's',
      retset: true,
      fn: (a, rt) => {
        if (a[0] === null || a[1] === null) return [];
        const env = passingVars(vars.names, vars.types, a, 2, nvars, rt);
        const out: PgRecord[] = [];
        for (const r of rowsOf(root, a[0] as JsonbValue, a[1] as JsonPath, new Array<Value>(width).fill(null), env, a, rt)) {
          out.push(new PgRecord(r));
        }
        return out;
      },
    },
  } as Expr;
  void numericFromInt;
  return { call, columns };
}

/** A column's or nested path's PATH, a string constant in the grammar. */
function constPath(spec: AnyNode): string {
  const s = spec.string?.A_Const?.sval?.sval;
  if (typeof s !== 'string') throw featureNotSupported('non-constant JSON_TABLE path');
  return s;
}
