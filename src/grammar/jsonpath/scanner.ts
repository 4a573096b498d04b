/**
 * The jsonpath lexer: tokens with the text Postgres's error messages quote ("at or near ...").
 *
 * Postgres counterpart: src/backend/utils/adt/jsonpath_scan.l (flex, longest match first). The
 * rules that matter for error texts: an unquoted word ends at a blank (the token's text is then
 * that run of blanks) or at a special character (then its text is empty, so errors on it say
 * "at end of jsonpath input"); numbers follow ECMAScript (`0x`, `0o`, `0b`, `_` separators) and
 * a letter glued to a number is "trailing junk", unless a longer unquoted word matches.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';

export type TokKind =
  | 'error' | 'ident' | 'string' | 'variable' | 'int' | 'numeric'
  | '&&' | '||' | '!' | '**' | '<' | '<=' | '==' | '!=' | '>=' | '>'
  | 'special' | 'eof';

export interface Token {
  readonly kind: TokKind;
  /** Decoded value: the word, string contents, variable name, number text or special char. */
  readonly value: string;
  /** What an error "at or near" quotes; '' means "at end of jsonpath input". */
  readonly text: string;
  /** For an `error` token: the lexical error, raised only when the parser reads this token. */
  readonly error?: PgError;
}

/** 42601 from the scanner or grammar: `<message> at or near "<text>" of jsonpath input`. */
export function jsonpathSyntaxError(message: string, text: string): PgError {
  return new PgError(
    SQLSTATE.syntax_error,
    text === '' ? `${message} at end of jsonpath input` : `${message} at or near "${text}" of jsonpath input`,
  );
}

const SPECIAL = '?%$.[]{}()|&!=<>@#,*:-+/';
const BLANK = ' \t\n\r\f';

function isOther(c: string): boolean {
  return c !== '' && !SPECIAL.includes(c) && !BLANK.includes(c) && c !== '\\' && c !== '"';
}
const isDigit = (c: string) => c >= '0' && c <= '9';
const isHex = (c: string) => /^[0-9A-Fa-f]$/.test(c);

/** Length of `digits(_?digits)*` from i using `ok` for digits (0 if none). */
function digitRun(s: string, i: number, ok: (c: string) => boolean): number {
  let j = i;
  if (!ok(s.charAt(j))) return 0;
  j++;
  for (;;) {
    if (ok(s.charAt(j))) j++;
    else if (s[j] === '_' && ok(s.charAt(j + 1))) j += 2;
    else break;
  }
  return j - i;
}

/** Length of a decinteger at i: `0` or `[1-9](_?digit)*`. */
function decInteger(s: string, i: number): number {
  if (s[i] === '0') return 1;
  if (s[i] >= '1' && s[i] <= '9') return digitRun(s, i, isDigit);
  return 0;
}

interface NumMatch {
  len: number;
  kind: 'int' | 'numeric' | 'realfail' | 'junk';
}

/** The longest numeric rule matching at i (flex's choice among number rules). */
function matchNumber(s: string, i: number): NumMatch | null {
  let best: NumMatch | null = null;
  const offer = (len: number, kind: NumMatch['kind']) => {
    if (len > 0 && (!best || len > best.len)) best = { len, kind };
  };
  // hex / octal / binary integers
  if (s[i] === '0') {
    const p = s.charAt(i + 1).toLowerCase();
    const ok = p === 'x' ? isHex : p === 'o' ? (c: string) => c >= '0' && c <= '7' : p === 'b' ? (c: string) => c === '0' || c === '1' : null;
    if (ok) {
      const r = digitRun(s, i + 2, ok);
      if (r > 0) offer(2 + r, 'int');
    }
  }
  const di = decInteger(s, i);
  // decimal: decinteger . digits? | . digits
  let dec = 0;
  if (di > 0 && s[i + di] === '.') dec = di + 1 + digitRun(s, i + di + 1, isDigit);
  else if (di === 0 && s[i] === '.') {
    const r = digitRun(s, i + 1, isDigit);
    if (r > 0) dec = 1 + r;
  }
  if (di > 0) offer(di, 'int');
  if (dec > 0) offer(dec, 'numeric');
  for (const base of [di, dec]) {
    if (base === 0) continue;
    const e = i + base;
    if (s[e] === 'e' || s[e] === 'E') {
      let k = e + 1;
      if (s[k] === '+' || s[k] === '-') k++;
      const r = digitRun(s, k, isDigit);
      if (r > 0) {
        offer(k + r - i, 'numeric');
        if (isOther(s.charAt(k + r))) offer(k + r + 1 - i, 'junk');
      } else if (k > e + 1) offer(k - i, 'realfail');
    }
    if (isOther(s.charAt(e))) offer(base + 1, 'junk');
  }
  return best;
}

const KEYWORDS = new Set([
  'is', 'to', 'abs', 'lax', 'date', 'flag', 'last', 'size', 'time', 'type', 'with', 'floor', 'bigint',
  'double', 'exists', 'number', 'starts', 'strict', 'string', 'boolean', 'ceiling', 'decimal', 'integer',
  'time_tz', 'unknown', 'datetime', 'keyvalue', 'timestamp', 'like_regex', 'timestamp_tz',
]);

/** The keyword an unquoted word is (lowercased), or null for a plain identifier. */
export function keywordOf(word: string): string | null {
  if (word === 'null' || word === 'true' || word === 'false') return word;
  const lw = word.toLowerCase();
  return KEYWORDS.has(lw) ? lw : null;
}

/**
 * Splits jsonpath text into tokens (all at once; paths are short). A lexical error becomes a
 * final `error` token: flex reports it only when bison asks for that token, so a syntax error
 * earlier in the text wins.
 */
export function scanJsonPath(s: string): Token[] {
  const out: Token[] = [];
  try {
    scanInto(s, out);
  } catch (e) {
    if (!(e instanceof PgError)) throw e;
    out.push({ kind: 'error', value: '', text: '', error: e });
  }
  return out;
}

function scanInto(s: string, out: Token[]): void {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (BLANK.includes(c)) {
      i++;
      continue;
    }
    if (c === '/' && s[i + 1] === '*') {
      const end = s.indexOf('*/', i + 2);
      if (end < 0) throw jsonpathSyntaxError('unexpected end of comment', '');
      i = end + 2;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '**' || two === '<=' || two === '==' || two === '>=') {
      out.push({ kind: two, value: two, text: two });
      i += 2;
      continue;
    }
    if (two === '<>' || two === '!=') {
      out.push({ kind: '!=', value: '!=', text: two });
      i += 2;
      continue;
    }
    if (c === '<' || c === '>' || c === '!') {
      out.push({ kind: c, value: c, text: c });
      i++;
      continue;
    }
    if (c === '$') {
      if (s[i + 1] === '"') {
        const r = scanQuoted(s, i + 2);
        out.push({ kind: 'variable', value: r.value, text: '"' });
        i = r.end;
        continue;
      }
      let j = i + 1;
      while (isOther(s.charAt(j))) j++;
      if (j > i + 1) {
        out.push({ kind: 'variable', value: s.slice(i + 1, j), text: s.slice(i, j) });
        i = j;
        continue;
      }
    }
    if (isDigit(c) || (c === '.' && isDigit(s.charAt(i + 1)))) {
      const m = matchNumber(s, i);
      let wordLen = 0;
      while (isOther(s.charAt(i + wordLen))) wordLen++;
      if (m && m.len >= wordLen) {
        const text = s.slice(i, i + m.len);
        if (m.kind === 'junk') throw jsonpathSyntaxError('trailing junk after numeric literal', text);
        if (m.kind === 'realfail') throw jsonpathSyntaxError('invalid numeric literal', text);
        out.push({ kind: m.kind, value: text, text });
        i += m.len;
        continue;
      }
    }
    if (c === '"') {
      const r = scanQuoted(s, i + 1);
      out.push({ kind: 'string', value: r.value, text: '"' });
      i = r.end;
      continue;
    }
    if (SPECIAL.includes(c)) {
      out.push({ kind: 'special', value: c, text: c });
      i++;
      continue;
    }
    // An unquoted word (with backslash escapes), as the xnq state reads it.
    let value = '';
    let j = i;
    for (;;) {
      const d = s.charAt(j);
      if (d === '\\') {
        const r = scanEscape(s, j);
        value += r.value;
        j = r.end;
      } else if (isOther(d)) {
        value += d;
        j++;
      } else break;
    }
    let text = '';
    if (j < n && BLANK.includes(s[j])) {
      let k = j;
      while (k < n && BLANK.includes(s[k])) k++;
      text = s.slice(j, k);
      j = k;
    } else if (s.startsWith('/*', j)) {
      // Postgres's scanner enters the comment state here and loses the word; what follows
      // the comment is scanned as if the word were not there.
      const end = s.indexOf('*/', j + 2);
      if (end < 0) throw jsonpathSyntaxError('unexpected end of comment', '');
      j = end + 2;
      i = j;
      continue;
    }
    out.push({ kind: 'ident', value, text });
    i = j;
  }
  out.push({ kind: 'eof', value: '', text: '' });
}

/** Reads a quoted string's body from `i` (after the opening quote) to its closing quote. */
function scanQuoted(s: string, i: number): { value: string; end: number } {
  let value = '';
  let j = i;
  for (;;) {
    if (j >= s.length) throw jsonpathSyntaxError('unterminated quoted string', '');
    const d = s[j];
    if (d === '"') return { value, end: j + 1 };
    if (d === '\\') {
      const r = scanEscape(s, j);
      value += r.value;
      j = r.end;
    } else {
      value += d;
      j++;
    }
  }
}

function invalidText(detail: string): PgError {
  return new PgError(SQLSTATE.invalid_text_representation, 'invalid input syntax for type jsonpath', { detail });
}

/** One escape sequence at s[i] === '\\' (a run of \u escapes is decoded together, for surrogates). */
function scanEscape(s: string, i: number): { value: string; end: number } {
  const e = s.charAt(i + 1);
  if (e === '') throw jsonpathSyntaxError('unexpected end after backslash', '\\');
  switch (e) {
    case 'b':
      return { value: '\b', end: i + 2 };
    case 'f':
      return { value: '\f', end: i + 2 };
    case 'n':
      return { value: '\n', end: i + 2 };
    case 'r':
      return { value: '\r', end: i + 2 };
    case 't':
      return { value: '\t', end: i + 2 };
    case 'v':
      return { value: '\v', end: i + 2 };
    case 'x': {
      if (isHex(s.charAt(i + 2)) && isHex(s.charAt(i + 3))) {
        return { value: codePoint(parseInt(s.slice(i + 2, i + 4), 16)), end: i + 4 };
      }
      throw jsonpathSyntaxError('invalid hexadecimal character sequence', s.slice(i, i + 2 + (isHex(s.charAt(i + 2)) ? 1 : 0)));
    }
    case 'u': {
      let value = '';
      let j = i;
      let hi = -1;
      while (s[j] === '\\' && s[j + 1] === 'u') {
        let ch: number;
        if (s[j + 2] === '{') {
          let k = j + 3;
          while (k < j + 9 && isHex(s.charAt(k))) k++;
          if (k === j + 3 || s[k] !== '}') throw jsonpathSyntaxError('invalid Unicode escape sequence', s.slice(j, k));
          ch = parseInt(s.slice(j + 3, k), 16);
          j = k + 1;
        } else {
          let k = j + 2;
          while (k < j + 6 && isHex(s.charAt(k))) k++;
          if (k < j + 6) throw jsonpathSyntaxError('invalid Unicode escape sequence', s.slice(j, k));
          ch = parseInt(s.slice(j + 2, k), 16);
          j = k;
        }
        if (ch > 0x10ffff) throw new PgError(SQLSTATE.syntax_error, 'invalid Unicode code point');
        if (ch >= 0xd800 && ch <= 0xdbff) {
          if (hi !== -1) throw invalidText('Unicode high surrogate must not follow a high surrogate.');
          hi = ch;
          continue;
        }
        if (ch >= 0xdc00 && ch <= 0xdfff) {
          if (hi === -1) throw invalidText('Unicode low surrogate must follow a high surrogate.');
          ch = 0x10000 + ((hi & 0x3ff) << 10) + (ch & 0x3ff);
          hi = -1;
        } else if (hi !== -1) throw invalidText('Unicode low surrogate must follow a high surrogate.');
        value += codePoint(ch);
      }
      if (hi !== -1) throw invalidText('Unicode low surrogate must follow a high surrogate.');
      return { value, end: j };
    }
    default:
      return { value: e, end: i + 2 };
  }
}

function codePoint(ch: number): string {
  if (ch === 0) {
    throw new PgError(SQLSTATE.untranslatable_character, 'unsupported Unicode escape sequence', {
      detail: '\\u0000 cannot be converted to text.',
    });
  }
  return String.fromCodePoint(ch);
}
