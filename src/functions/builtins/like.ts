/**
 * LIKE pattern matching: `%` any run, `_` one character, `\` escapes the next character (an
 * `ESCAPE` clause is rewritten to backslash form by like_escape first). The matcher walks text
 * and pattern as Postgres's does, including its early "abort" that keeps `%a%b%` patterns
 * linear-ish, and raises 22025 only when the trailing escape is actually reached.
 *
 * Postgres counterpart: src/backend/utils/adt/like_match.c (MatchText, do_like_escape),
 * like.c (textlike, texticlike, bytealike).
 * Under a nondeterministic collation (likeMatchCollated) literal runs of the pattern match any
 * substring the collator ranks equal, as Postgres 18 does.
 * Known gaps: the nondeterministic matcher tries every split, quadratic per wildcard.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';

const PERCENT = 37;
const UNDERSCORE = 95;
const BACKSLASH = 92;

const enum M {
  False = 0,
  True = 1,
  Abort = -1,
}

function endsWithEscape(): PgError {
  return new PgError(SQLSTATE.invalid_escape_sequence, 'LIKE pattern must not end with escape character');
}

/** Matches sequences of units (code points, or bytes for bytea). */
function matchUnits(t: ArrayLike<number>, ti: number, p: ArrayLike<number>, pi: number): M {
  const tl = t.length;
  const pl = p.length;
  if (pi === pl - 1 && p[pi] === PERCENT) return M.True;
  while (ti < tl && pi < pl) {
    const pc = p[pi];
    if (pc === BACKSLASH) {
      pi++;
      if (pi >= pl) throw endsWithEscape();
      if (p[pi] !== t[ti]) return M.False;
    } else if (pc === PERCENT) {
      pi++;
      // Collapse runs of % and _ (each _ eats one text unit).
      while (pi < pl) {
        if (p[pi] === PERCENT) pi++;
        else if (p[pi] === UNDERSCORE) {
          if (ti >= tl) return M.Abort;
          ti++;
          pi++;
        } else break;
      }
      if (pi >= pl) return M.True;
      let first: number;
      if (p[pi] === BACKSLASH) {
        if (pi + 1 >= pl) throw endsWithEscape();
        first = p[pi + 1];
      } else first = p[pi];
      while (ti < tl) {
        if (t[ti] === first) {
          const r = matchUnits(t, ti, p, pi);
          if (r !== M.False) return r;
        }
        ti++;
      }
      return M.Abort;
    } else if (pc === UNDERSCORE) {
      ti++;
      pi++;
      continue;
    } else if (pc !== t[ti]) {
      return M.False;
    }
    ti++;
    pi++;
  }
  if (ti < tl) return M.False;
  while (pi < pl && p[pi] === PERCENT) pi++;
  return pi >= pl ? M.True : M.Abort;
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i) as number;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

const patternCache = new Map<string, number[]>();

function patternUnits(p: string): number[] {
  let u = patternCache.get(p);
  if (!u) {
    u = codePoints(p);
    if (patternCache.size > 500) patternCache.clear();
    patternCache.set(p, u);
  }
  return u;
}

/**
 * `text LIKE pattern` (backslash escapes).
 *
 * @example likeMatch('abc', 'a_c') === true
 */
export function likeMatch(text: string, pattern: string): boolean {
  // Patterns with only `%` wildcards: literal pieces found in order (first and last anchored).
  if (pattern.indexOf('_') < 0 && pattern.indexOf('\\') < 0) {
    const parts = pattern.split('%');
    if (parts.length === 1) return text === pattern;
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!text.startsWith(first) || text.length < first.length + last.length || !text.endsWith(last)) return false;
    let pos = first.length;
    const end = text.length - last.length;
    for (let i = 1; i < parts.length - 1; i++) {
      if (parts[i] === '') continue;
      const at = text.indexOf(parts[i], pos);
      if (at < 0 || at + parts[i].length > end) return false;
      pos = at + parts[i].length;
    }
    return true;
  }
  return matchUnits(codePoints(text), 0, patternUnits(pattern), 0) === M.True;
}

/** `text ILIKE pattern`: both sides lower-cased first, as Postgres does for UTF-8 collations. */
export function ilikeMatch(text: string, pattern: string): boolean {
  return likeMatch(text.toLowerCase(), pattern.toLowerCase());
}

/** `bytea LIKE bytea`, over bytes. */
export function byteaLikeMatch(text: Uint8Array, pattern: Uint8Array): boolean {
  return matchUnits(text, 0, pattern, 0) === M.True;
}

/**
 * like_escape(pattern, escape): rewrites a pattern using `escape` into backslash form; an empty
 * escape disables escaping (backslashes are doubled). 22025 `invalid escape string` for an
 * escape longer than one character.
 */
export function likeEscape(pattern: string, escape: string): string {
  const e = Array.from(escape);
  if (e.length > 1) {
    throw new PgError(SQLSTATE.invalid_escape_sequence, 'invalid escape string', {
      hint: 'Escape string must be empty or one character.',
    });
  }
  if (e.length === 0) return pattern.replace(/\\/g, '\\\\');
  const esc = e[0];
  if (esc === '\\') return pattern;
  let out = '';
  const p = Array.from(pattern);
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === esc) {
      i++;
      // A trailing escape becomes a lone backslash (MatchText reports it if it is reached).
      out += i < p.length ? '\\' + p[i] : '\\';
    } else if (c === '\\') out += '\\\\';
    else out += c;
  }
  return out;
}

const PCT = Symbol('%');
const ONE = Symbol('_');

/**
 * `text LIKE pattern` under a nondeterministic collation: `_` is one character, `%` any run,
 * and each literal run of the pattern matches a substring that `compare` ranks equal to it.
 *
 * @example likeMatchCollated('ABC', 'a%', ci) === true
 */
export function likeMatchCollated(text: string, pattern: string, compare: (a: string, b: string) => number): boolean {
  const tokens: (string | typeof PCT | typeof ONE)[] = [];
  const p = Array.from(pattern);
  let lit = '';
  const flush = () => {
    if (lit !== '') tokens.push(lit);
    lit = '';
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (++i >= p.length) throw endsWithEscape();
      lit += p[i];
    } else if (c === '%') {
      flush();
      if (tokens[tokens.length - 1] !== PCT) tokens.push(PCT);
    } else if (c === '_') {
      flush();
      tokens.push(ONE);
    } else lit += c;
  }
  flush();
  const t = Array.from(text);
  const n = t.length;
  const match = (ti: number, k: number): boolean => {
    if (k === tokens.length) return ti === n;
    const tok = tokens[k];
    if (tok === PCT) {
      for (let j = ti; j <= n; j++) if (match(j, k + 1)) return true;
      return false;
    }
    if (tok === ONE) return ti < n && match(ti + 1, k + 1);
    let sub = '';
    for (let j = ti; j <= n; j++) {
      if (compare(sub, tok) === 0 && match(j, k + 1)) return true;
      if (j < n) sub += t[j];
    }
    return false;
  };
  return match(0, 0);
}
