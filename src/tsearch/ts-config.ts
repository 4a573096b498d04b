/**
 * The built-in text-search objects: the "default" parser, the simple/synonym/ispell/thesaurus/
 * snowball templates, the simple dictionary and one Snowball dictionary and configuration per
 * language, with Postgres's OIDs and token-type mappings; dictionary lookup (ts_lexize) and
 * configuration name resolution (regconfig / regdictionary input and output).
 *
 * Only the simple dictionary and english_stem can normalize words here; the other languages'
 * Snowball stemmers are not implemented, so using their dictionaries is 0A000.
 *
 * Postgres counterpart: src/include/catalog/pg_ts_*.dat, src/backend/snowball/snowball_create.sql,
 * src/backend/tsearch/dict_simple.c, src/backend/snowball/dict_snowball.c, ts_cache.c,
 * src/backend/utils/adt/regproc.c (regconfigin/out, regdictionaryin/out).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import type { Catalog } from '../catalog/catalog.js';
import { englishStem } from './english-stem.js';
import { ENGLISH_STOPWORDS } from './stopwords.js';
import { TOKEN } from './wparser.js';

export const DEFAULT_PARSER_OID = 3722;
export const SIMPLE_DICT_OID = 3765;
export const SIMPLE_CONFIG_OID = 3748;
export const SNOWBALL_TEMPLATE_OID = 13085;
const PG_CATALOG = 11;

export interface TsTemplate {
  readonly oid: number;
  readonly name: string;
  /** pg_proc OIDs of the init and lexize functions. */
  readonly init: number;
  readonly lexize: number;
}
export interface TsDictionary {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  readonly template: number;
  readonly initOption: string | null;
  /** Snowball language, for snowball dictionaries. */
  readonly language?: string;
  readonly stopwords?: boolean;
}
export interface TsConfig {
  readonly oid: number;
  readonly name: string;
  readonly namespace: number;
  readonly parser: number;
  /** Dictionaries of each token type, in order (pg_ts_config_map). */
  readonly map: ReadonlyMap<number, readonly number[]>;
}

export const TS_TEMPLATES: readonly TsTemplate[] = [
  { oid: 3727, name: 'simple', init: 3725, lexize: 3726 },
  { oid: 3730, name: 'synonym', init: 3728, lexize: 3729 },
  { oid: 3733, name: 'ispell', init: 3731, lexize: 3732 },
  { oid: 3742, name: 'thesaurus', init: 3740, lexize: 3741 },
  { oid: SNOWBALL_TEMPLATE_OID, name: 'snowball', init: 13083, lexize: 13084 },
];

/** Snowball languages in OID order, and whether each has a stop-word file. */
const LANGUAGES: readonly (readonly [string, boolean])[] = [
  ['arabic', false], ['armenian', false], ['basque', false], ['catalan', false], ['danish', true], ['dutch', true],
  ['english', true], ['estonian', false], ['finnish', true], ['french', true], ['german', true], ['greek', false],
  ['hindi', false], ['hungarian', true], ['indonesian', false], ['irish', false], ['italian', true], ['lithuanian', false],
  ['nepali', true], ['norwegian', true], ['portuguese', true], ['romanian', false], ['russian', true], ['serbian', false],
  ['spanish', true], ['swedish', true], ['tamil', false], ['turkish', true], ['yiddish', false],
];

export const TS_DICTIONARIES: readonly TsDictionary[] = [
  { oid: SIMPLE_DICT_OID, name: 'simple', namespace: PG_CATALOG, template: 3727, initOption: null },
  ...LANGUAGES.map(([lang, stop], i): TsDictionary => ({
    oid: 13086 + 2 * i,
    name: `${lang}_stem`,
    namespace: PG_CATALOG,
    template: SNOWBALL_TEMPLATE_OID,
    initOption: `language = '${lang}'${stop ? `, stopwords = '${lang}'` : ''}`,
    language: lang,
    stopwords: stop,
  })),
];

/** Token types a Snowball configuration sends to its stemmer (the rest go to simple). */
const STEMMED = [TOKEN.asciiword, TOKEN.word, TOKEN.hword_part, TOKEN.hword_asciipart, TOKEN.asciihword, TOKEN.hword];
/** Token types every built-in configuration maps (not blank, tag, protocol, entity). */
const MAPPED = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17, 18, 19, 20, 21, 22];
const ENGLISH_STEM_OID = 13098;

function languageMap(stem: number, asciiStem: number): Map<number, readonly number[]> {
  const m = new Map<number, readonly number[]>();
  const ascii = new Set<number>([TOKEN.asciiword, TOKEN.hword_asciipart, TOKEN.asciihword]);
  for (const t of MAPPED) {
    if ((STEMMED as number[]).includes(t)) m.set(t, [ascii.has(t) ? asciiStem : stem]);
    else m.set(t, [SIMPLE_DICT_OID]);
  }
  return m;
}

export const TS_CONFIGS: readonly TsConfig[] = [
  { oid: SIMPLE_CONFIG_OID, name: 'simple', namespace: PG_CATALOG, parser: DEFAULT_PARSER_OID, map: new Map(MAPPED.map((t) => [t, [SIMPLE_DICT_OID]])) },
  ...LANGUAGES.map(([lang], i): TsConfig => {
    const stem = 13086 + 2 * i;
    // hindi and russian send ASCII words to english_stem.
    const asciiStem = lang === 'hindi' || lang === 'russian' ? ENGLISH_STEM_OID : stem;
    return { oid: 13087 + 2 * i, name: lang, namespace: PG_CATALOG, parser: DEFAULT_PARSER_OID, map: languageMap(stem, asciiStem) };
  }),
];

const CONFIG_BY_OID = new Map(TS_CONFIGS.map((c) => [c.oid, c]));
const DICT_BY_OID = new Map(TS_DICTIONARIES.map((d) => [d.oid, d]));

/**
 * A dictionary (and its template) an extension installs (unaccent): it exists while the
 * extension does, in the extension's schema. A filtering dictionary (TSL_FILTER) hands its
 * output to the next dictionary of the mapping instead of ending the chain.
 */
export interface ExtensionDictionary {
  readonly extension: string;
  readonly dictionary: Omit<TsDictionary, 'namespace'>;
  readonly template: TsTemplate;
  readonly filter: boolean;
  lexize(token: string): string[] | null;
}
const EXT_DICTS = new Map<number, ExtensionDictionary>();

export function registerExtensionDictionary(d: ExtensionDictionary): void {
  EXT_DICTS.set(d.dictionary.oid, d);
}

/** The extension dictionaries installed in `cat`, with their namespaces. */
export function extensionDictionaries(cat: Catalog | undefined): { dict: TsDictionary; ext: ExtensionDictionary }[] {
  if (!cat || cat.extensions.size === 0 || EXT_DICTS.size === 0) return [];
  const out: { dict: TsDictionary; ext: ExtensionDictionary }[] = [];
  for (const d of EXT_DICTS.values()) {
    const e = cat.extensions.get(d.extension);
    if (e) out.push({ dict: { ...d.dictionary, namespace: e.namespace }, ext: d });
  }
  return out;
}

/** Every dictionary: the built-in ones, then those installed extensions added. */
export function allDictionaries(cat: Catalog | undefined): TsDictionary[] {
  const ext = extensionDictionaries(cat);
  return ext.length ? [...TS_DICTIONARIES, ...ext.map((x) => x.dict)] : (TS_DICTIONARIES as TsDictionary[]);
}

/**
 * LexizeExec over one token: the first dictionary of the chain that recognizes it gives its
 * lexemes; a filtering dictionary's output replaces the token for the dictionaries after it.
 * `onHit` receives the dictionary that answered.
 */
export function lexizeChain(dicts: readonly number[], token: string): string[] | null {
  let t = token;
  for (const d of dicts) {
    const ext = EXT_DICTS.size ? EXT_DICTS.get(d) : undefined;
    if (ext?.filter) {
      const r = ext.lexize(t);
      if (r && r.length) t = r[0];
      continue;
    }
    const l = lexize(d, t);
    if (l !== null) return l;
  }
  return null;
}

export function tsConfigByOid(oid: number): TsConfig | undefined {
  return CONFIG_BY_OID.get(oid);
}
export function tsDictionaryByOid(oid: number, cat?: Catalog): TsDictionary | undefined {
  return DICT_BY_OID.get(oid) ?? (EXT_DICTS.has(oid) ? extensionDictionaries(cat).find((x) => x.dict.oid === oid)?.dict : undefined);
}

/** Every configuration: the built-in ones, then those CREATE TEXT SEARCH CONFIGURATION added. */
export function allConfigs(cat: Catalog | undefined): TsConfig[] {
  return cat && cat.tsConfigs.size ? [...TS_CONFIGS, ...[...cat.tsConfigs.values()].sort((a, b) => a.oid - b.oid)] : [...TS_CONFIGS];
}

/** The configuration of a regconfig value (cache lookup: 'cache lookup failed' for unknown OIDs). */
export function configOf(oid: number, cat?: Catalog): TsConfig {
  const c = CONFIG_BY_OID.get(oid) ?? cat?.tsConfigs.get(oid);
  if (!c) throw new PgError(SQLSTATE.internal_error, `cache lookup failed for text search configuration ${oid}`);
  return c;
}

/**
 * Runs one dictionary on a token (the template's lexize function): null when the dictionary does
 * not recognize the token, [] for a stop word, else the normalized lexemes.
 */
export function lexize(dictOid: number, token: string): string[] | null {
  if (dictOid === SIMPLE_DICT_OID) return [token.toLowerCase()];
  const ext = EXT_DICTS.size ? EXT_DICTS.get(dictOid) : undefined;
  if (ext) return ext.lexize(token);
  const d = DICT_BY_OID.get(dictOid);
  if (!d) throw new PgError(SQLSTATE.internal_error, `cache lookup failed for text search dictionary ${dictOid}`);
  if (d.language === 'english') {
    const w = token.toLowerCase();
    if (ENGLISH_STOPWORDS.has(w)) return [];
    return [englishStem(w)];
  }
  throw featureNotSupported(`text search dictionary "${d.name}"`);
}

/** Splits `a.b` / `"A".b` (lowercasing unquoted parts). */
function splitName(text: string): string[] {
  const out: string[] = [];
  const s = text.trim();
  let i = 0;
  while (i <= s.length) {
    let part = '';
    if (s[i] === '"') {
      i++;
      while (i < s.length) {
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            part += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        part += s[i++];
      }
    } else {
      while (i < s.length && s[i] !== '.') part += s[i++];
      part = part.trim().toLowerCase();
    }
    out.push(part);
    if (s[i] !== '.') break;
    i++;
  }
  return out;
}

/** Namespaces searched for an unqualified name: pg_catalog first (unless listed), then the search path. */
function searchNamespaces(cat: Catalog | undefined, searchPath: readonly string[]): number[] {
  const names = searchPath.includes('pg_catalog') ? searchPath : ['pg_catalog', ...searchPath];
  const out: number[] = [];
  for (const n of names) {
    const ns = n === 'pg_catalog' ? PG_CATALOG : cat?.namespaceOid(n);
    if (ns !== undefined) out.push(ns);
  }
  return out;
}

/** Finds a (possibly qualified) name among text-search objects, through the search path. */
export function lookupNamed<T extends { name: string; namespace: number }>(
  cat: Catalog | undefined,
  searchPath: readonly string[],
  list: readonly T[],
  parts: readonly string[],
): T | undefined {
  if (parts.length === 1) {
    for (const ns of searchNamespaces(cat, searchPath)) {
      const hit = list.find((x) => x.name === parts[0] && x.namespace === ns);
      if (hit) return hit;
    }
    return undefined;
  }
  if (parts.length === 2) {
    const ns = parts[0] === 'pg_catalog' ? PG_CATALOG : cat?.namespaceOid(parts[0]);
    if (ns === undefined) return undefined;
    return list.find((x) => x.name === parts[1] && x.namespace === ns);
  }
  return undefined;
}

/** A configuration's name as regconfigout prints it: qualified unless the search path finds it. */
export function configName(cat: Catalog | undefined, searchPath: readonly string[], c: TsConfig): string {
  if (c.namespace === PG_CATALOG) return c.name;
  const found = lookupNamed(cat, searchPath, allConfigs(cat), [c.name]);
  const ident = (s: string) => (/^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);
  return found?.oid === c.oid ? ident(c.name) : `${ident(cat?.namespaceName(c.namespace) ?? String(c.namespace))}.${ident(c.name)}`;
}

const isNumeric = (text: string) => /^\s*\d+\s*$/.test(text);

/** regconfigin: a configuration name (search path) or an OID. */
export function regconfigIn(rt: ExprRuntime | null, text: string): number {
  if (isNumeric(text)) return Number(text.trim());
  if (text.trim() === '-') return 0;
  const parts = splitName(text);
  if (parts.length > 2) {
    throw new PgError(SQLSTATE.syntax_error, `improper qualified name (too many dotted names): ${text.trim()}`);
  }
  const cat = rt?.session.catalog();
  const c = lookupNamed(cat, rt?.session.searchPath() ?? [], allConfigs(cat), parts);
  if (!c) throw new PgError(SQLSTATE.undefined_object, `text search configuration "${text}" does not exist`);
  return c.oid;
}

/** regconfigout. */
export function regconfigOut(rt: ExprRuntime | null, oid: number): string {
  if (oid === 0) return '-';
  const cat = rt?.session.catalog();
  const c = configOf0(oid, cat);
  return c ? configName(cat, rt?.session.searchPath() ?? [], c) : String(oid);
}

function configOf0(oid: number, cat: Catalog | undefined): TsConfig | undefined {
  return CONFIG_BY_OID.get(oid) ?? cat?.tsConfigs.get(oid);
}

/** regdictionaryin. */
export function regdictionaryIn(rt: ExprRuntime | null, text: string): number {
  if (isNumeric(text)) return Number(text.trim());
  if (text.trim() === '-') return 0;
  const parts = splitName(text);
  if (parts.length > 2) {
    throw new PgError(SQLSTATE.syntax_error, `improper qualified name (too many dotted names): ${text.trim()}`);
  }
  const cat = rt?.session.catalog();
  const d = lookupNamed(cat, rt?.session.searchPath() ?? [], allDictionaries(cat), parts);
  if (!d) throw new PgError(SQLSTATE.undefined_object, `text search dictionary "${text}" does not exist`);
  return d.oid;
}

/** regdictionaryout. */
export function regdictionaryOut(rt: ExprRuntime | null, oid: number): string {
  if (oid === 0) return '-';
  const d = DICT_BY_OID.get(oid);
  if (!d && EXT_DICTS.has(oid)) {
    const cat = rt?.session.catalog();
    const x = extensionDictionaries(cat).find((e) => e.dict.oid === oid);
    if (!x) return String(oid);
    const found = lookupNamed(cat, rt?.session.searchPath() ?? [], allDictionaries(cat), [x.dict.name]);
    return found?.oid === oid ? x.dict.name : `${cat!.namespaceName(x.dict.namespace)}.${x.dict.name}`;
  }
  return d ? d.name : String(oid);
}

/** The configuration default_text_search_config names (get_current_ts_config). */
export function currentConfig(rt: ExprRuntime): number {
  const name = rt.session.getSetting('default_text_search_config', true) ?? 'pg_catalog.simple';
  return regconfigIn(rt, name);
}
