/**
 * jsonb text output: jsonb_out (`{"a": 1, "b": [1, 2]}`), jsonb_pretty (four-space indent) and
 * the text a `->>` / `#>>` returns (strings unquoted, null as SQL NULL).
 *
 * Strings escape `"`, `\`, \b \f \n \r \t and other control characters as `\u00xx` (lowercase
 * hex); everything else, `/` and non-ASCII included, is printed as is.
 *
 * Postgres counterpart: JsonbToCStringWorker and escape_json in src/backend/utils/adt/jsonb.c
 * and json.c.
 */
import { formatJsonNumber, isJsonNumber } from './number.js';
import { JSONB_NULL, JsonbObject, type JsonbValue } from './value.js';

function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92) return true;
  }
  return false;
}

/**
 * A string as a JSON string literal, escaped as Postgres's escape_json does.
 *
 * @example escapeJsonString('a"b\n') === '"a\\"b\\n"'
 */
export function escapeJsonString(s: string): string {
  if (!needsEscape(s)) return '"' + s + '"';
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 34 && c !== 92) continue;
    out += s.slice(run, i);
    run = i + 1;
    switch (c) {
      case 34:
        out += '\\"';
        break;
      case 92:
        out += '\\\\';
        break;
      case 8:
        out += '\\b';
        break;
      case 12:
        out += '\\f';
        break;
      case 10:
        out += '\\n';
        break;
      case 13:
        out += '\\r';
        break;
      case 9:
        out += '\\t';
        break;
      default:
        out += '\\u00' + (c < 16 ? '0' : '') + c.toString(16);
    }
  }
  return out + s.slice(run) + '"';
}

function scalarText(v: JsonbValue): string {
  if (typeof v === 'string') return escapeJsonString(v);
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (v === JSONB_NULL) return 'null';
  if (isJsonNumber(v)) return formatJsonNumber(v);
  throw new Error('not a jsonb scalar');
}

function write(v: JsonbValue, out: string[]): void {
  if (Array.isArray(v)) {
    const a = v as readonly JsonbValue[];
    out.push('[');
    for (let i = 0; i < a.length; i++) {
      if (i > 0) out.push(', ');
      write(a[i], out);
    }
    out.push(']');
  } else if (v instanceof JsonbObject) {
    out.push('{');
    for (let i = 0; i < v.keys.length; i++) {
      if (i > 0) out.push(', ');
      out.push(escapeJsonString(v.keys[i]), ': ');
      write(v.values[i], out);
    }
    out.push('}');
  } else {
    out.push(scalarText(v));
  }
}

/**
 * jsonb_out: Postgres's canonical text.
 *
 * @example jsonbToText(parseJsonb('{"b":[1,2.0],"a":null}')) === '{"a": null, "b": [1, 2.0]}'
 */
export function jsonbToText(v: JsonbValue): string {
  if (!Array.isArray(v) && !(v instanceof JsonbObject)) return scalarText(v);
  const out: string[] = [];
  write(v, out);
  return out.join('');
}

function writePretty(v: JsonbValue, level: number, out: string[]): void {
  const isArr = Array.isArray(v);
  if (!isArr && !(v instanceof JsonbObject)) {
    out.push(scalarText(v));
    return;
  }
  out.push(isArr ? '[' : '{');
  const inner = '\n' + '    '.repeat(level + 1);
  if (isArr) {
    const a = v as readonly JsonbValue[];
    for (let i = 0; i < a.length; i++) {
      out.push(i > 0 ? ',' + inner : inner);
      writePretty(a[i], level + 1, out);
    }
  } else {
    const o = v as JsonbObject;
    for (let i = 0; i < o.keys.length; i++) {
      out.push(i > 0 ? ',' + inner : inner, escapeJsonString(o.keys[i]), ': ');
      writePretty(o.values[i], level + 1, out);
    }
  }
  out.push('\n' + '    '.repeat(level), isArr ? ']' : '}');
}

/**
 * jsonb_pretty(): one element per line, four-space indent; empty containers still span two lines
 * (`[\n]`), as Postgres prints them.
 */
export function jsonbPretty(v: JsonbValue): string {
  const out: string[] = [];
  writePretty(v, 0, out);
  return out.join('');
}

/**
 * The text `->>` and `#>>` return: strings without quotes, JSON null as SQL NULL, anything else
 * as jsonb_out prints it.
 *
 * @example jsonToText('a"b') === 'a"b'; jsonToText(JSONB_NULL) === null
 */
export function jsonToText(v: JsonbValue): string | null {
  if (typeof v === 'string') return v;
  if (v === JSONB_NULL) return null;
  return jsonbToText(v);
}
