/**
 * Object addresses: (classid, objid, objsubid) triples for the objects fauxgres stores, their
 * identities and descriptions as pg_identify_object, pg_identify_object_as_address and
 * pg_describe_object print them, and an inventory of every addressable object of a catalog
 * version (what event triggers diff to find created, altered and dropped objects).
 *
 * Postgres counterpart: src/backend/catalog/objectaddress.c (getObjectIdentityParts,
 * getObjectTypeDescription, getObjectDescription).
 * Known gaps: built-in objects other than types, schemas and roles are not described (their
 * rows are not stored); operator classes, casts, languages and other kinds fauxgres does not
 * have are absent.
 */
import type { Catalog } from './catalog.js';
import type { ConstraintDef, RelationDef } from './objects.js';
import { attrdefOid } from './system/pg-attrdef.js';
import { builtinFacts } from './system/type-facts.js';
import { relationIsVisible, roleOid } from './system/common.js';
import { formatTypeName } from './ruleutils/format-type.js';
import { systemRelationByOid } from './system/registry.js';
import { quoteIdentIfNeeded as q } from '../types/registry.js';

/** Catalog OIDs (classid) of the object classes. */
export const CLASS = {
  pg_class: 1259, pg_type: 1247, pg_proc: 1255, pg_namespace: 2615, pg_constraint: 2606, pg_attrdef: 2604, pg_trigger: 2620,
  pg_policy: 3256, pg_rewrite: 2618, pg_extension: 3079, pg_event_trigger: 3466, pg_authid: 1260, pg_publication: 6104,
  pg_collation: 3456, pg_statistic_ext: 3381,
} as const;

export interface ObjectAddress {
  readonly classid: number;
  readonly objid: number;
  readonly subid: number;
}

/** What pg_identify_object and pg_identify_object_as_address return for an object. */
export interface ObjectIdentity {
  readonly type: string;
  readonly schema: string | null;
  readonly name: string | null;
  readonly identity: string;
  readonly names: readonly string[];
  readonly args: readonly string[];
  /** The namespace OID the object lives in (for temporary-object checks), if any. */
  readonly namespace?: number;
}

/** A view's `_RETURN` rule OID is this plus the view's OID (see pg-views.ts, viewRuleOid). */
const VIEW_RULE_BASE = 0x50000000;

const RELKIND_WORD: Record<string, string> = {
  r: 'table', p: 'table', i: 'index', I: 'index', S: 'sequence', t: 'toast table', v: 'view', m: 'materialized view', c: 'composite type', f: 'foreign table',
};

/** Type names format_type prints unqualified even when asked to qualify (SQL-standard spellings). */
const STANDARD_TYPE_NAMES = new Set([
  'bit', 'boolean', 'character', 'real', 'double precision', 'smallint', 'integer', 'bigint', 'numeric', 'interval',
  'time without time zone', 'time with time zone', 'timestamp without time zone', 'timestamp with time zone', 'bit varying', 'character varying',
]);

/** format_type_be_qualified: user and non-standard built-in types with their schema. */
export function qualifiedTypeName(cat: Catalog, oid: number): string {
  const u = cat.types.get(oid);
  if (u) {
    if (u.elementType !== undefined) return qualifiedTypeName(cat, u.elementType) + '[]';
    return `${q(schemaDisplayName(cat, u.namespace))}.${q(u.name)}`;
  }
  const b = builtinFacts.get(oid);
  if (!b) return formatTypeName(cat, [], oid, null);
  if (b[5] === 'A' && b[9] !== 0 && b[8] !== 0) return qualifiedTypeName(cat, b[9]) + '[]';
  const plain = formatTypeName(cat, [], oid, null);
  return STANDARD_TYPE_NAMES.has(plain) ? plain : `pg_catalog.${q(b[1])}`;
}

/** A schema's name as identities show it: the session's temporary schema is `pg_temp`. */
export function schemaDisplayName(cat: Catalog, ns: number): string {
  const name = cat.namespaceName(ns);
  return name.startsWith('pg_temp_') ? 'pg_temp' : name;
}

const qualified = (cat: Catalog, ns: number, name: string): string => `${q(schemaDisplayName(cat, ns))}.${q(name)}`;

function relationIdentity(cat: Catalog, rel: RelationDef, subid: number): ObjectIdentity | undefined {
  const schema = schemaDisplayName(cat, rel.namespace);
  const word = RELKIND_WORD[rel.kind] ?? 'table';
  if (subid === 0) return { type: word, schema, name: rel.name, identity: qualified(cat, rel.namespace, rel.name), names: [schema, rel.name], args: [], namespace: rel.namespace };
  const col = rel.columns.find((c) => c.attnum === subid && !c.dropped);
  if (!col) return undefined;
  return { type: `${word} column`, schema, name: q(rel.name), identity: `${qualified(cat, rel.namespace, rel.name)}.${q(col.name)}`, names: [schema, rel.name, col.name], args: [], namespace: rel.namespace };
}

/** A constraint of a table or a domain, by OID (domain constraints live in their type). */
function constraintOf(cat: Catalog, oid: number): { con?: ConstraintDef; domain?: number; name: string; namespace: number } | undefined {
  const con = cat.constraints.get(oid);
  if (con) return { con, name: con.name, namespace: con.namespace };
  for (const t of cat.types.values()) {
    const c = t.domain?.checks.find((x) => x.oid === oid);
    if (c) return { domain: t.oid, name: c.name, namespace: t.namespace };
  }
  return undefined;
}

/** The relation and column of a pg_attrdef OID (fauxgres derives them from the column). */
function attrdefTarget(cat: Catalog, oid: number): { rel: RelationDef; attnum: number } | undefined {
  for (const rel of cat.relations.values()) {
    for (const c of rel.columns) if (!c.dropped && (c.default || c.generated) && attrdefOid(rel.oid, c.attnum) === oid) return { rel, attnum: c.attnum };
  }
  return undefined;
}

/** A trigger, policy or rule (a view's `_RETURN` rule, which is not stored, included) by address. */
function ruleLike(cat: Catalog, a: ObjectAddress): { readonly name: string; readonly relation: number } | undefined {
  if (a.classid === CLASS.pg_trigger) return cat.triggers.get(a.objid);
  if (a.classid === CLASS.pg_policy) return cat.policies.get(a.objid);
  const r = cat.rules.get(a.objid);
  if (r) return r;
  const view = cat.relations.get(a.objid - VIEW_RULE_BASE);
  return view && (view.kind === 'v' || view.kind === 'm') ? { name: '_RETURN', relation: view.oid } : undefined;
}

/** A view's `_RETURN` rule as an inventory record: one per view record, so an unchanged view's is unchanged. */
const returnRules = new WeakMap<RelationDef, { readonly name: string; readonly relation: number }>();
function returnRule(rel: RelationDef): { readonly name: string; readonly relation: number } {
  let r = returnRules.get(rel);
  if (!r) returnRules.set(rel, (r = { name: '_RETURN', relation: rel.oid }));
  return r;
}

/** pg_identify_object / getObjectIdentityParts; undefined when no such object exists. */
export function identifyObject(cat: Catalog, a: ObjectAddress): ObjectIdentity | undefined {
  switch (a.classid) {
    case CLASS.pg_class: {
      const rel = cat.relations.get(a.objid);
      if (rel) return relationIdentity(cat, rel, a.subid);
      const sys = systemRelationByOid(a.objid);
      if (!sys) return undefined;
      const word = sys.kind === 'v' ? 'view' : 'table';
      if (a.subid === 0) return { type: word, schema: sys.schema, name: sys.name, identity: `${sys.schema}.${q(sys.name)}`, names: [sys.schema, sys.name], args: [] };
      const col = sys.columns[a.subid - 1];
      return col && { type: `${word} column`, schema: sys.schema, name: sys.name, identity: `${sys.schema}.${q(sys.name)}.${q(col.name)}`, names: [sys.schema, sys.name, col.name], args: [] };
    }
    case CLASS.pg_type: {
      const u = cat.types.get(a.objid);
      const b = builtinFacts.get(a.objid);
      if (!u && !b) return undefined;
      const ident = qualifiedTypeName(cat, a.objid);
      const ns = u ? u.namespace : 11;
      return { type: 'type', schema: schemaDisplayName(cat, ns), name: u ? u.name : (b as readonly unknown[])[1] as string, identity: ident, names: [ident], args: [], namespace: ns };
    }
    case CLASS.pg_proc: {
      const f = cat.functions.get(a.objid);
      if (!f) return undefined;
      const schema = schemaDisplayName(cat, f.namespace);
      const args = f.argTypes.map((t) => qualifiedTypeName(cat, t));
      const type = f.kind === 'p' ? 'procedure' : f.kind === 'a' ? 'aggregate' : 'function';
      return { type, schema, name: null, identity: `${qualified(cat, f.namespace, f.name)}(${args.join(',')})`, names: [schema, f.name], args, namespace: f.namespace };
    }
    case CLASS.pg_namespace: {
      const ns = cat.namespaces.get(a.objid);
      return ns && { type: 'schema', schema: null, name: ns.name, identity: q(ns.name), names: [ns.name], args: [] };
    }
    case CLASS.pg_constraint: {
      const c = constraintOf(cat, a.objid);
      if (!c) return undefined;
      if (c.con) {
        const rel = cat.relations.get(c.con.relation);
        if (!rel) return undefined;
        const schema = schemaDisplayName(cat, rel.namespace);
        return { type: 'table constraint', schema, name: null, identity: `${q(c.name)} on ${qualified(cat, rel.namespace, rel.name)}`, names: [schema, rel.name, c.name], args: [], namespace: c.namespace };
      }
      const dom = qualifiedTypeName(cat, c.domain as number);
      return { type: 'domain constraint', schema: schemaDisplayName(cat, c.namespace), name: null, identity: `${q(c.name)} on ${dom}`, names: [dom], args: [c.name], namespace: c.namespace };
    }
    case CLASS.pg_attrdef: {
      const t = attrdefTarget(cat, a.objid);
      if (!t) return undefined;
      const col = t.rel.columns.find((c) => c.attnum === t.attnum)!;
      const schema = schemaDisplayName(cat, t.rel.namespace);
      return { type: 'default value', schema: null, name: null, identity: `for ${qualified(cat, t.rel.namespace, t.rel.name)}.${q(col.name)}`, names: [schema, t.rel.name, col.name], args: [], namespace: t.rel.namespace };
    }
    case CLASS.pg_trigger:
    case CLASS.pg_policy:
    case CLASS.pg_rewrite: {
      const o = ruleLike(cat, a);
      const rel = o && cat.relations.get(o.relation);
      if (!o || !rel) return undefined;
      const schema = schemaDisplayName(cat, rel.namespace);
      const type = a.classid === CLASS.pg_trigger ? 'trigger' : a.classid === CLASS.pg_policy ? 'policy' : 'rule';
      return { type, schema: null, name: null, identity: `${q(o.name)} on ${qualified(cat, rel.namespace, rel.name)}`, names: [schema, rel.name, o.name], args: [], namespace: rel.namespace };
    }
    case CLASS.pg_extension: {
      const e = [...cat.extensions.values()].find((x) => x.oid === a.objid);
      return e && { type: 'extension', schema: null, name: e.name, identity: q(e.name), names: [e.name], args: [] };
    }
    case CLASS.pg_event_trigger: {
      const t = cat.eventTriggers.get(a.objid);
      return t && { type: 'event trigger', schema: null, name: t.name, identity: q(t.name), names: [t.name], args: [] };
    }
    case CLASS.pg_publication: {
      const p = cat.publications.get(a.objid);
      return p && { type: 'publication', schema: null, name: p.name, identity: q(p.name), names: [p.name], args: [] };
    }
    case CLASS.pg_authid: {
      const r = [...cat.roles.values()].find((x) => roleOid(x.name) === a.objid);
      return r && { type: 'role', schema: null, name: r.name, identity: q(r.name), names: [r.name], args: [] };
    }
    case CLASS.pg_collation:
    case CLASS.pg_statistic_ext: {
      const o = a.classid === CLASS.pg_collation ? cat.collations.get(a.objid) : cat.statistics.get(a.objid);
      if (!o) return undefined;
      const schema = schemaDisplayName(cat, o.namespace);
      return { type: a.classid === CLASS.pg_collation ? 'collation' : 'statistics object', schema, name: o.name, identity: qualified(cat, o.namespace, o.name), names: [schema, o.name], args: [], namespace: o.namespace };
    }
    default:
      return undefined;
  }
}

/** pg_describe_object / getObjectDescription: names qualified only when the search path does not find them. */
export function describeObject(cat: Catalog, searchPath: readonly string[], a: ObjectAddress): string | undefined {
  const relName = (rel: RelationDef) => (relationIsVisible(cat, searchPath, rel.namespace, rel.name) ? q(rel.name) : qualified(cat, rel.namespace, rel.name));
  const relWord = (rel: RelationDef) => RELKIND_WORD[rel.kind] ?? 'table';
  const inPath = (ns: number) => searchPath.includes(cat.namespaceName(ns)) || ns === 11;
  switch (a.classid) {
    case CLASS.pg_class: {
      const rel = cat.relations.get(a.objid);
      if (!rel) {
        const sys = systemRelationByOid(a.objid);
        if (!sys) return undefined;
        const word = sys.kind === 'v' ? 'view' : 'table';
        const name = relationIsVisible(cat, searchPath, sys.namespace, sys.name) ? q(sys.name) : `${sys.schema}.${q(sys.name)}`;
        if (a.subid === 0) return `${word} ${name}`;
        const col = sys.columns[a.subid - 1];
        return col && `column ${col.name} of ${word} ${name}`;
      }
      if (a.subid === 0) return `${relWord(rel)} ${relName(rel)}`;
      const col = rel.columns.find((c) => c.attnum === a.subid && !c.dropped);
      return col && `column ${col.name} of ${relWord(rel)} ${relName(rel)}`;
    }
    case CLASS.pg_type:
      if (!cat.types.has(a.objid) && !builtinFacts.has(a.objid)) return undefined;
      return `type ${formatTypeName(cat, searchPath, a.objid, null)}`;
    case CLASS.pg_proc: {
      const f = cat.functions.get(a.objid);
      if (!f) return undefined;
      const name = inPath(f.namespace) ? q(f.name) : qualified(cat, f.namespace, f.name);
      // (getObjectDescription says "function" for procedures and aggregates too)
      return `function ${name}(${f.argTypes.map((t) => formatTypeName(cat, searchPath, t, null)).join(',')})`;
    }
    case CLASS.pg_constraint: {
      const c = constraintOf(cat, a.objid);
      if (!c) return undefined;
      if (c.con) {
        const rel = cat.relations.get(c.con.relation);
        return rel && `constraint ${c.name} on ${relWord(rel)} ${relName(rel)}`;
      }
      return `constraint ${c.name} on domain ${formatTypeName(cat, searchPath, c.domain as number, null)}`;
    }
    case CLASS.pg_attrdef: {
      const t = attrdefTarget(cat, a.objid);
      if (!t) return undefined;
      const col = t.rel.columns.find((c) => c.attnum === t.attnum)!;
      return `default value for column ${col.name} of ${relWord(t.rel)} ${relName(t.rel)}`;
    }
    case CLASS.pg_trigger:
    case CLASS.pg_policy:
    case CLASS.pg_rewrite: {
      const o = ruleLike(cat, a);
      const rel = o && cat.relations.get(o.relation);
      if (!o || !rel) return undefined;
      const word = a.classid === CLASS.pg_trigger ? 'trigger' : a.classid === CLASS.pg_policy ? 'policy' : 'rule';
      return `${word} ${o.name} on ${relWord(rel)} ${relName(rel)}`;
    }
    default: {
      const id = identifyObject(cat, a);
      if (!id) return undefined;
      if (id.namespace !== undefined && id.name !== null) return `${id.type} ${inPath(id.namespace) ? q(id.name) : qualified(cat, id.namespace, id.name)}`;
      return `${id.type} ${id.identity}`;
    }
  }
}

/** `classid.objid.subid`: the key of an object in an inventory. */
export const addressKey = (classid: number, objid: number, subid = 0): string => `${classid}.${objid}.${subid}`;

/** One addressable object of a catalog version and the record it is stored as (replaced on change). */
export interface InventoryEntry {
  readonly address: ObjectAddress;
  readonly record: unknown;
  /**
   * The object this one is part of (auto / internal dependency): a column's, default's,
   * constraint's, index's, trigger's, policy's or rule's table, a row type's relation, an array
   * type's element type, an owned sequence's table, an index's constraint. Undefined for
   * objects that stand alone.
   */
  readonly owner?: ObjectAddress;
}

const relAddr = (oid: number): ObjectAddress => ({ classid: CLASS.pg_class, objid: oid, subid: 0 });

/**
 * Every object of the catalog that event triggers report, keyed by address: relations and their
 * columns, defaults, constraints, types, functions, schemas, triggers, policies, rules, extensions,
 * publications, collations and statistics objects. Built only while event triggers exist.
 */
export function catalogInventory(cat: Catalog): Map<string, InventoryEntry> {
  const out = new Map<string, InventoryEntry>();
  const put = (classid: number, objid: number, subid: number, record: unknown, owner?: ObjectAddress) =>
    out.set(addressKey(classid, objid, subid), { address: { classid, objid, subid }, record, owner });
  const constraintOfIndex = new Map<number, number>();
  for (const c of cat.constraints.values()) if (c.index !== undefined) constraintOfIndex.set(c.index, c.oid);
  for (const ns of cat.namespaces.values()) put(CLASS.pg_namespace, ns.oid, 0, ns);
  for (const rel of cat.relations.values()) {
    let owner: ObjectAddress | undefined;
    if (rel.kind === 'i' && rel.index) {
      const con = constraintOfIndex.get(rel.oid);
      owner = con !== undefined ? { classid: CLASS.pg_constraint, objid: con, subid: 0 } : relAddr(rel.index.relation);
    } else if (rel.kind === 'S' && rel.sequence?.ownedBy) owner = relAddr(rel.sequence.ownedBy.relation);
    put(CLASS.pg_class, rel.oid, 0, rel, owner);
    for (const c of rel.columns) {
      if (c.dropped) continue;
      put(CLASS.pg_class, rel.oid, c.attnum, c, relAddr(rel.oid));
      if (c.default || c.generated) put(CLASS.pg_attrdef, attrdefOid(rel.oid, c.attnum), 0, c.default ?? c.generated, relAddr(rel.oid));
    }
    if (rel.kind === 'v' || rel.kind === 'm') put(CLASS.pg_rewrite, VIEW_RULE_BASE + rel.oid, 0, returnRule(rel), relAddr(rel.oid));
  }
  for (const c of cat.constraints.values()) put(CLASS.pg_constraint, c.oid, 0, c, relAddr(c.relation));
  for (const t of cat.types.values()) {
    const owner = t.relation !== undefined ? relAddr(t.relation) : t.elementType !== undefined ? { classid: CLASS.pg_type, objid: t.elementType, subid: 0 } : undefined;
    put(CLASS.pg_type, t.oid, 0, t, owner);
    for (const c of t.domain?.checks ?? []) put(CLASS.pg_constraint, c.oid, 0, c, { classid: CLASS.pg_type, objid: t.oid, subid: 0 });
  }
  for (const f of cat.functions.values()) put(CLASS.pg_proc, f.oid, 0, f);
  for (const t of cat.triggers.values()) put(CLASS.pg_trigger, t.oid, 0, t, relAddr(t.relation));
  for (const p of cat.policies.values()) put(CLASS.pg_policy, p.oid, 0, p, relAddr(p.relation));
  for (const r of cat.rules.values()) put(CLASS.pg_rewrite, r.oid, 0, r, relAddr(r.relation));
  for (const e of cat.extensions.values()) put(CLASS.pg_extension, e.oid, 0, e);
  for (const p of cat.publications.values()) put(CLASS.pg_publication, p.oid, 0, p);
  for (const c of cat.collations.values()) put(CLASS.pg_collation, c.oid, 0, c);
  for (const s of cat.statistics.values()) put(CLASS.pg_statistic_ext, s.oid, 0, s, relAddr(s.relation));
  return out;
}
