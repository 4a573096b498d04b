/**
 * Where a WITH RECURSIVE query may reference itself, checked on the raw parse tree before analysis:
 * exactly once, in the recursive term, not inside a sublink, the nullable side of an outer join,
 * INTERSECT ALL or EXCEPT (42P19 with Postgres's messages and positions). Inner WITH queries of the
 * same name hide the outer one.
 * Postgres counterpart: src/backend/parser/parse_cte.c (checkWellFormedRecursion and its walker,
 * makeDependencyGraphWalker's innerwiths).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ParseState } from './parse-state.js';

type AnyNode = Record<string, any>;

type Context = 'ok' | 'non-recursive term' | 'sublink' | 'outer join' | 'intersect' | 'except';

const MESSAGES: Record<Exclude<Context, 'ok'>, string> = {
  'non-recursive term': 'must not appear within its non-recursive term',
  sublink: 'must not appear within a subquery',
  'outer join': 'must not appear within an outer join',
  intersect: 'must not appear within INTERSECT',
  except: 'must not appear within EXCEPT',
};

/** The names of a WITH clause's queries. */
function withNames(w: AnyNode | undefined): string[] {
  return ((w?.ctes ?? []) as AnyNode[]).map((c) => c.CommonTableExpr?.ctename as string);
}

/** Whether raw tree `n` references WITH query `name` (not hidden by an inner WITH of that name). */
export function referencesCte(n: unknown, name: string): boolean {
  let found = false;
  walkRefs(n, name, () => {
    found = true;
  });
  return found;
}

/** Calls `f` for each reference to `name` in `n`, skipping scopes where an inner WITH hides it. */
function walkRefs(n: unknown, name: string, f: (loc: number | undefined) => void): void {
  if (!n || typeof n !== 'object') return;
  if (Array.isArray(n)) {
    for (const x of n) walkRefs(x, name, f);
    return;
  }
  const o = n as AnyNode;
  if (o.RangeVar) {
    if (!o.RangeVar.schemaname && o.RangeVar.relname === name) f(o.RangeVar.location);
    return;
  }
  const stmt = o.SelectStmt as AnyNode | undefined;
  if (stmt?.withClause && withNames(stmt.withClause).includes(name)) {
    // A WITH query of the same name hides ours in the statement (and, unless RECURSIVE, in the
    // WITH queries after it).
    const ctes = stmt.withClause.ctes as AnyNode[];
    if (!stmt.withClause.recursive) {
      for (const c of ctes) {
        if (c.CommonTableExpr.ctename === name) break;
        walkRefs(c, name, f);
      }
    }
    return;
  }
  for (const v of Object.values(o)) walkRefs(v, name, f);
}

/**
 * Checks the body (a raw SelectStmt) of recursive WITH query `name`: Postgres's
 * checkWellFormedRecursion, from the UNION's form on.
 */
export function checkWellFormedRecursion(pstate: ParseState, name: string, body: AnyNode): void {
  let selfRefs = 0;
  const fail = (context: Exclude<Context, 'ok'>, loc: number | undefined): never => {
    throw new PgError(SQLSTATE.invalid_recursion, `recursive reference to query "${name}" ${MESSAGES[context]}`, { position: pstate.position(loc) });
  };
  const walk = (n: unknown, context: Context): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) walk(x, context);
      return;
    }
    const o = n as AnyNode;
    if (o.RangeVar) {
      const rv = o.RangeVar as AnyNode;
      if (!rv.schemaname && rv.relname === name) {
        if (context !== 'ok') fail(context, rv.location);
        if (selfRefs++ > 0) {
          throw new PgError(SQLSTATE.invalid_recursion, `recursive reference to query "${name}" must not appear more than once`, { position: pstate.position(rv.location) });
        }
      }
      return;
    }
    if (o.SelectStmt) return walkSelect(o.SelectStmt as AnyNode, context);
    if (o.JoinExpr) {
      const j = o.JoinExpr as AnyNode;
      switch (j.jointype) {
        case 'JOIN_LEFT':
          walk(j.larg, context);
          walk(j.rarg, 'outer join');
          break;
        case 'JOIN_RIGHT':
          walk(j.larg, 'outer join');
          walk(j.rarg, context);
          break;
        case 'JOIN_FULL':
          walk(j.larg, 'outer join');
          walk(j.rarg, 'outer join');
          break;
        default:
          walk(j.larg, context);
          walk(j.rarg, context);
      }
      walk(j.quals, context);
      return;
    }
    if (o.SubLink) {
      const s = o.SubLink as AnyNode;
      walk(s.testexpr, context);
      walk(s.subselect, 'sublink');
      return;
    }
    for (const v of Object.values(o)) walk(v, context);
  };
  const walkSelect = (s: AnyNode, context: Context): void => {
    const w = s.withClause as AnyNode | undefined;
    if (w && withNames(w).includes(name)) {
      // Hidden by an inner WITH query of the same name (see walkRefs).
      if (!w.recursive) {
        for (const c of w.ctes as AnyNode[]) {
          if (c.CommonTableExpr.ctename === name) break;
          walk(c, context);
        }
      }
      return;
    }
    if (w) walk(w.ctes, context);
    const op = s.op as string | undefined;
    if (!op || op === 'SETOP_NONE') {
      for (const [k, v] of Object.entries(s)) if (k !== 'withClause') walk(v, context);
      return;
    }
    if (op === 'SETOP_UNION') {
      walk(s.larg, context);
      walk(s.rarg, context);
    } else if (op === 'SETOP_INTERSECT') {
      const inner = s.all ? 'intersect' : context;
      walk(s.larg, inner);
      walk(s.rarg, inner);
    } else {
      walk(s.larg, s.all ? 'except' : context);
      walk(s.rarg, 'except');
    }
    walk(s.sortClause, context);
    walk(s.limitOffset, context);
    walk(s.limitCount, context);
  };
  // A WITH attached to the recursive UNION itself counts as a subquery.
  if (body.withClause) walk(body.withClause.ctes, 'sublink');
  walk({ SelectStmt: body.larg }, 'non-recursive term');
  walk({ SelectStmt: body.rarg }, 'ok');
}
