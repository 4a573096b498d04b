/**
 * pg_get_object_address(type, object_names, object_args): an object's (classid, objid, objsubid)
 * from the text form pg_identify_object_as_address gives, with get_object_address's errors.
 *
 * Postgres counterpart: src/backend/catalog/objectaddress.c (pg_get_object_address,
 * get_object_address, read_objtype_from_string).
 * Known gaps: object kinds fauxgres does not store (casts, languages, operator classes and
 * families, access methods, foreign-data objects, text-search objects other than configurations,
 * transforms, user mappings, default ACLs, large objects by this route) raise 0A000.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import { lookupRelation } from '../analyze/relation.js';
import { regtypeIn } from '../analyze/regclass.js';
import { effectiveSearchPath } from '../analyze/func-candidates.js';
import { sameTypes } from '../types/oids.js';
import type { RelationDef } from './objects.js';
import { CLASS, type ObjectAddress } from './object-address.js';
import { attrdefOid } from './system/pg-attrdef.js';
import { roleOid } from './system/common.js';
import { BUILTIN_PROC_OIDS } from './system/builtin-data.js';
import { formatTypeName } from './ruleutils/format-type.js';

/** The type words pg_get_object_address reads (ObjectTypeMap); -1: known but not addressable this way. */
const KNOWN = new Set([
  'table', 'index', 'sequence', 'view', 'materialized view', 'foreign table', 'table column', 'foreign table column', 'aggregate', 'function',
  'procedure', 'type', 'cast', 'collation', 'table constraint', 'domain constraint', 'conversion', 'default value', 'language', 'large object',
  'operator', 'operator class', 'operator family', 'access method', 'operator of access method', 'function of access method', 'rule', 'trigger',
  'schema', 'text search parser', 'text search dictionary', 'text search template', 'text search configuration', 'role', 'database', 'tablespace',
  'foreign-data wrapper', 'server', 'user mapping', 'default acl', 'extension', 'event trigger', 'parameter ACL', 'policy', 'publication',
  'publication namespace', 'publication relation', 'subscription', 'transform', 'statistics object',
]);
const UNMAPPED = new Set(['toast table', 'composite type', 'index column', 'sequence column', 'toast table column', 'view column', 'materialized view column', 'composite type column', 'role membership']);

const RELKINDS: Record<string, readonly string[]> = {
  table: ['r', 'p'], index: ['i', 'I'], sequence: ['S'], view: ['v'], 'materialized view': ['m'], 'foreign table': ['f'],
};
const RELWORD: Record<string, string> = { table: 'a table', index: 'an index', sequence: 'a sequence', view: 'a view', 'materialized view': 'a materialized view', 'foreign table': 'a foreign table' };

/** Built-in languages and access methods (pg_language, pg_am OIDs). */
const LANGUAGES: Record<string, number> = { internal: 12, c: 13, sql: 14, plpgsql: 13576 };
const ACCESS_METHODS: Record<string, number> = { heap: 2, btree: 403, hash: 405, gist: 783, gin: 2742, spgist: 4000, brin: 3580 };

const bad = (msg: string) => new PgError(SQLSTATE.invalid_parameter_value, msg);

/** pg_get_object_address's lookup. */
export function lookupGetObjectAddress(rt: ExprRuntime, type: string, rawNames: readonly (string | null)[], rawArgs: readonly (string | null)[]): ObjectAddress {
  const lower = type.toLowerCase();
  if (UNMAPPED.has(lower)) throw bad(`unsupported object type "${type}"`);
  if (!KNOWN.has(lower)) throw bad(`unrecognized object type "${type}"`);
  if (rawNames.some((x) => x === null) || rawArgs.some((x) => x === null)) throw bad('name or argument lists may not contain nulls');
  const names = rawNames as string[];
  const args = rawArgs as string[];
  const cat = rt.session.catalog();
  const sp = rt.session.searchPath();
  const typeLike = lower === 'type' || lower === 'domain constraint' || lower === 'cast' || lower === 'transform';
  if (typeLike && names.length !== 1) throw bad('name list length must be exactly 1');
  if (!typeLike && names.length === 0) throw bad('name list length must be at least 1');
  // (pg_get_object_address's own list-length checks, before any lookup)
  if ((lower === 'publication namespace' || lower === 'user mapping') && names.length !== 1) throw bad('name list length must be exactly 1');
  if (['publication namespace', 'user mapping', 'domain constraint', 'cast', 'publication relation', 'default acl', 'transform'].includes(lower) && args.length !== 1) {
    throw bad('argument list length must be exactly 1');
  }
  if ((lower === 'operator family' || lower === 'operator class') && names.length < 2) throw bad('name list length must be at least 2');
  const amMember = lower === 'operator of access method' || lower === 'function of access method';
  if (amMember && names.length < 3) throw bad('name list length must be at least 3');
  if ((amMember || lower === 'operator') && args.length !== 2) throw bad('argument list length must be exactly 2');
  const single = (): string => {
    if (names.length !== 1) throw bad('name list length must be exactly 1');
    return names[0];
  };
  const relation = (parts: readonly string[], kinds?: readonly string[], word?: string): RelationDef => {
    if (parts.length > 3) throw new PgError(SQLSTATE.syntax_error, `improper relation name (too many dotted names): ${parts.join('.')}`);
    if (parts.length === 3) throw new PgError(SQLSTATE.feature_not_supported, `cross-database references are not implemented: "${parts.join('.')}"`);
    if (parts.length === 2 && cat.namespaceOid(parts[0]) === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${parts[0]}" does not exist`);
    const rel = lookupRelation(cat, sp, parts.length === 2 ? { schema: parts[0], name: parts[1] } : { name: parts[0] });
    if (!rel) throw new PgError(SQLSTATE.undefined_table, `relation "${parts.join('.')}" does not exist`);
    if (kinds && !kinds.includes(rel.kind)) throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not ${word}`);
    return rel;
  };
  const addr = (classid: number, objid: number, subid = 0): ObjectAddress => ({ classid, objid, subid });
  switch (lower) {
    case 'table':
    case 'index':
    case 'sequence':
    case 'view':
    case 'materialized view':
    case 'foreign table': {
      const rel = relation(names, RELKINDS[lower], RELWORD[lower]);
      return addr(CLASS.pg_class, rel.oid);
    }
    case 'table column':
    case 'foreign table column':
    case 'default value': {
      if (names.length < 2) throw new PgError(SQLSTATE.syntax_error, `column name must be qualified`);
      const col = names[names.length - 1];
      const rel = relation(names.slice(0, -1));
      const c = rel.columns.find((x) => x.name === col && !x.dropped);
      if (!c) throw new PgError(SQLSTATE.undefined_column, `column "${col}" of relation "${names.slice(0, -1).join('.')}" does not exist`);
      if (lower !== 'default value') return addr(CLASS.pg_class, rel.oid, c.attnum);
      if (!c.default && !c.generated) throw new PgError(SQLSTATE.undefined_object, `default value for column "${col}" of relation "${names.slice(0, -1).join('.')}" does not exist`);
      return addr(CLASS.pg_attrdef, attrdefOid(rel.oid, c.attnum));
    }
    case 'type':
      return addr(CLASS.pg_type, regtypeIn(rt, names[0]));
    case 'schema': {
      const name = single();
      const ns = cat.namespaceOid(name);
      if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${name}" does not exist`);
      return addr(CLASS.pg_namespace, ns);
    }
    case 'role': {
      const name = single();
      if (!cat.role(name)) throw new PgError(SQLSTATE.undefined_object, `role "${name}" does not exist`);
      return addr(CLASS.pg_authid, roleOid(name));
    }
    case 'extension': {
      const name = single();
      const e = cat.extensions.get(name);
      if (!e) throw new PgError(SQLSTATE.undefined_object, `extension "${name}" does not exist`);
      return addr(CLASS.pg_extension, e.oid);
    }
    case 'event trigger': {
      const name = single();
      const t = [...cat.eventTriggers.values()].find((x) => x.name === name);
      if (!t) throw new PgError(SQLSTATE.undefined_object, `event trigger "${name}" does not exist`);
      return addr(CLASS.pg_event_trigger, t.oid);
    }
    case 'publication': {
      const name = single();
      const p = [...cat.publications.values()].find((x) => x.name === name);
      if (!p) throw new PgError(SQLSTATE.undefined_object, `publication "${name}" does not exist`);
      return addr(CLASS.pg_publication, p.oid);
    }
    case 'table constraint':
    case 'trigger':
    case 'policy':
    case 'rule': {
      if (names.length < 2) throw new PgError(SQLSTATE.syntax_error, `must specify relation and object name`);
      const objName = names[names.length - 1];
      const relParts = names.slice(0, -1);
      const rel = relation(relParts);
      if (lower === 'table constraint') {
        const c = cat.relationConstraints(rel.oid).find((x) => x.name === objName);
        if (!c) throw new PgError(SQLSTATE.undefined_object, `constraint "${objName}" for table "${rel.name}" does not exist`);
        return addr(CLASS.pg_constraint, c.oid);
      }
      if (lower === 'trigger') {
        const t = cat.relationTriggers(rel.oid).find((x) => x.name === objName);
        if (!t) throw new PgError(SQLSTATE.undefined_object, `trigger "${objName}" for table "${rel.name}" does not exist`);
        return addr(CLASS.pg_trigger, t.oid);
      }
      if (lower === 'policy') {
        const p = [...cat.policies.values()].find((x) => x.relation === rel.oid && x.name === objName);
        if (!p) throw new PgError(SQLSTATE.undefined_object, `policy "${objName}" for table "${rel.name}" does not exist`);
        return addr(CLASS.pg_policy, p.oid);
      }
      const r = [...cat.rules.values()].find((x) => x.relation === rel.oid && x.name === objName);
      if (!r) throw new PgError(SQLSTATE.undefined_object, `rule "${objName}" for relation "${rel.name}" does not exist`);
      return addr(CLASS.pg_rewrite, r.oid);
    }
    case 'language':
    case 'tablespace':
    case 'foreign-data wrapper':
    case 'server':
    case 'access method':
    case 'subscription':
    case 'database': {
      const name = single();
      if (lower === 'database' && name === 'postgres') return addr(1262, 5);
      if (lower === 'language' && LANGUAGES[name] !== undefined) return addr(2612, LANGUAGES[name]);
      if (lower === 'access method' && ACCESS_METHODS[name] !== undefined) return addr(2601, ACCESS_METHODS[name]);
      if (lower === 'tablespace' && (name === 'pg_default' || name === 'pg_global')) return addr(1213, name === 'pg_default' ? 1663 : 1664);
      throw new PgError(lower === 'database' ? SQLSTATE.invalid_catalog_name : SQLSTATE.undefined_object, `${lower} "${name}" does not exist`);
    }
    case 'large object': {
      const text = single();
      if (!/^\s*\d+\s*$/.test(text)) throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type oid: "${text}"`);
      const oid = Number(text);
      if (!cat.largeObjects.has(oid)) throw new PgError(SQLSTATE.undefined_object, `large object ${oid} does not exist`);
      return addr(2613, oid);
    }
    case 'function':
    case 'procedure':
    case 'aggregate': {
      if (names.length > 2) throw new PgError(SQLSTATE.feature_not_supported, `cross-database references are not implemented: ${names.join('.')}`);
      const argTypes = args.map((t) => regtypeIn(rt, t));
      const fname = names[names.length - 1];
      const path = names.length > 1 ? [names[names.length - 2]] : effectiveSearchPath(sp);
      for (const s of path) {
        const ns = cat.namespaceOid(s);
        if (ns === undefined) {
          if (names.length > 1) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${s}" does not exist`);
          continue;
        }
        const f = cat.functionsIn(ns, fname).find((x) => sameTypes(x.argTypes, argTypes));
        if (f) return addr(CLASS.pg_proc, f.oid);
      }
      const builtin = names.length === 1 || names[0] === 'pg_catalog' ? BUILTIN_PROC_OIDS[`${fname}(${argTypes.join(',')})`] : undefined;
      if (builtin !== undefined) return addr(CLASS.pg_proc, builtin);
      const word = lower === 'procedure' ? 'procedure' : lower === 'aggregate' ? 'aggregate' : 'function';
      const argText = lower === 'aggregate' && !args.length ? '*' : args.map((t) => formatTypeName(cat, sp, regtypeIn(rt, t), null)).join(', ');
      throw new PgError(SQLSTATE.undefined_function, `${word} ${names.join('.')}(${argText}) does not exist`);
    }
    default:
      throw featureNotSupported(`pg_get_object_address for object type "${type}"`);
  }
}
