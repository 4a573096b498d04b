/**
 * json and jsonb operators: field/element/path access `-> ->> #> #>>` (both types), and for
 * jsonb containment `@> <@`, existence `? ?| ?&`, concatenation `||`, deletion `-` (key, index,
 * key array) and `#-` (path). The jsonb semantics live in types/jsonb; json access walks the
 * original text (json-text.ts).
 *
 * Postgres counterpart: src/backend/utils/adt/jsonfuncs.c (json_object_field, jsonb_array_element,
 * json_extract_path, jsonb_delete, ...) and jsonb_op.c.
 * Known gaps: none known.
 */
import { OID } from '../../types/oids.js';
import {
  jsonbConcat,
  jsonbContained,
  jsonbContains,
  jsonbDeleteIndex,
  jsonbDeleteKey,
  jsonbDeleteKeys,
  jsonbDeletePath,
  jsonbExists,
  jsonbExistsAll,
  jsonbExistsAny,
  jsonbGetElement,
  jsonbGetElementText,
  jsonbGetField,
  jsonbGetFieldText,
  jsonbGetPath,
  jsonbGetPathText,
  parseJsonbPathIndex,
  JsonbObject,
  isJsonbArray,
  isJsonbScalar,
  type JsonbValue,
} from '../../types/jsonb.js';
import type { PgArray, Value } from '../../types/values.js';
import { fn, op } from '../registry.js';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { jsonElement, jsonField, jsonNodeText, parseJsonText, type JsonNode } from './json-text.js';
import { checkJsonEscapes } from '../../types/jsonb/json-parser.js';

const J = OID.json;
const JB = OID.jsonb;
const T = OID.text;
const I4 = OID.int4;
const TA = OID._text;

const jb = (v: Value): JsonbValue => v as JsonbValue;
const path = (v: Value): (string | null)[] => (v as PgArray).items as (string | null)[];

// jsonb access.
op('->', JB, T, JB, (a, b) => jsonbGetField(jb(a), b as string));
op('->', JB, I4, JB, (a, b) => jsonbGetElement(jb(a), b as number));
op('->>', JB, T, T, (a, b) => jsonbGetFieldText(jb(a), b as string));
op('->>', JB, I4, T, (a, b) => jsonbGetElementText(jb(a), b as number));
op('#>', JB, TA, JB, (a, b) => jsonbGetPath(jb(a), path(b)));
op('#>>', JB, TA, T, (a, b) => jsonbGetPathText(jb(a), path(b)));

// jsonb predicates and edits.
op('@>', JB, JB, OID.bool, (a, b) => jsonbContains(jb(a), jb(b)), { commutator: '<@' });
op('<@', JB, JB, OID.bool, (a, b) => jsonbContained(jb(a), jb(b)), { commutator: '@>' });
op('?', JB, T, OID.bool, (a, b) => jsonbExists(jb(a), b as string));
op('?|', JB, TA, OID.bool, (a, b) => jsonbExistsAny(jb(a), path(b)));
op('?&', JB, TA, OID.bool, (a, b) => jsonbExistsAll(jb(a), path(b)));
op('||', JB, JB, JB, (a, b) => jsonbConcat(jb(a), jb(b)));
op('-', JB, T, JB, (a, b) => jsonbDeleteKey(jb(a), b as string));
op('-', JB, I4, JB, (a, b) => jsonbDeleteIndex(jb(a), b as number));
op('-', JB, TA, JB, (a, b) => jsonbDeleteKeys(jb(a), path(b)));
op('#-', JB, TA, JB, (a, b) => jsonbDeletePath(jb(a), checkPathNulls(jb(a), path(b), true)));

// Function forms that pg_proc also exposes.
fn('jsonb_exists', [JB, T], OID.bool, (a) => jsonbExists(jb(a[0]), a[1] as string));
fn('jsonb_exists_any', [JB, TA], OID.bool, (a) => jsonbExistsAny(jb(a[0]), path(a[1])));
fn('jsonb_exists_all', [JB, TA], OID.bool, (a) => jsonbExistsAll(jb(a[0]), path(a[1])));
fn('jsonb_contains', [JB, JB], OID.bool, (a) => jsonbContains(jb(a[0]), jb(a[1])));
fn('jsonb_concat', [JB, JB], JB, (a) => jsonbConcat(jb(a[0]), jb(a[1])));
fn('jsonb_delete_path', [JB, TA], JB, (a) => jsonbDeletePath(jb(a[0]), checkPathNulls(jb(a[0]), path(a[1]), true)));

// json access over the original text.
const trees = new Map<string, JsonNode>();
/** The span tree of a json text (small cache: the same document is often probed repeatedly). */
export function jsonTree(text: string): JsonNode {
  let t = trees.get(text);
  if (!t) {
    t = parseJsonText(text);
    if (trees.size > 64) trees.clear();
    trees.set(text, t);
  }
  return t;
}
const decodedChecked = new Set<string>();
/**
 * jsonTree for the functions whose lexer decodes every string of the document (need_escapes in
 * Postgres's jsonfuncs.c): lone surrogates and `\u0000` anywhere are errors there.
 */
export function jsonTreeDecoded(text: string): JsonNode {
  if (!decodedChecked.has(text) && text.includes('\\u')) {
    checkJsonEscapes(text);
    if (decodedChecked.size > 64) decodedChecked.clear();
    decodedChecked.add(text);
  }
  return jsonTree(text);
}
const slice = (text: string, n: JsonNode | undefined): Value => (n === undefined ? null : text.slice(n.start, n.end));
const sliceText = (text: string, n: JsonNode | undefined): Value => (n === undefined ? null : jsonNodeText(text, n));

/**
 * json #> path: the node at the path, or undefined (NULL path elements give undefined). With
 * duplicate keys every match is followed; the last complete match in document order wins.
 */
export function jsonPathNode(text: string, p: readonly (string | null)[]): JsonNode | undefined {
  if (p.some((k) => k === null)) return undefined;
  return walkPath(jsonTreeDecoded(text), p as string[], 0);
}

function walkPath(n: JsonNode, p: readonly string[], i: number): JsonNode | undefined {
  if (i === p.length) return n;
  const k = p[i];
  if (n.kind === 'object') {
    let found: JsonNode | undefined;
    for (const [key, v] of n.fields) {
      if (key !== k) continue;
      const r = walkPath(v, p, i + 1);
      if (r !== undefined) found = r;
    }
    return found;
  }
  if (n.kind === 'array') {
    const idx = parseJsonbPathIndex(k);
    const e = idx === undefined ? undefined : jsonElement(n, idx);
    return e === undefined ? undefined : walkPath(e, p, i + 1);
  }
  return undefined;
}

/**
 * Postgres's setPath raises 22004 `path element at position N is null` only when the walk down
 * the path actually reaches that element with a container in hand; this replays the walk for
 * paths with NULLs (types/jsonb does the rest of the work and error checking).
 */
export function checkPathNulls(target: JsonbValue, p: readonly (string | null)[], emptyShortcut = false): readonly string[] {
  if (!p.includes(null) || isJsonbScalar(target)) return p as readonly string[];
  // An empty top-level container is returned untouched before any walk (delete; set without create).
  if (emptyShortcut && (isJsonbArray(target) ? target.length === 0 : (target as JsonbObject).size === 0)) return p as readonly string[];
  let cur: JsonbValue | undefined = target;
  for (let i = 0; i < p.length && cur !== undefined; i++) {
    const k = p[i];
    if (k === null) throw new PgError(SQLSTATE.null_value_not_allowed, `path element at position ${i + 1} is null`);
    if (cur instanceof JsonbObject) cur = cur.get(k);
    else if (isJsonbArray(cur)) {
      const idx = parseJsonbPathIndex(k);
      if (idx === undefined) break;
      cur = cur[idx < 0 ? cur.length + idx : idx];
    } else break;
  }
  return p as readonly string[];
}

op('->', J, T, J, (a, b) => slice(a as string, jsonField(jsonTreeDecoded(a as string), b as string)));
op('->', J, I4, J, (a, b) => slice(a as string, jsonElement(jsonTreeDecoded(a as string), b as number)));
op('->>', J, T, T, (a, b) => sliceText(a as string, jsonField(jsonTreeDecoded(a as string), b as string)));
op('->>', J, I4, T, (a, b) => sliceText(a as string, jsonElement(jsonTreeDecoded(a as string), b as number)));
op('#>', J, TA, J, (a, b) => slice(a as string, jsonPathNode(a as string, path(b))));
op('#>>', J, TA, T, (a, b) => sliceText(a as string, jsonPathNode(a as string, path(b))));
