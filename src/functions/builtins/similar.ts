/**
 * SIMILAR TO: the translation of an SQL regular expression into a POSIX one (what the grammar
 * feeds to `~`), and the `#"` separators that mark the part substring(... SIMILAR ...) returns.
 *
 * Postgres counterpart: similar_escape_internal in src/backend/utils/adt/regexp.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';

/**
 * similar_to_escape(pattern, escape): `%` → `.*`, `_` → `.`, `(` → `(?:`, `.`/`$`/`^` escaped,
 * bracket expressions copied, `<esc>"` separators turned into the capture group substring uses.
 *
 * @example similarToEscape('a|b%', '\\') === '^(?:a|b.*)$'
 */
export function similarToEscape(pattern: string, escape: string | null, cuts?: number[]): string {
  let esc: string | undefined;
  if (escape !== null) {
    const e = Array.from(escape);
    if (e.length > 1) {
      throw new PgError(SQLSTATE.invalid_escape_sequence, 'invalid escape string', {
        hint: 'Escape string must be empty or one character.',
      });
    }
    esc = e[0];
  }
  const p = Array.from(pattern);
  let out = '^(?:';
  let separators = 0;
  let inBracket = false;
  let bracketStart = -1;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (esc !== undefined && c === esc) {
      i++;
      if (i >= p.length) break;
      const n = p[i];
      if (inBracket) {
        out += c + n;
        continue;
      }
      if (n === '"') {
        separators++;
        if (separators > 2) {
          throw new PgError(
            SQLSTATE.invalid_use_of_escape_character,
            'SQL regular expression may not contain more than two escape-double-quote separators',
          );
        }
        cuts?.push(out.length);
        out += separators === 1 ? '){1,1}?(' : '){1,1}(?:';
      } else {
        out += '\\' + n;
      }
      continue;
    }
    if (inBracket) {
      out += c;
      // `]` right after `[` or `[^` is a member, not the end.
      if (c === ']' && i > bracketStart + 1 && !(i === bracketStart + 2 && p[bracketStart + 1] === '^')) inBracket = false;
      continue;
    }
    switch (c) {
      case '[':
        inBracket = true;
        bracketStart = i;
        out += c;
        break;
      case '%':
        out += '.*';
        break;
      case '_':
        out += '.';
        break;
      case '(':
        out += '(?:';
        break;
      case '\\':
      case '.':
      case '^':
      case '$':
        out += '\\' + c;
        break;
      default:
        out += c;
    }
  }
  return out + ')$';
}

/**
 * The three POSIX parts of a SIMILAR pattern with two `<esc>"` separators (before, between and
 * after them), or null without exactly two. substring(... SIMILAR ...) matches the first part
 * as short as possible and the second as long as possible, as Postgres's regex engine does
 * for `(?:p1){1,1}?(p2){1,1}(?:p3)`.
 */
export function similarParts(pattern: string, escape: string | null): [string, string, string] | null {
  const cuts: number[] = [];
  const re = similarToEscape(pattern, escape, cuts);
  if (cuts.length !== 2) return null;
  return [re.slice(4, cuts[0]), re.slice(cuts[0] + 8, cuts[1]), re.slice(cuts[1] + 9, -2)];
}
