/**
 * Input and output of the OID alias types (regclass, regtype, regnamespace, regrole, regproc,
 * regprocedure): names resolved through the search path and the catalog; OID 0 prints as `-`.
 * Postgres counterpart: src/backend/utils/adt/regproc.c.
 * Known gaps: regoper/regoperator read and print numbers; regproc knows only built-in functions.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import type { Catalog } from '../catalog/catalog.js';
import { typeInfo } from '../types/registry.js';
import { OID } from '../types/oids.js';
import { lookupTypeName } from './type-name.js';
import { quoteIdent } from '../functions/builtins/quote.js';
import { systemRelationByOid, systemRelationNamed, PG_TOAST_NAMESPACE } from '../catalog/system/registry.js';
import { knownRoleOid, roleName } from '../catalog/system/common.js';
import { builtinProcByOid, builtinProcsNamed, procName } from '../catalog/system/procs.js';
import { formatTypeName } from '../catalog/ruleutils/format-type.js';
import { userFunction, userFunctions, type UserFunction } from '../catalog/system/user-functions.js';
import { relationName } from '../catalog/ruleutils/context.js';
import { regconfigIn, regconfigOut, regdictionaryIn, regdictionaryOut } from '../tsearch/ts-config.js';

/** Splits `a.b` / `"A".b` into identifiers, lowercasing unquoted parts like the lexer. */
export function splitQualifiedName(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const s = text.trim();
  while (i < s.length) {
    if (s[i] === '"') {
      let j = i + 1;
      let part = '';
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            part += '"';
            j += 2;
            continue;
          }
          break;
        }
        part += s[j++];
      }
      out.push(part);
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && s[j] !== '.') j++;
      out.push(s.slice(i, j).trim().toLowerCase());
      i = j;
    }
    if (s[i] === '.') i++;
  }
  return out;
}

export function lookupRelationOid(cat: Catalog, searchPath: readonly string[], parts: string[]): number | undefined {
  if (parts.length === 2) {
    if (parts[0] === 'pg_catalog' || parts[0] === 'information_schema') {
      const sys = systemRelationNamed(parts[0], parts[1]);
      if (sys) return sys.oid;
    }
    const ns = cat.namespaceOid(parts[0]);
    if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${parts[0]}" does not exist`);
    return cat.relationIn(ns, parts[1])?.oid;
  }
  for (const schema of searchPath.includes('pg_catalog') ? searchPath : ['pg_catalog', ...searchPath]) {
    if (schema === 'pg_catalog' || schema === 'information_schema') {
      const sys = systemRelationNamed(schema, parts[0]);
      if (sys) return sys.oid;
    }
    const ns = cat.namespaceOid(schema);
    if (ns === undefined) continue;
    const r = cat.relationIn(ns, parts[0]);
    if (r) return r.oid;
  }
  return undefined;
}

const isNumeric = (text: string) => /^\s*\d+\s*$/.test(text);

export function regclassIn(rt: ExprRuntime, text: string): number {
  if (isNumeric(text)) return Number(text.trim());
  if (text.trim() === '-') return 0;
  const cat = rt.session.catalog();
  let parts = splitQualifiedName(text);
  if (parts.length > 3) throw new PgError(SQLSTATE.syntax_error, `improper relation name (too many dotted names): ${text.trim()}`);
  if (parts.length === 3) {
    if (parts[0] !== rt.session.databaseName()) throw new PgError(SQLSTATE.feature_not_supported, `cross-database references are not implemented: "${text.trim()}"`);
    parts = parts.slice(1);
  }
  let oid: number | undefined;
  try {
    oid = lookupRelationOid(cat, rt.session.searchPath(), parts);
  } catch (e) {
    // A missing schema reads as a missing relation here (regclassin looks up with missing_ok).
    if (!(e instanceof PgError) || e.code !== SQLSTATE.invalid_schema_name) throw e;
  }
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_table, `relation "${text}" does not exist`);
  return oid;
}

export function regclassOut(rt: ExprRuntime, oid: number): string {
  if (oid === 0) return '-';
  const cat = rt.session.catalog();
  if (!cat.relations.has(oid) && !systemRelationByOid(oid)) return String(oid);
  return relationName(cat, rt.session.searchPath(), oid);
}

/** Reads a type name as regtype input does: qualified names, SQL spellings, `[]` suffixes. */
export function regtypeIn(rt: ExprRuntime, text: string): number {
  if (isNumeric(text)) return Number(text.trim());
  if (text.trim() === '-') return 0;
  const cat = rt.session.catalog();
  let t = text.trim();
  let dims = 0;
  while (t.endsWith('[]')) {
    dims++;
    t = t.slice(0, -2).trim();
  }
  t = t.replace(/\(\s*\d+(\s*,\s*\d+)?\s*\)/, '').replace(/\s+/g, ' ');
  const parts = /^[a-z ]+$/i.test(t) && t.includes(' ') ? [t.toLowerCase()] : splitQualifiedName(t);
  let oid = lookupTypeName(cat, rt.session.searchPath(), parts);
  if (oid === undefined && (parts.length === 1 || parts[0] === 'pg_catalog' || parts[0] === 'information_schema')) {
    oid = systemRelationNamed(parts.length === 2 ? parts[0] : 'pg_catalog', parts[parts.length - 1])?.rowType;
  }
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `type "${text}" does not exist`);
  for (let i = 0; i < dims; i++) {
    const arr: number | undefined = typeInfo(cat, oid).array;
    if (arr === undefined) throw new PgError(SQLSTATE.undefined_object, `type "${text}" does not exist`);
    oid = arr;
  }
  return oid;
}

export function regtypeOut(rt: ExprRuntime, oid: number): string {
  return formatTypeName(rt.session.catalog(), rt.session.searchPath(), oid, null).replace(/^\?\?\?$/, String(oid));
}

export function regnamespaceIn(rt: ExprRuntime, text: string): number {
  if (isNumeric(text)) return Number(text.trim());
  if (text.trim() === '-') return 0;
  const parts = splitQualifiedName(text);
  if (parts.length !== 1) throw new PgError(SQLSTATE.invalid_name, 'invalid name syntax');
  if (parts[0] === 'pg_toast') return PG_TOAST_NAMESPACE;
  const oid = rt.session.catalog().namespaceOid(parts[0]);
  if (oid === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${parts[0]}" does not exist`);
  return oid;
}

export function regnamespaceOut(rt: ExprRuntime, oid: number): string {
  if (oid === 0) return '-';
  if (oid === PG_TOAST_NAMESPACE) return 'pg_toast';
  const ns = rt.session.catalog().namespaces.get(oid);
  return ns ? quoteIdent(ns.name) : String(oid);
}

export function regroleIn(rt: ExprRuntime, text: string): number {
  if (isNumeric(text)) return Number(text.trim());
  if (text.trim() === '-') return 0;
  const parts = splitQualifiedName(text);
  if (parts.length !== 1) throw new PgError(SQLSTATE.invalid_name, 'invalid name syntax');
  const oid = knownRoleOid(parts[0], rt.session.currentUser(), rt.session.catalog());
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `role "${parts[0]}" does not exist`);
  return oid;
}

export function regroleOut(rt: ExprRuntime, oid: number): string {
  if (oid === 0) return '-';
  const name = roleName(oid, rt.session.catalog());
  return name === undefined ? String(oid) : quoteIdent(name);
}

export function regprocIn(rt: ExprRuntime, text: string): number {
  if (isNumeric(text)) return Number(text.trim());
  if (text.trim() === '-') return 0;
  const parts = splitQualifiedName(text);
  const name = parts[parts.length - 1];
  if (parts.length === 2 && parts[0] !== 'pg_catalog') {
    if (rt.session.catalog().namespaceOid(parts[0]) === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${parts[0]}" does not exist`);
    const inSchema = userFunctionsNamed(rt, parts);
    if (inSchema.length === 1) return inSchema[0].oid;
    if (inSchema.length > 1) throw new PgError(SQLSTATE.ambiguous_function, `more than one function named "${text}"`);
    throw new PgError(SQLSTATE.undefined_function, `function "${text}" does not exist`);
  }
  const cat = rt.session.catalog();
  const user = userFunctionsNamed(rt, parts);
  if (user.length === 1) return user[0].oid;
  if (user.length > 1) throw new PgError(SQLSTATE.ambiguous_function, `more than one function named "${text}"`);
  const found = builtinProcsNamed(name).filter((p) => !p.extension || cat.extensions.has(p.extension));
  if (found.length === 0) throw new PgError(SQLSTATE.undefined_function, `function "${text}" does not exist`);
  if (found.length > 1) throw new PgError(SQLSTATE.ambiguous_function, `more than one function named "${text}"`);
  return found[0].oid;
}

export function regprocOut(rt: ExprRuntime, oid: number): string {
  if (oid === 0) return '-';
  const u = userFunction(rt.session.catalog(), oid);
  if (u) return userFunctionName(rt, u);
  const name = procName(oid);
  return name === undefined ? String(oid) : quoteIdent(name);
}

export function regprocedureIn(rt: ExprRuntime, text: string): number {
  if (isNumeric(text)) return Number(text.trim());
  if (text.trim() === '-') return 0;
  const m = /^\s*(.+?)\s*\((.*)\)\s*$/s.exec(text);
  if (!m) throw new PgError(SQLSTATE.invalid_text_representation, 'expected a left parenthesis');
  const parts = splitQualifiedName(m[1]);
  const args = m[2].trim() === '' ? [] : m[2].split(',').map((a) => regtypeIn(rt, a.trim()));
  const name = parts[parts.length - 1];
  const cat = rt.session.catalog();
  const user = userFunctionsNamed(rt, parts).find((f) => f.argTypes.length === args.length && f.argTypes.every((t, i) => t === args[i]));
  if (user) return user.oid;
  const hit = parts.length === 2 && parts[0] !== 'pg_catalog' ? undefined : builtinProcsNamed(name).find((p) => (!p.extension || cat.extensions.has(p.extension)) && p.argTypes.length === args.length && p.argTypes.every((t, i) => t === args[i]));
  if (!hit) throw new PgError(SQLSTATE.undefined_function, `function "${text}" does not exist`);
  return hit.oid;
}

export function regprocedureOut(rt: ExprRuntime, oid: number): string {
  if (oid === 0) return '-';
  const cat = rt.session.catalog();
  const u = userFunction(cat, oid);
  if (u) return `${userFunctionName(rt, u)}(${u.argTypes.map((t) => formatTypeName(cat, rt.session.searchPath(), t, null)).join(',')})`;
  const p = builtinProcByOid(oid);
  if (!p) return String(oid);
  return `${quoteIdent(p.name)}(${p.argTypes.map((t) => formatTypeName(cat, rt.session.searchPath(), t, null)).join(',')})`;
}

/** User-defined functions a (possibly qualified) name finds: in that schema, or the first schema of the search path with one. */
function userFunctionsNamed(rt: ExprRuntime, parts: string[]): UserFunction[] {
  const cat = rt.session.catalog();
  const name = parts[parts.length - 1];
  const all = [...userFunctions(cat)].filter((f) => f.name === name);
  if (!all.length) return [];
  if (parts.length === 2) {
    const ns = cat.namespaceOid(parts[0]);
    return all.filter((f) => f.namespace === ns);
  }
  for (const s of rt.session.searchPath()) {
    const ns = cat.namespaceOid(s);
    const here = all.filter((f) => f.namespace === ns);
    if (here.length) return here;
  }
  return [];
}

/** A user function's name, schema-qualified unless the search path finds it first. */
function userFunctionName(rt: ExprRuntime, f: UserFunction): string {
  const found = userFunctionsNamed(rt, [f.name]);
  const name = quoteIdent(f.name);
  return found.some((x) => x.oid === f.oid) ? name : `${quoteIdent(rt.session.catalog().namespaceName(f.namespace))}.${name}`;
}

type RegIn = (rt: ExprRuntime, text: string) => number;
type RegOut = (rt: ExprRuntime, oid: number) => string;
const REG_IO: Record<number, [RegIn, RegOut]> = {
  [OID.regclass]: [regclassIn, regclassOut],
  [OID.regtype]: [regtypeIn, regtypeOut],
  [OID.regnamespace]: [regnamespaceIn, regnamespaceOut],
  [OID.regrole]: [regroleIn, regroleOut],
  [OID.regproc]: [regprocIn, regprocOut],
  [OID.regprocedure]: [regprocedureIn, regprocedureOut],
  [OID.regconfig]: [regconfigIn, regconfigOut],
  [OID.regdictionary]: [regdictionaryIn, regdictionaryOut],
};

/** Whether `type` is one of the OID alias types (regclass, regtype, ...). */
export function isRegType(type: number): boolean {
  return REG_IO[type] !== undefined || type === OID.regoper || type === OID.regoperator;
}

/** The catalog-aware text input of a reg* type, if it has one. */
export function regInput(type: number): RegIn | undefined {
  return REG_IO[type]?.[0];
}

/** The catalog-aware text output of a reg* type, if it has one. */
export function regOutput(type: number): RegOut | undefined {
  return REG_IO[type]?.[1];
}
