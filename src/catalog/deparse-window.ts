/**
 * Deparsing of window function calls as ruleutils prints them in view definitions:
 * `f(args) FILTER (WHERE ...) OVER (PARTITION BY ... ORDER BY ... <frame>)`.
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (get_windowfunc_expr, get_rule_windowspec).
 * Known gaps: a named window (`OVER w` with a WINDOW clause) is printed inline, not by name.
 */
import type { Expr, FrameBound, SortKey, WindowFrame, WindowFunc } from '../nodes/primnodes.js';
import { OID } from '../types/oids.js';

const UNKNOWN_OID = OID.unknown;

/** The call as ruleutils prints it; `arg` prints an argument, `top` a clause-level expression. */
export function deparseWindowFunc(e: WindowFunc, arg: (x: Expr) => string, top: (x: Expr) => string, args: (l: readonly Expr[]) => string): string {
  let s = `${e.name}(${e.star ? '*' : args(e.args)})`;
  if (e.filter) s += ` FILTER (WHERE ${top(e.filter)})`;
  const parts: string[] = [];
  if (e.spec.partitionBy.length) parts.push('PARTITION BY ' + e.spec.partitionBy.map((k) => arg(k.expr)).join(', '));
  if (e.spec.orderBy.length) parts.push('ORDER BY ' + e.spec.orderBy.map((k) => sortKey(k, arg)).join(', '));
  const frame = frameText(e.spec.frame, arg);
  if (frame) parts.push(frame);
  return `${s} OVER (${parts.join(' ')})`;
}

function sortKey(k: SortKey, arg: (x: Expr) => string): string {
  let s = arg(k.expr);
  if (k.descending) s += ' DESC';
  if (k.descending && !k.nullsFirst) s += ' NULLS LAST';
  if (!k.descending && k.nullsFirst) s += ' NULLS FIRST';
  return s;
}

function frameText(f: WindowFrame, arg: (x: Expr) => string): string {
  if (!f.explicit) return '';
  // The offset as written, unless it was an untyped literal: Postgres stores it coerced
  // ('1 day'::interval).
  const offset = (b: FrameBound) => ((b.written && b.written.type !== UNKNOWN_OID ? b.written : b.offset) as Expr);
  const bound = (b: FrameBound) => {
    switch (b.kind) {
      case 'unbounded preceding':
        return 'UNBOUNDED PRECEDING';
      case 'unbounded following':
        return 'UNBOUNDED FOLLOWING';
      case 'current row':
        return 'CURRENT ROW';
      case 'offset preceding':
        return `${arg(offset(b))} PRECEDING`;
      case 'offset following':
        return `${arg(offset(b))} FOLLOWING`;
    }
  };
  let s = f.mode.toUpperCase() + ' ' + (f.between ? `BETWEEN ${bound(f.start)} AND ${bound(f.end)}` : bound(f.start));
  if (f.exclude !== 'no others') s += ` EXCLUDE ${f.exclude.toUpperCase()}`;
  return s;
}
