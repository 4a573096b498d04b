/**
 * Column reference resolution: `col`, `tab.col`, `schema.tab.col`, `tab.*`, against the FROM
 * namespace of this query level and then outer levels (correlated references), with Postgres's
 * errors (42703 undefined column, 42702 ambiguous, 42P01 missing FROM-clause entry).
 *
 * Postgres counterpart: src/backend/parser/parse_relation.c (colNameToVar, refnameNamespaceItem).
 */
import { SYSTEM_COLUMNS, systemColumnInfo } from './system-columns.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Expr, RowExpr, Var } from '../nodes/primnodes.js';
import type { FunctionRte, RangeTblEntry } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import { compositeFields } from './record-fields.js';
import { columnNotationCall } from './expr.js';
import { typeInfo } from '../types/registry.js';
import type { NamespaceItem, ParseState } from './parse-state.js';
import { addRowVersionOutput } from '../rewrite/row-security.js';

type AnyNode = Record<string, any>;

function fieldNames(n: AnyNode): (string | '*')[] {
  return (n.fields as AnyNode[]).map((f) => (f.A_Star ? '*' : (f.String?.sval as string)));
}

/** A Var for column `attno` (1-based) of range entry `rti`, `levelsUp` query levels out. */
export function makeVar(rte: RangeTblEntry, rti: number, attno: number, levelsUp: number, location?: number): Expr {
  if (rte.kind === 'join') {
    const e = rte.aliasExprs[attno - 1];
    return levelsUp === 0 ? e : bumpLevels(e, levelsUp);
  }
  const col = rte.columns[attno - 1];
  const info = col.type;
  const v: Var = {
    kind: 'Var',
    levelsUp,
    rti,
    attno,
    type: info,
    typmod: col.typmod,
    collation: col.collation,
    location,
  };
  return v;
}

/** Adds `by` to the levelsUp of every Var in `e` (when a join alias is used from a sublevel). */
function bumpLevels(e: Expr, by: number): Expr {
  if (e.kind === 'Var') return { ...e, levelsUp: e.levelsUp + by };
  if (e.kind === 'CoalesceExpr') return { ...e, args: e.args.map((a) => bumpLevels(a, by)) };
  if (e.kind === 'CoerceExpr') return { ...e, arg: bumpLevels(e.arg, by) };
  return e;
}

/** A system column (ctid, xmin, ...) of a table's entry, or undefined. */
function systemVar(ps: ParseState, item: NamespaceItem, name: string, levelsUp: number, location: number | undefined): Expr | undefined {
  const rte = item.rte;
  const def = SYSTEM_COLUMNS.get(name);
  if (!def) return undefined;
  // A table read through its row-level security policies: the policy subquery outputs the row version.
  if (rte.kind === 'subquery' && rte.rlsRelation !== undefined) {
    const rel = ps.catalog.relations.get(rte.rlsRelation);
    if (!rel || (rel.kind !== 'r' && rel.kind !== 'm' && rel.kind !== 'p')) return undefined;
    addRowVersionOutput(rte, rel);
    return { kind: 'Var', levelsUp, rti: item.rti, attno: def[0], type: def[1], typmod: -1, location, sys: systemColumnInfo(ps.catalog, rel) } as Var;
  }
  if (rte.kind !== 'relation' || (rte.rel.kind !== 'r' && rte.rel.kind !== 'm' && rte.rel.kind !== 'p')) return undefined;
  const kind = ps.exprKind;
  if (name !== 'tableoid' && kind === 'check') {
    throw new PgError(SQLSTATE.invalid_column_reference, `system column "${name}" reference in check constraint is invalid`, { position: ps.position(location) });
  }
  if (name !== 'tableoid' && kind === 'generated') {
    throw new PgError(SQLSTATE.invalid_column_reference, `cannot use system column "${name}" in column generation expression`, { position: ps.position(location) });
  }
  if (name !== 'tableoid' && kind === 'merge when') {
    throw new PgError(SQLSTATE.invalid_column_reference, `cannot use system column "${name}" in MERGE WHEN condition`, { position: ps.position(location) });
  }
  if (kind === 'index' || kind === 'index predicate') throw new PgError(SQLSTATE.feature_not_supported, 'index creation on system columns is not supported');
  const v: Var = { kind: 'Var', levelsUp, rti: item.rti, attno: def[0], type: def[1], typmod: -1, location, sys: systemColumnInfo(ps.catalog, rte.rel) };
  if (rte.nullableRow) {
    // RETURNING old / new: their slot holds the old or new row version, NULL when the side does not exist.
    if (name !== 'tableoid' && name !== 'ctid') throw featureNotSupported(`system column "${name}" of OLD / NEW in RETURNING`, location);
    const slot: Expr = { kind: 'Var', levelsUp, rti: item.rti, attno: rte.columns.length + 1, type: OID.tid, typmod: -1 };
    const missing: Expr = { kind: 'NullTest', arg: slot, isNull: true, rowArg: false, type: OID.bool, typmod: -1 };
    return { kind: 'CaseExpr', whens: [{ cond: missing, result: { kind: 'Const', type: v.type, typmod: -1, value: null } }], elseResult: v, type: v.type, typmod: -1, location } as Expr;
  }
  return v;
}

function findColumn(item: NamespaceItem, name: string): number {
  const cols = item.rte.columns;
  let found = -1;
  for (let i = 0; i < cols.length; i++) {
    if (cols[i].name === name && !cols[i].dropped && !cols[i].hidden) {
      if (found >= 0) return -2; // ambiguous within one entry (e.g. a subquery with duplicate names)
      found = i;
    }
  }
  return found;
}

/** Finds the namespace item a qualified reference names (`tab` or `schema.tab`). */
function findRel(pstate: ParseState, schema: string | undefined, rel: string, location: number | undefined): NamespaceItem | undefined {
  let match: NamespaceItem | undefined;
  for (const item of pstate.namespace) {
    if (!item.relVisible || item.lateralOnly) continue;
    if (item.rte.alias !== rel) continue;
    if (schema !== undefined) {
      if (item.rte.kind !== 'relation' || item.rte.hasAlias) continue;
      if (pstate.catalog.namespaceName(item.rte.rel.namespace) !== schema) continue;
    }
    if (match) {
      throw new PgError(SQLSTATE.ambiguous_alias, `table reference "${rel}" is ambiguous`, { position: pstate.position(location) });
    }
    match = item;
  }
  return match;
}

/** Resolves a ColumnRef node to an expression (or throws). `*` forms are handled by target.ts. */
export function resolveColumnRef(pstate: ParseState, n: AnyNode): Expr {
  const hook = pstate.stmt.columnRefHook;
  if (hook) {
    const fields = fieldNames(n);
    // `rec.*` of a record variable in an expression (`new.*::text`): the whole record.
    const star = fields.length === 2 && fields[1] === '*' && hook.expandStar?.(pstate, fields[0] as string, n.location);
    // `fn.param.*` in an expression: the parameter's whole value.
    if (fields.length === 3 && fields[2] === '*') {
      const v = hook.resolve(pstate, fields.slice(0, 2) as string[], n.location);
      if (v) return v;
    }
    if (!fields.includes('*') || star) {
      const v = hook.resolve(pstate, star ? [fields[0] as string] : (fields as string[]), n.location);
      if (v) {
        if (hook.conflict === 'variable') return v;
        let col: Expr | undefined;
        try {
          col = resolveColumnRefCore(pstate, n);
        } catch {
          col = undefined;
        }
        if (!col) return v;
        if (hook.conflict === 'column') return col;
        throw new PgError(SQLSTATE.ambiguous_column, `column reference "${fields.join('.')}" is ambiguous`, {
          detail: 'It could refer to either a PL/pgSQL variable or a table column.',
          position: pstate.position(n.location),
        });
      }
    }
  }
  return resolveColumnRefCore(pstate, n);
}

function resolveColumnRefCore(pstate: ParseState, n: AnyNode): Expr {
  const e = resolveColumnRefAny(pstate, n);
  const v = e.kind === 'Var' ? e : e.kind === 'RowExpr' && e.wholeRow && e.args[0]?.kind === 'Var' ? e.args[0] : undefined;
  if (v) {
    let ps: ParseState | undefined = pstate;
    for (let i = 0; i < v.levelsUp && ps; i++) ps = ps.parent;
    const item = ps?.namespace.find((it) => it.rti === v.rti && it.lateralNotOk);
    if (item) {
      throw new PgError(SQLSTATE.invalid_column_reference, `invalid reference to FROM-clause entry for table "${item.rte.alias}"`, {
        detail: 'The combining JOIN type must be INNER or LEFT for a LATERAL reference.',
        position: pstate.position(n.location),
      });
    }
  }
  return e;
}

function resolveColumnRefAny(pstate: ParseState, n: AnyNode): Expr {
  const fields = fieldNames(n);
  const loc = n.location as number | undefined;
  if (fields.includes('*')) {
    // `t.*` in an expression context is a whole-row reference.
    if (fields.length === 2 && fields[1] === '*') return wholeRow(pstate, fields[0] as string, loc);
    throw featureNotSupported('* in this context', loc);
  }
  if (fields.length === 1) return resolveUnqualified(pstate, fields[0] as string, loc);
  if (fields.length === 2) return resolveQualified(pstate, undefined, fields[0] as string, fields[1] as string, loc, n);
  if (fields.length === 3) return resolveQualified(pstate, fields[0] as string, fields[1] as string, fields[2] as string, loc, n);
  throw new PgError(SQLSTATE.syntax_error, `improper qualified name (too many dotted names): ${fields.join('.')}`, {
    position: pstate.position(loc),
  });
}

function resolveUnqualified(pstate: ParseState, name: string, loc: number | undefined): Expr {
  let levels = 0;
  for (let ps: ParseState | undefined = pstate; ps; ps = ps.parent, levels++) {
    let result: Expr | undefined;
    for (const item of ps.namespace) {
      if (!item.colsVisible || item.lateralOnly) continue;
      if (item.hiddenCols?.has(name)) continue;
      const idx = findColumn(item, name);
      const sys = idx === -1 && !item.joinInput ? systemVar(ps, item, name, levels, loc) : undefined;
      if (idx === -2 || ((idx >= 0 || sys) && result)) {
        throw new PgError(SQLSTATE.ambiguous_column, `column reference "${name}" is ambiguous`, { position: pstate.position(loc) });
      }
      if (idx >= 0) result = makeVar(item.rte, item.rti, idx + 1, levels, loc);
      else if (sys) result = sys;
    }
    if (result) return result;
  }
  // A whole-row reference by bare table name (`SELECT t FROM t`).
  for (let ps: ParseState | undefined = pstate, lv = 0; ps; ps = ps.parent, lv++) {
    for (const item of ps.namespace) {
      if (item.relVisible && !item.lateralOnly && item.rte.alias === name) return wholeRowItem(ps, item, lv, loc);
    }
  }
  throw undefinedColumn(pstate, name, undefined, loc);
}

function undefinedColumn(pstate: ParseState, name: string, rel: string | undefined, loc: number | undefined): PgError {
  const { detail, hint } = columnHint(pstate, name, rel);
  return new PgError(SQLSTATE.undefined_column, rel ? `column ${rel}.${name} does not exist` : `column "${name}" does not exist`, {
    ...(detail ? { detail } : {}),
    ...(hint ? { hint } : {}),
    position: pstate.position(loc),
  });
}

function levenshtein(a: string, b: string): number {
  const bs = [...b];
  const row = Array.from({ length: bs.length + 1 }, (_, i) => i);
  for (const ca of a) {
    let prev = row[0];
    row[0]++;
    for (let j = 0; j < bs.length; j++) {
      const next = Math.min(row[j] + 1, row[j + 1] + 1, prev + (ca === bs[j] ? 0 : 1));
      prev = row[j + 1];
      row[j + 1] = next;
    }
  }
  return row[bs.length];
}

const MAX_FUZZY_DISTANCE = 3;

/**
 * Postgres's errorMissingColumn detail and hint: exact matches in entries not reachable from here,
 * else the closest column by Levenshtein distance (searchRangeTableForCol /
 * updateFuzzyAttrMatchState). Join entries are skipped, as in Postgres: they repeat their inputs.
 */
function columnHint(pstate: ParseState, name: string, rel: string | undefined): { detail?: string; hint?: string } {
  let distance = MAX_FUZZY_DISTANCE + 1;
  let first: [string, string] | undefined;
  let second: [string, string] | undefined;
  const exact: { ps: ParseState; rti: number; alias: string }[] = [];
  for (let ps: ParseState | undefined = pstate; ps; ps = ps.parent) {
    ps.query.rtable.forEach((rte, rti) => {
      if (rte.kind === 'join') return;
      const penalty = rel !== undefined ? levenshtein(rte.alias, rel) : 0;
      if (rel !== undefined && penalty > MAX_FUZZY_DISTANCE) return;
      if (rel === undefined && rte.kind === 'relation' && (rte.rel.kind === 'r' || rte.rel.kind === 'm' || rte.rel.kind === 'p') && SYSTEM_COLUMNS.has(name)) {
        exact.push({ ps: ps!, rti, alias: rte.alias });
        return;
      }
      for (const c of rte.columns) {
        if (c.dropped || c.hidden) continue;
        if (c.name === name && rel === undefined) {
          exact.push({ ps: ps!, rti, alias: rte.alias });
          continue;
        }
        if (penalty > distance) continue;
        let d = levenshtein(c.name, name);
        if (d > Math.floor(name.length / 2)) continue;
        d += penalty;
        if (d < distance) {
          distance = d;
          first = [rte.alias, c.name];
          second = undefined;
        } else if (d === distance) {
          if (second) {
            first = undefined;
            second = undefined;
          } else if (first) second = [rte.alias, c.name];
        }
      }
    });
  }
  if (exact.length === 1) {
    const e = exact[0];
    return {
      detail: `There is a column named "${name}" in table "${e.alias}", but it cannot be referenced from this part of the query.`,
      ...(lateralCandidate(e.ps, e.rti) ? { hint: 'To reference that column, you must mark this subquery with LATERAL.' } : {}),
    };
  }
  if (exact.length > 1) {
    return {
      detail: `There are columns named "${name}", but they are in tables that cannot be referenced from this part of the query.`,
      hint: 'Try using a table-qualified name.',
    };
  }
  if (first && !second) return { hint: `Perhaps you meant to reference the column "${first[0]}.${first[1]}".` };
  if (first && second) return { hint: `Perhaps you meant to reference the column "${first[0]}.${first[1]}" or the column "${second[0]}.${second[1]}".` };
  return {};
}

/** The entry would be reachable from a LATERAL subquery (it is a FROM item left of this one). */
function lateralCandidate(ps: ParseState, rti: number): boolean {
  return ps.namespace.some((i) => i.rti === rti && i.lateralOnly === true && (i.relVisible || i.colsVisible));
}

function resolveQualified(pstate: ParseState, schema: string | undefined, rel: string, col: string, loc: number | undefined, n: AnyNode): Expr {
  let levels = 0;
  for (let ps: ParseState | undefined = pstate; ps; ps = ps.parent, levels++) {
    const item = findRel(ps, schema, rel, loc);
    if (!item) continue;
    const idx = findColumn(item, col);
    if (idx === -2) throw new PgError(SQLSTATE.ambiguous_column, `column reference "${col}" is ambiguous`, { position: pstate.position(loc) });
    const sys = idx === -1 ? systemVar(ps, item, col, levels, loc) : undefined;
    if (sys) return sys;
    if (idx < 0) {
      // `t.f` with no column f: the call f(t) when there is such a function (attribute notation).
      const call = columnNotationCall(pstate, wholeRowItem(ps, item, levels, loc), col, loc);
      if (call) return call;
      // (`t.f` where t is a column of composite type is field selection in Postgres; not here.)
      throw undefinedColumn(pstate, col, rel, loc);
    }
    return makeVar(item.rte, item.rti, idx + 1, levels, loc);
  }
  void n;
  throw missingRte(pstate, rel, loc);
}

/**
 * Postgres's errorMissingRTE: a relation aliased to another name, an entry of the range table not
 * reachable from here (hidden by a join alias, or a FROM item left of a non-LATERAL subquery), or
 * none at all.
 */
export function missingRte(pstate: ParseState, rel: string, loc: number | undefined): PgError {
  const position = pstate.position(loc);
  for (let ps: ParseState | undefined = pstate; ps; ps = ps.parent) {
    for (let rti = 0; rti < ps.query.rtable.length; rti++) {
      const rte = ps.query.rtable[rti];
      if (rte.kind === 'join' && (!rte.hasAlias || rte.usingAlias)) continue;
      if (rte.alias === rel) {
        return new PgError(SQLSTATE.undefined_table, `invalid reference to FROM-clause entry for table "${rel}"`, {
          detail: `There is an entry for table "${rel}", but it cannot be referenced from this part of the query.`,
          ...(lateralCandidate(ps, rti) ? { hint: 'To reference that table, you must mark this subquery with LATERAL.' } : {}),
          position,
        });
      }
      if (rte.kind === 'relation' && rte.hasAlias && rte.rel.name === rel) {
        return new PgError(SQLSTATE.undefined_table, `invalid reference to FROM-clause entry for table "${rel}"`, {
          hint: `Perhaps you meant to reference the table alias "${rte.alias}".`,
          position,
        });
      }
    }
  }
  return new PgError(SQLSTATE.undefined_table, `missing FROM-clause entry for table "${rel}"`, { position });
}

function wholeRow(pstate: ParseState, rel: string, loc: number | undefined): Expr {
  let lv = 0;
  for (let ps: ParseState | undefined = pstate; ps; ps = ps.parent, lv++) {
    const item = findRel(ps, undefined, rel, loc);
    if (item) return wholeRowItem(ps, item, lv, loc);
  }
  throw missingRte(pstate, rel, loc);
}

/**
 * The whole-row type of a function in FROM: the named composite type (or domain over one) it
 * returns; `record` with ORDINALITY, several functions or a column definition list (and for system
 * catalogs, whose row types fauxgres does not register).
 */
function functionRowType(ps: ParseState, rte: FunctionRte): number {
  if (rte.ordinality || (rte.rowsFrom && rte.rowsFrom.length > 1) || !rte.expandsRecord) return OID.record;
  if (rte.systemTable !== undefined) return OID.record;
  return rte.checkRecord === undefined && rte.call.type !== OID.record && compositeFields(ps.catalog, rte.call.type) ? rte.call.type : OID.record;
}

function wholeRowItem(ps: ParseState, item: NamespaceItem, levelsUp: number, loc: number | undefined): Expr {
  const rte = item.rte;
  // A function returning a scalar: its whole row is the value itself (`e` of
  // `jsonb_array_elements(x) e`, whose column is named value).
  if (rte.kind === 'function' && !rte.expandsRecord && !rte.ordinality && rte.columns.length === 1 && !rte.rowsFrom) {
    return makeVar(rte, item.rti, 1, levelsUp, loc);
  }
  const args: Expr[] = [];
  // A table read through its policies: its own columns (not the row version the subquery may add), its row type.
  const rlsRel = rte.kind === 'subquery' && rte.rlsRelation !== undefined ? ps.catalog.relations.get(rte.rlsRelation) : undefined;
  const cols = rlsRel ? rte.columns.slice(0, rlsRel.columns.length) : rte.columns;
  cols.forEach((c, i) => {
    if (!c.dropped) args.push(makeVar(rte, item.rti, i + 1, levelsUp, loc));
  });
  // A view's whole row has the view's row type (the entry is the view's expanded subquery).
  const viewOid = rte.kind === 'subquery' ? ((rte as { viewOid?: number }).viewOid ?? rlsRel?.oid) : undefined;
  const viewType = viewOid !== undefined ? ps.catalog.relations.get(viewOid)?.rowType : undefined;
  const type = rte.kind === 'relation' ? rte.rel.rowType : viewType !== undefined && ps.catalog.types.has(viewType) ? viewType : rte.kind === 'function' ? functionRowType(ps, rte) : OID.record;
  const row: RowExpr = { kind: 'RowExpr', args, type, typmod: -1, location: loc, wholeRow: true, fieldNames: cols.filter((c) => !c.dropped).map((c) => c.name) };
  if (item.nullable) {
    // Null-extended by an outer join, the whole row is NULL, not a row of NULLs: a relation's
    // row-version slot is NULL then; other entries get a presence slot (see RteBase.presenceSlot).
    if (rte.kind !== 'relation') (rte as { presenceSlot?: boolean }).presenceSlot = true;
    row.presence = { kind: 'Var', levelsUp, rti: item.rti, attno: rte.columns.length + 1, type: rte.kind === 'relation' ? OID.tid : OID.bool, typmod: -1 };
  }
  if (rte.kind !== 'relation' || !rte.nullableRow) return row;
  // RETURNING old / new of a row that has no such side (INSERT's old, DELETE's new): NULL, not a row of NULLs.
  const slot: Expr = { kind: 'Var', levelsUp, rti: item.rti, attno: rte.columns.length + 1, type: OID.tid, typmod: -1 };
  const missing: Expr = { kind: 'NullTest', arg: slot, isNull: true, rowArg: false, type: OID.bool, typmod: -1 };
  return { kind: 'CaseExpr', whens: [{ cond: missing, result: { kind: 'Const', type, typmod: -1, value: null } }], elseResult: row, type, typmod: -1, location: loc } as Expr;
}
