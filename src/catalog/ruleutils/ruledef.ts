/**
 * pg_get_ruledef() of a CREATE RULE rule: `CREATE RULE name AS\n    ON EVENT TO rel` with its WHERE
 * and actions printed as Postgres prints them. The stored raw qual and actions are analyzed under
 * the rule's search path, OLD / NEW being range entries of an outer query level, and printed with
 * querydef.ts (every column reference qualified, as a rule action reads several relations).
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (make_ruledef, get_insert_query_def,
 * get_update_query_def, get_delete_query_def).
 * Known gaps (Unprintable, the caller raises 0A000): UPDATE ... FROM, DELETE ... USING, WITH,
 * ON CONFLICT, multi-row VALUES, NOTIFY actions, and what querydef.ts cannot print.
 */
import type { Catalog } from '../catalog.js';
import type { RelationDef, RuleDef } from '../objects.js';
import type { SessionContext } from '../../session/session-context.js';
import type { Expr } from '../../nodes/primnodes.js';
import { emptyQuery, type Query, type TargetEntry } from '../../nodes/query.js';
import { ParseState, type StatementState } from '../../analyze/parse-state.js';
import { lookupRelation, relationRte } from '../../analyze/relation.js';
import { transformSelectStmt } from '../../analyze/select.js';
import { coerceTo } from '../../analyze/coerce.js';
import { quoteIdent } from '../../functions/builtins/quote.js';
import { Unprintable } from '../deparse.js';
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { queryText } from './querydef.js';
import { qualifiedRelationName, relationName } from './context.js';

type AnyNode = Record<string, any>;
type QueryContext = Parameters<typeof queryText>[0];

interface Printer {
  readonly cat: Catalog;
  readonly session: SessionContext;
  readonly state: StatementState;
  readonly outer: ParseState;
  readonly pretty: boolean;
}

/** A child SELECT of the OLD / NEW level, analyzed. */
function analyze(p: Printer, sel: AnyNode): Query {
  return transformSelectStmt(p.state, { limitOption: 'LIMIT_OPTION_DEFAULT', op: 'SETOP_NONE', ...sel }, p.outer);
}

function context(p: Printer, q: Query): QueryContext {
  return { cat: p.cat, session: p.session, pretty: p.pretty, levels: [{ q: p.outer.query, qualify: true }, { q, qualify: true }], wrapColumn: 0 };
}

/** Expressions of `q`'s level as text (one SELECT per expression, its keyword cut off). */
function exprText(p: Printer, q: Query, e: Expr): string {
  const te: TargetEntry = { expr: e, name: '?column?', resjunk: false } as TargetEntry;
  const fake: Query = { ...q, targetList: [te], fromList: [], where: undefined, groupBy: [], having: undefined, sortBy: [], ctes: [], setOp: undefined, distinct: false, distinctOn: undefined, limit: undefined, offset: undefined, groupingSets: undefined } as unknown as Query;
  const s = queryText(context(p, fake), fake, 0);
  if (!s.startsWith(' SELECT ')) throw new Unprintable();
  const text = s.slice(' SELECT '.length);
  // A hidden implicit cast keeps its operand's parentheses in pretty mode (isSimpleNode).
  if (p.pretty && e.kind === 'CoerceExpr' && e.form !== 'explicit' && !e.handlesNull && COMPOUND.has(e.arg.kind)) return `(${text})`;
  return text;
}

const COMPOUND = new Set<string>(['OpExpr', 'BoolExpr', 'NullTest', 'BooleanTest']);

/** A RETURNING list (or a SELECT's targets) as get_target_list prints it. */
function targetsText(p: Printer, q: Query): string {
  const fake: Query = { ...q, fromList: [], where: undefined, groupBy: [], having: undefined, sortBy: [], ctes: [], setOp: undefined, distinct: false, distinctOn: undefined, limit: undefined, offset: undefined } as unknown as Query;
  const s = queryText(context(p, fake), fake, 0);
  return s.slice(' SELECT '.length);
}

function targetRel(p: Printer, rv: AnyNode): RelationDef {
  const rel = lookupRelation(p.cat, p.state.session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel) throw new Unprintable();
  return rel;
}

function relText(p: Printer, rel: RelationDef, rv: AnyNode): string {
  const name = relationName(p.cat, p.session.searchPath(), rel.oid);
  const alias = rv.alias?.aliasname as string | undefined;
  return alias ? `${name} ${quoteIdent(alias)}` : name;
}

function returningText(p: Printer, b: AnyNode, from: AnyNode[]): string {
  const list = b.returningClause?.exprs as AnyNode[] | undefined;
  if (!list?.length) return '';
  if (b.returningClause.options?.length) throw new Unprintable();
  return `\n  RETURNING ${targetsText(p, analyze(p, { targetList: list, fromClause: from }))}`;
}

function whereText(p: Printer, q: Query): string {
  return q.where ? `\n  WHERE ${exprText(p, q, q.where)}` : '';
}

function actionText(p: Printer, action: AnyNode): string {
  const k = Object.keys(action)[0];
  const b = action[k] as AnyNode;
  if (b.withClause) throw new Unprintable();
  switch (k) {
    case 'InsertStmt': {
      if (b.onConflictClause) throw new Unprintable();
      const rel = targetRel(p, b.relation);
      const live = rel.columns.filter((c) => !c.dropped);
      const sel = b.selectStmt?.SelectStmt as AnyNode | undefined;
      const head = ` INSERT INTO ${relText(p, rel, b.relation)}`;
      const from = [{ RangeVar: b.relation }];
      if (!sel) return `${head} DEFAULT VALUES${returningText(p, b, from)}`;
      const given = b.cols ? (b.cols as AnyNode[]).map((c) => {
        if (c.ResTarget.indirection) throw new Unprintable();
        return c.ResTarget.name as string;
      }) : undefined;
      const cols = (n: number) => (given ?? live.slice(0, n).map((c) => c.name)).map((c) => live.find((x) => x.name === c) ?? (() => { throw new Unprintable(); })());
      if (sel.valuesLists) {
        if (sel.valuesLists.length !== 1) throw new Unprintable();
        const items = sel.valuesLists[0].List.items as AnyNode[];
        const targets = cols(items.length);
        const q = analyze(p, { targetList: items.map((it) => ({ ResTarget: { val: it.SetToDefault ? { A_Const: { isnull: true } } : it } })) });
        const texts = q.targetList.map((t, i) => {
          if (items[i].SetToDefault) return 'DEFAULT';
          const col = targets[i];
          return exprText(p, q, col ? coerceTo(undefined, p.cat, t.expr, col.type, col.typmod, 'assignment') : t.expr);
        });
        return `${head} (${targets.map((c) => quoteIdent(c.name)).join(', ')})\n  VALUES (${texts.join(', ')})${returningText(p, b, from)}`;
      }
      const q = analyze(p, sel);
      const n = q.targetList.filter((t) => !t.resjunk).length;
      const inner: QueryContext = context(p, q);
      return `${head} (${cols(n).map((c) => quoteIdent(c.name)).join(', ')}) ${queryText(inner, q, 8)}${returningText(p, b, from)}`;
    }
    case 'UpdateStmt': {
      if (b.fromClause?.length) throw new Unprintable();
      const rel = targetRel(p, b.relation);
      const from = [{ RangeVar: b.relation }];
      const sets = (b.targetList as AnyNode[]).map((t) => {
        if (t.ResTarget.indirection || t.ResTarget.val?.MultiAssignRef) throw new Unprintable();
        return t.ResTarget;
      });
      const q = analyze(p, { targetList: sets.map((rt) => ({ ResTarget: { val: rt.val.SetToDefault ? { A_Const: { isnull: true } } : rt.val } })), fromClause: from, whereClause: b.whereClause });
      const texts = sets.map((rt, i) => {
        if (rt.val.SetToDefault) return `${quoteIdent(rt.name)} = DEFAULT`;
        const col = rel.columns.find((c) => !c.dropped && c.name === rt.name);
        if (!col) throw new Unprintable();
        return `${quoteIdent(rt.name)} = ${exprText(p, q, coerceTo(undefined, p.cat, q.targetList[i].expr, col.type, col.typmod, 'assignment'))}`;
      });
      return ` UPDATE ${relText(p, rel, b.relation)} SET ${texts.join(', ')}${whereText(p, q)}${returningText(p, b, from)}`;
    }
    case 'DeleteStmt': {
      if (b.usingClause?.length) throw new Unprintable();
      const rel = targetRel(p, b.relation);
      const from = [{ RangeVar: b.relation }];
      const q = analyze(p, { targetList: [], fromClause: from, whereClause: b.whereClause });
      return ` DELETE FROM ${relText(p, rel, b.relation)}${whereText(p, q)}${returningText(p, b, from)}`;
    }
    case 'SelectStmt': {
      const q = analyze(p, b);
      return queryText(context(p, q), q, 0);
    }
    default:
      throw new Unprintable();
  }
}

const EVENT_WORD: Record<RuleDef['event'], string> = { INSERT: 'INSERT', UPDATE: 'UPDATE', DELETE: 'DELETE' };

/** The rule's definition as pg_get_ruledef prints it (throws Unprintable for what it cannot print). */
export function ruleDefinition(cat: Catalog, session: SessionContext, rule: RuleDef, pretty: boolean): string {
  const rel = cat.relations.get(rule.relation);
  if (!rel) throw new Unprintable();
  const ruleSession = Object.assign(Object.create(session) as SessionContext, { searchPath: () => rule.searchPath, catalog: () => cat });
  const state: StatementState = { catalog: cat, session: ruleSession, sql: rule.text, paramTypes: [], inferParams: false, volatileSeen: false, noFold: true };
  const outer = new ParseState(state, emptyQuery('select'));
  for (const name of ['old', 'new']) {
    const rti = outer.addRte(relationRte(rel, { aliasname: name }));
    outer.namespace.push({ rti, rte: outer.query.rtable[rti], relVisible: true, colsVisible: false });
  }
  // Names print for the caller's search path.
  const p: Printer = { cat, session, state, outer, pretty };
  const relName = pretty ? relationName(cat, session.searchPath(), rel.oid) : qualifiedRelationName(cat, rel.oid);
  let s = `CREATE RULE ${quoteIdent(rule.name)} AS\n    ON ${EVENT_WORD[rule.event]} TO ${relName}`;
  if (rule.qual) {
    const q = analyze(p, { targetList: [{ ResTarget: { val: rule.qual } }] });
    s += `\n   WHERE ${exprText(p, q, q.targetList[0].expr)}`;
  }
  s += ' DO ';
  if (rule.instead) s += 'INSTEAD ';
  const actions = rule.actions as AnyNode[];
  if (!actions.length) return `${s}NOTHING;`;
  if (actions.length === 1) return `${s}${actionText(p, actions[0])};`;
  return `${s}(${actions.map((a) => `${actionText(p, a)};\n`).join('')});`;
}

/** pg_get_ruledef of a CREATE RULE rule: its text, or 0A000 when it cannot be printed exactly. */
export function userRuleDefinition(cat: Catalog, session: SessionContext, rule: RuleDef, pretty: boolean): string {
  try {
    return ruleDefinition(cat, session, rule, pretty);
  } catch (e) {
    // (an action that no longer analyzes, or one this printer cannot print exactly)
    if (e instanceof Unprintable || e instanceof PgError) throw featureNotSupported('pg_get_ruledef of this rule');
    throw e;
  }
}
