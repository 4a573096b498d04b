/**
 * Composite (row) types: text I/O `(1,"a b",)`, ordering and hashing over per-field TypeIOs.
 * Values are `PgRecord` (values.ts).
 *
 * Input: an empty field is NULL, `""` the empty string; double quotes may start and stop anywhere
 * inside a field (`a"b c"d` is `ab cd`), `""` inside quotes is a quote, a backslash takes the next
 * character literally; whitespace is kept (the field type's input may trim it). Errors are
 * `malformed record literal: "..."` (22P02) with Postgres's detail. Output quotes a field that is
 * empty or contains `"`, `\`, `(`, `)`, `,` or whitespace, doubling `"` and `\` inside quotes.
 * Order: field by field, NULL after any value.
 *
 * Postgres counterpart: record_in / record_out / record_cmp / hash_record in
 * src/backend/utils/adt/rowtypes.c.
 * Known gaps: anonymous `record` input (Postgres refuses it: 0A000, raised by the analyzer).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { IoContext, TypeIO } from './type-io.js';
import { PgRecord, type Value } from './values.js';

function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function malformed(text: string, detail: string): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, `malformed record literal: "${text}"`, { detail });
}

/**
 * Splits record text into raw field strings (null for an empty, unquoted field), checking the
 * column count. `onField` receives each field as it is read, so that a field's input error comes
 * before a later structural error, as in Postgres.
 */
export function parseRecordText(text: string, nfields: number, onField: (i: number, raw: string | null) => void): void {
  const len = text.length;
  let p = 0;
  while (p < len && isCSpace(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) !== 40 /* ( */) throw malformed(text, 'Missing left parenthesis.');
  p++;
  for (let i = 0; i < nfields; i++) {
    if (i > 0) {
      if (text.charCodeAt(p) !== 44 /* , */) throw malformed(text, 'Too few columns.');
      p++;
    }
    const c = text.charCodeAt(p);
    if (c === 44 || c === 41 /* ) */) {
      onField(i, null);
      continue;
    }
    let out = '';
    let inQuote = false;
    for (;;) {
      if (p >= len) throw malformed(text, 'Unexpected end of input.');
      const d = text.charCodeAt(p);
      if (d === 92 /* \ */) {
        if (p + 1 >= len) throw malformed(text, 'Unexpected end of input.');
        out += text[p + 1];
        p += 2;
      } else if (d === 34 /* " */) {
        if (!inQuote) inQuote = true;
        else if (text.charCodeAt(p + 1) === 34) {
          out += '"';
          p++;
        } else inQuote = false;
        p++;
      } else if (!inQuote && (d === 44 || d === 41)) {
        break;
      } else {
        out += text[p];
        p++;
      }
    }
    onField(i, out);
  }
  if (text.charCodeAt(p) !== 41) throw malformed(text, 'Too many columns.');
  p++;
  while (p < len && isCSpace(text.charCodeAt(p))) p++;
  if (p < len) throw malformed(text, 'Junk after right parenthesis.');
}

function needsQuotes(s: string): boolean {
  if (s.length === 0) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 40 || c === 41 || c === 44 || isCSpace(c)) return true;
  }
  return false;
}

function quoteField(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92) {
      out += s.slice(run, i + 1); // the character, then itself again
      run = i;
    }
  }
  return out + s.slice(run) + '"';
}

/** record_out: `(f1,f2,...)`, NULL fields empty. */
export function formatRecordText(fields: readonly Value[], formatField: (i: number, v: Value) => string): string {
  let s = '(';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) s += ',';
    const v = fields[i];
    if (v === null) continue;
    const t = formatField(i, v);
    s += needsQuotes(t) ? quoteField(t) : t;
  }
  return s + ')';
}

/** record_cmp: field by field with each field's comparison; NULL sorts after any value. */
export function compareRecords(
  a: PgRecord,
  b: PgRecord,
  compareField: (i: number, x: Value, y: Value) => number,
): number {
  const n = a.fields.length < b.fields.length ? a.fields.length : b.fields.length;
  for (let i = 0; i < n; i++) {
    const x = a.fields[i];
    const y = b.fields[i];
    if (x === null) {
      if (y === null) continue;
      return 1;
    }
    if (y === null) return -1;
    const c = compareField(i, x, y);
    if (c !== 0) return c;
  }
  return a.fields.length - b.fields.length;
}

function keyText(k: string | number | bigint | boolean): string {
  switch (typeof k) {
    case 'string':
      return JSON.stringify(k);
    case 'bigint':
      return k.toString() + 'n';
    default:
      return String(k);
  }
}

/**
 * The TypeIO of a composite type with the given field types (and their typmods, default -1).
 *
 * @example
 * const io = makeRecordIO([int4IO, textIO]);
 * io.output(io.input('(1,"a b")', -1, ctx), ctx) === '(1,"a b")'
 */
export function makeRecordIO(fieldIOs: readonly TypeIO[], typmods: readonly number[] = []): TypeIO<PgRecord> {
  const n = fieldIOs.length;
  return {
    input(text: string, _typmod: number, ctx: IoContext): PgRecord {
      const fields: Value[] = new Array<Value>(n).fill(null);
      parseRecordText(text, n, (i, raw) => {
        if (raw !== null) fields[i] = fieldIOs[i].input(raw, typmods[i] ?? -1, ctx);
      });
      return new PgRecord(fields);
    },
    output(value: PgRecord, ctx: IoContext): string {
      // A value stored before ALTER TYPE / ALTER TABLE ADD COLUMN reads with NULLs for the new fields.
      const fields = value.fields.length < n ? [...value.fields, ...new Array<Value>(n - value.fields.length).fill(null)] : value.fields;
      return formatRecordText(fields, (i, v) => fieldIOs[i].output(v, ctx));
    },
    compare: (a, b) => compareRecords(a, b, (i, x, y) => fieldIOs[i].compare(x, y)),
    hashKey(value: PgRecord): string {
      let s = '';
      for (let i = 0; i < value.fields.length; i++) {
        const v = value.fields[i];
        s += (v === null ? 'N' : keyText(fieldIOs[i].hashKey(v))) + ',';
      }
      return s;
    },
  };
}
