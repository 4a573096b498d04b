/**
 * Object comments: COMMENT ON text from the catalog plus the descriptions Postgres ships for its
 * own objects (schemas, types, functions, extensions, databases), as pg_description /
 * pg_shdescription hold them and obj_description / col_description / shobj_description read them.
 * Postgres counterpart: src/include/catalog/pg_description.h, pg_shdescription.h, and the
 * descriptions in the pg_*.dat files.
 * Known gaps: no descriptions of built-in operators, casts or system catalogs.
 */
import type { Catalog } from '../catalog.js';
import { BUILTIN_TYPE_FACTS, PROC_DESCRIPTIONS } from './builtin-data.js';
import { CLASS_OID } from './common.js';
import { BUILTIN_OPERATOR_FACTS, OPERATOR_DESCRIPTIONS, OPERATOR_PROC_DESCRIPTIONS } from './operator-data.js';
import { builtinProcs } from './procs.js';
import { PLPGSQL_EXTENSION_OID } from './pg-extension.js';

export interface DescriptionRow {
  readonly objoid: number;
  readonly classoid: number;
  readonly objsubid: number;
  readonly description: string;
}

const NAMESPACE_DESCRIPTIONS: Record<number, string> = { 11: 'system catalog schema', 2200: 'standard public schema', 99: 'reserved schema for TOAST tables' };

/** Descriptions of the extensions fauxgres emulates, as their control files give them. */
export const EXTENSION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  plpgsql: 'PL/pgSQL procedural language',
  pgcrypto: 'cryptographic functions',
  'uuid-ossp': 'generate universally unique identifiers (UUIDs)',
  citext: 'data type for case-insensitive character strings',
};

/** Shared descriptions (pg_shdescription): the built-in databases. */
export const DATABASE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  postgres: 'default administrative connection database',
  template1: 'default template for new databases',
  template0: 'unmodifiable empty database',
};

let builtinRows: DescriptionRow[] | undefined;
function builtins(): DescriptionRow[] {
  if (builtinRows) return builtinRows;
  const rows: DescriptionRow[] = [];
  for (const [oid, d] of Object.entries(NAMESPACE_DESCRIPTIONS)) rows.push({ objoid: Number(oid), classoid: CLASS_OID.pg_namespace, objsubid: 0, description: d });
  for (const t of BUILTIN_TYPE_FACTS) if (t[15] !== null) rows.push({ objoid: t[0], classoid: CLASS_OID.pg_type, objsubid: 0, description: t[15] });
  const seenProc = new Set<number>();
  for (const p of builtinProcs()) {
    const d = PROC_DESCRIPTIONS[p.oid];
    if (d !== undefined) rows.push({ objoid: p.oid, classoid: CLASS_OID.pg_proc, objsubid: 0, description: d });
  }
  // Built-in operators and their functions (`implementation of + operator` unless noted otherwise).
  for (const o of BUILTIN_OPERATOR_FACTS) {
    const od = OPERATOR_DESCRIPTIONS[o[0]];
    if (od !== undefined) rows.push({ objoid: o[0], classoid: CLASS_OID.pg_operator, objsubid: 0, description: od });
    const pd = o[0] in OPERATOR_PROC_DESCRIPTIONS ? OPERATOR_PROC_DESCRIPTIONS[o[0]] : `implementation of ${o[1]} operator`;
    if (pd !== null && PROC_DESCRIPTIONS[o[11]] === undefined && !seenProc.has(o[11])) {
      seenProc.add(o[11]);
      rows.push({ objoid: o[11], classoid: CLASS_OID.pg_proc, objsubid: 0, description: pd });
    }
  }
  rows.push({ objoid: PLPGSQL_EXTENSION_OID, classoid: CLASS_OID.pg_extension, objsubid: 0, description: EXTENSION_DESCRIPTIONS.plpgsql });
  return (builtinRows = rows);
}

const perCatalog = new WeakMap<Catalog, { version: number; rows: DescriptionRow[]; byKey: Map<string, string> }>();

function entry(cat: Catalog) {
  const hit = perCatalog.get(cat);
  if (hit && hit.version === cat.version) return hit;
  // COMMENT ON replaces a built-in description ('' removes it).
  const commented = (classoid: number, objoid: number) => cat.comments.has(`${classoid}.${objoid}.0`);
  const rows = builtins().filter((r) => r.classoid !== CLASS_OID.pg_extension || !commented(r.classoid, r.objoid));
  for (const e of cat.extensions.values()) {
    const d = EXTENSION_DESCRIPTIONS[e.name];
    if (d && !commented(CLASS_OID.pg_extension, e.oid)) rows.push({ objoid: e.oid, classoid: CLASS_OID.pg_extension, objsubid: 0, description: d });
  }
  for (const [key, description] of cat.comments) {
    if (description === '') continue;
    const [classoid, objoid, objsubid] = key.split('.').map(Number);
    rows.push({ objoid, classoid, objsubid, description });
  }
  const byKey = new Map(rows.map((r) => [`${r.classoid}.${r.objoid}.${r.objsubid}`, r.description]));
  const e = { version: cat.version, rows, byKey };
  perCatalog.set(cat, e);
  return e;
}

/** Every pg_description row. */
export function descriptionRows(cat: Catalog): readonly DescriptionRow[] {
  return entry(cat).rows;
}

/** The description of (classoid, objoid, objsubid), if any. */
export function describeObject(cat: Catalog, classoid: number, objoid: number, objsubid: number): string | undefined {
  return entry(cat).byKey.get(`${classoid}.${objoid}.${objsubid}`);
}

/** The description of an object in any catalog (obj_description with one argument). */
export function describeAnyObject(cat: Catalog, objoid: number): string | undefined {
  return entry(cat).rows.find((r) => r.objoid === objoid && r.objsubid === 0)?.description;
}
