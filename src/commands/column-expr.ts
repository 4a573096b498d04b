/**
 * Analysis of expressions stored with a table: column defaults, generated columns, CHECK
 * constraints, index expressions and predicates. The table is range entry 0, so at run time a
 * row's values array (by attnum - 1) is the row the compiled expression reads.
 * Postgres counterpart: src/backend/catalog/heap.c (cookDefault, cookConstraint).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, RelationDef, StoredExpr } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import { emptyQuery } from '../nodes/query.js';
import { ParseState, type ExprKind } from '../analyze/parse-state.js';
import { transformExpr } from '../analyze/expr.js';
import { coerceTo, canCoerce } from '../analyze/coerce.js';
import { relationRte } from '../analyze/relation.js';
import { formatType } from '../types/registry.js';
import { OID } from '../types/oids.js';
import type { Session } from '../session/session.js';
import { visitVars } from '../plan/walk-query.js';
import { charOffset } from '../analyze/parse-state.js';
import { systemColumnName } from '../analyze/system-columns.js';

type AnyNode = Record<string, any>;

export function sourceText(sql: string, node: AnyNode): string {
  // Deparse is not available yet; keep the expression's own text from the statement.
  void node;
  return sql;
}

/**
 * Text of a raw expression node, cut from the statement: from its start to the first top-level
 * `,` or unbalanced `)` (quotes and nesting respected). Stands in for Postgres's deparser until
 * fauxgres has one.
 */
export function exprText(sql: string, start: number | undefined, end?: number): string {
  if (start === undefined || start < 0) return '';
  const from = charOffset(sql, start);
  if (end !== undefined) return sql.slice(from, charOffset(sql, end)).trim();
  // Expressions usually start after their opening parenthesis; walk back over `(` that belong to them.
  let depth = 0;
  let i = from;
  for (; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const q = c;
      for (i++; i < sql.length; i++) {
        if (sql[i] === q) {
          if (sql[i + 1] === q) i++;
          else break;
        }
      }
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if ((c === ',' || c === ';') && depth === 0) break;
  }
  return sql.slice(from, i).trim();
}

export function analyzeTableExpr(
  session: Session,
  cat: Catalog,
  rel: RelationDef,
  raw: AnyNode,
  kind: ExprKind,
  sql: string,
  targetType?: { type: number; typmod: number; column: string },
  /** A view's WITH CHECK OPTION condition (the view's WHERE): subqueries are allowed. */
  subqueries = false,
): StoredExpr {
  const stmt: import('../analyze/parse-state.js').StatementState = { catalog: cat, session, sql, paramTypes: [] as number[], inferParams: false, volatileSeen: false, mutableSeen: false, noFold: true };
  const q = emptyQuery('select');
  const ps = new ParseState(stmt, q, undefined);
  ps.exprKind = kind;
  if (kind !== 'default') {
    const rti = ps.addRte(relationRte(rel, undefined));
    ps.namespace.push({ rti, rte: q.rtable[rti], relVisible: true, colsVisible: true });
  }
  let e: Expr;
  try {
    e = transformExpr(ps, raw);
  } catch (err) {
    // (any column reference: a missing FROM-clause entry too)
    if (err instanceof PgError && kind === 'default' && (err.code === SQLSTATE.undefined_column || (err.code === SQLSTATE.undefined_table && err.message.startsWith('missing FROM-clause entry')))) {
      throw new PgError(SQLSTATE.feature_not_supported, 'cannot use column reference in DEFAULT expression', { position: err.position });
    }
    if (err instanceof PgError && kind === 'partition key') err.position = undefined;
    throw err;
  }
  // (a partition key's errors carry no position: Postgres reports them from ComputePartitionAttrs' pstate)
  const at = (loc: number | undefined) => (kind === 'partition key' ? undefined : ps.position(loc));
  if (ps.aggs.length) {
    const what = kind === 'default' ? 'DEFAULT expressions' : kind === 'check' ? 'check constraints' : kind === 'generated' ? 'column generation expressions' : kind === 'partition key' ? 'partition key expressions' : 'index expressions';
    throw new PgError(SQLSTATE.grouping_error, `aggregate functions are not allowed in ${what}`, { position: at(ps.aggs[0].location) });
  }
  if (!subqueries && containsSubLinkExpr(e)) {
    const what = kind === 'default' ? 'DEFAULT expression' : kind === 'check' ? 'check constraint' : kind === 'generated' ? 'column generation expression' : kind === 'partition key' ? 'partition key expression' : 'index expression';
    throw new PgError(SQLSTATE.feature_not_supported, `cannot use subquery in ${what}`, { position: at(raw[Object.keys(raw)[0]]?.location) });
  }
  const srf = findSetReturning(e);
  if (srf) {
    const what = SRF_CONTEXTS[kind] ?? 'index expressions';
    throw new PgError(SQLSTATE.feature_not_supported, `set-returning functions are not allowed in ${what}`, { position: at(srf.location) });
  }
  if (kind === 'check' || kind === 'index predicate') {
    if (e.type !== OID.bool) {
      if (e.type === OID.unknown || canCoerce(cat, e.type, OID.bool, 'implicit')) e = coerceTo(ps, cat, e, OID.bool, -1, 'implicit');
      else {
        throw new PgError(SQLSTATE.datatype_mismatch, `argument of ${kind === 'check' ? 'CHECK' : 'WHERE'} must be type boolean, not type ${formatType(cat, e.type)}`, {
          position: ps.position(e.location),
        });
      }
    }
  }
  if (targetType) {
    if (e.type !== targetType.type && e.type !== OID.unknown && !canCoerce(cat, e.type, targetType.type, 'assignment')) {
      const what = kind === 'generated' ? 'generation expression' : 'default for column';
      const msg =
        kind === 'generated'
          ? `column "${targetType.column}" is of type ${formatType(cat, targetType.type)} but ${what} is of type ${formatType(cat, e.type)}`
          : `column "${targetType.column}" is of type ${formatType(cat, targetType.type)} but default expression is of type ${formatType(cat, e.type)}`;
      throw new PgError(SQLSTATE.datatype_mismatch, msg, { hint: 'You will need to rewrite or cast the expression.', position: kind === 'generated' ? undefined : undefined });
    }
    e = coerceTo(ps, cat, e, targetType.type, targetType.typmod, 'assignment');
  }
  const start = raw[Object.keys(raw)[0]]?.location;
  return { expr: e, text: exprText(sql, start), volatile: stmt.volatileSeen, mutable: !!stmt.mutableSeen || stmt.volatileSeen };
}

/** check_srf_call_placement's context names. */
const SRF_CONTEXTS: Partial<Record<ExprKind, string>> = {
  default: 'DEFAULT expressions',
  check: 'check constraints',
  generated: 'column generation expressions',
  index: 'index expressions',
  'index predicate': 'index predicates',
  'partition key': 'partition key expressions',
};

/** The first set-returning function call in `e` (not inside a subquery). */
function findSetReturning(e: unknown): { location?: number } | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const o = e as { kind?: string; retset?: boolean; location?: number };
  if (o.kind === 'FuncExpr' && o.retset) return o;
  if (o.kind === 'SubLink') return undefined;
  if (Array.isArray(e)) {
    for (const x of e) {
      const f = findSetReturning(x);
      if (f) return f;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(e as object)) {
    if (k === 'fn' || k === 'agg') continue;
    const f = findSetReturning(v);
    if (f) return f;
  }
  return undefined;
}

function containsSubLinkExpr(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  if ((e as { kind?: string }).kind === 'SubLink') return true;
  if (Array.isArray(e)) return e.some(containsSubLinkExpr);
  for (const [k, v] of Object.entries(e as object)) if (k !== 'fn' && k !== 'agg' && containsSubLinkExpr(v)) return true;
  return false;
}

/** Attnums of this table's columns an expression reads (system columns such as tableoid excluded). */
export function referencedColumns(e: Expr): Set<number> {
  const out = new Set<number>();
  visitVars(e, (v, depth) => {
    if (v.levelsUp === depth && v.rti === 0 && v.attno > 0) out.add(v.attno);
  });
  return out;
}

/**
 * The column a default CHECK constraint name mentions (`tab_col_check`): Postgres names it after
 * the one distinct column the expression reads, whatever the syntactic position of the
 * constraint (AddRelationNewConstraints); tableoid counts as a column, a whole-row reference
 * does not name one.
 */
export function checkNameColumn(e: Expr, columns: readonly { name: string }[]): string | undefined {
  const seen = new Set<number>();
  visitVars(e, (v, depth) => {
    if (v.levelsUp === depth && v.rti === 0) seen.add(v.attno);
  });
  if (seen.size !== 1) return undefined;
  const [attno] = seen;
  if (attno > 0) return columns[attno - 1].name;
  return attno < 0 ? systemColumnName(attno) : undefined;
}

export function liveColumns(rel: RelationDef): ColumnDef[] {
  return rel.columns.filter((c) => !c.dropped);
}
