/**
 * The rule system: INSERT / UPDATE / DELETE on a relation with CREATE RULE rules become the list
 * of statements Postgres's rewriter produces, run in order, each seeing the previous ones' writes.
 *
 * Each rule (enabled, for the event, in name order) contributes its actions; NEW and OLD become
 * derived tables built from the original statement (NEW: the rows an INSERT would write, defaults
 * filled in, or the rows an UPDATE would produce; OLD: the rows UPDATE / DELETE would touch),
 * joined into each action together with the rule's WHERE. An unconditional INSTEAD rule replaces
 * the original statement; a conditional one keeps it with `NOT (qual) IS TRUE` added. The original
 * runs first for INSERT and last for UPDATE / DELETE. Actions are rewritten again by the rules of
 * their own targets (a relation met twice for the same event is 42P17). The command tag is the
 * original's, its count from the original when kept, else from the last INSTEAD action of the same
 * command; the original's RETURNING is computed from the RETURNING rows of the INSTEAD action.
 *
 * The rewrite works on raw parse trees, as updatable-view.ts does; each product statement is then
 * analyzed, planned and run by the ordinary DML path (which must not apply rules to it again).
 * Postgres counterpart: src/backend/rewrite/rewriteHandler.c (RewriteQuery, fireRules,
 * rewriteRuleAction, CopyAndAddInvertedQual), tcop/pquery.c (PortalRunMulti's tags).
 * Known gaps (0A000): WITH on a statement rewritten by rules, rules reached through an
 * automatically updatable view, UPDATE SET (a, b) = ..., WHERE CURRENT OF, multi-row VALUES with
 * DEFAULT in a rule action, RETURNING through a rule on UPDATE ... FROM / DELETE ... USING.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, RelationDef, RuleDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { lookupRelation } from '../analyze/relation.js';
import { parseScript } from '../parser/parse.js';
import { formatTypeName } from '../catalog/ruleutils/format-type.js';
import { replicaRole, triggersFor } from '../executor/trigger.js';
import type { Session } from '../session/session.js';
import type { StatementResult } from '../session/dispatch.js';

type AnyNode = Record<string, any>;
export type DmlKind = 'InsertStmt' | 'UpdateStmt' | 'DeleteStmt';
type Event = RuleDef['event'];

const EVENT_OF: Record<DmlKind, Event> = { InsertStmt: 'INSERT', UpdateStmt: 'UPDATE', DeleteStmt: 'DELETE' };

/** Statement bodies the rewriter produced: the DML path runs them without applying rules again. */
const rewrittenBodies = new WeakSet<object>();

/** Whether a statement body came out of the rule rewrite (rules were already applied to it). */
export function isRuleProduct(body: object): boolean {
  return rewrittenBodies.has(body);
}

/** One statement of the rewritten list. */
interface Product {
  readonly kind: string;
  readonly body: AnyNode;
  /** Text the statement is analyzed with (cache key; positions only when `untouched`). */
  readonly sql: string;
  readonly source: 'original' | 'instead' | 'qual-instead' | 'also';
  /** The user's statement as written (its error positions are meaningful). */
  readonly untouched: boolean;
  setsTag?: boolean;
  /** The original statement's RETURNING, computed from this action's RETURNING rows. */
  returningOf?: { readonly list: AnyNode[]; readonly alias: string; readonly rel: RelationDef };
}

// ---- which rules apply --------------------------------------------------------------------

const byRelation = new WeakMap<Catalog, Map<number, RuleDef[]>>();

/** Rules per relation, in name order (cached per catalog version). */
function rulesOf(cat: Catalog, rel: number): readonly RuleDef[] {
  let m = byRelation.get(cat);
  if (!m) {
    m = new Map();
    for (const r of cat.rules.values()) {
      const l = m.get(r.relation);
      if (l) l.push(r);
      else m.set(r.relation, [r]);
    }
    for (const l of m.values()) l.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    byRelation.set(cat, m);
  }
  return m.get(rel) ?? [];
}

/** Whether a relation has any rule for INSERT / UPDATE / DELETE (MERGE refuses such relations). */
export function hasDmlRules(cat: Catalog, rel: number): boolean {
  return cat.rules.size > 0 && rulesOf(cat, rel).length > 0;
}

/** Whether a relation has an enabled rule (for this session's replication role) for any event. */
function hasEnabledRules(session: Session, rel: number): boolean {
  return (['INSERT', 'UPDATE', 'DELETE'] as const).some((e) => firingRules(session, rel, e).length > 0);
}

function firingRules(session: Session, rel: number, event: Event): RuleDef[] {
  const replica = replicaRole(session);
  return rulesOf(session.catalog(), rel).filter((r) => r.event === event && (r.enabled === 'A' || (r.enabled === 'O' && !replica) || (r.enabled === 'R' && replica)));
}

// ---- raw-tree helpers ---------------------------------------------------------------------

const clone = <T>(x: T): T => structuredClone(x);
const str = (s: string): AnyNode => ({ String: { sval: s } });
const colRef = (...names: string[]): AnyNode => ({ ColumnRef: { fields: names.map(str) } });
const resTarget = (val: AnyNode, name?: string): AnyNode => ({ ResTarget: name === undefined ? { val } : { name, val } });
const and = (a: AnyNode | undefined, b: AnyNode | undefined): AnyNode | undefined =>
  !a ? b : !b ? a : { BoolExpr: { boolop: 'AND_EXPR', args: [a, b] } };
const isNotTrue = (e: AnyNode): AnyNode => ({ BooleanTest: { arg: e, booltesttype: 'IS_NOT_TRUE' } });
const select = (fields: AnyNode): AnyNode => ({ ...fields, limitOption: 'LIMIT_OPTION_DEFAULT', op: 'SETOP_NONE' });
const subselect = (sel: AnyNode, alias: string, lateral = false): AnyNode => ({
  RangeSubselect: { ...(lateral ? { lateral: true } : {}), subquery: { SelectStmt: sel }, alias: { aliasname: alias }, ruleRelOnly: true },
});

function liveColumns(rel: RelationDef): ColumnDef[] {
  return rel.columns.filter((c) => !c.dropped);
}

/** What a raw tree reads of `name` (old / new): column names, or 'all' for whole-row / star uses. */
function refsOf(node: unknown, name: string, out: Set<string> | 'all' = new Set()): Set<string> | 'all' {
  if (out === 'all' || !node || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const x of node) if ((out = refsOf(x, name, out)) === 'all') return out;
    return out;
  }
  const o = node as AnyNode;
  if (o.ColumnRef) {
    const f = o.ColumnRef.fields as AnyNode[];
    if (f[0]?.String?.sval === name) {
      if (f.length === 1 || f[1].A_Star) return 'all';
      out.add(f[1].String.sval);
    }
    return out;
  }
  for (const v of Object.values(o)) if ((out = refsOf(v, name, out)) === 'all') return out;
  return out;
}

/** Replaces ColumnRefs `name.col` (and `name`) by what `f` gives (undefined: leave it). */
function substitute(node: unknown, name: string, f: (col: string | undefined) => AnyNode | undefined): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((x) => substitute(x, name, f));
  const o = node as AnyNode;
  if (o.ColumnRef) {
    const fields = o.ColumnRef.fields as AnyNode[];
    if (fields[0]?.String?.sval === name && fields.length <= 2) {
      const r = f(fields.length === 2 ? (fields[1].String?.sval ?? '*') : undefined);
      if (r) return r;
    }
    return o;
  }
  const out: AnyNode = {};
  for (const [k, v] of Object.entries(o)) out[k] = substitute(v, name, f);
  return out;
}

const parsedTypes = new Map<string, AnyNode>();

/** `expr::coltype` (the column's type and typmod), as a raw TypeCast. */
function castTo(session: Session, col: ColumnDef, val: AnyNode): AnyNode {
  const text = formatTypeName(session.catalog(), session.searchPath(), col.type, col.typmod);
  let tn = parsedTypes.get(text);
  if (!tn) {
    tn = (parseScript(`SELECT NULL::${text}`)[0].stmt as AnyNode).SelectStmt.targetList[0].ResTarget.val.TypeCast.typeName as AnyNode;
    parsedTypes.set(text, tn);
  }
  return { TypeCast: { arg: val, typeName: clone(tn) } };
}

const parsedDefaults = new Map<string, AnyNode>();

/** A column's default as a raw expression (NULL when it has none). */
function defaultOf(col: ColumnDef): AnyNode {
  const text = col.default?.text;
  if (!text) return { A_Const: { isnull: true } };
  let e = parsedDefaults.get(text);
  if (!e) {
    e = (parseScript(`SELECT (${text})`)[0].stmt as AnyNode).SelectStmt.targetList[0].ResTarget.val as AnyNode;
    parsedDefaults.set(text, e);
  }
  return clone(e);
}

function kindOf(stmt: AnyNode): [string, AnyNode] {
  const k = Object.keys(stmt)[0];
  return [k, stmt[k]];
}

// ---- NEW and OLD ------------------------------------------------------------------------

/** INSERT's column names and the source SELECT with DEFAULT items replaced by the defaults. */
function refsStar(node: unknown): boolean {
  return JSON.stringify(node).includes('"A_Star"');
}

function insertSource(session: Session, rel: RelationDef, ins: AnyNode): { cols: string[]; source?: AnyNode } {
  const live = liveColumns(rel);
  const cols = ins.cols
    ? (ins.cols as AnyNode[]).map((c) => {
      if (c.ResTarget.indirection) throw featureNotSupported('INSERT with subscripted or field target columns on a relation with rules');
      return c.ResTarget.name as string;
    })
    : live.map((c) => c.name);
  let source = ins.selectStmt?.SelectStmt as AnyNode | undefined;
  // Without a column list, as many leading columns as the source gives.
  if (!ins.cols && source) {
    const n = source.valuesLists ? (source.valuesLists[0].List.items as AnyNode[]).length : source.targetList && !(source.targetList as AnyNode[]).some((t) => refsStar(t)) ? (source.targetList as AnyNode[]).length : cols.length;
    cols.length = Math.min(cols.length, n);
  }
  if (source?.valuesLists) {
    source = {
      ...source,
      valuesLists: (source.valuesLists as AnyNode[]).map((l) => ({
        List: {
          items: (l.List.items as AnyNode[]).map((it, i) => {
            if (!it.SetToDefault) return it;
            const col = live.find((c) => c.name === cols[i]);
            return col ? castTo(session, col, defaultOf(col)) : { A_Const: { isnull: true } };
          }),
        },
      })),
    };
  }
  return { cols, source };
}

/** The rows an INSERT writes, one column per column of the relation (those not `needed` are NULL). */
function newRowsOfInsert(session: Session, rel: RelationDef, ins: AnyNode, needed: Set<string> | 'all'): AnyNode {
  const { cols, source } = insertSource(session, rel, ins);
  const targetList = liveColumns(rel).map((c) => {
    const i = cols.indexOf(c.name);
    const use = needed === 'all' || needed.has(c.name);
    const val = !use ? { A_Const: { isnull: true } } : i >= 0 && source ? colRef('*SELECT*', `k${i + 1}`) : c.generated ? { A_Const: { isnull: true } } : defaultOf(c);
    return resTarget(castTo(session, c, val), c.name);
  });
  const fromClause = source
    ? [{ RangeSubselect: { subquery: { SelectStmt: source }, alias: { aliasname: '*SELECT*', colnames: cols.map((_, i) => str(`k${i + 1}`)) } } }]
    : undefined;
  return select({ targetList, ...(fromClause ? { fromClause } : {}) });
}

/** SET column → value of an UPDATE (DEFAULT becomes the column's default). */
function setValues(rel: RelationDef, upd: AnyNode): Map<string, AnyNode> {
  const m = new Map<string, AnyNode>();
  for (const t of upd.targetList as AnyNode[]) {
    const rt = t.ResTarget;
    if (rt.indirection || rt.val?.MultiAssignRef) throw featureNotSupported('UPDATE SET of this form on a relation with rules');
    const col = rel.columns.find((c) => !c.dropped && c.name === rt.name);
    m.set(rt.name, rt.val?.SetToDefault && col ? defaultOf(col) : rt.val);
  }
  return m;
}

function targetAlias(body: AnyNode, rel: RelationDef): string {
  return (body.relation.alias?.aliasname as string | undefined) ?? rel.name;
}

/**
 * FROM items giving an action its OLD / NEW rows: for INSERT `(rows) AS new`; for DELETE
 * `(rows) AS old`; for UPDATE the touched rows with their old and new values, and old / new as
 * lateral projections of them.
 */
function ruleSource(session: Session, kind: DmlKind, body: AnyNode, rel: RelationDef, uses: AnyNode, lateral = true): AnyNode[] {
  if (kind === 'InsertStmt') return [subselect(newRowsOfInsert(session, rel, body, refsOf(uses, 'new')), 'new')];
  if (body.whereClause && isCurrentOf(body.whereClause)) throw featureNotSupported('WHERE CURRENT OF on a relation with rules');
  const alias = targetAlias(body, rel);
  const live = liveColumns(rel);
  const from = [{ RangeVar: body.relation }, ...(((kind === 'UpdateStmt' ? body.fromClause : body.usingClause) ?? []) as AnyNode[])];
  const oldNeeded = refsOf(uses, 'old');
  const use = (needed: Set<string> | 'all', c: ColumnDef) => needed === 'all' || needed.has(c.name);
  if (kind === 'DeleteStmt') {
    const targetList = live.map((c) => resTarget(use(oldNeeded, c) ? colRef(alias, c.name) : castTo(session, c, { A_Const: { isnull: true } }), c.name));
    return [subselect(select({ targetList, fromClause: from, whereClause: body.whereClause }), 'old')];
  }
  const sets = setValues(rel, body);
  const newNeeded = refsOf(uses, 'new');
  const inner: AnyNode[] = [];
  live.forEach((c, i) => {
    inner.push(resTarget(use(oldNeeded, c) ? colRef(alias, c.name) : castTo(session, c, { A_Const: { isnull: true } }), `o${i}`));
    const v = !use(newNeeded, c) ? { A_Const: { isnull: true } } : sets.get(c.name) ?? colRef(alias, c.name);
    inner.push(resTarget(castTo(session, c, clone(v)), `n${i}`));
  });
  const proj = (p: string) => select({ targetList: live.map((c, i) => resTarget(colRef('*rule*', `${p}${i}`), c.name)) });
  if (!lateral) return [subselect(select({ targetList: inner, fromClause: from, whereClause: body.whereClause }), '*rule*')];
  return [
    subselect(select({ targetList: inner, fromClause: from, whereClause: body.whereClause }), '*rule*'),
    subselect(proj('o'), 'old', true),
    subselect(proj('n'), 'new', true),
  ];
}

/**
 * An ON UPDATE rule's action or WHERE with OLD.col / NEW.col read from the columns of the single
 * derived table ruleSource gives when not `lateral` (whole-row OLD / NEW become a row of the
 * relation's type).
 */
function updateRefs(session: Session, rel: RelationDef, node: unknown): unknown {
  const live = liveColumns(rel);
  const index = new Map(live.map((c, i) => [c.name, i]));
  const rowType = { names: [str(session.catalog().namespaceName(rel.namespace)), str(rel.name)], typemod: -1 };
  const sub = (n: unknown, name: string, p: string) =>
    substitute(n, name, (col) => {
      if (col === '*') throw featureNotSupported(`${name.toUpperCase()}.* in an ON UPDATE rule`);
      if (col === undefined) {
        return { TypeCast: { arg: { RowExpr: { args: live.map((_, i) => colRef('*rule*', `${p}${i}`)), row_format: 'COERCE_EXPLICIT_CALL' } }, typeName: rowType } };
      }
      const i = index.get(col);
      return i === undefined ? undefined : colRef('*rule*', `${p}${i}`);
    });
  return sub(sub(nameTargets(node), 'old', 'o'), 'new', 'n');
}

/** `SELECT new.name` keeps its output name `name` once the reference is rewritten. */
function nameTargets(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(nameTargets);
  const o = node as AnyNode;
  const out: AnyNode = {};
  for (const [k, v] of Object.entries(o)) out[k] = nameTargets(v);
  if (o.ResTarget && o.ResTarget.name === undefined && o.ResTarget.val?.ColumnRef) {
    const f = o.ResTarget.val.ColumnRef.fields as AnyNode[];
    if (f.length === 2 && (f[0].String?.sval === 'old' || f[0].String?.sval === 'new') && f[1].String) out.ResTarget = { ...out.ResTarget, name: f[1].String.sval };
  }
  return out;
}

function isCurrentOf(e: AnyNode): boolean {
  return !!e.CurrentOfExpr;
}

/** The original statement with `(qual) IS NOT TRUE` of each conditional INSTEAD rule added. */
function withInvertedQuals(session: Session, kind: DmlKind, body: AnyNode, rel: RelationDef, quals: AnyNode[]): AnyNode {
  if (kind === 'InsertStmt') {
    const { cols } = insertSource(session, rel, body);
    const where = quals.map((q) => isNotTrue(clone(q))).reduce<AnyNode | undefined>((a, b) => and(a, b), undefined);
    const src = newRowsOfInsert(session, rel, body, refsOf(quals, 'new') === 'all' ? 'all' : new Set([...(refsOf(quals, 'new') as Set<string>), ...cols]));
    const sel = select({ targetList: cols.map((c) => resTarget(colRef('new', c))), fromClause: [subselect(src, 'new')], whereClause: where });
    return { ...body, cols: cols.map((c) => ({ ResTarget: { name: c } })), selectStmt: { SelectStmt: sel } };
  }
  const alias = targetAlias(body, rel);
  const sets = kind === 'UpdateStmt' ? setValues(rel, body) : new Map<string, AnyNode>();
  const wholeRow = () => {
    throw featureNotSupported('whole-row OLD / NEW in the WHERE of a conditional INSTEAD rule');
  };
  let where = body.whereClause as AnyNode | undefined;
  for (const q of quals) {
    let e = substitute(clone(q), 'old', (c) => (c === undefined || c === '*' ? wholeRow() : colRef(alias, c))) as AnyNode;
    e = substitute(e, 'new', (c) => (c === undefined || c === '*' ? wholeRow() : clone(sets.get(c) ?? colRef(alias, c)))) as AnyNode;
    where = and(where, isNotTrue(e));
  }
  return { ...body, whereClause: where };
}

/** `OLD.*` / `NEW.*` items of an action's VALUES lists, expanded to the relation's columns (as Postgres does). */
function expandValuesStars(action: AnyNode, rel: RelationDef): AnyNode {
  const [k, b] = kindOf(action);
  const sel = k === 'InsertStmt' ? b.selectStmt?.SelectStmt : k === 'SelectStmt' ? b : undefined;
  if (!sel?.valuesLists) return action;
  const live = liveColumns(rel);
  const isStar = (it: AnyNode) => {
    const f = it.ColumnRef?.fields as AnyNode[] | undefined;
    return !!f && f.length === 2 && !!f[1].A_Star && (f[0].String?.sval === 'old' || f[0].String?.sval === 'new') ? (f[0].String.sval as string) : undefined;
  };
  if (!(sel.valuesLists as AnyNode[]).some((r) => (r.List.items as AnyNode[]).some((it) => isStar(it)))) return action;
  const lists = (sel.valuesLists as AnyNode[]).map((r) => ({ List: { items: (r.List.items as AnyNode[]).flatMap((it) => {
    const w = isStar(it);
    return w ? live.map((c) => colRef(w, c.name)) : [it];
  }) } }));
  const sel2 = { ...sel, valuesLists: lists };
  return k === 'InsertStmt' ? { InsertStmt: { ...b, selectStmt: { SelectStmt: sel2 } } } : { SelectStmt: sel2 };
}

/**
 * A FROM list with the rule's source first and the subqueries that read OLD / NEW made LATERAL
 * (Postgres lets them see OLD / NEW as outer references).
 */
function withSource(from: AnyNode[] | undefined, src: AnyNode[]): AnyNode[] {
  const reads = (x: AnyNode) => ['old', 'new', '*rule*'].some((n) => { const r = refsOf(x, n); return r === 'all' || r.size > 0; });
  return [...src, ...((from ?? []) as AnyNode[]).map((f) => (f.RangeSubselect && !f.RangeSubselect.lateral && reads(f.RangeSubselect.subquery) ? { RangeSubselect: { ...f.RangeSubselect, lateral: true } } : f))];
}

/** An action statement joined with the rule's OLD / NEW source, with the rule's WHERE. */
function attachSource(session: Session, action: AnyNode, src: AnyNode[], qual: AnyNode | undefined): [string, AnyNode] {
  const [k, b0] = kindOf(clone(action));
  const b = b0 as AnyNode;
  switch (k) {
    case 'InsertStmt': {
      const sel = b.selectStmt?.SelectStmt as AnyNode | undefined;
      if (!sel) throw featureNotSupported('INSERT ... DEFAULT VALUES as a rule action');
      if (sel.valuesLists) {
        const rows = sel.valuesLists as AnyNode[];
        if (rows.length === 1) {
          const items = rows[0].List.items as AnyNode[];
          let cols: string[] | undefined = b.cols ? (b.cols as AnyNode[]).map((c) => c.ResTarget.name as string) : undefined;
          if (items.some((it) => it.SetToDefault)) {
            if (b.cols && (b.cols as AnyNode[]).some((c) => c.ResTarget.indirection)) throw featureNotSupported('DEFAULT with subscripted target columns in a rule action');
            if (!cols) {
              const rv = b.relation;
              const target = lookupRelation(session.catalog(), session.searchPath(), { schema: rv.schemaname, name: rv.relname });
              cols = target ? liveColumns(target).map((c) => c.name) : [];
            }
            const keep = items.map((_, i) => i).filter((i) => !items[i].SetToDefault && i < cols!.length);
            b.cols = keep.map((i) => ({ ResTarget: { name: cols![i] } }));
            b.selectStmt = { SelectStmt: select({ targetList: keep.map((i) => resTarget(items[i])), fromClause: src, whereClause: qual }) };
          } else {
            b.selectStmt = { SelectStmt: select({ targetList: items.map((it) => resTarget(it)), fromClause: src, whereClause: qual }) };
          }
          return [k, b];
        }
        // DEFAULT in a multi-row VALUES becomes the column's default, or NULL (rewriteValuesRTE).
        if (rows.some((r) => (r.List.items as AnyNode[]).some((it) => it.SetToDefault))) {
          const rv = b.relation;
          const target = lookupRelation(session.catalog(), session.searchPath(), { schema: rv.schemaname, name: rv.relname });
          if (!target) throw featureNotSupported('multi-row VALUES with DEFAULT in a rule action');
          const live = liveColumns(target);
          if (b.cols && (b.cols as AnyNode[]).some((c) => c.ResTarget.indirection)) throw featureNotSupported('DEFAULT with subscripted target columns in a rule action');
          const names: string[] = b.cols ? (b.cols as AnyNode[]).map((c) => c.ResTarget.name as string) : live.map((c) => c.name);
          for (const r of rows) {
            r.List.items = (r.List.items as AnyNode[]).map((it, i) => {
              if (!it.SetToDefault) return it;
              const col = live.find((c) => c.name === names[i]);
              if (!col || col.identity || col.generated) throw featureNotSupported('DEFAULT for this column in a multi-row VALUES rule action');
              return castTo(session, col, defaultOf(col));
            });
          }
        }
        b.selectStmt = { SelectStmt: select({ targetList: [resTarget({ ColumnRef: { fields: [str('*VALUES*'), { A_Star: {} }] } })], fromClause: [...src, subselect(sel, '*VALUES*', true)], whereClause: qual }) };
        return [k, b];
      }
      if (sel.op && sel.op !== 'SETOP_NONE') throw featureNotSupported('UNION / INTERSECT / EXCEPT in a rule action');
      b.selectStmt = { SelectStmt: { ...sel, fromClause: withSource(sel.fromClause, src), whereClause: and(sel.whereClause, qual) } };
      return [k, b];
    }
    case 'UpdateStmt':
      return [k, { ...b, fromClause: withSource(b.fromClause, src), whereClause: and(b.whereClause, qual) }];
    case 'DeleteStmt':
      return [k, { ...b, usingClause: withSource(b.usingClause, src), whereClause: and(b.whereClause, qual) }];
    case 'SelectStmt':
      if (b.op && b.op !== 'SETOP_NONE') throw featureNotSupported('UNION / INTERSECT / EXCEPT in a rule action');
      // A VALUES action reads OLD / NEW laterally: SELECT "*VALUES*".* FROM source, LATERAL (VALUES ...).
      if (b.valuesLists) {
        if (b.sortClause || b.limitCount || b.limitOffset) throw featureNotSupported('VALUES with ORDER BY / LIMIT as a rule action');
        return [k, select({ targetList: [resTarget({ ColumnRef: { fields: [str('*VALUES*'), { A_Star: {} }] } })], fromClause: [...src, subselect(b, '*VALUES*', true)], whereClause: qual })];
      }
      return [k, { ...b, fromClause: withSource(b.fromClause, src), whereClause: and(b.whereClause, qual) }];
    default:
      throw featureNotSupported(`${k.replace(/Stmt$/, '')} as a rule action`);
  }
}

// ---- the rewrite --------------------------------------------------------------------------

interface RewriteEvent {
  readonly rel: number;
  readonly event: Event;
}

const OP_WORD: Record<Event, string> = { INSERT: 'insert into', UPDATE: 'update', DELETE: 'delete from' };
const OP_VERB: Record<Event, string> = { INSERT: 'inserting into', UPDATE: 'updating', DELETE: 'deleting from' };

/**
 * The statements `kind` / `body` becomes (RewriteQuery), or undefined when no rule is involved.
 * `stack` holds the relations and events being rewritten (recursion detection).
 */
function rewrite(session: Session, kind: DmlKind, body: AnyNode, sql: string, untouched: boolean, stack: RewriteEvent[]): Product[] | undefined {
  const cat = session.catalog();
  const rv = body.relation;
  const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel) return undefined;
  const event = EVENT_OF[kind];
  const rules = firingRules(session, rel.oid, event);
  if (!rules.length) {
    if (kind === 'InsertStmt' && body.onConflictClause && rel.kind !== 'v' && rulesOf(cat, rel.oid).some((r) => r.event === 'UPDATE')) throw onConflictError();
    if (rel.kind === 'v') checkViewChain(session, rel, body, kind);
    return undefined;
  }
  // INSERT's WITH goes with its source query (each statement reading NEW evaluates it).
  const sel0 = body.selectStmt?.SelectStmt as AnyNode | undefined;
  if (body.withClause && kind === 'InsertStmt' && sel0 && !sel0.withClause && !hasDmlCte(body.withClause)) {
    body = { ...body, withClause: undefined, selectStmt: { SelectStmt: { ...sel0, withClause: body.withClause } } };
  }
  const withQuery = !!(body.withClause || body.selectStmt?.SelectStmt?.withClause);
  if (body.withClause || (withQuery && hasDmlCte(body.selectStmt.SelectStmt.withClause))) throw featureNotSupported('WITH in a statement on a relation with rules');
  const returning = (body.returningClause?.exprs ?? undefined) as AnyNode[] | undefined;
  const names = (n: string) => {
    const r = returning ? refsOf(returning, n) : new Set<string>();
    return r === 'all' || r.size > 0;
  };
  if (body.returningClause?.options?.length || names('old') || names('new')) {
    throw featureNotSupported('RETURNING old / new on a relation with rules');
  }
  let instead = false;
  let returningFound = false;
  const invertedQuals: AnyNode[] = [];
  const products: Product[] = [];
  for (const rule of rules) {
    const source: Product['source'] = rule.instead ? (rule.qual ? 'qual-instead' : 'instead') : 'also';
    if (source === 'instead') instead = true;
    if (source === 'qual-instead' && !instead) invertedQuals.push(rule.qual as AnyNode);
    rule.actions.forEach((action, i) => {
      const uses = [action, rule.qual];
      // (UPDATE: one derived table and OLD / NEW references rewritten to its columns)
      const src = ruleSource(session, kind, body, rel, uses, kind !== 'UpdateStmt');
      const fix = (x: unknown) => (kind === 'UpdateStmt' ? updateRefs(session, rel, x) : x) as AnyNode;
      const [k, b] = attachSource(session, fix(expandValuesStars(action as AnyNode, rel)), src, rule.qual ? fix(clone(rule.qual as AnyNode)) : undefined);
      const p: Product = { kind: k, body: b, sql: `${rule.text}\u0000${rule.oid}.${i}\u0000${sql}`, source, untouched: false };
      if (b.returningClause) {
        if (!returning) delete b.returningClause;
        else {
          if (returningFound) throw new PgError(SQLSTATE.feature_not_supported, 'cannot have RETURNING lists in multiple rules');
          returningFound = true;
          if (body.fromClause?.length || body.usingClause?.length) throw featureNotSupported('RETURNING with FROM / USING through a rule');
          p.returningOf = { list: returning, alias: targetAlias(body, rel), rel };
        }
      }
      products.push(p);
    });
  }
  // Rule actions are rewritten in turn (a relation met again for the same event is recursion).
  const out: Product[] = [];
  if (products.length) {
    if (stack.some((e) => e.rel === rel.oid && e.event === event)) {
      throw new PgError(SQLSTATE.invalid_object_definition, `infinite recursion detected in rules for relation "${rel.name}"`);
    }
    stack.push({ rel: rel.oid, event });
    for (const p of products) {
      const sub = p.kind === 'InsertStmt' || p.kind === 'UpdateStmt' || p.kind === 'DeleteStmt' ? rewrite(session, p.kind, p.body, p.sql, false, stack) : undefined;
      if (!sub) {
        out.push(p);
        continue;
      }
      // The products of a rewritten action keep its origin (for the command tag).
      for (const s of sub) out.push(s.source === 'original' ? { ...s, source: p.source, returningOf: p.returningOf } : s);
    }
    stack.pop();
  }
  if ((instead || invertedQuals.length) && returning && !returningFound) {
    throw new PgError(SQLSTATE.feature_not_supported, `cannot perform ${event} RETURNING on relation "${rel.name}"`, {
      hint: `You need an unconditional ON ${event} DO INSTEAD rule with a RETURNING clause.`,
    });
  }
  // (a view written through automatically may take ON CONFLICT: Postgres's updatableview)
  const autoView = rel.kind === 'v' && !instead && !triggersFor(cat, rel.oid, 'instead', 'row', event).length;
  if (kind === 'InsertStmt' && body.onConflictClause && !autoView && (products.length || rulesOf(cat, rel.oid).some((r) => r.event === 'UPDATE'))) throw onConflictError();
  if (withQuery && out.length + (instead ? 0 : 1) > 1) {
    throw new PgError(SQLSTATE.feature_not_supported, 'WITH cannot be used in a query that is rewritten by rules into multiple queries');
  }
  if (!instead) {
    if (rel.kind === 'v' && !triggersFor(cat, rel.oid, 'instead', 'row', event).length) {
      if (invertedQuals.length) {
        throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `cannot ${OP_WORD[event]} view "${rel.name}"`, {
          detail: 'Views with conditional DO INSTEAD rules are not automatically updatable.',
          hint: `To enable ${OP_VERB[event]} the view, provide an INSTEAD OF ${event} trigger or an unconditional ON ${event} DO INSTEAD rule.`,
        });
      }
      checkViewChain(session, rel, body, kind);
    }
    const orig: Product = invertedQuals.length
      ? { kind, body: withInvertedQuals(session, kind, body, rel, invertedQuals), sql: `${sql}\u0000qual`, source: 'original', untouched: false }
      : { kind, body, sql, source: 'original', untouched };
    if (kind === 'InsertStmt') out.unshift(orig);
    else out.push(orig);
  }
  return out;
}

function hasDmlCte(w: AnyNode): boolean {
  return ((w?.ctes ?? []) as AnyNode[]).some((c) => !c.CommonTableExpr.ctequery.SelectStmt);
}

function onConflictError(): PgError {
  return new PgError(SQLSTATE.feature_not_supported, 'INSERT with ON CONFLICT clause cannot be used with table that has INSERT or UPDATE rules');
}

/** A view written through automatically: rules on the relations under it are not supported here. */
function checkViewChain(session: Session, view: RelationDef, body: AnyNode, kind: DmlKind): void {
  const cat = session.catalog();
  const event = EVENT_OF[kind];
  if (triggersFor(cat, view.oid, 'instead', 'row', event).length) return;
  const seen = new Set<number>();
  const walk = (v: RelationDef): void => {
    for (const oid of v.view?.dependsOn ?? []) {
      if (seen.has(oid)) continue;
      seen.add(oid);
      const r = cat.relations.get(oid);
      if (!r) continue;
      if (firingRules(session, r.oid, event).length) throw featureNotSupported('rules on a relation under an automatically updatable view');
      if (r.kind === 'v') walk(r);
    }
  };
  void body;
  walk(view);
}

// ---- running the rewritten list ----------------------------------------------------------

type Run = (kind: string, body: AnyNode, sql: string) => StatementResult;

/**
 * INSERT / UPDATE / DELETE on a relation with rules (or on a view over one): the rewritten
 * statements run in order through `run`; undefined when no rule applies (the caller runs it).
 */
export function runWithRules(session: Session, kind: DmlKind, body: AnyNode, sql: string, run: Run): StatementResult | undefined {
  if (rewrittenBodies.has(body)) return undefined;
  const list = rewrite(session, kind, body, sql, true, []);
  if (!list) return undefined;
  markTag(list, kind);
  const event = EVENT_OF[kind];
  let result: StatementResult = { command: event, rowCount: 0, fields: [], rows: [], oid: 0 };
  let selected: StatementResult | undefined;
  for (const p of list) {
    const b = p.body;
    rewrittenBodies.add(b);
    let r: StatementResult;
    try {
      r = p.returningOf ? runReturning(session, p, run) : run(p.kind, b, p.sql);
    } catch (e) {
      // Positions inside rule actions point into text the user did not send: Postgres reports none.
      if (!p.untouched && e instanceof PgError) e.position = undefined;
      throw e;
    }
    // Each statement sees the writes of the ones before it (CommandCounterIncrement between them).
    session.txn?.commandCounterIncrement();
    if (p.setsTag) result = { ...r, command: event };
    // A rule's SELECT action sends its rows to the client too (pquery.c's PortalRunMulti).
    else if (p.kind === 'SelectStmt') selected = r;
  }
  if (!list.some((p) => p.setsTag)) result = { command: event, rowCount: 0, fields: [], rows: [], oid: 0 };
  if (selected && !result.fields.length) result = { ...result, fields: selected.fields, rows: selected.rows };
  return result;
}

/** QueryRewrite's choice of the tag-setting statement: the original, else the last INSTEAD one of its kind. */
function markTag(list: Product[], kind: DmlKind): void {
  const orig = list.find((p) => p.source === 'original');
  if (orig) {
    orig.setsTag = true;
    return;
  }
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].kind === kind && (list[i].source === 'instead' || list[i].source === 'qual-instead')) {
      list[i].setsTag = true;
      return;
    }
  }
}

let returningSeq = 0;

/** An INSTEAD action whose RETURNING rows give the original statement's RETURNING. */
function runReturning(session: Session, p: Product, run: Run): StatementResult {
  const ro = p.returningOf!;
  const r = run(p.kind, p.body, p.sql);
  const names = liveColumns(ro.rel).map((c) => c.name);
  const name = `\u0000rule_returning_${++returningSeq}`;
  const columns = r.fields.map((f, i) => ({ name: names[i] ?? f.name, type: f.dataTypeID, typmod: f.dataTypeModifier }));
  const saved = session.materialized;
  const mats = new Map(saved ?? []);
  mats.set(name, { columns, rows: r.rows });
  session.materialized = mats;
  try {
    const sel = select({ targetList: ro.list, fromClause: [{ RangeVar: { relname: name, inh: true, relpersistence: 'p', alias: { aliasname: ro.alias } } }] });
    rewrittenBodies.add(sel);
    const out = run('SelectStmt', sel, `${p.sql}\u0000returning`);
    return { ...out, command: r.command, rowCount: r.rowCount };
  } finally {
    session.materialized = saved;
  }
}

/** MERGE on a relation with rules (matchLocks). */
export function checkMergeRules(session: Session, body: AnyNode): void {
  const cat = session.catalog();
  if (!cat.rules.size) return;
  const rv = body.relation;
  const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (rel && hasEnabledRules(session, rel.oid)) {
    throw new PgError(SQLSTATE.feature_not_supported, `cannot execute MERGE on relation "${rel.name}"`, { detail: 'MERGE is not supported for relations with rules.' });
  }
}

/** Whether a statement's target has rules for its event (paths that cannot apply them refuse it). */
export function targetHasRules(session: Session, kind: string, body: AnyNode): boolean {
  const cat = session.catalog();
  if (!cat.rules.size || !body?.relation) return false;
  const rv = body.relation;
  const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  const event = EVENT_OF[kind as DmlKind];
  return !!rel && !!event && firingRules(session, rel.oid, event).length > 0;
}

/**
 * A data-modifying WITH query on a relation with rules: Postgres's errors for the rules it cannot
 * use there; the single unconditional DO INSTEAD action it supports is not done here (0A000).
 */
export function checkCteRules(session: Session, kind: string, body: AnyNode): void {
  if (!targetHasRules(session, kind, body)) return;
  const list = rewrite(session, kind as DmlKind, body, '', true, []) ?? [];
  if (list.length === 0) throw new PgError(SQLSTATE.feature_not_supported, 'DO INSTEAD NOTHING rules are not supported for data-modifying statements in WITH');
  if (list.length > 1) {
    for (const p of list) {
      if (p.source === 'qual-instead') throw new PgError(SQLSTATE.feature_not_supported, 'conditional DO INSTEAD rules are not supported for data-modifying statements in WITH');
      if (p.source === 'also') throw new PgError(SQLSTATE.feature_not_supported, 'DO ALSO rules are not supported for data-modifying statements in WITH');
    }
    throw new PgError(SQLSTATE.feature_not_supported, 'multi-statement DO INSTEAD rules are not supported for data-modifying statements in WITH');
  }
  throw featureNotSupported('a DO INSTEAD rule on the target of a data-modifying WITH query');
}

/**
 * CREATE RULE's check of one action (or, for NOTHING, of the rule's WHERE): the action joined
 * with OLD / NEW of an empty statement on the relation, for the caller to analyze without running.
 */
export function validationProduct(session: Session, rel: RelationDef, rule: RuleDef, action: AnyNode | undefined): { kind: string; body: AnyNode } | undefined {
  const kind: DmlKind = rule.event === 'INSERT' ? 'InsertStmt' : rule.event === 'UPDATE' ? 'UpdateStmt' : 'DeleteStmt';
  const relation = { schemaname: session.catalog().namespaceName(rel.namespace), relname: rel.name, inh: true, relpersistence: 'p' };
  const body: AnyNode = kind === 'UpdateStmt' ? { relation, targetList: [] } : { relation };
  const uses = [action, rule.qual];
  const src = ruleSource(session, kind, body, rel, uses);
  const qual = rule.qual ? clone(rule.qual as AnyNode) : undefined;
  if (!action) return { kind: 'SelectStmt', body: select({ targetList: [], fromClause: src, whereClause: qual }) };
  const [k] = kindOf(action);
  if (k === 'NotifyStmt') return undefined;
  const [kk, b] = attachSource(session, expandValuesStars(action, rel), src, qual);
  return { kind: kk, body: b };
}

/**
 * The main statement of a statement with data-modifying WITH queries, on a relation with rules:
 * Postgres's error for INSERT ... SELECT actions (the others read the WITH queries' rows).
 */
export function checkDmlCteMain(session: Session, kind: string, body: AnyNode): void {
  if (!targetHasRules(session, kind, body)) return;
  const cat = session.catalog();
  const rv = body.relation;
  const rel = lookupRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname })!;
  for (const r of firingRules(session, rel.oid, EVENT_OF[kind as DmlKind])) {
    for (const a of r.actions as AnyNode[]) {
      if (a.InsertStmt?.selectStmt?.SelectStmt && !a.InsertStmt.selectStmt.SelectStmt.valuesLists) {
        throw new PgError(SQLSTATE.feature_not_supported, 'INSERT ... SELECT rule actions are not supported for queries having data-modifying statements in WITH');
      }
    }
  }
}
