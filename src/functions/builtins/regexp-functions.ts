/**
 * Regular-expression functions: regexp_match, regexp_matches (set-returning), regexp_replace
 * (all forms), regexp_split_to_array / regexp_split_to_table, regexp_count, regexp_instr,
 * regexp_substr, regexp_like, and substring(text FROM pattern) / substring(... SIMILAR ...).
 * Patterns go through regex/are.ts; positions and `start` arguments count characters.
 *
 * Postgres counterpart: src/backend/utils/adt/regexp.c.
 * Known gaps: match extents follow JS's leftmost-first rule rather than POSIX leftmost-longest
 * (`substring('abcd' from 'a|ab')` gives `a`, Postgres `ab`).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { charIndex, charLength } from '../../types/text.js';
import { PgArray, type Value } from '../../types/values.js';
import { fn } from '../registry.js';
import { compileRe, parseReFlags, type CompiledRe, type ReFlags } from './regex/are.js';
import { similarParts, similarToEscape } from './similar.js';

const T = OID.text;
const I4 = OID.int4;
const TA = OID._text;

interface Match {
  /** UTF-16 start/end of the whole match. */
  start: number;
  end: number;
  /** Group texts (index 0: whole match); undefined for groups that did not participate. */
  groups: (string | undefined)[];
  m: RegExpExecArray;
  /** The RegExp that produced it. */
  re: RegExp;
}

function badParam(name: string, v: number): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "${name}": ${v}`);
}

/** All matches (or the first when not global) starting the search at UTF-16 index `from`. */
function findMatches(s: string, pattern: string, flags: ReFlags, from = 0, global = flags.global): Match[] {
  const c = compileRe(pattern, flags);
  const re = c.global;
  re.lastIndex = from;
  const out: Match[] = [];
  for (;;) {
    let m = re.exec(s);
    if (!m) break;
    if (c.extent !== 'first' && s.length <= MAX_EXTENT_ADJUST) {
      m = c.extent === 'longest' ? longestAt(c, s, m) : shortestAt(c, s, m);
      re.lastIndex = m.index + m[0].length;
    }
    out.push({ start: m.index, end: m.index + m[0].length, groups: Array.from(m), m, re });
    if (!global) break;
    if (m[0].length === 0) {
      // Step over one character (a surrogate pair counts as one).
      const code = s.charCodeAt(re.lastIndex);
      re.lastIndex += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      if (re.lastIndex > s.length) break;
    }
  }
  return out;
}

/** Longest subject for which match extents are adjusted (each adjustment step is O(length)). */
const MAX_EXTENT_ADJUST = 100_000;

/**
 * Postgres's rule for a greedy RE: among matches starting where JS's did, the longest. Each
 * round asks JS for a match at the same start ending further right (a lookbehind pins the end).
 */
function longestAt(c: CompiledRe, s: string, m: RegExpExecArray): RegExpExecArray {
  let best = m;
  for (;;) {
    const end = best.index + best[0].length;
    if (end >= s.length) return best;
    const longer = new RegExp(`(?:${c.source})(?<=[^]{${end + 1}})`, c.jsFlags + 'y');
    longer.lastIndex = best.index;
    const n = longer.exec(s);
    if (!n) return best;
    best = n;
  }
}

/** Postgres's rule for a non-greedy RE: the shortest match at JS's start. */
function shortestAt(c: CompiledRe, s: string, m: RegExpExecArray): RegExpExecArray {
  let best = m;
  for (;;) {
    const end = best.index + best[0].length;
    if (end <= best.index) return best;
    const shorter = new RegExp(`(?:${c.source})(?<![^]{${end}})`, c.jsFlags + 'y');
    shorter.lastIndex = best.index;
    const n = shorter.exec(s);
    if (!n) return best;
    best = n;
  }
}

/** The text[] regexp_match returns for a match: the groups, or the whole match without groups. */
function matchArray(m: Match): PgArray {
  if (m.groups.length === 1) return PgArray.of([m.groups[0] as string]);
  return PgArray.of(m.groups.slice(1).map((g) => (g === undefined ? null : g)));
}

function flagsOf(v: Value | undefined, fname?: string, hint?: string): ReFlags {
  return parseReFlags(v === undefined ? '' : (v as string), fname, hint);
}

function startIndex(s: string, start: number): number {
  if (start <= 0) throw badParam('start', start);
  return charIndex(s, start - 1);
}

// regexp_match / regexp_matches.
const MATCH_HINT = 'Use the regexp_matches function instead.';
fn('regexp_match', [T, T], TA, (a) => regexpMatch(a[0] as string, a[1] as string, flagsOf(undefined)));
fn('regexp_match', [T, T, T], TA, (a) => regexpMatch(a[0] as string, a[1] as string, flagsOf(a[2], 'regexp_match', MATCH_HINT)));
function regexpMatch(s: string, p: string, f: ReFlags): Value {
  const m = findMatches(s, p, f, 0, false);
  return m.length ? matchArray(m[0]) : null;
}
fn('regexp_matches', [T, T], TA, (a) => findMatches(a[0] as string, a[1] as string, flagsOf(undefined)).map(matchArray), { retset: true });
fn('regexp_matches', [T, T, T], TA, (a) => findMatches(a[0] as string, a[1] as string, flagsOf(a[2])).map(matchArray), { retset: true });

// regexp_replace.
function expandReplacement(rep: string, m: Match): string {
  if (rep.indexOf('\\') < 0) return rep;
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c !== '\\' || i + 1 >= rep.length) {
      out += c;
      continue;
    }
    const n = rep[i + 1];
    if (n >= '1' && n <= '9') {
      out += m.groups[Number(n)] ?? '';
      i++;
    } else if (n === '&') {
      out += m.groups[0] as string;
      i++;
    } else if (n === '\\') {
      out += '\\';
      i++;
    } else out += '\\';
  }
  return out;
}

/** regexp_replace(source, pattern, replacement, start, n, flags); n = 0 replaces all. */
export function regexpReplace(s: string, p: string, rep: string, start: number, n: number, f: ReFlags): string {
  if (n < 0) throw badParam('n', n);
  const from = startIndex(s, start);
  const all = n === 0 || (f.global && n === 0);
  const matches = findMatches(s, p, f, from, all || n > 1);
  const chosen = all ? matches : matches.slice(n - 1, n);
  if (!chosen.length) return s;
  let out = '';
  let pos = 0;
  for (const m of chosen) {
    out += s.slice(pos, m.start) + expandReplacement(rep, m);
    pos = m.end;
  }
  return out + s.slice(pos);
}
fn('regexp_replace', [T, T, T], T, (a) => regexpReplace(a[0] as string, a[1] as string, a[2] as string, 1, 1, flagsOf(undefined)));
fn('regexp_replace', [T, T, T, T], T, (a) => {
  const f = flagsOf(a[3]);
  return regexpReplace(a[0] as string, a[1] as string, a[2] as string, 1, f.global ? 0 : 1, f);
});
fn('regexp_replace', [T, T, T, I4], T, (a) => regexpReplace(a[0] as string, a[1] as string, a[2] as string, a[3] as number, 1, flagsOf(undefined)));
fn('regexp_replace', [T, T, T, I4, I4], T, (a) =>
  regexpReplace(a[0] as string, a[1] as string, a[2] as string, a[3] as number, a[4] as number, flagsOf(undefined)),
);
fn('regexp_replace', [T, T, T, I4, I4, T], T, (a) =>
  regexpReplace(a[0] as string, a[1] as string, a[2] as string, a[3] as number, a[4] as number, flagsOf(a[5])),
);

// Splitting: zero-length matches at the start, the end, or right after a match are ignored.
function regexpSplit(s: string, p: string, f: ReFlags): string[] {
  const parts: string[] = [];
  let prevEnd = 0;
  let pieceStart = 0;
  for (const m of findMatches(s, p, f, 0, true)) {
    if (m.start < s.length && m.end > prevEnd) {
      parts.push(s.slice(pieceStart, m.start));
      pieceStart = m.end;
      prevEnd = m.end;
    }
  }
  parts.push(s.slice(pieceStart));
  return parts;
}
const SPLIT_FLAGS = (name: string, v: Value | undefined): ReFlags => flagsOf(v, name);
fn('regexp_split_to_array', [T, T], TA, (a) => PgArray.of(regexpSplit(a[0] as string, a[1] as string, flagsOf(undefined))));
fn('regexp_split_to_array', [T, T, T], TA, (a) =>
  PgArray.of(regexpSplit(a[0] as string, a[1] as string, SPLIT_FLAGS('regexp_split_to_array', a[2]))),
);
fn('regexp_split_to_table', [T, T], T, (a) => regexpSplit(a[0] as string, a[1] as string, flagsOf(undefined)), { retset: true });
fn('regexp_split_to_table', [T, T, T], T, (a) => regexpSplit(a[0] as string, a[1] as string, SPLIT_FLAGS('regexp_split_to_table', a[2])), {
  retset: true,
});

// regexp_count / regexp_like / regexp_instr / regexp_substr.
function regexpCount(a: Value[]): number {
  const s = a[0] as string;
  const from = startIndex(s, a[2] === undefined ? 1 : (a[2] as number));
  return findMatches(s, a[1] as string, flagsOf(a[3], 'regexp_count'), from, true).length;
}
fn('regexp_count', [T, T], I4, regexpCount);
fn('regexp_count', [T, T, I4], I4, regexpCount);
fn('regexp_count', [T, T, I4, T], I4, regexpCount);
fn('regexp_like', [T, T], OID.bool, (a) => compileRe(a[1] as string, flagsOf(undefined)).re.test(a[0] as string));
fn('regexp_like', [T, T, T], OID.bool, (a) => compileRe(a[1] as string, flagsOf(a[2], 'regexp_like')).re.test(a[0] as string));

/** The N-th match from `start` (1-based), with the subexpression index checked. */
function nthMatch(a: Value[], fname: string, startAt: number, nAt: number, flagsAt: number, subAt: number): { s: string; m?: Match; sub: number } {
  const s = a[0] as string;
  const start = a[startAt] === undefined ? 1 : (a[startAt] as number);
  const n = a[nAt] === undefined ? 1 : (a[nAt] as number);
  const sub = a[subAt] === undefined ? 0 : (a[subAt] as number);
  const from = startIndex(s, start);
  if (n <= 0) throw badParam('n', n);
  if (sub < 0) throw badParam('subexpr', sub);
  const f = flagsOf(a[flagsAt], fname);
  const ms = findMatches(s, a[1] as string, f, from, n > 1);
  const m = ms[n - 1];
  return { s, m, sub };
}

function regexpInstr(a: Value[]): number {
  const endopt = a[4] === undefined ? 0 : (a[4] as number);
  if (endopt !== 0 && endopt !== 1) throw badParam('endoption', endopt);
  const { s, m, sub } = nthMatch(a, 'regexp_instr', 2, 3, 5, 6);
  if (!m || sub >= m.groups.length) return 0;
  let so = m.start;
  let eo = m.end;
  if (sub > 0) {
    const g = m.groups[sub];
    if (g === undefined) return 0;
    so = groupStart(m, sub);
    eo = so + g.length;
  }
  return charLength(s.slice(0, endopt === 0 ? so : eo)) + 1;
}

/** UTF-16 start of group `k` of a match: re-run at the match position with indices (`d` flag). */
function groupStart(m: Match, k: number): number {
  const re = new RegExp(m.re.source, m.re.flags.replace('g', '') + 'dy');
  re.lastIndex = m.start;
  const r = re.exec(m.m.input) as (RegExpExecArray & { indices: ([number, number] | undefined)[] }) | null;
  return r?.indices[k]?.[0] ?? m.start;
}

for (const sig of [[T, T], [T, T, I4], [T, T, I4, I4], [T, T, I4, I4, I4], [T, T, I4, I4, I4, T], [T, T, I4, I4, I4, T, I4]]) {
  fn('regexp_instr', sig, I4, regexpInstr);
}
function regexpSubstr(a: Value[]): Value {
  const { m, sub } = nthMatch(a, 'regexp_substr', 2, 3, 4, 5);
  if (!m || sub >= m.groups.length) return null;
  return m.groups[sub] ?? null;
}
for (const sig of [[T, T], [T, T, I4], [T, T, I4, I4], [T, T, I4, I4, T], [T, T, I4, I4, T, I4]]) {
  fn('regexp_substr', sig, T, regexpSubstr);
}

// substring(text FROM pattern): the first group if the pattern has one, else the whole match.
fn('substring', [T, T], T, (a) => {
  const m = findMatches(a[0] as string, a[1] as string, flagsOf(undefined), 0, false)[0];
  if (!m) return null;
  return m.groups.length > 1 ? (m.groups[1] ?? null) : (m.groups[0] as string);
});
// substring(text SIMILAR pattern ESCAPE esc).
fn('substring', [T, T, T], T, (a) => {
  const parts = similarParts(a[1] as string, a[2] as string);
  if (parts && (a[0] as string).length <= MAX_SIMILAR_SPLIT) return similarSubstring(a[0] as string, parts);
  const re = similarToEscape(a[1] as string, a[2] as string);
  const m = findMatches(a[0] as string, re, flagsOf(undefined), 0, false)[0];
  if (!m) return null;
  return m.groups.length > 1 ? (m.groups[1] ?? null) : (m.groups[0] as string);
});

/** Longest subject for which substring(... SIMILAR ...) tries every split (O(n^2) tests). */
const MAX_SIMILAR_SPLIT = 2_000;

/**
 * substring(s SIMILAR p1#"p2#"p3): the whole string must match; p1 takes the shortest prefix
 * that lets the rest match, then p2 the longest that lets p3 match what is left.
 */
function similarSubstring(s: string, [p1, p2, p3]: [string, string, string]): string | null {
  const f = flagsOf(undefined);
  const whole = (p: string) => compileRe(`^(?:${p})$`, f).re;
  const r1 = whole(p1), r2 = whole(p2), r3 = whole(p3), rest = whole(`(?:${p2})(?:${p3})`);
  const cps = Array.from(s);
  const at: number[] = [0];
  for (const c of cps) at.push(at[at.length - 1] + c.length);
  for (let k = 0; k < at.length; k++) {
    const tail = s.slice(at[k]);
    if (!r1.test(s.slice(0, at[k])) || !rest.test(tail)) continue;
    for (let j = at.length - 1; j >= k; j--) {
      if (r2.test(s.slice(at[k], at[j])) && r3.test(s.slice(at[j]))) return s.slice(at[k], at[j]);
    }
  }
  return null;
}
