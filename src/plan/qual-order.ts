/**
 * The order in which a scan or join evaluates its quals, as Postgres's planner sets it. It only
 * shows when a qual fails (one qual's error is never raised because an earlier one was false),
 * so it matters for matching Postgres's errors:
 * - `expr = constant` (and `expr = expr` on one relation) over a btree equality goes through an
 *   equivalence class and comes back at the end of the relation's qual list
 *   (generate_base_implied_equalities in equivclass.c);
 * - then the list is sorted by estimated per-row cost, stably (order_qual_clauses in
 *   createplan.c, costs from cost_qual_eval_walker in costsize.c: procost per function or
 *   operator, 100 for user functions, input + output for I/O casts).
 *
 * Postgres counterpart: order_qual_clauses (src/backend/optimizer/plan/createplan.c).
 * Gaps: costs are estimates with every built-in's procost taken as 1; equivalence classes with
 * several members (`a = b AND b = 1`) are not re-derived.
 */
import type { Expr } from '../nodes/primnodes.js';
import { exprContains, forEachChild } from '../nodes/walk.js';
import { OID } from '../types/oids.js';

const FIRST_USER_OID = 16384;
const STRING_TYPES = new Set<number>([OID.text, OID.varchar, OID.bpchar, OID.name]);

/** Estimated per-row cost of evaluating `e`, in units of cpu_operator_cost. */
function qualCost(e: Expr): number {
  let own = 0;
  switch (e.kind) {
    case 'FuncExpr':
    case 'OpExpr':
      own = (e.fn.oid ?? 0) >= FIRST_USER_OID ? 100 : 1;
      break;
    case 'NullIfExpr':
    case 'MinMaxExpr':
    case 'SQLValueFunction':
      own = 1;
      break;
    case 'ScalarArrayOpExpr': {
      const n = Array.isArray(e.right) ? e.right.length : 10;
      own = Math.max(1, n * 0.5);
      break;
    }
    case 'CoerceExpr': {
      const from = e.arg.type;
      const to = e.type;
      own = STRING_TYPES.has(from) && STRING_TYPES.has(to) ? 0 : STRING_TYPES.has(from) || STRING_TYPES.has(to) ? 2 : 1;
      break;
    }
    case 'SubLink':
      own = 1000;
      break;
    default:
      break;
  }
  let sum = own;
  forEachChild(e, (c) => {
    sum += qualCost(c);
  });
  return sum;
}

const hasVar = (e: Expr): boolean => exprContains(e, (x) => x.kind === 'Var');
const isVolatile = (e: Expr): boolean =>
  exprContains(e, (x) => (x.kind === 'FuncExpr' || x.kind === 'OpExpr') && x.fn.volatility === 'v');

/** Whether Postgres would route this qual through an equivalence class (re-added last). */
function viaEquivalenceClass(e: Expr): boolean {
  if (e.kind !== 'OpExpr' || e.op !== '=' || e.args.length !== 2) return false;
  const [l, r] = e.args;
  if (e.fn.oid !== undefined && e.fn.oid >= FIRST_USER_OID) return false;
  if (l.type !== r.type && !(STRING_TYPES.has(l.type) && STRING_TYPES.has(r.type))) return false;
  if (isVolatile(e) || exprContains(e, (x) => x.kind === 'SubLink')) return false;
  return hasVar(l) || hasVar(r);
}

/** The quals in Postgres's evaluation order. */
export function orderQuals(quals: readonly Expr[]): Expr[] {
  if (quals.length < 2) return [...quals];
  const keyed = quals.map((q, i) => ({ q, i, ec: viaEquivalenceClass(q) ? 1 : 0 }));
  const ordered = [...keyed.filter((k) => !k.ec), ...keyed.filter((k) => k.ec)].map((k, pos) => ({ q: k.q, pos, cost: qualCost(k.q) }));
  ordered.sort((a, b) => a.cost - b.cost || a.pos - b.pos);
  return ordered.map((k) => k.q);
}
