/**
 * CREATE EXTENSION / DROP EXTENSION for the extensions fauxgres emulates (pgcrypto, uuid-ossp, pg_trgm,
 * unaccent, fuzzystrmatch, moddatetime, btree_gin, pg_stat_statements,
 * citext, hstore, btree_gist); any other extension is 0A000 rather than a silent no-op.
 * Postgres counterpart: src/backend/commands/extension.c.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { creationNamespace, lookupRelation } from '../analyze/relation.js';
import { lookupTypeName } from '../analyze/type-name.js';
import { CITEXT_ARRAY_OID, CITEXT_OID } from '../types/citext.js';
import { HSTORE_ARRAY_OID, HSTORE_OID } from '../types/hstore.js';
import { baseTypeOf, typeInfo } from '../types/registry.js';
import { opclassDependents } from './extension-opclasses.js';
import { functionDependents } from './extension-deps.js';
import { moddatetimeFunction } from '../functions/moddatetime.js';
import { pgStatStatementsViews } from '../functions/pg-stat-statements.js';
import { extensionDictionaries } from '../tsearch/ts-config.js';
import type { Catalog } from '../catalog/catalog.js';

type AnyNode = Record<string, any>;

/** Extensions with the version the oracle ships. */
export const SUPPORTED_EXTENSIONS: Record<string, string> = { pgcrypto: '1.4', 'uuid-ossp': '1.1', citext: '1.8', plpgsql: '1.0', btree_gist: '1.8', pg_trgm: '1.6', unaccent: '1.1', fuzzystrmatch: '1.2', moddatetime: '1.0', pg_stat_statements: '1.12', btree_gin: '1.3', hstore: '1.8' };

/** Extensions that bring a base type (on fixed OIDs): the type, its array type, the built-in I/O behind it. */
const EXTENSION_TYPES: Record<string, { name: string; oid: number; arrayOid: number; baseIO: 'citext' | 'hstore' }> = {
  citext: { name: 'citext', oid: CITEXT_OID, arrayOid: CITEXT_ARRAY_OID, baseIO: 'citext' },
  hstore: { name: 'hstore', oid: HSTORE_OID, arrayOid: HSTORE_ARRAY_OID, baseIO: 'hstore' },
};

/** The shared library an extension's C functions load (its custom settings appear with it). */
const EXTENSION_LIBRARY: Record<string, string> = { pg_trgm: 'pg_trgm' };

/** Extensions shipped with Postgres (contrib) that fauxgres does not emulate: 0A000. */
const CONTRIB_EXTENSIONS = new Set([
  'btree_gin', 'hstore', 'pg_trgm', 'unaccent', 'fuzzystrmatch', 'ltree', 'intarray', 'cube',
  'earthdistance', 'tablefunc', 'pg_stat_statements', 'pgrowlocks', 'isn', 'lo', 'seg', 'tsm_system_rows',
  'tsm_system_time', 'dblink', 'postgres_fdw', 'file_fdw', 'amcheck', 'bloom', 'pgstattuple', 'pg_buffercache',
  'pg_prewarm', 'sslinfo', 'xml2', 'dict_int', 'dict_xsyn', 'intagg', 'pageinspect', 'pg_freespacemap',
  'pg_surgery', 'pg_visibility', 'pg_walinspect', 'postgres_fdw', 'refint', 'tcn', 'autoinc', 'insert_username',
  'moddatetime', 'old_snapshot', 'pg_logicalinspect',
]);

export function createExtension(session: Session, n: AnyNode): StatementResult {
  const name = n.extname as string;
  const txn = session.transaction();
  if (txn.catalog.extensions.has(name)) {
    if (n.if_not_exists) {
      session.notice(new PgError(SQLSTATE.duplicate_object, `extension "${name}" already exists, skipping`, { severity: 'NOTICE' }));
      return commandResult('CREATE EXTENSION');
    }
    throw new PgError(SQLSTATE.duplicate_object, `extension "${name}" already exists`);
  }
  if (!(name in SUPPORTED_EXTENSIONS) && CONTRIB_EXTENSIONS.has(name)) {
    throw featureNotSupported(`extension "${name}"`);
  }
  if (!(name in SUPPORTED_EXTENSIONS)) {
    // Postgres's own answer for an extension that is not installed (also 0A000).
    throw new PgError(SQLSTATE.feature_not_supported, `extension "${name}" is not available`, {
      hint: 'The extension must first be installed on the system where PostgreSQL is running.',
    });
  }
  let schema: string | undefined;
  for (const o of (n.options ?? []) as AnyNode[]) {
    const d = o.DefElem;
    if (d.defname === 'schema') schema = d.arg.String.sval;
    else if (d.defname !== 'cascade') throw featureNotSupported(`CREATE EXTENSION option ${d.defname}`);
  }
  const cat = txn.catalogForWrite();
  const ns = creationNamespace(cat, session.searchPath(), { schema, name });
  cat.extensions.set(name, { oid: session.db.newOid(), name, namespace: ns, version: SUPPORTED_EXTENSIONS[name] });
  if (EXTENSION_LIBRARY[name]) session.loadLibrary(EXTENSION_LIBRARY[name]);
  if (name === 'pg_stat_statements') {
    const q = `"${cat.namespaceName(ns).replace(/"/g, '""')}"`;
    for (const v of ['pg_stat_statements', 'pg_stat_statements_info']) {
      if (cat.relationIn(ns, v)) throw new PgError(SQLSTATE.duplicate_table, `relation "${v}" already exists`);
    }
    session.runInternal(pgStatStatementsViews(q));
  }
  if (name === 'moddatetime') {
    const existing = cat.functionsIn(ns, 'moddatetime').find((f) => f.argTypes.length === 0);
    if (existing) throw new PgError(SQLSTATE.duplicate_function, `function "moddatetime" already exists with same argument types`);
    cat.putFunction(moddatetimeFunction(session.db.newOid(), ns, session.currentUser()));
  }
  const et = EXTENSION_TYPES[name];
  if (et) {
    if (cat.typeIn(ns, et.name)) throw new PgError(SQLSTATE.duplicate_object, `type "${et.name}" already exists`);
    cat.putType({ oid: et.oid, name: et.name, namespace: ns, kind: 'b', owner: session.currentUser(), arrayType: et.arrayOid, baseIO: et.baseIO });
    cat.putType({ oid: et.arrayOid, name: `_${et.name}`, namespace: ns, kind: 'b', owner: session.currentUser(), elementType: et.oid });
  }
  return commandResult('CREATE EXTENSION');
}

export function dropExtension(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  for (const o of n.objects as AnyNode[]) {
    const name = o.String.sval as string;
    if (!txn.catalog.extensions.has(name)) {
      if (n.missing_ok) {
        session.notice(new PgError(SQLSTATE.successful_completion, `extension "${name}" does not exist, skipping`, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_object, `extension "${name}" does not exist`);
    }
    const et = EXTENSION_TYPES[name];
    if (et) {
      const cat = txn.catalog;
      const sp = session.searchPath();
      const relName = (oid: number) => {
        const r = cat.relation(oid);
        return lookupRelation(cat, sp, { name: r.name })?.oid === oid ? r.name : `${cat.namespaceName(r.namespace)}.${r.name}`;
      };
      const typName = (oid: number) => {
        const t = cat.types.get(oid)!;
        return lookupTypeName(cat, sp, [t.name]) === oid ? t.name : `${cat.namespaceName(t.namespace)}.${t.name}`;
      };
      // Dependents in discovery order: columns of the type, domains over it, their columns.
      const lines: string[] = [];
      const visit = (typeOid: number) => {
        const t = cat.types.get(typeOid)!;
        for (const r of cat.relations.values()) {
          if (r.kind !== 'r') continue;
          for (const c of r.columns) if (!c.dropped && (c.type === typeOid || c.type === t.arrayType)) lines.push(`column ${c.name} of table ${relName(r.oid)} depends on type ${typName(typeOid)}`);
        }
        for (const d of cat.types.values()) {
          if (d.kind === 'd' && d.domain?.baseType === typeOid) {
            lines.push(`type ${typName(d.oid)} depends on type ${typName(typeOid)}`);
            visit(d.oid);
          }
        }
      };
      if (cat.types.has(et.oid)) visit(et.oid);
      // (indexes using the extension's operator classes go with the columns listed above)
      if (!lines.length) lines.push(...opclassDependents(cat, name));
      refuseDependents(name, lines, n.behavior, `DROP EXTENSION ${name} CASCADE with dependent columns`);
      const w = txn.catalogForWrite();
      w.removeType(et.arrayOid);
      w.removeType(et.oid);
    }
    if (name === 'btree_gist') {
      // Gist indexes on scalar columns use btree_gist's operator classes.
      const cat = txn.catalog;
      // Postgres lists dependents per operator class, in the order btree_gist's script creates them.
      const ORDER = ['oid', 'int2', 'int4', 'int8', 'float4', 'float8', 'timestamp', 'timestamptz', 'time', 'date', 'interval', 'money', 'text', 'bpchar', 'bytea', 'numeric', 'inet', 'cidr', 'timetz', 'uuid', 'bool'];
      const found: { order: number; line: string }[] = [];
      for (const idx of [...cat.relations.values()].filter((r) => r.kind === 'i' && r.index?.method === 'gist').sort((a, b) => a.oid - b.oid)) {
        const info = idx.index!;
        const table = cat.relations.get(info.relation);
        if (!table) continue;
        const con = info.constraint !== undefined ? cat.constraints.get(info.constraint) : undefined;
        const seen = new Set<string>();
        for (const k of info.keys) {
          const type = k.attnum ? table.columns[k.attnum - 1].type : k.expr!.expr.type;
          const t = typeInfo(cat, baseTypeOf(cat, type));
          if (t.typtype === 'r') continue;
          const tn = t.name === 'varchar' ? 'text' : t.name;
          const opclass = `gist_${tn}_ops`;
          if (seen.has(opclass)) continue;
          seen.add(opclass);
          const who = con ? `constraint ${con.name} on table ${table.name}` : `index ${idx.name}`;
          found.push({ order: ORDER.indexOf(tn), line: `${who} depends on operator class ${opclass} for access method gist` });
        }
      }
      const lines = found.sort((a, b) => a.order - b.order).map((f) => f.line);
      refuseDependents(name, lines, n.behavior, 'DROP EXTENSION btree_gist CASCADE with dependent indexes');
    }
    if (name !== 'btree_gist' && !et) {
      const lines = [...opclassDependents(txn.catalog, name), ...dictionaryDependents(txn.catalog, session.searchPath(), name), ...functionDependents(txn.catalog, session.searchPath(), name)];
      refuseDependents(name, lines, n.behavior, `DROP EXTENSION ${name} CASCADE with dependent objects`);
    }
    if (name === 'pg_stat_statements') {
      const cat = txn.catalog;
      const ns = cat.extensions.get(name)!.namespace;
      const q = `"${cat.namespaceName(ns).replace(/"/g, '""')}"`;
      const views = ['pg_stat_statements', 'pg_stat_statements_info'].filter((v) => cat.relationIn(ns, v));
      if (views.length) {
        try {
          session.runInternal(`DROP VIEW ${views.map((v) => `${q}.${v}`).join(', ')}`);
        } catch (e) {
          if (e instanceof PgError && e.code === SQLSTATE.dependent_objects_still_exist) throw featureNotSupported('DROP EXTENSION pg_stat_statements with objects depending on its views');
          throw e;
        }
      }
    }
    if (name === 'moddatetime') {
      const cat = txn.catalog;
      const ext = cat.extensions.get(name)!;
      const fn = cat.functionsIn(ext.namespace, 'moddatetime').find((f) => f.argTypes.length === 0);
      if (fn) {
        const ns = cat.namespaceName(ext.namespace);
        const sig = `${session.searchPath().includes(ns) ? '' : `${ns}.`}moddatetime()`;
        const lines = [...cat.triggers.values()].filter((t) => t.function === fn.oid).sort((a, b) => a.oid - b.oid)
          .map((t) => `trigger ${t.name} on table ${cat.relation(t.relation).name} depends on function ${sig}`);
        refuseDependents(name, lines, n.behavior, 'DROP EXTENSION moddatetime CASCADE with dependent triggers');
        txn.catalogForWrite().removeFunction(fn.oid);
      }
    }
    txn.catalogForWrite().extensions.delete(name);
  }
  return commandResult('DROP EXTENSION');
}

/** Text search configurations mapping tokens to a dictionary the extension installed. */
function dictionaryDependents(cat: Catalog, searchPath: readonly string[], name: string): string[] {
  const lines: string[] = [];
  for (const { dict, ext } of extensionDictionaries(cat)) {
    if (ext.extension !== name) continue;
    for (const c of [...cat.tsConfigs.values()].sort((a, b) => a.oid - b.oid)) {
      if (![...c.map.values()].some((ds) => ds.includes(dict.oid))) continue;
      const ns = cat.namespaceName(c.namespace);
      lines.push(`text search configuration ${searchPath.includes(ns) ? c.name : `${ns}.${c.name}`} depends on text search dictionary ${dict.name}`);
    }
  }
  return lines;
}

/**
 * DROP EXTENSION with objects depending on it: Postgres's 2BP01 listing them, or, under CASCADE,
 * 0A000 naming `cascadeWhat` (dropping the dependents is not emulated).
 */
function refuseDependents(name: string, lines: readonly string[], behavior: string | undefined, cascadeWhat: string): void {
  if (!lines.length) return;
  if (behavior !== 'DROP_CASCADE') {
    throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop extension ${name} because other objects depend on it`, {
      detail: lines.join('\n'),
      hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
    });
  }
  throw featureNotSupported(cascadeWhat);
}
