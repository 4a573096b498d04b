/**
 * Full-text search functions and operators: to_tsvector / to_tsquery and friends, @@, ts_rank,
 * ts_rank_cd, setweight, strip, length, numnode, querytree, tsvector and tsquery operators,
 * ts_delete, ts_filter, tsvector_to_array, array_to_tsvector, unnest(tsvector), ts_headline,
 * ts_debug, ts_lexize, ts_parse, ts_token_type, get_current_ts_config, comparisons.
 * The forms without a configuration read default_text_search_config and are STABLE; the ones
 * taking a regconfig are IMMUTABLE (usable in generated columns and index expressions).
 *
 * Postgres counterpart: pg_proc.dat / pg_operator.dat entries of src/backend/utils/adt/tsvector*.c,
 * tsquery*.c, tsrank.c, src/backend/tsearch/to_tsany.c, wparser.c, ts_parse.c.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { PgArray, PgRecord, type Value } from '../../types/values.js';
import { JsonbObject, parseJsonb, type JsonbValue } from '../../types/jsonb.js';
import { formatJsonNumber, isJsonNumber } from '../../types/jsonb/number.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { fn, op } from '../registry.js';
import { registerComparisons } from './comparison.js';
import { TsQuery, TsVector, posOf, weightOf } from '../../tsearch/ts-values.js';
import { compareTsVectors } from '../../tsearch/tsvector-io.js';
import { compareTsQueries, nodeCount } from '../../tsearch/tsquery-io.js';
import { debugText, toTsQuery, toTsVector, toTsVectorOfStrings } from '../../tsearch/to-tsany.js';
import { configOf, currentConfig, DEFAULT_PARSER_OID, lexize, regdictionaryOut, tsDictionaryByOid } from '../../tsearch/ts-config.js';
import { tsMatch } from '../../tsearch/ts-match.js';
import { DEFAULT_WEIGHTS, readWeights, tsRank, tsRankCd } from '../../tsearch/tsrank.js';
import {
  arrayToTsVector, concatTsVectors, deleteLexemes, filterWeights, queryAnd, queryLexemes, queryNot, queryOr, queryPhrase,
  queryTree, setWeight, strip, weightCode,
} from '../../tsearch/tsvector-op.js';
import { headline } from '../../tsearch/headline.js';
import { parseText, TOKEN_TYPES } from '../../tsearch/wparser.js';

const V = OID.tsvector;
const Q = OID.tsquery;
const C = OID.regconfig;
const T = OID.text;
const F4 = OID.float4;
const I4 = OID.int4;
const stable = { volatility: 's' as const };

const notice = (rt: ExprRuntime) => (msg: string, detail?: string) =>
  rt.session.notice(new PgError(SQLSTATE.successful_completion, msg, { severity: 'NOTICE', detail }));

const vec = (v: Value) => v as TsVector;
/** The configuration a regconfig argument names (built-in or CREATE TEXT SEARCH CONFIGURATION). */
const cfgArg = (v: Value, rt: ExprRuntime) => configOf(v as number, rt.session.catalog());
const currentCfg = (rt: ExprRuntime) => configOf(currentConfig(rt), rt.session.catalog());
const qry = (v: Value) => v as TsQuery;

// to_tsvector and the query constructors.
fn('to_tsvector', [C, T], V, (a, rt) => toTsVector(cfgArg(a[0], rt), a[1] as string, notice(rt)));
fn('to_tsvector', [T], V, (a, rt) => toTsVector(currentCfg(rt), a[0] as string, notice(rt)), stable);

/** The string values of a jsonb document, in its order. */
function* jsonbStrings(v: JsonbValue): Generator<string> {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v as readonly JsonbValue[]) yield* jsonbStrings(x);
  else if (v instanceof JsonbObject) for (const [, x] of v.entries()) yield* jsonbStrings(x);
}
/** The string values (not keys) of a json text, in document order. */
function* jsonStrings(text: string): Generator<string> {
  parseJsonb(text);
  const re = /"((?:[^"\\]|\\.)*)"(\s*:)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if (!m[2]) yield JSON.parse(`"${m[1]}"`) as string;
}
/** The json(b)_to_tsvector filter: which kinds of values (and keys) are indexed. */
interface JsonTsFlags { string: boolean; numeric: boolean; boolean: boolean; key: boolean }
const FLAG_HINT = 'Possible values are: "string", "numeric", "boolean", "key", and "all".';
/** parse_jsonb_index_flags: a string or an array of strings, case-insensitive. */
function jsonTsFlags(filter: JsonbValue): JsonTsFlags {
  const flags: JsonTsFlags = { string: false, numeric: false, boolean: false, key: false };
  if (filter instanceof JsonbObject) throw new PgError(SQLSTATE.invalid_parameter_value, 'wrong flag type, only arrays and scalars are allowed');
  for (const f of Array.isArray(filter) ? (filter as readonly JsonbValue[]) : [filter]) {
    if (typeof f !== 'string') throw new PgError(SQLSTATE.invalid_parameter_value, 'flag array element is not a string', { hint: FLAG_HINT });
    const k = f.toLowerCase();
    if (k === 'all') flags.string = flags.numeric = flags.boolean = flags.key = true;
    else if (k === 'string' || k === 'numeric' || k === 'boolean' || k === 'key') flags[k] = true;
    else throw new PgError(SQLSTATE.invalid_parameter_value, `wrong flag in flag array: "${f}"`, { hint: FLAG_HINT });
  }
  return flags;
}
/** The keys and values of a jsonb document the flags select, in its order (numbers as jsonb prints them). */
function* jsonbFlaggedStrings(v: JsonbValue, f: JsonTsFlags): Generator<string> {
  if (typeof v === 'string') {
    if (f.string) yield v;
  } else if (typeof v === 'boolean') {
    if (f.boolean) yield v ? 'true' : 'false';
  } else if (Array.isArray(v)) {
    for (const x of v as readonly JsonbValue[]) yield* jsonbFlaggedStrings(x, f);
  } else if (v instanceof JsonbObject) {
    for (const [k, x] of v.entries()) {
      if (f.key) yield k;
      yield* jsonbFlaggedStrings(x, f);
    }
  } else if (isJsonNumber(v)) {
    if (f.numeric) yield formatJsonNumber(v);
  }
}
/** The same for json text, in document order, numbers as written. */
function* jsonFlaggedStrings(text: string, f: JsonTsFlags): Generator<string> {
  parseJsonb(text);
  const re = /"((?:[^"\\]|\\.)*)"(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] !== undefined) {
      if (m[2] ? f.key : f.string) yield JSON.parse(`"${m[1]}"`) as string;
    } else if (m[3] !== undefined) {
      if (f.numeric) yield m[3];
    } else if (f.boolean) yield m[4];
  }
}
const J = OID.jsonb;
fn('jsonb_to_tsvector', [C, J, J], V, (a, rt) => toTsVectorOfStrings(cfgArg(a[0], rt), jsonbFlaggedStrings(a[1] as JsonbValue, jsonTsFlags(a[2] as JsonbValue)), notice(rt)));
fn('jsonb_to_tsvector', [J, J], V, (a, rt) => toTsVectorOfStrings(currentCfg(rt), jsonbFlaggedStrings(a[0] as JsonbValue, jsonTsFlags(a[1] as JsonbValue)), notice(rt)), stable);
fn('json_to_tsvector', [C, OID.json, J], V, (a, rt) => toTsVectorOfStrings(cfgArg(a[0], rt), jsonFlaggedStrings(a[1] as string, jsonTsFlags(a[2] as JsonbValue)), notice(rt)));
fn('json_to_tsvector', [OID.json, J], V, (a, rt) => toTsVectorOfStrings(currentCfg(rt), jsonFlaggedStrings(a[0] as string, jsonTsFlags(a[1] as JsonbValue)), notice(rt)), stable);
fn('to_tsvector', [C, OID.jsonb], V, (a, rt) => toTsVectorOfStrings(cfgArg(a[0], rt), jsonbStrings(a[1] as JsonbValue), notice(rt)));
fn('to_tsvector', [OID.jsonb], V, (a, rt) => toTsVectorOfStrings(currentCfg(rt), jsonbStrings(a[0] as JsonbValue), notice(rt)), stable);
fn('to_tsvector', [C, OID.json], V, (a, rt) => toTsVectorOfStrings(cfgArg(a[0], rt), jsonStrings(a[1] as string), notice(rt)));
fn('to_tsvector', [OID.json], V, (a, rt) => toTsVectorOfStrings(currentCfg(rt), jsonStrings(a[0] as string), notice(rt)), stable);

for (const [name, kind] of [['to_tsquery', 'to'], ['plainto_tsquery', 'plain'], ['phraseto_tsquery', 'phrase'], ['websearch_to_tsquery', 'web']] as const) {
  fn(name, [C, T], Q, (a, rt) => toTsQuery(cfgArg(a[0], rt), a[1] as string, kind, notice(rt)));
  fn(name, [T], Q, (a, rt) => toTsQuery(currentCfg(rt), a[0] as string, kind, notice(rt)), stable);
}
fn('get_current_ts_config', [], C, (_a, rt) => currentConfig(rt), stable);

// Matching.
for (const name of ['@@', '@@@']) {
  op(name, V, Q, OID.bool, (v, q) => tsMatch(vec(v), qry(q)), { commutator: name });
  op(name, Q, V, OID.bool, (q, v) => tsMatch(vec(v), qry(q)), { commutator: name });
}
op('@@', T, Q, OID.bool, (t, q, rt) => tsMatch(toTsVector(currentCfg(rt), t as string), qry(q)));
op('@@', T, T, OID.bool, (t, s, rt) => {
  const cfg = currentCfg(rt);
  return tsMatch(toTsVector(cfg, t as string), toTsQuery(cfg, s as string, 'plain'));
});
fn('ts_match_vq', [V, Q], OID.bool, (a) => tsMatch(vec(a[0]), qry(a[1])));
fn('ts_match_qv', [Q, V], OID.bool, (a) => tsMatch(vec(a[1]), qry(a[0])));

// Ranking.
for (const [name, rank] of [['ts_rank', tsRank], ['ts_rank_cd', tsRankCd]] as const) {
  fn(name, [V, Q], F4, (a) => rank(DEFAULT_WEIGHTS, vec(a[0]), qry(a[1]), 0));
  fn(name, [V, Q, I4], F4, (a) => rank(DEFAULT_WEIGHTS, vec(a[0]), qry(a[1]), a[2] as number));
  fn(name, [OID._float4, V, Q], F4, (a) => rank(readWeights(a[0] as PgArray), vec(a[1]), qry(a[2]), 0));
  fn(name, [OID._float4, V, Q, I4], F4, (a) => rank(readWeights(a[0] as PgArray), vec(a[1]), qry(a[2]), a[3] as number));
}

// tsvector functions and operators.
fn('setweight', [V, OID.char], V, (a) => setWeight(vec(a[0]), weightCode(a[1] as string)));
fn('setweight', [V, OID.char, OID._text], V, (a) => {
  const words = (a[2] as PgArray).items;
  if (words.some((w) => w === null)) throw new PgError(SQLSTATE.null_value_not_allowed, 'lexeme array may not contain nulls');
  return setWeight(vec(a[0]), weightCode(a[1] as string), new Set(words as string[]));
});
fn('strip', [V], V, (a) => strip(vec(a[0])));
fn('length', [V], I4, (a) => vec(a[0]).lexemes.length);
op('||', V, V, V, (a, b) => concatTsVectors(vec(a), vec(b)));
fn('ts_delete', [V, T], V, (a) => deleteLexemes(vec(a[0]), new Set([a[1] as string])));
fn('ts_delete', [V, OID._text], V, (a) => {
  const words = (a[1] as PgArray).items;
  if (words.some((w) => w === null)) throw new PgError(SQLSTATE.null_value_not_allowed, 'lexeme array may not contain nulls');
  return deleteLexemes(vec(a[0]), new Set(words as string[]));
});
fn('ts_filter', [V, OID._char], V, (a) => {
  const ws = (a[1] as PgArray).items;
  if (ws.some((w) => w === null)) throw new PgError(SQLSTATE.null_value_not_allowed, 'weight array may not contain nulls');
  return filterWeights(vec(a[0]), new Set(ws.map((w) => weightCode(w as string))));
});
fn('tsvector_to_array', [V], OID._text, (a) => PgArray.of(vec(a[0]).lexemes.map((l) => l.word)));
fn('array_to_tsvector', [OID._text], V, (a) => {
  const words = (a[0] as PgArray).items;
  if (words.some((w) => w === null)) throw new PgError(SQLSTATE.null_value_not_allowed, 'lexeme array may not contain nulls');
  if (words.some((w) => w === '')) throw new PgError(SQLSTATE.zero_length_character_string, 'lexeme array may not contain empty strings');
  return arrayToTsVector(words as string[]);
});
const WEIGHT_NAME = ['D', 'C', 'B', 'A'];
fn('unnest', [V], OID.record, (a) =>
  vec(a[0]).lexemes.map(
    (l) =>
      new PgRecord(
        [l.word, l.pos.length ? PgArray.of(l.pos.map((p) => posOf(p))) : null, l.pos.length ? PgArray.of(l.pos.map((p) => WEIGHT_NAME[weightOf(p)])) : null],
        ['lexeme', 'positions', 'weights'],
        [T, OID._int2, OID._text],
      ),
  ),
{ retset: true, outColumns: [{ name: 'lexeme', type: T }, { name: 'positions', type: OID._int2 }, { name: 'weights', type: OID._text }] });

// tsquery functions and operators.
fn('numnode', [Q], I4, (a) => nodeCount(qry(a[0]).root));
fn('querytree', [Q], T, (a) => queryTree(qry(a[0])));
op('&&', Q, Q, Q, (a, b) => queryAnd(qry(a), qry(b)));
op('||', Q, Q, Q, (a, b) => queryOr(qry(a), qry(b)));
op('!!', 0, Q, Q, (_n, a) => queryNot(qry(a)));
op('<->', Q, Q, Q, (a, b) => queryPhrase(qry(a), qry(b), 1));
fn('tsquery_phrase', [Q, Q], Q, (a) => queryPhrase(qry(a[0]), qry(a[1]), 1));
fn('tsquery_phrase', [Q, Q, I4], Q, (a) => queryPhrase(qry(a[0]), qry(a[1]), a[2] as number));
const contains = (a: TsQuery, b: TsQuery) => {
  const la = queryLexemes(a);
  for (const w of queryLexemes(b)) if (!la.has(w)) return false;
  return true;
};
op('@>', Q, Q, OID.bool, (a, b) => contains(qry(a), qry(b)), { commutator: '<@' });
op('<@', Q, Q, OID.bool, (a, b) => contains(qry(b), qry(a)), { commutator: '@>' });

registerComparisons(V, V, (a, b) => compareTsVectors(vec(a), vec(b)));
registerComparisons(Q, Q, (a, b) => compareTsQueries(qry(a), qry(b)));

// Headlines.
fn('ts_headline', [C, T, Q, T], T, (a, rt) => headline(cfgArg(a[0], rt), a[1] as string, qry(a[2]), a[3] as string));
fn('ts_headline', [C, T, Q], T, (a, rt) => headline(cfgArg(a[0], rt), a[1] as string, qry(a[2]), ''));
fn('ts_headline', [T, Q, T], T, (a, rt) => headline(currentCfg(rt), a[0] as string, qry(a[1]), a[2] as string), stable);
fn('ts_headline', [T, Q], T, (a, rt) => headline(currentCfg(rt), a[0] as string, qry(a[1]), ''), stable);

// Debugging functions.
const DICT_ARRAY = OID._regdictionary;
fn('ts_debug', [C, T], OID.record, (a, rt) =>
  debugText(cfgArg(a[0], rt), a[1] as string).map(
    (r) =>
      new PgRecord(
        [TOKEN_TYPES[r.token.type - 1][0], TOKEN_TYPES[r.token.type - 1][1], r.token.text, PgArray.of([...r.dictionaries]), r.dictionary, r.lexemes ? PgArray.of([...r.lexemes]) : null],
        ['alias', 'description', 'token', 'dictionaries', 'dictionary', 'lexemes'],
        [T, T, T, DICT_ARRAY, OID.regdictionary, OID._text],
      ),
  ),
{ retset: true, volatility: 's', strict: true, outColumns: [
  { name: 'alias', type: T }, { name: 'description', type: T }, { name: 'token', type: T },
  { name: 'dictionaries', type: DICT_ARRAY }, { name: 'dictionary', type: OID.regdictionary }, { name: 'lexemes', type: OID._text },
] });
fn('ts_debug', [T], OID.record, (a, rt) =>
  debugText(currentCfg(rt), a[0] as string).map(
    (r) =>
      new PgRecord(
        [TOKEN_TYPES[r.token.type - 1][0], TOKEN_TYPES[r.token.type - 1][1], r.token.text, PgArray.of([...r.dictionaries]), r.dictionary, r.lexemes ? PgArray.of([...r.lexemes]) : null],
        ['alias', 'description', 'token', 'dictionaries', 'dictionary', 'lexemes'],
        [T, T, T, DICT_ARRAY, OID.regdictionary, OID._text],
      ),
  ),
{ retset: true, volatility: 's', outColumns: [
  { name: 'alias', type: T }, { name: 'description', type: T }, { name: 'token', type: T },
  { name: 'dictionaries', type: DICT_ARRAY }, { name: 'dictionary', type: OID.regdictionary }, { name: 'lexemes', type: OID._text },
] });
fn('ts_lexize', [OID.regdictionary], OID._text, () => null);
fn('ts_lexize', [OID.regdictionary, T], OID._text, (a, rt) => {
  const dict = a[0] as number;
  if (!tsDictionaryByOid(dict, rt.session.catalog())) throw new PgError(SQLSTATE.internal_error, `cache lookup failed for text search dictionary ${regdictionaryOut(null, dict)}`);
  const r = lexize(dict, a[1] as string);
  return r === null ? null : PgArray.of(r);
});

function parserOid(v: Value): number {
  if (typeof v === 'number') {
    if (v !== DEFAULT_PARSER_OID) throw new PgError(SQLSTATE.internal_error, `cache lookup failed for text search parser ${v}`);
    return v;
  }
  const name = (v as string).toLowerCase().replace(/^pg_catalog\./, '');
  if (name !== 'default') throw new PgError(SQLSTATE.undefined_object, `text search parser "${v as string}" does not exist`);
  return DEFAULT_PARSER_OID;
}
const parseRows = (text: string) =>
  [...parseText(text)].map((t) => new PgRecord([t.type, t.text], ['tokid', 'token'], [I4, T]));
const tokenTypeRows = () => TOKEN_TYPES.map(([alias, descr], i) => new PgRecord([i + 1, alias, descr], ['tokid', 'alias', 'description'], [I4, T, T]));
for (const pt of [T, OID.oid]) {
  fn('ts_parse', [pt, T], OID.record, (a) => {
    parserOid(a[0]);
    return parseRows(a[1] as string);
  }, { retset: true, volatility: 's', outColumns: [{ name: 'tokid', type: I4 }, { name: 'token', type: T }] });
  fn('ts_token_type', [pt], OID.record, (a) => {
    parserOid(a[0]);
    return tokenTypeRows();
  }, { retset: true, volatility: 's', outColumns: [{ name: 'tokid', type: I4 }, { name: 'alias', type: T }, { name: 'description', type: T }] });
}
