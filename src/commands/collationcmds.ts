/**
 * CREATE COLLATION (provider icu / libc / builtin, locale, lc_collate / lc_ctype, deterministic,
 * FROM an existing collation), ALTER COLLATION (RENAME, OWNER TO, SET SCHEMA, REFRESH VERSION)
 * and DROP COLLATION. The collation is stored in the catalog (pg_collation) and registered with
 * its comparator under its name (types/collation.ts), which is what expressions carry.
 *
 * Postgres counterpart: src/backend/commands/collationcmds.c (DefineCollation, AlterCollation,
 * IsThereCollationInNamespace), catalog/pg_collation.c (CollationCreate).
 * Known gaps: ICU tailoring rules and the keywords Intl.Collator cannot express (kb, kr, kv) are
 * 0A000; libc collations only for the C locales (the oracle's server has no others); DROP
 * COLLATION ... CASCADE of a collation in use is 0A000.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CollationDef } from '../catalog/objects.js';
import { checkOwner } from '../catalog/acl.js';
import { resolveRoleSpec } from '../catalog/system/common.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { quoteIdent } from '../functions/builtins/quote.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { icuLanguageTag, intlCollatorSettings, isKnownIcuLanguage, tagLanguage } from '../types/icu-locale.js';
import { BUILTIN_COLLATIONS, builtinCollation, collationDependents, lookupCollation, registerCollationDef, userCollationIn } from '../catalog/collation-lookup.js';

type AnyNode = Record<string, any>;

/** pg_collation's OID (the classoid of comments on collations). */
export const PG_COLLATION = 3456;

const ATTRS = new Set(['from', 'locale', 'lc_collate', 'lc_ctype', 'provider', 'deterministic', 'rules', 'version']);
const LIBC_LOCALES = new Set(['C', 'POSIX', 'C.utf8', 'C.UTF-8']);
const BUILTIN_LOCALES: Record<string, number> = { C: -1, 'C.UTF-8': 6, PG_UNICODE_FAST: 6 };
/** builtin_validate_locale's other spelling of C.UTF-8. */
const BUILTIN_ALIASES: Record<string, string> = { 'C.UTF8': 'C.UTF-8' };

function names(list: AnyNode[] | undefined): string[] {
  return (list ?? []).map((x) => x.String.sval as string);
}

function defString(el: AnyNode): string {
  const a = el.arg;
  if (a === undefined) return '';
  if (a.String) return a.String.sval as string;
  if (a.TypeName) return names(a.TypeName.names).join('.');
  if (a.Integer) return String(a.Integer.ival ?? 0);
  if (a.Boolean) return a.Boolean.boolval ? 'true' : 'false';
  return '';
}

function defBoolean(el: AnyNode): boolean {
  if (el.arg === undefined) return true;
  const v = defString(el).toLowerCase();
  if (['true', 'on', '1', 't', 'yes', 'y'].includes(v)) return true;
  if (['false', 'off', '0', 'f', 'no', 'n'].includes(v)) return false;
  throw new PgError(SQLSTATE.syntax_error, `${el.defname} requires a Boolean value`);
}

/** The ICU collator version Postgres records (tailored locales carry the tailoring's version). */
function icuVersion(tag: string): string {
  const lang = tagLanguage(tag);
  return lang === 'und' || (lang === 'en' && !tag.includes('-va-')) || !isKnownIcuLanguage(lang) ? '153.80' : '153.80.32.1';
}

/** The schema a qualified collation name goes into (the first schema of the search path otherwise). */
function targetNamespace(session: Session, cat: Catalog, parts: string[]): number {
  if (parts.length > 1) {
    const s = parts[parts.length - 2];
    const ns = cat.namespaceOid(s);
    if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${s}" does not exist`);
    return ns;
  }
  for (const s of session.searchPath()) {
    const ns = cat.namespaceOid(s);
    if (ns !== undefined) return ns;
  }
  throw new PgError(SQLSTATE.invalid_schema_name, 'no schema has been selected to create in');
}

/** CREATE COLLATION [IF NOT EXISTS] name (options) | FROM existing. */
export function defineCollation(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const cat0 = session.catalog();
  const parts = names(n.defnames);
  const name = parts[parts.length - 1];
  const ns = targetNamespace(session, cat0, parts);
  const els: Record<string, AnyNode> = {};
  for (const d of (n.definition ?? []) as AnyNode[]) {
    const el = d.DefElem as AnyNode;
    if (!ATTRS.has(el.defname)) {
      throw new PgError(SQLSTATE.syntax_error, `collation attribute "${el.defname}" not recognized`, { position: el.location !== undefined ? String(el.location + 1) : undefined });
    }
    if (els[el.defname]) throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options', { position: el.location !== undefined ? String(el.location + 1) : undefined });
    els[el.defname] = el;
  }
  if (els.locale && (els.lc_collate || els.lc_ctype)) {
    throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options', { detail: 'LOCALE cannot be specified together with LC_COLLATE or LC_CTYPE.' });
  }
  if (els.from && Object.keys(els).length !== 1) {
    throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options', { detail: 'FROM cannot be specified together with any other options.' });
  }
  let def: Omit<CollationDef, 'oid' | 'name' | 'namespace' | 'owner'>;
  if (els.from) {
    const from = (els.from.arg.List?.items ?? []) as AnyNode[];
    const fromParts = names(from);
    const src = lookupCollation(cat0, session.searchPath(), fromParts);
    if (src === undefined) throw new PgError(SQLSTATE.undefined_object, `collation "${fromParts.join('.')}" for encoding "UTF8" does not exist`);
    if (typeof src === 'string') {
      const b = builtinCollation(src);
      if (b.provider === 'd') throw new PgError(SQLSTATE.invalid_object_definition, 'collation "default" cannot be copied');
      def = { provider: b.provider, deterministic: true, encoding: b.encoding, collate: b.collate, ctype: b.collate, locale: b.locale, icuRules: null, version: b.version };
    } else {
      def = { provider: src.provider, deterministic: src.deterministic, encoding: src.encoding, collate: src.collate, ctype: src.ctype, locale: src.locale, icuRules: src.icuRules, version: src.version };
    }
  } else {
    const providerName = els.provider ? defString(els.provider) : 'libc';
    const provider = ({ builtin: 'b', icu: 'i', libc: 'c' } as const)[providerName.toLowerCase() as 'builtin' | 'icu' | 'libc'];
    if (provider === undefined) throw new PgError(SQLSTATE.invalid_object_definition, `unrecognized collation provider: ${providerName}`);
    const deterministic = els.deterministic ? defBoolean(els.deterministic) : true;
    const rules = els.rules ? defString(els.rules) : null;
    let locale: string | null = null;
    let collate: string | null = null;
    let ctype: string | null = null;
    if (els.locale) {
      if (provider === 'c') collate = ctype = defString(els.locale);
      else locale = defString(els.locale);
    }
    if (els.lc_collate) collate = defString(els.lc_collate);
    if (els.lc_ctype) ctype = defString(els.lc_ctype);
    let encoding = -1;
    if (provider === 'b') {
      if (locale === null) throw new PgError(SQLSTATE.invalid_object_definition, 'parameter "locale" must be specified');
      locale = BUILTIN_ALIASES[locale] ?? locale;
      const enc = BUILTIN_LOCALES[locale];
      if (enc === undefined) throw new PgError(SQLSTATE.wrong_object_type, `invalid locale name "${locale}" for builtin provider`);
      encoding = enc;
    } else if (provider === 'c') {
      if (collate === null) throw new PgError(SQLSTATE.invalid_object_definition, 'parameter "lc_collate" must be specified');
      if (ctype === null) throw new PgError(SQLSTATE.invalid_object_definition, 'parameter "lc_ctype" must be specified');
    } else {
      if (locale === null) throw new PgError(SQLSTATE.invalid_object_definition, 'parameter "locale" must be specified');
      locale = canonicalIcuLocale(session, locale);
    }
    if (!deterministic && provider !== 'i') throw new PgError(SQLSTATE.feature_not_supported, 'nondeterministic collations not supported with this provider');
    if (rules !== null && provider !== 'i') throw new PgError(SQLSTATE.invalid_object_definition, 'ICU rules cannot be specified unless locale provider is ICU');
    if (provider === 'c') {
      for (const l of [collate!, ctype!]) {
        if (!LIBC_LOCALES.has(l)) {
          throw new PgError(SQLSTATE.invalid_parameter_value, `could not create locale "${l}": No such file or directory`, {
            detail: `The operating system could not find any locale data for the locale name "${l}".`,
          });
        }
      }
      encoding = collate === 'C' || collate === 'POSIX' ? (ctype === 'C' || ctype === 'POSIX' ? 6 : 6) : 6;
    }
    if (rules !== null) throw featureNotSupported('ICU tailoring rules in CREATE COLLATION');
    if (provider === 'i') intlCollatorSettings(locale!); // raises what opening the collator raises
    const version = els.version ? defString(els.version) : provider === 'i' ? icuVersion(locale!) : provider === 'b' ? '1' : null;
    def = { provider, deterministic, encoding, collate, ctype, locale, icuRules: rules, version };
  }
  if (userCollationIn(cat0, ns, name) || (ns === cat0.namespaceOid('pg_catalog') && BUILTIN_COLLATIONS.has(name))) {
    if (n.if_not_exists) {
      session.notice(new PgError(SQLSTATE.duplicate_object, `collation "${name}" already exists, skipping`, { severity: 'NOTICE' }));
      return commandResult('CREATE COLLATION');
    }
    throw new PgError(SQLSTATE.duplicate_object, `collation "${name}" already exists`);
  }
  const cat = txn.catalogForWrite();
  const c: CollationDef = { oid: session.db.newOid(), name, namespace: ns, owner: session.currentUser(), ...def };
  registerCollationDef(c);
  cat.collations.set(c.oid, c);
  cat.bump();
  return commandResult('CREATE COLLATION');
}

/** icu_language_tag + icu_validate_locale at the session's icu_validation_level. */
function canonicalIcuLocale(session: Session, locale: string): string {
  const level = (session.getSetting('icu_validation_level', true) ?? 'warning').toLowerCase();
  const report = (msg: string, hint?: string) => {
    if (level === 'error') throw new PgError(SQLSTATE.invalid_parameter_value, msg, { hint });
    if (level === 'warning') session.notice(new PgError(SQLSTATE.invalid_parameter_value, msg, { severity: 'WARNING', hint }));
  };
  const r = icuLanguageTag(locale);
  if ('error' in r) {
    report(r.error);
    return locale;
  }
  if (r.tag !== locale) session.notice(new PgError(SQLSTATE.successful_completion, `using standard form "${r.tag}" for ICU locale "${locale}"`, { severity: 'NOTICE' }));
  const lang = tagLanguage(r.tag);
  if (!isKnownIcuLanguage(lang)) {
    report(`ICU locale "${r.tag}" has unknown language "${lang}"`, 'To disable ICU locale validation, set the parameter "icu_validation_level" to "disabled".');
  }
  return r.tag;
}

function mustExist(session: Session, cat: Catalog, parts: string[]): CollationDef | string {
  const c = lookupCollation(cat, session.searchPath(), parts);
  if (c === undefined) throw new PgError(SQLSTATE.undefined_object, `collation "${parts.join('.')}" for encoding "UTF8" does not exist`);
  return c;
}

function userOnly(c: CollationDef | string, what: string): CollationDef {
  if (typeof c === 'string') throw featureNotSupported(`${what} of a built-in collation`);
  return c;
}

/** Postgres's duplicate check for RENAME / SET SCHEMA. */
function checkNameFree(cat: Catalog, name: string, ns: number): void {
  if (userCollationIn(cat, ns, name) || (ns === cat.namespaceOid('pg_catalog') && BUILTIN_COLLATIONS.has(name))) {
    throw new PgError(SQLSTATE.duplicate_object, `collation "${name}" already exists in schema "${cat.namespaceName(ns)}"`);
  }
}

/** ALTER COLLATION name RENAME TO new. */
export function renameCollation(session: Session, n: AnyNode): StatementResult {
  const cat0 = session.catalog();
  const c = userOnly(mustExist(session, cat0, names(n.object.List?.items)), 'ALTER COLLATION RENAME');
  checkOwner(cat0, session.currentUser(), c.owner, 'collation', c.name);
  checkNameFree(cat0, n.newname, c.namespace);
  const cat = session.transaction().catalogForWrite();
  const renamed = { ...c, name: n.newname as string };
  registerCollationDef(renamed);
  cat.collations.set(c.oid, renamed);
  cat.bump();
  return commandResult('ALTER COLLATION');
}

/** ALTER COLLATION name OWNER TO role. */
export function collationOwner(session: Session, n: AnyNode): StatementResult {
  const cat0 = session.catalog();
  const c = userOnly(mustExist(session, cat0, names(n.object.List?.items)), 'ALTER COLLATION OWNER');
  const owner = resolveRoleSpec(n.newowner, session.currentUser(), session.sessionUser(), cat0);
  if (owner !== c.owner) checkOwner(cat0, session.currentUser(), c.owner, 'collation', c.name);
  const cat = session.transaction().catalogForWrite();
  cat.collations.set(c.oid, { ...c, owner });
  cat.bump();
  return commandResult('ALTER COLLATION');
}

/** ALTER COLLATION name SET SCHEMA s. */
export function collationSetSchema(session: Session, n: AnyNode): StatementResult {
  const cat0 = session.catalog();
  const c = userOnly(mustExist(session, cat0, names(n.object.List?.items)), 'ALTER COLLATION SET SCHEMA');
  checkOwner(cat0, session.currentUser(), c.owner, 'collation', c.name);
  const ns = cat0.namespaceOid(n.newschema);
  if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${n.newschema}" does not exist`);
  checkNameFree(cat0, c.name, ns);
  const cat = session.transaction().catalogForWrite();
  cat.collations.set(c.oid, { ...c, namespace: ns });
  cat.bump();
  return commandResult('ALTER COLLATION');
}

/** ALTER COLLATION name REFRESH VERSION: the version never changes here. */
export function refreshCollationVersion(session: Session, n: AnyNode): StatementResult {
  const parts = names(n.collname);
  const c = mustExist(session, session.catalog(), parts);
  if (c === 'default') {
    throw new PgError(SQLSTATE.internal_error, 'cannot refresh version of default collation', { hint: 'Use ALTER DATABASE ... REFRESH COLLATION VERSION instead.' });
  }
  if (typeof c !== 'string') checkOwner(session.catalog(), session.currentUser(), c.owner, 'collation', c.name);
  session.notice(new PgError(SQLSTATE.successful_completion, 'version has not changed', { severity: 'NOTICE' }));
  return commandResult('ALTER COLLATION');
}

/** DROP COLLATION [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
export function dropCollations(session: Session, n: AnyNode): StatementResult {
  const cat0 = session.catalog();
  const found: CollationDef[] = [];
  for (const o of (n.objects ?? []) as AnyNode[]) {
    const parts = names(o.List?.items ?? [o]);
    const c = lookupCollation(cat0, session.searchPath(), parts);
    if (c === undefined) {
      if (n.missing_ok) {
        const schema = parts.length > 1 ? parts[parts.length - 2] : undefined;
        const msg = schema !== undefined && cat0.namespaceOid(schema) === undefined ? `schema "${schema}" does not exist, skipping` : `collation "${parts.join('.')}" does not exist, skipping`;
        session.notice(new PgError(SQLSTATE.successful_completion, msg, { severity: 'NOTICE' }));
        continue;
      }
      throw new PgError(SQLSTATE.undefined_object, `collation "${parts.join('.')}" for encoding "UTF8" does not exist`);
    }
    if (typeof c === 'string') {
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop collation ${quoteIdent(c)} because it is required by the database system`);
    }
    checkOwner(cat0, session.currentUser(), c.owner, 'collation', c.name);
    found.push(c);
  }
  for (const c of found) {
    const deps = collationDependents(cat0, c.name);
    if (deps.length === 0) continue;
    if (n.behavior === 'DROP_CASCADE') throw featureNotSupported('DROP COLLATION ... CASCADE of a collation in use');
    throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop collation ${quoteIdent(c.name)} because other objects depend on it`, {
      detail: deps.map((d) => `${d} depends on collation ${quoteIdent(c.name)}`).join('\n'),
      hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
    });
  }
  if (found.length) {
    const cat = session.transaction().catalogForWrite();
    for (const c of found) {
      cat.collations.delete(c.oid);
      cat.comments.delete(`${PG_COLLATION}.${c.oid}.0`);
    }
    cat.bump();
  }
  return commandResult('DROP COLLATION');
}
