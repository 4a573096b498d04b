/**
 * The SQL/JSON `IS [NOT] JSON [VALUE | SCALAR | ARRAY | OBJECT] [WITH | WITHOUT UNIQUE [KEYS]]`
 * predicate over text (and the other string types), json, jsonb and bytea (UTF-8 text). Text
 * that is not valid JSON is simply not JSON (false, no error); NULL gives NULL.
 *
 * Postgres counterpart: ExecEvalJsonIsPredicate in src/backend/executor/execExprInterp.c,
 * json_validate in src/backend/utils/adt/json.c.
 */
import { validateJson } from '../../types/jsonb/json-parser.js';
import { jsonbTypeof, type JsonbValue } from '../../types/jsonb/value.js';

export type JsonItemType = 'any' | 'scalar' | 'array' | 'object';

/** Whether a JSON text's objects have no duplicate keys (the text is valid JSON). */
export function uniqueJsonKeys(text: string): boolean {
  const stack: { keys: Set<string> | undefined; expectKey: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') stack.push({ keys: new Set(), expectKey: true });
    else if (c === '[') stack.push({ keys: undefined, expectKey: false });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    } else if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return false;
        top.keys.add(key);
        top.expectKey = false;
      }
      i = j;
    }
  }
  return true;
}

function itemTypeOfText(text: string): JsonItemType {
  const c = text.trimStart()[0];
  return c === '{' ? 'object' : c === '[' ? 'array' : 'scalar';
}

/** IS JSON of a text value (text, varchar, char, json, or bytea decoded as UTF-8). */
export function textIsJson(text: string, want: JsonItemType, unique: boolean, alreadyValid = false): boolean {
  if (!alreadyValid) {
    try {
      validateJson(text);
    } catch {
      return false;
    }
  }
  if (want !== 'any' && itemTypeOfText(text) !== want) return false;
  return !unique || uniqueJsonKeys(text);
}

/** IS JSON of a jsonb value (always valid, keys always unique). */
export function jsonbIsJson(v: JsonbValue, want: JsonItemType): boolean {
  if (want === 'any') return true;
  const t = jsonbTypeof(v);
  return want === 'object' ? t === 'object' : want === 'array' ? t === 'array' : t !== 'object' && t !== 'array';
}
