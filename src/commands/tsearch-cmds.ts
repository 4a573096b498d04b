/**
 * CREATE / ALTER / DROP TEXT SEARCH CONFIGURATION: configurations built on the default parser,
 * copied from another one or started empty, with ADD / ALTER / DROP MAPPING and ALTER MAPPING
 * REPLACE. Dictionaries, parsers and templates cannot be created here (0A000): only the built-in
 * simple and english_stem dictionaries can normalize words.
 *
 * Postgres counterpart: src/backend/commands/tsearchcmds.c (DefineTSConfiguration,
 * AlterTSConfiguration, MakeConfigurationMapping, DropConfigurationMapping), dependency.c for DROP.
 * Known gaps: the built-in configurations other than simple cannot be altered or dropped (0A000;
 * Postgres lets a superuser do both); DROP ... CASCADE of a configuration that columns or indexes use is 0A000;
 * default_text_search_config accepts only built-in configurations.
 */
import { schemaMissingSkips } from './drop-missing.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { creationNamespace } from '../analyze/relation.js';
import type { Catalog } from '../catalog/catalog.js';
import { OID } from '../types/oids.js';
import { allConfigs, allDictionaries, DEFAULT_PARSER_OID, lookupNamed, SIMPLE_CONFIG_OID, type TsConfig } from '../tsearch/ts-config.js';
import { TOKEN_TYPES } from '../tsearch/wparser.js';

type AnyNode = Record<string, any>;

const names = (list: AnyNode[]): string[] => list.map((x) => x.String.sval as string);

function findConfig(session: Session, cat: Catalog, parts: string[]): TsConfig | undefined {
  return lookupNamed(cat, session.searchPath(), allConfigs(cat), parts);
}

function configNotFound(parts: string[]): PgError {
  return new PgError(SQLSTATE.undefined_object, `text search configuration "${parts.join('.')}" does not exist`);
}

function dictionaryOid(session: Session, cat: Catalog, parts: string[]): number {
  const d = lookupNamed(cat, session.searchPath(), allDictionaries(cat), parts);
  if (!d) throw new PgError(SQLSTATE.undefined_object, `text search dictionary "${parts.join('.')}" does not exist`);
  return d.oid;
}

function tokenTypeId(name: string): number {
  const i = TOKEN_TYPES.findIndex(([alias]) => alias === name);
  if (i < 0) throw new PgError(SQLSTATE.invalid_parameter_value, `token type "${name}" does not exist`);
  return i + 1;
}

/** CREATE TEXT SEARCH CONFIGURATION name (PARSER = p | COPY = c). */
export function defineTsConfiguration(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const cat = txn.catalogForWrite();
  const parts = names(n.defnames);
  let parser: number | undefined;
  let copy: TsConfig | undefined;
  for (const o of (n.definition ?? []) as AnyNode[]) {
    const d = o.DefElem;
    const arg: string[] = d.arg?.TypeName ? names(d.arg.TypeName.names) : d.arg?.String ? [d.arg.String.sval] : d.arg?.List ? names(d.arg.List.items) : [];
    if (d.defname === 'parser') {
      const p = arg[arg.length - 1];
      if (p !== 'default' || (arg.length === 2 && arg[0] !== 'pg_catalog')) {
        throw new PgError(SQLSTATE.undefined_object, `text search parser "${arg.join('.')}" does not exist`);
      }
      parser = DEFAULT_PARSER_OID;
    } else if (d.defname === 'copy') {
      copy = findConfig(session, cat, arg);
      if (!copy) throw configNotFound(arg);
    } else {
      throw new PgError(SQLSTATE.syntax_error, `text search configuration parameter "${d.defname}" not recognized`);
    }
  }
  if (parser !== undefined && copy) throw new PgError(SQLSTATE.syntax_error, 'cannot specify both PARSER and COPY options');
  if (parser === undefined && !copy) throw new PgError(SQLSTATE.invalid_object_definition, 'text search parser is required');
  const name = parts[parts.length - 1];
  const ns = creationNamespace(cat, session.searchPath(), { schema: parts.length > 1 ? parts[0] : undefined, name });
  if (allConfigs(cat).some((c) => c.name === name && c.namespace === ns)) {
    throw new PgError(SQLSTATE.unique_violation, 'duplicate key value violates unique constraint "pg_ts_config_cfgname_index"', {
      detail: `Key (cfgname, cfgnamespace)=(${name}, ${ns}) already exists.`,
      schema: 'pg_catalog',
      table: 'pg_ts_config',
      constraint: 'pg_ts_config_cfgname_index',
    });
  }
  const oid = session.db.newOid();
  cat.tsConfigs.set(oid, { oid, name, namespace: ns, parser: DEFAULT_PARSER_OID, map: new Map(copy ? copy.map : []) });
  cat.bump();
  return commandResult('CREATE TEXT SEARCH CONFIGURATION');
}

/** ALTER TEXT SEARCH CONFIGURATION ... ADD / ALTER / DROP MAPPING, ALTER MAPPING REPLACE. */
export function alterTsConfiguration(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const cat = txn.catalogForWrite();
  const parts = names(n.cfgname);
  const cfg = findConfig(session, cat, parts);
  if (!cfg) throw configNotFound(parts);
  if (!cat.tsConfigs.has(cfg.oid)) throw featureNotSupported('ALTER TEXT SEARCH CONFIGURATION of a built-in configuration');
  const map = new Map(cfg.map);
  const tokens = ((n.tokentype ?? []) as AnyNode[]).map((t) => tokenTypeId(t.String.sval));
  const dicts = ((n.dicts ?? []) as AnyNode[]).map((d) => dictionaryOid(session, cat, names(d.List.items)));
  switch (n.kind) {
    case 'ALTER_TSCONFIG_ADD_MAPPING':
      for (const t of tokens) {
        if (map.has(t)) {
          throw new PgError(SQLSTATE.unique_violation, 'duplicate key value violates unique constraint "pg_ts_config_map_index"', {
            detail: `Key (mapcfg, maptokentype, mapseqno)=(${cfg.oid}, ${t}, 1) already exists.`,
            schema: 'pg_catalog',
            table: 'pg_ts_config_map',
            constraint: 'pg_ts_config_map_index',
          });
        }
        map.set(t, dicts);
      }
      break;
    case 'ALTER_TSCONFIG_ALTER_MAPPING_FOR_TOKEN':
      for (const t of tokens) map.set(t, dicts);
      break;
    case 'ALTER_TSCONFIG_REPLACE_DICT':
    case 'ALTER_TSCONFIG_REPLACE_DICT_FOR_TOKEN': {
      const [from, to] = dicts;
      for (const [t, list] of map) {
        if (tokens.length && !tokens.includes(t)) continue;
        map.set(t, list.map((d) => (d === from ? to : d)));
      }
      break;
    }
    case 'ALTER_TSCONFIG_DROP_MAPPING':
      for (const [k, t] of tokens.entries()) {
        if (map.has(t)) map.delete(t);
        else {
          const alias = ((n.tokentype as AnyNode[])[k]).String.sval as string;
          if (!n.missing_ok) throw new PgError(SQLSTATE.undefined_object, `mapping for token type "${alias}" does not exist`);
          session.notice(new PgError(SQLSTATE.successful_completion, `mapping for token type "${alias}" does not exist, skipping`, { severity: 'NOTICE' }));
        }
      }
      break;
    default:
      throw featureNotSupported(`ALTER TEXT SEARCH CONFIGURATION ${String(n.kind)}`);
  }
  cat.tsConfigs.set(cfg.oid, { ...cfg, map });
  cat.bump();
  return commandResult('ALTER TEXT SEARCH CONFIGURATION');
}

/** Whether an expression tree holds the regconfig constant `oid`. */
function usesConfig(node: unknown, oid: number, seen = new Set<unknown>()): boolean {
  if (!node || typeof node !== 'object' || seen.has(node)) return false;
  seen.add(node);
  const o = node as AnyNode;
  if (o.kind === 'Const' && o.type === OID.regconfig && o.value === oid) return true;
  for (const v of Object.values(o)) if (usesConfig(v, oid, seen)) return true;
  return false;
}

/** Columns and indexes whose expressions name the configuration (pg_depend entries). */
function dependents(cat: Catalog, oid: number): string[] {
  const out: string[] = [];
  for (const rel of cat.relations.values()) {
    if (rel.index) {
      if ((rel.index.keys ?? []).some((k) => k.expr && usesConfig(k.expr, oid)) || (rel.index.predicate && usesConfig(rel.index.predicate, oid))) {
        out.push(`index ${rel.name}`);
      }
      continue;
    }
    for (const c of rel.columns) {
      if (c.dropped) continue;
      if ((c.generated && usesConfig(c.generated.expr, oid)) || (c.default && usesConfig(c.default, oid))) out.push(`column ${c.name} of table ${rel.name}`);
    }
  }
  return out;
}

/** DROP TEXT SEARCH CONFIGURATION [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
export function dropTsConfigurations(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const cat = txn.catalogForWrite();
  for (const obj of (n.objects ?? []) as AnyNode[]) {
    const parts = names(obj.List.items);
    if (n.missing_ok && schemaMissingSkips(session, cat, parts, true)) continue;
    const cfg = findConfig(session, cat, parts);
    if (!cfg) {
      if (!n.missing_ok) throw configNotFound(parts);
      session.notice(new PgError(SQLSTATE.successful_completion, `text search configuration "${parts.join('.')}" does not exist, skipping`, { severity: 'NOTICE' }));
      continue;
    }
    if (cfg.oid === SIMPLE_CONFIG_OID) {
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop text search configuration ${cfg.name} because it is required by the database system`);
    }
    if (!cat.tsConfigs.has(cfg.oid)) throw featureNotSupported('DROP TEXT SEARCH CONFIGURATION of a built-in configuration');
    const deps = dependents(cat, cfg.oid);
    if (deps.length) {
      if (n.behavior === 'DROP_CASCADE') throw featureNotSupported('DROP TEXT SEARCH CONFIGURATION ... CASCADE with dependent objects');
      throw new PgError(SQLSTATE.dependent_objects_still_exist, `cannot drop text search configuration ${cfg.name} because other objects depend on it`, {
        detail: deps.map((d) => `${d} depends on text search configuration ${cfg.name}`).join('\n'),
        hint: 'Use DROP ... CASCADE to drop the dependent objects too.',
      });
    }
    cat.tsConfigs.delete(cfg.oid);
  }
  cat.bump();
  return commandResult('DROP TEXT SEARCH CONFIGURATION');
}

