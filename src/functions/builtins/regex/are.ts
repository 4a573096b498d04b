/**
 * Postgres regular expressions (ARE, the default flavour) translated to JS RegExp (`u` flag),
 * with Postgres's errors (2201B `invalid regular expression: ...`) for malformed patterns and its
 * flag letters (22023 for unknown ones). Covers: `.`, anchors, bracket expressions with
 * `[:class:]`, `[.c.]`, `[=c=]`, ranges and escapes; quantifiers `* + ? {m} {m,} {m,n}` and
 * their non-greedy forms; groups `( )`, `(?: )`, lookahead/lookbehind; back references;
 * escapes `\d \s \w \D \S \W \m \M \y \Y \A \Z`, character escapes (`\t`, `\x41`, `\u0041`,
 * `\e`, ...); `***:` / `***=` directors and leading `(?flags)` embedded options; flags
 * b c e i m n p q s t w x (b/e treated as ARE).
 *
 * Postgres counterpart: src/backend/regex/regcomp.c (lexer: regc_lex.c) and the flag parsing of
 * parse_re_flags in src/backend/utils/adt/regexp.c.
 * Match extents: JS is leftmost-first; Postgres takes the longest (greedy RE) or shortest
 * (non-greedy RE) match at the leftmost start; `extent` tells callers which, and they adjust JS's
 * match. Known gaps: capture groups of adjusted matches follow JS's choice of path (Postgres
 * gives `(a*)*` an empty capture where JS gives none); BRE/ERE-only syntax; collating element
 * names beyond single characters.
 */
import { PgError } from '../../../errors/pg-error.js';
import { SQLSTATE } from '../../../errors/sqlstate.js';

/** Parsed Postgres flag letters. */
export interface ReFlags {
  /** `g`: every match (only for functions that allow it). */
  global: boolean;
  caseInsensitive: boolean;
  /** Newline-sensitive `.` and bracket expressions (flags n, m, p). */
  dotNoNewline: boolean;
  /** Newline-sensitive anchors (flags n, m, w). */
  multilineAnchors: boolean;
  expanded: boolean;
  literal: boolean;
}

/** 2201B `invalid regular expression: <what>`. */
export function invalidRegex(what: string): PgError {
  return new PgError(SQLSTATE.invalid_regular_expression, `invalid regular expression: ${what}`);
}

/**
 * Parses a flags string (`'gi'`). Unknown letters: 22023 `invalid regular expression option`.
 * When `fname` is set, `g` raises 22023 `<fname>() does not support the "global" option`.
 */
export function parseReFlags(flags: string, fname?: string, hint?: string): ReFlags {
  const f: ReFlags = { global: false, caseInsensitive: false, dotNoNewline: false, multilineAnchors: false, expanded: false, literal: false };
  for (const ch of flags) {
    switch (ch) {
      case 'g':
        if (fname) {
          throw new PgError(SQLSTATE.invalid_parameter_value, `${fname}() does not support the "global" option`, hint ? { hint } : {});
        }
        f.global = true;
        break;
      case 'b':
      case 'e':
      case 't':
        break;
      case 'c':
        f.caseInsensitive = false;
        break;
      case 'i':
        f.caseInsensitive = true;
        break;
      case 'm':
      case 'n':
        f.dotNoNewline = true;
        f.multilineAnchors = true;
        break;
      case 'p':
        f.dotNoNewline = true;
        f.multilineAnchors = false;
        break;
      case 'w':
        f.dotNoNewline = false;
        f.multilineAnchors = true;
        break;
      case 's':
        f.dotNoNewline = false;
        f.multilineAnchors = false;
        break;
      case 'q':
        f.literal = true;
        break;
      case 'x':
        f.expanded = true;
        break;
      default:
        throw new PgError(SQLSTATE.invalid_parameter_value, `invalid regular expression option: "${ch}"`);
    }
  }
  return f;
}

const WORD = '[\\p{L}\\p{Nd}_]';
const CLASS_BODY: Record<string, string> = {
  alpha: '\\p{L}',
  digit: '\\p{Nd}',
  alnum: '\\p{L}\\p{Nd}',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
  space: '\\s',
  blank: ' \\t',
  punct: '\\p{P}\\p{S}',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\p{Cc}',
  print: '\\P{C}',
  graph: '\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}',
  word: '\\p{L}\\p{Nd}_',
};

function lit(cp: number): string {
  if ((cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return String.fromCodePoint(cp);
  return `\\u{${cp.toString(16)}}`;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isAlnum(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(c);
}

/** Translation state over the pattern's code points. */
class Translator {
  private readonly cps: string[];
  private i = 0;
  private out = '';
  private groups = 0;
  /** Whether the last emitted piece can take a quantifier. */
  private atom = false;
  private depth = 0;
  /** Per open parenthesis: whether it is a lookaround constraint; and how many are open. */
  private readonly lookarounds: boolean[] = [];
  private inLookaround = 0;
  /** An alternation outside any group: the RE as a whole is greedy. */
  topAlternation = false;
  anyAlternation = false;
  /** Greediness of the first quantifier (undefined: none). */
  firstGreedy: boolean | undefined;
  private f: ReFlags;

  constructor(pattern: string, flags: ReFlags) {
    this.cps = Array.from(pattern);
    this.f = { ...flags };
  }

  get flags(): ReFlags {
    return this.f;
  }

  translate(): { source: string; groups: number; extent: MatchExtent } {
    this.directors();
    if (this.f.literal) {
      this.out = this.cps.slice(this.i).map((c) => lit(c.codePointAt(0) as number)).join('');
      return { source: this.out, groups: 0, extent: 'first' };
    }
    while (this.i < this.cps.length) this.step();
    if (this.depth > 0) throw invalidRegex('parentheses () not balanced');
    // Postgres: an RE with a top-level | is greedy; otherwise it has the greediness of its first
    // quantifier; a greedy RE matches the longest text at the leftmost start, a non-greedy one the
    // shortest. Without quantifiers or alternation every match at a start has the same length.
    let extent: MatchExtent = 'longest';
    if (!this.topAlternation && this.firstGreedy === false) extent = 'shortest';
    else if (this.firstGreedy === undefined && !this.anyAlternation) extent = 'first';
    return { source: this.out, groups: this.groups, extent };
  }

  private directors(): void {
    const p = this.cps;
    if (p[0] === '*' && p[1] === '*' && p[2] === '*') {
      if (p[3] === ':') this.i = 4;
      else if (p[3] === '=') {
        this.i = 4;
        this.f.literal = true;
        return;
      }
    }
    if (p[this.i] === '(' && p[this.i + 1] === '?' && /[a-z]/.test(p[this.i + 2] ?? '')) {
      let j = this.i + 2;
      let opts = '';
      while (j < p.length && p[j] !== ')') opts += p[j++];
      if (j >= p.length) throw invalidRegex('invalid embedded option');
      for (const c of opts) {
        if (c === 'g' || !'bceimnpqstwx'.includes(c)) throw invalidRegex('invalid embedded option');
      }
      Object.assign(this.f, parseReFlags(opts), { global: this.f.global });
      this.i = j + 1;
    }
  }

  private peek(k = 0): string | undefined {
    return this.cps[this.i + k];
  }

  private emitAtom(s: string): void {
    this.out += s;
    this.atom = true;
  }

  private step(): void {
    const c = this.cps[this.i++];
    if (this.f.expanded) {
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') return;
      if (c === '#') {
        while (this.i < this.cps.length && this.cps[this.i] !== '\n') this.i++;
        return;
      }
    }
    switch (c) {
      case '\\':
        this.escape();
        return;
      case '[':
        this.emitAtom(this.bracket());
        return;
      case '(':
        this.group();
        return;
      case ')':
        if (this.depth === 0) throw invalidRegex('parentheses () not balanced');
        this.depth--;
        if (this.lookarounds.pop()) this.inLookaround--;
        this.emitAtom(')');
        return;
      case '|':
        if (this.depth === 0) this.topAlternation = true;
        this.anyAlternation = true;
        this.out += '|';
        this.atom = false;
        return;
      case '^':
        this.out += this.f.multilineAnchors ? '(?<=^|\\n)' : '^';
        this.atom = false;
        return;
      case '$':
        this.out += this.f.multilineAnchors ? '(?=$|\\n)' : '$';
        this.atom = false;
        return;
      case '.':
        this.emitAtom(this.f.dotNoNewline ? '[^\\n]' : '[^]');
        return;
      case '*':
      case '+':
      case '?':
        this.quantifier(c);
        return;
      case '{':
        if (isDigit(this.peek())) this.bound();
        else this.emitAtom(lit(123));
        return;
      default:
        this.emitAtom(lit(c.codePointAt(0) as number));
    }
  }

  private quantifier(q: string): void {
    if (!this.atom) throw invalidRegex('quantifier operand invalid');
    let s = q;
    if (this.peek() === '?') {
      this.i++;
      s += '?';
    }
    this.firstGreedy ??= s.length === 1;
    this.out += s;
    this.afterQuantifier();
  }

  /** Postgres rejects a quantifier right after another (`a**`, `a{1}{2}`). */
  private afterQuantifier(): void {
    this.atom = false;
    const n = this.peek();
    // `{` starts a bound only when followed by a digit (Postgres's lexer).
    if (n === '*' || n === '+' || n === '?' || (n === '{' && isDigit(this.peek(1)))) throw invalidRegex('quantifier operand invalid');
  }

  private bound(): void {
    if (!this.atom) throw invalidRegex('quantifier operand invalid');
    const readNum = (): number => {
      let s = '';
      while (isDigit(this.peek())) s += this.cps[this.i++];
      return s === '' ? -1 : Number(s);
    };
    const m = readNum();
    let n = m;
    if (this.peek() === ',') {
      this.i++;
      n = readNum();
    }
    if (this.peek() !== '}') throw invalidRegex('invalid repetition count(s)');
    this.i++;
    if (m > 255 || n > 255 || (n >= 0 && n < m)) throw invalidRegex('invalid repetition count(s)');
    let s = n === m ? `{${m}}` : n < 0 ? `{${m},}` : `{${m},${n}}`;
    let greedy = true;
    if (this.peek() === '?') {
      this.i++;
      s += '?';
      greedy = false;
    }
    // {m} has no greediness of its own in Postgres; {m,n} does.
    if (n !== m) this.firstGreedy ??= greedy;
    this.out += s;
    this.afterQuantifier();
  }

  private group(): void {
    if (this.peek() === '?') {
      const a = this.peek(1);
      const b = this.peek(2);
      let open: string | undefined;
      if (a === ':') open = '(?:';
      else if (a === '=') open = '(?=';
      else if (a === '!') open = '(?!';
      else if (a === '<' && b === '=') open = '(?<=';
      else if (a === '<' && b === '!') open = '(?<!';
      if (!open) throw invalidRegex('quantifier operand invalid');
      this.i += open.length - 1;
      this.out += open;
      const look = open !== '(?:';
      this.lookarounds.push(look);
      if (look) this.inLookaround++;
    } else {
      this.groups++;
      this.out += '(';
      this.lookarounds.push(false);
    }
    this.depth++;
    this.atom = false;
  }

  private escape(): void {
    const c = this.cps[this.i++];
    if (c === undefined) throw invalidRegex('invalid escape \\ sequence');
    const code = this.escapeCode(c, false);
    if (code !== undefined) {
      this.emitAtom(lit(code));
      return;
    }
    switch (c) {
      case 'd':
        return this.emitAtom('\\p{Nd}');
      case 'D':
        return this.emitAtom('\\P{Nd}');
      case 's':
        return this.emitAtom('\\s');
      case 'S':
        return this.emitAtom('\\S');
      case 'w':
        return this.emitAtom(WORD);
      case 'W':
        return this.emitAtom('[^\\p{L}\\p{Nd}_]');
      case 'm':
        this.out += `(?<!${WORD})(?=${WORD})`;
        this.atom = false;
        return;
      case 'M':
        this.out += `(?<=${WORD})(?!${WORD})`;
        this.atom = false;
        return;
      case 'y':
        this.out += `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;
        this.atom = false;
        return;
      case 'Y':
        this.out += `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;
        this.atom = false;
        return;
      case 'A':
        this.out += '^';
        this.atom = false;
        return;
      case 'Z':
        this.out += '$';
        this.atom = false;
        return;
    }
    if (c >= '1' && c <= '9') {
      let num = c;
      while (isDigit(this.peek()) && Number(num + this.peek()) <= this.groups) num += this.cps[this.i++];
      // (a lookahead / lookbehind constraint may not hold back references in Postgres's engine)
      if (Number(num) > this.groups || this.inLookaround > 0) throw invalidRegex('invalid backreference number');
      this.emitAtom(`\\${num}`);
      return;
    }
    if (isAlnum(c)) throw invalidRegex('invalid escape \\ sequence');
    this.emitAtom(lit(c.codePointAt(0) as number));
  }

  /** A character-entry escape's code point, or undefined if `c` is not one. */
  private escapeCode(c: string, inBracket: boolean): number | undefined {
    switch (c) {
      case 'a':
        return 7;
      case 'b':
        return 8;
      case 'B':
        return 92;
      case 'e':
        return 27;
      case 'f':
        return 12;
      case 'n':
        return 10;
      case 'r':
        return 13;
      case 't':
        return 9;
      case 'v':
        return 11;
      case 'c': {
        const x = this.cps[this.i++];
        if (x === undefined) throw invalidRegex('invalid escape \\ sequence');
        return (x.codePointAt(0) as number) & 31;
      }
      case 'x': {
        let h = '';
        while (/[0-9A-Fa-f]/.test(this.peek() ?? '') && h.length < 255) h += this.cps[this.i++];
        if (h === '') throw invalidRegex('invalid escape \\ sequence');
        const v = parseInt(h, 16);
        if (v > 0x10ffff) throw invalidRegex('invalid escape \\ sequence');
        return v;
      }
      case 'u':
      case 'U': {
        const len = c === 'u' ? 4 : 8;
        let h = '';
        for (let k = 0; k < len; k++) {
          const d = this.peek();
          if (!/[0-9A-Fa-f]/.test(d ?? '')) throw invalidRegex('invalid escape \\ sequence');
          h += this.cps[this.i++];
        }
        const v = parseInt(h, 16);
        if (v > 0x10ffff) throw invalidRegex('invalid escape \\ sequence');
        return v;
      }
      case '0': {
        let o = '';
        while (/[0-7]/.test(this.peek() ?? '') && o.length < 3) o += this.cps[this.i++];
        return o === '' ? 0 : parseInt(o, 8);
      }
    }
    if (inBracket && !isAlnum(c)) return c.codePointAt(0) as number;
    return undefined;
  }

  /** Translates a bracket expression (the `[` is consumed). */
  private bracket(): string {
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.i++;
    }
    let body = '';
    let first = true;
    for (;;) {
      const c = this.cps[this.i++];
      if (c === undefined) throw invalidRegex('brackets [] not balanced');
      if (c === ']' && !first) break;
      first = false;
      let lo: number | undefined;
      if (c === '[' && (this.peek() === ':' || this.peek() === '.' || this.peek() === '=')) {
        const kind = this.cps[this.i++];
        let name = '';
        while (this.i < this.cps.length && !(this.cps[this.i] === kind && this.cps[this.i + 1] === ']')) name += this.cps[this.i++];
        if (this.i >= this.cps.length) throw invalidRegex('brackets [] not balanced');
        this.i += 2;
        if (kind === ':') {
          const cls = CLASS_BODY[name];
          if (cls === undefined) throw invalidRegex('invalid character class');
          body += cls;
          continue;
        }
        const chars = Array.from(name);
        if (chars.length !== 1) throw invalidRegex('invalid collating element');
        lo = chars[0].codePointAt(0) as number;
      } else if (c === '\\') {
        const e = this.cps[this.i++];
        if (e === undefined) throw invalidRegex('brackets [] not balanced');
        const cls = { d: '\\p{Nd}', s: '\\s', w: '\\p{L}\\p{Nd}_' }[e];
        if (cls) {
          body += cls;
          continue;
        }
        if (e === 'D' || e === 'S' || e === 'W') throw invalidRegex('invalid escape \\ sequence');
        const code = this.escapeCode(e, true);
        if (code === undefined) throw invalidRegex('invalid escape \\ sequence');
        lo = code;
      } else {
        lo = c.codePointAt(0) as number;
      }
      // A range `lo-hi` unless the `-` is last.
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.i++;
        let hc = this.cps[this.i++];
        let hi: number;
        if (hc === '\\') {
          hc = this.cps[this.i++];
          const code = hc === undefined ? undefined : this.escapeCode(hc, true);
          if (code === undefined) throw invalidRegex('invalid character range');
          hi = code;
        } else if (hc === '[' && this.peek() === '.') {
          this.i++;
          let name = '';
          while (this.i < this.cps.length && !(this.cps[this.i] === '.' && this.cps[this.i + 1] === ']')) name += this.cps[this.i++];
          this.i += 2;
          const chars = Array.from(name);
          if (chars.length !== 1) throw invalidRegex('invalid collating element');
          hi = chars[0].codePointAt(0) as number;
        } else {
          hi = hc.codePointAt(0) as number;
        }
        if (hi < lo) throw invalidRegex('invalid character range');
        body += `${lit(lo)}-${lit(hi)}`;
      } else {
        body += lit(lo);
      }
    }
    if (negate) return this.f.dotNoNewline ? `[^${body}\\n]` : `[^${body}]`;
    return body === '' ? '[]' : `[${body}]`;
  }
}

/** Which match Postgres picks among those at the leftmost start. */
export type MatchExtent = 'longest' | 'shortest' | 'first';

/** A compiled pattern: the JS RegExp, its group count, and what POSIX match extents need. */
export interface CompiledRe {
  readonly re: RegExp;
  readonly groups: number;
  /** Same pattern with the JS `g` flag, for iterating matches. */
  readonly global: RegExp;
  /** The translated source (JS syntax). */
  readonly source: string;
  readonly jsFlags: string;
  /** Which match Postgres picks at the leftmost start (JS picks the first in its search order). */
  readonly extent: MatchExtent;
}

const cache = new Map<string, CompiledRe>();

/**
 * Compiles a Postgres pattern with parsed flags (cached).
 *
 * @example compileRe('^a\\d+$', parseReFlags('i')).re.test('A12') === true
 */
export function compileRe(pattern: string, flags: ReFlags): CompiledRe {
  const key = `${flags.caseInsensitive ? 'i' : ''}${flags.dotNoNewline ? 'n' : ''}${flags.multilineAnchors ? 'm' : ''}${flags.expanded ? 'x' : ''}${flags.literal ? 'q' : ''}\u0000${pattern}`;
  let c = cache.get(key);
  if (c) return c;
  const t = new Translator(pattern, flags);
  const { source, groups, extent } = t.translate();
  const jsFlags = 'u' + (t.flags.caseInsensitive ? 'i' : '');
  let re: RegExp;
  let global: RegExp;
  try {
    re = new RegExp(source, jsFlags);
    global = new RegExp(source, jsFlags + 'g');
  } catch {
    throw invalidRegex('invalid regular expression syntax');
  }
  c = { re, groups, global, source, jsFlags, extent };
  if (cache.size > 1000) cache.clear();
  cache.set(key, c);
  return c;
}
