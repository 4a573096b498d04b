/**
 * Subqueries in expressions: EXISTS, scalar (EXPR), IN / op ANY / op ALL, ARRAY(subquery).
 * The subquery is analyzed as a child level, so its column references may reach outward.
 * Postgres counterpart: parse_expr.c transformSubLink.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr, ExprRuntime, RowExpr } from '../nodes/primnodes.js';
import type { Value } from '../types/values.js';
import type { CallInfo } from '../functions/registry.js';
import { OID } from '../types/oids.js';
import { typeInfo, formatType } from '../types/registry.js';
import { makeOp, transformExpr, strVal } from './expr.js';
import type { ParseState } from './parse-state.js';
import { transformSelectStmt } from './select.js';

type AnyNode = Record<string, any>;

export function transformSubLink(pstate: ParseState, n: AnyNode): Expr {
  const sub = transformSelectStmt(pstate.stmt, n.subselect.SelectStmt ?? n.subselect, pstate);
  const cols = sub.targetList.filter((t) => !t.resjunk);
  const loc = n.location;
  switch (n.subLinkType) {
    case 'EXISTS_SUBLINK':
      return { kind: 'SubLink', subLinkType: 'EXISTS', subquery: sub, type: OID.bool, typmod: -1, location: loc };
    case 'EXPR_SUBLINK':
    case 'ARRAY_SUBLINK': {
      if (cols.length !== 1) {
        throw new PgError(SQLSTATE.syntax_error, 'subquery must return only one column', { position: pstate.position(loc) });
      }
      const t = cols[0].expr.type === OID.unknown ? OID.text : cols[0].expr.type;
      if (n.subLinkType === 'EXPR_SUBLINK') {
        return { kind: 'SubLink', subLinkType: 'EXPR', subquery: sub, type: t, typmod: cols[0].expr.typmod, location: loc, collation: cols[0].expr.collation };
      }
      const ti = typeInfo(pstate.catalog, t);
      if (ti.category === 'A' && ti.elem !== undefined && ti.typtype !== 'd') {
        return { kind: 'SubLink', subLinkType: 'ARRAY', subquery: sub, type: t, typmod: -1, location: loc, stackArrays: true };
      }
      const arr = ti.array;
      if (arr === undefined) {
        throw new PgError(SQLSTATE.undefined_object, `could not find array type for data type ${formatType(pstate.catalog, t)}`, { position: pstate.position(loc) });
      }
      return { kind: 'SubLink', subLinkType: 'ARRAY', subquery: sub, type: arr, typmod: -1, location: loc };
    }
    case 'ANY_SUBLINK':
    case 'ALL_SUBLINK': {
      const opName = n.operName ? strVal((n.operName as AnyNode[])[(n.operName as AnyNode[]).length - 1]) : '=';
      const left = transformExpr(pstate, n.testexpr);
      // (a ROW's fields as written: an unknown literal takes the subquery column's type)
      const lefts = left.kind === 'RowExpr' && !left.wholeRow ? (left.rawArgs ?? left.args) : [left];
      if (lefts.length !== cols.length) {
        throw new PgError(SQLSTATE.syntax_error, lefts.length < cols.length ? 'subquery has too many columns' : 'subquery has too few columns', {
          position: pstate.position(loc),
        });
      }
      const testExprs: Expr[] = [];
      const fns = [];
      // The operator `name` between left column i and subquery column i (its function, applying the
      // casts the analyzer put around the subquery side).
      const opFn = (name: string, i: number, keep: boolean) => {
        const placeholder: Expr = { kind: 'Param', index: -1, type: cols[i].expr.type, typmod: -1 };
        const op = makeOp(pstate, name, lefts[i], placeholder, loc);
        if (op.kind !== 'OpExpr') throw featureNotSupported('this subquery comparison', loc);
        if (op.type !== OID.bool) {
          throw new PgError(SQLSTATE.datatype_mismatch, `operator ${name} must return type boolean, not type ${formatType(pstate.catalog, op.type)}`, { position: pstate.position(loc) });
        }
        if (keep) testExprs.push(op.args[0]);
        // The subquery side may need a coercion to the operator's right input type: apply the
        // chain of casts the analyzer put around the placeholder to each subquery value.
        if (op.args[1].type !== cols[i].expr.type) {
          const chain = coercionChain(op.args[1]);
          if (!chain) {
            throw featureNotSupported(`comparison of ${formatType(pstate.catalog, lefts[i].type)} with a subquery column of type ${formatType(pstate.catalog, cols[i].expr.type)}`, loc);
          }
          const base = op.fn;
          return { ...base, fn: (args: Value[], rt: ExprRuntime, call: CallInfo) => base.fn([args[0], applyChain(chain, args[1], rt)], rt, call) };
        }
        return op.fn;
      };
      for (let i = 0; i < lefts.length; i++) fns.push(opFn(opName, i, true));
      // Several columns compared by `<>` or an ordering operator: a row comparison (RowCompareExpr).
      let rowCompare: Extract<Expr, { kind: 'SubLink' }>['rowCompare'];
      if (lefts.length > 1 && opName !== '=') {
        if (opName === '<>') rowCompare = { mode: 'or', eqFns: [], strictFns: fns, orEqual: false };
        else if (['<', '<=', '>', '>='].includes(opName)) {
          const strict = opName[0];
          rowCompare = { mode: 'lex', eqFns: lefts.map((_, i) => opFn('=', i, false)), strictFns: lefts.map((_, i) => opFn(strict, i, false)), orEqual: opName.length === 2 };
        } else throw featureNotSupported(`row comparison with operator ${opName}`, loc);
      }
      return {
        ...(rowCompare ? { rowCompare } : {}),
        kind: 'SubLink',
        subLinkType: n.subLinkType === 'ANY_SUBLINK' ? 'ANY' : 'ALL',
        subquery: sub,
        testExprs,
        compareFns: fns,
        opName,
        type: OID.bool,
        typmod: -1,
        location: loc,
      };
    }
    default:
      throw featureNotSupported(`subquery type ${n.subLinkType}`, loc);
  }
}

/**
 * `ROW(a, b) op (SELECT x, y ...)` (Postgres's ROWCOMPARE sublink): the subquery's columns as a
 * row of single-column EXPR sublinks over the same query, for a field-by-field row comparison.
 * (The subquery runs once per column when it reads outer columns; once otherwise.)
 */
export function rowCompareSubLinkRow(pstate: ParseState, n: AnyNode, nLeft: number, opLoc: number | undefined): RowExpr {
  const sub = transformSelectStmt(pstate.stmt, n.subselect.SelectStmt ?? n.subselect, pstate);
  const cols = sub.targetList.filter((t) => !t.resjunk);
  if (cols.length !== nLeft) {
    throw new PgError(SQLSTATE.syntax_error, nLeft < cols.length ? 'subquery has too many columns' : 'subquery has too few columns', { position: pstate.position(opLoc) });
  }
  const args: Expr[] = cols.map((c, i) => ({
    kind: 'SubLink', subLinkType: 'EXPR', subquery: sub, column: i,
    type: c.expr.type === OID.unknown ? OID.text : c.expr.type, typmod: c.expr.typmod, location: n.location, collation: c.expr.collation,
  }));
  return { kind: 'RowExpr', args, type: OID.record, typmod: -1, location: n.location };
}

type Coercion = Extract<Expr, { kind: 'CoerceExpr' }>;

/** The casts around the comparison's placeholder, innermost first (undefined if not only casts). */
function coercionChain(e: Expr): Coercion[] | undefined {
  const out: Coercion[] = [];
  let cur = e;
  while (cur.kind === 'CoerceExpr') {
    out.unshift(cur);
    cur = cur.arg;
  }
  return cur.kind === 'Param' && cur.index === -1 ? out : undefined;
}

function applyChain(chain: readonly Coercion[], v: Value, rt: ExprRuntime): Value {
  for (const c of chain) if (v !== null || c.handlesNull) v = c.fn(v, rt);
  return v;
}
