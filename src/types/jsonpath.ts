/**
 * jsonpath: the SQL type's TypeIO. Values are parsed paths (`JsonPath`, see
 * src/grammar/jsonpath/); output is Postgres's canonical text, computed once at input.
 * Postgres has no btree or hash opclass for jsonpath: ORDER BY / DISTINCT / GROUP BY on it fail
 * with 42883 (analyze/ordering.ts); compare/hash here go by the canonical text for internal uses.
 *
 * Postgres counterpart: jsonpath_in / jsonpath_out in src/backend/utils/adt/jsonpath.c.
 */
import type { TypeIO } from './type-io.js';
import type { JsonPath } from '../grammar/jsonpath/ast.js';
import { parseJsonPath } from '../grammar/jsonpath/parser.js';

const cache = new Map<string, JsonPath>();

/**
 * jsonpath_in, memoised by input text (paths are immutable and usually literals).
 *
 * @example jsonPathIn('$.a ? (@ > 1)').text === '$."a"?(@ > 1)'
 */
export function jsonPathIn(text: string): JsonPath {
  let p = cache.get(text);
  if (!p) {
    p = parseJsonPath(text);
    if (cache.size > 2000) cache.clear();
    cache.set(text, p);
  }
  return p;
}

export const jsonpathIO: TypeIO<JsonPath> = {
  input: (text) => jsonPathIn(text),
  output: (v) => v.text,
  compare: (a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  hashKey: (v) => v.text,
};
