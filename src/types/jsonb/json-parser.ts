/**
 * The JSON lexer and parser shared by json (validate only, keep the text) and jsonb (build a
 * JsonbValue), with Postgres's exact errors: `invalid input syntax for type json` (22P02) and a
 * detail naming the offending token, plus the `JSON data, line N: ...` context Postgres reports
 * in the error's `where` field.
 *
 * Only jsonb decodes strings, so only jsonb checks surrogate pairs and rejects `\u0000` (22P05),
 * as in Postgres, where json_in never de-escapes. The parser is iterative (no recursion), so deep
 * nesting cannot overflow the JS stack; past MAX_JSON_DEPTH it raises 54001 like Postgres's
 * check_stack_depth.
 *
 * Postgres counterpart: src/common/jsonapi.c (json_lex, json_lex_string, json_lex_number,
 * parse_object/parse_array, json_errdetail) and json_errsave_context in
 * src/backend/utils/adt/jsonfuncs.c.
 * Known gaps: Postgres's depth limit depends on its C stack (about 16k-20k levels on the oracle);
 * ours is a fixed MAX_JSON_DEPTH (2000), so documents nested 2001 to ~16k deep are refused here
 * but accepted by Postgres.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { utf8Length } from '../text.js';
import { parseJsonNumber } from './number.js';
import { JSONB_EMPTY_ARRAY, JSONB_NULL, JsonbObject, type JsonbValue } from './value.js';

/**
 * Deepest nesting accepted before `stack depth limit exceeded` (54001). Postgres's limit comes from
 * its 2 MB C stack (about 16k levels for jsonb, up to 20k for json arrays); ours is lower because
 * output, comparison, containment and path functions recurse on the JS stack (~10k frames), and
 * must leave room for the engine's own frames.
 */
export const MAX_JSON_DEPTH = 2000;

const END = 0;
const LBRACE = 1;
const RBRACE = 2;
const LBRACKET = 3;
const RBRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 7;
const NUMBER = 8;
const TRUE = 9;
const FALSE = 10;
const NULL = 11;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Postgres's JSON_ALPHANUMERIC_CHAR: letters, digits, `_` and any non-ASCII character. */
function isJsonAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 0x80;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

/** UTF-16 length of the character at `i`. */
function unitsAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

/**
 * Postgres's error context: the line up to the end of the offending token, cut to its last
 * 50 bytes or so (prefixed `...` when cut by more than 3 bytes), and `...` appended when the line
 * goes on after the token. Lines are counted up to `tokenStart` only: like Postgres's lexer, a
 * newline inside the offending string token (`"\<newline>`) does not start a new line.
 */
export function jsonErrorContext(text: string, ctxEnd: number, tokenStart = ctxEnd): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < tokenStart; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let start = lineStart;
  let bytes = utf8Length(text.slice(lineStart, ctxEnd));
  let skipped = 0;
  while (bytes >= 50) {
    const cp = text.codePointAt(start) as number;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    start += cp > 0xffff ? 2 : 1;
    bytes -= n;
    skipped += n;
  }
  if (skipped <= 3) start = lineStart;
  let ctx = (start > lineStart ? '...' : '') + text.slice(start, ctxEnd);
  const next = text.charCodeAt(ctxEnd);
  if (ctxEnd < text.length && next !== 10 && next !== 13) ctx += '...';
  return `JSON data, line ${line}: ${ctx}`;
}

/**
 * `invalid input syntax for type json` with `detail` and the context ending at `ctxEnd`, for an
 * offending token starting at `tokenStart`.
 */
export function jsonSyntaxError(text: string, detail: string, ctxEnd: number, tokenStart = ctxEnd): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, 'invalid input syntax for type json', {
    detail,
    where: jsonErrorContext(text, ctxEnd, tokenStart),
  });
}

/** `stack depth limit exceeded` (54001), as Postgres's check_stack_depth reports it. */
export function stackDepthError(): PgError {
  return new PgError(SQLSTATE.statement_too_complex, 'stack depth limit exceeded', {
    hint:
      'Increase the configuration parameter "max_stack_depth" (currently 2048kB), ' +
      "after ensuring the platform's stack depth limit is adequate.",
  });
}

interface Frame {
  /** Array items (build mode). */
  items: JsonbValue[] | null;
  /** Object keys / values (build mode); null for arrays. */
  keys: string[] | null;
  values: JsonbValue[] | null;
  key: string;
  isArray: boolean;
}

class JsonParser {
  private pos = 0;
  private tok = END;
  private tokStart = 0;
  private tokEnd = 0;
  /** The decoded value of the current string token (build mode). */
  private str = '';

  constructor(
    private readonly text: string,
    private readonly build: boolean,
    /** Build mode for its string decoding only (numbers are not converted). */
    private readonly decodeOnly = false,
  ) {}

  /** An error in the token starting at `tokenStart` (the current string, for lexString). */
  private syntax(detail: string, ctxEnd: number, tokenStart = this.tokStart): PgError {
    return jsonSyntaxError(this.text, detail, ctxEnd, tokenStart);
  }

  private invalidToken(start: number, end: number): PgError {
    return this.syntax(`Token "${this.text.slice(start, end)}" is invalid.`, end, start);
  }

  /** The error for an unexpected current token: what was expected, or end of input. */
  private expected(what: string): PgError {
    if (this.tok === END) return this.syntax('The input string ended unexpectedly.', this.text.length, this.text.length);
    const found = this.text.slice(this.tokStart, this.tokEnd);
    return this.syntax(`Expected ${what}, but found "${found}".`, this.tokEnd);
  }

  /** The current token kind (a method, so that TypeScript does not narrow it across next()). */
  private cur(): number {
    return this.tok;
  }

  /** Lexes the next token. */
  next(): void {
    const text = this.text;
    const len = text.length;
    let p = this.pos;
    while (p < len) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 9 || c === 10 || c === 13) p++;
      else break;
    }
    this.tokStart = p;
    if (p >= len) {
      this.tok = END;
      this.tokEnd = this.pos = p;
      return;
    }
    const c = text.charCodeAt(p);
    let tok = -1;
    switch (c) {
      case 123:
        tok = LBRACE;
        break;
      case 125:
        tok = RBRACE;
        break;
      case 91:
        tok = LBRACKET;
        break;
      case 93:
        tok = RBRACKET;
        break;
      case 44:
        tok = COMMA;
        break;
      case 58:
        tok = COLON;
        break;
      case 34:
        this.lexString(p);
        return;
      default:
        if (c === 45 || isDigit(c)) this.lexNumber(p);
        else this.lexWord(p);
        return;
    }
    this.tok = tok;
    this.tokEnd = this.pos = p + 1;
  }

  private lexWord(start: number): void {
    const text = this.text;
    let p = start;
    while (p < text.length && isJsonAlnum(text.charCodeAt(p))) p++;
    if (p === start) p += unitsAt(text, start);
    const len = p - start;
    let tok = -1;
    if (len === 4 && text.startsWith('true', start)) tok = TRUE;
    else if (len === 4 && text.startsWith('null', start)) tok = NULL;
    else if (len === 5 && text.startsWith('false', start)) tok = FALSE;
    if (tok < 0) throw this.invalidToken(start, p);
    this.tok = tok;
    this.tokEnd = this.pos = p;
  }

  private lexNumber(start: number): void {
    const text = this.text;
    let p = start;
    let bad = false;
    if (text.charCodeAt(p) === 45) p++;
    let c = text.charCodeAt(p);
    if (c === 48) p++;
    else if (c >= 49 && c <= 57) {
      p++;
      while (isDigit(text.charCodeAt(p))) p++;
    } else bad = true;
    if (text.charCodeAt(p) === 46) {
      p++;
      if (!isDigit(text.charCodeAt(p))) bad = true;
      else while (isDigit(text.charCodeAt(p))) p++;
    }
    c = text.charCodeAt(p);
    if (c === 101 || c === 69) {
      p++;
      c = text.charCodeAt(p);
      if (c === 43 || c === 45) p++;
      if (!isDigit(text.charCodeAt(p))) bad = true;
      else while (isDigit(text.charCodeAt(p))) p++;
    }
    while (p < text.length && isJsonAlnum(text.charCodeAt(p))) {
      p++;
      bad = true;
    }
    if (bad) throw this.invalidToken(start, p);
    this.tok = NUMBER;
    this.tokEnd = this.pos = p;
  }

  private lexString(start: number): void {
    const text = this.text;
    const len = text.length;
    const build = this.build;
    let p = start + 1;
    let runStart = p;
    let out = '';
    let high = -1; // a pending high surrogate from a \u escape (build mode only)
    for (;;) {
      if (p >= len) throw this.invalidToken(start, len);
      const c = text.charCodeAt(p);
      if (high >= 0 && !(c === 92 && text.charCodeAt(p + 1) === 117)) {
        // A \u high surrogate must be followed directly by a \u low surrogate.
        let end = p + unitsAt(text, p);
        if (c === 92) {
          if (p + 1 >= len) throw this.invalidToken(start, len);
          end = p + 1 + unitsAt(text, p + 1);
        }
        throw this.syntax('Unicode low surrogate must follow a high surrogate.', end);
      }
      if (c === 34) {
        if (build) this.str = runStart === start + 1 ? text.slice(runStart, p) : out + text.slice(runStart, p);
        this.tok = STRING;
        this.tokEnd = this.pos = p + 1;
        return;
      }
      if (c < 0x20) {
        throw this.syntax(`Character with value 0x${c.toString(16).padStart(2, '0')} must be escaped.`, p);
      }
      if (c !== 92) {
        p++;
        continue;
      }
      if (build) out += text.slice(runStart, p);
      if (p + 1 >= len) throw this.invalidToken(start, len);
      const e = text.charCodeAt(p + 1);
      if (e === 117 /* u */) {
        let v = 0;
        for (let k = 2; k < 6; k++) {
          if (p + k >= len) throw this.invalidToken(start, len);
          const h = hexValue(text.charCodeAt(p + k));
          if (h < 0) {
            throw this.syntax('"\\u" must be followed by four hexadecimal digits.', p + k + unitsAt(text, p + k));
          }
          v = (v << 4) | h;
        }
        p += 6;
        if (build) {
          if (v >= 0xd800 && v <= 0xdbff) {
            if (high >= 0) throw this.syntax('Unicode high surrogate must not follow a high surrogate.', p);
            high = v;
          } else if (v >= 0xdc00 && v <= 0xdfff) {
            if (high < 0) throw this.syntax('Unicode low surrogate must follow a high surrogate.', p);
            out += String.fromCharCode(high, v);
            high = -1;
          } else if (high >= 0) {
            throw this.syntax('Unicode low surrogate must follow a high surrogate.', p);
          } else if (v === 0) {
            throw new PgError(SQLSTATE.untranslatable_character, 'unsupported Unicode escape sequence', {
              detail: '\\u0000 cannot be converted to text.',
              where: jsonErrorContext(text, p, start),
            });
          } else {
            out += String.fromCharCode(v);
          }
        }
      } else {
        let ch: string;
        switch (e) {
          case 34:
            ch = '"';
            break;
          case 92:
            ch = '\\';
            break;
          case 47:
            ch = '/';
            break;
          case 98:
            ch = '\b';
            break;
          case 102:
            ch = '\f';
            break;
          case 110:
            ch = '\n';
            break;
          case 114:
            ch = '\r';
            break;
          case 116:
            ch = '\t';
            break;
          default: {
            const n = unitsAt(text, p + 1);
            throw this.syntax(`Escape sequence "\\${text.slice(p + 1, p + 1 + n)}" is invalid.`, p + 1 + n);
          }
        }
        if (build) out += ch;
        p += 2;
      }
      runStart = p;
    }
  }

  /** Parses the whole text; returns the value in build mode, undefined otherwise. */
  parse(): JsonbValue | undefined {
    const build = this.build;
    const stack: Frame[] = [];
    this.next();
    for (;;) {
      // Parse one value starting at the current token (containers push a frame and loop).
      let v: JsonbValue;
      switch (this.cur()) {
        case LBRACE:
          this.next();
          if (this.cur() === RBRACE) {
            v = JsonbObject.EMPTY;
            break;
          }
          if (this.cur() !== STRING) throw this.expected('string or "}"');
          if (stack.length >= MAX_JSON_DEPTH) throw stackDepthError();
          stack.push({ items: null, keys: build ? [] : null, values: build ? [] : null, key: this.str, isArray: false });
          this.next();
          if (this.cur() !== COLON) throw this.expected('":"');
          this.next();
          continue;
        case LBRACKET:
          this.next();
          if (this.cur() === RBRACKET) {
            v = JSONB_EMPTY_ARRAY;
            break;
          }
          if (stack.length >= MAX_JSON_DEPTH) throw stackDepthError();
          stack.push({ items: build ? [] : null, keys: null, values: null, key: '', isArray: true });
          continue;
        case STRING:
          v = this.str;
          break;
        case NUMBER:
          v = build && !this.decodeOnly ? parseJsonNumber(this.text.slice(this.tokStart, this.tokEnd)) : JSONB_NULL;
          break;
        case TRUE:
          v = true;
          break;
        case FALSE:
          v = false;
          break;
        case NULL:
          v = JSONB_NULL;
          break;
        default:
          throw this.expected('JSON value');
      }
      // A complete value: attach it to its container, closing containers as they end.
      for (;;) {
        this.next();
        const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
        if (top === undefined) {
          if (this.cur() !== END) throw this.expected('end of input');
          return build ? v : undefined;
        }
        if (top.isArray) {
          if (build) (top.items as JsonbValue[]).push(v);
          if (this.cur() === COMMA) {
            this.next();
            break;
          }
          if (this.cur() !== RBRACKET) throw this.expected('"," or "]"');
          v = build ? Object.freeze(top.items as JsonbValue[]) : JSONB_NULL;
          stack.pop();
        } else {
          if (build) {
            (top.keys as string[]).push(top.key);
            (top.values as JsonbValue[]).push(v);
          }
          if (this.cur() === COMMA) {
            this.next();
            if (this.cur() !== STRING) throw this.expected('string');
            top.key = this.str;
            this.next();
            if (this.cur() !== COLON) throw this.expected('":"');
            this.next();
            break;
          }
          if (this.cur() !== RBRACE) throw this.expected('"," or "}"');
          v = build ? JsonbObject.fromParallel(top.keys as string[], top.values as JsonbValue[]) : JSONB_NULL;
          stack.pop();
        }
      }
    }
  }
}

/** Checks that `text` is valid JSON (json_in); throws Postgres's error otherwise. */
export function validateJson(text: string): void {
  new JsonParser(text, false).parse();
}

/**
 * Checks the `\u` escapes of valid json text as the json functions that decode its strings do
 * (Postgres's lexer with need_escapes: `->`, `#>`, json_each, ...): a lone surrogate or `\u0000`
 * anywhere in the document is an error, even outside the path read.
 */
export function checkJsonEscapes(text: string): void {
  if (text.includes('\\u')) new JsonParser(text, true, true).parse();
}

/**
 * Parses JSON text into a jsonb value (jsonb_in): keys sorted and deduplicated, numbers as
 * Numeric, escapes decoded.
 *
 * @example parseJsonb('{"b":1,"a":[true,null]}') // JsonbObject { a: [true, JSONB_NULL], b: 1 }
 */
export function parseJsonb(text: string): JsonbValue {
  return new JsonParser(text, true).parse() as JsonbValue;
}
