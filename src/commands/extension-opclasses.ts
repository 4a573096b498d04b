/**
 * Operator classes extensions install (pg_trgm's gin_trgm_ops / gist_trgm_ops, ...): found by
 * name through the search path once the extension exists, checked against the key's type, kept
 * on the index key so pg_get_indexdef prints them and DROP EXTENSION sees the dependency.
 * The planner does not use them (results are the same with or without the index).
 * Postgres counterpart: src/backend/commands/indexcmds.c (ResolveOpClass), the extensions'
 * CREATE OPERATOR CLASS statements.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { IndexKey } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { baseTypeOf } from '../types/registry.js';
import { formatType } from '../types/registry.js';

type AnyNode = Record<string, any>;

export interface ExtensionOpclass {
  readonly name: string;
  readonly method: string;
  readonly extension: string;
  /** Input types accepted (after domains; binary-coercible varchar counts as text). */
  readonly types: ReadonlySet<number>;
  /** The type's default class for the method. */
  readonly isDefault?: boolean;
  /** An integer `siglen` option with this range (GiST signature length). */
  readonly siglen?: readonly [number, number];
}

const TEXTLIKE = new Set<number>([OID.text, OID.varchar]);

/** In the order the extensions' scripts create them (DROP EXTENSION lists dependents in it). */
export const EXTENSION_OPCLASSES: ExtensionOpclass[] = [
  { name: 'gist_trgm_ops', method: 'gist', extension: 'pg_trgm', types: TEXTLIKE, siglen: [1, 2024] },
  { name: 'gin_trgm_ops', method: 'gin', extension: 'pg_trgm', types: TEXTLIKE },
  // btree_gin: a default gin class for each scalar type (1.0, then 1.1 macaddr8, 1.3 uuid, name, bool, bpchar).
  ...([
    ['int2_ops', OID.int2], ['int4_ops', OID.int4], ['int8_ops', OID.int8], ['float4_ops', OID.float4], ['float8_ops', OID.float8],
    ['money_ops', OID.money], ['oid_ops', OID.oid], ['timestamp_ops', OID.timestamp], ['timestamptz_ops', OID.timestamptz],
    ['time_ops', OID.time], ['timetz_ops', OID.timetz], ['date_ops', OID.date], ['interval_ops', OID.interval],
    ['macaddr_ops', OID.macaddr], ['inet_ops', OID.inet], ['cidr_ops', OID.cidr], ['text_ops', OID.text], ['varchar_ops', OID.varchar],
    ['char_ops', OID.char], ['bytea_ops', OID.bytea], ['bit_ops', OID.bit], ['varbit_ops', OID.varbit], ['numeric_ops', OID.numeric], ['macaddr8_ops', OID.macaddr8],
    ['uuid_ops', OID.uuid], ['name_ops', OID.name], ['bool_ops', OID.bool], ['bpchar_ops', OID.bpchar],
  ] as const).map(([name, type]): ExtensionOpclass => ({ name, method: 'gin', extension: 'btree_gin', types: new Set([type]), isDefault: true })),
];

/** Adds operator classes (other extension modules call this). */
export function registerExtensionOpclasses(list: readonly ExtensionOpclass[]): void {
  EXTENSION_OPCLASSES.push(...list);
}

/** The default operator class an installed extension gives `type` for `method`, if any. */
export function extensionDefaultOpclass(cat: Catalog, method: string, type: number): ExtensionOpclass | undefined {
  if (cat.extensions.size === 0) return undefined;
  const base = baseTypeOf(cat, type);
  return EXTENSION_OPCLASSES.find((o) => o.isDefault && o.method === method && cat.extensions.has(o.extension) && (o.types.has(type) || o.types.has(base)));
}

/**
 * Resolves `col opclass [(options)]` of CREATE INDEX for an extension's operator class: the
 * key's opclass fields, or undefined when no installed extension has a class of that name.
 * @throws 42804 when the class does not accept the key's type; 22023 for a bad option.
 */
export function resolveExtensionOpclass(cat: Catalog, searchPath: readonly string[], method: string, names: readonly string[], type: number, options: AnyNode[] | undefined): Pick<IndexKey, 'opclass' | 'opclassExtension' | 'opclassOptions' | 'opclassDefault'> | undefined {
  const name = names[names.length - 1];
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  const oc = EXTENSION_OPCLASSES.find((o) => {
    if (o.name !== name || o.method !== method) return false;
    const ext = cat.extensions.get(o.extension);
    if (!ext) return false;
    const ns = cat.namespaceName(ext.namespace);
    return schema !== undefined ? schema === ns : searchPath.includes(ns) || ns === 'pg_catalog';
  });
  if (!oc) return undefined;
  const base = baseTypeOf(cat, type);
  if (!oc.types.has(base) && !oc.types.has(type)) {
    throw new PgError(SQLSTATE.datatype_mismatch, `operator class "${names.join('.')}" does not accept data type ${formatType(cat, type)}`);
  }
  let opclassOptions: string | undefined;
  if (options?.length) {
    const parts: string[] = [];
    for (const o of options) {
      const d = o.DefElem;
      if (!oc.siglen || d.defname !== 'siglen') throw new PgError(SQLSTATE.invalid_parameter_value, `unrecognized parameter "${d.defname}"`);
      const raw = d.arg?.Integer ? String(d.arg.Integer.ival ?? 0) : (d.arg?.String?.sval ?? d.arg?.Float?.fval ?? '');
      const v = Number(raw);
      if (!/^\s*[-+]?\d+\s*$/.test(raw)) throw new PgError(SQLSTATE.invalid_parameter_value, `invalid value for integer option "siglen": ${raw}`);
      if (v < oc.siglen[0] || v > oc.siglen[1]) {
        throw new PgError(SQLSTATE.invalid_parameter_value, `value ${raw} out of bounds for option "siglen"`, { detail: `Valid values are between "${oc.siglen[0]}" and "${oc.siglen[1]}".` });
      }
      parts.push(`siglen='${raw}'`);
    }
    opclassOptions = parts.join(', ');
  }
  return { opclass: oc.name, opclassExtension: oc.extension, opclassOptions, opclassDefault: oc.isDefault && oc.types.has(type) ? true : undefined };
}

/** The key fields of a key with no operator class named that gets an extension's default class. */
export function defaultExtensionOpclass(cat: Catalog, method: string, type: number): Pick<IndexKey, 'opclass' | 'opclassExtension' | 'opclassDefault'> | undefined {
  const oc = extensionDefaultOpclass(cat, method, type);
  return oc ? { opclass: oc.name, opclassExtension: oc.extension, opclassDefault: true } : undefined;
}

/** The operator class of an extension key as pg_get_indexdef prints it (qualified unless visible). */
export function extensionOpclassText(cat: Catalog, searchPath: readonly string[], k: IndexKey): string {
  const ext = cat.extensions.get(k.opclassExtension!);
  const ns = ext ? cat.namespaceName(ext.namespace) : 'public';
  const visible = ns === 'pg_catalog' || searchPath.includes(ns);
  const ident = (s: string) => (/^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);
  let s = visible ? k.opclass! : `${ident(ns)}.${k.opclass}`;
  if (k.opclassOptions) s += ` (${k.opclassOptions})`;
  return s;
}

/**
 * DROP EXTENSION's dependents through operator classes: `index i depends on operator class c for
 * access method m` lines, in the classes' creation order, then by index.
 */
export function opclassDependents(cat: Catalog, extension: string): string[] {
  const found: { order: number; oid: number; line: string }[] = [];
  for (const idx of cat.relations.values()) {
    if (idx.kind !== 'i' || !idx.index) continue;
    const seen = new Set<string>();
    const classes = new Set(idx.index.keys.filter((k) => k.opclassExtension === extension).map((k) => k.opclass));
    // Postgres names such an index once, through one of its classes (which one follows its
    // dependency walk, not emulated here).
    if (classes.size > 1) throw featureNotSupported(`DROP EXTENSION ${extension} with an index using several of its operator classes`);
    for (const k of idx.index.keys) {
      if (k.opclassExtension !== extension || seen.has(k.opclass!)) continue;
      seen.add(k.opclass!);
      const order = EXTENSION_OPCLASSES.findIndex((o) => o.name === k.opclass && o.extension === extension);
      found.push({ order, oid: idx.oid, line: `index ${idx.name} depends on operator class ${k.opclass} for access method ${idx.index.method}` });
    }
  }
  return found.sort((a, b) => a.order - b.order || a.oid - b.oid).map((f) => f.line);
}
