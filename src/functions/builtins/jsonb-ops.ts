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
  type JsonbValue,
} from '../../types/jsonb.js';
import type { PgArray, Value } from '../../types/values.js';
import { fn, op } from '../registry.js';
import { jsonElement, jsonField, jsonNodeText, parseJsonText, type JsonNode } from './json-text.js';

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
op('#-', JB, TA, JB, (a, b) => jsonbDeletePath(jb(a), path(b)));

// Function forms that pg_proc also exposes.
fn('jsonb_exists', [JB, T], OID.bool, (a) => jsonbExists(jb(a[0]), a[1] as string));
fn('jsonb_exists_any', [JB, TA], OID.bool, (a) => jsonbExistsAny(jb(a[0]), path(a[1])));
fn('jsonb_exists_all', [JB, TA], OID.bool, (a) => jsonbExistsAll(jb(a[0]), path(a[1])));
fn('jsonb_contains', [JB, JB], OID.bool, (a) => jsonbContains(jb(a[0]), jb(a[1])));
fn('jsonb_concat', [JB, JB], JB, (a) => jsonbConcat(jb(a[0]), jb(a[1])));
fn('jsonb_delete_path', [JB, TA], JB, (a) => jsonbDeletePath(jb(a[0]), path(a[1])));

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
const slice = (text: string, n: JsonNode | undefined): Value => (n === undefined ? null : text.slice(n.start, n.end));
const sliceText = (text: string, n: JsonNode | undefined): Value => (n === undefined ? null : jsonNodeText(text, n));

/** json #> path: the node at the path, or undefined (NULL path elements give undefined). */
export function jsonPathNode(text: string, p: readonly (string | null)[]): JsonNode | undefined {
  let n: JsonNode | undefined = jsonTree(text);
  for (const k of p) {
    if (n === undefined || k === null) return undefined;
    if (n.kind === 'object') n = jsonField(n, k);
    else if (n.kind === 'array') {
      const i = parseJsonbPathIndex(k);
      n = i === undefined ? undefined : jsonElement(n, i);
    } else return undefined;
  }
  return n;
}

op('->', J, T, J, (a, b) => slice(a as string, jsonField(jsonTree(a as string), b as string)));
op('->', J, I4, J, (a, b) => slice(a as string, jsonElement(jsonTree(a as string), b as number)));
op('->>', J, T, T, (a, b) => sliceText(a as string, jsonField(jsonTree(a as string), b as string)));
op('->>', J, I4, T, (a, b) => sliceText(a as string, jsonElement(jsonTree(a as string), b as number)));
op('#>', J, TA, J, (a, b) => slice(a as string, jsonPathNode(a as string, path(b))));
op('#>>', J, TA, T, (a, b) => sliceText(a as string, jsonPathNode(a as string, path(b))));
