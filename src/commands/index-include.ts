/**
 * INCLUDE columns of indexes and of PRIMARY KEY / UNIQUE constraints: resolving them to
 * attnums with Postgres's errors, and the column names an index's default name is built from.
 * Included columns are stored with the index entry but take no part in its uniqueness or order.
 * Postgres counterpart: src/backend/commands/indexcmds.c (ComputeIndexAttrs' including
 * checks, ChooseIndexColumnNames), src/backend/parser/parse_utilcmd.c (transformIndexConstraint).
 */
import { SYSTEM_COLUMNS } from '../analyze/system-columns.js';
import type { ColumnDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

type AnyNode = Record<string, any>;

const systemColumnIndex = () => new PgError(SQLSTATE.feature_not_supported, 'index creation on system columns is not supported');

/**
 * INCLUDE (...) of a PRIMARY KEY / UNIQUE constraint (plain column names): their attnums.
 * `position` is where Postgres points an unknown column (the constraint in CREATE TABLE; none in
 * ALTER TABLE, where the column is looked up later).
 */
export function constraintIncludeAttnums(con: AnyNode, columns: readonly ColumnDef[], position: string | undefined): number[] {
  return ((con.including ?? []) as AnyNode[]).map((k) => {
    const name = k.String.sval as string;
    const col = columns.find((c) => c.name === name && !c.dropped);
    if (col) return col.attnum;
    if (SYSTEM_COLUMNS.has(name)) throw systemColumnIndex();
    throw new PgError(SQLSTATE.undefined_column, `column "${name}" named in key does not exist`, { position });
  });
}

/** INCLUDE (...) of CREATE INDEX: plain columns only, without sort options, collation or operator class. */
export function indexIncludeAttnums(params: readonly AnyNode[], columns: readonly ColumnDef[]): number[] {
  const atts = params.map((p) => {
    const e = p.IndexElem;
    if (!e.name) throw new PgError(SQLSTATE.feature_not_supported, 'expressions are not supported in included columns');
    const col = columns.find((c) => c.name === e.name && !c.dropped);
    if (!col && !SYSTEM_COLUMNS.has(e.name)) throw new PgError(SQLSTATE.undefined_column, `column "${e.name}" does not exist`);
    const invalid = (what: string) => new PgError(SQLSTATE.invalid_object_definition, `including column does not support ${what}`);
    if (e.collation?.length) throw invalid('a collation');
    if (e.opclass?.length) throw invalid('an operator class');
    if (e.ordering !== 'SORTBY_DEFAULT') throw invalid('ASC/DESC options');
    if (e.nulls_ordering !== 'SORTBY_NULLS_DEFAULT') throw invalid('NULLS FIRST/LAST options');
    return col ? col.attnum : 0;
  });
  // A system column is refused once every column was looked at (index_create).
  if (atts.includes(0)) throw systemColumnIndex();
  return atts;
}

/** Index column names made distinct as ChooseIndexColumnNames does (`c`, `c1`, `b`, `b1`). */
export function distinctIndexColumnNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((base) => {
    let name = base;
    for (let i = 1; used.has(name); i++) name = `${base}${i}`;
    used.add(name);
    return name;
  });
}

/** A PRIMARY KEY / UNIQUE constraint of CREATE TABLE with its key and included attnums. */
export interface KeyConstraint {
  readonly con: AnyNode;
  readonly atts: readonly number[];
  readonly include: readonly number[];
  /** The constraint's name: its own, or that of a duplicate it absorbed. */
  name?: string;
}

/**
 * The indexes CREATE TABLE builds for its PRIMARY KEY / UNIQUE constraints, as
 * transformIndexConstraints chooses them: the primary key first, then the others in order,
 * dropping one identical to an earlier one (same keys, INCLUDE, NULLS NOT DISTINCT and
 * deferrability); an unnamed survivor takes the name of a named duplicate.
 */
export function distinctKeyConstraints(keys: readonly KeyConstraint[]): KeyConstraint[] {
  const ordered = [...keys.filter((k) => k.con.contype === 'CONSTR_PRIMARY'), ...keys.filter((k) => k.con.contype !== 'CONSTR_PRIMARY')];
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const out: KeyConstraint[] = [];
  for (const k of ordered) {
    const prior = out.find(
      (p) =>
        same(p.atts, k.atts) &&
        same(p.include, k.include) &&
        !!p.con.nulls_not_distinct === !!k.con.nulls_not_distinct &&
        !!p.con.without_overlaps === !!k.con.without_overlaps &&
        !!p.con.deferrable === !!k.con.deferrable &&
        !!p.con.initdeferred === !!k.con.initdeferred,
    );
    if (!prior) {
      out.push({ ...k, name: k.con.conname });
    } else if (prior.name === undefined) {
      prior.name = k.con.conname;
    }
  }
  return out;
}
