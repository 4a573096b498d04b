/**
 * The date/time string tokenizer shared by date, time, timetz, timestamp, timestamptz and
 * interval input. Splits text into lower-cased fields and classifies each by its shape:
 * `2024-01-31` is a date field, `12:30:00.5` a time field, `+05:30` a signed (zone) field,
 * `-infinity` a signed word, `20240131` or `12.5` a number, `jan` a word.
 *
 * Postgres counterpart: ParseDateTime() in src/backend/utils/adt/datetime.c.
 */
import { lookupDateKeyword } from './keywords.js';

/** Shape of a token, as Postgres's DTK_NUMBER / DTK_STRING / DTK_DATE / DTK_TIME / DTK_TZ / DTK_SPECIAL. */
export type FieldType = 'number' | 'string' | 'date' | 'time' | 'tz' | 'special';

export interface DateTimeField {
  type: FieldType;
  /** The field text, lower-cased. */
  text: string;
}

/** Postgres's MAXDATEFIELDS and MAXDATELEN: more fields, or longer text, is a syntax error. */
const MAX_FIELDS = 25;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isAlpha(c);
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const isPunct = (c: string): boolean => /^[!-/:-@[-`{-~]$/.test(c);

/**
 * Splits date/time text into fields; null when the text cannot be tokenized (a syntax error).
 * `maxLen` is the working-buffer size (Postgres's MAXDATELEN, 128; intervals use 256).
 *
 * @example tokenizeDateTime('2024-01-31 12:00+05')
 * // [{type:'date',text:'2024-01-31'},{type:'time',text:'12:00'},{type:'tz',text:'+05'}]
 */
export function tokenizeDateTime(input: string, maxLen = 128): DateTimeField[] | null {
  const fields: DateTimeField[] = [];
  const s = input;
  let i = 0;
  let used = 0;
  while (i < s.length) {
    const c = s[i]!;
    let type: FieldType;
    let text = '';
    if (isDigit(c)) {
      while (isDigit(s[i])) text += s[i++];
      if (s[i] === ':') {
        type = 'time';
        text += s[i++];
        while (isDigit(s[i]) || s[i] === ':' || s[i] === '.') text += s[i++];
      } else if (s[i] === '-' || s[i] === '/' || s[i] === '.') {
        const delim = s[i]!;
        text += s[i++];
        if (isDigit(s[i])) {
          type = delim === '.' ? 'number' : 'date';
          while (isDigit(s[i])) text += s[i++];
          if (s[i] === delim) {
            type = 'date';
            text += s[i++];
            while (isDigit(s[i]) || s[i] === delim) text += s[i++];
          }
        } else {
          type = 'date';
          while (isAlnum(s[i]) || s[i] === delim) text += s[i++]!.toLowerCase();
        }
      } else {
        type = 'number';
      }
    } else if (c === '.') {
      text += s[i++];
      while (isDigit(s[i])) text += s[i++];
      type = 'number';
    } else if (isAlpha(c)) {
      type = 'string';
      while (isAlpha(s[i])) text += s[i++]!.toLowerCase();
      let isDate = false;
      const next = s[i];
      if (next === '-' || next === '/' || next === '.') isDate = true;
      else if (next === '+' || isDigit(next)) isDate = lookupDateKeyword(text) === undefined;
      if (isDate) {
        type = 'date';
        do {
          text += s[i++]!.toLowerCase();
        } while (i < s.length && (isAlnum(s[i]) || '+-/_.:'.includes(s[i]!)));
      }
    } else if (isSpace(c)) {
      i++;
      continue;
    } else if (c === '+' || c === '-') {
      text += s[i++];
      while (isSpace(s[i])) i++;
      if (isDigit(s[i])) {
        type = 'tz';
        text += s[i++];
        while (isDigit(s[i]) || s[i] === ':' || s[i] === '.' || s[i] === '-') text += s[i++];
      } else if (isAlpha(s[i])) {
        type = 'special';
        while (isAlpha(s[i])) text += s[i++]!.toLowerCase();
      } else {
        return null;
      }
    } else if (isPunct(c)) {
      i++;
      continue;
    } else {
      return null;
    }
    used += text.length + 1;
    if (fields.length >= MAX_FIELDS || used > maxLen) return null;
    fields.push({ type, text });
  }
  return fields;
}
