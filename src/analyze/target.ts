/**
 * SELECT-list handling: `*` and `t.*` expansion, output column names (Postgres's FigureColname),
 * and the typing of leftover unknown literals as text.
 * Postgres counterpart: src/backend/parser/parse_target.c.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr } from '../nodes/primnodes.js';
import type { TargetEntry } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import { coerceTo } from './coerce.js';
import { makeVar, missingRte } from './column-ref.js';
import { nodeKind, strVal, transformExpr } from './expr.js';
import type { NamespaceItem, ParseState } from './parse-state.js';
import { expandIndirectionStar } from './indirection.js';

type AnyNode = Record<string, any>;

/** Postgres's FigureColname: the default output name of an expression. */
export function figureColname(node: AnyNode | undefined): string {
  return figure(node)[0] ?? '?column?';
}

/**
 * Postgres's FigureColnameInternal: a name and its strength (0 none, 1 weak: a type name from a
 * cast or "case", 2 strong). A cast names its result after the type unless its argument has a
 * strong name of its own.
 */
function figure(node: AnyNode | undefined): [string | undefined, number] {
  if (!node) return [undefined, 0];
  const [k, n] = nodeKind(node);
  switch (k) {
    case 'ColumnRef': {
      // The last field name, ignoring `*` (`t.*` is named t).
      const named = (n.fields as AnyNode[]).filter((f) => !f.A_Star);
      return named.length ? [strVal(named[named.length - 1]), 2] : [undefined, 0];
    }
    case 'A_Indirection': {
      const ind = n.indirection as AnyNode[];
      for (let i = ind.length - 1; i >= 0; i--) if (ind[i].String) return [strVal(ind[i]), 2];
      return figure(n.arg);
    }
    case 'MergeSupportFunc':
      return ['merge_action', 2];
    case 'FuncCall': {
      const names = n.funcname as AnyNode[];
      return [strVal(names[names.length - 1]), 2];
    }
    case 'A_Expr':
      return n.kind === 'AEXPR_NULLIF' ? ['nullif', 2] : [undefined, 0];
    case 'TypeCast': {
      const inner = figure(n.arg);
      if (inner[1] <= 1) {
        const names = n.typeName.names as AnyNode[];
        return [strVal(names[names.length - 1]), 1];
      }
      return inner;
    }
    case 'CollateClause':
      return figure(n.arg);
    case 'GroupingFunc':
      return ['grouping', 2];
    case 'JsonFuncExpr':
      return [n.op === 'JSON_EXISTS_OP' ? 'json_exists' : n.op === 'JSON_VALUE_OP' ? 'json_value' : n.op === 'JSON_QUERY_OP' ? 'json_query' : 'json_table', 2];
    case 'JsonObjectConstructor':
      return ['json_object', 2];
    case 'JsonParseExpr':
      return ['json', 2];
    case 'JsonScalarExpr':
      return ['json_scalar', 2];
    case 'JsonSerializeExpr':
      return ['json_serialize', 2];
    case 'JsonArrayConstructor':
    case 'JsonArrayQueryConstructor':
      return ['json_array', 2];
    case 'JsonArrayAgg':
      return ['json_arrayagg', 2];
    case 'JsonObjectAgg':
      return ['json_objectagg', 2];
    case 'SubLink':
      switch (n.subLinkType) {
        case 'EXISTS_SUBLINK':
          return ['exists', 2];
        case 'ARRAY_SUBLINK':
          return ['array', 2];
        case 'EXPR_SUBLINK': {
          const first = n.subselect?.SelectStmt?.targetList?.[0]?.ResTarget;
          if (first?.name) return [first.name, 2];
          if (first) {
            const f = figure(first.val);
            if (f[1] === 2) return f;
          }
          return [undefined, 0];
        }
        default:
          return [undefined, 0];
      }
    case 'CaseExpr': {
      const d = figure(n.defresult);
      return d[1] <= 1 ? ['case', 1] : d;
    }
    case 'A_ArrayExpr':
      return ['array', 2];
    case 'RowExpr':
      return ['row', 2];
    case 'CoalesceExpr':
      return ['coalesce', 2];
    case 'MinMaxExpr':
      return [n.op === 'IS_GREATEST' ? 'greatest' : 'least', 2];
    case 'SQLValueFunction': {
      const map: Record<string, string> = {
        SVFOP_CURRENT_DATE: 'current_date', SVFOP_CURRENT_TIME: 'current_time', SVFOP_CURRENT_TIME_N: 'current_time',
        SVFOP_CURRENT_TIMESTAMP: 'current_timestamp', SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
        SVFOP_LOCALTIME: 'localtime', SVFOP_LOCALTIME_N: 'localtime', SVFOP_LOCALTIMESTAMP: 'localtimestamp',
        SVFOP_LOCALTIMESTAMP_N: 'localtimestamp', SVFOP_CURRENT_ROLE: 'current_role', SVFOP_CURRENT_USER: 'current_user',
        SVFOP_USER: 'user', SVFOP_SESSION_USER: 'session_user', SVFOP_CURRENT_CATALOG: 'current_catalog', SVFOP_CURRENT_SCHEMA: 'current_schema',
      };
      return [map[n.op], 2];
    }
    default:
      return [undefined, 0];
  }
}

/** Expands `*` (all visible items) or `t.*`. */
export function expandStar(pstate: ParseState, relName: string | undefined, location: number | undefined): TargetEntry[] {
  const out: TargetEntry[] = [];
  const push = (item: NamespaceItem, skip?: ReadonlySet<string>, levelsUp = 0, ps: ParseState = pstate) => {
    item.rte.columns.forEach((c, i) => {
      if (c.dropped || c.hidden || skip?.has(c.name)) return;
      const expr = makeVar(item.rte, item.rti, i + 1, levelsUp, location);
      const origin = originOf(ps, item.rti, i + 1);
      out.push({ expr, name: c.name, resjunk: false, origin });
    });
  };
  if (relName === undefined) {
    const items = pstate.namespace.filter((i) => i.colsVisible && !i.lateralOnly);
    if (!items.length) {
      throw new PgError(SQLSTATE.syntax_error, 'SELECT * with no tables specified is not valid', { position: pstate.position(location) });
    }
    for (const item of items) push(item, item.hiddenCols);
    return out;
  }
  const item = pstate.namespace.find((i) => i.relVisible && !i.lateralOnly && i.rte.alias === relName);
  if (!item) {
    // `t.*` of an outer query level (a LATERAL or correlated subquery): outer Vars.
    let lv = 1;
    for (let ps = pstate.parent; ps; ps = ps.parent, lv++) {
      const outer = ps.namespace.find((i) => i.relVisible && !i.lateralOnly && i.rte.alias === relName);
      if (outer) {
        push(outer, undefined, lv, ps);
        return out;
      }
    }
    // `rec.*` of a PL/pgSQL record variable (NEW.* in an audit trigger).
    const fields = pstate.stmt.columnRefHook?.expandStar?.(pstate, relName, location);
    if (fields) return fields.map((f) => ({ expr: f.expr, name: f.name, resjunk: false }));
    throw missingRte(pstate, relName, location);
  }
  push(item);
  return out;
}

/** Analyzes a SELECT list (or RETURNING list). */
export function transformTargetList(pstate: ParseState, targets: AnyNode[]): TargetEntry[] {
  const out: TargetEntry[] = [];
  for (const t of targets) {
    const rt = t.ResTarget;
    const [k, body] = nodeKind(rt.val);
    if (k === 'ColumnRef') {
      const fields = body.fields as AnyNode[];
      if (fields[fields.length - 1].A_Star) {
        const rel = fields.length === 2 ? strVal(fields[0]) : fields.length === 3 ? strVal(fields[1]) : undefined;
        out.push(...expandStar(pstate, rel, body.location));
        continue;
      }
    }
    const star = expandIndirectionStar(pstate, rt.val);
    if (star) {
      for (const f of star) out.push({ expr: f.expr, name: f.name, resjunk: false });
      continue;
    }
    const expr = transformExpr(pstate, rt.val);
    // A scalar subquery is named after its analyzed first column (`(SELECT t.* ...)` → t's column).
    const subName = expr.kind === 'SubLink' && expr.subLinkType === 'EXPR' ? expr.subquery.targetList[0]?.name : undefined;
    const name = rt.name ?? subName ?? figureColname(rt.val);
    const origin = expr.kind === 'Var' && expr.levelsUp === 0 ? originOf(pstate, expr.rti, expr.attno) : undefined;
    out.push({ expr, name, resjunk: false, origin });
  }
  return out;
}

function originOf(pstate: ParseState, rti: number, attno: number): { relation: number; attnum: number } | undefined {
  const rte = pstate.query.rtable[rti];
  if (rte?.kind === 'relation') return { relation: rte.rel.oid, attnum: attno };
  if (rte?.kind === 'function' && rte.systemTable !== undefined) return { relation: rte.systemTable, attnum: attno };
  return undefined;
}

/** Unknown-typed outputs (bare string literals, NULL) become text, as Postgres resolves them. */
export function resolveUnknownTargets(pstate: ParseState, tl: TargetEntry[]): TargetEntry[] {
  return tl.map((t) => (t.expr.type === OID.unknown ? { ...t, expr: coerceTo(pstate, pstate.catalog, t.expr, OID.text, -1, 'implicit') as Expr } : t));
}

/** An item of a VALUES row: the raw expression, or one field of an expanded `t.*` / `(expr).*`. */
export type ValuesItem = AnyNode | { readonly expanded: Expr };

/**
 * A VALUES row with `t.*` and `(expr).*` items expanded into their fields (transformExpressionList
 * with ExpandColumnRefStar / ExpandIndirectionStar): `INSERT INTO audit VALUES (new.*)`.
 * Returns the items themselves when none is starred (the usual case: no work).
 */
export function expandValuesStars(pstate: ParseState, items: readonly AnyNode[]): ValuesItem[] {
  const starred = (it: AnyNode): boolean => {
    const f = it.ColumnRef?.fields as AnyNode[] | undefined;
    if (f) return f.length >= 2 && !!f[f.length - 1].A_Star;
    const ind = it.A_Indirection?.indirection as AnyNode[] | undefined;
    return !!ind?.length && !!ind[ind.length - 1].A_Star;
  };
  if (!items.some(starred)) return items as ValuesItem[];
  const out: ValuesItem[] = [];
  for (const it of items) {
    if (!starred(it)) {
      out.push(it);
      continue;
    }
    if (it.A_Indirection) {
      for (const f of expandIndirectionStar(pstate, it) ?? []) out.push({ expanded: f.expr });
      continue;
    }
    const f = it.ColumnRef.fields as AnyNode[];
    if (f.length !== 2) {
      // (`fn.param.*` and `schema.table.*`: the whole value as one item, as before)
      out.push(it);
      continue;
    }
    for (const t of expandStar(pstate, strVal(f[0]), it.ColumnRef.location as number | undefined)) out.push({ expanded: t.expr });
  }
  return out;
}
