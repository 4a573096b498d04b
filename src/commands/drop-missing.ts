/**
 * DROP of object kinds fauxgres cannot create (collations, conversions, text-search parsers,
 * dictionaries and templates, operators, languages, casts, operator classes and families,
 * access methods, foreign-data wrappers, servers, foreign tables, event triggers, transforms,
 * subscriptions, tablespaces, user mappings, databases): a name that cannot exist gives
 * Postgres's 42704 error, or under IF EXISTS its NOTICE "... does not exist, skipping"; a name
 * that may denote a built-in object is 0A000 (or Postgres's own refusal where it is certain).
 * Also the helpers of does_not_exist_skipping the other DROP commands share: a qualified name
 * whose schema is missing, an argument type that does not exist.
 * Postgres counterpart: src/backend/commands/dropcmds.c (does_not_exist_skipping),
 * catalog/objectaddress.c (get_object_address's errors), commands/dbcommands.c (dropdb).
 * Known gaps: built-in objects of these kinds cannot be dropped (0A000); whether one exists is
 * judged from names (conversions are `x_to_y`, operator classes and families `*_ops`).
 */
import type { Catalog } from '../catalog/catalog.js';
import { AM_OID } from '../catalog/system/pg-class.js';
import { resolveTypeName } from '../analyze/type-name.js';
import { explicitSchemaName, lookupRelation } from '../analyze/relation.js';
import { canCoerce } from '../analyze/coerce.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { TS_TEMPLATES, allDictionaries, extensionDictionaries } from '../tsearch/ts-config.js';
import { textComparator } from '../types/collation.js';
import { formatType } from '../types/registry.js';

type AnyNode = Record<string, any>;

/** The NOTICE of does_not_exist_skipping. */
export function skipNotice(session: Session, message: string): void {
  session.notice(new PgError(SQLSTATE.successful_completion, message, { severity: 'NOTICE' }));
}

/** schema_does_not_exist_skipping: the schema of a qualified name, when it does not exist. */
export function missingSchema(session: Session, cat: Catalog, names: readonly string[]): string | undefined {
  if (names.length < 2) return undefined;
  const schema = names[names.length - 2];
  return cat.namespaceOid(explicitSchemaName(session.searchPath(), schema)) === undefined ? schema : undefined;
}

/**
 * A qualified name whose schema does not exist: under IF EXISTS the NOTICE (and true: skip it),
 * else 3F000. False when the schema exists or the name is unqualified.
 */
export function schemaMissingSkips(session: Session, cat: Catalog, names: readonly string[], missingOk: boolean): boolean {
  const schema = missingSchema(session, cat, names);
  if (schema === undefined) return false;
  if (!missingOk) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${schema}" does not exist`);
  skipNotice(session, `schema "${schema}" does not exist, skipping`);
  return true;
}

/** TypeNameToString: a type name as written (`pg_catalog.int4`, `foo[]`). */
export function typeNameString(tn: AnyNode): string {
  const base = ((tn.names ?? []) as AnyNode[]).map((x) => x.String.sval as string).join('.');
  return base + (tn.pct_type ? '%TYPE' : '') + (((tn.arrayBounds ?? []) as AnyNode[]).length ? '[]' : '');
}

/**
 * type_in_list_does_not_exist_skipping: the NOTICE text for the first type of `types` that does
 * not exist (its schema missing, or the type), or undefined when all exist.
 */
export function missingTypeNotice(session: Session, cat: Catalog, types: readonly (AnyNode | undefined)[]): string | undefined {
  for (const tn of types) {
    if (!tn || !tn.names) continue;
    try {
      resolveTypeName(cat, session.searchPath(), { ...tn, typmods: undefined, setof: false }, () => undefined);
    } catch (e) {
      if (!(e instanceof PgError) || (e.code !== SQLSTATE.undefined_object && e.code !== SQLSTATE.invalid_schema_name)) throw e;
      const names = (tn.names as AnyNode[]).map((x) => x.String.sval as string);
      const schema = missingSchema(session, cat, names);
      return schema !== undefined ? `schema "${schema}" does not exist, skipping` : `type "${typeNameString(tn)}" does not exist, skipping`;
    }
  }
  return undefined;
}

function typeOid(session: Session, cat: Catalog, tn: AnyNode): number {
  return resolveTypeName(cat, session.searchPath(), tn, () => undefined).oid;
}

function strList(n: AnyNode): string[] {
  return ((n.List?.items ?? []) as AnyNode[]).map((x) => x.String.sval as string);
}

/** Whether an unqualified or pg_catalog-qualified name could be a built-in object. */
function inCatalog(names: readonly string[]): boolean {
  return names.length === 1 || names[names.length - 2] === 'pg_catalog';
}

/** Types with a length-coercion cast to themselves (pg_cast rows with castsource = casttarget). */
const SELF_CASTS = new Set(['numeric', 'character varying', 'character', 'bit', 'bit varying', 'time without time zone', 'time with time zone', 'timestamp without time zone', 'timestamp with time zone', 'interval']);

interface KindSpec {
  /** Command tag. */
  tag: string;
  /** The name list of the object (schema-qualifiable) or undefined for a plain name. */
  qualified: boolean;
  /** The message word: `collation "x"`. */
  describe: (name: string) => string;
  /** Whether an object so named may exist in fauxgres (then the DROP is refused). */
  mayExist: (cat: Catalog, names: string[]) => boolean;
  /** The 42704 text when it does not exist (default: `<describe> does not exist`). */
  missing?: (name: string) => string;
}

const KINDS: Record<string, KindSpec> = {
  OBJECT_COLLATION: {
    tag: 'DROP COLLATION',
    qualified: true,
    describe: (n) => `collation "${n}"`,
    mayExist: (_c, ns) => inCatalog(ns) && (textComparator(ns[ns.length - 1]) !== undefined || ns[ns.length - 1].endsWith('-x-icu')),
    missing: (n) => `collation "${n}" for encoding "UTF8" does not exist`,
  },
  OBJECT_CONVERSION: {
    tag: 'DROP CONVERSION',
    qualified: true,
    describe: (n) => `conversion "${n}"`,
    // Every built-in conversion is named source_to_target.
    mayExist: (_c, ns) => inCatalog(ns) && ns[ns.length - 1].includes('_to_'),
  },
  OBJECT_TSPARSER: {
    tag: 'DROP TEXT SEARCH PARSER',
    qualified: true,
    describe: (n) => `text search parser "${n}"`,
    mayExist: (_c, ns) => inCatalog(ns) && ns[ns.length - 1] === 'default',
  },
  OBJECT_TSDICTIONARY: {
    tag: 'DROP TEXT SEARCH DICTIONARY',
    qualified: true,
    describe: (n) => `text search dictionary "${n}"`,
    mayExist: (c, ns) => allDictionaries(c).some((d) => d.name === ns[ns.length - 1]),
  },
  OBJECT_TSTEMPLATE: {
    tag: 'DROP TEXT SEARCH TEMPLATE',
    qualified: true,
    describe: (n) => `text search template "${n}"`,
    mayExist: (c, ns) => [...TS_TEMPLATES, ...extensionDictionaries(c).map((d) => d.ext.template)].some((t) => t.name === ns[ns.length - 1]),
  },
  OBJECT_FDW: { tag: 'DROP FOREIGN DATA WRAPPER', qualified: false, describe: (n) => `foreign-data wrapper "${n}"`, mayExist: () => false },
  OBJECT_FOREIGN_SERVER: { tag: 'DROP SERVER', qualified: false, describe: (n) => `server "${n}"`, mayExist: () => false },
  OBJECT_LANGUAGE: { tag: 'DROP LANGUAGE', qualified: false, describe: (n) => `language "${n}"`, mayExist: (_c, ns) => LANGUAGES.has(ns[0]) },
  OBJECT_ACCESS_METHOD: { tag: 'DROP ACCESS METHOD', qualified: false, describe: (n) => `access method "${n}"`, mayExist: (_c, ns) => AM_OID[ns[0]] !== undefined },
};

const LANGUAGES = new Set(['internal', 'c', 'sql', 'plpgsql']);

/** The DROP kinds this file handles (DropStmt.removeType). */
export function isMissingKindDrop(removeType: string): boolean {
  return KINDS[removeType] !== undefined || EXTRA_KINDS.has(removeType);
}

const EXTRA_KINDS = new Set(['OBJECT_CAST', 'OBJECT_OPCLASS', 'OBJECT_OPFAMILY', 'OBJECT_FOREIGN_TABLE', 'OBJECT_TRANSFORM']);

/** DROP [IF EXISTS] of a kind fauxgres has no objects of (see the file header). */
export function dropMissingKind(session: Session, n: AnyNode): StatementResult {
  const cat = session.transaction().catalog;
  const type = n.removeType as string;
  const missingOk = !!n.missing_ok;
  const spec = KINDS[type];
  const tag = spec?.tag ?? EXTRA_TAGS[type];
  for (const obj of n.objects as AnyNode[]) {
    if (spec) dropNamed(session, cat, spec, obj, missingOk);
    else if (type === 'OBJECT_CAST') dropCast(session, cat, obj, missingOk);
    else if (type === 'OBJECT_OPCLASS' || type === 'OBJECT_OPFAMILY') dropOpclass(session, cat, obj, type === 'OBJECT_OPCLASS' ? 'operator class' : 'operator family', missingOk);
    else if (type === 'OBJECT_FOREIGN_TABLE') dropForeignTable(session, cat, obj, missingOk);
    else dropTransform(session, cat, obj, missingOk);
  }
  return commandResult(tag);
}

const EXTRA_TAGS: Record<string, string> = {
  OBJECT_CAST: 'DROP CAST', OBJECT_OPCLASS: 'DROP OPERATOR CLASS', OBJECT_OPFAMILY: 'DROP OPERATOR FAMILY',
  OBJECT_FOREIGN_TABLE: 'DROP FOREIGN TABLE', OBJECT_TRANSFORM: 'DROP TRANSFORM',
};

function dropNamed(session: Session, cat: Catalog, spec: KindSpec, obj: AnyNode, missingOk: boolean): void {
  const names = spec.qualified ? strList(obj) : [obj.String.sval as string];
  const schema = missingSchema(session, cat, names);
  if (schema !== undefined) {
    if (missingOk) return skipNotice(session, `schema "${schema}" does not exist, skipping`);
    throw new PgError(SQLSTATE.invalid_schema_name, `schema "${schema}" does not exist`);
  }
  const display = names.join('.');
  if (spec.mayExist(cat, names)) refuseBuiltin(spec, names);
  if (missingOk) return skipNotice(session, `${spec.describe(display)} does not exist, skipping`);
  throw new PgError(SQLSTATE.undefined_object, spec.missing ? spec.missing(display) : `${spec.describe(display)} does not exist`);
}

/** A built-in object: Postgres's refusal where certain, else 0A000. */
function refuseBuiltin(spec: KindSpec, names: string[]): never {
  const name = names[names.length - 1];
  if (spec.tag === 'DROP LANGUAGE' && name === 'plpgsql') {
    throw new PgError(SQLSTATE.dependent_objects_still_exist, 'cannot drop language plpgsql because extension plpgsql requires it', { hint: 'You can drop extension plpgsql instead.' });
  }
  if (spec.tag === 'DROP LANGUAGE' || spec.tag === 'DROP ACCESS METHOD') {
    throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop ${spec.tag.slice(5).toLowerCase()} ${name} because it is required by the database system`);
  }
  throw featureNotSupported(`${spec.tag} of a built-in object`);
}

function dropCast(session: Session, cat: Catalog, obj: AnyNode, missingOk: boolean): void {
  const [src, tgt] = ((obj.List?.items ?? []) as AnyNode[]).map((x) => x.TypeName as AnyNode);
  if (missingOk) {
    const t = missingTypeNotice(session, cat, [src]) ?? missingTypeNotice(session, cat, [tgt]);
    if (t) return skipNotice(session, t);
  }
  const from = typeOid(session, cat, src);
  const to = typeOid(session, cat, tgt);
  const exists = from === to ? SELF_CASTS.has(formatType(cat, from)) : canCoerce(cat, from, to, 'explicit');
  if (exists) throw featureNotSupported('DROP CAST of a built-in cast');
  if (missingOk) return skipNotice(session, `cast from type ${typeNameString(src)} to type ${typeNameString(tgt)} does not exist, skipping`);
  throw new PgError(SQLSTATE.undefined_object, `cast from type ${formatType(cat, from)} to type ${formatType(cat, to)} does not exist`);
}

function dropOpclass(session: Session, cat: Catalog, obj: AnyNode, word: string, missingOk: boolean): void {
  const [am, ...names] = strList(obj);
  // The access method is looked up first, IF EXISTS or not.
  if (AM_OID[am] === undefined) throw new PgError(SQLSTATE.undefined_object, `access method "${am}" does not exist`);
  const schema = missingSchema(session, cat, names);
  if (schema !== undefined) {
    if (missingOk) return skipNotice(session, `schema "${schema}" does not exist, skipping`);
    throw new PgError(SQLSTATE.invalid_schema_name, `schema "${schema}" does not exist`);
  }
  // Every built-in (and extension) operator class and family is named *_ops.
  if (names[names.length - 1].endsWith('_ops')) throw featureNotSupported(`DROP ${word.toUpperCase()} of a built-in ${word}`);
  const display = names.join('.');
  if (missingOk) return skipNotice(session, `${word} "${display}" does not exist for access method "${am}", skipping`);
  throw new PgError(SQLSTATE.undefined_object, `${word} "${display}" does not exist for access method "${am}"`);
}

function dropForeignTable(session: Session, cat: Catalog, obj: AnyNode, missingOk: boolean): void {
  const names = strList(obj);
  const schema = missingSchema(session, cat, names);
  if (schema !== undefined) {
    if (missingOk) return skipNotice(session, `schema "${schema}" does not exist, skipping`);
    throw new PgError(SQLSTATE.invalid_schema_name, `schema "${schema}" does not exist`);
  }
  const name = names[names.length - 1];
  const rel = lookupRelation(cat, session.searchPath(), names.length > 1 ? { schema: names[names.length - 2], name } : { name });
  if (rel) {
    const word = rel.kind === 'v' ? 'view' : rel.kind === 'm' ? 'materialized view' : rel.kind === 'S' ? 'sequence' : rel.kind === 'i' ? 'index' : rel.kind === 'c' ? 'type' : 'table';
    throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a foreign table`, { hint: `Use DROP ${word.toUpperCase()} to remove a${/^[aeiou]/.test(word) ? 'n' : ''} ${word}.` });
  }
  if (missingOk) return skipNotice(session, `foreign table "${name}" does not exist, skipping`);
  throw new PgError(SQLSTATE.undefined_object, `foreign table "${name}" does not exist`);
}

function dropTransform(session: Session, cat: Catalog, obj: AnyNode, missingOk: boolean): void {
  const items = (obj.List?.items ?? []) as AnyNode[];
  const tn = items[0].TypeName as AnyNode;
  const lang = items[1].String.sval as string;
  if (missingOk) {
    const t = missingTypeNotice(session, cat, [tn]);
    return skipNotice(session, t ?? `transform for type ${typeNameString(tn)} language "${lang}" does not exist, skipping`);
  }
  const oid = typeOid(session, cat, tn);
  if (!LANGUAGES.has(lang)) throw new PgError(SQLSTATE.undefined_object, `language "${lang}" does not exist`);
  throw new PgError(SQLSTATE.undefined_object, `transform for type ${formatType(cat, oid)} language "${lang}" does not exist`);
}

/** DROP DATABASE [IF EXISTS] name [WITH (FORCE)]: only the session's own database exists. */
export function dropDatabase(session: Session, n: AnyNode): StatementResult {
  session.preventInTransactionBlock('DROP DATABASE');
  const name = n.dbname as string;
  if (name === 'template0' || name === 'template1') throw new PgError(SQLSTATE.wrong_object_type, 'cannot drop a template database');
  if (name === session.databaseName()) throw new PgError(SQLSTATE.object_in_use, 'cannot drop the currently open database');
  if (name === 'postgres') throw featureNotSupported('DROP DATABASE of another database');
  if (n.missing_ok) {
    skipNotice(session, `database "${name}" does not exist, skipping`);
    return commandResult('DROP DATABASE');
  }
  throw new PgError(SQLSTATE.invalid_catalog_name, `database "${name}" does not exist`);
}

/** DROP SUBSCRIPTION / TABLESPACE / USER MAPPING: fauxgres has none (but the two built-in tablespaces). */
export function dropOtherMissing(session: Session, kind: string, n: AnyNode): StatementResult {
  if (kind === 'DropSubscriptionStmt') {
    const name = n.subname as string;
    if (!n.missing_ok) throw new PgError(SQLSTATE.undefined_object, `subscription "${name}" does not exist`);
    skipNotice(session, `subscription "${name}" does not exist, skipping`);
    return commandResult('DROP SUBSCRIPTION');
  }
  if (kind === 'DropTableSpaceStmt') {
    const name = n.tablespacename as string;
    if (name === 'pg_default' || name === 'pg_global') throw featureNotSupported('DROP TABLESPACE of a built-in tablespace');
    if (!n.missing_ok) throw new PgError(SQLSTATE.undefined_object, `tablespace "${name}" does not exist`);
    skipNotice(session, `tablespace "${name}" does not exist, skipping`);
    return commandResult('DROP TABLESPACE');
  }
  // DROP USER MAPPING: the role, then the server (there are none).
  const role = n.user?.roletype === 'ROLESPEC_CSTRING' ? (n.user.rolename as string) : undefined;
  if (role !== undefined && session.transaction().catalog.roleByName.get(role) === undefined) {
    if (!n.missing_ok) throw new PgError(SQLSTATE.undefined_object, `role "${role}" does not exist`);
    skipNotice(session, `role "${role}" does not exist, skipping`);
    return commandResult('DROP USER MAPPING');
  }
  if (!n.missing_ok) throw new PgError(SQLSTATE.undefined_object, `server "${n.servername}" does not exist`);
  skipNotice(session, `server "${n.servername}" does not exist, skipping`);
  return commandResult('DROP USER MAPPING');
}

