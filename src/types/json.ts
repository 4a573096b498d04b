/**
 * json: the original text, validated. Output is the input byte for byte (whitespace, key order,
 * duplicate keys and escapes kept). Postgres has no equality or ordering for json, so the
 * analyzer must reject `=`, ORDER BY, DISTINCT and GROUP BY on it; `compare` and `hashKey` raise
 * the errors Postgres raises in those places, as a backstop.
 *
 * Postgres counterpart: json_in / json_out in src/backend/utils/adt/json.c (parser in
 * src/common/jsonapi.c, shared with jsonb here: src/types/jsonb/json-parser.ts).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { validateJson } from './jsonb/json-parser.js';
import type { TypeIO } from './type-io.js';

/** json: validated text, printed back unchanged. */
export const jsonIO: TypeIO<string> = {
  input(text) {
    validateJson(text);
    return text;
  },
  output: (value) => value,
  compare() {
    throw new PgError(SQLSTATE.undefined_function, 'could not identify an ordering operator for type json', {
      hint: 'Use an explicit ordering operator or modify the query.',
    });
  },
  hashKey() {
    throw new PgError(SQLSTATE.undefined_function, 'could not identify an equality operator for type json');
  },
};
