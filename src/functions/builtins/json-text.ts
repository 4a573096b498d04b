/**
 * Navigation inside `json` values, which keep their original text: a span tree over the
 * (already validated) text, so that `->`, `#>`, json_array_elements and friends return the
 * sub-texts byte for byte as Postgres does (whitespace kept, duplicate keys kept; lookups by key
 * take the last duplicate, as json_object_field does).
 *
 * Postgres counterpart: the json (not jsonb) half of src/backend/utils/adt/jsonfuncs.c
 * (get_worker, json_array_elements, json_object_keys) driven by src/common/jsonapi.c.
 * Known gaps: none known.
 */

/** A JSON value inside a text: its kind and [start, end) span; containers list their parts. */
export type JsonNode =
  | { readonly kind: 'object'; readonly start: number; readonly end: number; readonly fields: readonly [string, JsonNode][] }
  | { readonly kind: 'array'; readonly start: number; readonly end: number; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string' | 'number' | 'boolean' | 'null'; readonly start: number; readonly end: number };

const WS = new Set([32, 9, 10, 13]);

/** Parses validated json text into spans. */
export function parseJsonText(text: string): JsonNode {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const stringEnd = (from: number): number => {
    let j = from + 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 34) return j + 1;
      else j++;
    }
    return j;
  };
  const value = (): JsonNode => {
    skip();
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 123) {
      i++;
      const fields: [string, JsonNode][] = [];
      skip();
      if (text.charCodeAt(i) === 125) {
        i++;
        return { kind: 'object', start, end: i, fields };
      }
      for (;;) {
        skip();
        const ks = i;
        i = stringEnd(i);
        const key = decodeJsonString(text.slice(ks, i));
        skip();
        i++; // ':'
        fields.push([key, value()]);
        skip();
        if (text.charCodeAt(i++) === 125) return { kind: 'object', start, end: i, fields };
      }
    }
    if (c === 91) {
      i++;
      const items: JsonNode[] = [];
      skip();
      if (text.charCodeAt(i) === 93) {
        i++;
        return { kind: 'array', start, end: i, items };
      }
      for (;;) {
        items.push(value());
        skip();
        if (text.charCodeAt(i++) === 93) return { kind: 'array', start, end: i, items };
      }
    }
    if (c === 34) {
      i = stringEnd(i);
      return { kind: 'string', start, end: i };
    }
    while (i < text.length && !WS.has(text.charCodeAt(i)) && !',]}:'.includes(text[i])) i++;
    const word = text.slice(start, i);
    return { kind: word === 'null' ? 'null' : word === 'true' || word === 'false' ? 'boolean' : 'number', start, end: i };
  };
  return value();
}

/** Decodes a JSON string literal (with its quotes). */
export function decodeJsonString(lit: string): string {
  return lit.indexOf('\\') < 0 ? lit.slice(1, -1) : (JSON.parse(lit) as string);
}

/** The field `key` of an object node (last duplicate wins), or undefined. */
export function jsonField(n: JsonNode, key: string): JsonNode | undefined {
  if (n.kind !== 'object') return undefined;
  let found: JsonNode | undefined;
  for (const [k, v] of n.fields) if (k === key) found = v;
  return found;
}

/** Element `index` of an array node (negative counts from the end), or undefined. */
export function jsonElement(n: JsonNode, index: number): JsonNode | undefined {
  if (n.kind !== 'array') return undefined;
  const i = index < 0 ? n.items.length + index : index;
  return n.items[i];
}

/** The text `->>` returns: strings de-escaped, JSON null as SQL NULL, anything else verbatim. */
export function jsonNodeText(text: string, n: JsonNode): string | null {
  if (n.kind === 'null') return null;
  const raw = text.slice(n.start, n.end);
  return n.kind === 'string' ? decodeJsonString(raw) : raw;
}
