/**
 * jsonb: the type's TypeIO plus the public surface of src/types/jsonb/ (value model, parser,
 * output, ordering, operators). See jsonb/value.ts for the in-memory representation.
 *
 * Postgres counterpart: src/backend/utils/adt/jsonb.c (jsonb_in / jsonb_out), jsonb_util.c,
 * jsonb_op.c, jsonfuncs.c.
 * Known gaps: jsonb subscripting assignment (jsonpath is in jsonpath.ts and jsonpath/), the jsonb_*_agg / *_each set functions
 * (those live with the function library).
 */
import type { TypeIO } from './type-io.js';
import { compareJsonb, jsonbHashKey } from './jsonb/compare.js';
import { parseJsonb } from './jsonb/json-parser.js';
import { jsonbToText } from './jsonb/output.js';
import type { JsonbValue } from './jsonb/value.js';

export {
  JSONB_NULL,
  JSONB_EMPTY_ARRAY,
  JsonbNull,
  JsonbObject,
  compareJsonbKeys,
  isJsonbArray,
  isJsonbObject,
  isJsonbScalar,
  jsonbArray,
  jsonbTypeof,
  type JsonbTypeName,
  type JsonbValue,
} from './jsonb/value.js';
export { MAX_JSON_DEPTH, parseJsonb, validateJson, jsonErrorContext, jsonSyntaxError } from './jsonb/json-parser.js';
export { escapeJsonString, jsonbPretty, jsonbToText, jsonToText } from './jsonb/output.js';
export { compareJsonb, jsonbEquals, jsonbHashKey } from './jsonb/compare.js';
export { jsonbFromJs, jsonbToJs, type JsJson } from './jsonb/convert.js';
export {
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
} from './jsonb/access.js';
export { jsonbContained, jsonbContains } from './jsonb/contains.js';
export {
  jsonbConcat,
  jsonbDeleteIndex,
  jsonbDeleteKey,
  jsonbDeleteKeys,
  jsonbDeletePath,
  jsonbInsert,
  jsonbSet,
  jsonbStripNulls,
} from './jsonb/modify.js';

/**
 * jsonb: input parses and normalises (keys sorted, duplicates dropped, numbers as Numeric),
 * output is Postgres's canonical text, ordering is jsonb's btree order.
 *
 * @example jsonbIO.output(jsonbIO.input('{"b":1e2,"a":[1.0]}', -1, ctx), ctx) === '{"a": [1.0], "b": 100}'
 */
export const jsonbIO: TypeIO<JsonbValue> = {
  input: (text) => parseJsonb(text),
  output: (value) => jsonbToText(value),
  compare: compareJsonb,
  hashKey: jsonbHashKey,
};
