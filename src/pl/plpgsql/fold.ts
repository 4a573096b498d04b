/**
 * Constant folding of PL/pgSQL expressions at preparation, as Postgres's planner does
 * (eval_const_expressions): an immutable function, operator or cast whose arguments are all
 * constants is evaluated once. Errors raised here surface while the expression is being
 * prepared, which is when Postgres reports them (with the `PL/pgSQL expression "..."` context).
 *
 * Postgres counterpart: src/backend/optimizer/util/clauses.c (simplify_function).
 */
import type { Expr } from '../../nodes/primnodes.js';
import { compileExpr } from '../../executor/expr/compile.js';
import type { ExecContext } from '../../executor/context.js';

function evaluate(e: Expr, ctx: ExecContext): Expr {
  const v = compileExpr(e, { depth: 0, offsets: [] })([], ctx);
  return { kind: 'Const', type: e.type, typmod: e.typmod, value: v, collation: e.collation, location: e.location };
}

/** Folds constant immutable subexpressions of `e`. */
export function foldConstants(e: Expr, ctx: ExecContext): Expr {
  switch (e.kind) {
    case 'FuncExpr':
    case 'OpExpr': {
      const args = e.args.map((a) => foldConstants(a, ctx));
      const changed = args.some((a, i) => a !== e.args[i]);
      const out = (changed ? { ...e, args } : e) as Expr;
      if (e.fn.volatility === 'i' && !(e.kind === 'FuncExpr' && e.retset) && args.every((a) => a.kind === 'Const')) return evaluate(out, ctx);
      return out;
    }
    case 'CoerceExpr': {
      const arg = foldConstants(e.arg, ctx);
      const out: Expr = arg === e.arg ? e : { ...e, arg };
      return arg.kind === 'Const' ? evaluate(out, ctx) : out;
    }
    default:
      return e;
  }
}
