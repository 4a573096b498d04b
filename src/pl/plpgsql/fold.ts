/**
 * Constant folding of PL/pgSQL expressions at preparation, as Postgres's planner does
 * (eval_const_expressions): immutable functions, operators, casts, GREATEST / LEAST, NULLIF and
 * boolean operators whose inputs are all constants are evaluated once; CASE drops branches whose
 * condition folds to false and stops at one that folds to true; COALESCE stops at its first
 * non-null constant. Errors raised here surface while the expression is prepared, which is when
 * Postgres reports them (with the `PL/pgSQL expression "..."` context), also for constant parts
 * of expressions that depend on variables (`x + 1/0`).
 *
 * Postgres counterpart: src/backend/optimizer/util/clauses.c (eval_const_expressions_mutator,
 * simplify_function).
 */
import type { Expr } from '../../nodes/primnodes.js';
import { compileExpr } from '../../executor/expr/compile.js';
import type { ExecContext } from '../../executor/context.js';

function evaluate(e: Expr, ctx: ExecContext): Expr {
  const v = compileExpr(e, { depth: 0, offsets: [] })([], ctx);
  return { kind: 'Const', type: e.type, typmod: e.typmod, value: v, collation: e.collation, location: e.location };
}

const isConst = (e: Expr): boolean => e.kind === 'Const';

function foldList(list: readonly Expr[], ctx: ExecContext): { out: Expr[]; changed: boolean } {
  let changed = false;
  const out = list.map((a) => {
    const f = foldConstants(a, ctx);
    if (f !== a) changed = true;
    return f;
  });
  return { out, changed };
}

/** Folds constant immutable subexpressions of `e`. */
export function foldConstants(e: Expr, ctx: ExecContext): Expr {
  switch (e.kind) {
    case 'FuncExpr':
    case 'OpExpr': {
      const { out: args, changed } = foldList(e.args, ctx);
      const next = (changed ? { ...e, args } : e) as Expr;
      if (e.fn.volatility === 'i' && !(e.kind === 'FuncExpr' && e.retset) && args.every(isConst)) return evaluate(next, ctx);
      return next;
    }
    case 'CoerceExpr': {
      const arg = foldConstants(e.arg, ctx);
      const next: Expr = arg === e.arg ? e : { ...e, arg };
      return isConst(arg) ? evaluate(next, ctx) : next;
    }
    case 'MinMaxExpr':
    case 'BoolExpr':
    case 'ArrayExpr':
    case 'RowExpr': {
      const list = e.kind === 'ArrayExpr' ? e.elements : e.args;
      const { out, changed } = foldList(list, ctx);
      const next = (changed ? (e.kind === 'ArrayExpr' ? { ...e, elements: out } : { ...e, args: out }) : e) as Expr;
      return out.every(isConst) && e.kind !== 'RowExpr' ? evaluate(next, ctx) : next;
    }
    case 'NullIfExpr': {
      const { out, changed } = foldList(e.args, ctx);
      const next = (changed ? { ...e, args: [out[0], out[1]] } : e) as Expr;
      return out.every(isConst) ? evaluate(next, ctx) : next;
    }
    case 'NullTest':
    case 'BooleanTest':
    case 'FieldSelect': {
      const arg = foldConstants(e.arg, ctx);
      const next = (arg === e.arg ? e : { ...e, arg }) as Expr;
      return isConst(arg) ? evaluate(next, ctx) : next;
    }
    case 'CaseExpr': {
      const whens: { cond: Expr; result: Expr }[] = [];
      for (const w of e.whens) {
        const cond = foldConstants(w.cond, ctx);
        if (cond.kind === 'Const' && cond.value !== true) continue;
        const result = foldConstants(w.result, ctx);
        if (cond.kind === 'Const' && !whens.length) return result;
        whens.push({ cond, result });
        if (cond.kind === 'Const') return { ...e, whens, elseResult: result };
      }
      const elseResult = foldConstants(e.elseResult, ctx);
      if (!whens.length) return elseResult;
      return { ...e, whens, elseResult };
    }
    case 'CoalesceExpr': {
      const args: Expr[] = [];
      for (const a of e.args) {
        const f = foldConstants(a, ctx);
        if (f.kind === 'Const' && f.value === null) continue;
        args.push(f);
        if (f.kind === 'Const') break;
      }
      if (args.length === 1 && args[0].kind === 'Const') return args[0];
      if (!args.length) return { kind: 'Const', type: e.type, typmod: e.typmod, value: null, collation: e.collation };
      return { ...e, args };
    }
    case 'ScalarArrayOpExpr': {
      const left = foldConstants(e.left, ctx);
      const right = Array.isArray(e.right) ? foldList(e.right, ctx).out : foldConstants(e.right, ctx);
      const next: Expr = { ...e, left, right };
      const allConst = isConst(left) && (Array.isArray(right) ? right.every(isConst) : isConst(right));
      return allConst && e.fn.volatility === 'i' ? evaluate(next, ctx) : next;
    }
    default:
      return e;
  }
}
